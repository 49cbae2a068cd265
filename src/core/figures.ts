// Figures: quantities stated in the text (spec.md, "Figures"). One pass over candidate number positions
// (a global regex); sticky regexes read each number, its magnitude and its unit in place. A second pass over
// the figures found attaches what each one measures (indicator) and the change stated after it.
import { MAGNITUDE_EXPONENTS, parseNumeral, scaleDecimal } from './numerals';
import type { ChangeDirection, Figure, FigureKind } from './types';
import { unitAt } from './units';

/**
 * Finds the figures in one piece of text (usually a paragraph). Offsets are relative to `text`;
 * ids are local (f1, f2, … in text order) and `change.figureId` refers to those local ids.
 * `paragraphId` is left unset: the caller assigns it.
 */
export function extractFigures(text: string): Figure[] {
  const found = scanFigures(text);
  const figures = found.map((f, i): Figure => ({
    id: `f${i + 1}`,
    text: text.slice(f.start, f.end),
    range: { start: f.start, end: f.end },
    kind: f.kind,
    value: f.value,
    magnitude: 10 ** f.exponent,
    baseValue: f.baseValue,
    unit: f.unit,
    approx: f.approx,
  }));
  attachContext(text, figures);
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// Scanning

interface FoundFigure {
  start: number;
  end: number;
  kind: FigureKind;
  value: number;
  exponent: number;
  baseValue: number;
  unit: string;
  approx: boolean;
}

/** Where a figure may start: Arabic digits, Chinese numerals, 百分之 (percent), 首家/首个/首位 (rank). */
const CANDIDATE = /百分之|首[家个位]|[0-9０-９]|[零〇一二两三四五六七八九十]/g;
const ARABIC_AT = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;
const ARABIC_DENOMINATOR_AT = /[/／]([0-9０-９]+)(?![0-9０-９/／])/y;
const CHINESE_AT = /[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/y;
/** 三分之一: the numerator follows 分之. */
const CHINESE_NUMERATOR_AT = /分之([零〇一二两三四五六七八九十百千]+)/y;
const TRAILING_MAGNITUDE = /[万亿]+$/;
const MAGNITUDE_AT = /万亿|千万|百万|亿|万|千|百/y;
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
/** 余, 多, 几 inside a figure (十余次, 1500多亿元, 十几亿) make it approximate and belong to the span. */
const APPROX_INSIDE = '余多几';
/** 十届十次全会, 二次会议: the count names a meeting. */
const MEETING_AFTER = /^(?:全会|全体会议|会议|党代会|代表大会|人代会|常委会|全委会|集体学习)/;
/** 八项规定, 五项原则: the count is part of a policy's name. */
const NAME_AFTER = /^(?:规定|原则)/;
/** A rank is stated with 居/排名/位列… earlier in the same clause (居全市第一, 跻身全省“十强”). */
const RANK_VERB = /居|排名|排在|名列|位列|跻身|进入|列/;
const RANK_END = '，,。；;、！？!?)）”"\n\r 位名和与及';
const FIRST_SCOPE = /(?:全国|全省|全市|全区|全县|国内|省内|市内|区内|全球|世界)$/;

interface NumberToken {
  start: number;
  end: number;
  /** Canonical decimal string (for exact scaling); for a fraction, its value. */
  decimal: string;
  value: number;
  chinese: boolean;
  /** Four digits, as a calendar year is written (2024, 二〇二四). */
  yearLike: boolean;
  fraction: boolean;
  /** Exponent of a magnitude written inside a Chinese numeral run (两千万 → 4). */
  exponent: number;
}

function scanFigures(text: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  const quotes = new QuoteTracker(text);
  const candidate = new RegExp(CANDIDATE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = candidate.exec(text))) {
    const pos = m.index;
    let resume = pos + m[0].length;
    let figure: FoundFigure | undefined;
    if (m[0] === '百分之') {
      figure = percentInWords(text, pos);
    } else if (m[0][0] === '首') {
      figure = firstRank(text, pos);
    } else {
      const token = readNumber(text, pos);
      if (token) {
        resume = token.end;
        figure = figureAt(text, token, quotes, 0);
      } else {
        // Not a number (七一路, 一一): skip the whole run so its inner numerals are not read either.
        CHINESE_AT.lastIndex = pos;
        if (CHINESE_AT.test(text)) resume = CHINESE_AT.lastIndex;
      }
    }
    if (figure) {
      if (!quotes.insideSlogan(figure.start, figure.end) || figure.kind === 'rank') out.push(figure);
      resume = Math.max(resume, figure.end);
    }
    candidate.lastIndex = resume;
  }
  return out;
}

function readNumber(text: string, pos: number): NumberToken | undefined {
  const c = text.charCodeAt(pos);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return readArabic(text, pos);
  return readChinese(text, pos);
}

function readArabic(text: string, pos: number): NumberToken | undefined {
  ARABIC_AT.lastIndex = pos;
  const m = ARABIC_AT.exec(text);
  if (!m) return undefined;
  let written = m[0];
  // A thousands separator follows at most three digits; otherwise the comma is punctuation (2024,新的…).
  const comma = written.indexOf(',');
  if (comma > 3) written = written.slice(0, comma);
  const decimal = parseNumeral(written);
  if (decimal === undefined) return undefined;
  let end = pos + written.length;
  const token: NumberToken = {
    start: pos,
    end,
    decimal,
    value: Number(decimal),
    chinese: false,
    yearLike: /^[0-9０-９]{4}$/.test(written),
    fraction: false,
    exponent: 0,
  };
  ARABIC_DENOMINATOR_AT.lastIndex = end;
  const f = ARABIC_DENOMINATOR_AT.exec(text);
  if (f && !decimal.includes('.')) {
    const denominator = Number(parseNumeral(f[1]));
    // 1/3 is a fraction; 2023/3/1 is a date.
    if (denominator > token.value && denominator <= 1000) {
      end = ARABIC_DENOMINATOR_AT.lastIndex;
      return { ...token, end, value: token.value / denominator, decimal: String(token.value / denominator), fraction: true, yearLike: false };
    }
  }
  return token;
}

function readChinese(text: string, pos: number): NumberToken | undefined {
  CHINESE_AT.lastIndex = pos;
  const m = CHINESE_AT.exec(text);
  if (!m) return undefined;
  let numeral = m[0];
  let exponent = 0;
  const big = TRAILING_MAGNITUDE.exec(numeral);
  if (big && big.index > 0 && MAGNITUDE_EXPONENTS.has(big[0])) {
    exponent = MAGNITUDE_EXPONENTS.get(big[0])!;
    numeral = numeral.slice(0, big.index);
  }
  const decimal = parseNumeral(numeral);
  if (decimal === undefined) return undefined;
  const end = pos + m[0].length;
  const token: NumberToken = {
    start: pos,
    end,
    decimal,
    value: Number(decimal),
    chinese: true,
    yearLike: numeral.length === 4 && /^[零〇一二三四五六七八九]+$/.test(numeral),
    fraction: false,
    exponent,
  };
  if (exponent === 0) {
    CHINESE_NUMERATOR_AT.lastIndex = end;
    const f = CHINESE_NUMERATOR_AT.exec(text);
    const numerator = f ? parseNumeral(f[1]) : undefined;
    if (f && numerator !== undefined && Number(numerator) > 0) {
      const value = Number(numerator) / token.value;
      return { ...token, end: CHINESE_NUMERATOR_AT.lastIndex, value, decimal: String(value), fraction: true };
    }
  }
  return token;
}

/** The figure whose number is `token`, or undefined when the number is not a figure. */
function figureAt(text: string, token: NumberToken, quotes: QuoteTracker, depth: number): FoundFigure | undefined {
  const before = text[token.start - 1] ?? '';
  if (before === '第') return ordinalRank(text, token);
  if (before === '前' && !token.fraction && RANK_VERB.test(clauseBefore(text, token.start - 1))) {
    const rank = rankFigure(text, token.start - 1, token, true);
    if (rank) return rank;
  }
  if (!token.chinese && (LATIN.test(before) || LATIN.test(text[token.end] ?? ''))) return undefined; // PM2.5, 5G, C919
  if (token.chinese && before === '个') return undefined; // 第十三个五年规划

  const start = token.start;
  let approx = approxBefore(text, start);
  if (token.fraction) {
    return { start, end: token.end, kind: 'other', value: token.value, exponent: 0, baseValue: token.value, unit: '', approx };
  }

  let p = token.end;
  let exponent = token.exponent;
  if (APPROX_INSIDE.includes(text[p]) && p < text.length) {
    approx = true;
    p++;
  }
  let unit = unitAt(text, p, token.chinese);
  if (!unit && exponent === 0) {
    MAGNITUDE_AT.lastIndex = p;
    const mag = MAGNITUDE_AT.exec(text);
    if (mag) {
      const e = MAGNITUDE_EXPONENTS.get(mag[0])!;
      // 千 and 百 alone are too often the start of a word (千方百计, 百姓); they need a unit after them.
      if (e >= 4 || unitAt(text, p + mag[0].length, token.chinese)) {
        exponent = e;
        p += mag[0].length;
      }
    }
  }
  if (!unit && exponent > 0) {
    if (text[p] === '多' || text[p] === '余') {
      approx = true;
      p++;
    }
    if (exponent === 4 && text[p] === '亿') {
      exponent = 12; // 4万多亿元
      p++;
    }
    unit = unitAt(text, p, token.chinese);
  }
  if (!unit && exponent === 0 && text[p] === '强' && RANK_VERB.test(clauseBefore(text, start))) {
    return rankFigure(text, start, token, false, p + 1);
  }

  let kind: FigureKind;
  let unitName: string;
  if (unit) {
    kind = unit.kind;
    unitName = unit.unit;
    p += unit.written.length;
    if (unit.written === '次' && MEETING_AFTER.test(text.slice(p, p + 4))) return undefined;
    if (unit.kind === 'count' && NAME_AFTER.test(text.slice(p, p + 2))) return undefined;
    if (unit.written === '年' && token.yearLike && exponent === 0) return undefined; // a calendar year
  } else if (exponent >= 4) {
    kind = 'count'; // bare magnitude: 1240万, 12万
    unitName = '';
  } else {
    return depth < 3 ? sharedUnit(text, token, p, quotes, depth) : undefined;
  }
  if (text.startsWith('左右', p)) {
    approx = true;
    p += 2;
  } else if (kind === 'duration' && (text[p] === '多' || text[p] === '余')) {
    approx = true; // 一年多
    p++;
  }
  // 一 before a measure word is mostly the article (一个, 一批, 一年来), not a count.
  if (token.chinese && token.decimal === '1' && exponent === 0 && !approx && (kind === 'count' || kind === 'duration')) {
    return undefined;
  }
  return {
    start,
    end: p,
    kind,
    value: token.value,
    exponent,
    baseValue: scaleDecimal(token.decimal, exponent),
    unit: unitName,
    approx,
  };
}

/** "4.2和0.7个百分点", "3—5个": a bare number takes the unit (and magnitude) of the number it pairs with. */
const PAIRING_AT = /[和、至到—–~～-]|以及|或/y;
function sharedUnit(text: string, token: NumberToken, p: number, quotes: QuoteTracker, depth: number): FoundFigure | undefined {
  PAIRING_AT.lastIndex = p;
  if (!PAIRING_AT.test(text)) return undefined;
  const partnerToken = readNumber(text, PAIRING_AT.lastIndex);
  if (!partnerToken || partnerToken.chinese !== token.chinese || partnerToken.fraction) return undefined;
  const partner = figureAt(text, partnerToken, quotes, depth + 1);
  if (!partner || partner.kind === 'rank' || partner.start !== partnerToken.start) return undefined;
  if (token.yearLike && partner.kind === 'duration') return undefined; // 2020—2030年
  return {
    start: token.start,
    end: p,
    kind: partner.kind,
    value: token.value,
    exponent: partner.exponent,
    baseValue: scaleDecimal(token.decimal, partner.exponent),
    unit: partner.unit,
    approx: approxBefore(text, token.start),
  };
}

/** 第一 is a rank only where the clause states one (居全市第一); 第一时间, 第十四届, 第四批 are not figures. */
function ordinalRank(text: string, token: NumberToken): FoundFigure | undefined {
  if (token.fraction || token.exponent || !RANK_VERB.test(clauseBefore(text, token.start - 1))) return undefined;
  return rankFigure(text, token.start - 1, token, true);
}

function rankFigure(text: string, start: number, token: NumberToken, needEnd: boolean, end = token.end): FoundFigure | undefined {
  if (needEnd && end < text.length && !RANK_END.includes(text[end])) return undefined;
  return { start, end, kind: 'rank', value: token.value, exponent: 0, baseValue: token.value, unit: '', approx: false };
}

/** 首位 after 居 (居世界首位, not 摆在首位); 首家/首个 after a scope (全省首家). */
function firstRank(text: string, pos: number): FoundFigure | undefined {
  const word = text.slice(pos, pos + 2);
  const ok =
    word === '首位'
      ? RANK_VERB.test(clauseBefore(text, pos))
      : FIRST_SCOPE.test(text.slice(Math.max(0, pos - 2), pos));
  return ok ? { start: pos, end: pos + 2, kind: 'rank', value: 1, exponent: 0, baseValue: 1, unit: '', approx: false } : undefined;
}

/** 百分之十, 百分之三十五, 百分之百. */
function percentInWords(text: string, pos: number): FoundFigure | undefined {
  const numberAt = pos + 3;
  let value: number;
  let end: number;
  let decimal: string;
  if (text[numberAt] === '百') {
    decimal = '100';
    value = 100;
    end = numberAt + 1;
  } else {
    const token = readNumber(text, numberAt);
    if (!token || token.fraction || token.exponent) return undefined;
    decimal = token.decimal;
    value = token.value;
    end = token.end;
  }
  let approx = approxBefore(text, pos);
  if (text.startsWith('左右', end)) {
    approx = true;
    end += 2;
  }
  return { start: pos, end, kind: 'percent', value, exponent: 0, baseValue: scaleDecimal(decimal, 0), unit: '%', approx };
}

/** 约, 近, 超, 超过 right before the number (outside the span) make it approximate; 签约, 节约 do not. */
function approxBefore(text: string, start: number): boolean {
  const two = text.slice(Math.max(0, start - 2), start);
  if (two === '超过' || two === '大约' || two === '将近' || two === '接近') return true;
  const one = text[start - 1];
  const word = text[start - 2] ?? '';
  if (one === '约') return !'签预节制契邀条履违公特相合'.includes(word) || word === '';
  if (one === '近') return !'最附'.includes(word) || word === '';
  return one === '超' || one === '逾';
}

const CLAUSE_BREAKS = '，,；;。：:！？!?、\n\r';
const MAX_CLAUSE = 40;

/** The text from the start of the clause up to `pos` (at most MAX_CLAUSE characters). */
function clauseBefore(text: string, pos: number): string {
  let i = pos;
  const stop = Math.max(0, pos - MAX_CLAUSE);
  while (i > stop && !CLAUSE_BREAKS.includes(text[i - 1])) i--;
  return text.slice(i, pos);
}

/**
 * Tracks whether a position is inside quotation marks, moving forward only (linear over the text).
 * A figure inside a short quotation is a name or slogan (“1251”, “四个100”, “十三五”).
 */
class QuoteTracker {
  private openAt = -1;
  /** The next quotation mark not yet applied to `openAt`, found once and kept until passed. */
  private next: RegExpExecArray | null;
  private readonly marks = /[“”"「」『』]/g;

  constructor(private readonly text: string) {
    this.next = this.marks.exec(text);
  }

  insideSlogan(start: number, end: number): boolean {
    this.advanceTo(start);
    if (this.openAt < 0 || start - this.openAt > 12) return false;
    const close = this.text.slice(end, end + 12).search(/[”"」』]/);
    return close >= 0 && end + close - this.openAt <= 13;
  }

  private advanceTo(pos: number): void {
    while (this.next && this.next.index < pos) {
      const ch = this.next[0];
      if (ch === '"') this.openAt = this.openAt < 0 ? this.next.index : -1;
      else if (ch === '“' || ch === '「' || ch === '『') this.openAt = this.next.index;
      else this.openAt = -1;
      this.next = this.marks.exec(this.text);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Context: what a figure measures, and the change stated after it

const SENTENCE_BREAKS = /[。；;！？!?\n\r]/;
const UP = /(?:增长|提高|上升|增加|提升|上涨|回升|扩大|增)了?$/;
const DOWN = /(?:下降|减少|降低|回落|下跌|缩小|压减|压缩|降|减)了?$/;
const APPROX_WORD_AT_END = /(?:大约|将近|接近|超过|约|近|超|逾)$/;
/** The comparison base of a change (较上年的18.9%) is neither the indicator's figure nor its change. */
const COMPARISON = /较|比(?!重|例|率)/;
const PARENTHESES = /[（(][^（()）]*[)）]/g;

// Indicator: the clause before the figure, trimmed to the thing measured. The word lists are the verbs,
// adverbs and connectives that surround an indicator in these reports.
/** A year or date earlier in the clause (2024年全区新登记经营主体863户): the indicator starts after it. */
const DATE_PREFIX = /^.*(?:[0-9０-９]{4}年度?|[0-9０-９]{1,2}月份?(?:[0-9０-９]{1,2}日)?|[0-9０-９]{1,2}日)/;
/** A fragment closed by a bracket or quotation mark opened in an earlier clause: (街道、管委会)…, “东周、隋唐、近代”…. */
const UNOPENED_CLOSE = /^[^（(“]*[)）”]/;
/** An ASCII " cannot say whether it opens or closes: an odd count means the first one closes. */
const UNOPENED_ASCII_QUOTE = /^[^"]*"/;
/** 城镇新增就业人数达到年度目标任务的206.2%, 民生支出占公共预算支出的75%: the subject is before the verb. */
const SPLIT_VERB = /^(.{2,}?)(?:达到|占)/;
/** 中约等25个项目, 今年以来运用…: what precedes 等 or 以来 is a list or a time. */
const LIST_CUT = /^.*(?:等地|等|以来)/;
/** 稳定脱贫户和801户: the figure is the second of a pair whose noun follows it. */
const ENDS_WITH_CONJUNCTION = /(?:和|与|及|或|、)$/;
const TRAILING_WORDS =
  /(?:同比|比上年|较上年|比去年|实际|分别|均|都|共|总计|累计|合计|已经|已|就|仅|又|再|也|还|要|拟|将|预期|全年|年均|人均|每人每年|每年|每人|每天|每立方米|每|平均|新增|连续|今后|以下|今明|未来|过去|大约|将近|接近|超过|约|近|超|逾|高达|达到|达|完成|实现|突破|增长|增加|提高|提升|上升|下降|减少|降低|压减|扩大|控制在|保持在|稳定在|定在|为|是|有|了|到|至|在|从|由|对|使|占|的)$/;
const LEADING_WORDS =
  /^(?:其中|同时|此外|另外|特别是|全年|今年|去年末|去年|当年|年底前|年底|年内|年末|目前|以来|累计|总共|共|已经|已|并|和|与|及|而|但|又|还|再|也|就|均|都|是|要|拟|使|让|把|将|对(?!标|接|外)|在(?!建)|从|向|由|以|全区|全市|全县|全省|全国|的|时间|全面|全力|圆满|顺利|率先|持续|积极|大力|着力|努力|力争|确保|紧盯|统筹推进|统筹|安排|明确了|突出了|展望|经过|相当于|充分释放|完成|实现|达到|开展|推动|推进|实施|建立|建成|成立|创建|创设|新建|引进|培育|落实|吸引|打造|组织|举办|发放|配建|牵头)/;
/** What is left when the clause held only a verb (建成6处停车场): the thing counted follows the figure. */
const VERB_ONLY =
  /^(?:新|再|又)?(?:建成|建立|成立|新建|改造|完成|实施|推动|推进|建设|引进|吸引|培育|创建|创设|配建|加强|解决|落实|牵头|发放|组织|举办|开展|打造|实现|达到|争取|开工|启动|覆盖|着重|促进|引导|解决|采取|突出抓好|重点抓好|抓好|做好|用好|回望|经过|过去|今后|未来|展望)$/;
const LONG_CUT = /^.*(?:的|中|在(?!建)|对(?!标|接|外)|将|把|让|使|和|并|时间|”)/;
const SCOPE_ONLY = /^(?:全国|全省|全市|全区|全县|城区|世界|全球|国内)$/;
const MAX_INDICATOR = 16;

function attachContext(text: string, figures: Figure[]): void {
  const directions: (ChangeDirection | undefined)[] = [];
  const comparisonBase: boolean[] = [];
  figures.forEach((f, i) => {
    const prev = figures[i - 1];
    let prefix = clauseBefore(text, f.range.start);
    // A previous figure in the same clause (6个行政村16.2公里): the words between belong to it, not to us.
    const followsFigure = prev !== undefined && f.range.start - prev.range.end <= prefix.length;
    if (followsFigure) prefix = text.slice(prev.range.end, f.range.start);
    prefix = prefix.replace(PARENTHESES, '');
    const bare = prefix.replace(APPROX_WORD_AT_END, '');
    let direction: ChangeDirection | undefined = UP.test(bare) ? 'up' : DOWN.test(bare) ? 'down' : undefined;
    // 分别下降3.5%、2.9%: the second figure of a list shares the first one's direction.
    if (!direction && prev && directions[i - 1] && /^(?:、|和|及|与)$/.test(text.slice(prev.range.end, f.range.start))) {
      direction = directions[i - 1];
    }
    directions.push(direction);
    comparisonBase.push(!direction && COMPARISON.test(prefix));
    if (direction && (f.kind === 'percent' || f.kind === 'percentagePoint')) f.direction = direction;
    if (f.kind !== 'rank' && !comparisonBase[i] && !followsFigure) {
      const indicator = indicatorFrom(prefix);
      if (indicator) f.indicator = indicator;
    }
  });

  figures.forEach((a, i) => {
    if (directions[i] || comparisonBase[i]) return;
    for (let j = i + 1; j < figures.length; j++) {
      const b = figures[j];
      const gap = text.slice(a.range.end, b.range.start);
      if (SENTENCE_BREAKS.test(gap) || gap.length > 24) return;
      if (comparisonBase[j]) continue;
      if (directions[j] && !b.indicator) a.change = { direction: directions[j]!, figureId: b.id };
      return;
    }
    if (/^[，,]?(?:同比|与上年|比上年|和上年)?(?:基本)?持平/.test(text.slice(a.range.end, a.range.end + 10))) {
      a.change = { direction: 'flat' };
    }
  });
}

/** 一般公共预算收入完成 → 一般公共预算收入; 城镇新增就业人数达到年度目标任务的 → 城镇新增就业人数. */
function indicatorFrom(prefix: string): string | undefined {
  let s = prefix.replace(DATE_PREFIX, '').replace(UNOPENED_CLOSE, '').trim();
  if ((s.split('"').length - 1) % 2 === 1) s = s.replace(UNOPENED_ASCII_QUOTE, '');
  if (ENDS_WITH_CONJUNCTION.test(s) || s.startsWith('占')) return undefined;
  s = SPLIT_VERB.exec(s)?.[1] ?? s;
  s = stripWords(s.replace(LIST_CUT, ''));
  if (s.length > MAX_INDICATOR) s = stripWords(s.replace(LONG_CUT, ''));
  if (s.length < 2 || s.length > MAX_INDICATOR || SCOPE_ONLY.test(s) || VERB_ONLY.test(s)) return undefined;
  return s;
}

function stripWords(s: string): string {
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.trim().replace(TRAILING_WORDS, '').replace(LEADING_WORDS, '');
  }
  return s;
}
