// The words around a number that decide whether it is a figure and which: ranks (居全市第一, 全国第一家, 首个),
// round hundreds and thousands written without a digit (近百个, 突破百万大关, 千亿元), half (半年), and the
// numerals that are not figures: terms (九年义务教育, 五年计划), time offsets (三年前, 5年后).
import { charTable } from './text';
import { clauseBefore } from './clauses';
import type { NumberToken } from './numberTokens';
import type { FigureHigh, FigureKind } from './types';

export interface FoundFigure {
  start: number;
  end: number;
  kind: FigureKind;
  value: number;
  exponent: number;
  baseValue: number;
  unit: string;
  approx: boolean;
  high?: FigureHigh;
}

// ---- ranks -------------------------------------------------------------------------------------------

/** A rank is stated with 居/排名/位列… earlier in the same clause (居全市第一, 跻身全省“十强”, 跃升至第9位). */
export const RANK_VERB = /居|排名|排在|名列|位列|跻身|进入|列|升至|升到|降至|降到|跃升/;
const RANK_END = '，,。；;、！？!?)）”"\n\r 位名和与及';
/** The scope a rank is stated in, right before 第/首 (全省第一, 全国第一家, 全省首家). */
const RANK_SCOPE = /(?:全国|全省|全市|全区|全县|国内|省内|市内|区内|全球|世界|亚洲|全州|全盟)$/;
/** Measure words of the thing ranked, in the span (全国第一家, 首个, 第三座, 第四位). */
const RANKED_MEASURE = '家个座台条艘所位名';
/** After 首 without a scope word: the first of its kind (首家外商独资医院, 首条国际海缆). */
const FIRST_MEASURE = '家个座台条艘所';

/** The last characters of the scope words: most 第 follow none of them, and need no regex. */
const SCOPE_LAST = '国省市区县内球界洲州盟';
const rankScopeBefore = (text: string, pos: number) => RANK_SCOPE.test(text.slice(Math.max(0, pos - 2), pos));

/**
 * 第一 is a rank where the clause states one: 居全市第一, 全省第一 (a scope word right before it), 全国第一家
 * (with the measure word of the thing ranked); 第一时间, 第十四届, 第四批, 第一个五年计划 are not figures.
 */
export function ordinalRank(text: string, token: NumberToken): FoundFigure | undefined {
  if (token.fraction || token.exponent) return undefined;
  const at = token.start - 1; // 第
  const measured = RANKED_MEASURE.includes(text[token.end] ?? '_');
  if (SCOPE_LAST.includes(text[at - 1] ?? '_') && rankScopeBefore(text, at)) {
    if (measured) return rankFigure(text, at, token, false, token.end + 1);
    return rankFigure(text, at, token, true);
  }
  if (!RANK_VERB.test(clauseBefore(text, at))) return undefined;
  // 位列第39位, 排名第3名: the measure word is in the span.
  if (text[token.end] === '位' || text[token.end] === '名') return rankFigure(text, at, token, false, token.end + 1);
  return rankFigure(text, at, token, true);
}

export function rankFigure(text: string, start: number, token: NumberToken, needEnd: boolean, end = token.end): FoundFigure | undefined {
  if (needEnd && end < text.length && !RANK_END.includes(text[end])) return undefined;
  return { start, end, kind: 'rank', value: token.value, exponent: 0, baseValue: token.value, unit: '', approx: false };
}

/** Whether 首 at `pos` may start a rank (首家, 首个, 首位 …). */
export function firstRankStart(text: string, pos: number): boolean {
  const next = text[pos + 1] ?? '_';
  return next === '位' || FIRST_MEASURE.includes(next);
}

/**
 * 首位 after 居 (居世界首位, not 摆在首位); 首家/首个/首座… the first of its kind (全省首家, 首条国际海缆), but not
 * 首台（套） / 首台套, the name of a policy for new equipment.
 */
export function firstRank(text: string, pos: number): FoundFigure | undefined {
  const second = text[pos + 1];
  let ok: boolean;
  if (second === '位') ok = RANK_VERB.test(clauseBefore(text, pos));
  else ok = !(second === '台' && (text[pos + 2] === '套' || text.startsWith('（套）', pos + 2) || text.startsWith('(套)', pos + 2)));
  return ok ? { start: pos, end: pos + 2, kind: 'rank', value: 1, exponent: 0, baseValue: 1, unit: '', approx: false } : undefined;
}

/** 500强 is a rank (新引进国内外500强); 100强县, 百强城市 name a group. */
export function strongRank(text: string, token: NumberToken, after: number): boolean {
  if ('县市区镇城乡村'.includes(text[after] ?? '_')) return false;
  return !token.chinese || RANK_VERB.test(clauseBefore(text, token.start));
}

// ---- round numbers without a digit -------------------------------------------------------------------

/** Words before 百/千 that make them a number (近百个, 突破百万大关, 上千家, 超千亿元); 数百万, 千家万户 are not. */
const ROUND_BEFORE = '近超逾上约破过到达';
const BIG = '万亿';

/**
 * 百, 千 or 万 standing for 100, 1000 or 1 万 at `pos` (not after a numeral): after a word of size (近百个, 上百万,
 * 近万名), with 余 after it (百余家, 万余人), or as the number of a magnitude with a unit (千亿元, 百万吨, 万亿元).
 * Else a word (百姓, 千方百计, 万众一心, “万人助万企”).
 */
export function roundToken(text: string, pos: number): NumberToken | undefined {
  const next = text[pos + 1] ?? '_';
  const before = text[pos - 1] ?? '_';
  if (before === '数' || before === '几' || next === '百' || next === '千') return undefined; // 数百万, 几千亿元, 千百万: vague
  if (text[pos + 2] === '万' && !BIG.includes(next)) return undefined; // 千家万户, 千军万马: idioms
  const ok =
    ROUND_BEFORE.includes(before) ||
    next === '余' ||
    (BIG.includes(next) && /^[万亿]*(?:元|美元|吨|千瓦|亩|平方米|立方米|人|户|家|个)/.test(text.slice(pos + 1, pos + 6)));
  if (!ok) return undefined;
  // 万 stands for its magnitude (超万亿元 → 1 万亿元, 近万名 → 1 万名).
  if (text[pos] === '万') return { start: pos, end: pos + 1, decimal: '1', value: 1, chinese: true, yearLike: false, fraction: false, exponent: 4 };
  const decimal = text[pos] === '百' ? '100' : '1000';
  return { start: pos, end: pos + 1, decimal, value: Number(decimal), chinese: true, yearLike: false, fraction: false, exponent: 0 };
}

/** 半年, 半个月 (暂停半年审批): half a year; 上半年, 下半年, 每半年 are parts of a calendar. */
export function halfToken(text: string, pos: number): NumberToken | undefined {
  if (!text.startsWith('年', pos + 1) && !text.startsWith('个月', pos + 1)) return undefined;
  if ('上下前后每多大'.includes(text[pos - 1] ?? '_') || text.startsWith('年来', pos + 1)) return undefined;
  return { start: pos, end: pos + 1, decimal: '0.5', value: 0.5, chinese: true, yearLike: false, fraction: false, exponent: 0 };
}

// ---- numerals that are not figures -------------------------------------------------------------------

/** Words after a duration or count that make it part of a term: 九年义务教育, 九年一贯制, 每周五天工作制. */
const TERM_AFTER: Readonly<Record<string, RegExp>> = {
  年: /义务教育|制义务教育|一贯制/y,
  天: /工作制/y,
  类: /严重暴力犯罪/y,
};
/** Time offsets: 三年前, 5年后, 两年以后 say when, not how long. */
const OFFSET_AFTER = /前|后|以前|以后|之前|之后/y;

/**
 * Whether the figure whose unit ends at `end` is part of a term or a time offset rather than a quantity:
 * 九年义务教育, 五年计划 (the Five-Year Plan), 新十年规划, 三年前, 5年后.
 */
export function notAQuantity(text: string, unitWritten: string, kind: FigureKind, value: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (OFFSET_OR_TERM_FIRST[next] === 0) return false; // most figures: nothing after them starts a term or an offset
  const term = unitWritten.length === 1 ? TERM_AFTER[unitWritten] : undefined;
  if (term && stickyAt(term, text, end)) return true;
  if (kind !== 'duration') return false;
  // (五年规划, 新十年规划, 三年计划: a plan's name; not 今后八年计划建设…, where 计划 is a verb, but 这五年计划安排….)
  if (unitWritten === '年' && (text.startsWith('规划', end) || (text.startsWith('计划', end) && (value === 5 || !PLAN_VERB.test(text.slice(end + 2, end + 4)))))) return true;
  return stickyAt(OFFSET_AFTER, text, end);
}

/** Verbs after 计划 that make it "plan to" (计划建设, 计划投资). */
const PLAN_VERB = /^(?:建设|投资|完成|实施|安排|新建|开工|建成)/;

/** First characters of the words TERM_AFTER, OFFSET_AFTER and 计划/规划 look for. */
const OFFSET_OR_TERM_FIRST = charTable('义制一工严前后以之计规');

function stickyAt(regex: RegExp, text: string, pos: number): boolean {
  regex.lastIndex = pos;
  return regex.test(text);
}

// ---- quotations ---------------------------------------------------------------------------------------
/**
 * Tracks whether a position is inside quotation marks, moving forward only (linear over the text).
 * A figure inside a short quotation is a name or slogan (“1251”, “四个100”, “十三五”).
 */
export class QuoteTracker {
  private openAt = -1;
  /** Where to look for the next quotation mark not yet applied to `openAt`. */
  private cursor = 0;
  /**
   * The first ", which opens or closes by the count before it (-1: none); searched for at the paragraph's first
   * figure (-2 until then: most paragraphs have no figure).
   */
  private straight = -2;

  constructor(private readonly text: string) {}

  insideSlogan(start: number, end: number): boolean {
    if (this.straight === -2) this.straight = this.text.indexOf('"');
    const open = this.straight < 0 || this.straight >= start ? this.lastOpenBefore(start) : this.advanceTo(start);
    if (open < 0 || start - open > 12) return false;
    const limit = Math.min(this.text.length, end + 12);
    for (let i = end; i < limit; i++) {
      if (QUOTE_MARK[this.text.charCodeAt(i)] === CLOSING || this.text.charCodeAt(i) === 0x22) return i - open <= 13;
    }
    return false;
  }

  /**
   * Without a " before `pos`, the mark before it says whether a quotation is open: read back from `pos`, as far as
   * insideSlogan looks (12 characters), not forward over the whole text before it (most figures are far from a mark).
   * -1 when none is open or it opened further back.
   */
  private lastOpenBefore(pos: number): number {
    for (let i = pos - 1; i >= 0 && pos - i <= 12; i--) {
      const kind = QUOTE_MARK[this.text.charCodeAt(i)];
      if (kind !== 0) return kind === OPENING ? i : -1;
    }
    return -1;
  }

  /**
   * Applies the marks before `pos` (a loop over a table: a regex object per paragraph cost more than the scan);
   * the quotation open there, else -1.
   */
  private advanceTo(pos: number): number {
    const { text } = this;
    for (; this.cursor < pos; this.cursor++) {
      const kind = QUOTE_MARK[text.charCodeAt(this.cursor)];
      if (kind === 0) continue;
      if (kind === STRAIGHT) this.openAt = this.openAt < 0 ? this.cursor : -1;
      else if (kind === OPENING) this.openAt = this.cursor;
      else this.openAt = -1;
    }
    return this.openAt;
  }
}

const OPENING = 1;
const CLOSING = 2;
const STRAIGHT = 3;
/** “「『 open, ”」』 close, " does either. */
const QUOTE_MARK = charTable('"', STRAIGHT, charTable('”」』', CLOSING, charTable('“「『', OPENING)));
