// The words left of a facility word, as the project scan (projectScan.ts) reads them: looked up in the lexicon one
// by one leftwards (a quoted name is one), each classified once by what it can be in a name (a place, a noun, a
// verb that acts on the project, a number, punctuation).
import { isHan, tagOf, wordBefore, type LexToken, type Lexicon } from './projectLexicon';
import { PHASE_RE } from './projectRoutes';
import { facilityEnding } from './projectSuffixes';
import { countyShortName, PROPER_TAGS, shorterRead, withoutCountedMeasure } from './projectWordsAt';
import { adverbPhrase, FUNCTION_CHARS, GENERIC, INTERNAL_VERBS, LEADING_TRIM, LINKING_VERBS, NAME_UNITS, PREDICATE, PROGRAMME_PEOPLE, STATION_WORDS, STOP_WORDS, SUFFIX_CLASS, TAG_OVERRIDES } from './projectWords';
import { lastIndexOfCode } from './text';

export const NUMERAL_RE = /^[一二三四五六七八九十两几]$/;
export const MAGNITUDE_RE = /^[百千万亿]$/;
/** A quoted name with a number: a ship's, a platform's or a computer's (“深海一号”, “雅江1号”). */
export const NUMBERED_NAME_RE = /[\d一二三四五六七八九十]号”$/;
const CIRCUIT_RE = /^第?[二三四五六]回$/;
/** 六大, 三个, 一批: counted things, which end a name (城市提升六大工程 is not one). */
const COUNTED_RE = /^[一二三四五六七八九十两百千万几多\d]+[大项个类条批家座所种]?$/;
/** Time words end a name; other t-tagged words (隋唐) can be part of one. */
const TIME_RE = /[年月日时前后来今昨明期]/;
const NOUN_TAGS = new Set(['l', 's', 'a', 'an', 'b', 'z', 'zg', 'h', 'k', 'g', 'vn', 'f']);
/** Quoted plans and slogans are no names (入库“十四五”项目). */
const SLOGAN_QUOTE_RE = /^[“"](?:.*[\d一三四五六七八九十百千万].*|.*[计规]划.*)[”"]$/;
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const MAX_QUOTE = 10;
/** Words read leftwards from a facility word at most. */
const MAX_TOKENS = 12;


export type Kind = 'suffix' | 'phase' | 'proper' | 'noun' | 'verb' | 'numeric' | 'measure' | 'open' | 'close' | 'break';

export interface Tok {
  word: string;
  tag: string;
  kind: Kind;
  start: number;
  /** The word's sets (wordFlags). */
  flags: number;
}

/**
 * The sets of words the scan asks about each word it reads (projectScan.ts), as bits found once per word when it is
 * classified: a word is asked about a dozen times per facility word, each a Set's look-up.
 */
export const GENERIC_WORD = 1;
export const PREDICATE_WORD = 2;
export const INTERNAL_VERB = 4;
export const LEADING_WORD = 8;
export const FUNCTION_WORD = 16;
export const NUMERAL_WORD = 32;
export const DASH_WORD = 64;
export const MAGNITUDE_WORD = 128;
export const LINKING_VERB = 256;
export const PROGRAMME_PERSON = 512;
export const STATION_WORD = 1024;
const DASH = new Set(['—', '－', '-']);
/** The bits above of `word`. */
export function wordFlags(word: string): number {
  let flags = 0;
  if (GENERIC.has(word)) flags |= GENERIC_WORD;
  if (PREDICATE.has(word)) flags |= PREDICATE_WORD;
  if (INTERNAL_VERBS.has(word)) flags |= INTERNAL_VERB;
  if (LEADING_TRIM.has(word)) flags |= LEADING_WORD;
  if (STATION_WORDS.has(word)) flags |= STATION_WORD;
  if (FUNCTION_CHARS.has(word)) flags |= FUNCTION_WORD;
  if (NUMERAL_RE.test(word)) flags |= NUMERAL_WORD;
  if (DASH.has(word)) flags |= DASH_WORD;
  if (MAGNITUDE_RE.test(word)) flags |= MAGNITUDE_WORD;
  if (LINKING_VERBS.has(word)) flags |= LINKING_VERB;
  if (PROGRAMME_PEOPLE.has(word)) flags |= PROGRAMME_PERSON;
  return flags;
}

/** Proper names by their tag; the dictionary's abbreviations (j) of three characters are mostly common words (房地产). */
// (Two-character ones are common words too, 环卫, 社保, 光电, but not those of a count, 六小.)
export const isProperTag = (tag: string, word: string) => PROPER_TAGS.has(tag) && !(tag === 'j' && word.length > 1 && !/^[一二三四五六七八九十两]/.test(word));
export const placePiece = (t: Tok | undefined) => t !== undefined && t.word.length === 1 && (t.tag === 'ns' || t.tag === 'j'); // (保 of 保沧)
export const isNameLike = (t: Tok | undefined) => t !== undefined && (t.kind === 'proper' || t.tag === 'j');
/** After a dash: a name, or a word the dictionary has that opens with one (东盟|国家). */
export const namedAfterDash = (t: Tok) => isNameLike(t) || (t.word.length > 2 && /^(?:j|ns)$/.test(lexTag(t.word.slice(0, 2))));

/**
 * classify's answers (tag and kind) by word, for the lexicon in use: the same words recur before facility words, and
 * classify tries a dozen patterns on each. Bounded: a crafted text's words need not recur. (A word's tag is nearly
 * always the same, the lexicon's: one map by word, the tag it was classified with checked, not a map per tag.)
 */
const classified = new Map<string, Classified>();
interface Classified {
  from: string;
  tag: string;
  kind: Kind;
  flags: number;
}
let current: Lexicon | undefined;

/** The lexicon the scan reads with from now on (classify's answers for another one are forgotten). */
export function useLexicon(lex: Lexicon): void {
  if (current === lex) return;
  current = lex;
  classified.clear();
}

/** The dictionary's tag of a word in the lexicon in use, else ''. */
export const lexTag = (w: string): string => (current && tagOf(current, w)) ?? '';

/** classify(t)'s tag and kind, from classified when the word was seen with that tag (not to be changed). */
function classifyOnce(t: LexToken): Classified {
  let known = classified.get(t.word);
  if (known === undefined || known.from !== t.tag) {
    if (classified.size > 50_000) classified.clear();
    const { tag, kind } = classify(t);
    classified.set(t.word, (known = { from: t.tag, tag, kind, flags: wordFlags(t.word) }));
  }
  return known;
}

function classify({ word, tag: t0 }: LexToken): { tag: string; kind: Kind } {
  const tag = TAG_OVERRIDES.get(word) ?? t0;
  const kind = (k: Kind) => ({ tag, kind: k });
  if (tag === 'w') return kind(OPEN.has(word) ? 'open' : CLOSE.has(word) ? 'close' : word === '·' ? 'noun' : 'break');
  if (PHASE_RE.test(word) && word.length <= 3) return kind('phase');
  if (tag === 'm' && /[0-9０-９]/.test(word)) return kind('numeric');
  if (CIRCUIT_RE.test(word)) return kind('numeric'); // 果洛玉树第二回线路工程: a power line's circuit
  if (COUNTED_RE.test(word)) return kind(tag === 'm' || word.length > 1 ? 'break' : 'numeric');
  // A quantity ends a name (超10亿元重大项目); technical units belong to it (姜家110千伏变电站).
  if ((tag === 'q' || tag === 'mq') && word.length > 1) return kind(NAME_UNITS.has(word) ? 'numeric' : 'break');
  // 百万吨乙烯, 千万吨炼化: a size in words with a technical unit belongs to the name too.
  if (tag === 'm' && word.length > 2 && NAME_UNITS.has(word.slice(1)) && MAGNITUDE_RE.test(word[0])) return kind('numeric');
  // Set phrases that end in a verb (优先发展, 圆满完成) are no part of a name.
  if (adverbPhrase(word)) return kind('break'); // 全面提升, 积极推进
  if (tag === 'l' && word.length > 2) {
    const head = lexTag(word.slice(0, 2));
    const tail = word.slice(-2);
    if (head === 'd' || head === 'ad' || (lexTag(tail) === 'v' && !INTERNAL_VERBS.has(tail))) return kind('break');
  }
  if (PREDICATE.has(word) || INTERNAL_VERBS.has(word)) return kind('verb');
  if (STOP_WORDS.has(word)) return kind('break');
  if (countyShortName(word, tag, lexTag)) return { tag: 'ns', kind: 'proper' }; // 定边|机场, 大冶|钢厂
  if (SUFFIX_CLASS.has(word) || (word.length > 2 && facilityEnding(word))) return kind('suffix');
  if (word.length > 1 && GENERIC.has(word)) return kind('noun');
  if (word.length === 1 && isHan(word)) {
    // One character the dictionary keeps apart: a piece of a name it does not know (平漯周, 南信合, 星峰研学基地); adjectives and adverbs (旧小区) are not.
    if (FUNCTION_CHARS.has(word) || NUMERAL_RE.test(word) || word === '年' || word === '零' || ((word === '前' || word === '后') && tag === 'f')) {
      return kind('break'); // 一九五六年|新建铁路, 零|碳园区, 汛期前|涿州…
    }
    if (tag === 'p' && word !== '于' && word !== '至') return kind('break'); // 山丹县用|高质量项目 (于桥水库, X至Y: pieces)
    if (MAGNITUDE_RE.test(word)) return kind('numeric'); // 润宝4亿克拉…
    if (tag === 'q') return kind('measure'); // 10家|高品质商务酒店, but 姜家变电站
    if (GENERIC.has(word)) return kind('noun');
    return kind(/^(?:a|an|f|t)/.test(tag) ? 'noun' : 'proper');
  }
  if (tag === 'quote') return kind(SLOGAN_QUOTE_RE.test(word) && !NUMBERED_NAME_RE.test(word) ? 'break' : 'proper');
  // The dictionary's person names of four characters are mostly phrases it mis-tagged (建立健全).
  if (tag.startsWith('nr') && word.length > 3) return kind('noun');
  // A rare word holding a function character is a mis-read (民为 of 以人民为中心).
  if (tag === 'nx' && [...word].some((c) => FUNCTION_CHARS.has(c))) return kind('noun');
  if (tag === 'nx' && NUMERAL_RE.test(word[0])) return kind('break'); // 一座座
  if (tag === 'nx' && /[化性率]$/.test(word)) return kind('noun'); // 工程化, 保障性, 高倍率: derived common words
  if (isProperTag(tag, word)) return kind('proper');
  if (tag === 'j') return kind('noun'); // 社保, 光电: common abbreviations
  if (tag === 't') return kind(TIME_RE.test(word) ? 'break' : 'noun');
  if (tag.startsWith('n') || NOUN_TAGS.has(tag)) return kind('noun');
  if (tag.startsWith('v')) return kind('verb');
  return kind('break');
}

export const isNameWord = (t: Tok | undefined) =>
  t !== undefined && (t.kind === 'proper' || t.kind === 'noun' || t.kind === 'suffix' || t.kind === 'phase');

/**
 * Tokens leftwards from `end` in text, not before `lo` (the clause start), lazily; a quoted name (“通港达园”) is one.
 * (One reader serves the scan of every facility word, reset for each: not an object and an array made per word.)
 */
export class LeftTokens {
  /** The tokens read, toks[0, count): a count, as emptying the array (length = 0) gives its storage up, made again at the next push. */
  private readonly toks: Tok[] = [];
  private count = 0;
  private pos: number;
  /** The word before the last one read, when reading it was needed to check the last one (no re-split). */
  private pending: LexToken | undefined;

  constructor(
    private lex: Lexicon,
    private text: string,
    private lo: number,
    end: number,
  ) {
    this.pos = end;
  }

  /**
   * Reads from `end` again, in text[lo, end). The tokens given out before are written over as the new ones are read
   * (one Tok per place kept from scan to scan, not a new one per word read): a caller keeps none past its scan.
   */
  reset(lex: Lexicon, text: string, lo: number, end: number): this {
    this.lex = lex;
    this.text = text;
    this.lo = lo;
    this.pos = end;
    this.count = 0;
    this.pending = undefined;
    return this;
  }

  /** The i-th token left of the start (0 is the nearest), or undefined at the clause start. */
  at(i: number): Tok | undefined {
    const { lex, text, lo } = this;
    while (this.count <= i && this.pos > lo && this.count < MAX_TOKENS) {
      const c = text.charCodeAt(this.pos - 1); // (a code: a string of the character was made for every word read)
      let t: LexToken;
      // (The opening quote is looked for within a quote's length only: a paragraph of closing quotes alone searched
      // back to its start from each.)
      const open = c === 0x201d /* ” */ || c === 0x22 /* " */ ? lastIndexOfCode(text, c === 0x201d ? 0x201c : 0x22, this.pos - 2, Math.max(lo, this.pos - 2 - MAX_QUOTE)) : -1;
      if (open >= lo && this.pos - open - 2 <= MAX_QUOTE && this.pos - open - 2 > 0) {
        t = { word: text.slice(open, this.pos), tag: 'quote', start: open };
      } else {
        const p = this.pending;
        t = withoutCountedMeasure(lex, text, p !== undefined && p.start + p.word.length === this.pos ? p : wordBefore(lex, text, this.pos, lo));
        this.pending = undefined;
        // (A word joined wrongly by reading leftwards is read again: 中|原生态 is 中原|生态.)
        if (t.start > lo && t.word.length >= 2) {
          const before = wordBefore(lex, text, t.start, lo);
          const shorter = shorterRead(lex, text, t, before);
          if (shorter) t = shorter;
          else this.pending = before;
        }
      }
      const known = classifyOnce(t);
      const tok = this.toks[this.count];
      if (tok === undefined) this.toks[this.count] = { word: t.word, tag: known.tag, kind: known.kind, start: t.start, flags: known.flags };
      else (tok.word = t.word), (tok.tag = known.tag), (tok.kind = known.kind), (tok.start = t.start), (tok.flags = known.flags);
      this.count++;
      this.pos = t.start;
    }
    return i < this.count ? this.toks[i] : undefined;
  }
}
