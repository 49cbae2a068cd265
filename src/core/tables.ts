// Flat tables (spec.md, "Tables"): one row per figure or per annotation tag (and, beyond the spec, per hit of a
// search), for pandas, R, a spreadsheet or DuckDB. Columns in the spec's order; offsets in code points, as in the export; CSV per RFC 4180.
import { codePointsBack, codePointsForward, OffsetMap, splitsPair } from './offsets';
import type { Annotation, DocumentAnalysis, Figure } from './types';

export const FIGURE_COLUMNS = [
  'document', 'year', 'region', 'level', 'id', 'paragraphId', 'start', 'end', 'text', 'kind', 'value', 'high',
  'magnitude', 'baseValue', 'highBaseValue', 'unit', 'approx', 'bound', 'indicator', 'indicatorKey', 'role',
  'figureYear', 'direction', 'sentence',
] as const;

export const ANNOTATION_COLUMNS = ['document', 'id', 'tag', 'note', 'start', 'end', 'exact', 'created', 'modified'] as const;

/** A search's hits (Find in Reports → Export Hits), a concordance: one row per hit, with its context and sentence. */
export const HIT_COLUMNS = ['document', 'year', 'region', 'level', 'title', 'start', 'end', 'left', 'match', 'right', 'sentence'] as const;
/** Characters (code points) of context each side of a hit in its table (the Find view shows fewer). */
export const HIT_CONTEXT = 30;

export type Cell = string | number | boolean | undefined;
export type Row = Cell[];

export interface FigureFilter {
  /** Only figures with this indicatorKey. */
  indicator?: string;
  /** Only figures with a role (the targets table), or with this one. */
  role?: 'any' | 'target' | 'result';
  /**
   * The targets table lists a target or result restated later in the same report (这里要着重说明，提出国内生产总值
   * 增长8%左右) once, at its first statement: same indicator, role, year, kind, value and high end.
   */
  once?: boolean;
}

/** The figures table's rows of one document (`text` and its analysis; `document` its name or uri). */
export function figureRows(document: string, text: string, analysis: DocumentAnalysis, filter: FigureFilter = {}): Row[] {
  const map = new OffsetMap(text);
  const meta = analysis.meta;
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const f of analysis.figures) {
    if (filter.indicator !== undefined && f.indicatorKey !== filter.indicator) continue;
    if (filter.role !== undefined && (f.role === undefined || (filter.role !== 'any' && f.role !== filter.role))) continue;
    if (filter.once) {
      const key = [f.indicatorKey ?? f.indicator, f.role, f.year, f.kind, f.value, f.baseValue, f.high?.baseValue].join('|');
      if (seen.has(key)) continue;
      seen.add(key);
    }
    rows.push(figureRow(document, text, map, meta, f));
  }
  return rows;
}

function figureRow(document: string, text: string, map: OffsetMap, meta: DocumentAnalysis['meta'], f: Figure): Row {
  return [
    document, meta?.year, meta?.region, meta?.level, f.id, f.paragraphId, map.toCodePoint(f.range.start), map.toCodePoint(f.range.end),
    f.text, f.kind, f.value, f.high?.value, f.magnitude, f.baseValue, f.high?.baseValue, f.unit, f.approx, f.bound,
    f.indicator, f.indicatorKey, f.role, f.year, f.direction, sentenceAround(text, f.range.start, f.range.end),
  ];
}

/** The annotations table's rows: one per tag (an annotation without tags, a note only, gives one row with no tag). */
export function annotationRows(document: string, text: string, annotations: readonly Annotation[]): Row[] {
  const map = new OffsetMap(text);
  const rows: Row[] = [];
  for (const a of annotations) {
    const start = map.toCodePoint(Math.min(a.target.start, text.length));
    const end = map.toCodePoint(Math.min(a.target.end, text.length));
    for (const tag of a.tags.length > 0 ? a.tags : [undefined]) {
      rows.push([document, a.id, tag, a.note, start, end, a.target.exact, a.created, a.modified]);
    }
  }
  return rows;
}

/** What a hit's row says of its report. */
export interface HitReport {
  document: string;
  year?: number;
  region?: string;
  level?: string;
  title?: string;
}

/**
 * The hits table's rows of one report (`text`; the hits in text order, UTF-16 offsets as the search found them), a
 * row at a time (a crafted report may hold millions of hits): code point offsets, the context as written (line
 * breaks and all), and the sentence that holds the hit.
 */
export function* hitRows(report: HitReport, text: string, hits: Iterable<{ start: number; end: number }>, context = HIT_CONTEXT): Generator<Row> {
  const map = new OffsetMap(text);
  for (const { start, end } of hits) {
    yield [
      report.document, report.year, report.region, report.level, report.title, map.toCodePoint(start), map.toCodePoint(end),
      text.slice(codePointsBack(text, start, context), start), text.slice(start, end), text.slice(end, codePointsForward(text, end, context)),
      sentenceAround(text, start, end),
    ];
  }
}


const SENTENCE_END = /[。；;！？!?\n\r]/;
const MAX_SIDE = 500;

/** The sentence (to 。；! ? or the line end) that holds [start, end), trimmed, its closing mark included. */
export function sentenceAround(text: string, start: number, end: number): string {
  // At most MAX_SIDE characters each side: a crafted text may be one sentence of millions of figures.
  let a = start;
  const first = Math.max(0, start - MAX_SIDE);
  while (a > first && !SENTENCE_END.test(text[a - 1])) a--;
  if (splitsPair(text, a)) a--; // (the limit fell inside 𡌶: all of it)
  // A search hit may end with its sentence's mark (决定性成就。): the sentence ends with it, not with the next one.
  if (end > start && SENTENCE_END.test(text[end - 1])) return text.slice(a, end).trim();
  let b = end;
  const last = Math.min(text.length, end + MAX_SIDE);
  while (b < last && !SENTENCE_END.test(text[b])) b++;
  if (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  if (splitsPair(text, b)) b++;
  return text.slice(a, b).trim();
}

// ---------------------------------------------------------------------------------------------------------
// Formats

/** One CSV record per RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One JSON Lines record: an object with the columns in order, absent values as null. */
export function jsonlRecord(columns: readonly string[], cells: readonly Cell[]): string {
  const o: Record<string, Cell | null> = {};
  columns.forEach((c, i) => (o[c] = cells[i] ?? null));
  return `${JSON.stringify(o)}\n`;
}
