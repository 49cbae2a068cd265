// Level-3 headings: a paragraph's lead-in, its opening sentence when that sentence names the paragraph's
// subject (spec.md, "Sections"). Each opening is judged on its own first (opening), then against the
// paragraphs around it (resolveLeadIns): some forms are headings only as one of a series.
import { charTable } from './text';

const NUM = '[一二三四五六七八九十]{1,3}';

/** Circled numbers ① … ⑳ that number a paragraph's items (①加强房地产管控。). */
const CIRCLED = '[\u2460-\u2473]';
/** ——…, 一是…, 第一，…, ①… */
export const MARKED_LEAD_RE = new RegExp(`^(?:—{1,2}|${NUM}是|第${NUM}[，,、]|${CIRCLED})`);
/** The characters MARKED_LEAD_RE may start with. */
const MARKED_FIRST = charTable('—一二三四五六七八九十第\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u2469\u246a\u246b\u246c\u246d\u246e\u246f\u2470\u2471\u2472\u2473');
/** 一是… or ①… after a sentence inside the paragraph: the items of a paragraph. */
const MID_LEAD_RE = new RegExp(`。(?:${NUM}是|${CIRCLED})`, 'g');

/**
 * Where the items inside a paragraph (MID_LEAD_RE) start, after their 。, in order. (Each match's 。 is found back from
 * its end, its only 。: matched by test, not exec, nothing is made for a match.)
 */
export function midLeadStarts(text: string): number[] {
  const starts: number[] = [];
  MID_LEAD_RE.lastIndex = 0;
  while (MID_LEAD_RE.test(text)) starts.push(text.lastIndexOf('。', MID_LEAD_RE.lastIndex - 1) + 1);
  return starts;
}

/** Whether the character at `at` is a circled number (①…⑳). */
export const isCircled = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  return c >= 0x2460 && c <= 0x2473;
};
export const MAX_CIRCLED_LEAD = 50;

/**
 * Openings of a series of review paragraphs (一年来,我们…。 / 这五年，…。 / １９８４年，…。): headings when
 * two paragraphs of one section share them, although they read as narrative.
 */
const SERIES_PREFIX_RE =
  /^(?:一年来|这一年|过去一年|过去的一年|这五年|五年来|过去五年|过去的五年|(?:[\d０-９]{4}|[一二三四五六七八九〇○零]{4})年)[，,]?(?:我们|我国|全市|全省|全县|全区)?/;

/** Sentence openings that mark narrative, not a heading: time words, discourse words, pronouns, quotes. */
const NARRATIVE_START_RE =
  /^(?:今年|去年|明年|前年|过去|目前|当前|近年|近期|一年来|五年来|多年来|同时|此外|对此|为此|因此|总之|特别|其中|在|从|对(?![标接外])|根据|按照|通过|随着|各位|回顾|展望|如今|现在|未来|今后|主要|本届|这|那|我|[“”"‘’'《(（])/;
/**
 * Words that make a sentence a statement, a wish or an aphorism rather than a heading (X是Y, 要…, 我们…,
 * …描绘了…, 上下同欲者胜, 奋斗才能赢得未来, stances: 中国赞同…的主张). Not inside words: 特别是, 收入者, 要素, 重要, 纲要.
 */
const STATEMENT_RE =
  /(?<!特别|尤其|或|于|凡|总)是|我|这|那|了|(?<![入费资作学患疾营业动])者|才能|才是|吗|呢|吧|但|却|正在|着(?![力眼重手实])|(?<![重主需必只紧首纲摘概])要(?![素求点件闻害员务地道职])|必须|应当|愿意|希望|赞同|赞成|认为/;
/** Verbs and frames that open a multi-clause lead-in (打造精品线路，做强“历史文化游”。). */
const LEAD_VERB_RE =
  /^(?:坚持|加强|加快|加速|加大|推进|推动|深化|强化|打造|提升|做[强优特活大实深好精细]|聚焦|实施|促进|完善|优化|狠抓|抓[好实细紧]|扩大|培育|壮大|发展|构建|健全|建设|巩固|落实|提高|突出|持续|全面|大力|积极|着力|切实|深入|坚决|统筹|增强|激发|释放|筑牢|兜牢|守牢|织密|夯实|创新|改善|保障|维护|确保|防范|围绕|紧扣|立足|依托|扎实|全力|明晰|明确|强推|引领|激活|厚植|补齐|守住|稳定|提质|注重|进一步|继续|认真|努力|高度重视|依法|稳步|不断|用好|办好|下大力|千方百计|以.{1,30}为(?:重点|抓手|统揽|引领|核心|主线|牵引|目标|导向|支撑|载体))/;
/** The result a review lead-in reports, at the end of its last clause (…，创新活力持续迸发。). */
const RESULT_END_RE =
  /(?:不断|持续|更加|更趋|明显|显著|大幅|稳步|加快|进一步|日益|全面|有效|扎实|越来越|成效|取得|实现|迈出|稳中)\S{0,6}$/;
/** What opening asks of a sentence's characters: marks that end a heading's sentence, digits, commas between clauses. */
const STOP_MARK = 1;
const DIGIT = 2;
const COMMA = 3;
const SENTENCE_CHARS = charTable('，,', COMMA, charTable('0123456789０１２３４５６７８９', DIGIT, charTable('！？!?；;：:', STOP_MARK)));
/** A figure in a series opening (二百七十亿元, 8.5%, 百分之二十六; not 60周年). */
const SERIES_FIGURE_RE = /百分之|[\d０-９][万亿]?(?:%|％|元|吨|亩|人|户|个|家|项)|[万亿](?:元|吨|亩|斤|人|户)/;
const DATE_LINE_RE = /^[—―]+\s*[\d０-９一二三四五六七八九十〇○]{4}\s*年/;

const MAX_DASH_LEAD = 200; // —— lead-ins count even when long
const MAX_MARKED_LEAD = 80;
const MAX_MARKED_LINE = 40;
const MAX_SERIES_LEAD = 60;
const MAX_ONE_CLAUSE = 40;
const MAX_ALONE_LEAD = 24;
const MAX_CLAUSE = 32;
const MAX_LEAD = 50;
const MAX_REVIEW_LEAD = 64;
/** 一是…。 inside a paragraph: shorter, one clause (the long ones are list items, not subjects). */
export const MAX_MID_LEAD = 32;

export type OpeningKind =
  /** ——…, 一是…, 第一，…: a heading wherever it stands. */
  | 'marked'
  /** Reads as a heading on its own. */
  | 'lead'
  /** A review sentence ending in its result: a heading in a run of three or more such openings. */
  | 'review'
  /** Narrative with a series prefix (一年来,我们…): a heading when another paragraph shares the prefix. */
  | 'series';

export interface Opening {
  kind: OpeningKind;
  /** Length of the heading span from the paragraph's start. */
  length: number;
  prefix?: string;
  /** A series opening that is a 是 statement (这五年是…的五年。). */
  copula?: boolean;
}

/**
 * The paragraph's opening sentence (through its 。) when it may be a lead-in. `body` is the paragraph's
 * text; `alone` says that nothing follows the sentence in the paragraph (a lead-in needs a body).
 */
export function opening(body: string): Opening | undefined {
  // (Most lines start otherwise: the pattern is not run for them.)
  const marked = MARKED_FIRST[body.charCodeAt(0)] === 1 && MARKED_LEAD_RE.test(body);
  const bound = marked && body.charCodeAt(0) === 0x2014 /* — */ ? MAX_DASH_LEAD : MAX_MARKED_LEAD;
  const first = body.indexOf('。');
  const stop = first < bound ? first : -1; // bounded: no lead-in is longer
  if (marked) {
    if (DATE_LINE_RE.test(body)) return undefined; // ——2005年3月5日在…会议上: the front matter's date line
    if (stop >= 0) return /[！？!?；;]/.test(body.slice(0, stop)) ? undefined : { kind: 'marked', length: stop + 1 };
    // A marked heading alone on its line whose 。 the source put on the next line (一是…⏎。).
    if (body.length <= MAX_MARKED_LINE && !/[。！？；：!?;:，,、]$/.test(body)) return { kind: 'marked', length: body.length };
    return undefined;
  }
  // A sentence alone on its line is a heading only when short (确保城市安全、群众安康。⏎ then its paragraph).
  if (stop < 0 || (stop === body.length - 1 && stop > MAX_ALONE_LEAD)) return undefined;
  const sentence = body.slice(0, stop);
  // One pass over the sentence for what the tests below ask of its characters (a pattern per question and the
  // clauses split into strings cost more, for every line's opening): marks, digits, its clauses (split at commas).
  let digit = false;
  let clauses = 1;
  let emptyClause = false;
  let longestClause = 0;
  let lastClause = 0;
  for (let i = 0; i < stop; i++) {
    const kind = SENTENCE_CHARS[sentence.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === STOP_MARK) return undefined;
    if (kind === DIGIT) digit = true;
    else {
      if (i === lastClause) emptyClause = true;
      longestClause = Math.max(longestClause, i - lastClause);
      clauses++;
      lastClause = i + 1;
    }
  }
  if (lastClause === stop) emptyClause = true;
  longestClause = Math.max(longestClause, stop - lastClause);

  const series = SERIES_PREFIX_RE.exec(sentence);
  const afterPrefix = series ? sentence.slice(series[0].length) : '';
  // 一九五九年基本建设投资总额，…拟定为二百七十亿元，…: data, not a heading.
  if (series && stop < MAX_SERIES_LEAD && !SERIES_FIGURE_RE.test(afterPrefix)) {
    // 这五年是…的五年。, 一九五九年的国民经济计划，是…的计划。: a statement, a heading only in a longer series
    // (１９９１年是…的一年。 twice is not one).
    const copula = /^[，,]?是|[，,]是/.test(afterPrefix);
    return { kind: 'series', length: stop + 1, prefix: series[0].replace(/[，,]/g, ''), copula };
  }
  if (digit || NARRATIVE_START_RE.test(sentence) || STATEMENT_RE.test(sentence)) return undefined;

  if (emptyClause) return undefined;
  if (clauses === 1) return stop <= MAX_ONE_CLAUSE ? { kind: 'lead', length: stop + 1 } : undefined;
  // Two or three clauses led by a verb (打造精品线路，做强“历史文化游”。); 岁月流金，党旗飘扬。 is not a heading.
  if (clauses <= 3 && stop <= MAX_LEAD && LEAD_VERB_RE.test(sentence) && longestClause <= MAX_CLAUSE) {
    return { kind: 'lead', length: stop + 1 };
  }
  if (clauses <= 5 && stop <= MAX_REVIEW_LEAD && RESULT_END_RE.test(sentence.slice(lastClause))) {
    return { kind: 'review', length: stop + 1 };
  }
  return undefined;
}

/** 是 statements after a series prefix count only when this many share it. */
const MIN_COPULA_SERIES = 3;
/** Review openings count only in a run of at least this many consecutive candidate paragraphs. */
const MIN_REVIEW_RUN = 3;

/**
 * Which openings of one section's consecutive paragraphs are lead-ins: their heading lengths (0: none).
 * `openings[i]` is undefined for a paragraph with no candidate opening (it breaks a run).
 */
export function resolveLeadIns(openings: (Opening | undefined)[]): number[] {
  const prefixCount = new Map<string, number>();
  for (const o of openings) if (o?.kind === 'series') prefixCount.set(o.prefix!, (prefixCount.get(o.prefix!) ?? 0) + 1);
  const out = openings.map((o) => {
    if (!o) return 0;
    if (o.kind === 'marked' || o.kind === 'lead') return o.length;
    if (o.kind === 'series') return prefixCount.get(o.prefix!)! >= (o.copula ? MIN_COPULA_SERIES : 2) ? o.length : 0;
    return 0;
  });
  // Review openings: runs of candidates (any kind) holding at least MIN_REVIEW_RUN paragraphs.
  for (let i = 0; i < openings.length; ) {
    let j = i;
    while (j < openings.length && openings[j]) j++;
    if (j - i >= MIN_REVIEW_RUN) for (let k = i; k < j; k++) if (openings[k]!.kind === 'review') out[k] = openings[k]!.length;
    i = j + 1;
  }
  return out;
}
