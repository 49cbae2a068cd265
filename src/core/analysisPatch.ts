// What crosses from the analysis worker to the extension host after an edit: not the whole analysis of a large
// report (tens of thousands of objects, about 70 ms to deserialise for 5 MB) but how the edit moved what follows
// it, and the items it changed. The host rebuilds the new analysis from the one it holds: unchanged items are the
// same objects, moved ones copies with their offsets and ids moved. Analyses are therefore never changed in place.
import { movedOffset, textEdits, type TextEdit } from './textEdits';
import type { Caption, DocumentAnalysis, Figure, Paragraph, Project, Section, Span } from './types';

/**
 * One array of the new analysis, item by item in runs: [code, count] pairs. For the k-th new item, code 0 is the
 * old k-th item as it was, 1 the old k-th item moved, 3 and 4 the same of old item k − d (d: how many items more
 * there are, for the items after an inserted or deleted one), 2 the next of `items` (sent: what the edit changed).
 */
export interface ArrayPatch<T> {
  runs: number[];
  items: T[];
}

/**
 * How the edits moved what follows them: offsets by the text's edits (textEdits.ts); numbered ids (s12, p40, f7,
 * numbered in text order), and the ids that refer to them, by how many items of their kind the edits before them
 * added or removed.
 */
export interface Move {
  edits: TextEdit[];
  /**
   * Kind letter → cuts [j, d]: from old item index j on (numbers above j), an item's new index is its old one + d
   * (until the next cut).
   */
  ids: Record<string, [number, number][]>;
}

export interface AnalysisPatch {
  move: Move;
  /** Every field of the analysis that is not one of the arrays below, whole (they are small). */
  fields: Omit<DocumentAnalysis, PatchedArray>;
  /** The analysis's keys in their order (the arrays among the fields), so that it is rebuilt as it was made. */
  order: string[];
  sections: ArrayPatch<Section>;
  paragraphs: ArrayPatch<Paragraph>;
  figures: ArrayPatch<Figure>;
  captions: ArrayPatch<Caption>;
  projects: ArrayPatch<Project>;
}

export type PatchedArray = 'sections' | 'paragraphs' | 'figures' | 'captions' | 'projects';

const STILL: Move = { edits: [], ids: {} };
const ID_KEYS = new Set(['id', 'parentId', 'sectionId', 'paragraphId', 'figureId']);
const NUMBERED_ID = /^[spf]\d+$/;

function renamed(id: string, move: Move): string {
  const cuts = move.ids[id[0]];
  if (!cuts || cuts.length === 0 || !NUMBERED_ID.test(id)) return id; // most ids: their kind's count did not change
  const n = Number(id.slice(1));
  let by = 0;
  for (const [before, delta] of cuts) {
    if (n <= before) break;
    by = delta;
  }
  return by === 0 ? id : `${id[0]}${n + by}`;
}

const at = (offset: number, move: Move) => movedOffset(move.edits, offset);

/** A Move made ready for copying items, once per patch: most moves are one edit and renumber nothing. */
export class Mover {
  /** Items of some kind came or went: numbered ids after them change. */
  readonly renumbers: boolean;
  private readonly single: boolean;
  private readonly from: number;
  private readonly shift: number;

  constructor(readonly move: Move) {
    this.renumbers = Object.values(move.ids).some((cuts) => cuts.length > 0);
    this.single = move.edits.length === 1;
    this.from = move.edits[0]?.from ?? 0;
    this.shift = move.edits[0]?.shift ?? 0;
  }
  at(offset: number): number {
    if (this.single) return offset >= this.from ? offset + this.shift : offset; // (movedOffset with one edit)
    return movedOffset(this.move.edits, offset);
  }
  span(s: Span): Span {
    return { start: this.at(s.start), end: this.at(s.end) };
  }
}

/**
 * Copies of an item moved, one function per array: object literals with the keys in the order the analysis
 * makes them (so a patched analysis is the same JSON as one made afresh; the edit tests compare the two as JSON).
 * A literal has one shape, which V8 builds in one step: measured about a third faster than Object.assign for
 * figures, and this runs for every item after the edit. Ids are renumbered apart (RENUMBER), rarely.
 */
const MOVE: { [K in PatchedArray]: (item: DocumentAnalysis[K][number], move: Mover) => DocumentAnalysis[K][number] } = {
  sections: (s, m) =>
    s.parentId === undefined
      ? { id: s.id, level: s.level, title: s.title, heading: m.span(s.heading), range: m.span(s.range) }
      : { id: s.id, parentId: s.parentId, level: s.level, title: s.title, heading: m.span(s.heading), range: m.span(s.range) },
  paragraphs: (p, m) => (p.sectionId === undefined ? { id: p.id, range: m.span(p.range) } : { id: p.id, sectionId: p.sectionId, range: m.span(p.range) }),
  figures: movedFigure,
  captions: (c, m) => ({ kind: c.kind, text: c.text, range: m.span(c.range) }),
  projects: (p, m) => ({ id: p.id, name: p.name, occurrences: p.occurrences.map((o) => m.span(o)) }),
};

/** Every key of Figure, in the order the analysis makes them: this line fails to compile when Figure gains one. */
const FIGURE_KEYS = ['id', 'text', 'range', 'kind', 'value', 'magnitude', 'baseValue', 'unit', 'approx', 'bound', 'high', 'direction', 'indicator', 'indicatorKey', 'change', 'paragraphId', 'role', 'year'] as const;
const everyFigureKey: Exclude<keyof Figure, (typeof FIGURE_KEYS)[number]> extends never ? true : never = true;
void everyFigureKey;

function movedFigure(f: Figure, m: Mover): Figure {
  // Every key written, absent ones as undefined (the same JSON): the copies have one shape, so the next patch
  // reads them at a known place instead of looking each key up among the many shapes the analysis makes.
  return {
    id: f.id,
    text: f.text,
    range: m.span(f.range),
    kind: f.kind,
    value: f.value,
    magnitude: f.magnitude,
    baseValue: f.baseValue,
    unit: f.unit,
    approx: f.approx,
    bound: f.bound,
    high: f.high,
    direction: f.direction,
    indicator: f.indicator,
    indicatorKey: f.indicatorKey,
    change: f.change,
    paragraphId: f.paragraphId,
    role: f.role,
    year: f.year,
  };
}

/**
 * The numbered ids of a moved copy renumbered, when items came or went before it: in place, as the copy is new
 * and no one holds it yet. Apart from MOVE so that the copying, compiled for patches that renumber nothing (most),
 * is not thrown away by the first that does (measured: that patch ran 40 ms instead of 2 until recompiled).
 */
export const RENUMBER: { [K in PatchedArray]?: (copy: DocumentAnalysis[K][number], move: Move) => void } = {
  sections: (c, m) => {
    c.id = renamed(c.id, m);
    if (c.parentId !== undefined) c.parentId = renamed(c.parentId, m);
  },
  paragraphs: (c, m) => {
    c.id = renamed(c.id, m);
    if (c.sectionId !== undefined) c.sectionId = renamed(c.sectionId, m);
  },
  figures: (c, m) => {
    c.id = renamed(c.id, m);
    if (c.paragraphId !== undefined) c.paragraphId = renamed(c.paragraphId, m);
    // (The change's figure renumbered only when figures came or went before it: else the same object.)
    const by = c.change?.figureId !== undefined ? renamed(c.change.figureId, m) : undefined;
    if (by !== undefined && by !== c.change!.figureId) c.change = { ...c.change!, figureId: by };
  },
};
const ARRAYS = Object.keys(MOVE) as PatchedArray[];

/** The analysis's arrays a patch holds run by run (every other field is sent whole). */
export const PATCHED_ARRAYS: readonly PatchedArray[] = ARRAYS;

/** The patch that turns `before` (the analysis of `oldText`) into `after` (of `newText`). */
export function diffAnalysis(before: DocumentAnalysis, after: DocumentAnalysis, oldText: string, newText: string): AnalysisPatch {
  const { sections, paragraphs, figures, captions, projects, ...fields } = after;
  const edits = textEdits(oldText, newText);
  const offsets: Move = { edits, ids: {} };
  const move: Move = {
    edits,
    ids: {
      s: idCuts(before.sections, after.sections, (x) => x.heading.start, offsets),
      p: idCuts(before.paragraphs, after.paragraphs, (x) => x.range.start, offsets),
      f: idCuts(before.figures, after.figures, (x) => x.range.start, offsets),
    },
  };
  return {
    move,
    fields,
    order: Object.keys(after),
    sections: diffArray(before.sections, sections, move, 's'),
    paragraphs: diffArray(before.paragraphs, paragraphs, move, 'p'),
    figures: diffArray(before.figures, figures, move, 'f'),
    captions: diffArray(before.captions, captions, move, undefined),
    projects: diffArray(before.projects, projects, move, undefined),
  };
}

/**
 * How the numbered ids of one kind moved: each old item is found in the new analysis at its moved start, and
 * where the difference of their indexes changes a cut is made ([old items before it, the new difference]). Found
 * from the items, not the edits: a heading lost at one place can come back at another (lead-ins are read as runs).
 */
function idCuts<T>(before: readonly T[], after: readonly T[], start: (item: T) => number, move: Move): [number, number][] {
  const cuts: [number, number][] = [];
  let last = 0;
  for (let j = 0; j < before.length; j++) {
    const target = at(start(before[j]), move);
    const k = countBefore(after, start, target);
    if (k >= after.length || start(after[k]) !== target) continue; // gone, or changed where it starts
    if (k - j !== last) cuts.push([j, (last = k - j)]);
  }
  return cuts;
}

/** How many items (in text order) start before `from`. */
export function countBefore<T>(items: readonly T[], start: (item: T) => number, from: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The analysis `patch` makes of `before` (which is left as it is). */
export function applyAnalysisPatch(before: DocumentAnalysis, patch: AnalysisPatch): DocumentAnalysis {
  const steps = applyAnalysisPatchInSteps(before, patch);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Items rebuilt between two pauses of applyAnalysisPatchInSteps: a few hundred microseconds of work, a few
 * milliseconds before the code is optimised.
 */
export const STEP_ITEMS = 500;

/**
 * applyAnalysisPatch a slice at a time: pauses (yields) after every few thousand items, so that a caller on an
 * event loop can let other work run between slices (the first patches of a session run before the code is
 * optimised, tens of milliseconds for a large report). Returns the new analysis when done.
 */
export function* applyAnalysisPatchInSteps(before: DocumentAnalysis, patch: AnalysisPatch): Generator<void, DocumentAnalysis> {
  const arrays: Record<string, unknown[]> = {};
  const move = patch.move;
  const mover = new Mover(move);
  let budget = STEP_ITEMS;
  for (const name of ARRAYS) {
    const old = before[name] as unknown[];
    const p = patch[name] as ArrayPatch<unknown>;
    const copy = MOVE[name] as (item: unknown, move: Mover) => unknown;
    const renumber = mover.renumbers ? (RENUMBER[name] as ((copy: unknown, move: Move) => void) | undefined) : undefined;
    const source = oldItems(name, old.length, p, move);
    const out: unknown[] = [];
    for (let r = 0; r < p.runs.length; r += 2) {
      const code = p.runs[r];
      for (let c = p.runs[r + 1]; c > 0; c--) {
        const j = source[out.length];
        if (j < 0) out.push(p.items[-1 - j]);
        else if (code === 0 || code === 3) out.push(old[j]);
        else {
          const c = copy(old[j], mover);
          renumber?.(c, move);
          out.push(c);
        }
        if (--budget === 0) {
          budget = STEP_ITEMS;
          yield;
        }
      }
    }
    arrays[name] = out;
  }
  const after: Record<string, unknown> = {};
  for (const key of patch.order) after[key] = key in arrays ? arrays[key] : (patch.fields as Record<string, unknown>)[key];
  return after as unknown as DocumentAnalysis;
}

/**
 * For each new item of one array, the index of the old item it is (as it was or moved), or −1 − i for the i-th item
 * sent. Throws when the patch names an old item the array does not have: it was made from another analysis.
 */
export function oldItems(name: PatchedArray, oldLength: number, p: ArrayPatch<unknown>, move: Move): Int32Array {
  const source = new Int32Array(runsLength(p));
  const counterpart = counterparts(KIND_OF[name], move, oldLength, source.length);
  let k = 0;
  let sent = 0;
  for (let r = 0; r < p.runs.length; r += 2) {
    const code = p.runs[r];
    for (let c = p.runs[r + 1]; c > 0; c--, k++) {
      if (code === 2) {
        source[k] = -1 - sent++;
        continue;
      }
      const j = code === 3 || code === 4 ? counterpart(k) : k;
      if (j < 0 || j >= oldLength) throw new Error(`the analysis patch does not fit: ${name} has ${oldLength} items`);
      source[k] = j;
    }
  }
  return source;
}

/** How many items an array of the new analysis has: the counts of its runs. */
export function runsLength(p: ArrayPatch<unknown>): number {
  let n = 0;
  for (let r = 1; r < p.runs.length; r += 2) n += p.runs[r];
  return n;
}

/** How many of a patch's items were sent, of how many in all (for the log and the tests). */
export function patchSize(patch: AnalysisPatch): { sent: number; total: number } {
  let sent = 0;
  let total = 0;
  for (const name of ARRAYS) {
    const p = patch[name] as ArrayPatch<unknown>;
    sent += p.items.length;
    total += runsLength(p);
  }
  return { sent, total };
}

/** The letter of the ids of each array's items (captions and projects are not renumbered). */
export const KIND_OF: Record<PatchedArray, string | undefined> = { sections: 's', paragraphs: 'p', figures: 'f', captions: undefined, projects: undefined };

/**
 * The old item that new item k is, moved, after the edits: by the kind's id cuts where items came or went at
 * several places; else k − d (d: how many more there are). -1 when none.
 */
function counterparts(kind: string | undefined, move: Move, oldLength: number, newLength: number): (k: number) => number {
  const cuts = kind ? move.ids[kind] : undefined;
  if (!cuts || cuts.length === 0) {
    const d = newLength - oldLength;
    return (k) => (k - d >= 0 && k - d < oldLength ? k - d : -1);
  }
  const newToOld = new Int32Array(newLength).fill(-1);
  let c = 0;
  let by = 0;
  for (let j = 0; j < oldLength; j++) {
    while (c < cuts.length && j + 1 > cuts[c][0]) by = cuts[c++][1];
    const k = j + by;
    if (k >= 0 && k < newLength) newToOld[k] = j;
  }
  return (k) => newToOld[k];
}

/** Items of an array in text order, one after another: those that end before `from` as they are, the others moved. */
export function keptThenMoved<T extends { range: Span }>(items: readonly T[], from: number): ArrayPatch<T> {
  const runs: number[] = [];
  const before = countBefore(items, (item) => item.range.end, from);
  pushRun(runs, 0, before);
  pushRun(runs, 1, items.length - before);
  return { runs, items: [] };
}

/** Each item as it was when its last offset lies before `from`, else moved: for items that nest or are not in text order (keptThenMoved for those that are). */
export function movedFrom<T>(items: readonly T[], last: (item: T) => number, from: number): ArrayPatch<T> {
  const runs: number[] = [];
  for (const item of items) pushRun(runs, last(item) < from ? 0 : 1, 1);
  return { runs, items: [] };
}

/** Appends `count` items of `code` to an array patch's runs, lengthening the last run when it has that code. */
export function pushRun(runs: number[], code: number, count: number): void {
  if (count === 0) return;
  if (runs.length > 0 && runs[runs.length - 2] === code) runs[runs.length - 1] += count;
  else runs.push(code, count);
}

function diffArray<T>(before: readonly T[], after: readonly T[], move: Move, kind: string | undefined): ArrayPatch<T> {
  const counterpart = counterparts(kind, move, before.length, after.length);
  const runs: number[] = [];
  const items: T[] = [];
  for (let k = 0; k < after.length; k++) {
    const j = counterpart(k);
    const here = k < before.length;
    const there = j >= 0 && j < before.length;
    // Before the edits items are as they were; after them they are moved, further along if items came or went.
    const code =
      here && same(before[k], after[k], STILL) ? 0
      : there && same(before[j], after[k], move) ? 4
      : here && same(before[k], after[k], move) ? 1
      : there && same(before[j], after[k], STILL) ? 3
      : 2;
    if (code === 2) items.push(after[k]);
    pushRun(runs, code, 1);
  }
  return { runs, items };
}

/**
 * Deep equality of `a` moved by `move` and `b`: numbers under `start` or `end` are offsets, moved by the shift;
 * numbered ids (and the ids that refer to them) are renumbered.
 */
function same(a: unknown, b: unknown, move: Move, key?: string): boolean {
  if (typeof a === 'number') return typeof b === 'number' && (key === 'start' || key === 'end' ? at(a, move) === b : a === b);
  if (typeof a === 'string') return key !== undefined && ID_KEYS.has(key) ? renamed(a, move) === b : a === b;
  // The same object is the same item only where nothing moved (an unchanged paragraph's figures are handed on as
  // they were); under a move it is compared field by field like any other.
  if (a === b && (move === STILL || typeof a !== 'object' || a === null)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], move, key)) return false;
    return true;
  }
  // A key that holds undefined is an absent one, as in JSON (moved figures carry every key: movedFigure).
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (y[k] === undefined || !same(x[k], y[k], move, k)) return false;
    n++;
  }
  for (const k in y) if (y[k] !== undefined && --n < 0) return false;
  return n === 0;
}
