// The features of the learned model's candidates (projectModel.ts): at a facility word, the possible starts of its
// name (word boundaries leftwards in the clause, and the start the rules read), each with its features, given to a
// sink: the scorer, or the training recorder (scripts/trainProjects.mjs), which must see the same candidates.
import { isHanCode, wordAfter, wordBefore, type LexToken, type Lexicon } from './projectLexicon';
import { adverbPhrase, GENERIC, type SuffixClass } from './projectWords';
import { wordAfterEnd } from './projectWordsAt';
import type { Span } from './types';

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
export const TEMPLATES = [
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
export const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<(typeof TEMPLATES)[number], number>;

/** A feature's value: a count, a string, or (for the scorer) the string's number. */
export type Value = string | number;

/** Words read leftwards from a facility word for candidate starts, and characters at most. */
export const MAX_TOKENS = 7;
const MAX_CHARS = 18;
/** Per word read by describe: a place, a generic word, one Han character (0 or 1), its tag's class. */
const TOKEN_PLACE = new Uint8Array(MAX_TOKENS);
const TOKEN_GENERIC = new Uint8Array(MAX_TOKENS);
const TOKEN_ONE = new Uint8Array(MAX_TOKENS);
/** (The class as the sink takes it: Sink.value.) */
export const TOKEN_CLASS: Value[] = new Array<Value>(MAX_TOKENS).fill('');
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
 * Receives the features a facility word's candidates share, then each candidate's own (`start` opens one), then
 * the candidate's start (`done`).
 */
export interface Sink {
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
  /** The words read are known (TOKEN_CLASS[0, count)): the scorer weighs each word's class once, not per candidate. */
  words(count: number): void;
  /** The candidate holds word k: the feature it=TOKEN_CLASS[k]. */
  word(k: number): void;
  done(start: number): void;
}
/**
 * Values describe gives for every candidate, by index (K): the scorer numbers them once per model, not with a look-up
 * for each candidate.
 */
export const CONSTANTS = ['same', 'inner', 'outer', 'h', '^', 'w', '$', ''];
const K = { same: 0, inner: 1, outer: 2, han: 3, clauseStart: 4, punctuation: 5, clauseEnd: 6, none: 7 } as const;
/** The words describe read leftwards from the facility word, reused from call to call (describe is not re-entered). */
const TOKENS: LexToken[] = [];
/**
 * What emit reads of the facility word being described, set by describe: one object for the process, not a closure
 * over a dozen variables made for each facility word.
 */
const described = {
  sink: undefined as unknown as Sink,
  text: '',
  lo: 0,
  s: 0,
  e: 0,
  /** The words read (TOKENS[0, count)), and the first that is no part of the facility word. */
  count: 0,
  first: 0,
  rule: undefined as unknown as RuleVerdict,
  clsValue: 0 as Value,
  atScan: 0 as Value,
  elsewhere: 0 as Value,
};

/**
 * The candidates at one facility word: its possible starts (word boundaries leftwards, the rules' start), with
 * their features. `suffix`: the facility word text[s, e), when the caller has it (not sliced again).
 */
export function describe(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, rule: RuleVerdict, sink: Sink, suffix = text.slice(s, e)): void {
  // Words leftwards: the first may hold the facility word (长江路).
  // A name the rules give is kept, dropped or lengthened by one word (its words and the one before it are read); one
  // they reject may start up to two words before where their scan stopped. Reading no further keeps the cost down
  // and lost nothing in cross-validation.
  const last = rule.span ? rule.span.start : rule.scanStart >= lo ? rule.scanStart : lo - 1;
  let beyond = rule.span ? 1 : 2;
  let count = 0;
  let first = 0; // (the words inside the facility word come first)
  for (let pos = e; pos > lo && count < MAX_TOKENS && e - pos < MAX_CHARS && beyond > 0; ) {
    const t = wordBefore(lex, text, pos, lo);
    if (t.start < last) beyond--;
    if ((t.tag === 'w' && !INNER_PUNCT.has(t.word)) || adverbPhrase(t.word)) break;
    // What each word counts for, worked out once rather than for every candidate that holds it (and as it is read,
    // not in a second pass over the words).
    if (t.start >= s) first = count + 1;
    TOKEN_PLACE[count] = t.tag.charCodeAt(0) === 0x6e && t.tag.charCodeAt(1) === 0x73 ? 1 : 0; // (ns…)
    TOKEN_GENERIC[count] = isGeneric(t.word) ? 1 : 0;
    TOKEN_ONE[count] = t.word.length === 1 && isHanCode(t.word.charCodeAt(0)) ? 1 : 0;
    TOKEN_CLASS[count] = sink.tagValue(t.tag);
    TOKENS[count++] = t;
    pos = t.start;
  }
  sink.words(count);
  const after = e < hi ? wordAfterEnd(lex, text, e, hi) : undefined;
  const clsValue = sink.value(cls);
  sink.add(T.b, 0);
  sink.add(T.c, clsValue);
  sink.add(T.s, sink.value(suffix));
  sink.add(T.rt, after ? sink.tagValue(after.tag) : sink.constant(K.clauseEnd));
  const [atScan, elsewhere] = sink.verdicts(rule.reason);
  described.sink = sink;
  described.text = text;
  described.lo = lo;
  described.s = s;
  described.e = e;
  described.count = count;
  described.first = first;
  described.rule = rule;
  described.clsValue = clsValue;
  described.atScan = atScan;
  described.elsewhere = elsewhere;
  let rulesStartSeen = false;
  let scanStartSeen = false;
  const ruleStart = rule.span ? rule.span.start : -1;
  for (let k = first; k < count; k++) {
    const t = TOKENS[k];
    // (Cutting a name the rules give was never better in cross-validation: no candidate inside it but their scan's.)
    if ((t.tag === 'w' && t.word !== '“') || (ruleStart >= 0 && t.start > ruleStart)) continue;
    if (t.start === ruleStart) rulesStartSeen = true;
    if (t.start === rule.scanStart) scanStartSeen = true;
    emit(t.start, TOKEN_CLASS[k], k + 1 < count ? TOKEN_CLASS[k + 1] : undefined);
  }
  // The rules' own start, when their reading of the words differs from the one above.
  if (ruleStart >= 0 && !rulesStartSeen && ruleStart >= lo && ruleStart < s) extra(lex, ruleStart);
  if (!scanStartSeen && rule.scanStart >= lo && rule.scanStart < s && rule.scanStart !== ruleStart) extra(lex, rule.scanStart);
}

/** A candidate at `start`, not a word boundary describe read: its first word and the one before it read here. */
function extra(lex: Lexicon, start: number): void {
  const { sink, text, lo, s } = described;
  const firstWord = wordAfter(lex, text, start, s);
  const before = start > lo ? wordBefore(lex, text, start, lo) : undefined;
  emit(start, firstWord ? sink.tagValue(firstWord.tag) : sink.constant(K.none), before ? sink.tagValue(before.tag) : undefined);
}

/**
 * One candidate of the facility word describe set up, starting at `start`; firstClass and beforeClass are the classes
 * of the tags of its first word and of the word before it.
 */
function emit(start: number, firstClass: Value, beforeClass: Value | undefined): void {
  const { sink, text, lo, e, count, first, rule, clsValue } = described;
  const r = rule.span ? sink.constant(rule.span.start === start ? K.same : rule.span.start < start ? K.inner : K.outer) : rule.scanStart === start ? described.atScan : described.elsewhere;
  sink.start();
  sink.add(T.r, r);
  sink.add(T.rc, r, clsValue);
  let words = 0;
  let places = 0;
  let generic = 0;
  let ones = 0;
  // (The words inside the facility word, TOKENS[0, first), are not the name's.)
  for (let k = first; k < count && TOKENS[k].start >= start; k++) {
    words++;
    places += TOKEN_PLACE[k];
    generic += TOKEN_GENERIC[k];
    ones += TOKEN_ONE[k];
    sink.word(k);
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
}
