// Words and their part of speech for the project scan, from nodejieba's own dictionary and ours, read once.
// Tagging whole clauses with nodejieba costs about 1 ms per kilobyte, too slow to run over every clause
// that holds a facility word (路, 区, 园 … are in a quarter of them); a name is found by reading a few
// words leftwards from its facility word, which a dictionary lookup does in microseconds.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveUserDictPath, type Segmenter, type Token } from './segmenter';

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
  /** word → tag */
  tags: Map<string, string>;
  /** For each character, the lengths (bit k: length k, 2 to MAX_WORD) of the words that end with it. */
  endLengths: Map<string, number>;
  /** For each character, the lengths (bit k: length k) of the words that start with it. */
  startLengths: Map<string, number>;
  /** endLengths and startLengths by character code (a typed array look-up, not a map's). */
  endMask: Uint8Array;
  startMask: Uint8Array;
}

let lexicon: Lexicon | undefined;

function addDictionary(map: Map<string, string>, path: string): void {
  const text = readFileSync(path, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const a = text.indexOf(' ', pos);
    if (a > pos && a < eol && a - pos <= MAX_WORD) {
      // word freq tag (freq and tag optional in a user dictionary)
      const b = text.indexOf(' ', a + 1);
      let tag = (b > a && b < eol ? text.slice(b + 1, eol).trim() : 'n') || 'n';
      // A noun the dictionary has seen a few times only is mostly a name it does not tag as one (西工, 金水).
      // (Longer rare nouns are mostly compounds of common words: 主导产业.)
      if (tag === 'n' && b > a && a - pos <= 3 && Number(text.slice(a + 1, b)) < RARE_NOUN) tag = 'nx';
      map.set(text.slice(pos, a), tag);
    } else if (a < 0 || a > eol) {
      const word = text.slice(pos, eol).trim();
      if (word && word.length <= MAX_WORD) map.set(word, 'n');
    }
    pos = eol + 1;
  }
}

/** Where nodejieba keeps its dictionary: found from its package.json, without loading the native module. */
function jiebaDictPath(): string {
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

function indexed(map: Map<string, string>): Lexicon {
  const endLengths = new Map<string, number>();
  const startLengths = new Map<string, number>();
  for (const w of map.keys()) {
    if (w.length < 2) continue;
    const last = w[w.length - 1];
    endLengths.set(last, (endLengths.get(last) ?? 0) | (1 << w.length));
    startLengths.set(w[0], (startLengths.get(w[0]) ?? 0) | (1 << w.length));
  }
  const endMask = new Uint8Array(0x10000);
  const startMask = new Uint8Array(0x10000);
  for (const [c, m] of endLengths) endMask[c.charCodeAt(0)] = m;
  for (const [c, m] of startLengths) startMask[c.charCodeAt(0)] = m;
  return { tags: map, endLengths, startLengths, endMask, startMask };
}

/** nodejieba's dictionary and dict/report.dict.utf8 (ours wins), loaded on first use. Throws when there is none. */
export function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const map = new Map<string, string>();
  addDictionary(map, jiebaDictPath());
  addDictionary(map, resolveUserDictPath());
  lexicon = indexed(map);
  return lexicon;
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
    addDictionary(userWords, resolveUserDictPath());
  }
  const map = new Map(userWords);
  for (const t of tokens) if (t.word.length <= MAX_WORD && !map.has(t.word)) map.set(t.word, t.tag);
  return indexed(map);
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
export const isHan = (c: string) => {
  const x = c.charCodeAt(0);
  return (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf);
};
const isAsciiWord = (c: string | undefined) => {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 46 || (x >= 0xff10 && x <= 0xff19) || x === 0xff0e;
};

/**
 * The word that ends at `end` in `text` (not before `lo`), by reverse maximum matching. Runs of digits or
 * Latin letters are one token (m / eng); a Han character the dictionary does not know is a token of its own
 * (x); other characters are punctuation (w).
 */
export function wordBefore(lex: Lexicon, text: string, end: number, lo = 0): LexToken {
  const last = text[end - 1];
  if (isAsciiWord(last)) {
    let s = end - 1;
    while (s > lo && isAsciiWord(text[s - 1])) s--;
    const word = text.slice(s, end);
    return { word, tag: /[0-9０-９]/.test(word) ? 'm' : 'eng', start: s };
  }
  if (!isHan(last)) return { word: last, tag: 'w', start: end - 1 };
  const lengths = lex.endMask[last.charCodeAt(0)];
  for (let len = Math.min(MAX_WORD, end - lo); len >= 2; len--) {
    if ((lengths & (1 << len)) === 0) continue;
    const word = text.slice(end - len, end);
    const tag = lex.tags.get(word);
    if (tag !== undefined) return { word, tag, start: end - len };
  }
  return { word: last, tag: lex.tags.get(last) ?? 'x', start: end - 1 };
}

/** The word that starts at `start`, by forward maximum matching (for what follows a facility word). */
export function wordAfter(lex: Lexicon, text: string, start: number, hi = text.length): LexToken | undefined {
  if (start >= hi) return undefined;
  const lengths = lex.startMask[text.charCodeAt(start)];
  for (let len = Math.min(MAX_WORD, hi - start); len >= 2; len--) {
    if ((lengths & (1 << len)) === 0) continue;
    const word = text.slice(start, start + len);
    const tag = lex.tags.get(word);
    if (tag !== undefined) return { word, tag, start };
  }
  const c = text[start];
  return { word: c, tag: isHan(c) ? (lex.tags.get(c) ?? 'x') : 'w', start };
}
