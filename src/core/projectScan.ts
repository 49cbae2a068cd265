// The scan for one project name (spec.md, "Projects"): from a facility word leftwards over name-like words
// (places, unknown words, nouns, numbers, a short parenthesis, a quoted name) until punctuation, a function
// word or a verb that acts on the project; then whether what was read names something particular.
import { isHan, wordAfter, wordBefore, type LexToken, type Lexicon } from './projectLexicon';
import {
  CONTINUATION,
  FUNCTION_CHARS,
  GENERIC,
  INTERNAL_VERBS,
  LEADING_TRIM,
  NOT_FACILITY_RE,
  PREDICATE,
  STOP_WORDS,
  SUFFIX_CLASS,
  SUFFIXES,
  type SuffixClass,
} from './projectWords';
import type { Span } from './types';

const NUMERAL_RE = /^[一二三四五六七八九十两几]$/;
const MAGNITUDE_RE = /^[百千万亿]$/;
const PHASE_RE = /^(?:[一二三四五六七八九十]|\d+)期/;
/** 六大, 三个, 一批: counted things, which end a name (城市提升六大工程 is not one). */
const COUNTED_RE = /^[一二三四五六七八九十两百千万几多\d]+[大项个类条批家座所种]?$/;
/** Time words end a name; other t-tagged words (隋唐) can be part of one. */
const TIME_RE = /[年月日时前后来今昨明]/;
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'nx', 'j', 'eng', 'x']);
const NOUN_TAGS = new Set(['l', 's', 'a', 'an', 'b', 'z', 'zg', 'h', 'k', 'g', 'vn', 'f']);
/** Quoted plans and slogans are no names (入库“十四五”项目). */
const SLOGAN_QUOTE_RE = /^[“"](?:十[一二三四五六七八九]五|[\d]+|.*[计规]划.*)[”"]$/;
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const MAX_PAREN = 8;
const MAX_QUOTE = 10;
/** Words read leftwards from a facility word at most. */
const MAX_TOKENS = 12;
const MIN_NAME = 3;
const WORKS_WORDS = new Set(['工程', '项目']);
/** Units inside a name (110千伏变电站, 4亿克拉人造金刚石项目). */
const NAME_UNITS = new Set(['千伏', '万伏', '兆瓦', '千瓦', '万千瓦', '克拉', '亿克拉', '万吨', '吨', '米', '万平方米', '平方米']);
/** The dictionary's tag of a word, for classify (the lexicon nameAt was last given). */
let lexTag: (w: string) => string = () => '';
/** Gardens and sites named by what they show (唐诗宋词园). */
const GARDEN_RE = /^[园苑宫谷岛坊]$/;
const CLASS_RANK: Record<SuffixClass, number> = { programme: 0, content: 1, works: 1, proper: 2, strict: 3 };

/**
 * Facility words by their last character, and the pairs of characters that end the longer ones: a clause is
 * read once, character by character, not matched against hundreds of words.
 */
const SUFFIX_LENGTHS = new Map<string, number[]>();
const LAST_CHAR = new Uint8Array(0x10000);
const SUFFIX_PAIRS = new Set<string>();
for (const w of SUFFIXES) {
  const last = w[w.length - 1];
  SUFFIX_LENGTHS.set(last, [...(SUFFIX_LENGTHS.get(last) ?? []), w.length]);
  LAST_CHAR[last.charCodeAt(0)] = w.length === 1 ? 2 : Math.max(LAST_CHAR[last.charCodeAt(0)], 1);
  if (w.length > 1) SUFFIX_PAIRS.add(w.slice(-2));
}

/** The facility words in a clause, [start, end), the longest at each end, none inside another. */
export function facilityWords(clause: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < clause.length; i++) {
    const mark = LAST_CHAR[clause.charCodeAt(i)];
    // 2: a one-character facility word ends here; 1: only longer ones, whose last two characters must match.
    if (mark === 0 || (mark === 1 && (i === 0 || !SUFFIX_PAIRS.has(clause.slice(i - 1, i + 1))))) continue;
    const lengths = SUFFIX_LENGTHS.get(clause[i])!;
    const len = lengths.find((l) => l <= i + 1 && SUFFIX_CLASS.has(clause.slice(i + 1 - l, i + 1)));
    if (len === undefined) continue;
    const start = i + 1 - len;
    while (out.length && out[out.length - 1][0] >= start) out.pop(); // 产业园 inside 产业园区
    out.push([start, i + 1]);
  }
  return out;
}
/** After a road, rail line or canal: the section of it (荣乌高速涞源段, 京港高铁阜阳至黄冈段, 中州渠渠首段). */
const SECTION_RE = /^(?:[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}|(?!示范|试验|重点|部分|路)[\u4e00-\u9fff]{2,3})段/;
const SECTION_AFTER = /(?:路|公路|高速|高铁|铁路|城际|渠|大道|快速路)$/;
/** Building work named with its facility (机场西路扩建, 玻璃厂路改扩建). */
const WORKS_AFTER_RE = /^(?:改扩建|扩建)/;

type Kind = 'suffix' | 'phase' | 'proper' | 'noun' | 'verb' | 'numeric' | 'measure' | 'open' | 'close' | 'break';

interface Tok {
  word: string;
  tag: string;
  kind: Kind;
  start: number;
}

/** Proper names by their tag; the dictionary's abbreviations (j) of three characters are mostly common words (房地产). */
const isProperTag = (tag: string, word: string) => PROPER_TAGS.has(tag) && !(tag === 'j' && word.length > 2);

/** The facility word (not a one-character one) a longer word ends with: 购物广场 → 广场. */
function facilityEnding(word: string): string | undefined {
  for (let k = Math.min(4, word.length - 1); k >= 2; k--) {
    const tail = word.slice(-k);
    if (SUFFIX_CLASS.has(tail)) return tail;
  }
  return undefined;
}

function classify({ word, tag, start }: LexToken): Tok {
  const kind = (k: Kind): Tok => ({ word, tag, kind: k, start });
  if (tag === 'w') return kind(OPEN.has(word) ? 'open' : CLOSE.has(word) ? 'close' : 'break');
  if (PHASE_RE.test(word) && word.length <= 3) return kind('phase');
  if (tag === 'm' && /[0-9０-９]/.test(word)) return kind('numeric');
  if (COUNTED_RE.test(word)) return kind(tag === 'm' || word.length > 1 ? 'break' : 'numeric');
  // A quantity ends a name (超10亿元重大项目); technical units belong to it (姜家110千伏变电站).
  if ((tag === 'q' || tag === 'mq') && word.length > 1) return kind(NAME_UNITS.has(word) ? 'numeric' : 'break');
  // Set phrases that end in a verb (优先发展, 圆满完成) are no part of a name.
  if (tag === 'l' && word.length > 2 && lexTag(word.slice(-2)) === 'v') return kind('break');
  if (PREDICATE.has(word) || INTERNAL_VERBS.has(word)) return kind('verb');
  if (STOP_WORDS.has(word)) return kind('break');
  if (SUFFIX_CLASS.has(word) || (word.length > 2 && facilityEnding(word))) return kind('suffix');
  if (word.length > 1 && GENERIC.has(word)) return kind('noun');
  if (word.length === 1 && isHan(word)) {
    // One character the dictionary keeps apart: a piece of a name it does not know (平漯周, 南信合, 星峰研学
    // 基地); adjectives and adverbs (旧小区) are not.
    if (FUNCTION_CHARS.has(word) || NUMERAL_RE.test(word)) return kind('break');
    if (MAGNITUDE_RE.test(word)) return kind('numeric'); // 润宝4亿克拉…
    if (tag === 'q') return kind('measure'); // 10家|高品质商务酒店, but 姜家变电站
    if (GENERIC.has(word)) return kind('noun');
    return kind(/^(?:a|an|f|t)/.test(tag) ? 'noun' : 'proper');
  }
  if (tag === 'quote') return kind(SLOGAN_QUOTE_RE.test(word) ? 'break' : 'proper');
  // The dictionary's person names of four characters are mostly phrases it mis-tagged (建立健全).
  if (tag.startsWith('nr') && word.length > 3) return kind('noun');
  // A rare word holding a function character is a mis-read (民为 of 以人民为中心).
  if (tag === 'nx' && [...word].some((c) => FUNCTION_CHARS.has(c))) return kind('noun');
  if (isProperTag(tag, word)) return kind('proper');
  if (tag === 't') return kind(TIME_RE.test(word) ? 'break' : 'noun');
  if (tag.startsWith('n') || NOUN_TAGS.has(tag)) return kind('noun');
  if (tag.startsWith('v')) return kind('verb');
  return kind('break');
}

const isNameWord = (t: Tok | undefined) =>
  t !== undefined && (t.kind === 'proper' || t.kind === 'noun' || t.kind === 'suffix' || t.kind === 'phase');

/** Tokens leftwards from `end` in `clause`, lazily; a quoted name (“通港达园”) is one token. */
class LeftTokens {
  private readonly toks: Tok[] = [];
  private pos: number;

  constructor(
    private readonly lex: Lexicon,
    private readonly clause: string,
    end: number,
  ) {
    this.pos = end;
  }

  /** The i-th token left of the start (0 is the nearest), or undefined at the clause start. */
  at(i: number): Tok | undefined {
    while (this.toks.length <= i && this.pos > 0 && this.toks.length < MAX_TOKENS) {
      const c = this.clause[this.pos - 1];
      let t: LexToken;
      const open = c === '”' || c === '"' ? this.clause.lastIndexOf(c === '”' ? '“' : '"', this.pos - 2) : -1;
      if (open >= 0 && this.pos - open - 2 <= MAX_QUOTE && this.pos - open - 2 > 0) {
        t = { word: this.clause.slice(open, this.pos), tag: 'quote', start: open };
      } else {
        t = wordBefore(this.lex, this.clause, this.pos);
        // 中|原生态 read right to left is 中原|生态: a lone character before a word that, with the word's
        // first character, makes a word while the rest is a word too.
        // 完|成平 is 完成|平 when 成平 is a word the dictionary has seen a few times only.
        if (t.start > 0 && (t.word.length >= 3 || (t.word.length === 2 && t.tag === 'nx'))) {
          const before = wordBefore(this.lex, this.clause, t.start);
          const joined = before.word + t.word[0];
          const joinedTag = this.lex.tags.get(joined);
          if (before.word.length === 1 && joinedTag !== undefined && joinedTag !== 'nx' && this.lex.tags.has(t.word.slice(1))) {
            t = { word: t.word.slice(1), tag: this.lex.tags.get(t.word.slice(1))!, start: t.start + 1 };
          }
        }
      }
      this.toks.push(classify(t));
      this.pos = t.start;
    }
    return this.toks[i];
  }
}

/** Start of the name left of a facility word, as an offset into the clause; `from` when nothing can stand there. */
function scanLeft(left: LeftTokens, from: number, suffix: string): { start: number; words: Tok[] } {
  const words: Tok[] = [];
  let verbRun = true; // still in the verbs right before the facility word (疏通检测修复|项目)
  for (let i = 0; ; ) {
    const t = left.at(i);
    if (!t) break;
    if (t.kind === 'close') {
      // 秦创原(秦都)创新促进中心: a short parenthesis between name words.
      let j = i + 1;
      let inner = 0;
      while (left.at(j) && j - i <= 4 && (left.at(j)!.kind === 'proper' || left.at(j)!.kind === 'noun')) inner += left.at(j++)!.word.length;
      if (left.at(j)?.kind !== 'open' || inner === 0 || inner > MAX_PAREN || !isNameWord(left.at(j + 1))) break;
      for (let k = i; k <= j; k++) words.push({ ...left.at(k)!, kind: k === i || k === j ? 'noun' : left.at(k)!.kind });
      i = j + 1;
      verbRun = false;
      continue;
    }
    // 淮军公所一期|古城: a phase closes the name before it, unless the works of that phase follow (…一期工程).
    if (t.kind === 'phase' && !WORKS_WORDS.has(suffix)) break;
    // A measure word after a number ends the name (10家); without one it is a piece of it (姜家).
    if (t.kind === 'measure') {
      const before = left.at(i + 1);
      if (before === undefined || before.kind === 'numeric' || before.kind === 'break') break;
      t.kind = 'proper';
    }
    if (t.kind === 'verb') {
      if (!INTERNAL_VERBS.has(t.word)) break;
      if (PREDICATE.has(t.word) && (!verbRun || !isNameWord(left.at(i + 1)))) break;
    } else if (isNameWord(t) || t.kind === 'numeric') {
      verbRun = false;
    } else {
      break;
    }
    words.push(t);
    i++;
  }
  // What cannot open a name: verbs, numbers, qualifiers, generic one-character words.
  while (words.length) {
    const t = words[words.length - 1];
    if (!(t.kind === 'verb' || t.kind === 'numeric' || LEADING_TRIM.has(t.word))) break;
    words.pop();
  }
  words.reverse();
  return { start: words.length ? words[0].start : from, words };
}

/** Whether the words before the facility word (with its own part, 数据中心 → 数据) name something particular. */
function isSpecific(words: Tok[], cls: SuffixClass): boolean {
  let proper = 0;
  let places = 0;
  let content = 0;
  let generic = 0;
  let longContent = false;
  let innerSuffix = -1;
  const count = (word: string, kind: Kind, tag: string) => {
    if (kind === 'proper' || kind === 'numeric') {
      proper++; // 润宝4亿克拉人造金刚石项目, 轨道交通1号线: numbers make a name particular too
      if (tag === 'ns') places++;
    } else if (kind === 'noun' || kind === 'suffix') {
      if (GENERIC.has(word)) generic++;
      else if (word.length >= 2) {
        content++;
        longContent ||= word.length >= 4;
      }
    }
  };
  let lastProper = -1;
  words.forEach((t, k) => {
    if (t.kind === 'proper' || t.kind === 'numeric') lastProper = k;
  });
  words.forEach((t, k) => {
    // Generic words before a place modify it (小南湖); after it they describe (新华区招商引资项目).
    if (k < lastProper && t.kind === 'noun' && GENERIC.has(t.word)) return;
    count(t.word, t.kind, t.tag);
    if (t.kind === 'suffix') {
      innerSuffix = k;
      if (cls === 'works') cls = 'programme'; // 大数据产业园一期工程: the park decides
      // 生态停车场项目 is as particular as 生态停车场: the strictest facility word in the name decides.
      const inner = SUFFIX_CLASS.get(t.word) ?? SUFFIX_CLASS.get(facilityEnding(t.word)!)!;
      if (CLASS_RANK[inner] > CLASS_RANK[cls] && inner !== 'strict') cls = inner;
    }
  });
  // 红星爱琴海购物广场部分主体工程: only generic words after an inner facility, which is the name.
  if (innerSuffix >= 0 && innerSuffix < words.length - 1 && words.slice(innerSuffix + 1).every((t) => t.kind === 'noun' && GENERIC.has(t.word))) {
    return false;
  }
  // 新华区招商引资项目, 漯河市现代服务中心: a place and generic words only.
  if (proper > 0 && proper === places && content === 0 && generic > 0) return false;
  if (proper > 0) return true;
  // 项目, 工程 with no facility in them: a description that could name works anywhere (社保惠民工程).
  if (cls === 'proper' || cls === 'strict' || cls === 'works') return false;
  if (cls === 'programme') return content >= 1;
  return content >= 2 || longContent;
}

/** A common word (not a facility word, not a name) of the dictionary. */
function commonWord(lex: Lexicon, w: string): boolean {
  const tag = lex.tags.get(w);
  return tag !== undefined && !SUFFIX_CLASS.has(w) && !PROPER_TAGS.has(tag);
}

/** Whether a word that is not a facility word starts at s and runs past e (路网, 中心城区). */
function longerWordAt(lex: Lexicon, clause: string, s: number, e: number): boolean {
  for (let len = Math.min(lex.maxStart.get(clause[s]) ?? 0, clause.length - s); len > e - s; len--) {
    const w = clause.slice(s, s + len);
    if (lex.tags.has(w)) return !SUFFIX_CLASS.has(w);
  }
  return false;
}

/** Where the facility word at [s, e) of the clause ends a name: the name's span, else undefined. */
export function nameAt(lex: Lexicon, clause: string, s: number, e: number, cls: SuffixClass): Span | undefined {
  lexTag = (w) => lex.tags.get(w) ?? '';
  if (cls === 'strict') {
    // Cheap first (most one-character facility words are in common words): 城市, 路网 | 道路, 县城, 一线.
    const suffix = clause.slice(s, e);
    if (e < clause.length && lex.tags.has(suffix + clause[e])) return undefined;
    const pair = s > 0 ? lex.tags.get(clause[s - 1] + suffix) : undefined;
    if (pair !== undefined && !PROPER_TAGS.has(pair)) return undefined;
  }
  // The facility word inside a longer word (路网, 中心城区, 豫南中心仓): not the end of a name.
  const next = wordAfter(lex, clause, e);
  if (next && (CONTINUATION.has(next.word) || (next.word.length === 1 && isHan(next.word) && /^(?:n|ng|x|zg)$/.test(next.tag)))) return undefined;
  if (longerWordAt(lex, clause, s, e)) return undefined;
  // …or split between the words on both sides (集中|学习 holds no 中学).
  if (e - s > 1 && s > 0 && e < clause.length && commonWord(lex, clause.slice(s - 1, s + 1)) && commonWord(lex, clause.slice(e - 1, e + 1))) {
    return undefined;
  }
  // 凌云山路至青城山路段: roads named as the end points of a section are not mentions.
  if (clause[e] === '至' || (clause.slice(e, e + 1) === '段' && /至[^至]*$/.test(clause.slice(0, s)))) return undefined;
  if (NOT_FACILITY_RE.test(clause.slice(Math.max(0, e - 5), e))) return undefined;

  // The word that holds the facility word: 长江路 (a place: its own part is a name), 数据中心 (its own part is
  // content), 道路 and 香港 (common or too short for a one-character facility word).
  const holder = wordBefore(lex, clause, e);
  const words: Tok[] = [];
  let from = s;
  if (holder.start < s) {
    // (Rare or unknown whole words that hold a facility word are compounds, not names: 重点项目/nx.)
    const proper = isProperTag(holder.tag, holder.word) && holder.tag !== 'nx' && holder.tag !== 'x';
    if (cls === 'strict' && !proper) return undefined;
    words.push({ word: clause.slice(holder.start, s), tag: holder.tag, kind: proper ? 'proper' : 'noun', start: holder.start });
    from = holder.start;
  }
  const scanned = scanLeft(new LeftTokens(lex, clause, from), from, clause.slice(s, e));
  words.unshift(...scanned.words);
  const start = words.length ? words[0].start : s;
  // A place of two characters holding a one-character facility word (香港, 西城) is a place, not a facility;
  // with a proper name before it, it is part of a facility's name (长江|支|路桥). 西路, 中路 are half a road.
  if (cls === 'strict' && holder.word.length === 2 && holder.start < s && !/^[东西南北中][路街]$/.test(holder.word)) {
    if (!scanned.words.some((t) => t.kind === 'proper' && t.word.length > 1)) return undefined;
  }
  if (STOP_WORDS.has(holder.word)) return undefined;
  if (start >= s || !(isSpecific(words, cls) || (GARDEN_RE.test(clause.slice(s, e)) && words.some((t) => t.kind === 'noun' && t.word.length >= 3)))) {
    return undefined;
  }
  // Phases, sections and building work after the facility word belong to the name.
  let end = e;
  const phase = PHASE_RE.exec(clause.slice(end));
  if (phase) end += phase[0].length;
  else {
    const section = SECTION_AFTER.test(clause.slice(0, end)) ? SECTION_RE.exec(clause.slice(end)) : null;
    if (section) end += section[0].length;
    const works = WORKS_AFTER_RE.exec(clause.slice(end));
    if (works) end += works[0].length;
  }
  return end - start >= MIN_NAME ? { start, end } : undefined;
}
