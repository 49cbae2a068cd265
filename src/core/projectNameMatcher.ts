// Finds a document's project names in its lines (collectProjects in projects.ts): at each place the longest name
// that starts there, as an alternation of the names longest first would, without a regular expression of hundreds
// of alternatives (irregexp tried them at every character of the text).

/** A small integer (a V8 Smi) for a name's first two characters; names whose pairs share one are told apart by startsWith. */
const pairKey = (a: number, b: number) => ((a & 0x7fff) << 15) | (b & 0x7fff);

/**
 * The names by their first two characters, longest first, and the names of one character; a table marks the
 * characters names start with, so that most characters of a text cost one look-up.
 */
export class NameMatcher {
  private readonly starts = new Uint8Array(0x10000);
  private readonly byPair = new Map<number, string[]>();

  /** `names`: distinct, not empty, longest first. */
  constructor(names: readonly string[]) {
    for (const n of names) {
      const c = n.charCodeAt(0);
      this.starts[c] = n.length === 1 ? 2 : Math.max(this.starts[c], 1);
      if (n.length === 1) continue;
      const key = pairKey(c, n.charCodeAt(1));
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
      const same = this.byPair.get(pairKey(c, text.charCodeAt(i + 1)));
      if (same !== undefined) for (const n of same) if (text.startsWith(n, i)) return n;
    }
    // (A name of one character is the shortest: after all the others.)
    return mark === 2 ? text[i] : undefined;
  }
}
