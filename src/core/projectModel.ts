// A learned choice of a project name's left boundary (spec.md, "Projects"), on top of the rules (projectScan.ts).
// For each facility word the rules consider, the candidates are the name's possible starts (word boundaries
// leftwards in the clause, and the start the rules read); each is scored by a linear model over features of the
// text around it and of the rules' verdict. The best candidate above zero is the name; none above zero: no name.
// Weights are data (data/projectModel.json), trained on the tune documents only by scripts/trainProjects.mjs.
// Features depend only on the paragraph text and the lexicon: the per-paragraph cache stays valid.
import SHIPPED from '../../data/projectModel.json';
import { CONSTANTS, describe, MAX_TOKENS, type RuleVerdict, type Sink, T, TEMPLATES, TOKEN_CLASS, type Value } from './projectFeatures';
import { anyWordAfter, type LexToken, type Lexicon } from './projectLexicon';
import { sectionEnd } from './projectRoutes';
import { adverbPhrase, FUNCTION_CHARS, PREDICATE, type SuffixClass } from './projectWords';
import type { Span } from './types';

export type { RuleVerdict } from './projectFeatures';

/** The shipped weights: feature name (template=value, or template=value|value) → weight. */
export interface ProjectModel {
  weights: Record<string, number>;
}

/** One possible name at a facility word, with its features' names (for training). */
export interface Candidate extends Span {
  features: string[];
}

const TEMPLATE_BITS = 16;
const VALUE_RANGE = 4096;

/** A model ready to score: weights by feature number, and the numbers of the values its features hold. */
interface Compiled {
  weights: WeightTable;
  /** The weights of the features numbered below DENSE (counts alone: len, gen, one; the bias), read without hashing. */
  dense: Float64Array;
  values: Map<string, number>;
}
/** Feature numbers below this are those of a template and a count under VALUE_RANGE / 4 / TEMPLATE_BITS alone. */
const DENSE = 256;

/**
 * The weights by feature number, 0 for a feature the model does not hold: open addressing over typed arrays of a
 * few kilobytes, which stay in the cache (a Map's look-up was a third of the scoring's time). The feature numbers
 * (EMPTY in a free slot) are an array of their own, 4 KB for the shipped model, the weights another (8 KB): a
 * look-up reads one cache line of the numbers, and one of the weights only for a feature the model holds. (The two
 * side by side, twice as full a table, were 64 KB, and most of a look-up's time was the line read.)
 */
class WeightTable {
  private readonly keys: Int32Array;
  /** By place (placeOf): read by the scorer itself, a weight returned from a call not inlined was a heap number made. */
  readonly weights: Float64Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let size = 16;
    while (size * 2 < entries.size * 3) size *= 2; // (at most two thirds full)
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
    const at = this.placeOf(k);
    return at < 0 ? 0 : this.weights[at];
  }

  /** The place of feature k's weight in `weights`, -1 when the model does not hold it. */
  placeOf(k: number): number {
    const keys = this.keys;
    for (let at = slotOf(k) & this.mask, x; (x = keys[at]) !== EMPTY; at = (at + 1) & this.mask) if (x === k) return at;
    return -1;
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
  const table = new WeightTable(weights);
  const dense = new Float64Array(DENSE);
  for (let k = 0; k < DENSE; k++) dense[k] = table.get(k);
  return { weights: table, dense, values };
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

/**
 * Rejections after which the tune documents hold (next to) no names: no candidates are made there, which keeps the
 * model's cost to the few facility words the rules read far (most are inside common words: 道路, 城市).
 */
const FINAL_REJECTIONS = new Set(['strictWord', 'company', 'stopWord', 'gluedChar', 'continuation', 'counted', 'splitWord', 'fast', 'institution', 'city', 'routeEnd', 'sloganQuote', 'strictPair', 'notFacility', 'notAProject', 'sloganWorks', 'nothingBefore', 'verbHolder']);

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
const RECENT_VALUES = 128;

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
  /** The weight of each word's it=class feature (words). */
  private readonly wordWeights = new Float64Array(MAX_TOKENS);
  /**
   * The value numbers of strings asked lately (the facility word and its class, at every facility word described), by
   * a slot of their last character and length: a Map's look-up, its table and the key it compares out of the cache,
   * was a fifth of describe's time.
   */
  private readonly recentStrings = new Array<string | undefined>(RECENT_VALUES).fill(undefined);
  private readonly recentValues = new Int32Array(RECENT_VALUES);

  reset(model: Compiled): void {
    if (this.model !== model) {
      this.model = model;
      this.recentStrings.fill(undefined);
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
    const slot = (v.charCodeAt(v.length - 1) ^ (v.length << 4)) & (RECENT_VALUES - 1); // (NaN for '': slot 0)
    if (this.recentStrings[slot] === v) return this.recentValues[slot];
    const id = this.model.values.get(v) ?? UNKNOWN;
    this.recentStrings[slot] = v;
    this.recentValues[slot] = id;
    return id;
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
    if (a === UNKNOWN || b === UNKNOWN) return;
    const k = key(t, a, b);
    if (k < DENSE) this.sum += this.model.dense[k];
    else {
      const table = this.model.weights;
      const at = table.placeOf(k);
      this.sum += at < 0 ? 0 : table.weights[at];
    }
  }
  words(count: number): void {
    for (let k = 0; k < count; k++) {
      const a = TOKEN_CLASS[k] as number;
      const at = a === UNKNOWN ? -1 : this.model.weights.placeOf(key(T.it, a, 0));
      this.wordWeights[k] = at < 0 ? 0 : this.model.weights.weights[at];
    }
  }
  word(k: number): void {
    this.sum += this.wordWeights[k];
  }
  done(start: number): void {
    if (this.sum > this.bestScore) (this.bestScore = this.sum), (this.best = start);
  }
}
const scorer = new Scorer();

/**
 * The name at the facility word [s, e) of the clause text[lo, hi): the model's choice, else the rules'. `suffix`: the
 * facility word, when the caller has it.
 */
export function chooseName(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict, suffix = text.slice(s, e)): Span | undefined {
  if (model === null) model = compile(SHIPPED as ProjectModel);
  if ((!model && !recorder) || FINAL_REJECTIONS.has(rule.reason)) return rule.span;
  if (recorder) {
    const candidates: Candidate[] = [];
    const shared: string[] = [];
    let features = shared;
    const end = endOf(text, lo, hi, e, rule);
    describe(lex, text, lo, hi, s, e, cls, rule, {
      value: (v) => v,
      tagValue: tagClass,
      constant: (c) => CONSTANTS[c],
      verdicts: verdictsOf,
      start: () => (features = [...shared]),
      add: (t, a, b) => features.push(featureName(t, a, b)),
      words: () => {},
      word: (k) => features.push(featureName(T.it, TOKEN_CLASS[k], undefined)),
      done: (start) => candidates.push({ start, end, features }),
    });
    recorder(text, candidates, rule);
    if (!model) return rule.span;
  }
  scorer.reset(model!);
  describe(lex, text, lo, hi, s, e, cls, rule, scorer, suffix);
  if (scorer.best < 0 || (!rule.span && !overrulable(lex, text, scorer.best, s))) return undefined;
  return { start: scorer.best, end: endOf(text, lo, hi, e, rule) };
}

/** A name ends where the rules end it, after its phase or section (…一期, 北段), whatever its start. (No closure per facility word.) */
const endOf = (text: string, lo: number, hi: number, e: number, rule: RuleVerdict) => rule.span?.end ?? sectionEnd(text, lo, hi, e);

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

