// Facility words found in a text by their last characters (projectWords.ts SUFFIXES): a clause is read once,
// character by character, not matched against hundreds of words. Used by the scan (projectScan.ts) and the
// paragraph pass (projects.ts).
import { NOT_FACILITY_ENDINGS, SUFFIX_CLASS, SUFFIXES, type SuffixClass } from './projectWords';
import { CharGroups } from './text';

/**
 * Facility words by their last character's code (lengths, longest first); by character code the lengths of the facility
 * words that start with it (bit k: length k); and the pairs of characters that end the longer ones, as bits of their
 * codes (a pair whose bit is set is checked against the words themselves). Read without making a string per character.
 */
const LAST_CHAR = new Uint8Array(0x10000);
/**
 * One bit per pairBit: 8 KB, which stays in the nearest cache between paragraphs (a table of the characters' ten low
 * bits each, 128 KB, missed it at most characters that may end a facility word). A bit set by another pair is
 * answered by the words themselves.
 */
const PAIR_BITS = new Int32Array(1 << 11);
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) >>> 16;
/**
 * The facility words of two characters or more by pairBit of their last two characters, as their places in SUFFIXES,
 * longest first: the few that share a pair (公园, 产业园, 森林公园) are compared with the text in place, without a string
 * sliced and hashed per end. (An array by the bit's number, 0 to 0xffff: a Map's look-up was most of facilityEndingAt's time.)
 */
const BY_PAIR: (number[] | undefined)[] = new Array(1 << 16).fill(undefined);
/** The facility words of one character by its code, as their place in SUFFIXES + 1 (0: none). */
const ONE_CHARACTER = new Uint16Array(0x10000);
/**
 * SUFFIX_CLASS by the facility word's place in SUFFIXES: the class of each facility word of a clause read from an
 * array (facilityIndexAt), not a Map look-up by its string.
 */
export const SUFFIX_CLASS_BY_INDEX: readonly SuffixClass[] = SUFFIXES.map((w) => SUFFIX_CLASS.get(w)!);
SUFFIXES.forEach((w, index) => { // (longest first, as projectWords.ts sorts them)
  const last = w.charCodeAt(w.length - 1);
  LAST_CHAR[last] = w.length === 1 ? 2 : Math.max(LAST_CHAR[last], 1);
  if (w.length === 1) ONE_CHARACTER[last] = index + 1;
  if (w.length > 1) {
    const bit = pairBit(w.charCodeAt(w.length - 2), last);
    PAIR_BITS[bit >>> 5] |= 1 << (bit & 31);
    const places = BY_PAIR[bit];
    if (places) places.push(index);
    else BY_PAIR[bit] = [index];
  }
});

/** Whether `word` ends at text[i], compared in place (no builtin call, no string). */
export function endsAt(text: string, i: number, word: string): boolean {
  for (let k = word.length - 1, at = i; k >= 0; k--, at--) if (text.charCodeAt(at) !== word.charCodeAt(k)) return false;
  return true;
}

/** The facility words in text[lo, hi), [start, end), the longest at each end, none inside another. */
export function facilityWords(text: string, lo: number, hi: number): [number, number][] {
  const found: number[] = [];
  let count = 0;
  for (let i = lo; i < hi; i++) count = addFacilityWord(found, count, i + 1, facilityEndingAt(text, lo, i));
  const out: [number, number][] = [];
  for (let k = 0; k < count; k += 2) out.push([found[k], found[k + 1]]);
  return out;
}

/**
 * Adds the facility word of `length` ending at `end` (none for 0) to those found so far in text order, found[0,
 * count), replacing the ones it holds (产业园 inside 产业园区): the new count. `found` holds each word's start and end
 * in turn (an array of two for each was most of the paragraph pass's garbage), and is written over, not shortened
 * (an array shortened gives its store up, and made a new one at the next word: a caller keeps one for every paragraph).
 */
export function addFacilityWord(found: number[], count: number, end: number, length: number): number {
  if (length === 0) return count;
  const start = end - length;
  while (count > 0 && found[count - 2] >= start) count -= 2;
  found[count] = start;
  found[count + 1] = end;
  return count + 2;
}

/**
 * The facility word text[s, e) (one that facilityEndingAt found there) as SUFFIXES holds it: not sliced from the
 * text, and looked up in SUFFIX_CLASS by a string whose hash is known. (Other text is sliced.)
 */
export function facilityWordAt(text: string, s: number, e: number): string {
  const index = facilityIndexAt(text, s, e);
  return index >= 0 ? SUFFIXES[index] : text.slice(s, e);
}

/** The place in SUFFIXES of the facility word text[s, e), else -1. */
export function facilityIndexAt(text: string, s: number, e: number): number {
  const code = text.charCodeAt(e - 1);
  if (e - s === 1) return ONE_CHARACTER[code] - 1;
  const places = e - s > 1 ? BY_PAIR[pairBit(text.charCodeAt(e - 2), code)] : undefined;
  if (places) {
    for (let k = 0; k < places.length; k++) {
      const word = SUFFIXES[places[k]];
      if (word.length === e - s && endsAt(text, e - 1, word)) return places[k];
    }
  }
  return -1;
}

/** Marks with `value` in `table` the characters a facility word can end with, for a caller's own pass over a text. */
export function markFacilityEnds(table: Uint8Array, value: number): Uint8Array {
  for (let c = 0; c < LAST_CHAR.length; c++) if (LAST_CHAR[c] !== 0) table[c] = value;
  return table;
}

/**
 * The longest facility word that ends at i and starts at lo or later, as its place in SUFFIXES + 1 (0: none): a caller
 * that keeps it (projects.ts) reads the word and its class from it later, not found again by facilityIndexAt.
 */
export function facilityPlaceEndingAt(text: string, lo: number, i: number): number {
  const code = text.charCodeAt(i);
  const mark = LAST_CHAR[code];
  if (mark === 0) return 0;
  // 2: a one-character facility word ends here; 1: only longer ones, whose last two characters must match.
  if (i > lo) {
    const bit = pairBit(text.charCodeAt(i - 1), code);
    if ((PAIR_BITS[bit >>> 5] & (1 << (bit & 31))) !== 0) {
      const places = BY_PAIR[bit]!;
      for (let k = 0; k < places.length; k++) {
        const word = SUFFIXES[places[k]];
        if (word.length <= i + 1 - lo && endsAt(text, i, word)) return places[k] + 1;
      }
    }
  }
  return mark === 2 ? ONE_CHARACTER[code] : 0;
}

/** The length of the longest facility word that ends at i and starts at lo or later, else 0. */
export function facilityEndingAt(text: string, lo: number, i: number): number {
  const place = facilityPlaceEndingAt(text, lo, i) - 1;
  return place >= 0 ? SUFFIXES[place].length : 0;
}

/**
 * NOT_FACILITY_ENDINGS by the facility word they end with: `always` when one ends the facility word itself (网站 of
 * 门户网站), and the parts before it of the longer ones (研究 of 研究中心), whose last characters are compared with the
 * text before the facility word. (By the last character only, a dozen words end in 中心, 市场 or 线: each compared
 * in full at every 中心 of a text.)
 */
const NOT_FACILITY_BY_SUFFIX = new Map<string, { always: boolean; before: string[] }>(
  SUFFIXES.map((suffix) => [
    suffix,
    {
      always: NOT_FACILITY_ENDINGS.some((w) => w.length <= suffix.length && suffix.endsWith(w)),
      before: NOT_FACILITY_ENDINGS.filter((w) => w.length > suffix.length && w.endsWith(suffix)).map((w) => w.slice(0, w.length - suffix.length)),
    },
  ]),
);
/** NOT_FACILITY_ENDINGS by the code of their last character, for a facility word SUFFIXES does not hold. */
const NOT_FACILITY_BY_LAST = new CharGroups(NOT_FACILITY_ENDINGS, (w) => w.charCodeAt(w.length - 1));

/** Whether text[from, e) ends with one of NOT_FACILITY_ENDINGS, where the facility word `suffix` is text[e - its length, e). */
export function endsInNotFacility(text: string, from: number, e: number, suffix: string): boolean {
  const known = NOT_FACILITY_BY_SUFFIX.get(suffix);
  if (known === undefined) {
    const words = NOT_FACILITY_BY_LAST.of(text.charCodeAt(e - 1));
    if (words) for (let k = 0; k < words.length; k++) if (e - words[k].length >= from && endsAt(text, e - 1, words[k])) return true;
    return false;
  }
  if (known.always) return true;
  const s = e - suffix.length;
  const before = known.before;
  for (let k = 0; k < before.length; k++) if (s - before[k].length >= from && endsAt(text, s - 1, before[k])) return true;
  return false;
}

/** The facility word (not a one-character one) a longer word ends with: 购物广场 → 广场. */
export function facilityEnding(word: string): string | undefined {
  for (let k = Math.min(4, word.length - 1); k >= 2; k--) {
    const tail = word.slice(-k);
    if (SUFFIX_CLASS.has(tail)) return tail;
  }
  return undefined;
}
