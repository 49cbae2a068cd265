// What the project scan asks of its lexicon around a facility word (projectScan.ts nameAt): whether the word
// before it is a common word, whether a longer word runs past it (路网, 中心城区) or it is cut out of two words.
import { MAX_WORD, tagAt, tagOf, wordAfter, type Lexicon, type LexToken } from './projectLexicon';
import { charBits, FUNCTION_CHARS, SUFFIX_CLASS } from './projectWords';

/** The dictionary's tags of names: places, persons, other proper nouns, institutions, rare nouns, abbreviations, Latin. */
export const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'nx', 'j', 'eng', 'x']);
/** Where along a facility (铁路沿线): a longer word with it that does not hide it. */
const LOCATIVES = new Set(['沿线', '沿岸', '两岸', '两侧', '周边', '沿途']);
/** How the works are going (供水工程|进度): a longer word with the facility word that still ends the name. */
const PROGRESS = new Set(['进度', '进展', '质量', '效益']);

/** A common word (not a facility word, not a name) of the dictionary. */
export function commonWord(lex: Lexicon, w: string): boolean {
  const tag = tagOf(lex, w);
  return tag !== undefined && !SUFFIX_CLASS.has(w) && !PROPER_TAGS.has(tag);
}

/** commonWord for the two characters at text[start]: looked up without slicing, as most such pairs are no word. */
export function commonWordAt(lex: Lexicon, text: string, start: number): boolean {
  const tag = tagAt(lex, text, start, 2);
  return tag !== undefined && !PROPER_TAGS.has(tag) && !SUFFIX_CLASS.has(text.slice(start, start + 2));
}

/** Whether a word that is not a facility word starts at s and runs past e (路网, 中心城区). */
export function longerWordAt(lex: Lexicon, text: string, s: number, e: number, hi: number): boolean {
  // (Only the lengths of the words that start with the facility word's first character: tagAt of each length read
  // another character's line of the lexicon's endMask.)
  const lengths = lex.startMask[text.charCodeAt(s)];
  for (let len = Math.min(MAX_WORD, hi - s, 31 - Math.clz32(lengths)); len > e - s; len--) {
    if ((lengths & (1 << len)) === 0 || tagAt(lex, text, s, len) === undefined) continue;
    const w = text.slice(s, s + len);
    // 工程建设, 项目建设: the works and what is done to them, not a longer word.
    // (铁路沿线: the facility and where along it.)
    // (中小学生的: one character after it is the rest of a word, unless it opens one with the next, 黎明小学|生均.)
    const rest = w.slice(e - s);
    if (SUFFIX_CLASS.has(w)) return false;
    if (rest.length === 1) return tagAt(lex, text, e, 2) === undefined;
    return !/^v/.test(tagOf(lex, rest) ?? '') && !LOCATIVES.has(rest) && !PROGRESS.has(rest);
  }
  return false;
}

/**
 * Whether the facility word [s, e) of the clause text[lo, hi) is two words' halves: split between the words on
 * both sides (集中|学习 holds no 中学), or its last character opening a verb whose second character starts no word
 * of its own (在永久性校舍中|学习; not 行动计划|进展, though 划进 is a word).
 */
export function splitsWords(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number): boolean {
  // (丰满水电站|在改建: 在 after a facility is the preposition, not the second half of 站在.)
  if (e - s < 2 || e >= hi || text.charCodeAt(e) === 0x5728 /* 在 */ || !commonWordAt(lex, text, e - 1)) return false;
  if (s > lo && commonWordAt(lex, text, s - 1)) return true;
  return tagAt(lex, text, e - 1, 2)!.startsWith('v') && wordAfterEnd(lex, text, e, hi)?.word.length === 1;
}

/** The last answer of wordAfterEnd, and what it was asked. */
const after = { lex: undefined as Lexicon | undefined, text: '', at: -1, hi: -1, word: undefined as LexToken | undefined };
/**
 * wordAfter at a facility word's end: the scan's tests and the learned model's features ask it of the same place in
 * turn, one look-up in the dictionary (the answer is not to be changed).
 */
export function wordAfterEnd(lex: Lexicon, text: string, at: number, hi: number): LexToken | undefined {
  if (after.at !== at || after.hi !== hi || after.lex !== lex || after.text !== text) {
    after.word = wordAfter(lex, text, at, hi);
    after.lex = lex;
    after.text = text;
    after.at = at;
    after.hi = hi;
  }
  return after.word;
}

/** Measure words and what counts before them, as bits by character code (no string made per token, no Set asked). */
const MEASURE = 1;
const COUNT_BEFORE = 2;
const COUNTING = charBits([
  ['项个台条座家所处批张支位名场次件套辆架艘片块栋间户', MEASURE],
  ['0123456789０１２３４５６７８９一二三四五六七八九十两几百千万', COUNT_BEFORE],
]);
/**
 * A word read right to left that opens with a measure word after a number is the measure and a word
 * (10项|城市 of 10项城市容貌整治工程, not the county 项城市; 3个|旧城, not 个旧).
 */
export function withoutCountedMeasure(lex: Lexicon, text: string, t: LexToken): LexToken {
  if (t.word.length < 2 || t.start === 0 || (COUNTING[t.word.charCodeAt(0)] & MEASURE) === 0 || (COUNTING[text.charCodeAt(t.start - 1)] & COUNT_BEFORE) === 0) return t;
  const tag = tagOf(lex, t.word.slice(1));
  return tag === undefined ? t : { word: t.word.slice(1), tag, start: t.start + 1 };
}

/**
 * The word `t` without its first character when reverse maximum matching joined it wrongly, else undefined: 中|原生态 is
 * 中原|生态 (a lone character `before` it makes a word with its first character, and the rest is a word); 完|成平 is
 * 完成|平 when 成平 is a word the dictionary has seen a few times only; 新|建和, 推|进港: a verb read apart is one too;
 * 福|建和: a place, then a function character.
 */
export function shorterRead(lex: Lexicon, text: string, t: LexToken, before: LexToken): LexToken | undefined {
  const joinedTag = before.word.length === 1 ? tagAt(lex, text, before.start, 2) : undefined;
  if (joinedTag === undefined) return undefined;
  const better = t.word.length >= 3 ? joinedTag !== 'nx' : t.tag === 'nx' || joinedTag.startsWith('v') || (joinedTag === 'ns' && FUNCTION_CHARS.has(t.word[1]));
  const rest = better ? tagOf(lex, t.word.slice(1)) : undefined;
  return rest === undefined ? undefined : { word: t.word.slice(1), tag: rest, start: t.start + 1 };
}

/** An ordinal that is part of a hospital's or a school's name (市第一中心医院门诊综合楼, 三明市第一医院). */
export const ORDINAL_RE = /^第[一二三四五六七八九十]{1,2}$/;
const ORDINAL_HEADS = new Set(['医院', '中心医院', '人民医院', '附属医院', '中心', '人民', '附属', '中学', '小学', '高级中学', '实验小学', '幼儿园']);
/** Whether `word` is such an ordinal before `after`, the word that follows it, in a name ending in `suffix` (西安第一航空技工学校). */
export const ordinalInName = (word: string, after: string, suffix: string) =>
  word.charCodeAt(0) === 0x7b2c /* 第 */ && ORDINAL_RE.test(word) && (ORDINAL_HEADS.has(after) || /(?:学校|中学|小学|医院|幼儿园|电站|厂)$/.test(suffix));

/** Whether `word` with one of `suffixes` after it (市, 县, 区, 省) is a place in the lexicon: a short name of one. */
export function placeWith(tagOf: (w: string) => string | undefined, word: string, suffixes: string): boolean {
  for (const k of suffixes) if (tagOf(word + k)?.startsWith('ns')) return true;
  return false;
}

/**
 * A county's name without 县 or 区 that the dictionary has as an adverb or an abbreviation (定边/d, 大冶/j): a place
 * (定边机场, 大冶钢厂). Not the adjectives 新兴/b, 平安/a or the verb 延长/v, whose counties are rarer than the words.
 */
export const countyShortName = (word: string, tag: string, lexTag: (w: string) => string) =>
  word.length === 2 && (tag === 'd' || tag === 'j') && placeWith(lexTag, word, '县区');
