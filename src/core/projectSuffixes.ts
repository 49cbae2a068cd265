// Facility words found in a text by their last characters (projectWords.ts SUFFIXES): a clause is read once,
// character by character, not matched against hundreds of words. Used by the scan (projectScan.ts) and the
// paragraph pass (projects.ts, through projectScan's re-export).
import { SUFFIX_CLASS, SUFFIXES } from './projectWords';

/**
 * Facility words by their last character's code (lengths, longest first); by character code the lengths of the facility
 * words that start with it (bit k: length k); and the pairs of characters that end the longer ones, as bits of their
 * codes (a pair whose bit is set is checked against the words themselves). Read without making a string per character.
 */
const SUFFIX_LENGTHS: (number[] | undefined)[] = new Array(0x10000);
const LAST_CHAR = new Uint8Array(0x10000);
const FIRST_CHAR = new Uint8Array(0x10000);
const PAIR_BITS = new Int32Array(1 << 15);
const pairBit = (a: number, b: number) => ((a & 0x3ff) << 10) | (b & 0x3ff);
for (const w of SUFFIXES) { // (longest first, as projectWords.ts sorts them)
  const last = w.charCodeAt(w.length - 1);
  const lengths = (SUFFIX_LENGTHS[last] ??= []);
  if (!lengths.includes(w.length)) lengths.push(w.length);
  LAST_CHAR[last] = w.length === 1 ? 2 : Math.max(LAST_CHAR[last], 1);
  FIRST_CHAR[w.charCodeAt(0)] |= 1 << w.length;
  if (w.length > 1) {
    const bit = pairBit(w.charCodeAt(w.length - 2), last);
    PAIR_BITS[bit >>> 5] |= 1 << (bit & 31);
  }
}

/** The facility words in text[lo, hi), [start, end), the longest at each end, none inside another. */
export function facilityWords(text: string, lo: number, hi: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = lo; i < hi; i++) addFacilityWord(out, i + 1, facilityEndingAt(text, lo, i));
  return out;
}

/**
 * Adds the facility word of `length` ending at `end` (none for 0) to those found so far in text order, replacing
 * the ones it holds (产业园 inside 产业园区).
 */
export function addFacilityWord(found: [number, number][], end: number, length: number): void {
  if (length === 0) return;
  const start = end - length;
  while (found.length && found[found.length - 1][0] >= start) found.pop();
  found.push([start, end]);
}

/** Marks with `value` in `table` the characters a facility word can end with, for a caller's own pass over a text. */
export function markFacilityEnds(table: Uint8Array, value: number): Uint8Array {
  for (let c = 0; c < LAST_CHAR.length; c++) if (LAST_CHAR[c] !== 0) table[c] = value;
  return table;
}

/** The length of the longest facility word that ends at i and starts at lo or later, else 0. */
export function facilityEndingAt(text: string, lo: number, i: number): number {
  const code = text.charCodeAt(i);
  const mark = LAST_CHAR[code];
  if (mark === 0) return 0;
  // 2: a one-character facility word ends here; 1: only longer ones, whose last two characters must match.
  let pair = false;
  if (i > lo) {
    const bit = pairBit(text.charCodeAt(i - 1), code);
    pair = (PAIR_BITS[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
  if (!pair) return mark === 2 ? 1 : 0;
  for (const l of SUFFIX_LENGTHS[code]!) {
    if (l > i + 1 - lo || (FIRST_CHAR[text.charCodeAt(i + 1 - l)] & (1 << l)) === 0) continue;
    if (l === 1 || SUFFIX_CLASS.has(text.slice(i + 1 - l, i + 1))) return l;
  }
  return 0;
}

/** The facility word (not a one-character one) a longer word ends with: 购物广场 → 广场. */
export function facilityEnding(word: string): string | undefined {
  for (let k = Math.min(4, word.length - 1); k >= 2; k--) {
    const tail = word.slice(-k);
    if (SUFFIX_CLASS.has(tail)) return tail;
  }
  return undefined;
}
