// A patch applied to the analysis itself, for the one who owns it: the extension host's analysis of an open report,
// which follows the document as a TextDocument does. applyAnalysisPatch copies every item after an edit, about
// 19,000 of them per keystroke in a 5 MB report, and the copies and the dropped originals were most of the host's
// work and garbage; here the items after the edit only have their offsets (and, rarely, ids) changed.
import { applyAnalysisPatch, type AnalysisPatch, type ArrayPatch, KIND_OF, Mover, oldItems, PATCHED_ARRAYS, type PatchedArray, RENUMBER, runsLength } from './analysisPatch';
import type { DocumentAnalysis, Span } from './types';

/** Moves a span in place: each span belongs to one item (the analysis shares none, and nothing else holds them). */
function shift(s: Span, m: Mover): void {
  s.start = m.at(s.start);
  s.end = m.at(s.end);
}

/** An item's offsets moved in place, one function per array. */
const SHIFT: { [K in PatchedArray]: (item: DocumentAnalysis[K][number], m: Mover) => void } = {
  sections: (s, m) => {
    shift(s.heading, m);
    shift(s.range, m);
  },
  paragraphs: (p, m) => shift(p.range, m),
  figures: (f, m) => shift(f.range, m),
  captions: (c, m) => shift(c.range, m),
  projects: (p, m) => {
    for (const o of p.occurrences) shift(o, m);
  },
};

/** Code of a new item that is an old one moved (see ArrayPatch). */
const isMoved = (code: number) => code === 1 || code === 4;

/**
 * Changes `analysis` into what applyAnalysisPatch(analysis, patch) gives (the same JSON), in place: arrays keep
 * their identity, kept items are the same objects with their offsets moved, sent items take the place of those they
 * replace. Nothing is changed and false is returned when the patch names an old item twice (then apply a copy); a
 * patch that does not fit throws, before anything is changed.
 */
export function applyAnalysisPatchInPlace(analysis: DocumentAnalysis, patch: AnalysisPatch): boolean {
  const mover = new Mover(patch.move);
  // First which old item each new one is, for every array: only then is anything changed.
  const plans: (Int32Array | 'direct')[] = [];
  for (const name of PATCHED_ARRAYS) {
    const plan = planOf(name, analysis[name].length, patch[name], patch.move);
    if (!plan) return false;
    plans.push(plan);
  }
  for (const [a, name] of PATCHED_ARRAYS.entries()) {
    const items = analysis[name] as unknown[];
    const p = patch[name] as ArrayPatch<unknown>;
    const move = SHIFT[name] as (item: unknown, m: Mover) => void;
    const renumber = mover.renumbers ? (RENUMBER[name] as ((item: unknown, m: Mover['move']) => void) | undefined) : undefined;
    const plan = plans[a];
    if (plan === 'direct') {
      // (Every item where it was: only the moved ones and the sent ones are touched.)
      let k = 0;
      let sent = 0;
      for (let r = 0; r < p.runs.length; r += 2) {
        const code = p.runs[r];
        const end = k + p.runs[r + 1];
        if (code === 2) for (; k < end; k++) items[k] = p.items[sent++];
        else if (isMoved(code)) for (; k < end; k++) {
          move(items[k], mover);
          renumber?.(items[k], patch.move);
        }
        else k = end;
      }
      items.length = k;
      continue;
    }
    const next: unknown[] = new Array(plan.length);
    let k = 0;
    for (let r = 0; r < p.runs.length; r += 2) {
      const code = p.runs[r];
      for (let c = p.runs[r + 1]; c > 0; c--, k++) {
        const j = plan[k];
        if (j < 0) {
          next[k] = p.items[-1 - j];
          continue;
        }
        const item = items[j];
        if (isMoved(code)) {
          move(item, mover);
          renumber?.(item, patch.move);
        }
        next[k] = item;
      }
    }
    items.length = next.length;
    for (let i = 0; i < next.length; i++) items[i] = next[i];
  }
  setFields(analysis, patch);
  return true;
}

/**
 * `analysis` with a patch the analysis worker worked out applied, as the worker keeps its own copy: in place, the
 * patch cloned first (its items may be objects the old analysis or the paragraph cache holds, which the analysis must
 * not share: it moves them at later edits, core/analyze asPlaced); a copy when the patch names an old item twice.
 */
export function patchOwnAnalysis(analysis: DocumentAnalysis, patch: AnalysisPatch): DocumentAnalysis {
  return applyAnalysisPatchInPlace(analysis, structuredClone(patch)) ? analysis : applyAnalysisPatch(analysis, patch);
}

/**
 * Whether applyAnalysisPatchInPlace would take every one of `patches`, applied in turn to `analysis` (none names an old
 * item twice), found without changing anything: the host applies a worker's patches in place all or none, so that
 * the analysis it holds is never left between two of them.
 */
export function appliesInPlace(analysis: DocumentAnalysis, patches: readonly AnalysisPatch[]): boolean {
  const lengths = PATCHED_ARRAYS.map((name) => analysis[name].length);
  for (const patch of patches) {
    for (const [a, name] of PATCHED_ARRAYS.entries()) {
      if (!planOf(name, lengths[a], patch[name], patch.move)) return false;
      lengths[a] = runsLength(patch[name]);
    }
  }
  return true;
}

/**
 * For each new item of an array, its old item's index, or −1 − i for the i-th sent item; 'direct' when every new
 * item is the old one at its index or a sent one (most patches: nothing came or went); undefined when an old item is
 * named twice.
 */
function planOf(name: PatchedArray, oldLength: number, p: ArrayPatch<unknown>, move: AnalysisPatch['move']): Int32Array | 'direct' | undefined {
  const length = runsLength(p);
  // (Codes 3 and 4 name old item k − d: item k itself when the count is the same and no ids were cut.)
  const kind = KIND_OF[name];
  const inPlace = length === oldLength && !(kind && move.ids[kind]?.length);
  let k = 0;
  let direct = true;
  for (let r = 0; r < p.runs.length && direct; r += 2) {
    const code = p.runs[r];
    k += p.runs[r + 1];
    direct = code === 2 || ((code === 0 || code === 1 || inPlace) && k <= oldLength);
  }
  return direct ? 'direct' : sourcesOf(name, oldLength, p, move);
}

/** oldItems (the old item each new one is), or undefined when the patch names an old item twice. */
function sourcesOf(name: PatchedArray, oldLength: number, p: ArrayPatch<unknown>, move: AnalysisPatch['move']): Int32Array | undefined {
  const source = oldItems(name, oldLength, p, move);
  const taken = new Uint8Array(oldLength);
  for (let k = 0; k < source.length; k++) {
    const j = source[k];
    if (j < 0) continue;
    if (taken[j] === 1) return undefined;
    taken[j] = 1;
  }
  return source;
}

/** The patch's other fields, with the analysis's keys in the patch's order (the same JSON as an analysis made afresh). */
function setFields(analysis: DocumentAnalysis, patch: AnalysisPatch): void {
  const target = analysis as unknown as Record<string, unknown>;
  const fields = patch.fields as Record<string, unknown>;
  const keys = Object.keys(target);
  const sameOrder = keys.length === patch.order.length && keys.every((key, i) => key === patch.order[i]);
  const arrays = new Map(PATCHED_ARRAYS.map((name) => [name as string, target[name]]));
  if (!sameOrder) for (const key of keys) delete target[key];
  for (const key of patch.order) target[key] = arrays.has(key) ? arrays.get(key) : fields[key];
}
