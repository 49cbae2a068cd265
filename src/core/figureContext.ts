// Context of the figures of one paragraph: what each one measures (indicator), the direction word before a
// percentage, and the change stated right after a figure (51593万元，增长34.2%).
import { clauseBefore } from './clauses';
import { CharGroups, charTable, indexOfAny } from './text';
import type { IndicatorTable } from './indicators';
import type { ChangeDirection, Figure } from './types';

const SENTENCE_BREAKS = charTable('。；;！？!?\n\r');
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
const CLOSERS = /[)）”]/;
/** An ASCII " cannot say whether it opens or closes: an odd count means the first one closes. */
const UNOPENED_ASCII_QUOTE = /^[^"]*"/;
/** 城镇新增就业人数达到年度目标任务的206.2%, 民生支出占公共预算支出的75%: the subject is before the verb. */
const SPLIT_VERB = /^(.{2,}?)(?:达到|占)/;
/** 单位国内生产总值能耗由前三年分别上升4.9％, 国内生产总值从１９９７年的: the subject is before 由/从. */
const FROM_CUT = /^(.{2,}?)(?:由|从)(?!业|事|而|此|严|源)/;
/** 中约等25个项目, 今年以来运用…: what precedes 等 or 以来 is a list or a time. */
const LIST_CUT = /^.*(?:等地|等|以来)/;
/** 稳定脱贫户和801户: the figure is the second of a pair whose noun follows it (和, 与, 及, 或, 、 end the clause). */
const CONJUNCTION_ENDS = charTable('和与及或、');
/** Stripped from the end of an indicator, longest first (what a `(?:…)$` regex would strip, without its scan). */
const TRAILING_WORDS = (
  '同比 比上年 较上年 比去年 实际 分别 均 都 共 总计 累计 合计 已经 已 就 仅 又 再 也 还 要 拟 将 预期 全年 年均 人均 ' +
    '每人每年 每年 每人 每天 每立方米 每 平均 新增 连续 今后 以下 今明 未来 过去 大约 将近 接近 超过 约 近 超 逾 高达 达到 达 ' +
    '完成 实现 突破 增长 增加 提高 提升 上升 下降 减少 降低 压减 扩大 控制在 保持在 稳定在 定在 为 是 有 了 到 至 在 从 由 对 使 占 的'
).split(' ');
/** The trailing words by their last character, longest first. */
const TRAILING_BY_LAST = new CharGroups(
  TRAILING_WORDS.sort((a, b) => b.length - a.length),
  (w) => w.charCodeAt(w.length - 1),
);
const LEADING_WORDS =
  /^(?:按可比价格计算|按可比价计算|扣除价格因素后?|其中|同时|此外|另外|特别是|全年|今年|去年末|去年|当年|年底前|年底|年内|年末|目前|以来|累计|总共|共|已经|已|并|和|与|及|而|但|又|还|再|也|就|均|都|是|要|拟|使|让|把|将|对(?!标|接|外)|在(?!建)|从|向|由|以|全区|全市|全县|全省|全国|的|时间|“十[一二三四五六七八九]?五”(?:时期|期间)|"十[一二三四五六七八九]?五"(?:时期|期间)|十[一二三四五六七八九]?五(?:时期|期间)|全面|全力|圆满|顺利|率先|持续|积极|大力|着力|努力|力争|确保|紧盯|统筹推进|统筹|安排|明确了|突出了|展望|提出|确定|预计|现在|包括|经过|相当于|充分释放|完成|实现|达到|开展|推动|推进|实施|建立|建成|成立|创建|创设|新建|引进|培育|落实|吸引|打造|组织|举办|发放|配建|牵头)/;
/** A time offset says when, not what (相当于5年前1.5个百分点、10年前2.5个百分点: 10年前 is no indicator). */
const TIME_OFFSET = /^(?:[0-9０-９]+|[一二两三四五六七八九十]+)个?(?:年|月)(?:以|之)?[前后]/;
const TIME_OFFSET_START = charTable('0123456789０１２３４５６７８９一二两三四五六七八九十');
/** What is left when the clause held only a verb (建成6处停车场): the thing counted follows the figure. */
const VERB_ONLY_WORDS = (
  '建成 建立 成立 新建 改造 完成 实施 推动 推进 建设 引进 吸引 培育 创建 创设 配建 加强 解决 落实 牵头 发放 组织 举办 开展 打造 实现 ' +
  '达到 争取 开工 启动 覆盖 着重 促进 引导 采取 突出抓好 重点抓好 抓好 做好 用好 回望 经过 过去 今后 未来 展望'
).split(' ');
/** The verbs alone or after 新, 再, 又 (a set: whole strings are compared, no pattern is run). */
const VERB_ONLY = new Set(VERB_ONLY_WORDS.flatMap((w) => [w, `新${w}`, `再${w}`, `又${w}`]));
/**
 * The first characters of LEADING_WORDS' words (and of its lookaheads' words: a few too many does no harm): a
 * string starting otherwise is left as it is without running the pattern, twice or more for every indicator.
 */
const LEADING_START = charTable(
  LEADING_WORDS.source
    // (The bundles spell the pattern's characters as \u escapes: scripts/asciiOutput.mjs.)
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/^\^\(\?:/, '')
    .split('|')
    .map((w) => w[0])
    .join(''),
);
/** LEADING_WORDS, sticky: its match's end by test, sliced off, without the match array and replace's new string. */
const LEADING_AT = new RegExp(LEADING_WORDS.source, 'y');
const LONG_CUT = /^.*(?:的|中|在(?!建)|对(?!标|接|外)|将|把|让|使|和|并|时间|”)/;
const SCOPE_ONLY = new Set(['全国', '全省', '全市', '全区', '全县', '城区', '世界', '全球', '国内']);
const MAX_INDICATOR = 16;
/** The longest word of SCOPE_ONLY and VERB_ONLY: a longer indicator is not looked up (nor hashed) in them. */
const MAX_SCOPE_OR_VERB = Math.max(...[...SCOPE_ONLY, ...VERB_ONLY].map((w) => w.length));
/** A clause that is only the verb of a target or result (定为, 为, 确定为). */
const VERB_CLAUSE = /^(?:定为|确定为|预期为|初步确定为|为|是|达到|达)$/;
const MAX_VERB_CLAUSE = 5;

/** 基本持平, 同比持平 right after a figure: no change. */
const FLAT_AT = /[，,]?(?:同比|与上年|比上年|和上年)?(?:基本)?持平/y;
/** The characters FLAT_AT may start with: after most figures it is not run. */
const FLAT_START = charTable('，,同与比和基持');

/**
 * What a clause holds, as bits (charsIn): the words and characters the steps below look for, each step asking only
 * when its character is there, rather than a dozen includes and tests over the same characters per figure. Every
 * string the steps read is cut from the clause, so a character it lacks none of them holds.
 */
const HAS_DIGIT = 1;
const HAS_CLOSER = 2;
const HAS_ASCII_QUOTE = 4;
const HAS_PARENTHESIS = 8;
const HAS_COMPARISON = 16; // 较, 比
const HAS_SPLIT_VERB = 32; // 达(到), 占
const HAS_FROM = 64; // 由, 从
const HAS_LIST = 128; // 等, 以(来)
const CLAUSE_CHARS = new Uint8Array(0x10000);
for (const [chars, bit] of [
  ['0123456789０１２３４５６７８９', HAS_DIGIT],
  [')）”', HAS_CLOSER],
  ['"', HAS_ASCII_QUOTE],
  ['(（', HAS_PARENTHESIS],
  ['较比', HAS_COMPARISON],
  ['达占', HAS_SPLIT_VERB],
  ['由从', HAS_FROM],
  ['等以', HAS_LIST],
] as const) {
  for (let i = 0; i < chars.length; i++) CLAUSE_CHARS[chars.charCodeAt(i)] |= bit;
}

function charsIn(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= CLAUSE_CHARS[s.charCodeAt(i)];
  return bits;
}

/**
 * attachContext's direction and comparison base of each figure, by index: stores written over for each paragraph
 * (all of [0, figures) first), not two arrays grown per paragraph. (attachContext is not re-entered.)
 */
const DIRECTIONS: (ChangeDirection | undefined)[] = [];
const COMPARISON_BASE: boolean[] = [];

/** Sets indicator, direction and change on `figures` (found in `text`, in text order, local ids). */
export function attachContext(text: string, figures: Figure[], table: IndicatorTable): void {
  const directions = DIRECTIONS;
  const comparisonBase = COMPARISON_BASE;
  // (Loops, not forEach: a closure per figure over the arrays.)
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const prev: Figure | undefined = i > 0 ? figures[i - 1] : undefined; // (figures[-1] is a look-up by the name "-1")
    let prefix = clauseBefore(text, f.range.start);
    // A previous figure in the same clause (6个行政村16.2公里): the words between belong to it, not to us.
    const followsFigure = prev !== undefined && f.range.start - prev.range.end <= prefix.length;
    if (followsFigure) prefix = text.slice(prev!.range.end, f.range.start);
    let has = charsIn(prefix);
    if ((has & HAS_PARENTHESIS) !== 0) prefix = prefix.replace(PARENTHESES, '');
    let direction = directionAtEnd(prefix);
    // 分别下降3.5%、2.9%: the second figure of a list shares the first one's direction.
    if (!direction && prev && directions[i - 1] && /^(?:、|和|及|与)$/.test(text.slice(prev.range.end, f.range.start))) {
      direction = directions[i - 1];
    }
    directions[i] = direction;
    comparisonBase[i] = !direction && (has & HAS_COMPARISON) !== 0 && COMPARISON.test(prefix);
    if (direction && (f.kind === 'percent' || f.kind === 'percentagePoint')) f.direction = direction;
    // After a duration (开业一个月时间累计营业额就达1.05亿元) the words between name what this figure measures.
    if (f.kind !== 'rank' && !comparisonBase[i] && (!followsFigure || prev!.kind === 'duration')) {
      // 经济增长速度的宏观调控目标，定为百分之八至九: the subject is the clause before the verb.
      const clauseStart = f.range.start - prefix.length;
      if (prefix.length <= MAX_VERB_CLAUSE && VERB_CLAUSE.test(prefix) && /[，,]/.test(text[clauseStart - 1] ?? '')) {
        prefix = clauseBefore(text, clauseStart - 1);
        has = charsIn(prefix);
      }
      const indicator = indicatorFrom(prefix, has);
      if (indicator) {
        f.indicator = indicator;
        const key = table.keyOf(indicator, f.kind);
        if (key) f.indicatorKey = key;
      }
    }
  }

  for (let i = 0; i < figures.length; i++) if (!directions[i] && !comparisonBase[i]) attachChange(text, figures, i, directions, comparisonBase);

  // 国内生产总值达到56.9万亿元，比上年增长7.7%: the growth measures what the figure it qualifies measures.
  // (Ids are local here, f1… in text order.)
  for (const a of figures) {
    const b = a.change?.figureId && a.indicator ? figures[Number(a.change.figureId.slice(1)) - 1] : undefined;
    if (!a.indicator || !b || b.indicator) continue;
    b.indicator = a.indicator;
    const key = table.keyOf(a.indicator, b.kind);
    if (key) b.indicatorKey = key;
  }
  // (A crafted paragraph of a million figures does not leave its stores in the worker until it ends.)
  if (figures.length > MAX_KEPT_FIGURES) (DIRECTIONS.length = 0), (COMPARISON_BASE.length = 0);
}
const MAX_KEPT_FIGURES = 4096;

/** The change stated right after figure `i` (no direction of its own): the next figure's direction, or 持平. */
function attachChange(text: string, figures: Figure[], i: number, directions: (ChangeDirection | undefined)[], comparisonBase: boolean[]): void {
  const a = figures[i];
  for (let j = i + 1; j < figures.length; j++) {
    const b = figures[j];
    if (b.range.start - a.range.end > 24 || indexOfAny(SENTENCE_BREAKS, text, a.range.end, b.range.start) >= 0) return;
    if (comparisonBase[j]) continue;
    if (directions[j] && !b.indicator) a.change = { direction: directions[j]!, figureId: b.id };
    return;
  }
  FLAT_AT.lastIndex = a.range.end;
  if (FLAT_START[text.charCodeAt(a.range.end)] === 1 && FLAT_AT.test(text)) {
    a.change = { direction: 'flat' };
  }
}

/** The last characters of the words of UP and DOWN: a clause ending otherwise needs no regex. */
const DIRECTION_ENDS = charTable('长高升加涨大增降少低落跌小缩减了约近超逾过');

/** up or down when the clause ends with a word of change (增长, 下降了, 提高约). */
function directionAtEnd(prefix: string): ChangeDirection | undefined {
  if (DIRECTION_ENDS[prefix.charCodeAt(prefix.length - 1)] !== 1) return undefined;
  const bare = prefix.replace(APPROX_WORD_AT_END, '');
  return UP.test(bare) ? 'up' : DOWN.test(bare) ? 'down' : undefined;
}

/** 一般公共预算收入完成 → 一般公共预算收入; 城镇新增就业人数达到年度目标任务的 → 城镇新增就业人数. */
function indicatorFrom(prefix: string, has: number): string | undefined {
  const undated = (has & HAS_DIGIT) !== 0 ? prefix.replace(DATE_PREFIX, '') : prefix;
  let s = ((has & HAS_CLOSER) !== 0 && CLOSERS.test(undated) ? undated.replace(UNOPENED_CLOSE, '') : undated).trim();
  // 国内生产总值2000年达: the subject stands before the date.
  if (undated !== prefix && s.length < 8 && stripWords(s).length < 2) {
    const before = prefix.slice(0, prefix.length - undated.length).replace(/[0-9０-９]{4}年度?$/, '');
    if (stripWords(before).length >= 2 && !/[0-9０-９]/.test(before)) s = before;
  }
  if ((has & HAS_ASCII_QUOTE) !== 0 && countOf(s, '"') % 2 === 1) s = s.replace(UNOPENED_ASCII_QUOTE, '');
  if (CONJUNCTION_ENDS[s.charCodeAt(s.length - 1)] === 1 || s.startsWith('占')) return undefined;
  if ((has & HAS_SPLIT_VERB) !== 0 && (s.includes('达到') || s.includes('占'))) s = SPLIT_VERB.exec(s)?.[1] ?? s;
  if ((has & HAS_FROM) !== 0 && (s.includes('由') || s.includes('从'))) s = FROM_CUT.exec(s)?.[1] ?? s;
  s = stripWords((has & HAS_LIST) !== 0 && (s.includes('等') || s.includes('以来')) ? s.replace(LIST_CUT, '') : s);
  if (s.length > MAX_INDICATOR) s = stripWords(s.replace(LONG_CUT, ''));
  if (TIME_OFFSET_START[s.charCodeAt(0)] === 1) s = stripWords(s.replace(TIME_OFFSET, ''));
  if (s.length < 2 || s.length > MAX_INDICATOR || (s.length <= MAX_SCOPE_OR_VERB && (SCOPE_ONLY.has(s) || VERB_ONLY.has(s)))) return undefined;
  return s;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function withoutTrailingWord(s: string): string {
  const words = TRAILING_BY_LAST.of(s.charCodeAt(s.length - 1));
  if (words) for (const w of words) if (s.endsWith(w)) return s.slice(0, s.length - w.length);
  return s;
}

function stripWords(s: string): string {
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.trim();
    // 经济增长 is what is measured (今年的经济增长预期为7％左右), not 经济 and a verb.
    if (s.charCodeAt(s.length - 1) !== 0x957f /* 长 */ || !s.endsWith('经济增长')) s = withoutTrailingWord(s);
    if (LEADING_START[s.charCodeAt(0)] === 1) {
      LEADING_AT.lastIndex = 0;
      if (LEADING_AT.test(s)) s = s.slice(LEADING_AT.lastIndex);
    }
  }
  return s;
}
