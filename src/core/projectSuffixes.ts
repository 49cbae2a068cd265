// Facility words found in a text by their last characters (projectWords.ts SUFFIXES): a clause is read once,
// character by character, not matched against hundreds of words. Used by the scan (projectScan.ts) and the
// paragraph pass (projects.ts, through projectScan's re-export).
import { SUFFIX_CLASS, SUFFIXES } from './projectWords';

/** Facility words by their last character, and the pairs of characters that end the longer ones. */
const SUFFIX_LENGTHS = new Map<string, number[]>();
const LAST_CHAR = new Uint8Array(0x10000);
const SUFFIX_PAIRS = new Set<string>();
for (const w of SUFFIXES) {
  const last = w[w.length - 1];
  SUFFIX_LENGTHS.set(last, [...(SUFFIX_LENGTHS.get(last) ?? []), w.length]);
  LAST_CHAR[last.charCodeAt(0)] = w.length === 1 ? 2 : Math.max(LAST_CHAR[last.charCodeAt(0)], 1);
  if (w.length > 1) SUFFIX_PAIRS.add(w.slice(-2));
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
  const mark = LAST_CHAR[text.charCodeAt(i)];
  // 2: a one-character facility word ends here; 1: only longer ones, whose last two characters must match.
  if (mark === 0 || (mark === 1 && (i === lo || !SUFFIX_PAIRS.has(text.slice(i - 1, i + 1))))) return 0;
  const lengths = SUFFIX_LENGTHS.get(text[i])!;
  return lengths.find((l) => l <= i + 1 - lo && SUFFIX_CLASS.has(text.slice(i + 1 - l, i + 1))) ?? 0;
}

/** The facility word (not a one-character one) a longer word ends with: 购物广场 → 广场. */
export function facilityEnding(word: string): string | undefined {
  for (let k = Math.min(4, word.length - 1); k >= 2; k--) {
    const tail = word.slice(-k);
    if (SUFFIX_CLASS.has(tail)) return tail;
  }
  return undefined;
}
