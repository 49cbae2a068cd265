// The names at the facility words of one clause (projects.ts reads a paragraph clause by clause): the rules'
// (projectScan.ts) and the learned model's choice (projectModel.ts) at each, then compared with each other (the
// longest reading kept, renovation works of a facility named are the facility, a national designation after a name
// is not part of it).
import { type Lexicon } from './projectLexicon';
import { facilityEnd } from './projectMembers';
import { chooseName, type RuleVerdict } from './projectModel';
import { nameAt, scanVerdict } from './projectScan';
import { SUFFIX_CLASS_BY_INDEX } from './projectSuffixes';
import { SUFFIXES } from './projectWords';
import type { Span } from './types';

/**
 * Facility words whose names are compared with each other at most: the comparisons are quadratic, and a clause of
 * thousands of them (a hostile or broken text without punctuation) must stay linear. A real clause holds a few.
 */
export const MAX_ENDS = 64;

/** The rules' verdict as chooseName reads it, one object filled for each facility word (chooseName keeps none). */
const VERDICT: RuleVerdict = { span: undefined, reason: '', scanStart: -1 };

/**
 * The names a clause's facility words give (FOUND[0, found)) and those the rules gave (RULES_FOUND[0, rulesFound)):
 * stores written over for every clause, not two arrays made for each clause that names something. (namesAmong is
 * not re-entered; the spans themselves are their own objects, those kept pushed onto the caller's `spans`. The
 * stores hold MAX_ENDS spans at most.)
 */
const FOUND: Span[] = [];
const RULES_FOUND: Span[] = [];

/**
 * The names at the facility words ends[from, to) (some of a clause's, start and end in turn), onto `spans`; places
 * holds each one's place in SUFFIXES (ends[2k, 2k + 2)'s at k), as the caller's pass found it.
 */
export function namesAmong(lex: Lexicon, text: string, lo: number, hi: number, ends: number[], places: number[], from: number, to: number, spans: Span[]): void {
  let found = 0;
  let rulesFound = 0;
  for (let k = from; k < to; k += 2) {
    const s = ends[k];
    const e = ends[k + 1];
    // (The facility word and its class by its place among SUFFIXES: no Map look-up by its string.)
    const place = places[k >> 1];
    const suffix = SUFFIXES[place];
    const cls = SUFFIX_CLASS_BY_INDEX[place];
    const rule = nameAt(lex, text, lo, hi, s, e, cls, suffix);
    if (rule) RULES_FOUND[rulesFound++] = rule;
    // The learned model (projectModel.ts) may move the rules' start or overrule them.
    VERDICT.span = rule;
    VERDICT.reason = scanVerdict.reason;
    VERDICT.scanStart = scanVerdict.start;
    const span = chooseName(lex, text, lo, hi, s, e, cls, VERDICT, suffix);
    if (span) FOUND[found++] = span;
  }
  // (Most clauses give no name.)
  if (found === 0) return;
  // A name the rules rejected does not swallow one they gave (上阳宫文化园|开园: 开园 is no facility).
  if (rulesFound > 0) {
    for (let i = found - 1; i >= 0; i--) {
      const f = FOUND[i];
      if (!hasSpan(RULES_FOUND, rulesFound, f) && holdsShorter(RULES_FOUND, rulesFound, f)) found = removed(FOUND, found, i);
    }
  }
  // (What follows compares names with each other: one name alone, most clauses', is not.)
  if (found > 1) {
    // 青藏铁路格拉段电气化改造工程, X水库除险加固工程: renovation works of a facility found in them are that facility (GUIDELINES.md).
    for (let i = found - 1; i >= 0; i--) if (renovationOf(text, FOUND, found, FOUND[i])) found = removed(FOUND, found, i);
    // 庞佐电器电料产业园区|京阳公司新型线缆项目: a company's project in a park is a name after the park's.
    for (let i = 0; i < found; i++) {
      const f = FOUND[i];
      const park = parkOf(text, FOUND, found, f);
      if (park) f.start = park.end;
    }
  }
  // 中欧班列国家集结中心, 石河子经济技术开发区国家级零碳园区: a national designation after a facility named in full is the
  // facility's; the name ends before it. (隋唐洛阳城国家历史文化公园, 黄岩岛国家级自然保护区: a place named by 城 or 岛 names the park.)
  // (Searched for within the name only: from each name to the paragraph's end, a paragraph of many names was quadratic.)
  for (let i = 0; i < found; i++) {
    const f = FOUND[i];
    const k = f.end - f.start > 5 ? indexOfNational(text, f.start + 3, f.end - 1) : -1;
    if (k >= 0 && (facilityEnd(text.slice(f.start, k), 2) ?? 0) >= 2) f.end = k;
  }
  // Keep the longest reading: 大数据产业园一期工程, not also 大数据产业园 inside it.
  // (Two facility words may give one span, 庞口大道|整治提升工程: it is kept once.)
  for (let i = 0; i < found; i++) if (!outranked(FOUND, found, i)) spans.push(FOUND[i]);
}

/** store[0, count) without store[i] (the ones after it moved down): the new count. */
function removed(store: Span[], count: number, i: number): number {
  for (let j = i + 1; j < count; j++) store[j - 1] = store[j];
  return count - 1;
}

/** The park of found[0, count) whose name `f` continues with a company's project, if any. */
function parkOf(text: string, found: Span[], count: number, f: Span): Span | undefined {
  for (let j = 0; j < count; j++) {
    const g = found[j];
    if (g !== f && g.start === f.start && g.end < f.end && COMPANY_AFTER_RE.test(text.slice(g.end, f.end))) return g;
  }
  return undefined;
}

/** The first place of 国家 inside text[from, to), else -1 (no string cut for each name). */
function indexOfNational(text: string, from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === 0x56fd /* 国 */ && text.charCodeAt(i + 1) === 0x5bb6 /* 家 */) return i;
  return -1;
}

/** A company by its name (two to six characters) and what it builds, ending in works. */
const COMPANY_AFTER_RE = /^[\u4e00-\u9fff]{2,6}(?:公司|集团)[^，。]{2,}(?:项目|工程)$/;

/** Whether spans[0, count) holds one with the span of `f`. */
function hasSpan(spans: Span[], count: number, f: Span): boolean {
  for (let j = 0; j < count; j++) if (spans[j].start === f.start && spans[j].end === f.end) return true;
  return false;
}

/** 改造 or 加固 works after a facility, with what is done before it (电气化, 提质, 除险); not of a line named by its two ends. */
const RENOVATION_RE = /^[\u4e00-\u9fff]{0,4}(?:改造|加固)(?:工程|项目)$/;
/** Whether `f` is the renovation works of another of found[0, count) that it holds from its start. */
function renovationOf(text: string, found: Span[], count: number, f: Span): boolean {
  const name = text.slice(f.start, f.end);
  if (!/(?:改造|加固)(?:工程|项目)$/.test(name) || name.includes('至')) return false;
  for (let j = 0; j < count; j++) {
    const g = found[j];
    if (g !== f && g.start === f.start && g.end < f.end && RENOVATION_RE.test(text.slice(g.end, f.end))) return true;
  }
  return false;
}

/** Whether one of spans[0, count) starts inside `f` and ends before its end. */
function holdsShorter(spans: Span[], count: number, f: Span): boolean {
  for (let j = 0; j < count; j++) if (f.start <= spans[j].start && spans[j].end < f.end) return true;
  return false;
}

/** Whether another of found[0, count) covers found[i] and is longer, or is as long and came first. */
function outranked(found: Span[], count: number, i: number): boolean {
  const f = found[i];
  for (let j = 0; j < count; j++) {
    const g = found[j];
    if (j !== i && g.start <= f.start && g.end >= f.end && (g.end - g.start > f.end - f.start || j < i)) return true;
  }
  return false;
}
