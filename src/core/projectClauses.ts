// The names at the facility words of one clause (projects.ts reads a paragraph clause by clause): the rules'
// (projectScan.ts) and the learned model's choice (projectModel.ts) at each, then compared with each other (the
// longest reading kept, renovation works of a facility named are the facility, a national designation after a name
// is not part of it).
import { type Lexicon } from './projectLexicon';
import { facilityEnd } from './projectMembers';
import { chooseName, type RuleVerdict } from './projectModel';
import { nameAt, scanVerdict } from './projectScan';
import { facilityIndexAt, SUFFIX_CLASS_BY_INDEX } from './projectSuffixes';
import { SUFFIX_CLASS, SUFFIXES } from './projectWords';
import type { Span } from './types';

/**
 * Facility words whose names are compared with each other at most: the comparisons are quadratic, and a clause of
 * thousands of them (a hostile or broken text without punctuation) must stay linear. A real clause holds a few.
 */
export const MAX_ENDS = 64;

/** The rules' verdict as chooseName reads it, one object filled for each facility word (chooseName keeps none). */
const VERDICT: RuleVerdict = { span: undefined, reason: '', scanStart: -1 };

/** The names at the facility words ends[from, to) (some of a clause's, start and end in turn), onto `spans`. */
export function namesAmong(lex: Lexicon, text: string, lo: number, hi: number, ends: number[], from: number, to: number, spans: Span[]): void {
  // (Most clauses give no name: the lists are made for those that do.)
  let found: Span[] | undefined;
  let rulesFound: Span[] | undefined;
  for (let k = from; k < to; k += 2) {
    const s = ends[k];
    const e = ends[k + 1];
    // (The facility word and its class by its place among SUFFIXES: no Map look-up by its string.)
    const index = facilityIndexAt(text, s, e);
    const suffix = index >= 0 ? SUFFIXES[index] : text.slice(s, e);
    const cls = index >= 0 ? SUFFIX_CLASS_BY_INDEX[index] : SUFFIX_CLASS.get(suffix)!;
    const rule = nameAt(lex, text, lo, hi, s, e, cls, suffix);
    if (rule) (rulesFound ??= []).push(rule);
    // The learned model (projectModel.ts) may move the rules' start or overrule them.
    VERDICT.span = rule;
    VERDICT.reason = scanVerdict.reason;
    VERDICT.scanStart = scanVerdict.start;
    const span = chooseName(lex, text, lo, hi, s, e, cls, VERDICT, suffix);
    if (span) (found ??= []).push(span);
  }
  if (!found) return;
  // A name the rules rejected does not swallow one they gave (上阳宫文化园|开园: 开园 is no facility).
  if (rulesFound) {
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      if (!hasSpan(rulesFound, f) && holdsShorter(rulesFound, f)) found.splice(i, 1);
    }
  }
  // (What follows compares names with each other: one name alone, most clauses', is not.)
  if (found.length > 1) {
    // 青藏铁路格拉段电气化改造工程, X水库除险加固工程: renovation works of a facility found in them are that facility (GUIDELINES.md).
    for (let i = found.length - 1; i >= 0; i--) if (renovationOf(text, found, found[i])) found.splice(i, 1);
    // 庞佐电器电料产业园区|京阳公司新型线缆项目: a company's project in a park is a name after the park's.
    for (const f of found) {
      const park = found.find((g) => g !== f && g.start === f.start && g.end < f.end && COMPANY_AFTER_RE.test(text.slice(g.end, f.end)));
      if (park) f.start = park.end;
    }
  }
  // 中欧班列国家集结中心, 石河子经济技术开发区国家级零碳园区: a national designation after a facility named in full is the
  // facility's; the name ends before it. (隋唐洛阳城国家历史文化公园, 黄岩岛国家级自然保护区: a place named by 城 or 岛 names the park.)
  // (Searched for within the name only: from each name to the paragraph's end, a paragraph of many names was quadratic.)
  for (const f of found) {
    const k = f.end - f.start > 5 ? indexOfNational(text, f.start + 3, f.end - 1) : -1;
    if (k >= 0 && (facilityEnd(text.slice(f.start, k), 2) ?? 0) >= 2) f.end = k;
  }
  // Keep the longest reading: 大数据产业园一期工程, not also 大数据产业园 inside it.
  // (Two facility words may give one span, 庞口大道|整治提升工程: it is kept once.)
  for (let i = 0; i < found.length; i++) if (!outranked(found, i)) spans.push(found[i]);
}

/** The first place of 国家 inside text[from, to), else -1 (no string cut for each name). */
function indexOfNational(text: string, from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === 0x56fd /* 国 */ && text.charCodeAt(i + 1) === 0x5bb6 /* 家 */) return i;
  return -1;
}

/** A company by its name (two to six characters) and what it builds, ending in works. */
const COMPANY_AFTER_RE = /^[\u4e00-\u9fff]{2,6}(?:公司|集团)[^，。]{2,}(?:项目|工程)$/;

/** Whether `spans` holds one with the span of `f`. */
function hasSpan(spans: Span[], f: Span): boolean {
  for (const r of spans) if (r.start === f.start && r.end === f.end) return true;
  return false;
}

/** 改造 or 加固 works after a facility, with what is done before it (电气化, 提质, 除险); not of a line named by its two ends. */
const RENOVATION_RE = /^[\u4e00-\u9fff]{0,4}(?:改造|加固)(?:工程|项目)$/;
/** Whether `f` is the renovation works of another of `found` that it holds from its start. */
function renovationOf(text: string, found: Span[], f: Span): boolean {
  const name = text.slice(f.start, f.end);
  if (!/(?:改造|加固)(?:工程|项目)$/.test(name) || name.includes('至')) return false;
  return found.some((g) => g !== f && g.start === f.start && g.end < f.end && RENOVATION_RE.test(text.slice(g.end, f.end)));
}

/** Whether one of `spans` starts inside `f` and ends before its end. */
function holdsShorter(spans: Span[], f: Span): boolean {
  for (const r of spans) if (f.start <= r.start && r.end < f.end) return true;
  return false;
}

/** Whether another of `found` covers found[i] and is longer, or is as long and came first. */
function outranked(found: Span[], i: number): boolean {
  const f = found[i];
  for (let j = 0; j < found.length; j++) {
    const g = found[j];
    if (j !== i && g.start <= f.start && g.end >= f.end && (g.end - g.start > f.end - f.start || j < i)) return true;
  }
  return false;
}
