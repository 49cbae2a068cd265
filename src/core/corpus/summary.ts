// A report's summary for the corpus: what the workspace views need of one analysis (metadata, counts, the
// figures that measure an indicator or state a target or result, each with its sentence), small enough to
// keep for a thousand reports and to cache on disk. The whole analysis is never kept.
import { shippedEntries } from '../indicators';
import { sentenceAround } from '../tables';
import { countedCharacters } from './kwic';
import type { DocumentAnalysis, FigureBound, FigureKind, FigureRole, ReportMeta } from '../types';

/** Bump when the summary's shape or meaning changes: cached summaries of another version are not read. */
export const SUMMARY_VERSION = 4; // (2: values in the unit, magnitude applied; 3: change; 4: characters)

export interface FigureSummary {
  id: string;
  text: string;
  /** UTF-16 offsets into the report's text. */
  start: number;
  end: number;
  kind: FigureKind;
  /** The number in `unit`, its magnitude applied (1.05亿元 → 105000000 元): reports write one indicator in 亿元 one year, 万亿元 another. */
  value: number;
  /** The high end of a range (bound "range"), in `unit` too. */
  high?: number;
  unit: string;
  bound: FigureBound;
  indicator?: string;
  indicatorKey?: string;
  role?: FigureRole;
  /** The calendar year the figure is about, when the text says. */
  year?: number;
  /** An amount of change, not a level: 粮食总产量增加109亿公斤 (a series of levels leaves it out). */
  change?: true;
  sentence: string;
}

export interface ReportCounts {
  sections: number;
  paragraphs: number;
  figures: number;
  projects: number;
  targets: number;
  results: number;
}

/** What the corpus keeps of one report (its uri and tags are the index's). */
export interface ReportSummary {
  /** sha256 of the text, hex. */
  hash: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** Characters, white space left out (countedCharacters): what a search term's rate per 10,000 characters is of. */
  characters: number;
  title?: string;
  meta?: ReportMeta;
  counts: ReportCounts;
  figures: FigureSummary[];
}

/** The sentences are cut to this many characters: a summary stays small whatever the report. */
const MAX_SENTENCE = 240;

/** A verb of change right before the figure (增加109亿公斤, 减少了近3万人); a rate (增长8%) is what its series measures. */
const CHANGE_VERBS = '增加|减少|增长|下降|降低|提高|净增';
const CHANGE_BEFORE = new RegExp(`(?:${CHANGE_VERBS})了?(?:约|近|超过|逾|将近|接近|大约)?$`);
const CHANGE_VERB = new RegExp(CHANGE_VERBS);
/** Shipped indicators that measure a change themselves (农村贫困人口减少): their figures after the verb are theirs. */
let changeIndicators: Set<string> | undefined;
function isChange(text: string, start: number, kind: FigureKind, indicatorKey: string | undefined): boolean {
  if (kind === 'percent' || kind === 'percentagePoint' || !CHANGE_BEFORE.test(text.slice(Math.max(0, start - 7), start))) return false;
  changeIndicators ??= new Set(shippedEntries().filter((e) => CHANGE_VERB.test(e.name)).map((e) => e.key));
  return !indicatorKey || !changeIndicators.has(indicatorKey);
}

export function summarize(hash: string, text: string, analysis: DocumentAnalysis): ReportSummary {
  const figures: FigureSummary[] = [];
  let targets = 0;
  let results = 0;
  for (const f of analysis.figures) {
    if (f.role === 'target') targets++;
    if (f.role === 'result') results++;
    if (!f.indicatorKey && !f.role) continue;
    const sentence = sentenceAround(text, f.range.start, f.range.end);
    figures.push({
      id: f.id,
      text: f.text,
      start: f.range.start,
      end: f.range.end,
      kind: f.kind,
      value: f.baseValue,
      ...(f.high && { high: f.high.baseValue }),
      unit: f.unit,
      bound: f.bound,
      ...(f.indicator !== undefined && { indicator: f.indicator }),
      ...(f.indicatorKey !== undefined && { indicatorKey: f.indicatorKey }),
      ...(f.role !== undefined && { role: f.role }),
      ...(f.year !== undefined && { year: f.year }),
      ...(isChange(text, f.range.start, f.kind, f.indicatorKey) && { change: true as const }),
      sentence: sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE)}…` : sentence,
    });
  }
  return {
    hash,
    length: text.length,
    characters: countedCharacters(text),
    ...(analysis.title !== undefined && { title: analysis.title }),
    ...(analysis.meta && { meta: analysis.meta }),
    counts: {
      sections: analysis.sections.length,
      paragraphs: analysis.paragraphs.length,
      figures: analysis.figures.length,
      projects: analysis.projects.length,
      targets,
      results,
    },
    figures,
  };
}

/** A cached summary, if `value` is one (of this version, for this hash); undefined for anything else. */
export function parseCachedSummary(value: unknown, hash: string): ReportSummary | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as { version?: unknown; summary?: Partial<ReportSummary> };
  const s = o.summary;
  if (o.version !== SUMMARY_VERSION || !s || s.hash !== hash || typeof s.length !== 'number' || typeof s.characters !== 'number') return undefined;
  if (!s.counts || typeof s.counts.figures !== 'number' || !Array.isArray(s.figures)) return undefined;
  const ok = s.figures.every(
    (f) => f && typeof f.start === 'number' && typeof f.end === 'number' && typeof f.value === 'number' && typeof f.sentence === 'string',
  );
  return ok ? (s as ReportSummary) : undefined;
}

/** The cache file's content for a summary. */
export function cachedSummaryJson(summary: ReportSummary): string {
  return JSON.stringify({ version: SUMMARY_VERSION, summary });
}
