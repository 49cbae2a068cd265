// Finds a document's project names in its lines (collectProjects in projects.ts): at each place the longest name
// that starts there, as an alternation of the names longest first would, without a regular expression of hundreds
// of alternatives (irregexp tried them at every character of the text).

/** A small integer (a V8 Smi) for a name's first two characters; names whose pairs share one are told apart by startsWith. */
const pairKey = (a: number, b: number) => ((a & 0x7fff) << 15) | (b & 0x7fff);
/** pairBits' size in 32-bit words, and a pair key's bit in it. */
const PAIR_BIT_WORDS = 1 << 11;
const pairBit = (key: number) => Math.imul(key, 0x9e3779b1) >>> 16;
/**
 * Names sharing their first two characters beyond which they are read as a trie: compared one by one, a document
 * listing thousands of projects that open alike (河北甲乙产业园, 河北丙丁产业园, …) compared every name at every
 * place (32,000 of them took 4–5 s, growing with the square of the text). A report's pairs hold one or two names.
 */
const MAX_LISTED = 8;

/**
 * Names as a trie, one character per level from the first (pairs that share a bit share a trie, and are told apart
 * by their own first characters).
 */
class Trie {
  /** The name that ends here. */
  name: string | undefined = undefined;
  /** The one character that follows here, and where it leads (most names have no other name sharing their rest). */
  private code = -1;
  private only: Trie | undefined = undefined;
  /** The other characters that follow. */
  private more: Map<number, Trie> | undefined = undefined;

  add(name: string): void {
    let node: Trie = this;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      let next = node.next(c);
      if (next === undefined) {
        next = new Trie();
        if (node.code < 0) (node.code = c), (node.only = next);
        else (node.more ??= new Map()).set(c, next);
      }
      node = next;
    }
    node.name = name;
  }

  next(c: number): Trie | undefined {
    return c === this.code ? this.only : this.more?.get(c);
  }

  /** The longest name that text[i, …) opens with (this being the root). */
  longest(text: string, i: number): string | undefined {
    let best = this.name;
    let node: Trie | undefined = this;
    for (let j = i; j < text.length && (node = node.next(text.charCodeAt(j))) !== undefined; j++) if (node.name !== undefined) best = node.name;
    return best;
  }
}

/**
 * The names by their first two characters, longest first (or as a trie when many share them), and the names of one
 * character; a table marks the characters names start with, so that most characters of a text cost one look-up.
 */
export class NameMatcher {
  private readonly starts = new Uint8Array(0x10000);
  /**
   * The names of two characters or more by their pair's bit (pairBit of pairKey, 0 to 0xffff): slotOf gives the bit's
   * place plus 1 in `lists` (longest first) or, when many share the bit, in `tries`. Arrays by index, not a Map by the
   * key: its look-up, and telling a trie from a list, were most of the matcher's time. (Names whose pairs share a bit
   * are told apart by startsWith, or in the trie by their own characters.)
   */
  private readonly slotOf = new Int32Array(1 << 16);
  private readonly lists: (string[] | undefined)[] = [];
  private readonly tries: (Trie | undefined)[] = [];
  /**
   * One bit per pairKey's hash (8 KB): names start with common characters (中, 新, 大 …), and most pairs of them
   * in a text open no name; a bit not set answers without a look-up in slotOf.
   */
  private readonly pairBits = new Int32Array(PAIR_BIT_WORDS);
  /** Whether a name of one character is among the names (nextStart then asks `starts` too). */
  private singles = false;

  /** `names`: distinct, not empty, longest first. */
  constructor(names: readonly string[]) {
    const byBit = new Map<number, string[]>();
    for (const n of names) {
      const c = n.charCodeAt(0);
      this.starts[c] = n.length === 1 ? 2 : Math.max(this.starts[c], 1);
      if (n.length === 1) {
        this.singles = true;
        continue;
      }
      const bit = pairBit(pairKey(c, n.charCodeAt(1)));
      this.pairBits[bit >>> 5] |= 1 << (bit & 31);
      const same = byBit.get(bit);
      if (same) same.push(n);
      else byBit.set(bit, [n]);
    }
    for (const [bit, same] of byBit) {
      this.slotOf[bit] = this.lists.length + 1;
      if (same.length <= MAX_LISTED) {
        this.lists.push(same);
        this.tries.push(undefined);
      } else {
        const trie = new Trie();
        for (const n of same) trie.add(n);
        this.lists.push(undefined);
        this.tries.push(trie);
      }
    }
  }

  /**
   * The first place from `from` on where nameAt may find a name (text.length when there is none): where the pair of
   * characters there has its bit set, or a name of one character starts. (A quarter of a text's characters open a
   * name's first character, a thirtieth its pair: told by the pair alone, the loop's branch is seldom taken.)
   */
  nextStart(text: string, from: number): number {
    const n = text.length;
    let next = from < n ? text.charCodeAt(from) : 0;
    for (let i = from; i < n; i++) {
      const c = next;
      next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      const bit = pairBit(pairKey(c, next));
      if ((this.pairBits[bit >>> 5] & (1 << (bit & 31))) !== 0 || (this.singles && this.starts[c] === 2)) return i;
    }
    return n;
  }

  /** The longest name that starts at text[i], else undefined. */
  nameAt(text: string, i: number): string | undefined {
    const c = text.charCodeAt(i);
    const mark = this.starts[c];
    if (mark === 0) return undefined;
    if (i + 1 < text.length) {
      const bit = pairBit(pairKey(c, text.charCodeAt(i + 1)));
      if ((this.pairBits[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        const slot = this.slotOf[bit] - 1;
        const same = this.lists[slot];
        if (same !== undefined) {
          for (let k = 0; k < same.length; k++) if (text.startsWith(same[k], i)) return same[k];
        } else {
          const found = this.tries[slot]!.longest(text, i);
          if (found !== undefined) return found;
        }
      }
    }
    // (A name of one character is the shortest: after all the others.)
    return mark === 2 ? text[i] : undefined;
  }
}
