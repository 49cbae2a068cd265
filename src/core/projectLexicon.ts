// Words and their part of speech for the project scan, from nodejieba's own dictionary and ours, read once.
// Tagging whole clauses with nodejieba costs about 1 ms per kilobyte, too slow to run over every clause
// that holds a facility word (路, 区, 园 … are in a quarter of them); a name is found by reading a few
// words leftwards from its facility word, which a dictionary lookup does in microseconds.
import { promises as fs, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLACES_ADDED, PLACES_RETAGGED } from './placeNames';
import { LEXICON_RETAGGED, LEXICON_WORDS } from './projectWords';
import { resolveUserDictPath, type Segmenter, type Token } from './segmenter';
import { hashStep, MAX_KEY, WordTable } from './wordTable';

export interface LexToken {
  word: string;
  /**
   * ICTCLAS-style tag from the dictionary; x for a character the dictionary does not know; nx for a noun
   * it has seen rarely.
   */
  tag: string;
  start: number;
}

/** Longest word looked up (longer dictionary entries are idioms and names that never precede a facility). */
export const MAX_WORD = 6;
/** Below this frequency a common noun of nodejieba's dictionary is taken for a name (tag nx). */
const RARE_NOUN = 30;

/** Words with their tags, and for each character the longest word that ends or starts with it. */
export interface Lexicon {
  /** By character code, the lengths (bit k: length k, 2 to MAX_WORD) of the words that end with the character. */
  endMask: Uint8Array;
  /** By character code, the lengths (bit k: length k) of the words that start with it. */
  startMask: Uint8Array;
  /** The words of 2 to MAX_WORD characters by a hash of their characters: looked up in the text without slicing it. */
  words: WordTable;
  /**
   * By character code, the tag of the one-character word as its place in charTagNames (0: none): 64 KB of bytes, not
   * an array of 65536 references (256 KB) in the cache beside the word table. (No string made and hashed per look-up.)
   */
  charTags: Uint8Array;
  /** The tags of the one-character words by their number in charTags (0: undefined). */
  charTagNames: (string | undefined)[];
}

/** The tag of the one-character word `code`, if the lexicon has it. */
export const charTag = (lex: Lexicon, code: number): string | undefined => lex.charTagNames[lex.charTags[code]];

let lexicon: Lexicon | undefined;

/** One string per tag, not one per dictionary line: 350,000 copies of a few dozen tags are memory and cache misses. */
const tagStrings = new Map<string, string>();
function sharedTag(tag: string): string {
  const shared = tagStrings.get(tag);
  if (shared !== undefined) return shared;
  tagStrings.set(tag, tag);
  return tag;
}

/** A family's place (刘家峡, 向家坝, 万家寨, 周家口): the dictionary tags most as people's names. */
const FAMILY_PLACE_RE = /^.家[峡庄村沟湾坝河口坪营集店堡寨屯岭山]$/;
const placeOfFamily = (word: string, tag: string) => (word.length === 3 && tag.startsWith('nr') && FAMILY_PLACE_RE.test(word) ? 'ns' : tag);

/** Where words go as they are read: the word text[start, end) with its tag; a word added again takes the new tag. */
type AddWord = (text: string, start: number, end: number, tag: string) => void;

/** The entries of a dictionary file (word freq tag, freq and tag optional in a user dictionary) of up to MAX_WORD characters. */
function readDictionary(text: string, add: AddWord): void {
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const a = text.indexOf(' ', pos);
    if (a > pos && a < eol && a - pos <= MAX_WORD) {
      const b = text.indexOf(' ', a + 1);
      let tag = (b > a && b < eol ? text.slice(b + 1, eol).trim() : 'n') || 'n';
      // A noun the dictionary has seen a few times only is mostly a name it does not tag as one (西工, 金水).
      // (Longer rare nouns are mostly compounds of common words: 主导产业.)
      if (tag === 'n' && b > a && a - pos <= 3 && Number(text.slice(a + 1, b)) < RARE_NOUN) tag = 'nx';
      // (The word is sliced only where its tag may change: a name of three characters.)
      if (a - pos === 3 && tag.startsWith('nr')) tag = placeOfFamily(text.slice(pos, a), tag);
      add(text, pos, a, sharedTag(tag));
    } else if (a < 0 || a > eol) {
      const word = text.slice(pos, eol).trim();
      if (word && word.length <= MAX_WORD) add(word, 0, word.length, 'n');
    }
    pos = eol + 1;
  }
}

/** The words of the dictionary file at `path` into `map` (the stand-in lexicon's, and the reference the tests compare the table with). */
function addDictionary(map: Map<string, string>, path: string): void {
  readDictionary(readFileSync(path, 'utf8'), (text, start, end, tag) => map.set(text.slice(start, end), tag));
}

/** The word's tag in what has been read so far (`has`), and its adding (`set`): a map's or the builder's. */
interface Words {
  has(word: string): boolean;
  set(word: string, tag: string): unknown;
}

/**
 * County-level place names (placeNames.ts, generated from the administrative divisions): those the dictionary does
 * not have (德令哈市, 玛沁县) and cities it tags as common words (大同/d, 长治/n) are places for the scan.
 */
function addPlaces(words: Words): void {
  for (const w of PLACES_ADDED.split(' ')) if (!words.has(w)) words.set(w, 'ns');
  for (const w of PLACES_RETAGGED.split(' ')) words.set(w, 'ns');
  for (const [w, tag] of LEXICON_RETAGGED) words.set(w, tag);
  for (const [w, tag] of LEXICON_WORDS) if (!words.has(w)) words.set(w, tag);
}

/** Where nodejieba keeps its dictionary: found from its package.json, without loading the native module. */
function jiebaDictPath(): string {
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/**
 * A lexicon made as its words are read, straight into its table: no map of the 350,000 words in between (building
 * one and indexing it took 0.8 s of each process's first projects, and its strings 30 MB of the heap).
 */
class LexiconBuilder implements Words {
  private readonly lex: Lexicon;

  /** For at most `capacity` words. */
  constructor(capacity: number) {
    if (MAX_WORD > MAX_KEY) throw new Error('the word table holds shorter words than MAX_WORD');
    const chars = () => new Uint8Array(0x10000);
    this.lex = { endMask: chars(), startMask: chars(), words: new WordTable(capacity), charTags: chars(), charTagNames: [undefined] };
  }

  readonly add: AddWord = (text, start, end, tag) => {
    const length = end - start;
    if (length === 1) {
      let n = this.lex.charTagNames.indexOf(tag, 1);
      if (n < 0) n = this.lex.charTagNames.push(tag) - 1;
      if (n > 255) throw new Error('lexicon: too many tags of one-character words');
      this.lex.charTags[text.charCodeAt(start)] = n;
    }
    if (length < 2 || length > MAX_WORD) return;
    this.lex.endMask[text.charCodeAt(end - 1)] |= 1 << length;
    this.lex.startMask[text.charCodeAt(start)] |= 1 << length;
    this.lex.words.set(text, start, length, tag);
  };

  has(word: string): boolean {
    return tagOf(this.lex, word) !== undefined;
  }

  set(word: string, tag: string): void {
    this.add(word, 0, word.length, tag);
  }

  done(): Lexicon {
    return this.lex;
  }
}

/** Line breaks in `bytes`. */
function lineBreaks(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** What addPlaces may add. */
const placeCount = () => PLACES_ADDED.split(' ').length + PLACES_RETAGGED.split(' ').length + LEXICON_RETAGGED.size + LEXICON_WORDS.size;

/** Bytes of nodejieba's dictionary read in one step of lexiconSteps (about 10 ms). */
const STEP_BYTES = 256 * 1024;

/**
 * The lexicon of nodejieba's dictionary (`jieba`) and ours (`ours`, which wins), the files' bytes, built a step at
 * a time: each `yield` ends a slice of lines (cut after a line break, which no character's bytes hold).
 */
function* lexiconSteps(jieba: Buffer, ours: Buffer): Generator<void, Lexicon> {
  const slices: [number, number][] = [];
  for (let start = 0; start < jieba.length; ) {
    const cut = start + STEP_BYTES < jieba.length ? jieba.indexOf(10, start + STEP_BYTES) : -1;
    const end = cut < 0 ? jieba.length : cut + 1;
    slices.push([start, end]);
    start = end;
  }
  const builder = new LexiconBuilder(1 + lineBreaks(jieba) + placeCount() + 1 + lineBreaks(ours));
  yield;
  for (const [start, end] of slices) {
    readDictionary(jieba.toString('utf8', start, end), builder.add);
    yield;
  }
  addPlaces(builder);
  readDictionary(ours.toString('utf8'), builder.add);
  return builder.done();
}

/** nodejieba's dictionary and dict/report.dict.utf8 (ours wins), loaded on first use. Throws when there is none. */
export function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const steps = lexiconSteps(readFileSync(jiebaDictPath()), readFileSync(resolveUserDictPath()));
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return (lexicon = step.value);
}

/** The dictionary files loadLexicon reads (what a lexicon kept on disk is made from: core/lexiconCache). */
export const lexiconSources = (): string[] => [jiebaDictPath(), resolveUserDictPath()];

/** Takes `lex` (read back from where an earlier process kept loadLexicon's: core/lexiconCache) for the lexicon, unless there is one. */
export function adoptLexicon(lex: Lexicon): void {
  lexicon ??= lex;
}

/**
 * loadLexicon a step at a time, each after `pause()` (the analysis worker answers the requests that came meanwhile:
 * the 0.3 s of loading held back the first results of a report opened just after the worker started). A
 * loadLexicon() in between (an export wants projects now) loads it at once; this then stops. Rejects as loadLexicon throws.
 */
export async function loadLexiconInSteps(pause: () => Promise<void>): Promise<void> {
  const [jieba, ours] = await Promise.all([fs.readFile(jiebaDictPath()), fs.readFile(resolveUserDictPath())]);
  const steps = lexiconSteps(jieba, ours);
  while (!lexicon) {
    const step = steps.next();
    if (step.done) lexicon = step.value;
    else await pause();
  }
}

/** The words loadLexicon reads, as a map from word to tag: what its table must answer (test/unit/projectLexicon.test.ts). */
export function dictionaryWords(): Map<string, string> {
  const map = new Map<string, string>();
  addDictionary(map, jiebaDictPath());
  addPlaces(map);
  addDictionary(map, resolveUserDictPath());
  return map;
}

let userWords: Map<string, string> | undefined;
let unavailable = false;

/**
 * The words of one text as a segmenter reads them, with ours: the stand-in where nodejieba's dictionary file
 * is not there (the WebAssembly segmenter carries its dictionary inside). Slower: the whole text is tagged.
 */
export function lexiconFromTokens(tokens: readonly Token[]): Lexicon {
  if (!userWords) {
    userWords = new Map();
    addPlaces(userWords);
    addDictionary(userWords, resolveUserDictPath());
  }
  const map = new Map(userWords);
  for (const t of tokens) if (t.word.length <= MAX_WORD && !map.has(t.word)) map.set(t.word, placeOfFamily(t.word, t.tag));
  const builder = new LexiconBuilder(map.size);
  for (const [w, tag] of map) builder.set(w, tag);
  return builder.done();
}

/** The dictionary lexicon, else the words of `text` from `segmenter`, else undefined (no projects). */
export function lexiconFor(text: string, segmenter: Segmenter | undefined): Lexicon | undefined {
  if (!unavailable) {
    try {
      return loadLexicon();
    } catch {
      unavailable = true; // not tried again for every paragraph
    }
  }
  return segmenter ? lexiconFromTokens(segmenter.tag(text)) : undefined;
}

/**
 * Reads now what the project scan will need (the dictionary's word list, else the segmenter's dictionaries),
 * so that the first analysis with projects does not wait for it.
 */
export function prepareLexicon(segmenter: Segmenter | undefined): void {
  lexiconFor('', segmenter);
}

/** CJK ideographs (the common and extension A blocks): a character code test, cheaper than a regular expression. */
export const isHanCode = (x: number) => (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf);
export const isHan = (c: string) => isHanCode(c.charCodeAt(0));
/** Digits, Latin letters and the point, in ASCII or full width (NaN, past the text's end: none). */
const isAsciiWordCode = (x: number) =>
  (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 46 || (x >= 0xff10 && x <= 0xff19) || x === 0xff0e;

const HASHES = new Int32Array(MAX_WORD + 1);

/**
 * One string per character code, made when first read: a one-character word (a quarter of the words read) was a new
 * string each time (V8 shares only Latin-1 ones), garbage as soon as the clause was read.
 */
const CHAR_STRINGS: (string | undefined)[] = new Array(0x10000);
const charString = (code: number): string => CHAR_STRINGS[code] ?? (CHAR_STRINGS[code] = String.fromCharCode(code));

/**
 * The words read so far in one clause (text and `lo`), by their end - lo: the holder of a facility word, the scan and
 * the model read the same words leftwards, again for each facility word of the clause (half the look-ups were
 * repeats). Forgotten when another clause is read: `readIn` holds the number of the clause each word was read in.
 */
const read = {
  lex: undefined as Lexicon | undefined,
  text: '',
  lo: -1,
  clause: 0,
  words: new Array<LexToken | undefined>(256).fill(undefined),
  readIn: new Int32Array(256),
};

const MAX_KEPT_CLAUSE = 1 << 14;

/**
 * The word that ends at `end` in `text` (not before `lo`), by reverse maximum matching. Runs of digits or
 * Latin letters are one token (m / eng); a Han character the dictionary does not know is a token of its own
 * (x); other characters are punctuation (w). The same object for the same place: not to be changed.
 */
export function wordBefore(lex: Lexicon, text: string, end: number, lo = 0): LexToken {
  if (read.lo !== lo || read.lex !== lex || read.text !== text) {
    read.lex = lex;
    read.lo = lo;
    // (The words of the clause before are forgotten by numbering the clauses: the arrays are kept, not made again for each;
    // but not those of a crafted clause of millions of characters, a million words held until the worker ends.)
    if (read.readIn.length > MAX_KEPT_CLAUSE) {
      read.words = new Array<LexToken | undefined>(256).fill(undefined);
      read.readIn = new Int32Array(256);
    }
    if (++read.clause === 0x7fffffff) {
      read.readIn.fill(0);
      read.clause = 1;
    }
  }
  // (A text equal to the one held but another string is compared character by character at every call: a paragraph
  // read again in a later analysis was, at each of its words. From here on the comparison is of the same string.)
  read.text = text;
  const k = end - lo;
  if (k >= read.readIn.length) {
    const longer = new Int32Array(Math.max(k + 1, 2 * read.readIn.length));
    longer.set(read.readIn);
    read.readIn = longer;
    while (read.words.length < longer.length) read.words.push(undefined);
  }
  if (read.readIn[k] === read.clause) return read.words[k]!;
  const word = matchBefore(lex, text, end, lo);
  read.words[k] = word;
  read.readIn[k] = read.clause;
  return word;
}

/** wordBefore, read from the dictionary. */
function matchBefore(lex: Lexicon, text: string, end: number, lo: number): LexToken {
  const code = text.charCodeAt(end - 1);
  if (isAsciiWordCode(code)) {
    let s = end - 1;
    while (s > lo && isAsciiWordCode(text.charCodeAt(s - 1))) s--;
    const word = text.slice(s, end);
    return { word, tag: /[0-9０-９]/.test(word) ? 'm' : 'eng', start: s };
  }
  if (!isHanCode(code)) return { word: charString(code), tag: 'w', start: end - 1 };
  const lengths = lex.endMask[code];
  // (No longer than the longest word that ends with this character.)
  const longest = Math.min(MAX_WORD, end - lo, 31 - Math.clz32(lengths));
  if (longest >= 2) {
    // The hashes of the words ending at `end`, one character further back each.
    const hashes = HASHES;
    let h = 0;
    for (let len = 1; len <= longest; len++) hashes[len] = h = hashStep(h, text.charCodeAt(end - len));
    for (let len = longest; len >= 2; len--) {
      // Some word of this length must end with the last character and start with the first (two small tables).
      if ((lengths & (1 << len)) === 0 || (lex.startMask[text.charCodeAt(end - len)] & (1 << len)) === 0) continue;
      const i = lex.words.find(text, end - len, len, hashes[len]);
      if (i >= 0) return { word: lex.words.word(i, text, end - len), tag: lex.words.tag(i), start: end - len };
    }
  }
  return { word: charString(code), tag: charTag(lex, code) ?? 'x', start: end - 1 };
}

/**
 * The slot in lex.words of the word text[start, start + length) (2 to MAX_WORD characters), or -1: looked up
 * without slicing the text, and only if some word of that length starts and ends with the characters there.
 */
function wordIndexAt(lex: Lexicon, text: string, start: number, length: number): number {
  const bit = 1 << length;
  if ((lex.startMask[text.charCodeAt(start)] & bit) === 0 || (lex.endMask[text.charCodeAt(start + length - 1)] & bit) === 0) return -1;
  return lex.words.find(text, start, length, WordTable.hashOf(text, start, length));
}

/** The tag of the word text[start, start + length) if the lexicon has it: looked up without slicing the text. */
export function tagAt(lex: Lexicon, text: string, start: number, length: number): string | undefined {
  if (length === 1) return charTag(lex, text.charCodeAt(start));
  if (length < 2 || length > MAX_WORD) return undefined; // (the lexicon holds no such word)
  const i = wordIndexAt(lex, text, start, length);
  return i >= 0 ? lex.words.tag(i) : undefined;
}

/** The tag of `word` if the lexicon has it. */
export const tagOf = (lex: Lexicon, word: string): string | undefined => tagAt(lex, word, 0, word.length);

/** The word that starts at `start`, by forward maximum matching (for what follows a facility word). */
export function wordAfter(lex: Lexicon, text: string, start: number, hi = text.length): LexToken | undefined {
  if (start >= hi) return undefined;
  const code = text.charCodeAt(start);
  // (Only the lengths of the words that start with this character: most have a few, and each length asked read
  // another character's line of endMask.)
  const lengths = lex.startMask[code];
  for (let len = Math.min(MAX_WORD, hi - start, 31 - Math.clz32(lengths)); len >= 2; len--) {
    if ((lengths & (1 << len)) === 0) continue;
    const i = wordIndexAt(lex, text, start, len);
    if (i >= 0) return { word: lex.words.word(i, text, start), tag: lex.words.tag(i), start };
  }
  return { word: charString(code), tag: isHanCode(code) ? (charTag(lex, code) ?? 'x') : 'w', start };
}

/** Whether some word of text[from, hi), read forwards by wordAfter, satisfies `test` (a name's words checked in turn). */
export function anyWordAfter(lex: Lexicon, text: string, from: number, hi: number, test: (w: LexToken) => boolean): boolean {
  for (let at = from; at < hi; ) {
    const w = wordAfter(lex, text, at, hi)!;
    if (test(w)) return true;
    at += w.word.length;
  }
  return false;
}
