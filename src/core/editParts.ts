// What the edit paths of the analysis (analyzeEdit.ts, newLineEdit.ts, splitEdit.ts, tailEdit.ts, spacingEdit.ts)
// share: their answer, the projects after an edit of one line, a paragraph's figures placed in their context, the list
// cue in force at a paragraph, the runs of openings, the patch's fields and array runs, the white space they read.
import { type AnalysisCache, type AnalyzeOptions, listAfter, placeFigures, sectionCueOf, type ParagraphResult } from './analyze';
import { type AnalysisPatch, type ArrayPatch, countBefore, PATCHED_ARRAYS, pushRun } from './analysisPatch';
import { reviewInRun } from './structurePlaces';
import { REPORT_HEAD_CHARS, reportMeta } from './metadata';
import { collectProjects, type Hit, longestFirst, mentionsByLine } from './projects';
import type { TextEdit, TextReader } from './textEdits';
import type { RoleCue } from './targets';
import type { DocumentAnalysis, Figure, Paragraph, Project, ReportMeta, Section, Span } from './types';

/** A text with the analysis that was made of it. */
export interface Analysed<Text extends TextReader = string> {
  /** A string; in the edit paths also one read through the edits before it (edits at several places: core/severalPlaces). */
  text: Text;
  analysis: DocumentAnalysis;
}

/** The one line an edit changed, for projectsPatch. */
export interface EditedLine {
  /** An offset in the line before its text (the same before and after the edit), and where its text ended and ends now. */
  from: number;
  oldEnd: number;
  newEnd: number;
  /** The project names its paragraph gave before (none for a line that was blank) and gives now. */
  oldNames: string[] | undefined;
  names: string[] | undefined;
  /** Which old paragraphs, [from, to), the edit replaced by which (those after them move and are renumbered). */
  replaced: { from: number; to: number; by: Paragraph[] };
  /**
   * The names the line gives as a caption changed (they are not counted: every line is matched again); read from the
   * line as collectProjects reads it (projects.ts captionLineNames, trimmed by String.prototype.trim).
   */
  captionNamesChanged?: boolean;
}

/**
 * The white space the edit paths take for white space: what both the structure (structureLines.ts WS) and the
 * projects' lines (String.prototype.trim, lines split at \n) read as such. (A zero-width space is white space to the
 * one and text to the other; a \r alone breaks the structure's line, not the projects'.)
 */
export function plainSpace(text: TextReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0x0a && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) return false;
  }
  return true;
}

/** The lines of `text` the range [from, to) lies in: from the line break before it to the one after it (or the text's end). */
export function linesAround(text: TextReader, from: number, to: number): { a: number; b: number } {
  return { a: text.lastIndexOf('\n', from - 1) + 1, b: lineEnd(text, to) };
}

/** Whether two lists of names are the same, in the same order. */
export const sameNames = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((name, i) => name === y[i]);

/** Whether the report's metadata, read from the head of the new text, is what it was. */
export function sameMeta(old: DocumentAnalysis, now: TextReader): boolean {
  return JSON.stringify(reportMeta(now.slice(0, REPORT_HEAD_CHARS), old.title)) === JSON.stringify(old.meta);
}

/**
 * The fields of a patch that are not its arrays (sent whole), the warnings after `from` moved by `shift`, and the
 * analysis's keys in their order.
 */
export function patchFields(old: DocumentAnalysis, from: number, shift: number): Pick<AnalysisPatch, 'fields' | 'order'> {
  const fields: Record<string, unknown> = { ...old };
  for (const array of PATCHED_ARRAYS) delete fields[array];
  const warnings = old.warnings?.map((w) => (w.range.start >= from ? { ...w, range: { start: w.range.start + shift, end: w.range.end + shift } } : w));
  return { fields: { ...(fields as AnalysisPatch['fields']), ...(warnings && { warnings }) }, order: Object.keys(old) };
}

/** The patch, or why the whole text must be analysed (for the log and the tests). */
export type EditAnalysis = { patch: AnalysisPatch; declined?: undefined } | { patch?: undefined; declined: string };

export const declined = (why: string): EditAnalysis => ({ declined: why });

export const START = (x: { range: Span }) => x.range.start;
export const HEADING = (s: Section) => s.heading.start;

/**
 * A paragraph's figures placed as analyzeText places them: in the cue of its section and the list cue in force, for
 * the report's year; numbered from `first`.
 */
export function placedFigures(
  old: DocumentAnalysis,
  meta: ReportMeta,
  body: string,
  result: ParagraphResult,
  paragraph: Paragraph,
  first: number,
  list: RoleCue | undefined,
  cache: AnalysisCache,
): readonly Figure[] {
  const section = result.figures.length > 0 ? (paragraph.sectionId ? sectionCueOf(old.sections, paragraph.sectionId, cache) : {}) : undefined;
  return placeFigures(body, result, paragraph, first, { section, list, reportYear: meta.year, workReport: meta.genre === 'workReport' }, cache);
}

export function bodyOf(text: TextReader, p: Paragraph): string {
  return text.slice(p.range.start, p.range.end);
}

/** Whether old paragraph i opens a numbered or title heading (a level 0–2 section starts where it does), which ends a run of openings. */
export function opensHeading(analysis: DocumentAnalysis, i: number): boolean {
  const start = analysis.paragraphs[i].range.start;
  const s = analysis.sections[countBefore(analysis.sections, HEADING, start)];
  return s !== undefined && s.heading.start === start && s.level <= 2;
}

/** Whether the run of openings through old paragraphs k − 1 and k holds a review opening (structurePlaces.ts reviewInRun). */
export function reviewRunAt(analysed: Analysed<TextReader>, k: number): boolean {
  return reviewRun(analysed, k, (i) => i);
}

/** reviewRunAt with old paragraph k left out: the run through paragraphs k − 1 and k + 1, as if k's line were blank. */
export function reviewRunAround(analysed: Analysed<TextReader>, k: number): boolean {
  return reviewRun(analysed, k, (i) => (i < k ? i : i + 1));
}

/** reviewInRun over the old paragraphs as `at` numbers them (the run's i-th paragraph is old paragraph at(i)). */
function reviewRun({ text, analysis }: Analysed<TextReader>, k: number, at: (i: number) => number): boolean {
  const { paragraphs } = analysis;
  const bodies = (i: number) => (at(i) >= 0 && at(i) < paragraphs.length ? bodyOf(text, paragraphs[at(i)]) : undefined);
  return reviewInRun(bodies, (i) => opensHeading(analysis, at(i)), k);
}

/** The list cue in force at paragraph k (analyzeText carries it from paragraph to paragraph: listAfter). */
export function listBefore(text: TextReader, paragraphs: readonly Paragraph[], k: number): RoleCue | undefined {
  // Back to the paragraph that opened the list or ended one (most paragraphs end a sentence), which decides.
  const carried: RoleCue = {};
  for (let j = k - 1; j >= 0; j--) {
    const list = listAfter(bodyOf(text, paragraphs[j]), carried);
    if (list !== carried) return list;
  }
  return undefined;
}

/**
 * The projects after the edit. When the document's names stay the same (the paragraph's, or they are named
 * elsewhere too) and the edited line mentions the same names in the same order, only the projects it mentions are
 * sent anew; otherwise every line is matched again (collectProjects: about 20 ms in 5 MB with new names) and all
 * projects are sent. `counts`: the names' new counts, when the paragraph's changed.
 */
export function projectsPatch(
  before: Analysed<TextReader>,
  text: string,
  /** `text` as it is read here, but for matching every line again (analyzeEdit). */
  now: TextReader,
  edit: TextEdit,
  line: EditedLine,
  options: AnalyzeOptions & { cache: AnalysisCache },
): { patch: ArrayPatch<Project>; counts?: Map<string, number> } | undefined {
  const old = before.analysis.projects;
  if (!options.segmenter) return { patch: unchanged(old) }; // (no projects)
  const { cache } = options;
  const { names, oldNames } = line;
  if (!names || !oldNames || !cache.nameCounts) return undefined;
  let counts: Map<string, number> | undefined;
  let union = false;
  if (!sameNames(names, oldNames)) {
    // (Counted by paragraph: a name in both halves of a paragraph split in two counts twice.)
    const was = cache.nameCounts;
    const now = (counts = new Map(was));
    for (const n of oldNames) {
      const c = (now.get(n) ?? 0) - 1;
      if (c > 0) now.set(n, c);
      else now.delete(n);
    }
    for (const n of names) now.set(n, (now.get(n) ?? 0) + 1);
    union = oldNames.some((n) => !now.has(n)) || names.some((n) => !was.has(n));
  }
  // Every line matched again (the lines whose text is unchanged from the cache while the names stay), the paragraphs
  // as they now are (captions lie between them), all projects sent.
  const everyLine = () => {
    const projects = collectProjects(text, (counts ?? cache.nameCounts!).keys(), paragraphsAfter(before.analysis.paragraphs, line.replaced, edit.shift), cache.projects);
    const runs: number[] = [];
    pushRun(runs, 2, projects.length);
    return { patch: { runs, items: projects }, counts };
  };
  if (union || line.captionNamesChanged) return everyLine();
  // The line as collectProjects reads it: from the line break before to the one after.
  const { a: lineStart, b: oldLineEnd } = linesAround(before.text, line.from, line.oldEnd);
  const newLineEnd = lineEnd(now, line.newEnd);
  const matcher = cache.projects.matcher;
  const mentions: Hit[] = [];
  // (Line by line, as collectProjects reads them: a paragraph split in two is two lines.)
  if (matcher) mentionsByLine(now.slice(lineStart, newLineEnd), cache.projects, mentions);
  const hits = longestFirst(mentions);
  // The old mentions in the line, by project, in text order.
  const inLine: { project: number; span: Span }[] = [];
  old.forEach((p, i) => {
    for (const o of p.occurrences) if (o.start >= lineStart && o.end <= oldLineEnd) inLine.push({ project: i, span: o });
  });
  inLine.sort((a, b) => a.span.start - b.span.start);
  // Other mentions in the line (a name typed into, or one of elsewhere now here): projects may come, go or reorder.
  if (hits.length !== inLine.length || hits.some((h, i) => h.name !== old[inLine[i].project].name)) return everyLine();

  const shift = edit.shift;
  const from = line.from;
  const touched = new Map<number, Span[]>();
  hits.forEach((h, i) => {
    const spans = touched.get(inLine[i].project) ?? [];
    spans.push({ start: h.span.start + lineStart, end: h.span.end + lineStart });
    touched.set(inLine[i].project, spans);
  });
  const runs: number[] = [];
  const items: Project[] = [];
  old.forEach((p, i) => {
    const mine = touched.get(i);
    if (!mine) return pushRun(runs, p.occurrences[p.occurrences.length - 1].end < from ? 0 : 1, 1);
    const occurrences: Span[] = [];
    for (const o of p.occurrences) {
      if (o.start >= lineStart && o.end <= oldLineEnd) continue;
      occurrences.push(o.start < from ? o : { start: o.start + shift, end: o.end + shift });
    }
    occurrences.push(...mine);
    occurrences.sort((a, b) => a.start - b.start);
    items.push({ ...p, occurrences });
    pushRun(runs, 2, 1);
  });
  return { patch: { runs, items }, counts };
}

/**
 * The sections after white space or a line break put in at `at`: moved from there, but a heading that ends right
 * before it (a lead-in, then Enter; the last line, then Enter at the text's end) keeps its end (analysisPatch's Mover
 * would move an offset at `at`): sent with its range moved. With a lead-in split off into a paragraph of its own
 * (`leadIn`, splitEdit.ts): inserted, and the lead-in or item open before it ends where it starts.
 */
export function sectionsMoved(sections: readonly Section[], at: number, shift: number, leadIn?: Section): ArrayPatch<Section> {
  const runs: number[] = [];
  const items: Section[] = [];
  const h = countBefore(sections, HEADING, at);
  for (const [i, s] of sections.entries()) {
    if (leadIn && i === h) {
      items.push(leadIn);
      pushRun(runs, 2, 1);
    }
    // (Code 4: the old item k − 1, moved, after the inserted one.)
    const moved = leadIn && i >= h ? 4 : 1;
    if (leadIn && i === h - 1 && s.level === 3) {
      items.push({ ...s, range: { start: s.range.start, end: leadIn.heading.start } });
      pushRun(runs, 2, 1);
    } else if (s.heading.end === at) {
      items.push({ ...s, range: { start: s.range.start, end: s.range.end + shift } });
      pushRun(runs, 2, 1);
    } else pushRun(runs, s.range.end < at ? 0 : moved, 1);
  }
  if (leadIn && h === sections.length) {
    items.push(leadIn);
    pushRun(runs, 2, 1);
  }
  return { runs, items };
}

/** The paragraphs after an edit that replaced old paragraphs [from, to): those after them moved by `shift`, renumbered. */
function paragraphsAfter(old: readonly Paragraph[], { from, to, by }: EditedLine['replaced'], shift: number): Paragraph[] {
  const d = by.length - (to - from);
  const after = old.slice(to).map((p, n) => ({ ...p, id: `p${to + n + d + 1}`, range: { start: p.range.start + shift, end: p.range.end + shift } }));
  return [...old.slice(0, from), ...by, ...after];
}

function lineEnd(text: TextReader, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/**
 * Items [i, j) of an array in text order (the edited paragraph's) replaced by `items` (sent); those before are as
 * they were (they end before the paragraph), those after moved.
 */
export function spliced<T extends { range: Span }>(all: readonly T[], i: number, j: number, items: readonly T[]): ArrayPatch<T> {
  const runs: number[] = [];
  pushRun(runs, 0, i);
  pushRun(runs, 2, items.length);
  // Code 4: old item k − d, moved (d: how many items more there are now).
  pushRun(runs, 4, all.length - j);
  return { runs, items: [...items] };
}

/** Every item as it was. */
export function unchanged<T>(items: readonly T[]): ArrayPatch<T> {
  const runs: number[] = [];
  pushRun(runs, 0, items.length);
  return { runs, items: [] };
}
