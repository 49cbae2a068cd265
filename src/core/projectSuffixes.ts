// Facility words found in a text by their last characters (projectWords.ts SUFFIXES): a clause is read once,
// character by character, not matched against hundreds of words. Used by the scan (projectScan.ts) and the
// paragraph pass (projects.ts).
import { NOT_FACILITY_ENDINGS, SUFFIX_CLASS, SUFFIXES, type SuffixClass } from './projectWords';
import { CharGroups } from './text';

/**
 * By character code, whether facility words end with it: 2 where a one-character facility word does, 1 where only
 * longer ones do (their last two characters are then looked up in the pair table below).
 */
const LAST_CHAR = new Uint8Array(0x10000);
/**
 * The facility words of two characters or more by their last two characters (key: the two codes in one number), in an
 * open-addressed table of 1024 slots (241 pairs): the slot's words are PAIR_PLACES[PAIR_START[slot], + PAIR_COUNT[slot]),
 * their places in SUFFIXES, longest first; the few that share a pair (公园, 产业园, 森林公园) are compared with the text in
 * place. 7 KB in all, which stays in the nearest cache between paragraphs: a bit table of pairs beside an array of lists
 * by 65,536 hash values (half a MB) missed it at most characters that may end a facility word.
 */
const PAIR_SLOTS = 1024;
const PAIR_KEY = new Int32Array(PAIR_SLOTS); // (0: an empty slot; no pair of characters is 0)
const PAIR_START = new Uint16Array(PAIR_SLOTS);
const PAIR_COUNT = new Uint8Array(PAIR_SLOTS);
const pairKey = (a: number, b: number) => (a << 16) | b;
const pairSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> 22;
/** The slot of the facility words that end with the pair `key`, else -1. */
function slotOf(key: number): number {
  for (let slot = pairSlot(key); ; slot = (slot + 1) & (PAIR_SLOTS - 1)) {
    const k = PAIR_KEY[slot];
    if (k === key) return slot;
    if (k === 0) return -1;
  }
}
/** The facility words of one character by its code, as their place in SUFFIXES + 1 (0: none). */
const ONE_CHARACTER = new Uint16Array(0x10000);
/**
 * SUFFIX_CLASS by the facility word's place in SUFFIXES: the class of each facility word of a clause read from an
 * array (facilityIndexAt), not a Map look-up by its string.
 */
export const SUFFIX_CLASS_BY_INDEX: readonly SuffixClass[] = SUFFIXES.map((w) => SUFFIX_CLASS.get(w)!);
const byPair = new Map<number, number[]>();
SUFFIXES.forEach((w, index) => { // (longest first, as projectWords.ts sorts them)
  const last = w.charCodeAt(w.length - 1);
  LAST_CHAR[last] = w.length === 1 ? 2 : Math.max(LAST_CHAR[last], 1);
  if (w.length === 1) ONE_CHARACTER[last] = index + 1;
  else {
    const key = pairKey(w.charCodeAt(w.length - 2), last);
    const places = byPair.get(key);
    if (places) places.push(index);
    else byPair.set(key, [index]);
  }
});
const PAIR_PLACES = new Uint16Array(SUFFIXES.length);
let placed = 0;
for (const [key, places] of byPair) {
  let slot = pairSlot(key);
  while (PAIR_KEY[slot] !== 0) slot = (slot + 1) & (PAIR_SLOTS - 1);
  PAIR_KEY[slot] = key;
  PAIR_START[slot] = placed;
  PAIR_COUNT[slot] = places.length;
  for (const place of places) PAIR_PLACES[placed++] = place;
}

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

/**
 * The place in SUFFIXES of the facility word text[s, e), else -1: the longest one facilityPlaceEndingAt finds ending
 * there within text[s, e) is it when it is as long (the words are tried longest first).
 */
export function facilityIndexAt(text: string, s: number, e: number): number {
  const place = facilityPlaceEndingAt(text, s, e - 1) - 1;
  return place >= 0 && SUFFIXES[place].length === e - s ? place : -1;
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
    const slot = slotOf(pairKey(text.charCodeAt(i - 1), code));
    if (slot >= 0) {
      for (let k = PAIR_START[slot], end = k + PAIR_COUNT[slot]; k < end; k++) {
        const word = SUFFIXES[PAIR_PLACES[k]];
        if (word.length <= i + 1 - lo && endsAt(text, i, word)) return PAIR_PLACES[k] + 1;
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
