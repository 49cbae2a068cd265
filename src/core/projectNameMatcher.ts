// Finds a document's project names in its lines (collectProjects in projects.ts): at each place the longest name
// that starts there, as an alternation of the names longest first would, without a regular expression of hundreds
// of alternatives (irregexp tried them at every character of the text).

/** A small integer (a V8 Smi) for a name's first two characters; names whose pairs share one are told apart by startsWith. */
const pairKey = (a: number, b: number) => ((a & 0x7fff) << 15) | (b & 0x7fff);
/** pairBits' size in 32-bit words, and a pair key's bit in it. */
const PAIR_BIT_WORDS = 1 << 11;
const pairBit = (key: number) => Math.imul(key, 0x9e3779b1) >>> 16;

/**
 * The names by their first two characters, longest first, and the names of one character; a table marks the
 * characters names start with, so that most characters of a text cost one look-up.
 */
export class NameMatcher {
  private readonly starts = new Uint8Array(0x10000);
  private readonly byPair = new Map<number, string[]>();
  /**
   * One bit per pairKey's hash (8 KB): names start with common characters (中, 新, 大 …), and most pairs of them
   * in a text open no name; a bit not set answers without a look-up in byPair.
   */
  private readonly pairBits = new Int32Array(PAIR_BIT_WORDS);

  /** `names`: distinct, not empty, longest first. */
  constructor(names: readonly string[]) {
    for (const n of names) {
      const c = n.charCodeAt(0);
      this.starts[c] = n.length === 1 ? 2 : Math.max(this.starts[c], 1);
      if (n.length === 1) continue;
      const key = pairKey(c, n.charCodeAt(1));
      const bit = pairBit(key);
      this.pairBits[bit >>> 5] |= 1 << (bit & 31);
      const same = this.byPair.get(key);
      if (same) same.push(n);
      else this.byPair.set(key, [n]);
    }
  }

  /** The longest name that starts at text[i], else undefined. */
  nameAt(text: string, i: number): string | undefined {
    const c = text.charCodeAt(i);
    const mark = this.starts[c];
    if (mark === 0) return undefined;
    if (i + 1 < text.length) {
      const key = pairKey(c, text.charCodeAt(i + 1));
      const bit = pairBit(key);
      const same = (this.pairBits[bit >>> 5] & (1 << (bit & 31))) !== 0 ? this.byPair.get(key) : undefined;
      if (same !== undefined) for (const n of same) if (text.startsWith(n, i)) return n;
    }
    // (A name of one character is the shortest: after all the others.)
    return mark === 2 ? text[i] : undefined;
  }
}
