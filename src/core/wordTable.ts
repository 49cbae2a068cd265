// The project scan's dictionary as one hashed table of numbers (projectLexicon.ts reads words and tags from it):
// words are looked up and added by their place in a text, never as strings of their own.

/** The longest word a slot holds: three numbers of two characters each. */
export const MAX_KEY = 6;

/**
 * Open addressing over a hash of a word's characters read from its end (each character one step, so the hashes of
 * the words ending at a place come one from another as a reverse maximum match reads further back). The scan asks
 * several lengths at every place; a substring and a map look-up for each was its largest single cost.
 */
export class WordTable {
  /**
   * Per slot, four numbers side by side: the word's characters, two to a number (the key itself, compared in
   * place of the word), and its length (0: empty) with its tag's number. A probe touches one cache line of a table
   * of megabytes and nothing else: no list of words, no word's string (two more cache misses per look-up when the
   * words were compared as strings; the word found is sliced from the text, a small allocation, not a miss).
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * Two bits per word hash, in one number of 32 bits, 256 KB: most look-ups are of strings that are no word (a reverse
   * maximum match tries the longest first), and this answers them from the cache instead of a probe into the table.
   * (One bit per word in 512 KB let as many strings through, 8%, but was twice the cache lines to keep: the line read
   * was the costliest step of a look-up in the profile.)
   */
  private readonly bloom: Int32Array;
  /** The tags by number (a few dozen), and their numbers. */
  private readonly tagNames: string[] = [];
  private readonly tagNumbers = new Map<string, number>();
  /** The words by slot, those read so far (word). */
  private readonly strings: (string | undefined)[];
  /**
   * The answers of recent look-ups that got past the bloom filter (a word's slot, or none), by its hash: a few
   * thousand words are most of those looked up, and this small table stays in the cache where the slots and the
   * words do not. Four numbers per entry, as in slots: the key, then length | (slot + 1) << 8 (length 0: no entry);
   * the word's tag and string beside it (recentTags, recentWords), which tag and word give for the slot found last.
   */
  private readonly recent = new Int32Array(SLOT << RECENT_BITS);
  private readonly recentTags: string[] = new Array<string>(1 << RECENT_BITS).fill('');
  private readonly recentWords: (string | undefined)[] = new Array<string | undefined>(1 << RECENT_BITS).fill(undefined);
  /** The entry of recent that answered the last find with a word, and that word's slot (-1: none). */
  private lastEntry = 0;
  private lastAt = -1;
  /** Words in the table, and how many it may hold. */
  private count = 0;
  private readonly capacity: number;

  /**
   * A table for at most `capacity` words (its slots at most 70% full: 8 MB for the 340,000 of the dictionary), or
   * the table `data` holds (as data() gave it, read back from a file: it is checked, and throws where it does not fit).
   */
  constructor(capacity: number | WordTableData) {
    if (typeof capacity !== 'number') {
      const { slots, bloom, tagNames, count } = capacity;
      const size = slots.length / SLOT;
      if (size < 1024 || (size & (size - 1)) !== 0 || bloom.length !== BLOOM_BITS >>> 5 || count > size * 0.7) throw new Error('word table: not a table');
      // (Each slot empty or a word of 2 to MAX_KEY characters with a known tag, and as many words as it says: a look-up
      // then always meets an empty slot and stops.)
      let words = 0;
      for (let o = 3; o < slots.length; o += SLOT) {
        const v = slots[o];
        if (v === 0) continue;
        if ((v & 0xff) < 2 || (v & 0xff) > MAX_KEY || v >>> 8 >= tagNames.length) throw new Error('word table: not a table');
        words++;
      }
      if (words !== count) throw new Error('word table: not a table');
      this.slots = slots;
      this.bloom = bloom;
      this.mask = size - 1;
      this.count = this.capacity = count;
      for (const tag of tagNames) this.tagNumbers.set(tag, this.tagNames.push(tag) - 1);
      this.strings = new Array<string | undefined>(size).fill(undefined);
      return;
    }
    let size = 1024;
    while (size * 0.7 < capacity) size *= 2;
    this.capacity = capacity;
    this.bloom = new Int32Array(BLOOM_BITS >>> 5);
    this.slots = new Int32Array(size * SLOT);
    this.mask = size - 1;
    this.strings = new Array<string | undefined>(size).fill(undefined);
  }

  /** What the table holds, to be written to a file and read back (new WordTable(data)). */
  data(): WordTableData {
    return { slots: this.slots, bloom: this.bloom, tagNames: [...this.tagNames], count: this.count };
  }

  /** Adds the word text[start, start + length) (2 to MAX_KEY characters) with `tag`, or gives the word there its new tag. */
  set(text: string, start: number, length: number, tag: string): void {
    let tagNumber = this.tagNumbers.get(tag);
    if (tagNumber === undefined) {
      this.tagNumbers.set(tag, (tagNumber = this.tagNames.length));
      this.tagNames.push(tag);
      if (tagNumber >= 1 << 23) throw new Error('word table: too many tags');
    }
    const h = WordTable.hashOf(text, start, length);
    const end = start + length;
    let at = this.probe(text, start, length, h & this.mask);
    // (A word added or given another tag may be one recently looked up.)
    this.recent[recentEntry(h) + 3] = 0;
    this.lastAt = -1;
    if (at < 0) {
      if (++this.count > this.capacity) throw new Error(`word table: more than the ${this.capacity} words it was made for`);
      for (at = h & this.mask; this.slots[SLOT * at + 3] !== 0; ) at = (at + 1) & this.mask;
      const o = SLOT * at;
      this.slots[o] = pairAt(text, start, end);
      this.slots[o + 1] = pairAt(text, start + 2, end);
      this.slots[o + 2] = pairAt(text, start + 4, end);
      const b = bloomMix(h);
      this.bloom[b >>> BLOOM_SHIFT] |= bloomMask(b);
    }
    this.slots[SLOT * at + 3] = length | (tagNumber << 8);
  }

  /** The slot of the word text[start, start + length) whose hash is `hash`, or -1. */
  find(text: string, start: number, length: number, hash: number): number {
    const b = bloomMix(hash);
    const m = bloomMask(b);
    if ((this.bloom[b >>> BLOOM_SHIFT] & m) !== m) return -1;
    const end = start + length;
    const k0 = pairAt(text, start, end);
    const k1 = pairAt(text, start + 2, end);
    const k2 = pairAt(text, start + 4, end);
    const recent = this.recent;
    const r = recentEntry(hash);
    const v = recent[r + 3];
    let at: number;
    if (recent[r] === k0 && recent[r + 1] === k1 && recent[r + 2] === k2 && (v & 0xff) === length) at = (v >>> 8) - 1;
    else {
      at = this.probe(text, start, length, hash & this.mask);
      recent[r] = k0;
      recent[r + 1] = k1;
      recent[r + 2] = k2;
      recent[r + 3] = length | ((at + 1) << 8);
      if (at >= 0) {
        this.recentTags[r / SLOT] = this.tagNames[this.slots[SLOT * at + 3] >>> 8];
        this.recentWords[r / SLOT] = this.strings[at];
      }
    }
    this.lastEntry = r / SLOT;
    this.lastAt = at;
    return at;
  }

  /**
   * The slot of the word text[start, start + length), or -1, looked for from slot `first`. (Not given the key or the
   * hash: numbers of 32 bits, which a call that is not inlined passes as heap numbers, made for it.)
   */
  private probe(text: string, start: number, length: number, first: number): number {
    const end = start + length;
    const k0 = pairAt(text, start, end);
    const k1 = pairAt(text, start + 2, end);
    const k2 = pairAt(text, start + 4, end);
    const slots = this.slots;
    for (let at = first; ; at = (at + 1) & this.mask) {
      const o = SLOT * at;
      const v = slots[o + 3];
      if (v === 0) return -1;
      if (slots[o] === k0 && slots[o + 1] === k1 && slots[o + 2] === k2 && (v & 0xff) === length) return at;
    }
  }

  /** The tag of the word in slot `at` (from find). */
  tag(at: number): string {
    if (at === this.lastAt) return this.recentTags[this.lastEntry];
    return this.tagNames[this.slots[SLOT * at + 3] >>> 8];
  }

  /**
   * The word in slot `at` (from find; text[start, start + its length) holds it) as one string for the table's life, made
   * when first read: a word read again is not sliced again, and the sets and maps it is looked up in find it as the
   * same string, its hash already known, compared by reference (a fresh slice was hashed, and compared by its characters,
   * at every look-up).
   */
  word(at: number, text: string, start: number): string {
    const last = at === this.lastAt;
    let word = last ? this.recentWords[this.lastEntry] : undefined;
    if (word === undefined) {
      word = this.strings[at];
      if (word === undefined) this.strings[at] = word = text.slice(start, start + (this.slots[SLOT * at + 3] & 0xff));
      if (last) this.recentWords[this.lastEntry] = word;
    }
    return word;
  }

  /** The hash of text[start, start + length), read from its end. */
  static hashOf(text: string, start: number, length: number): number {
    let h = 0;
    for (let i = start + length - 1; i >= start; i--) h = hashStep(h, text.charCodeAt(i));
    return h;
  }
}

/** A word table's contents (WordTable.data), all numbers but the tags' names. */
export interface WordTableData {
  slots: Int32Array;
  bloom: Int32Array;
  tagNames: string[];
  count: number;
}

/**
 * Two characters of text from `at` as one number (0 for those at or past `end`): a piece of a word's key here, and a
 * two-character word looked up without a string made of it (projectScan).
 */
export function pairAt(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  return at + 1 < end ? text.charCodeAt(at) | (text.charCodeAt(at + 1) << 16) : text.charCodeAt(at);
}

/** Numbers per slot of the word table. */
const SLOT = 4;
/** Entries of WordTable.recent: 4096, 64 KB. */
const RECENT_BITS = 12;
/** The place in WordTable.recent of a word's entry: bits of the hash mixed otherwise than for its slot and bloom bit. */
const recentEntry = (h: number) => (Math.imul(h, 0x85ebca6b) >>> (32 - RECENT_BITS)) * SLOT;
const BLOOM_BITS = 1 << 21;
/** The bloom filter's number for a word's hash: other bits of the hash than the table's slot, mixed. */
const bloomMix = (h: number) => Math.imul(h, 0x9e3779b1);
/** Its top bits pick the word of 32 bits that holds the word's two bits; its lowest ten, those two. */
const BLOOM_SHIFT = 32 - 16;
const bloomMask = (b: number) => (1 << (b & 31)) | (1 << ((b >>> 5) & 31));

/** One character into a word's hash (FNV-style multiply, kept to 32 bits), the character before the last one's. */
export const hashStep = (h: number, c: number) => (Math.imul(h ^ c, 0x01000193) + 0x9e37) | 0;
