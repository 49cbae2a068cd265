// The one source of the export format (shared/docs/spec.md, "The export (AnnotationSet), version 1").
// The JSON Schema shipped in the extension (dist/annotation-set.schema.json) is generated from this.
import { z } from 'zod';
import { stripBom } from './bom';
import { FIGURE_BOUNDS, FIGURE_KINDS, FIGURE_ROLES, REPORT_LEVELS } from './types';

export const ANNOTATION_SET_FORMAT = 'report-annotator.annotation-set';
export const ANNOTATION_SET_VERSION = 1;
export const SIDECAR_FORMAT = 'report-annotator.sidecar';
export const SIDECAR_VERSION = 1;

// The zod schemas are built on first use, not when the module loads: the extension's activation loads zod
// itself only when a file is first validated (scripts/build.mjs), and building the schemas costs time too.
let zodConfigured = false;

/** A module's zod schemas, built on the first call of the function returned (zod configured first). */
export function lazySchemas<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    if (!zodConfigured) {
      // zod's compiled fast path first probes `navigator`, which VS Code's Node 22+ extension host reports as
      // an error on every activation; the interpreted path validates the same and is fast enough for our
      // sizes. Set before any schema is built: zod reads it when a schema is constructed.
      z.config({ jitless: true });
      zodConfigured = true;
    }
    return (built ??= build());
  };
}

/** The zod schemas of the formats. */
export const schemas = lazySchemas(() => {
  const offset = z.number().int().nonnegative();

  /** A code point range [start, end). */
  const RangeSchema = z
    .object({ start: offset, end: offset })
    .refine((r) => r.end >= r.start, { message: 'end must not be before start', path: ['end'] });

  const id = z.string().min(1);

  const SectionSchema = z.object({
    id,
    parentId: id.optional(),
    level: z.number().int().min(0).max(3),
    title: z.string(),
    heading: RangeSchema,
    range: RangeSchema,
  });

  const ParagraphSchema = z.object({
    id,
    sectionId: id.optional(),
    range: RangeSchema,
  });

  const direction = z.enum(['up', 'down', 'flat']);

  const FigureSchema = z.object({
    id,
    paragraphId: id.optional(),
    text: z.string(),
    range: RangeSchema,
    kind: z.enum(FIGURE_KINDS),
    value: z.number(),
    magnitude: z.number().positive(),
    baseValue: z.number(),
    high: z.object({ value: z.number(), baseValue: z.number() }).optional(),
    unit: z.string(),
    approx: z.boolean(),
    // Optional so that exports written before these fields existed still import.
    bound: z.enum(FIGURE_BOUNDS).optional(),
    indicator: z.string().optional(),
    indicatorKey: z.string().optional(),
    role: z.enum(FIGURE_ROLES).optional(),
    year: z.number().int().optional(),
    direction: direction.optional(),
    change: z.object({ direction, figureId: id.optional() }).optional(),
  });

  const ProjectSchema = z.object({
    id,
    name: z.string().min(1),
    occurrences: z.array(RangeSchema),
  });

  const CaptionSchema = z.object({
    kind: z.enum(['caption', 'byline', 'boilerplate']),
    text: z.string(),
    range: RangeSchema,
  });

  /** W3C Web Annotation: a TextPositionSelector (start, end) and a TextQuoteSelector (exact, prefix, suffix). */
  const TargetSchema = z
    .object({
      start: offset,
      end: offset,
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
    })
    .refine((r) => r.end >= r.start, { message: 'end must not be before start', path: ['end'] });

  /** An ISO 8601 date and time with a zone (Z or ±hh:mm), as toISOString writes it; "0" or "2024" is not one. */
  const isoDate = z.iso.datetime({ offset: true, message: 'not an ISO 8601 date and time (2026-01-01T00:00:00.000Z)' });

  const AnnotationSchema = z.object({
    id,
    tags: z.array(z.string().min(1)),
    note: z.string().optional(),
    target: TargetSchema,
    created: isoDate,
    modified: isoDate,
  });

  const ReportMetaSchema = z.object({
    year: z.number().int().optional(),
    region: z.string().optional(),
    level: z.enum(REPORT_LEVELS).optional(),
    genre: z.enum(['workReport', 'news']),
  });

  const DocumentExportSchema = z.object({
    uri: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256'),
    length: offset,
    title: z.string().optional(),
    meta: ReportMetaSchema.optional(),
    sections: z.array(SectionSchema),
    paragraphs: z.array(ParagraphSchema),
    figures: z.array(FigureSchema),
    projects: z.array(ProjectSchema),
    captions: z.array(CaptionSchema).optional(),
    annotations: z.array(AnnotationSchema),
  });

  const AnnotationSetSchema = z.object({
    format: z.literal(ANNOTATION_SET_FORMAT),
    version: z.literal(ANNOTATION_SET_VERSION),
    offsetEncoding: z.literal('codepoint'),
    generator: z.object({ name: z.string(), version: z.string() }),
    exportedAt: isoDate,
    documents: z.array(DocumentExportSchema),
  });

  // The indicator table (data/indicators.json and users' additions; src/core/indicators.ts).
  const IndicatorEntrySchema = z.object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a key of Latin letters and digits (gdp, fiscalRevenue)'),
    /** The Chinese name, matched like a synonym. */
    name: z.string().min(1),
    nameEn: z.string().optional(),
    synonyms: z.array(z.string().min(1)).default([]),
    kinds: z.array(z.enum(FIGURE_KINDS)).min(1, 'at least one kind of figure (currency, percent, count …)'),
  });

  /** A table file: { "indicators": [entries] }, or the bare array of entries. */
  const IndicatorFileSchema = z.union([
    z.object({ indicators: z.array(z.unknown()) }).loose(),
    z.array(z.unknown()),
  ]);

  // The sidecar: one report's annotations (see parseSidecarFile below).
  const SidecarAnnotationSchema = AnnotationSchema.extend({
    /** Its text was not found in the document: target is where and what it last was. */
    orphaned: z.boolean().optional(),
  });

  const SidecarSchema = z.object({
    format: z.literal(SIDECAR_FORMAT),
    version: z.literal(SIDECAR_VERSION),
    offsetEncoding: z.literal('codepoint'),
    /** The text the offsets were written for. */
    document: DocumentExportSchema.pick({ sha256: true, length: true }),
    annotations: z.array(SidecarAnnotationSchema),
  });

  return {
    RangeSchema,
    SectionSchema,
    ParagraphSchema,
    FigureSchema,
    ProjectSchema,
    CaptionSchema,
    TargetSchema,
    AnnotationSchema,
    ReportMetaSchema,
    DocumentExportSchema,
    AnnotationSetSchema,
    IndicatorEntrySchema,
    IndicatorFileSchema,
    SidecarAnnotationSchema,
    SidecarSchema,
  };
});

type Schemas = ReturnType<typeof schemas>;

export type AnnotationSet = z.infer<Schemas['AnnotationSetSchema']>;
export type DocumentExport = z.infer<Schemas['DocumentExportSchema']>;
export type AnnotationExport = z.infer<Schemas['AnnotationSchema']>;
export type CodePointRange = z.infer<Schemas['RangeSchema']>;

/** Thrown when JSON does not match the schema; the message names each wrong field by its path. */
export class SchemaError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '));
    this.name = 'SchemaError';
  }
}

/** Formats a zod path as documents[0].figures[3].kind. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Validates an AnnotationSet; throws SchemaError naming every wrong field. */
export function parseAnnotationSet(value: unknown): AnnotationSet {
  return parseWithSchema(schemas().AnnotationSetSchema, value);
}

/** The JSON Schema (draft 2020-12) of the AnnotationSet, generated from the zod schema. */
export function annotationSetJsonSchema(): object {
  return z.toJSONSchema(schemas().AnnotationSetSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}

// ---------------------------------------------------------------------------------------------------
// The indicator table (data/indicators.json and users' additions; src/core/indicators.ts).

export type IndicatorEntry = z.infer<Schemas['IndicatorEntrySchema']>;

// ---------------------------------------------------------------------------------------------------
// The sidecar: one report's annotations, saved beside it or in the workspace (src/core/sidecar.ts).
// Offsets are code points, as in the export; the document's hash tells whether they still hold.

export type SidecarFile = z.infer<Schemas['SidecarSchema']>;

/** Validates a sidecar; throws SchemaError naming every wrong field. */
export function parseSidecarFile(value: unknown): SidecarFile {
  return parseWithSchema(schemas().SidecarSchema, value);
}

/** The JSON Schema of the sidecar file, generated from the zod schema (VS Code validates sidecars with it). */
export function sidecarJsonSchema(): object {
  return z.toJSONSchema(schemas().SidecarSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}

function parseWithSchema<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new SchemaError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return result.data;
}

/** JSON text that does not parse; line and column (1-based) where the parser says. */
export class JsonSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column}: ${message}`);
    this.name = 'JsonSyntaxError';
  }
}

/** JSON.parse, with the error's position given as line and column; a leading byte order mark is dropped. */
export function parseJsonText(json: string): unknown {
  json = stripBom(json);
  try {
    return JSON.parse(json);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? json.length : undefined;
    if (offset === undefined) throw new JsonSyntaxError(message);
    const before = json.slice(0, offset);
    throw new JsonSyntaxError(message, before.split('\n').length, offset - before.lastIndexOf('\n'));
  }
}
