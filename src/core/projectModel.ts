// A learned choice of a project name's left boundary (spec.md, "Projects"), on top of the rules (projectScan.ts).
// For each facility word the rules consider, the candidates are the name's possible starts (word boundaries
// leftwards in the clause, and the start the rules read); each is scored by a linear model over features of the
// text around it and of the rules' verdict. The best candidate above zero is the name; none above zero: no name.
// Weights are data (data/projectModel.json), trained on the tune documents only by scripts/trainProjects.mjs.
// Features depend only on the paragraph text and the lexicon: the per-paragraph cache stays valid.
import SHIPPED from '../../data/projectModel.json';
import { isHan, wordAfter, wordBefore, type LexToken, type Lexicon } from './projectLexicon';
import { sectionEnd } from './projectRoutes';
import { GENERIC, type SuffixClass } from './projectWords';
import type { Span } from './types';

/** The shipped weights: feature → weight; a candidate is taken when its features' weights sum above zero. */
export interface ProjectModel {
  weights: Record<string, number>;
}

/** One possible name at a facility word, with its features. */
export interface Candidate extends Span {
  features: string[];
}

/** The rules' answer at a facility word: the name's span, or why there is none and where the scan had got to. */
export interface RuleVerdict {
  span: Span | undefined;
  reason: string;
  scanStart: number;
}

let model: Map<string, number> | undefined = toMap(SHIPPED as ProjectModel);
/** Called with every candidate set while set (training reads the candidates through it). */
let recorder: ((text: string, candidates: Candidate[], rule: RuleVerdict) => void) | undefined;

function toMap(m: ProjectModel | undefined): Map<string, number> | undefined {
  return m && Object.keys(m.weights).length > 0 ? new Map(Object.entries(m.weights)) : undefined;
}

/** Replaces the model (undefined: the rules alone decide); for training and cross-validation. */
export function setProjectModel(m: ProjectModel | undefined): void {
  model = toMap(m);
}

/** Records each facility word's candidates (training); undefined stops recording. */
export function setCandidateRecorder(r: typeof recorder): void {
  recorder = r;
}

/** Whether a model is loaded: without one the rules' answer stands and no candidates are made. */
export const hasProjectModel = (): boolean => model !== undefined || recorder !== undefined;

/** Words read leftwards from a facility word for candidate starts, and characters at most. */
const MAX_TOKENS = 7;
const MAX_CHARS = 18;
/** Punctuation a name may hold (“两基”, 秦创原(秦都), 中国—东盟); other punctuation ends the candidates. */
const INNER_PUNCT = new Set([...'“”"()（）·—－-']);

/**
 * Rejections after which the tune documents hold (next to) no names: no candidates are made there, which keeps the
 * model's cost to the few facility words the rules read far (most are inside common words: 道路, 城市).
 */
const FINAL_REJECTIONS = new Set(['strictWord', 'stopWord', 'gluedChar', 'continuation', 'counted', 'splitWord', 'fast', 'institution', 'city', 'routeEnd', 'sloganQuote']);

/** Scores the candidates; the best above zero, else undefined. */
export function scoreCandidates(candidates: Candidate[], weights: Map<string, number>): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    let sum = 0;
    for (const f of c.features) sum += weights.get(f) ?? 0;
    if (sum > bestScore) {
      bestScore = sum;
      best = c;
    }
  }
  return best;
}

/** The name at the facility word [s, e) of the clause text[lo, hi): the model's choice, else the rules'. */
export function chooseName(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict): Span | undefined {
  if (!model && !recorder) return rule.span;
  const candidates = candidatesAt(lex, text, lo, hi, s, e, cls, rule);
  recorder?.(text, candidates, rule);
  if (!model) return rule.span;
  const best = scoreCandidates(candidates, model);
  return best && { start: best.start, end: best.end };
}

const tagClass = (tag: string) => (tag.startsWith('n') && tag.length > 1 ? tag.slice(0, 2) : tag[0] ?? '');

/** The candidates at one facility word, each with its features. */
export function candidatesAt(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict): Candidate[] {
  if (FINAL_REJECTIONS.has(rule.reason)) return [];
  const suffix = text.slice(s, e);
  const full = rule.span?.end ?? sectionEnd(text, lo, hi, e);
  // Words leftwards: the first may hold the facility word (长江路).
  const toks: LexToken[] = [];
  for (let pos = e; pos > lo && toks.length < MAX_TOKENS && e - pos < MAX_CHARS; ) {
    const t = wordBefore(lex, text, pos, lo);
    if (t.tag === 'w' && !INNER_PUNCT.has(t.word)) break;
    toks.push(t);
    pos = t.start;
  }
  const starts: number[] = [];
  for (const t of toks) if (t.start < s && (t.tag !== 'w' || t.word === '“')) starts.push(t.start);
  for (const extra of [rule.span?.start, rule.scanStart]) {
    if (extra !== undefined && extra >= lo && extra < s && !starts.includes(extra)) starts.push(extra);
  }
  const after = full < hi ? wordAfter(lex, text, full, hi) : undefined;
  const right = [`rc=${full < hi ? text[full] : '$'}`, `rt=${after ? tagClass(after.tag) : '$'}`, `rw=${after && after.word.length > 1 ? after.word : ''}`];
  const ruleOf = (start: number) =>
    rule.span ? (rule.span.start === start ? 'same' : rule.span.start < start ? 'inner' : 'outer') : rule.scanStart === start ? `at:${rule.reason}` : `no:${rule.reason}`;
  const out: Candidate[] = [];
  for (const start of starts) {
    const inner = toks.filter((t) => t.start >= start && t.start < s);
    const first = wordAfter(lex, text, start, s) ?? inner[inner.length - 1];
    const before = start > lo ? wordBefore(lex, text, start, lo) : undefined;
    const r = ruleOf(start);
    const n = Math.min(inner.length, 6);
    const f = [
      'b',
      `c=${cls}`,
      `s=${suffix}`,
      `r=${r}`,
      `r=${r}|${cls}`,
      `n=${n}|${cls}`,
      `len=${Math.min(e - start, 14)}`,
      `ft=${first ? tagClass(first.tag) : ''}|${cls}`,
      `fw=${first && first.word.length > 1 ? first.word : first ? `1${tagClass(first.tag)}` : ''}`,
      `lc=${start > lo ? (isHan(text[start - 1]) ? 'h' : text[start - 1]) : '^'}`,
      `lt=${before ? tagClass(before.tag) : '^'}`,
      `lw=${before && before.word.length > 1 ? before.word : ''}`,
      `lt=${before ? tagClass(before.tag) : '^'}|ft=${first ? tagClass(first.tag) : ''}`,
      ...right,
      `s=${suffix}|lc=${start > lo ? (isHan(text[start - 1]) ? 'h' : text[start - 1]) : '^'}`,
      `s=${suffix}|r=${r}`,
      `fc=${text[start]}`,
      `pc=${text[s - 1]}`,
    ];
    let places = 0;
    let generic = 0;
    let ones = 0;
    for (const t of inner) {
      if (t.tag.startsWith('ns')) places++;
      if (GENERIC.has(t.word)) generic++;
      if (t.word.length === 1 && isHan(t.word)) ones++;
      f.push(`it=${tagClass(t.tag)}`);
      if (t.word.length > 1) f.push(`iw=${t.word}`);
    }
    f.push(`ns=${Math.min(places, 2)}|${cls}`, `gen=${Math.min(generic, 2)}`, `one=${Math.min(ones, 3)}`);
    out.push({ start, end: full, features: f });
  }
  return out;
}
