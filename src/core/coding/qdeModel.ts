// Reading project.qde from another tool: well-formed XML (no DOCTYPE: no entity expansion), the REFI-QDA
// project namespace, and the shape of the parts an import reads (codes, text sources, selections,
// codings, notes) checked with zod, so a file that does not fit is refused naming the element
// (Project.Sources.TextSource[0].PlainTextSelection[2].@startPosition). The full XSD is checked by the unit
// tests on what we write (xmllint); at import time this check mirrors the parts of it we rely on.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { formatPath, lazySchemas } from '../schema';
import { QDE_NAMESPACE } from './qdpxExport';

/** A project.qde refused, with the reason. */
export class QdeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdeError';
  }
}

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

export interface QdeCode {
  '@guid': string;
  '@name': string;
  '@isCodable': string;
  '@color'?: string;
  Description?: string;
  NoteRef?: { '@targetGUID': string }[];
  Code?: QdeCode[];
}

/** The parts of project.qde an import reads. */
const qdeSchemas = lazySchemas(() => {
  const guid = z.string().regex(GUID, 'not a GUID');
  const integer = z.string().regex(/^\s*[+-]?\d+\s*$/, 'not an integer').transform((s) => Number(s.trim()));
  const text = z.string();
  const refs = z.array(z.looseObject({ '@targetGUID': guid })).optional();

  const CodingSchema = z.looseObject({
    '@guid': guid,
    '@creationDateTime': z.string().optional(),
    CodeRef: z.looseObject({ '@targetGUID': guid }),
    NoteRef: refs,
  });

  const SelectionSchema = z.looseObject({
    '@guid': guid,
    '@name': z.string().optional(),
    '@startPosition': integer,
    '@endPosition': integer,
    '@creationDateTime': z.string().optional(),
    '@modifiedDateTime': z.string().optional(),
    Description: text.optional(),
    Coding: z.array(CodingSchema).optional(),
    NoteRef: refs,
  });

  const TextSourceSchema = z.looseObject({
    '@guid': guid,
    '@name': z.string().optional(),
    '@plainTextPath': z.string().optional(),
    Description: text.optional(),
    PlainTextContent: text.optional(),
    PlainTextSelection: z.array(SelectionSchema).optional(),
    NoteRef: refs,
  });

  const CodeSchema: z.ZodType<QdeCode> = z.lazy(() =>
    z.looseObject({
      '@guid': guid,
      '@name': z.string(),
      '@isCodable': z.enum(['true', 'false', '1', '0']),
      '@color': z.string().regex(/^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/, 'not a colour #rrggbb or #rgb').optional(),
      Description: text.optional(),
      NoteRef: refs,
      Code: z.array(CodeSchema).optional(),
    }),
  ) as z.ZodType<QdeCode>;

  const NoteSchema = z.looseObject({
    '@guid': guid,
    '@name': z.string().optional(),
    '@plainTextPath': z.string().optional(),
    PlainTextContent: text.optional(),
  });

  const ProjectSchema = z.looseObject({
    '@name': z.string(),
    CodeBook: z.looseObject({ Codes: z.looseObject({ Code: z.array(CodeSchema) }) }).optional(),
    Sources: z.looseObject({ TextSource: z.array(TextSourceSchema).optional() }).optional(),
    Notes: z.looseObject({ Note: z.array(NoteSchema) }).optional(),
  });

  return { ProjectSchema, TextSourceSchema, SelectionSchema, NoteSchema };
});

type QdeSchemas = ReturnType<typeof qdeSchemas>;
export type QdeProject = z.infer<QdeSchemas['ProjectSchema']>;
export type QdeTextSource = z.infer<QdeSchemas['TextSourceSchema']>;
export type QdeSelection = z.infer<QdeSchemas['SelectionSchema']>;
export type QdeNote = z.infer<QdeSchemas['NoteSchema']>;

const REPEATED = new Set([
  'Code', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding',
  'NoteRef', 'Note', 'VariableValue', 'Variable', 'Case', 'User', 'Set', 'Link', 'Graph', 'Vertex', 'Edge',
  'SourceRef', 'SelectionRef', 'MemberCode', 'MemberSource', 'MemberNote', 'Transcript', 'SyncPoint',
]);

/** Parses and checks project.qde; throws QdeError saying what is wrong. */
export function parseQde(xml: string): QdeProject {
  xml = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(xml)) throw new QdeError('project.qde has a DOCTYPE, which REFI-QDA files do not have (refused: entities could expand without end)');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new QdeError(`project.qde is not well-formed XML (line ${wellFormed.err.line}, column ${wellFormed.err.col}: ${wellFormed.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = decodeReferences(parser.parse(xml)) as Record<string, unknown>;
  const root = doc.Project as Record<string, unknown> | undefined;
  if (root === undefined) throw new QdeError('project.qde does not validate: its root element is not Project');
  // The parser drops namespace declarations (removeNSPrefix), so the root's start tag is read for them.
  const start = /<(?:[\w.-]+:)?Project\b[^>]*>/.exec(xml)?.[0] ?? '';
  const namespaces = [...start.matchAll(/\bxmlns(?::[\w.-]+)?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => m[1] ?? m[2]);
  if (!namespaces.includes(QDE_NAMESPACE)) throw new QdeError(`project.qde does not validate: Project is not in the namespace ${QDE_NAMESPACE}`);
  const result = qdeSchemas().ProjectSchema.safeParse(root);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new QdeError(`project.qde does not validate: ${formatPath(['Project', ...issue.path])}: ${issue.message}`);
  }
  return result.data;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and character references, decoded in every string of the parsed tree. */
function decodeReferences(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (whole, dec: string, hex: string, name: string) => {
      if (name) return NAMED[name];
      const cp = dec ? Number(dec) : parseInt(hex, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    });
  }
  if (Array.isArray(value)) return value.map(decodeReferences);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeReferences(v)]));
  return value;
}
