// A learned choice of a project name's left boundary (spec.md, "Projects"), on top of the rules (projectScan.ts).
// For each facility word the rules consider, the candidates are the name's possible starts (word boundaries
// leftwards in the clause, and the start the rules read); each is scored by a linear model over features of the
// text around it and of the rules' verdict. The best candidate above zero is the name; none above zero: no name.
// Weights are data (data/projectModel.json), trained on the tune documents only by scripts/trainProjects.mjs.
// Features depend only on the paragraph text and the lexicon: the per-paragraph cache stays valid.
import SHIPPED from '../../data/projectModel.json';
import { anyWordAfter, isHanCode, wordAfter, wordBefore, type LexToken, type Lexicon } from './projectLexicon';
import { sectionEnd } from './projectRoutes';
import { adverbPhrase, FUNCTION_CHARS, GENERIC, PREDICATE, type SuffixClass } from './projectWords';
import type { Span } from './types';

/** The shipped weights: feature name (template=value, or template=value|value) → weight. */
export interface ProjectModel {
  weights: Record<string, number>;
}

/** One possible name at a facility word, with its features' names (for training). */
export interface Candidate extends Span {
  features: string[];
}

/** The rules' answer at a facility word: the name's span, or why there is none and where the scan had got to. */
export interface RuleVerdict {
  span: Span | undefined;
  reason: string;
  scanStart: number;
}

/**
 * Feature templates, by number: a feature is a template and one or two values (strings or small numbers). Named
 * `name=a` or `name=a|b` in the weights file; looked up by a number made of the template and the values' numbers, so
 * that scoring builds no strings (it runs at most facility words of every paragraph).
 */
const TEMPLATES = [
  'b', // bias
  'c', // the facility word's class (projectWords.ts)
  's', // the facility word
  'rt', // the class of the tag of the word after the name
  'r', // the rules' verdict: same, inner, outer (their name's start against this one), at:reason, no:reason
  'rc', // the verdict and the class
  'n', // words before the facility word, and the class
  'len', // characters up to the facility word's end
  'ft', // the class of the first word's tag, and the facility word's class
  'lc', // the character before the name: h for a Han character, ^ at the clause start, else itself
  'lt', // the class of the tag of the word before the name
  'ns', // places among the words, and the class
  'gen', // generic words among them
  'one', // one-character words among them
  'it', // the class of each word's tag
] as const;
const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<(typeof TEMPLATES)[number], number>;
const TEMPLATE_BITS = 16;
const VALUE_RANGE = 4096;

type Value = string | number;

/** A model ready to score: weights by feature number, and the numbers of the values its features hold. */
interface Compiled {
  weights: WeightTable;
  values: Map<string, number>;
}

/**
 * The weights by feature number, 0 for a feature the model does not hold: open addressing over typed arrays of a
 * few kilobytes, which stay in the cache (a Map's look-up was a third of the scoring's time).
 */
class WeightTable {
  /** Feature numbers (never negative), EMPTY in a free slot. */
  private readonly keys: Int32Array;
  private readonly weights: Float64Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let size = 16;
    while (size < entries.size * 4) size *= 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.weights = new Float64Array(size);
    this.mask = size - 1;
    for (const [k, w] of entries) {
      if (k !== (k | 0) || k < 0) throw new Error(`projectModel.json: feature number ${k} out of range`);
      let at = slotOf(k) & this.mask;
      while (this.keys[at] !== EMPTY) at = (at + 1) & this.mask;
      this.keys[at] = k;
      this.weights[at] = w;
    }
  }

  get(k: number): number {
    for (let at = slotOf(k) & this.mask, x; (x = this.keys[at]) !== EMPTY; at = (at + 1) & this.mask) if (x === k) return this.weights[at];
    return 0;
  }
}
const EMPTY = -1;
const slotOf = (k: number) => Math.imul(k | 0, 0x9e3779b1) >>> 16;

/** Templates whose first value is a count: its own value number (strings get numbers from VALUE_RANGE / 4 on). */
const COUNTS = new Set([T.b, T.n, T.len, T.ns, T.gen, T.one]);
function compile(m: ProjectModel | undefined): Compiled | undefined {
  const entries = Object.entries(m?.weights ?? {});
  if (entries.length === 0) return undefined;
  const values = new Map<string, number>();
  const valueOf = (v: string) => {
    let id = values.get(v);
    if (id === undefined) values.set(v, (id = VALUE_RANGE / 4 + values.size));
    return id;
  };
  const weights = new Map<number, number>();
  for (const [name, w] of entries) {
    const eq = name.indexOf('=');
    const t = TEMPLATES.indexOf((eq < 0 ? name : name.slice(0, eq)) as (typeof TEMPLATES)[number]);
    if (t < 0) throw new Error(`projectModel.json: unknown feature ${name}`);
    const rest = eq < 0 ? '' : name.slice(eq + 1);
    const bar = t === T.lc || t === T.s ? -1 : rest.lastIndexOf('|');
    const a = bar < 0 ? rest : rest.slice(0, bar);
    weights.set(key(t, COUNTS.has(t) ? Number(a) : valueOf(a), bar < 0 ? 0 : valueOf(rest.slice(bar + 1))), w);
  }
  return { weights: new WeightTable(weights), values };
}

const key = (t: number, a: number, b: number) => t + (a + b * VALUE_RANGE) * TEMPLATE_BITS;
const featureName = (t: number, a: Value, b: Value | undefined) => (t === T.b ? 'b' : `${TEMPLATES[t]}=${a}${b === undefined ? '' : `|${b}`}`);

/** The model in use: null until first needed (nothing is built on import), then the shipped one unless replaced. */
let model: Compiled | undefined | null = null;
/** Called with every candidate set while set (training reads the candidates through it). */
let recorder: ((text: string, candidates: Candidate[], rule: RuleVerdict) => void) | undefined;

/** Replaces the model (undefined: the rules alone decide); for training and cross-validation. */
export function setProjectModel(m: ProjectModel | undefined): void {
  model = compile(m);
}

/** Records each facility word's candidates (training); undefined stops recording. */
export function setCandidateRecorder(r: typeof recorder): void {
  recorder = r;
}

/** Words read leftwards from a facility word for candidate starts, and characters at most. */
const MAX_TOKENS = 7;
const MAX_CHARS = 18;
/** Per word read by describe: a place, a generic word, one Han character (0 or 1), its tag's class. */
const TOKEN_PLACE = new Uint8Array(MAX_TOKENS);
const TOKEN_GENERIC = new Uint8Array(MAX_TOKENS);
const TOKEN_ONE = new Uint8Array(MAX_TOKENS);
/** (The class as the sink takes it: Sink.value.) */
const TOKEN_CLASS: Value[] = new Array<Value>(MAX_TOKENS).fill('');
/**
 * By character code, the lengths (bit k: length k) of the GENERIC words that start, and that end, with it: most
 * words are ruled out by two array reads, without hashing a word just sliced from the text.
 */
const GENERIC_FIRST = new Uint8Array(0x10000);
const GENERIC_LAST = new Uint8Array(0x10000);
for (const w of GENERIC) {
  GENERIC_FIRST[w.charCodeAt(0)] |= 1 << w.length;
  GENERIC_LAST[w.charCodeAt(w.length - 1)] |= 1 << w.length;
}
const isGeneric = (w: string) => {
  const bit = 1 << w.length;
  return (GENERIC_FIRST[w.charCodeAt(0)] & bit) !== 0 && (GENERIC_LAST[w.charCodeAt(w.length - 1)] & bit) !== 0 && GENERIC.has(w);
};
/** Punctuation a name may hold (“两基”, 秦创原(秦都), 中国—东盟); other punctuation ends the candidates. */
const INNER_PUNCT = new Set([...'“”"()（）·—－-']);

/**
 * Rejections after which the tune documents hold (next to) no names: no candidates are made there, which keeps the
 * model's cost to the few facility words the rules read far (most are inside common words: 道路, 城市).
 */
const FINAL_REJECTIONS = new Set(['strictWord', 'company', 'stopWord', 'gluedChar', 'continuation', 'counted', 'splitWord', 'fast', 'institution', 'city', 'routeEnd', 'sloganQuote', 'strictPair', 'notFacility', 'notAProject', 'sloganWorks', 'nothingBefore', 'verbHolder']);

/**
 * Receives the features a facility word's candidates share, then each candidate's own (`start` opens one), then
 * the candidate's start (`done`).
 */
interface Sink {
  /** A string value as add takes it: for the scorer its number (UNKNOWN when no feature holds it), else itself. */
  value(v: string): Value;
  /** The class of a word's tag (tagClass) as add takes it. */
  tagValue(tag: string): Value;
  /** A value of CONSTANTS (by index) as add takes it. */
  constant(c: number): Value;
  /** The verdicts of a rejection (verdictsOf) as add takes them. */
  verdicts(reason: string): readonly [Value, Value];
  start(): void;
  /** A feature: its values are counts or what value and tagValue gave (the scorer then reads numbers only). */
  add(t: number, a: Value, b?: Value): void;
  done(start: number): void;
}
/**
 * Values describe gives for every candidate, by index (K): the scorer numbers them once per model, not with a look-up
 * for each candidate.
 */
const CONSTANTS = ['same', 'inner', 'outer', 'h', '^', 'w', '$', ''];
const K = { same: 0, inner: 1, outer: 2, han: 3, clauseStart: 4, punctuation: 5, clauseEnd: 6, none: 7 } as const;
/** The scorer's number of a value no feature of the model holds (value numbers and counts are never negative). */
const UNKNOWN = -1;

/**
 * A tag's class (tagClass) by its characters' codes: the first letter, or 128 + the second for a noun's; -1 for a tag
 * not in ASCII. Read in place of hashing the tag for a Map.
 */
function tagSlot(tag: string): number {
  const first = tag.charCodeAt(0);
  if (!(first < 128)) return -1;
  if (first !== 0x6e /* n */ || tag.length === 1) return first;
  const second = tag.charCodeAt(1);
  return second < 128 ? 128 + second : -1;
}
const TAG_SLOTS = 256;
const NOT_YET = -2;

/** Sums the weights of the features given it; keeps the best candidate above zero. One for the process. */
class Scorer implements Sink {
  model!: Compiled;
  shared = 0;
  sum = 0;
  opened = false;
  best = -1;
  bestScore = 0;
  /** The value numbers of the classes of tags for `model`, by tagSlot; NOT_YET until first asked. */
  private readonly tagValues = new Int32Array(TAG_SLOTS);
  /** The value numbers of CONSTANTS, and of the verdicts by reason, for `model`. */
  private constants: number[] = [];
  private verdictValues = new Map<string, [number, number]>();

  reset(model: Compiled): void {
    if (this.model !== model) {
      this.model = model;
      this.tagValues.fill(NOT_YET);
      this.constants = CONSTANTS.map((c) => this.value(c));
      this.verdictValues = new Map();
    }
    this.sum = 0;
    this.opened = false;
    this.best = -1;
    this.bestScore = 0;
  }
  start(): void {
    if (!this.opened) (this.shared = this.sum), (this.opened = true);
    this.sum = this.shared;
  }
  value(v: string): number {
    return this.model.values.get(v) ?? UNKNOWN;
  }
  tagValue(tag: string): number {
    const slot = tagSlot(tag);
    if (slot < 0) return this.value(tagClass(tag));
    let v = this.tagValues[slot];
    if (v === NOT_YET) this.tagValues[slot] = v = this.value(tagClass(tag));
    return v;
  }
  constant(c: number): number {
    return this.constants[c];
  }
  verdicts(reason: string): [number, number] {
    let v = this.verdictValues.get(reason);
    if (v === undefined) this.verdictValues.set(reason, (v = verdictsOf(reason).map((x) => this.value(x)) as [number, number]));
    return v;
  }
  add(t: number, a: number, b = 0): void {
    // (A value no feature of the model holds: weight 0.)
    if (a !== UNKNOWN && b !== UNKNOWN) this.sum += this.model.weights.get(key(t, a, b));
  }
  done(start: number): void {
    if (this.sum > this.bestScore) (this.bestScore = this.sum), (this.best = start);
  }
}
const scorer = new Scorer();

/** The name at the facility word [s, e) of the clause text[lo, hi): the model's choice, else the rules'. */
export function chooseName(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict): Span | undefined {
  if (model === null) model = compile(SHIPPED as ProjectModel);
  if ((!model && !recorder) || FINAL_REJECTIONS.has(rule.reason)) return rule.span;
  // A name ends where the rules end it, after its phase or section (…一期, 北段), whatever its start.
  const endOf = () => rule.span?.end ?? sectionEnd(text, lo, hi, e);
  if (recorder) {
    const candidates: Candidate[] = [];
    const shared: string[] = [];
    let features = shared;
    const end = endOf();
    describe(lex, text, lo, hi, s, e, cls, rule, {
      value: (v) => v,
      tagValue: tagClass,
      constant: (c) => CONSTANTS[c],
      verdicts: verdictsOf,
      start: () => (features = [...shared]),
      add: (t, a, b) => features.push(featureName(t, a, b)),
      done: (start) => candidates.push({ start, end, features }),
    });
    recorder(text, candidates, rule);
    if (!model) return rule.span;
  }
  scorer.reset(model!);
  describe(lex, text, lo, hi, s, e, cls, rule, scorer);
  if (scorer.best < 0 || (!rule.span && !overrulable(lex, text, scorer.best, s))) return undefined;
  return { start: scorer.best, end: endOf() };
}

/**
 * Whether the words text[start, s) may name something the rules rejected: no verb that acts on a project, alone
 * or ending a set phrase (中央政府|全力支持|香港), and no function character (不适销对路) among them.
 */
function overrulable(lex: Lexicon, text: string, start: number, s: number): boolean {
  const acting = (w: LexToken) =>
    PREDICATE.has(w.word) || adverbPhrase(w.word) || (w.word.length > 2 && PREDICATE.has(w.word.slice(-2))) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word));
  // (安全高效发展|核电: qualities and a verb, no noun or name among them.)
  const named = (w: LexToken) => /^(?:n|x|eng|m|j|f|s)/.test(w.tag) || w.word.length === 1;
  return !anyWordAfter(lex, text, start, s, acting) && anyWordAfter(lex, text, start, s, named);
}

const tagClasses = new Map<string, string>();
/** A tag's class (ns, nr, v, a, …): nouns by their first two letters, others by their first. */
function tagClass(tag: string): string {
  let c = tagClasses.get(tag);
  if (c === undefined) tagClasses.set(tag, (c = tag.startsWith('n') && tag.length > 1 ? tag.slice(0, 2) : (tag[0] ?? '')));
  return c;
}
const verdicts = new Map<string, [string, string]>();
/** The verdicts of a rejection (at:reason at the start the scan had read, no:reason elsewhere), made once. */
function verdictsOf(reason: string): [string, string] {
  let v = verdicts.get(reason);
  if (v === undefined) verdicts.set(reason, (v = [`at:${reason}`, `no:${reason}`]));
  return v;
}

/**
 * The candidates at one facility word: its possible starts (word boundaries leftwards, the rules' start), with
 * their features.
 */
function describe(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict, sink: Sink): void {
  // Words leftwards: the first may hold the facility word (长江路).
  const toks: LexToken[] = [];
  // A name the rules give is kept, dropped or lengthened by one word (its words and the one before it are read); one
  // they reject may start up to two words before where their scan stopped. Reading no further keeps the cost down
  // and lost nothing in cross-validation.
  const last = rule.span ? rule.span.start : rule.scanStart >= lo ? rule.scanStart : lo - 1;
  let beyond = rule.span ? 1 : 2;
  for (let pos = e; pos > lo && toks.length < MAX_TOKENS && e - pos < MAX_CHARS && beyond > 0; ) {
    const t = wordBefore(lex, text, pos, lo);
    if (t.start < last) beyond--;
    if ((t.tag === 'w' && !INNER_PUNCT.has(t.word)) || adverbPhrase(t.word)) break;
    toks.push(t);
    pos = t.start;
  }
  // What each word counts for, worked out once rather than for every candidate that holds it.
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    TOKEN_PLACE[k] = t.tag.charCodeAt(0) === 0x6e && t.tag.charCodeAt(1) === 0x73 ? 1 : 0; // (ns…)
    TOKEN_GENERIC[k] = isGeneric(t.word) ? 1 : 0;
    TOKEN_ONE[k] = t.word.length === 1 && isHanCode(t.word.charCodeAt(0)) ? 1 : 0;
    TOKEN_CLASS[k] = sink.tagValue(t.tag);
  }
  const after = e < hi ? wordAfter(lex, text, e, hi) : undefined;
  const clsValue = sink.value(cls);
  sink.add(T.b, 0);
  sink.add(T.c, clsValue);
  sink.add(T.s, sink.value(text.slice(s, e)));
  sink.add(T.rt, after ? sink.tagValue(after.tag) : sink.constant(K.clauseEnd));
  const [atScan, elsewhere] = sink.verdicts(rule.reason);
  // (firstClass, beforeClass: the classes of the tags of the candidate's first word and of the word before it.)
  const emit = (start: number, firstClass: Value, beforeClass: Value | undefined) => {
    const r = rule.span ? sink.constant(rule.span.start === start ? K.same : rule.span.start < start ? K.inner : K.outer) : rule.scanStart === start ? atScan : elsewhere;
    sink.start();
    sink.add(T.r, r);
    sink.add(T.rc, r, clsValue);
    let words = 0;
    let places = 0;
    let generic = 0;
    let ones = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.start < start) break;
      if (t.start >= s) continue; // the facility word itself
      words++;
      places += TOKEN_PLACE[k];
      generic += TOKEN_GENERIC[k];
      ones += TOKEN_ONE[k];
      sink.add(T.it, TOKEN_CLASS[k]);
    }
    sink.add(T.n, Math.min(words, 6), clsValue);
    sink.add(T.len, Math.min(e - start, 14));
    sink.add(T.ft, firstClass, clsValue);
    sink.add(T.lc, start <= lo ? sink.constant(K.clauseStart) : isHanCode(text.charCodeAt(start - 1)) ? sink.constant(K.han) : sink.value(text[start - 1]));
    sink.add(T.lt, beforeClass ?? sink.constant(start > lo ? K.punctuation : K.clauseStart));
    sink.add(T.ns, Math.min(places, 2), clsValue);
    sink.add(T.gen, Math.min(generic, 2));
    sink.add(T.one, Math.min(ones, 3));
    sink.done(start);
  };
  let rulesStartSeen = false;
  let scanStartSeen = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    // (Cutting a name the rules give was never better in cross-validation: no candidate inside it but their scan's.)
    if (t.start >= s || (t.tag === 'w' && t.word !== '“') || (rule.span && t.start > rule.span.start)) continue;
    if (t.start === rule.span?.start) rulesStartSeen = true;
    if (t.start === rule.scanStart) scanStartSeen = true;
    emit(t.start, TOKEN_CLASS[k], k + 1 < toks.length ? TOKEN_CLASS[k + 1] : undefined);
  }
  // The rules' own start, when their reading of the words differs from the one above.
  const classOf = (t: LexToken | undefined) => (t ? sink.tagValue(t.tag) : undefined);
  const extra = (at: number) => emit(at, classOf(wordAfter(lex, text, at, s)) ?? sink.constant(K.none), classOf(at > lo ? wordBefore(lex, text, at, lo) : undefined));
  if (rule.span && !rulesStartSeen && rule.span.start >= lo && rule.span.start < s) extra(rule.span.start);
  if (!scanStartSeen && rule.scanStart >= lo && rule.scanStart < s && rule.scanStart !== rule.span?.start) extra(rule.scanStart);
}
