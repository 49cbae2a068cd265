// Where two versions of a text differ, as a few edits, found without a full diff: typing between two analyses
// changes a few places of a large report, and everything else is the same text moved. The texts are compared
// a block at a time (string equality is a memory compare); after each difference the old text is found again
// in the new one near it (an anchor of a few dozen characters), which gives the edit's extent.

/** Old text [from, to) became something else; offsets at or after `from` move by `shift` (new − old, all edits so far). */
export interface TextEdit {
  from: number;
  to: number;
  shift: number;
}

/** How far the text is searched for an anchor after a difference, and the anchor's length. */
const WINDOW = 4096;
const ANCHOR = 32;
/** More edits than this between two analyses: one edit from the first difference to the last. */
const MAX_EDITS = 64;

/** The edits that turn `a` into `b`, in order; [] when they are equal. */
export function textEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const k = commonRun(a, i, b, j);
    i += k;
    j += k;
    if (i >= a.length && j >= b.length) return edits;
    const next = edits.length < MAX_EDITS ? resync(a, i, b, j) : undefined;
    if (!next) return [...edits, lastEdit(a, b, i)];
    edits.push({ from: i, to: next.i, shift: next.j - next.i });
    i = next.i;
    j = next.j;
  }
}

/** Where `offset` of the old text is in the new one, for an offset outside the edited stretches. */
export function movedOffset(edits: readonly TextEdit[], offset: number): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid].from <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? offset : offset + edits[lo - 1].shift;
}

/** How many characters a[i…] and b[j…] have in common. */
function commonRun(a: string, i: number, b: string, j: number): number {
  const n = Math.min(a.length - i, b.length - j);
  let k = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (k + block <= n && a.slice(i + k, i + k + block) === b.slice(j + k, j + k + block)) k += block;
  }
  while (k < n && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
  return k;
}

/** The nearest place after a difference where the texts agree again: an insertion, a deletion, or a replacement. */
function resync(a: string, i: number, b: string, j: number): { i: number; j: number } | undefined {
  if (i >= a.length) return { i, j: b.length }; // text added at the end
  if (j >= b.length) return { i: a.length, j }; // text removed at the end
  if (a.length - i < ANCHOR || b.length - j < ANCHOR) return undefined;
  const inserted = b.indexOf(a.slice(i, i + ANCHOR), j);
  const deleted = a.indexOf(b.slice(j, j + ANCHOR), i);
  const ins = inserted >= 0 && inserted - j <= WINDOW ? inserted - j : Infinity;
  const del = deleted >= 0 && deleted - i <= WINDOW ? deleted - i : Infinity;
  if (ins !== Infinity || del !== Infinity) return ins <= del ? { i, j: j + ins } : { i: i + del, j };
  // Replaced: an anchor a little further on in the old text, found near in the new one.
  for (let d = 1; d <= 256 && i + d + ANCHOR <= a.length; d++) {
    const at = b.indexOf(a.slice(i + d, i + d + ANCHOR), j);
    if (at >= 0 && at - j <= WINDOW) return { i: i + d, j: at };
  }
  return undefined;
}

/** One edit from `from` to where the texts' common end begins. */
function lastEdit(a: string, b: string, from: number): TextEdit {
  let s = 0;
  const limit = Math.min(a.length, b.length) - from;
  while (s < limit && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { from, to: a.length - s, shift: b.length - a.length };
}
