// Targets and results (spec.md, "Targets and results"): whether a figure states a goal or an achievement, and
// the calendar year it is about. The nearest cue wins: the figure's sentence (力争, 预期目标是：…；…; 完成, 达到),
// then a list-introducing clause in an earlier paragraph, then the paragraph's opening (过去一年，…),
// then the section headings (一、2019年工作回顾, 二、2020年工作安排), then the report's year.
import { type CueMatch, CUE_FIRST, cueAt, lastCueWord } from './cueWords';
import { charTable, indexOfAny } from './text';
import { addYearStarts, DIGITS, mayHoldYearCue, YEAR_ANCHORS, yearCues, yearCuesAt } from './yearCues';
import type { Figure, FigureRole } from './types';

/** A year cue: a calendar year, one relative to the report's year, or a span of years (五年来, 十三五). */
export type YearCue = number | 'this' | 'last' | 'next' | 'span';

export interface RoleCue {
  role?: FigureRole;
  year?: YearCue;
}

/** A review or plan part of the report, from one section heading. */
export function sectionCue(title: string): RoleCue {
  // “十四五”时期发展成就和“十五五”时期主要目标任务 reviews and plans: it does not say.
  const review = REVIEW_HEADING.test(title);
  const plan = PLAN_HEADING.test(title.replace(REVIEW_HEADING, ''));
  const role: FigureRole | undefined = review && plan ? undefined : review ? 'result' : plan ? 'target' : undefined;
  return cueOf(role, yearIn(title, true));
}

/** The cues of the sections around a paragraph, innermost first, merged (the innermost that says wins). */
export function mergeCues(cues: readonly RoleCue[]): RoleCue {
  const role = cues.find((c) => c.role)?.role;
  const year = cues.find((c) => c.year !== undefined)?.year;
  return cueOf(role, year);
}

/** A cue with the fields that say something (set on a new object: spreading optional parts is far slower in V8). */
function cueOf(role: FigureRole | undefined, year: YearCue | undefined): RoleCue {
  const cue: RoleCue = {};
  if (role) cue.role = role;
  if (year !== undefined) cue.year = year;
  return cue;
}

export interface RoleContext {
  /** The sections' cue (mergeCues). */
  section: RoleCue;
  /** A clause ending in ： in an earlier paragraph whose list this paragraph continues (今年主要预期目标是：). */
  list?: RoleCue;
  /** The year the report is given in (meta.year). */
  reportYear?: number;
  /** Work reports review the past year and plan the next; a news page's figures need a cue of their own. */
  workReport: boolean;
}

const REVIEW_HEADING = /回顾|过去|成绩|成就|工作总结|执行情况|基本情况|取得的|一年来|五年来/;
const PLAN_HEADING = /安排|任务|目标|计划|今年|展望|建议|部署|工作重点|重点工作|主要工作|的工作|总体要求|今后|下一步|明年|思路/;

// Cues in the text before a figure: cueWords.ts. 完成, 实现 … are verbs of both goals and achievements (达到65%左右
// in a plan, 达到56.9万亿元 in a review): the section decides.
const EITHER_CUE = new Set(['完成', '实现', '达到', '达', '突破', '控制在']);
/** 力争实现, 确保完成: a result verb governed by a target word is part of the target. */
const GOVERNED = /(?:力争|确保|争取|努力|要|将|预期|计划|目标)$/;
/** 8％的预定目标, 增长8%左右的目标: the figure names the target itself. */
const TARGET_AFTER = /^(?:左右)?(?:以上|以内)?的?(?:预定|预期|调控|奋斗|增长)?目标/;
/** The characters TARGET_AFTER may start with: after most figures it is not run (nor the text after them sliced). */
const TARGET_AFTER_START = charTable('左以的预调奋增目');

/** The characters that end a sentence; SENTENCE_ENDS is their table by character code. */
const SENTENCE_END_CHARS = '。！？!?';
const SENTENCE_ENDS = charTable(SENTENCE_END_CHARS);
/** 过去五年，我们…: a review, whatever the section; 今后五年，…: a plan. */
const REVIEW_OPENING = /^.{0,6}(?:过去|回顾|一年来|年来)/;
const PLAN_OPENING = /^.{0,6}(?:今后|未来|展望)/;
// Sticky: tried at the places of 比, 较, 与, 同 (paragraphCues), their only first characters.
const WEAK_RESULT = /比上年|较上年|同比/y;
const COMPARED_YEAR = new RegExp(`(?:比|较|与|同)(${DIGITS}{4})年`, 'y');

function isPast(cue: YearCue | undefined, reportYear: number | undefined): boolean {
  return cue === 'last' || (typeof cue === 'number' && reportYear !== undefined && cue < reportYear);
}

/** Matches of a cue pattern in a paragraph, in order, to ask for the last one inside a span (binary search). */
class Cues {
  /** Found on the first question: some patterns are asked only for a few figures (比上年, after no other cue). */
  private found: RegExpExecArray[] | undefined;
  /**
   * `pattern` (sticky) is tried at starts[0, count) (ascending), the places of the characters its matches start with: its
   * matches in order, each read on from the end of the one before, as a global pattern's search finds them (a
   * search over the whole paragraph, for each pattern, cost more than noting the places in paragraphCues' pass).
   */
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
    private readonly starts: Int32Array,
    private readonly count: number,
  ) {}

  /** The last match that starts at or after `from` and ends at or before `to`. */
  last(from: number, to: number): RegExpExecArray | undefined {
    return lastWithin((this.found ??= this.matches()), from, to, matchEnd);
  }

  private matches(): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    let after = 0;
    for (let k = 0; k < this.count; k++) {
      const start = this.starts[k];
      if (start < after) continue;
      this.pattern.lastIndex = start;
      const m = this.pattern.exec(this.text);
      if (m) {
        found.push(m);
        after = start + m[0].length;
      }
    }
    return found;
  }
}
const matchEnd = (m: RegExpExecArray) => m.index + m[0].length;

const cueEnd = (m: CueMatch) => m.index + m.word.length;

/** The last of `matches` (in text order) that starts at or after `from` and ends (`end`) at or before `to` (binary search). */
function lastWithin<M extends { index: number }>(matches: readonly M[], from: number, to: number, end: (m: M) => number): M | undefined {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].index < to) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = matches[i];
    if (m.index < from) return undefined;
    if (end(m) <= to) return m;
  }
  return undefined;
}

/**
 * Beyond the longest match of the cue patterns with its lookahead (刚刚过去的一年, 2019年以来: 7): a match that
 * starts before a place is the same whether or not the text is cut this far after it.
 */
const CUE_MARGIN = 16;

const SENTENCE_MARK = 1;
const CLAUSE_MARK = 2;
const CUE_START = 4;
const YEAR_ANCHOR = 8;
/** 比, 较, 与, 同: where WEAK_RESULT and COMPARED_YEAR may match. */
const COMPARISON_START = 16;
/**
 * What attachRoles reads in a paragraph, by character: sentence and clause marks, cue words' starts, year cues'
 * anchors, the first characters of WEAK_RESULT and COMPARED_YEAR.
 */
const ROLE_CHARS = charTable('，,；;：:', CLAUSE_MARK, charTable(SENTENCE_END_CHARS, SENTENCE_MARK));
for (let c = 0; c < 0x10000; c++) ROLE_CHARS[c] |= (CUE_FIRST[c] !== 0 ? CUE_START : 0) | (YEAR_ANCHORS[c] !== 0 ? YEAR_ANCHOR : 0);
for (const c of '比较与同') ROLE_CHARS[c.charCodeAt(0)] |= COMPARISON_START;

/** A paragraph's cue words, year cues and sentence and clause marks. */
interface ParagraphCues {
  words: CueMatch[];
  years: RegExpExecArray[];
  /** Each mark's offset times 2, plus 1 for a sentence mark (0 for a clause mark), in order: the first `breakCount`. */
  breaks: Int32Array;
  breakCount: number;
  /** Where 比, 较, 与, 同 stand (COMPARISON_START), in order: the first `comparisonCount`. */
  comparisons: Int32Array;
  comparisonCount: number;
}

/**
 * The marks of the paragraph being read (paragraphCues), in one array kept from paragraph to paragraph (grown when
 * one has more): an array grown by push in every paragraph with figures was garbage at once. (Offsets times 2 fit:
 * a string is shorter than 2^29.)
 */
let BREAKS = new Int32Array(256);
/** The places of 比较与同 in the paragraph being read, kept likewise. */
let COMPARISONS = new Int32Array(64);
/** A store twice as long, holding what `store` holds. */
function doubled(store: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(2 * store.length);
  longer.set(store);
  return longer;
}

/**
 * One pass over `read` for what the figures ask of it: the cue words (cueWords.ts), the places year cues may start
 * (yearCues.ts), the marks and the places of 比较与同, each character looked up once (three loops over the same characters cost ~6% of the
 * analysis without projects).
 */
function paragraphCues(read: string): ParagraphCues {
  const words: CueMatch[] = [];
  const yearStarts: number[] = [];
  let comparisons = COMPARISONS;
  let comparisonCount = 0;
  let breaks = BREAKS;
  let breakCount = 0;
  let wordFrom = 0; // cue words do not overlap: each is read on from the end of the one before
  for (let i = 0; i < read.length; i++) {
    const kind = ROLE_CHARS[read.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind <= CLAUSE_MARK) {
      if (breakCount === breaks.length) breaks = BREAKS = doubled(breaks);
      breaks[breakCount++] = 2 * i + (kind === SENTENCE_MARK ? 1 : 0);
      continue;
    }
    if ((kind & CUE_START) !== 0 && i >= wordFrom) {
      const cue = cueAt(read, i);
      if (cue) {
        words.push({ index: i, word: cue.word, target: cue.target });
        wordFrom = i + cue.word.length;
      }
    }
    if ((kind & YEAR_ANCHOR) !== 0) addYearStarts(read, i, yearStarts);
    if ((kind & COMPARISON_START) !== 0) {
      if (comparisonCount === comparisons.length) comparisons = COMPARISONS = doubled(comparisons);
      comparisons[comparisonCount++] = i;
    }
  }
  return { words, years: yearCuesAt(read, yearStarts), breaks, breakCount, comparisons, comparisonCount };
}

/**
 * Sets role and year on the figures of one paragraph (`text`; figures' offsets are `at` + offsets into it).
 * Linear in the paragraph: its cues are found once, and the figures (in text order) walk the sentence breaks.
 */
export function attachRoles(text: string, figures: readonly Figure[], context: RoleContext, at = 0): void {
  if (figures.length === 0) return;
  const opening = paragraphOpening(text);
  // Every cue asked for ends before the last figure: the patterns read no further than that and CUE_MARGIN past
  // it, not the rest of the paragraph (a third of the text of paragraphs with figures).
  const read = text.slice(0, figures[figures.length - 1].range.start - at + CUE_MARGIN);
  const { words, years, breaks, breakCount, comparisons, comparisonCount } = paragraphCues(read);
  const weak = new Cues(read, WEAK_RESULT, comparisons, comparisonCount);
  const compared = new Cues(read, COMPARED_YEAR, comparisons, comparisonCount);
  // A news page's headlines (筑牢发展压舱石) are topics, not review or plan parts.
  const headingRole = context.workReport ? context.section.role : undefined;
  const sectionRole = context.list?.role ?? opening.role ?? headingRole;
  let sentence = 0;
  let previous = 0;
  let clauseAt = 0;
  let b = 0;
  for (const f of figures) {
    const begin = f.range.start - at;
    for (; b < breakCount && breaks[b] >> 1 < begin; b++) {
      const after = (breaks[b] >> 1) + 1;
      if ((breaks[b] & 1) === 1) {
        previous = sentence;
        sentence = clauseAt = after;
      } else clauseAt = after;
    }
    const start = Math.max(sentence, begin - MAX_SENTENCE);
    const end = f.range.end - at;
    let year = cueYear(lastWithin(years, start, begin, matchEnd));
    // 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%: the sentence before says which year.
    // (A span there, 实现“十五五”良好开局。, says nothing of the next sentence.)
    if (year === undefined && start > opening.end) {
      const before = cueYear(lastWithin(years, Math.max(previous, start - MAX_SENTENCE), start, matchEnd));
      if (before !== 'span') year = before;
    }
    if (year === undefined && start > opening.end) year = opening.year;
    // A cue in the figure's own clause says most; one further back in the sentence is weaker: a past year wins
    // over it (…认真落实省委工作要求，稳预期，地区生产总值增长4.1% in a review of 2025).
    let role: FigureRole | undefined = TARGET_AFTER_START[text.charCodeAt(end)] === 1 && TARGET_AFTER.test(text.slice(end, end + 12))
      ? 'target'
      : text.startsWith('目标的', begin - 3) || text.startsWith('目标任务的', begin - 5)
        ? 'result' // 达到年度目标任务的206.2%: how much of a target was done
        : cueRole(text, lastWithin(words, Math.max(clauseAt, start), begin, cueEnd), sectionRole);
    if (role === undefined) {
      const cue = lastWithin(words, start, begin, cueEnd);
      role = cueRole(text, cue, sectionRole ?? (cue && EITHER_CUE.has(cue.word) ? listedTargets(text, words, start, cue.index) : undefined));
      if (role === 'target' && isPast(year, context.reportYear)) role = 'result';
    }
    if (role === undefined) role = context.list?.role;
    if (role === undefined) role = opening.role;
    // No cue word, but 比上年增长 or a year before the report's: what was achieved.
    if (role === undefined && (weak.last(start, begin) || isPast(year, context.reportYear))) role = 'result';
    if (year === undefined) year = context.list?.year;
    if (role === undefined) role = headingRole;
    if (year === undefined) year = context.section.year;
    // 比2002年增长65.5%, 2005年与2000年相比: a change over several years.
    const base = compared.last(start, begin);
    if (base && typeof year === 'number' && year - calendarYear(base[1]) > 1) year = 'span';
    if (role === undefined) continue;
    // 2015年国内生产总值将超过55万亿元 in a 2011 report: nothing is achieved in a year still to come.
    if (role === 'result' && typeof year === 'number' && context.reportYear !== undefined && year > context.reportYear) role = 'target';
    f.role = role;
    // Without a cue, a work report's targets are for the year it is given in and its results for the year before.
    year ??= context.workReport ? (role === 'target' ? 'this' : 'last') : undefined;
    const resolved = resolveYear(year, context.reportYear);
    if (resolved !== undefined) f.year = resolved;
  }
  // (A crafted paragraph's marks and comparisons are not kept: tens of MB held in the worker until it ends.)
  if (BREAKS.length > MAX_KEPT_BREAKS) BREAKS = new Int32Array(256);
  if (COMPARISONS.length > MAX_KEPT_BREAKS) COMPARISONS = new Int32Array(64);
}
const MAX_KEPT_BREAKS = 1 << 16;

/** The cue a paragraph ending in ： gives the paragraphs of its list (今年主要预期目标是：), if any. */
export function listCue(text: string): RoleCue | undefined {
  const trimmed = text.trimEnd();
  // (The last character by its code: /[：:]$/ was tried at every character of every paragraph.)
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 0xff1a /* ： */ && last !== 0x3a /* : */) return undefined;
  const clause = trimmed.slice(sentenceStart(trimmed, trimmed.length - 1), -1);
  const role = roleIn(clause, 'target');
  if (role === undefined) return undefined;
  const year = yearIn(clause, false);
  return { role, ...(year !== undefined && { year }) };
}

function roleIn(prefix: string, sectionRole?: FigureRole): FigureRole | undefined {
  return cueRole(prefix, lastCueWord(prefix), sectionRole);
}

/**
 * 'target' when the sentence before `to` opens a list of targets (今年主要预期目标是：…；固定资产投资实现正增长；…增长4.5%):
 * its first cue that is not a verb of either kind is a target word followed by a colon. (Not …完成全年目标任务，实现…: no colon.)
 */
function listedTargets(text: string, words: readonly CueMatch[], from: number, to: number): FigureRole | undefined {
  let i = 0;
  for (let hi = words.length; i < hi; ) {
    const mid = (i + hi) >> 1;
    if (words[mid].index < from) i = mid + 1;
    else hi = mid;
  }
  for (; i < words.length && words[i].index < to; i++) {
    const m = words[i];
    if (EITHER_CUE.has(m.word)) continue;
    return m.target && /^[是为]?[：:]/.test(text.slice(m.index + m.word.length, m.index + m.word.length + 2)) ? 'target' : undefined;
  }
  return undefined;
}

/** The role a cue word (found in `text`) gives. */
function cueRole(text: string, cue: CueMatch | undefined, sectionRole?: FigureRole): FigureRole | undefined {
  if (!cue) return undefined;
  if (GOVERNED.test(text.slice(Math.max(0, cue.index - 4), cue.index))) return 'target';
  if (EITHER_CUE.has(cue.word)) return sectionRole ?? (cue.word === '控制在' ? 'target' : 'result');
  return cue.target ? 'target' : 'result';
}

/** The nearest year cue in `s` (the last one, or with `first` the first); in a heading an explicit year wins. */
function yearIn(s: string, heading: boolean, first = false): YearCue | undefined {
  if (!mayHoldYearCue(s)) return undefined; // (most paragraph openings hold none)
  let found: YearCue | undefined;
  for (const m of yearCues(s)) {
    const cue = cueYear(m)!;
    if ((heading && typeof cue === 'number') || first) return cue;
    found = cue;
  }
  return found;
}

/** Where the first character marked in `chars` stands in `text` from `from` on, else -1. */
function cueYear(m: RegExpExecArray | undefined): YearCue | undefined {
  if (!m) return undefined;
  return m[1] !== undefined ? (m[2] ? 'span' : calendarYear(m[1])) : m[3] ? 'this' : m[4] ? 'last' : m[5] ? 'next' : 'span';
}

const HAN_DIGITS = '〇一二三四五六七八九';
/** 2019, 一九五八, ２０２０ as a number (the four digits of a year cue). */
function calendarYear(written: string): number {
  let year = 0;
  for (const c of written) {
    const code = c.charCodeAt(0);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 0xff10 && code <= 0xff19 ? code - 0xff10 : c === '零' ? 0 : HAN_DIGITS.indexOf(c);
    if (digit < 0) return NaN;
    year = year * 10 + digit;
  }
  return year;
}

function resolveYear(cue: YearCue | undefined, reportYear: number | undefined): number | undefined {
  if (typeof cue === 'number') return cue;
  if (cue === undefined || cue === 'span' || reportYear === undefined) return undefined;
  return reportYear + (cue === 'this' ? 0 : cue === 'last' ? -1 : 1);
}

/** The year cue of a paragraph's first sentence (过去一年，…。 2017年，是…一年。) and where that sentence ends. */
function paragraphOpening(text: string): { end: number; year?: YearCue; role?: FigureRole } {
  // (By the table, not a pattern on a slice of the paragraph's first MAX_SENTENCE characters: once per paragraph with figures.)
  const m = indexOfAny(SENTENCE_ENDS, text, 0, Math.min(text.length, MAX_SENTENCE));
  const end = m >= 0 ? m : Math.min(text.length, MAX_SENTENCE);
  // 2025年是“十四五”收官之年: the year the sentence is about comes first.
  const head = text.slice(0, Math.min(end, 60));
  const year = yearIn(head, false, true);
  // (The patterns are run only when a word of theirs may start in the first seven characters: most openings have none.)
  let words = 0;
  for (let i = 0; i < head.length && i <= 6; i++) words |= OPENING_WORD_FIRST[head.charCodeAt(i)];
  const role: FigureRole | undefined =
    (words & REVIEW_WORD) !== 0 && REVIEW_OPENING.test(head) ? 'result' : (words & PLAN_WORD) !== 0 && PLAN_OPENING.test(head) ? 'target' : undefined;
  // (Fields set on the object: spreading optional parts is far slower in V8.)
  const opening: { end: number; year?: YearCue; role?: FigureRole } = { end };
  if (year !== undefined) opening.year = year;
  if (role) opening.role = role;
  return opening;
}
const REVIEW_WORD = 1;
const PLAN_WORD = 2;
/** The first characters of the words of REVIEW_OPENING and PLAN_OPENING (which may start at most six characters in). */
const OPENING_WORD_FIRST = charTable('今未展', PLAN_WORD, charTable('过回一年', REVIEW_WORD));

/** Cues are near: a sentence is read back at most this far (a crafted text may be one 8 MB sentence). */
const MAX_SENTENCE = 300;

function sentenceStart(text: string, pos: number): number {
  let i = pos;
  const stop = Math.max(0, pos - MAX_SENTENCE);
  while (i > stop && SENTENCE_ENDS[text.charCodeAt(i - 1)] !== 1) i--;
  return i;
}
