// Puts the analysis together: structure, then figures and project names per paragraph. The per-paragraph
// work is cached by paragraph text, so re-analysing after an edit only redoes the paragraphs that changed.
import { extractFigures } from './figures';
import type { IndicatorTable } from './indicators';
import { reportMeta } from './metadata';
import { plainConstructor } from './records';
import { RecentMap } from './recentMap';
import { lexiconFor } from './projectLexicon';
import { collectProjects, namesOfScan, type ParagraphScan, ProjectMatchCache, scanParagraph } from './projects';
import type { Segmenter } from './segmenter';
import { parseStructure } from './structure';
import { attachRoles, listCue, mergeCues, type RoleCue, sectionCue } from './targets';
import { ownCopy, ownPieces } from './text';
import type { AnalysisWarning, DocumentAnalysis, Figure, Paragraph, Section, Span } from './types';

/**
 * A text with more figures is refused (TooManyFiguresError): 8 MB of 1万1万… holds two million, which take
 * about a gigabyte; real reports hold some tens of thousands at most.
 */
export const MAX_FIGURES_PER_DOCUMENT = 3_000_000;

export interface ParagraphResult {
  figures: Figure[];
  /** Numbers left out as beyond the range of a double (see ExtractOptions.skipped). */
  skipped: Span[];
  /** undefined when no segmenter was given. */
  projectNames?: string[];
  /** The role and year of each figure, as attachRoles gave them in the context `key` (section, list, report year). */
  roles?: { key: string; values: Pick<Figure, 'role' | 'year'>[] };
  /**
   * The figures as the last analysis had them (offsets in the document, ids, roles), with what they depend on:
   * the paragraph's offset, its first figure's number, its id and its context key. The analysis that holds them may
   * have moved them since (the worker patches its own copy in place): they are handed out again only as they were.
   */
  emitted?: { at: number; base: number; paragraphId: string; key: string; figures: Figure[] };
}

/** Per-paragraph results keyed by paragraph text. Keep one per open document. */
export class AnalysisCache {
  private readonly entries = new RecentMap<ParagraphResult>();
  hits = 0;
  misses = 0;

  get(text: string): ParagraphResult | undefined {
    const hit = this.entries.get(text);
    if (hit) this.hits++;
    return hit;
  }

  set(text: string, result: ParagraphResult): void {
    this.misses++;
    this.entries.set(text, result);
  }

  private readonly cues = new Map<string, RoleCue>();
  /** The project names' mentions line by line, and the names of caption lines. */
  readonly projects = new ProjectMatchCache();
  /**
   * How many paragraphs name each project name, as of the last analysis (analyzeEdit keeps it up to date): says
   * whether an edit's names change the document's.
   */
  nameCounts?: Map<string, number>;

  /** The role cue of a heading, worked out once per title. */
  sectionCue(title: string): RoleCue {
    let cue = this.cues.get(title);
    if (!cue) {
      if (this.cues.size > 10_000) this.cues.clear(); // bounded: headings repeat, crafted texts need not
      this.cues.set(title, (cue = sectionCue(title)));
    }
    return cue;
  }

  /** Called after each full pass: forget paragraphs that were not seen in the last two passes. */
  sweep(): void {
    this.entries.sweep();
  }
}

export interface AnalyzeOptions {
  /** Word segmentation for projects; without it projects are empty. */
  segmenter?: Segmenter;
  /** Why the segmenter is missing, reported in `segmentation.error`. */
  segmenterError?: string;
  /**
   * The indicator table for indicatorKey (loadIndicatorTable; default: the shipped one). A cache holds figures
   * keyed by paragraph text only: start a new AnalysisCache when the table changes.
   */
  indicators?: IndicatorTable;
  cache?: AnalysisCache;
  /**
   * Called before each paragraph is analysed (not before one from the cache), and with a segmenter again before its
   * project names are found: a caller in the background may pause there for work in front of the user, rather than
   * only between whole texts.
   */
  beforeParagraph?: () => void;
}

/** The analysis of a text that was not analysed (empty, refused, too large), saying why. */
export function emptyAnalysis(reason: string): DocumentAnalysis {
  return { sections: [], paragraphs: [], figures: [], projects: [], captions: [], segmentation: { available: false, error: reason } };
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const { segmenter, cache } = options;
  const structure = parseStructure(text);
  const meta = reportMeta(text, structure.title);
  const cueOfSection = cuesBySection(structure.sections, cache);
  const workReport = meta.genre === 'workReport';
  let list: RoleCue | undefined;
  const figures: Figure[] = [];
  const warnings: AnalysisWarning[] = [];
  const names = new Set<string>();
  const counts = cache && segmenter ? new Map<string, number>() : undefined;
  const results: ParagraphResult[] = [];
  // Project names are found in a pass of their own after the figures (the results that wait for them, with their
  // bodies): figures and names by turns, paragraph by paragraph, evicted each other's tables and code from the
  // processor's caches (a sixth of the analysis' time).
  const waiting: Waiting = { results: [], bodies: [] };

  const pieceOf = ownPieces(text);
  try {
    for (const paragraph of structure.paragraphs) {
      // (A cache keys the paragraph by its slice: an own copy of each, found or not, held more memory in the worker.)
      const body = cache ? text.slice(paragraph.range.start, paragraph.range.end) : pieceOf(paragraph.range.start, paragraph.range.end);
      const result = figuresFirst(body, options, MAX_FIGURES_PER_DOCUMENT - figures.length, waiting);
      results.push(result);
      // (A paragraph without figures places none: its context is not made, nor an empty copy of its figures.)
      if (result.figures.length > 0) {
        const section = (paragraph.sectionId && cueOfSection(paragraph.sectionId)) || {};
        const placed = placeFigures(body, result, paragraph, figures.length, { section, list, reportYear: meta.year, workReport }, cache);
        for (const f of placed) figures.push(f);
      }
      list = listAfter(body, list);
      const at = paragraph.range.start;
      for (let k = 0; k < result.skipped.length; k++) {
        const s = result.skipped[k];
        const range = { start: s.start + at, end: s.end + at };
        const written = abbreviate(text.slice(range.start, range.end));
        warnings.push({ range, message: `${written} is beyond the range of a double; it is not listed as a figure` });
      }
    }
  } catch (err) {
    forgetWaiting(waiting);
    throw err;
  }
  findWaitingNames(waiting, segmenter, options.beforeParagraph);
  for (const result of results) {
    if (!result.projectNames) continue; // (without a segmenter: no empty array made for each paragraph)
    for (const n of result.projectNames) {
      names.add(n);
      if (counts) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  cache?.sweep();
  if (cache) cache.nameCounts = counts;

  return {
    title: structure.title,
    meta,
    sections: structure.sections,
    paragraphs: structure.paragraphs,
    captions: structure.captions,
    figures,
    projects: segmenter ? collectProjects(text, names, structure.paragraphs, cache?.projects, pieceOf) : [],
    segmentation: segmenter
      ? { available: true }
      : { available: false, error: options.segmenterError ?? 'word segmentation was not requested' },
    ...(warnings.length > 0 && { warnings }),
  };
}

/** A paragraph's own results: from the cache, else worked out now (and cached). */
export function paragraphResult(body: string, options: AnalyzeOptions, maxFigures: number): ParagraphResult {
  const waiting: Waiting = { results: [], bodies: [] };
  const result = figuresFirst(body, options, maxFigures, waiting);
  findWaitingNames(waiting, options.segmenter, undefined); // (beforeParagraph was called for the paragraph)
  return result;
}

/** The names of a result whose names are still to be found (in this analysis: the same paragraph again takes it as it is). */
const NAMES_WAITING: string[] = [];
/**
 * What extractFigures leaves out, collected for the paragraph being read (an array made per paragraph lived as long
 * as its result, and nearly every paragraph has none).
 */
const SKIPPED: Span[] = [];
/** The results' `skipped` when none is (read only). */
const NONE_SKIPPED = Object.freeze([]) as unknown as Span[];

/**
 * A paragraph's result, by a constructor: results live as long as the analysis, and V8 pretenured the literal
 * (records.ts says why that matters).
 */
const ResultRecord = plainConstructor(function (this: ParagraphResult, figures: Figure[], skipped: Span[], projectNames: string[] | undefined) {
  this.figures = figures;
  this.skipped = skipped;
  this.projectNames = projectNames;
});

/** The results whose names are still to be found, and their paragraphs' texts. */
interface Waiting {
  results: ParagraphResult[];
  bodies: string[];
}

/**
 * paragraphResult without finding project names: a result that needs them gets NAMES_WAITING, and goes onto
 * `waiting` with its body (the caller finds them). The cache and beforeParagraph as paragraphResult has them.
 */
function figuresFirst(body: string, options: AnalyzeOptions, maxFigures: number, waiting: Waiting): ParagraphResult {
  const { segmenter, cache } = options;
  let result = cache?.get(body);
  if (!result || (segmenter && !result.projectNames)) {
    options.beforeParagraph?.();
    let figures = result?.figures;
    let skipped = result?.skipped;
    // What is read: a string of its own (core/text ownPieces); the cache keeps the body it was given.
    const read = cache ? ownCopy(body) : body;
    if (!figures) {
      SKIPPED.length = 0;
      figures = extractFigures(read, { maxFigures, skipped: SKIPPED, indicators: options.indicators });
      skipped = SKIPPED.length > 0 ? SKIPPED.splice(0) : NONE_SKIPPED;
    }
    result = new ResultRecord(figures, skipped!, segmenter ? NAMES_WAITING : undefined);
    if (segmenter) {
      waiting.results.push(result);
      waiting.bodies.push(read);
    }
    cache?.set(body, result);
  }
  return result;
}

/** The names of the results of `waiting`, each after `pause`. */
function findWaitingNames(waiting: Waiting, segmenter: Segmenter | undefined, pause: (() => void) | undefined): void {
  try {
    // The names at every paragraph's facility words first, then its other readings (lists, programmes, roads): by
    // turns, paragraph by paragraph, they too evicted each other's code and tables.
    const scans: (ParagraphScan | undefined)[] = [];
    for (const body of waiting.bodies) {
      pause?.();
      const lex = lexiconFor(body, segmenter);
      scans.push(lex && scanParagraph(body, lex));
    }
    for (let k = 0; k < waiting.results.length; k++) waiting.results[k].projectNames = scans[k] ? namesOfScan(scans[k]!) : [];
  } catch (err) {
    forgetWaiting(waiting);
    throw err;
  }
}

/** After a failure: a result cached while it waited for its names is left without them (paragraphResult finds them when asked). */
function forgetWaiting(waiting: Waiting): void {
  for (const r of waiting.results) if (r.projectNames === NAMES_WAITING) r.projectNames = undefined;
}

/** What a paragraph's figures' roles depend on besides its text; `section` is undefined when it has no figures. */
export interface FigureContext {
  section: RoleCue | undefined;
  list: RoleCue | undefined;
  reportYear: number | undefined;
  workReport: boolean;
}

/**
 * A paragraph's figures as the document's: offsets in the document, ids after the `base` figures before it, roles
 * in their context. Never changes objects another analysis holds.
 */
export function placeFigures(
  body: string,
  result: ParagraphResult,
  paragraph: Paragraph,
  base: number,
  context: FigureContext,
  cache: AnalysisCache | undefined,
): readonly Figure[] {
  const at = paragraph.range.start;
  const { section, list, reportYear, workReport } = context;
  // The figures' roles depend on the paragraph's context: the sections' cue, a list opened before it, the report.
  const key = cache && section && `${section.role}|${section.year}|${list?.role}|${list?.year}|${reportYear}|${workReport}`;
  const last = result.emitted;
  // Nothing the figures depend on moved (the paragraphs before an edit): the last analysis's objects as they
  // are, neither copied nor compared again by the worker's diff.
  if (key && last && last.at === at && last.base === base && last.paragraphId === paragraph.id && last.key === key && asPlaced(last.figures, result.figures, at, paragraph.id, base)) return last.figures;
  // Local ids (f1…) become document ids (renamed); change.figureId follows.
  let mine: Figure[];
  if (cache) {
    mine = result.figures.map((f) => {
      // Copied, then changed: a spread followed by fields ({ ...f, id, … }) took ten times as long in V8.
      const copy = { ...f };
      copy.id = renamed(f.id, base);
      copy.range = { start: f.range.start + at, end: f.range.end + at };
      copy.change = f.change && { ...f.change, figureId: f.change.figureId && renamed(f.change.figureId, base) };
      copy.paragraphId = paragraph.id;
      return copy;
    });
  } else {
    // Without a cache nobody else holds the paragraph's figures, nor their ranges and changes: they are moved in
    // place rather than copied (millions in a crafted text; and each copy lives as long as the analysis).
    mine = result.figures;
    for (const f of mine) {
      f.id = renamed(f.id, base);
      f.range.start += at;
      f.range.end += at;
      if (f.change) f.change.figureId = f.change.figureId && renamed(f.change.figureId, base);
      else f.change = undefined; // the key is there either way, as in a copy
      f.paragraphId = paragraph.id;
    }
  }
  if (section) {
    // The same paragraph in the same context gets the same roles: kept with the paragraph, not worked out again.
    if (key && result.roles?.key === key) {
      result.roles.values.forEach((v, i) => Object.assign(mine[i], v));
    } else {
      attachRoles(body, mine, { section, list, reportYear, workReport }, at);
      if (key) result.roles = { key, values: mine.map((f) => ({ ...(f.role && { role: f.role }), ...(f.year !== undefined && { year: f.year }) })) };
    }
    if (key) result.emitted = { at, base, paragraphId: paragraph.id, key, figures: mine };
  }
  return mine;
}

/** The document's id of the figure whose local id (f1…) is `local`, after `base` figures. */
function renamed(local: string, base: number): string {
  // (The local number read by its digits: a slice and Number() per figure cost more.)
  let n = 0;
  for (let i = 1; i < local.length; i++) n = n * 10 + local.charCodeAt(i) - 48;
  return `f${base + n}`;
}

/**
 * Whether the figures `placed` are still `local` placed at `at` (offsets, ids, paragraph, change): an analysis patched
 * in place moves and renumbers the figures it holds, and back again when the text moves back.
 */
function asPlaced(placed: readonly Figure[], local: readonly Figure[], at: number, paragraphId: string, base: number): boolean {
  if (placed.length !== local.length) return false;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    const l = local[i];
    if (p.range.start !== l.range.start + at || p.range.end !== l.range.end + at || p.id !== renamed(l.id, base) || p.paragraphId !== paragraphId) return false;
    if (l.change?.figureId !== undefined && p.change?.figureId !== renamed(l.change.figureId, base)) return false;
  }
  return true;
}

/** 今年主要预期目标是： opens a list that runs over the following paragraphs up to the sentence's end. */
export function listAfter(body: string, list: RoleCue | undefined): RoleCue | undefined {
  return listCue(body) ?? (list && !SENTENCE_END_RE.test(body) ? list : undefined);
}
const SENTENCE_END_RE = /[。！？!?]\s*$/;

const NO_CUE: RoleCue = Object.freeze({});

/**
 * Each section's cue merged with its ancestors' (the innermost that says wins), by section id; worked out when
 * first asked for (by a paragraph with figures), each heading's cue once. Section ids are numbered in order (s12
 * is sections[11]): an array, not maps of every section.
 */
function cuesBySection(sections: readonly Section[], cache: AnalysisCache | undefined): (id: string) => RoleCue {
  const merged: (RoleCue | undefined)[] = new Array(sections.length);
  const cueOf = (i: number): RoleCue => {
    let cue = merged[i];
    if (cue) return cue;
    const s = sections[i];
    cue = underHeading(s, s.parentId ? cueOf(sectionIndex(s.parentId)) : NO_CUE, cache);
    merged[i] = cue;
    return cue;
  };
  return (id) => cueOf(sectionIndex(id));
}

const sectionIndex = (id: string) => Number(id.slice(1)) - 1;

/** The cue of section `s` inside sections whose merged cue is `outer`: its heading's, where it says, over theirs. */
function underHeading(s: Section, outer: RoleCue, cache: AnalysisCache | undefined): RoleCue {
  // Headings of parts (一、 (一)); the title line gives the report's year (meta), lead-ins (一是…) are topics.
  const mine = s.level === 1 || s.level === 2 ? (cache ? cache.sectionCue(s.title) : sectionCue(s.title)) : NO_CUE;
  // A heading that says nothing (most: lead-ins) has its parent's cue, the same object: nothing is made anew.
  return mine.role === undefined && mine.year === undefined ? outer : mergeCues([mine, outer]);
}

/** One section's cue merged with its ancestors' (what cuesBySection gives it), without the other sections'. */
export function sectionCueOf(sections: readonly Section[], id: string, cache: AnalysisCache | undefined): RoleCue {
  const s = sections[sectionIndex(id)];
  return underHeading(s, s.parentId ? sectionCueOf(sections, s.parentId, cache) : NO_CUE, cache);
}

function abbreviate(s: string): string {
  return s.length > 24 ? `${s.slice(0, 10)}…${s.slice(-6)} (${[...s].length} characters)` : s;
}

