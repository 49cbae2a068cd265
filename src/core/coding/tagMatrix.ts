// Counting tags across reports, for the workspace Tags view and the matrices: per tag the reports and the
// tagged paragraphs (an annotation is a paragraph, or a run of them, as the tagging commands make it); a
// tag × report (× year, × region) table of counts; and the co-occurrence of two tags on the same paragraph
// (the same span of one report, whether one annotation or two carry the tags). Each cell keeps the
// paragraphs behind it, so a view can open them. Names compare through tagKey (width and spaces ignored).
import { csvRecord } from '../tables';
import type { ReportMeta } from './codedReport';
import { normalizeTagName, tagKey } from './tagNames';

/** What the counting needs of one annotation. */
export interface UsageAnnotation {
  id: string;
  tags: readonly string[];
  /** Its quote (the paragraph's text). */
  exact: string;
  /** Where it starts (any unit; only for ordering). */
  start: number;
  end: number;
  orphaned?: boolean;
}

export interface UsageReport {
  /** The report's key (a URI string, or a path): what the refs carry back. */
  report: string;
  annotations: readonly UsageAnnotation[];
  meta?: ReportMeta;
}

/** A tagged paragraph behind a count. */
export interface ParagraphRef {
  report: string;
  annotationId: string;
  exact: string;
  start: number;
}

export interface TagUsage {
  /** The name as first seen (normalised). */
  name: string;
  /** Tagged paragraphs in all reports (orphans left out). */
  count: number;
  /** Per report, in the order of the input: its tagged paragraphs in text order. */
  reports: { report: string; paragraphs: ParagraphRef[] }[];
}

/** Every tag in the reports' annotations, by tagKey, with its reports and paragraphs. */
export function tagUsage(reports: readonly UsageReport[]): Map<string, TagUsage> {
  const out = new Map<string, TagUsage>();
  for (const r of reports) {
    const anchored = r.annotations.filter((a) => !a.orphaned).sort((a, b) => a.start - b.start || a.end - b.end);
    for (const a of anchored) {
      const seen = new Set<string>();
      for (const t of a.tags) {
        const key = tagKey(t);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        let usage = out.get(key);
        if (!usage) out.set(key, (usage = { name: normalizeTagName(t), count: 0, reports: [] }));
        let entry = usage.reports.find((x) => x.report === r.report);
        if (!entry) usage.reports.push((entry = { report: r.report, paragraphs: [] }));
        entry.paragraphs.push({ report: r.report, annotationId: a.id, exact: a.exact, start: a.start });
        usage.count++;
      }
    }
  }
  return out;
}

export type MatrixAxis = 'report' | 'year' | 'region';

export interface TagMatrix {
  /** Row labels (tags). */
  rows: string[];
  /** Column labels (reports, years or regions; '' stands for "unknown"). */
  columns: string[];
  /** counts[row][column] */
  counts: number[][];
  /** The paragraphs behind each cell (same shape as counts). */
  refs: ParagraphRef[][][];
}

/**
 * Counts of tagged paragraphs per tag (rows, in `tags` order, then any other tag by name) and report, year
 * or region (columns, in input order for reports, ascending for years, by name for regions; unknown last).
 * `label` names a report's column (its path, say).
 */
export function tagMatrix(reports: readonly UsageReport[], axis: MatrixAxis, tags: readonly string[] = [], label: (report: string) => string = (r) => r): TagMatrix {
  const usage = tagUsage(reports);
  const rows = orderedTags(usage, tags);
  const columnOf = (r: UsageReport): string =>
    axis === 'report' ? label(r.report) : axis === 'year' ? (r.meta?.year !== undefined ? String(r.meta.year) : '') : (r.meta?.region ?? '');
  const columns: string[] = [];
  for (const r of reports) if (!columns.includes(columnOf(r))) columns.push(columnOf(r));
  if (axis !== 'report') {
    columns.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : axis === 'year' ? Number(a) - Number(b) : a.localeCompare(b, 'zh-CN')));
  }
  const byReport = new Map(reports.map((r) => [r.report, columns.indexOf(columnOf(r))]));
  const refs = rows.map(() => columns.map((): ParagraphRef[] => []));
  rows.forEach((name, i) => {
    for (const entry of usage.get(tagKey(name))?.reports ?? []) refs[i][byReport.get(entry.report)!].push(...entry.paragraphs);
  });
  return { rows, columns, counts: refs.map((row) => row.map((cell) => cell.length)), refs };
}

/**
 * Co-occurrence: counts[i][j] is how many paragraphs carry both tag i and tag j (the diagonal: how many
 * carry tag i). A paragraph is a span of one report; tags of annotations on the same span count together.
 */
export function cooccurrenceMatrix(reports: readonly UsageReport[], tags: readonly string[] = []): TagMatrix {
  const usage = tagUsage(reports);
  const rows = orderedTags(usage, tags);
  const index = new Map(rows.map((t, i) => [tagKey(t), i]));
  const refs = rows.map(() => rows.map((): ParagraphRef[] => []));
  for (const r of reports) {
    const spans = new Map<string, { keys: Set<string>; ref: ParagraphRef }>();
    for (const a of r.annotations) {
      if (a.orphaned) continue;
      const id = `${a.start}:${a.end}`;
      let span = spans.get(id);
      if (!span) spans.set(id, (span = { keys: new Set(), ref: { report: r.report, annotationId: a.id, exact: a.exact, start: a.start } }));
      for (const t of a.tags) if (tagKey(t) !== '') span.keys.add(tagKey(t));
    }
    for (const { keys, ref } of [...spans.values()].sort((a, b) => a.ref.start - b.ref.start)) {
      const at = [...keys].map((k) => index.get(k)).filter((i): i is number => i !== undefined);
      for (const i of at) for (const j of at) refs[i][j].push(ref);
    }
  }
  return { rows, columns: rows.slice(), counts: refs.map((row) => row.map((cell) => cell.length)), refs };
}

/** The tags of `preferred` that are used or listed, in that order, then the other used tags by name. */
function orderedTags(usage: Map<string, TagUsage>, preferred: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of preferred) {
    const key = tagKey(t);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(normalizeTagName(t));
  }
  const rest = [...usage.entries()].filter(([k]) => !seen.has(k)).map(([, u]) => u.name);
  return [...out, ...rest.sort((a, b) => a.localeCompare(b, 'zh-CN'))];
}

/** The matrix as CSV (RFC 4180): a header of `corner` and the columns, then one record per row. */
export function matrixCsv(matrix: Pick<TagMatrix, 'rows' | 'columns' | 'counts'>, corner = 'tag'): string {
  let out = csvRecord([corner, ...matrix.columns]);
  matrix.rows.forEach((row, i) => (out += csvRecord([row, ...matrix.counts[i]])));
  return out;
}
