// The REFI-QDA project exchange file (.qdpx): a zip of `project.qde` (XML, namespace
// urn:QDA-XML:project:1.0, schema Project-mrt2019.xsd) and each report's text as `sources/<guid>.txt`.
// The codebook's tags are Codes (colour, description, hierarchy), each report a TextSource whose
// plainTextPath is internal://<guid>.txt, each annotation a PlainTextSelection (code point positions into
// that text) with a Coding per tag; annotation notes, report memos and tag memos are Notes referred to by
// NoteRef; report metadata (year, region, level, genre) are Variables with a VariableValue on each source.
import { strToU8, zipSync } from 'fflate';
import { OffsetMap } from '../offsets';
import { hashColor } from '../tagColors';
import { GENERATOR } from '../version';
import type { CodebookTag } from './codebookSchema';
import { findTag, reportMemo, tagMemo } from './codebook';
import type { CodedReport, CodingProject, SkippedAnnotation } from './codedReport';
import { guidFor, isGuid } from './guid';
import { tagKey, uniqueTags } from './tagNames';
import { attrs, xmlText } from './xmlText';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdpxResult {
  /** The .qdpx file. */
  bytes: Uint8Array;
  /** Its project.qde. */
  projectXml: string;
  /** Each report's source: its GUID and its file in the zip. */
  sources: { report: string; guid: string; file: string }[];
  /** Annotations left out (orphans: their text is not in the report). */
  skipped: SkippedAnnotation[];
}

interface Note {
  guid: string;
  name: string;
  text: string;
  created?: string;
}

const VARIABLES = [
  { key: 'year', type: 'Integer' },
  { key: 'region', type: 'Text' },
  { key: 'level', type: 'Text' },
  { key: 'genre', type: 'Text' },
] as const;

/** The .qdpx of the project: validated against the REFI-QDA schema by the unit tests. */
export function buildQdpx(project: CodingProject, now: Date = new Date()): QdpxResult {
  const built = buildProjectXml(project, now);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(built.projectXml) };
  for (const s of built.sourceTexts) files[s.file] = strToU8(s.text);
  // A zip stores DOS dates (1980–2099): a clock outside them (a test's epoch) stamps the nearest end.
  const mtime = new Date(Math.min(Math.max(now.getTime(), Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30)));
  const bytes = zipSync(files, { level: 6, mtime });
  return { bytes, projectXml: built.projectXml, sources: built.sourceTexts.map(({ report, guid, file }) => ({ report, guid, file })), skipped: built.skipped };
}

/** project.qde and the source texts, without the zip. */
export function buildProjectXml(project: CodingProject, now: Date = new Date()) {
  const { codebook } = project;
  const notes: Note[] = [];
  const skipped: SkippedAnnotation[] = [];
  const stamp = now.toISOString();

  // Codes: the codebook's tags, then tags that only annotations use.
  const codeTags: CodebookTag[] = [...codebook.tags];
  for (const r of project.reports) {
    for (const a of r.annotations) {
      for (const t of uniqueTags(a.tags)) {
        if (!findTag(codebook, t) && !codeTags.some((c) => tagKey(c.name) === tagKey(t))) codeTags.push({ name: t, color: project.colorOf?.(t) ?? hashColor(t) });
      }
    }
  }
  const codeGuid = (name: string) => guidFor('code', tagKey(name));
  const codeXml = (tag: CodebookTag, depth: number): string => {
    const pad = '\t'.repeat(depth);
    const memo = tagMemo(codebook, tag.name);
    const noteRef = memo ? noteRefXml(addNote(notes, { guid: guidFor('tag-memo', tagKey(tag.name)), name: `${tag.name}`, text: memo.text, created: memo.modified })) : '';
    const children = codeTags.filter((c) => c.parent !== undefined && tagKey(c.parent) === tagKey(tag.name));
    const inner =
      (tag.description ? `${pad}\t<Description>${xmlText(tag.description)}</Description>\n` : '') +
      (noteRef ? `${pad}\t${noteRef}\n` : '') +
      children.map((c) => codeXml(c, depth + 1)).join('');
    const open = `${pad}<Code${attrs({ guid: codeGuid(tag.name), name: tag.name, isCodable: true, color: tag.color })}`;
    return inner ? `${open}>\n${inner}${pad}</Code>\n` : `${open}/>\n`;
  };
  const roots = codeTags.filter((t) => t.parent === undefined || !codeTags.some((c) => tagKey(c.name) === tagKey(t.parent!)));

  // Variables: those some report has a value for.
  const variables = VARIABLES.filter((v) => project.reports.some((r) => r.meta?.[v.key] !== undefined));
  const variableGuid = (key: string) => guidFor('variable', key);

  const sourceTexts: { report: string; guid: string; file: string; text: string }[] = [];
  const sourcesXml = project.reports.map((report) => {
    const guid = guidFor('source', report.path);
    const file = `sources/${guid}.txt`;
    sourceTexts.push({ report: report.path, guid, file, text: report.text });
    const selections = selectionsXml(report, codeGuid, notes, skipped);
    const memo = reportMemo(codebook, report.path);
    const noteRef = memo ? `\t\t\t${noteRefXml(addNote(notes, { guid: guidFor('report-memo', report.path), name: report.path, text: memo.text, created: memo.modified }))}\n` : '';
    const values = variables
      .filter((v) => report.meta?.[v.key] !== undefined)
      .map((v) => {
        const value = report.meta![v.key]!;
        const element = v.type === 'Integer' ? 'IntegerValue' : 'TextValue';
        return `\t\t\t<VariableValue>\n\t\t\t\t<VariableRef${attrs({ targetGUID: variableGuid(v.key) })}/>\n\t\t\t\t<${element}>${xmlText(String(value))}</${element}>\n\t\t\t</VariableValue>\n`;
      })
      .join('');
    return (
      `\t\t<TextSource${attrs({ guid, name: report.path, plainTextPath: `internal://${guid}.txt`, creationDateTime: stamp })}>\n` +
      `\t\t\t<Description>${xmlText(report.path)}</Description>\n` +
      selections +
      noteRef +
      values +
      `\t\t</TextSource>\n`
    );
  });

  const codesXml = roots.map((t) => codeXml(t, 3)).join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Project${attrs({ xmlns: QDE_NAMESPACE, name: project.name, origin: `${GENERATOR.name} ${GENERATOR.version}`, creationDateTime: stamp, modifiedDateTime: stamp })}>\n` +
    (codesXml ? `\t<CodeBook>\n\t\t<Codes>\n${codesXml}\t\t</Codes>\n\t</CodeBook>\n` : '') +
    (variables.length > 0
      ? `\t<Variables>\n${variables.map((v) => `\t\t<Variable${attrs({ guid: variableGuid(v.key), name: v.key, typeOfVariable: v.type })}/>\n`).join('')}\t</Variables>\n`
      : '') +
    (sourcesXml.length > 0 ? `\t<Sources>\n${sourcesXml.join('')}\t</Sources>\n` : '') +
    (notes.length > 0 ? `\t<Notes>\n${notes.map(noteXml).join('')}\t</Notes>\n` : '') +
    `</Project>\n`;
  return { projectXml: xml, sourceTexts, skipped };
}

function selectionsXml(report: CodedReport, codeGuid: (name: string) => string, notes: Note[], skipped: SkippedAnnotation[]): string {
  const map = new OffsetMap(report.text);
  let out = '';
  for (const a of report.annotations) {
    if (a.orphaned) {
      skipped.push({ report: report.path, id: a.id, reason: 'its text is not in the report (orphaned)' });
      continue;
    }
    const start = Math.min(a.target.start, report.text.length);
    const end = Math.min(Math.max(a.target.end, start), report.text.length);
    const guid = isGuid(a.id) ? a.id : guidFor('selection', report.path, a.id);
    const quote = report.text.slice(start, end);
    const codings = uniqueTags(a.tags)
      .map((t) => `\t\t\t\t<Coding${attrs({ guid: guidFor('coding', guid, tagKey(t)), creationDateTime: a.created })}>\n\t\t\t\t\t<CodeRef${attrs({ targetGUID: codeGuid(t) })}/>\n\t\t\t\t</Coding>\n`)
      .join('');
    const note = a.note ? `\t\t\t\t${noteRefXml(addNote(notes, { guid: guidFor('note', guid), name: truncateName(quote), text: a.note, created: a.modified }))}\n` : '';
    const attributes = attrs({
      guid,
      name: truncateName(quote),
      startPosition: map.toCodePoint(start),
      endPosition: map.toCodePoint(end),
      creationDateTime: a.created,
      modifiedDateTime: a.modified,
    });
    out += codings || note ? `\t\t\t<PlainTextSelection${attributes}>\n${codings}${note}\t\t\t</PlainTextSelection>\n` : `\t\t\t<PlainTextSelection${attributes}/>\n`;
  }
  return out;
}

function addNote(notes: Note[], note: Note): string {
  notes.push(note);
  return note.guid;
}

const noteRefXml = (guid: string) => `<NoteRef${attrs({ targetGUID: guid })}/>`;

const noteXml = (n: Note) =>
  `\t\t<Note${attrs({ guid: n.guid, name: n.name, creationDateTime: n.created })}>\n\t\t\t<PlainTextContent>${xmlText(n.text)}</PlainTextContent>\n\t\t</Note>\n`;

/** A selection's or note's name: the start of its quote, on one line. */
function truncateName(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cps = [...line];
  return cps.length > 40 ? `${cps.slice(0, 40).join('')}…` : line;
}
