// Importing a .qdpx made by another tool (MAXQDA, NVivo, ATLAS.ti, QualCoder, …): its codes become tags,
// its text selections annotations on the workspace's reports. Each source is matched to a report (same
// text; else the same path or file name), each selection placed by its position in the source's text and
// checked by its quote against the report's text (anchoring.reanchor when the texts differ); what cannot
// be placed is listed with the reason. A file that is not a zip, has no project.qde, does not validate or
// unpacks beyond the bounds (zipBounded.ts) is refused whole: QdpxError, nothing imported.
import { makeTarget, reanchor } from '../anchoring';
import type { StoredAnnotation } from '../annotations';
import { sha256 } from '../exportSet';
import { OffsetMap } from '../offsets';
import type { CodebookTag, Memo } from './codebookSchema';
import type { ReportText } from './codedReport';
import { canonicalGuid } from './guid';
import { parseQde, type QdeCode, QdeError, type QdeNote, type QdeSelection, type QdeTextSource } from './qdeModel';
import { normalizeTagName, tagKey } from './tagNames';
import { unzipBounded, type UnzipLimits, ZipError } from './zipBounded';

/** A .qdpx refused, with the reason; nothing of it was imported. */
export class QdpxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdpxError';
  }
}

export interface UnplacedSelection {
  /** The source's name in the file. */
  source: string;
  selection: string;
  /** Code points into the source's text. */
  start: number;
  end: number;
  quote?: string;
  reason: string;
}

export interface QdpxImport {
  projectName: string;
  /** The file's codes as tags (hierarchy as parents; a name used twice gets its parent's name before it). */
  tags: CodebookTag[];
  /** Notes on codes and on matched sources, as memos. */
  memos: Memo[];
  /** Per matched report: its annotations (UTF-16 offsets into its text). */
  reports: { path: string; source: string; annotations: StoredAnnotation[]; textChanged: boolean }[];
  unplaced: UnplacedSelection[];
  /** Sources no report was found for. */
  unmatchedSources: string[];
}

const DEFAULT_COLOR = '#9e9e9e';

/** Reads a .qdpx against the workspace's reports. Throws QdpxError (nothing imported) for bad input. */
export function importQdpx(bytes: Uint8Array, reports: readonly ReportText[], options: { limits?: Partial<UnzipLimits>; now?: Date } = {}): QdpxImport {
  let entries: Map<string, Uint8Array>;
  try {
    entries = unzipBounded(bytes, options.limits);
  } catch (err) {
    if (err instanceof ZipError) throw new QdpxError(`refused: ${err.message}`);
    throw err;
  }
  const qdeName = [...entries.keys()].find((n) => n.toLowerCase() === 'project.qde');
  if (qdeName === undefined) throw new QdpxError('refused: there is no project.qde in the file');
  let project;
  try {
    project = parseQde(utf8(entries.get(qdeName)!, 'project.qde'));
  } catch (err) {
    if (err instanceof QdeError) throw new QdpxError(`refused: ${err.message}`);
    throw err;
  }
  const now = (options.now ?? new Date()).toISOString();
  const internal = (path: string | undefined): string | undefined => {
    if (path === undefined || !path.toLowerCase().startsWith('internal://')) return undefined;
    const name = path.slice('internal://'.length).toLowerCase();
    const entry = [...entries.keys()].find((k) => k.toLowerCase() === `sources/${name}` || k.toLowerCase() === name);
    return entry === undefined ? undefined : utf8(entries.get(entry)!, entry);
  };

  // Notes by GUID.
  const notes = new Map<string, string>();
  for (const n of project.Notes?.Note ?? []) notes.set(canonicalGuid(n['@guid']), noteText(n, internal));
  const notesOf = (refs: { '@targetGUID': string }[] | undefined) =>
    (refs ?? []).map((r) => notes.get(canonicalGuid(r['@targetGUID']))).filter((t): t is string => t !== undefined && t.trim() !== '');

  // Codes → tags.
  const tags: CodebookTag[] = [];
  const memos: Memo[] = [];
  const tagOfCode = new Map<string, string>();
  const visit = (code: QdeCode, parent: string | undefined) => {
    let name = normalizeTagName(code['@name']) || 'code';
    if (tags.some((t) => tagKey(t.name) === tagKey(name))) name = parent ? `${parent}/${name}` : `${name} (${tags.length + 1})`;
    tagOfCode.set(canonicalGuid(code['@guid']), name);
    tags.push({ name, color: fullColor(code['@color']), ...(code.Description?.trim() && { description: code.Description.trim() }), ...(parent && { parent }) });
    const memo = notesOf(code.NoteRef);
    if (memo.length > 0) memos.push({ tag: name, text: memo.join('\n\n') });
    for (const child of code.Code ?? []) visit(child, name);
  };
  for (const code of project.CodeBook?.Codes.Code ?? []) visit(code, undefined);

  const result: QdpxImport = { projectName: project['@name'], tags, memos, reports: [], unplaced: [], unmatchedSources: [] };
  const taken = new Set<string>();
  for (const source of project.Sources?.TextSource ?? []) {
    const sourceName = source['@name'] ?? source['@guid'];
    const sourceText = source.PlainTextContent ?? internal(source['@plainTextPath']);
    const report = matchReport(source, sourceText, reports, taken);
    const selections = source.PlainTextSelection ?? [];
    if (!report) {
      result.unmatchedSources.push(sourceName);
      for (const s of selections) result.unplaced.push(unplaced(sourceName, s, `no report in the workspace matches the source ${sourceName}`));
      continue;
    }
    taken.add(report.path);
    const memo = notesOf(source.NoteRef);
    if (memo.length > 0) memos.push({ report: report.path, text: memo.join('\n\n') });
    const annotations: StoredAnnotation[] = [];
    for (const s of selections) {
      const placed = place(s, sourceText, report.text);
      if (typeof placed === 'string') {
        result.unplaced.push(unplaced(sourceName, s, placed, sourceText));
        continue;
      }
      const codes = s.Coding ?? [];
      const missing = codes.filter((c) => !tagOfCode.has(canonicalGuid(c.CodeRef['@targetGUID'])));
      if (missing.length > 0) {
        result.unplaced.push(unplaced(sourceName, s, `it is coded with a code that is not in the file's codebook (${missing[0].CodeRef['@targetGUID']})`, sourceText));
        continue;
      }
      const tagsOf = [...new Set(codes.map((c) => tagOfCode.get(canonicalGuid(c.CodeRef['@targetGUID']))!))];
      const noteParts = [...(s.Description?.trim() ? [s.Description.trim()] : []), ...notesOf(s.NoteRef), ...codes.flatMap((c) => notesOf(c.NoteRef))];
      const created = isoDate(s['@creationDateTime']) ?? now;
      annotations.push({
        id: canonicalGuid(s['@guid']),
        tags: tagsOf,
        ...(noteParts.length > 0 && { note: noteParts.join('\n\n') }),
        target: makeTarget(report.text, placed.start, placed.end),
        created,
        modified: isoDate(s['@modifiedDateTime']) ?? created,
      });
    }
    result.reports.push({ path: report.path, source: sourceName, annotations, textChanged: sourceText !== report.text });
  }
  return result;
}

/** The report a source is: the same text first (however it is called), then the same path, then the same file name. */
function matchReport(source: QdeTextSource, sourceText: string | undefined, reports: readonly ReportText[], taken: Set<string>): ReportText | undefined {
  const free = reports.filter((r) => !taken.has(r.path));
  if (sourceText !== undefined) {
    const hash = sha256(sourceText);
    const same = free.find((r) => r.text === sourceText || sha256(r.text) === hash);
    if (same) return same;
  }
  const names = [source.Description, source['@name']].filter((n): n is string => !!n).map((n) => n.trim().split('\\').join('/'));
  const byPath = free.find((r) => names.includes(r.path));
  if (byPath) return byPath;
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const byName = free.filter((r) => names.some((n) => base(n) === base(r.path)));
  return byName.length === 1 ? byName[0] : undefined;
}

/** The selection's span in the report's text (UTF-16), or the reason it cannot be placed. */
function place(s: QdeSelection, sourceText: string | undefined, reportText: string): { start: number; end: number } | string {
  const start = s['@startPosition'];
  const end = s['@endPosition'];
  if (start < 0 || end <= start) return `its positions ${start}..${end} are not a span of text`;
  if (sourceText === undefined) return "the source's text is not in the file, so the position cannot be checked against a quote";
  const sourceMap = new OffsetMap(sourceText);
  if (end > sourceMap.codePointLength) return `its end ${end} is beyond the source's text (${sourceMap.codePointLength} characters)`;
  const target = makeTarget(sourceText, sourceMap.toUtf16(start), sourceMap.toUtf16(end));
  if (sourceText === reportText) return { start: target.start, end: target.end };
  const found = reanchor(reportText, target);
  return found ?? `its text is not in the report (${truncate(target.exact)})`;
}

function unplaced(source: string, s: QdeSelection, reason: string, sourceText?: string): UnplacedSelection {
  const start = s['@startPosition'];
  const end = s['@endPosition'];
  const quote = sourceText === undefined || start < 0 || end < start ? undefined : [...sourceText].slice(start, end).join('');
  return { source, selection: s['@guid'], start, end, ...(quote !== undefined && { quote }), reason };
}

function noteText(note: QdeNote, internal: (path: string | undefined) => string | undefined): string {
  return note.PlainTextContent ?? internal(note['@plainTextPath']) ?? note['@name'] ?? '';
}

function fullColor(color: string | undefined): string {
  if (color === undefined) return DEFAULT_COLOR;
  if (color.length === 4) return `#${[...color.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return color.toLowerCase();
}

function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new QdpxError(`refused: ${name} is not UTF-8 text`);
  }
}

const truncate = (text: string) => ([...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text);
