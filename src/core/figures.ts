// Figures: quantities stated in the text (spec.md, "Figures"). One pass over candidate number positions
// (a global regex); sticky regexes read each number, its magnitude and its unit in place. A second pass over
// the figures found attaches what each one measures (indicator) and the change stated after it.
import { charTable } from './text';
import { clauseBefore } from './clauses';
import { approxBefore, boundOf } from './figureBounds';
import { attachContext } from './figureContext';
import {
  firstRank,
  firstRankStart,
  type FoundFigure,
  halfToken,
  notAQuantity,
  ordinalRank,
  RANK_VERB,
  rankFigure,
  roundToken,
  QuoteTracker,
  strongRank,
} from './figureWords';
import { defaultIndicatorTable, type IndicatorTable } from './indicators';
import { CHINESE_AT, type NumberToken, readNumber, scratchToken } from './numberTokens';
import { parseNumeral, POWERS_OF_TEN, scaleDecimal } from './numerals';
import { FigureRecord, SpanRecord } from './records';
import type { Figure, FigureKind, Span } from './types';
import { latinUnitAt, unitAt } from './units';

/**
 * Finds the figures in one piece of text (usually a paragraph). Offsets are relative to `text`;
 * ids are local (f1, f2, … in text order) and `change.figureId` refers to those local ids.
 * `paragraphId` is left unset: the caller assigns it.
 */
export function extractFigures(text: string, options: ExtractOptions = {}): Figure[] {
  const found = scanFigures(text, options);
  if (found.length === 0) return found as unknown as Figure[]; // (most paragraphs: no context to attach)
  // Converted in place: a crafted text holds millions of figures, and two arrays of them would double the peak.
  const figures = found as unknown as Figure[];
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    // A record, not a literal: figures live as long as the analysis (records.ts says why that matters).
    const figure: Figure = new FigureRecord(
      `f${i + 1}`,
      text.slice(f.start, f.end),
      new SpanRecord(f.start, f.end),
      f.kind,
      f.value,
      f.exponent >= 0 && f.exponent <= 22 ? POWERS_OF_TEN[f.exponent] : 10 ** f.exponent,
      f.baseValue,
      f.unit,
      f.approx,
      f.high ? 'range' : boundOf(text, f),
    );
    if (f.high) figure.high = f.high;
    figures[i] = figure;
  }
  attachContext(text, figures, options.indicators ?? defaultIndicatorTable());
  return figures;
}

export interface ExtractOptions {
  /** More figures than this throw TooManyFiguresError, before they take all the memory. */
  maxFigures?: number;
  /**
   * Receives the span of each number beyond the range of a double (1 and 305 zeros 亿元). Such a figure
   * is left out: its value would be Infinity, which JSON cannot hold, and no report states one.
   */
  skipped?: Span[];
  /** The indicator table for indicatorKey (default: the shipped one, data/indicators.json). */
  indicators?: IndicatorTable;
}

/** Thrown by extractFigures when a text holds more than `maxFigures` figures. */
export class TooManyFiguresError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit.toLocaleString('en-US')} figures in one document; no report holds so many, so it is not analysed`);
    this.name = 'TooManyFiguresError';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scanning

/**
 * Where a figure may start: Arabic digits, Chinese numerals, 百分之 (percent), 首家/首个/首位 (rank), 百/千 alone
 * (近百个, 千亿元) and 半 (半年). A table of
 * UTF-16 code units scanned in a plain loop: this step touches every character of a report, and the loop
 * measured faster than a regex for the character class (which was faster than one with alternatives).
 */
const SPECIAL_START = 2;
// 百千万半首: candidateAt decides.
const CANDIDATE_START = charTable('百千万半首', SPECIAL_START, charTable('0123456789０１２３４５６７８９零〇一二两三四五六七八九十'));
/** 1 where 百/千 may stand for a number (近百个, 上千家, 千亿元, 百余家): a cheap test before roundToken's. */
const ROUND_NEIGHBOURS = charTable('近超逾上约破过到达万亿余');
function maybeRound(text: string, pos: number): number {
  return ROUND_NEIGHBOURS[text.charCodeAt(pos - 1)] === 1 || ROUND_NEIGHBOURS[text.charCodeAt(pos + 1)] === 1 ? 1 : 0;
}

/** The length of the candidate figure start at `pos` (1 for a numeral, 3 for 百分之, 2 for 首家), or 0. */
function specialCandidateAt(text: string, pos: number): number {
  const ch = text[pos];
  if (ch === '百') return text.startsWith('百分之', pos) ? 3 : maybeRound(text, pos);
  if (ch === '千') return text.startsWith('千分之', pos) ? 3 : maybeRound(text, pos);
  if (ch === '万') return maybeRound(text, pos);
  if (ch === '半') return text.charCodeAt(pos + 1) === 0x5e74 /* 年 */ || text.charCodeAt(pos + 1) === 0x4e2a /* 个 */ ? 1 : 0;
  return firstRankStart(text, pos) ? 2 : 0; // 首
}
/** The first characters of the magnitude words (magnitudeAt). */
const MAGNITUDE_START = charTable('万千百亿');
/**
 * The magnitude word at `p` (whose first character MAGNITUDE_START holds) as its exponent × 4 plus its length: the
 * longest of 万亿 千亿 百亿 千万 百万 亿 万 千 百 (MAGNITUDE_EXPONENTS), by character code (a sticky pattern's match
 * array and a look-up of the word, for every number before one, cost more).
 */
function magnitudeAt(text: string, p: number): number {
  const first = text.charCodeAt(p);
  const second = text.charCodeAt(p + 1);
  const alone = first === 0x4e07 /* 万 */ ? 4 : first === 0x5343 /* 千 */ ? 3 : first === 0x767e /* 百 */ ? 2 : 8; /* 亿 */
  if (second === 0x4ebf /* 亿 */ && alone !== 8) return ((alone + 8) << 2) | 2; // 万亿, 千亿, 百亿
  if (second === 0x4e07 /* 万 */ && (alone === 3 || alone === 2)) return ((alone + 4) << 2) | 2; // 千万, 百万
  return (alone << 2) | 1;
}
/** Latin letters, ASCII or full-width (NaN, past either end of the text, is none). */
function isLatin(c: number): boolean {
  const lower = c | 0x20; // ASCII case fold
  return (lower >= 0x61 && lower <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
/** 余 or 多 after a number (十余次, 1500多亿元): more than it. */
function isMoreThan(c: number): boolean {
  return c === 0x4f59 || c === 0x591a;
}
/** 余, 多, 几 inside a figure (十余次, 1500多亿元, 十几亿) make it approximate and belong to the span. */
function isApproxInside(c: number): boolean {
  return isMoreThan(c) || c === 0x51e0;
}
/** 十届十次全会, 二次会议: the count names a meeting. */
const MEETING_AFTER = /全会|全体会议|会议|党代会|代表大会|人代会|常委会|全委会|集体学习/y;
const MEETING_START = charTable('全会党代人常集');
/** 八项规定, 五项原则, 四项基本原则: the count is part of a policy's name. */
const NAME_AFTER = /规定|原则|基本原则/y;
const NAME_START = charTable('规原基');

/**
 * The number the scan reads at each candidate, written over by the next (readNumber's `into`): figureAt and what it
 * calls keep values of it, never the token (the numbers they read themselves are new objects).
 */
const SCANNED = scratchToken();

function scanFigures(text: string, { maxFigures = Infinity, skipped }: ExtractOptions): FoundFigure[] {
  const out: FoundFigure[] = [];
  const quotes = new QuoteTracker(text);
  const length = text.length;
  for (let pos = 0; pos < length; ) {
    const start = CANDIDATE_START[text.charCodeAt(pos)];
    if (start === 0) {
      pos++;
      continue;
    }
    // Digits and numerals start a number; 百, 千, 万, 半, 首 only in some contexts.
    const matched = start === 1 ? 1 : specialCandidateAt(text, pos);
    if (matched === 0) {
      pos++;
      continue;
    }
    let resume = pos + matched;
    let figure: FoundFigure | undefined;
    if (matched === 3) {
      figure = percentInWords(text, pos);
    } else if (matched === 2) {
      figure = firstRank(text, pos);
    } else {
      const token = readNumber(text, pos, SCANNED) ?? wordToken(text, pos);
      if (token) {
        resume = token.end;
        figure = figureAt(text, token, quotes, 0);
        if (figure) figure = rangeFrom(text, figure, quotes) ?? figure;
      } else {
        // Not a number (七一路, 一一): skip the whole run so its inner numerals are not read either.
        CHINESE_AT.lastIndex = pos;
        if (CHINESE_AT.test(text)) resume = CHINESE_AT.lastIndex;
      }
    }
    if (figure) {
      if (!Number.isFinite(figure.value) || !Number.isFinite(figure.baseValue)) {
        skipped?.push({ start: figure.start, end: figure.end });
      } else if (!quotes.insideSlogan(figure.start, figure.end) || figure.kind === 'rank') {
        if (out.length >= maxFigures) throw new TooManyFiguresError(maxFigures);
        out.push(figure);
      }
      resume = Math.max(resume, figure.end);
    }
    pos = resume;
  }
  return out;
}

/** 百/千 standing for a number (近百个, 千亿元), 半 (半年): numbers that readNumber leaves to their context. */
function wordToken(text: string, pos: number): NumberToken | undefined {
  const c = text.charCodeAt(pos);
  if (c === 0x534a /* 半 */) return halfToken(text, pos);
  if (c === 0x767e /* 百 */ || c === 0x5343 /* 千 */ || c === 0x4e07 /* 万 */) return roundToken(text, pos);
  return undefined;
}

const isRound = (text: string, token: NumberToken) => token.end === token.start + 1 && '百千万'.includes(text[token.start]);

function hasInner亿(text: string, token: NumberToken): boolean {
  for (let i = token.start; i < token.end; i++) if (text.charCodeAt(i) === 0x4ebf /* 亿 */) return true;
  return false;
}

function inUnitsOf万(text: string, token: NumberToken): NumberToken {
  const whole = parseNumeral(`${text.slice(token.start, token.end)}万`);
  if (whole === undefined) return token;
  const decimal = String(scaleDecimal(whole, -4));
  return { ...token, decimal, value: Number(decimal) };
}

/** The figure whose number is `token`, or undefined when the number is not a figure. */
function figureAt(text: string, token: NumberToken, quotes: QuoteTracker, depth: number): FoundFigure | undefined {
  // (The character before by its code: a one-character string of a CJK character is made anew at each read.)
  const before = text.charCodeAt(token.start - 1); // NaN at the start
  if (before === 0x7b2c /* 第 */) return ordinalRank(text, token);
  if (before === 0x524d /* 前 */ && !token.fraction && RANK_VERB.test(clauseBefore(text, token.start - 1))) {
    const rank = rankFigure(text, token.start - 1, token, true);
    if (rank) return rank;
  }
  if (!token.chinese && isLatin(text.charCodeAt(token.start - 1))) return undefined; // PM2.5, C919
  if (!token.chinese && isLatin(text.charCodeAt(token.end)) && !latinUnitAt(text, token.end)) return undefined; // 5G, 4A级
  if (token.chinese && before === 0x4e2a /* 个 */ && !isRound(text, token)) return undefined; // 第十三个五年规划, not 两个千亿元台阶
  if (token.chinese && (before === 0x51e0 /* 几 */ || before === 0x6570 /* 数 */)) return undefined; // 几十亿元, 数十万: vague

  const start = token.start;
  let approx = approxBefore(text, start);
  if (token.fraction) {
    return { start, end: token.end, kind: 'other', value: token.value, exponent: 0, baseValue: token.value, unit: '', approx };
  }

  let p = token.end;
  // Spaced digits (7 4 7 7 2 亿元, 1 1 ％) may have one space before the magnitude or unit.
  if (token.spaced && text.charCodeAt(p) === 0x20) p++;
  let exponent = token.exponent;
  if (isApproxInside(text.charCodeAt(p))) {
    approx = true;
    p++;
  }
  // Measure words such as 头, 张, 只 after a small Chinese numeral mostly make words (两只手, 一张蓝图); after a
  // magnitude or a larger number they count (三千万头, 一千多张).
  const smallChinese = token.chinese && token.value < 10;
  let unit = unitAt(text, p, smallChinese && exponent === 0);
  if (!unit && exponent === 0 && MAGNITUDE_START[text.charCodeAt(p)] === 1) {
    const mag = magnitudeAt(text, p);
    const e = mag >> 2;
    const length = mag & 3;
    // 千 and 百 alone are too often the start of a word (千方百计, 百姓); they need a unit after them.
    if (e >= 4 || unitAt(text, p + length, token.chinese)) {
      exponent = e;
      p += length;
      // 一亿一千七百多万亩: the inner 亿 counts in units of the 万 after 多 (11700 万, not 100001700 万).
      if (token.chinese && e === 4 && hasInner亿(text, token)) token = inUnitsOf万(text, token);
    }
  }
  if (!unit && exponent > 0) {
    if (isMoreThan(text.charCodeAt(p))) {
      approx = true;
      p++;
    }
    if (exponent === 4 && text.charCodeAt(p) === 0x4ebf /* 亿 */) {
      exponent = 12; // 4万多亿元
      p++;
    }
    unit = unitAt(text, p, smallChinese && exponent === 0);
  }
  if (unit?.written === '人口' && exponent > 0) unit = undefined; // 八亿人口: the bare magnitude, without the noun
  if (unit?.written === '度' && exponent === 0) unit = undefined; // 二十四亿度 (kWh), not 一度, 两度, 30度
  if (!unit && exponent === 0 && text.charCodeAt(p) === 0x5f3a /* 强 */ && strongRank(text, token, p + 1)) {
    return rankFigure(text, start, token, false, p + 1);
  }

  let kind: FigureKind;
  let unitName: string;
  if (unit) {
    kind = unit.kind;
    unitName = unit.unit;
    p += unit.written.length;
    if (unitName === '个多月') [unitName, approx] = ['个月', true]; // 两个多月
    // 76微克/立方米, 300元/吨: a compound unit.
    const slash = text.charCodeAt(p);
    if (slash === 0x2f || slash === 0xff0f) {
      const per = unitAt(text, p + 1, false);
      if (per && !per.latin) {
        unitName += `/${per.unit}`;
        p += 1 + per.written.length;
      }
    }
    if (unit.written === '次' && stickyAt(MEETING_AFTER, MEETING_START, text, p)) return undefined;
    if (unit.kind === 'count' && stickyAt(NAME_AFTER, NAME_START, text, p)) return undefined;
    if (unit.written === '年' && token.yearLike && exponent === 0) return undefined; // a calendar year
  } else if (exponent >= 4) {
    kind = 'count'; // bare magnitude: 1240万, 12万
    unitName = '';
  } else {
    return depth < 3 ? sharedUnit(text, token, p, quotes, depth) : undefined;
  }
  if (text.charCodeAt(p) === 0x5de6 /* 左 */ && text.startsWith('左右', p)) {
    approx = true;
    p += 2;
  } else if (kind === 'duration' && isMoreThan(text.charCodeAt(p))) {
    approx = true; // 一年多
    p++;
  }
  // 一 before a measure word is mostly the article (一个, 一批, 一年来), not a count; 一个月 is a month.
  if (token.chinese && token.decimal === '1' && exponent === 0 && !approx && (kind === 'count' || kind === 'duration') && unitName !== '个月') {
    return undefined;
  }
  if ((kind === 'duration' || kind === 'count') && unit && notAQuantity(text, unit.written, kind, token.value, p)) return undefined;
  return {
    start,
    end: p,
    kind,
    value: token.value,
    exponent,
    baseValue: scaledValue(token, exponent),
    unit: unitName,
    approx,
  };
}

/**
 * The token's number × 10^exponent (scaleDecimal). A token's value is Number(its decimal): without a magnitude it
 * is the answer, and the decimal is not read again (most figures have none).
 */
function scaledValue(token: NumberToken, exponent: number): number {
  return exponent === 0 ? token.value : scaleDecimal(token.decimal, exponent);
}

/** Between the two ends of a range: 6%－6.5%, 3至5年, 10万—20万人, 5到8个百分点. */
const RANGE_AT = /[至到~～〜]|[—–－-]{1,2}/y;
const RANGE_START = charTable('至到~～〜—–－-');

/**
 * The range that starts with `low` (6%至6.5%, 1万-5万元), as one figure: the high end must be a figure of the
 * same kind and unit (a bare 1万 takes the unit of 5万元) and larger. 从3%到5% is a change, not a range.
 */
function rangeFrom(text: string, low: FoundFigure, quotes: QuoteTracker): FoundFigure | undefined {
  RANGE_AT.lastIndex = low.end;
  if (low.kind === 'rank' || RANGE_START[text.charCodeAt(low.end)] !== 1 || !RANGE_AT.test(text)) return undefined;
  if (text[low.start - 1] === '从' || text[low.start - 1] === '由') return undefined;
  const token = readNumber(text, RANGE_AT.lastIndex);
  if (!token || token.fraction || token.chinese !== /[零〇一二两三四五六七八九十百千万亿]/.test(text[low.start])) return undefined;
  const high = figureAt(text, token, quotes, 3);
  if (!high || high.kind === 'rank' || high.start !== token.start || high.baseValue <= low.baseValue) return undefined;
  const bare = low.kind === 'count' && low.unit === '' && low.exponent === high.exponent;
  if (!bare && (low.kind !== high.kind || low.unit !== high.unit)) return undefined;
  return {
    ...low,
    end: high.end,
    kind: high.kind,
    unit: high.unit,
    approx: low.approx || high.approx,
    high: { value: high.value, baseValue: high.baseValue },
  };
}

/** "4.2和0.7个百分点", "3—5个": a bare number takes the unit (and magnitude) of the number it pairs with. */
const PAIRING_AT = /[和、至到—–－~～〜-]|以及|或/y;
const PAIRING_START = charTable('和、至到—–－~～〜-以或');
function sharedUnit(text: string, token: NumberToken, p: number, quotes: QuoteTracker, depth: number): FoundFigure | undefined {
  PAIRING_AT.lastIndex = p;
  if (PAIRING_START[text.charCodeAt(p)] !== 1 || !PAIRING_AT.test(text)) return undefined;
  const partnerToken = readNumber(text, PAIRING_AT.lastIndex);
  if (!partnerToken || partnerToken.chinese !== token.chinese || partnerToken.fraction) return undefined;
  const partner = figureAt(text, partnerToken, quotes, depth + 1);
  if (!partner || partner.kind === 'rank' || partner.start !== partnerToken.start) return undefined;
  if (token.yearLike && partner.kind === 'duration') return undefined; // 2020—2030年
  return {
    start: token.start,
    end: text.charCodeAt(p - 1) === 0x20 ? p - 1 : p, // not the space after spaced digits
    kind: partner.kind,
    value: token.value,
    exponent: partner.exponent,
    baseValue: scaledValue(token, partner.exponent),
    unit: partner.unit,
    approx: approxBefore(text, token.start),
  };
}

/** 百分之十, 百分之三十五, 百分之百; 千分之十三 (per mille, kind other as ‰). */
function percentInWords(text: string, pos: number): FoundFigure | undefined {
  const perMille = text[pos] === '千';
  const numberAt = pos + 3;
  let value: number;
  let end: number;
  if (text[numberAt] === '百') {
    value = 100;
    end = numberAt + 1;
  } else {
    const token = readNumber(text, numberAt);
    if (!token || token.fraction || token.exponent) return undefined;
    value = token.value;
    end = token.end;
  }
  let approx = approxBefore(text, pos);
  if (text.startsWith('左右', end)) {
    approx = true;
    end += 2;
  }
  const figure: FoundFigure = {
    start: pos,
    end,
    kind: perMille ? 'other' : 'percent',
    value,
    exponent: 0,
    baseValue: value, // (a token's value is Number(its decimal): scaledValue)
    unit: perMille ? '‰' : '%',
    approx,
  };
  // 百分之八至九, 百分之八到百分之九: a range.
  RANGE_AT.lastIndex = end;
  if (!RANGE_AT.test(text)) return figure;
  const at = RANGE_AT.lastIndex + (text.startsWith(perMille ? '千分之' : '百分之', RANGE_AT.lastIndex) ? 3 : 0);
  const high = readNumber(text, at);
  if (!high || high.fraction || high.exponent || high.value <= value) return figure;
  let highEnd = high.end;
  if (text.startsWith('左右', highEnd)) highEnd += 2;
  return { ...figure, end: highEnd, approx: approx || highEnd > high.end, high: { value: high.value, baseValue: high.value } };
}

/**
 * Whether the sticky `regex` matches at `pos`; it is run only where one of the characters it may start with (marked
 * in `first`) stands (a pattern's call costs more than the look-up, for every number).
 */
function stickyAt(regex: RegExp, first: Uint8Array, text: string, pos: number): boolean {
  if (first[text.charCodeAt(pos)] !== 1) return false;
  regex.lastIndex = pos;
  return regex.test(text);
}

