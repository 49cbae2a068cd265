// Finding an annotation's text again after the text changed. A target is a W3C Web Annotation
// TextPositionSelector plus TextQuoteSelector (types.ts); offsets here are UTF-16, like VS Code's.
// Two ways in: `rebaseOnEdits` shifts spans through the editor's own change events (cheap, exact), and
// `reanchor` searches a text of unknown history (after a restart, or an edit made outside the editor).
// A target that cannot be found with confidence is orphaned (undefined): never guess a place.
import { alignBanded } from './bandedAlign';
import { codePointsBack, codePointsForward, OffsetMap, splitsPair } from './offsets';
import type { AnnotationTarget, Span } from './types';

/** Code points of context kept on each side of the quote (spec.md). */
export const CONTEXT_LENGTH = 32;

/** A target for [start, end) of `text`: the quote and up to 32 code points of context each side. */
export function makeTarget(text: string, start: number, end: number): AnnotationTarget {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`invalid span ${start}..${end} for a text of length ${text.length}`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(codePointsBack(text, start, CONTEXT_LENGTH), start),
    suffix: text.slice(end, codePointsForward(text, end, CONTEXT_LENGTH)),
  };
}

/** The target with its positions converted to code points (for files), or back to UTF-16. */
export function targetToCodePoints(target: AnnotationTarget, map: OffsetMap): AnnotationTarget {
  return { ...target, start: map.toCodePoint(target.start), end: map.toCodePoint(target.end) };
}

/** Code points → UTF-16 for `map`'s text; positions past its end are clamped (they are hints then). */
export function targetFromCodePoints(target: AnnotationTarget, map: OffsetMap): AnnotationTarget {
  const clamp = (cp: number) => Math.min(map.toUtf16(cp), map.text.length);
  return { ...target, start: clamp(target.start), end: clamp(target.end) };
}

// ---------------------------------------------------------------------------------------------------
// Incremental edits

/** One edit as VS Code reports it (TextDocumentContentChangeEvent): UTF-16 offset, length, new text. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Moves spans through edits. `changes` are applied in order, each against the text left by the ones
 * before (as VS Code's extension host applies one event's changes). A span whose whole text is
 * replaced or deleted comes back undefined; one that is partly edited grows or shrinks:
 * - text typed inside, or at an edge, belongs to the span, except a line break typed at its start
 *   (text ending in \n) or at its end (text starting with \n): that opens a new line outside it;
 * - a replacement that starts inside the span puts its new text inside; one that starts before it
 *   puts it before.
 */
export function rebaseOnEdits(spans: readonly Span[], changes: readonly TextChange[]): (Span | undefined)[] {
  return spans.map((span) => {
    let current: Span | undefined = { start: span.start, end: span.end };
    for (const change of changes) {
      current = rebaseOne(current, change);
      if (!current) break;
    }
    return current;
  });
}

function rebaseOne({ start: s, end: e }: Span, change: TextChange): Span | undefined {
  const a = change.rangeOffset;
  const b = a + change.rangeLength;
  const t = change.text;
  const delta = t.length - change.rangeLength;
  if (a === b) {
    if (a < s || (a === s && t.endsWith('\n'))) return { start: s + delta, end: e + delta };
    if (a > e || (a === e && t.startsWith('\n'))) return { start: s, end: e };
    return { start: s, end: e + delta };
  }
  if (b <= s) return { start: s + delta, end: e + delta };
  if (a >= e) return { start: s, end: e };
  if (a <= s && b >= e) return undefined;
  if (a < s) return { start: a + t.length, end: e + delta };
  if (b > e) return { start: s, end: a + t.length };
  return { start: s, end: e + delta };
}

// ---------------------------------------------------------------------------------------------------
// Re-anchoring by quote

export interface ReanchorOptions {
  /** Also try approximate matches of an edited quote (default true). Exact matches only is cheap. */
  fuzzy?: boolean;
  /**
   * A quote found once only in the text is believed without its context (default true): in a text of
   * unknown history, its paragraph may have moved, or its line endings changed. Off where the edits are
   * known to have deleted the text (the same words typed elsewhere are not it).
   */
  unique?: boolean;
}

/** A quote shorter than this (UTF-16 units) needs its context to be believed: short text recurs. */
const DISTINCTIVE_LENGTH = 32;
/** Context units that must sit beside a short quote (unless all of its context does). */
const STRONG_CONTEXT = 8;
/**
 * A quote found once only is believed without context from this many units on, or when it was a line of its own
 * and is one where it is found (a short paragraph moved): a short phrase (稳增长, 2024年) found once after its own
 * place was deleted is another mention of the same words, not it.
 */
const UNIQUE_LENGTH = 8;
/** An edited quote is found if at most a quarter of it changed, and at most this many units. */
const MAX_ERRORS = 256;
/** Seeds (pieces of the quote searched verbatim) per quote, and hits beyond which a seed is useless. */
const MAX_SEEDS = 32;
const MAX_SEED_HITS = 8;
/** Approximate candidates aligned per quote. */
const MAX_CANDIDATES = 4;
/** How far from its old place (UTF-16 units) an edited quote is looked for before the whole text. */
const NEARBY = 1 << 15;
/** Verbatim occurrences of the quote compared by context (a paragraph occurs once or twice). */
const MAX_OCCURRENCES = 1000;

/**
 * Where the target's text is in `text` now, or undefined if it cannot be found with confidence.
 * In order: the old position, if the quote and all its context are still there; the occurrence of the
 * quote with the most context beside it (nearest the old position on ties); an approximate match of the
 * quote (small edits), located by pieces of the quote and its context, with context near it; the quote
 * alone if it is long enough to be distinctive (nearest the old position); an approximate match alone.
 */
export function reanchor(text: string, target: AnnotationTarget, options: ReanchorOptions = {}): Span | undefined {
  const { exact, start } = target;
  if (exact === '') return undefined;
  const end = start + exact.length;
  if (text.startsWith(exact, start) && isFullContext(text, start, end, target)) return { start, end };

  const verbatim = findExact(text, target, options.unique !== false);
  if (verbatim?.withContext) return spanOf(verbatim);
  const approximate = options.fuzzy === false ? undefined : findApproximate(text, target);
  if (approximate?.withContext) return spanOf(approximate);
  // Without context, only a long quote is believed: short text recurs.
  if (verbatim && exact.length >= DISTINCTIVE_LENGTH) return spanOf(verbatim);
  return approximate && spanOf(approximate);
}

const spanOf = ({ start, end }: Span): Span => ({ start, end });

interface Found extends Span {
  /** Some of the target's context is beside it, not just the quote. */
  withContext: boolean;
}

/**
 * The verbatim occurrence of the quote with the most context beside it, nearest the old position. A quote
 * that occurs once only is believed without context if it is not short: its paragraph may have moved (swapped paragraphs).
 */
function findExact(text: string, target: AnnotationTarget, unique: boolean): Found | undefined {
  const { exact } = target;
  let best: { start: number; score: number } | undefined;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), count++) {
    const score = adjacentContext(text, at, at + exact.length, target);
    if (!best || score > best.score || (score === best.score && nearer(at, best.start, target.start))) {
      best = { start: at, score };
    }
  }
  if (!best) return undefined;
  const end = best.start + exact.length;
  const withContext =
    best.score >= STRONG_CONTEXT ||
    isFullContext(text, best.start, end, target) ||
    (unique && count === 1 && exact.trim() !== '' && (exact.trim().length >= UNIQUE_LENGTH || (isWholeLine(target) && isWholeLine(makeTarget(text, best.start, end)))));
  return { start: best.start, end, withContext };
}

function nearer(a: number, b: number, to: number): boolean {
  return Math.abs(a - to) < Math.abs(b - to);
}

/**
 * Context matching right beside [start, end) (the end of the prefix, the start of the suffix), counted
 * in units that are not blank. Blanks are skipped on both sides, not compared: line endings (LF ↔ CRLF),
 * indentation and blank lines change without the text changing.
 */
function adjacentContext(text: string, start: number, end: number, { prefix, suffix }: AnnotationTarget): number {
  return matchBeside(text, start, prefix, -1).matched + matchBeside(text, end, suffix, 1).matched;
}

/**
 * Compares `context` with the text beside `at`, outwards (dir -1: the prefix, read backwards from `at`;
 * dir 1: the suffix, from `at` on), skipping blanks on both sides. `complete` when every non-blank unit
 * of the context matched.
 */
function matchBeside(text: string, at: number, context: string, dir: -1 | 1): { matched: number; complete: boolean } {
  let i = dir < 0 ? context.length - 1 : 0;
  let j = dir < 0 ? at - 1 : at;
  let matched = 0;
  for (;;) {
    while (i >= 0 && i < context.length && isBlank(context.charCodeAt(i))) i += dir;
    if (i < 0 || i >= context.length) return { matched, complete: true };
    while (j >= 0 && j < text.length && isBlank(text.charCodeAt(j))) j += dir;
    if (j < 0 || j >= text.length || text.charCodeAt(j) !== context.charCodeAt(i)) return { matched, complete: false };
    matched++;
    i += dir;
    j += dir;
  }
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000;

function isFullContext(text: string, start: number, end: number, target: AnnotationTarget): boolean {
  return matchBeside(text, start, target.prefix, -1).complete && matchBeside(text, end, target.suffix, 1).complete;
}

/** Whether the context's nearest few non-blank units are near [start, end), within `slack` of their place. */
function isNearContext(text: string, start: number, end: number, { prefix, suffix }: AnnotationTarget, slack: number): boolean {
  const before = prefix.trimEnd();
  const tail = before.slice(-STRONG_CONTEXT);
  const tailEnd = start - (prefix.length - before.length);
  const after = suffix.trimStart();
  const head = after.slice(0, STRONG_CONTEXT);
  const headStart = end + (suffix.length - after.length);
  return (
    (tail !== '' && text.slice(Math.max(0, tailEnd - tail.length - slack), Math.max(0, tailEnd + slack)).includes(tail)) ||
    (head !== '' && text.slice(Math.max(0, headStart - slack), headStart + head.length + slack).includes(head))
  );
}


/**
 * The quote with small edits: pieces of the quote (and of its context) that are still verbatim in the
 * text vote for where the quote starts; the best-supported places are aligned with a banded edit
 * distance, so the work is about (text length × seeds) + (quote length × allowed errors).
 */
function findApproximate(text: string, target: AnnotationTarget): Found | undefined {
  const m = target.exact.length;
  const k = Math.min(Math.floor(m / 4), MAX_ERRORS);
  if (k === 0) return undefined;
  // Edits seldom move text far: look near the old place first, which is much cheaper in a long text.
  const near = { start: Math.max(0, target.start - NEARBY), end: Math.min(text.length, target.start + m + NEARBY) };
  const nearby = findApproximateIn(text, target, k, near);
  if (nearby?.withContext || (near.start === 0 && near.end === text.length)) return nearby;
  return findApproximateIn(text, target, k, { start: 0, end: text.length }) ?? nearby;
}

function findApproximateIn(text: string, target: AnnotationTarget, k: number, range: Span): Found | undefined {
  const m = target.exact.length;
  let best: ApproximateMatch | undefined;
  for (const { lo, hi, slack } of candidateStarts(text, target, k, range)) {
    const aligned = alignBanded(target.exact, text, lo - slack, hi + slack, k);
    if (!aligned) continue;
    const span = snapToLine(text, keepPairsWhole(text, aligned), target, aligned.errors);
    const withContext = isNearContext(text, span.start, span.end, target, aligned.errors);
    // A short quote could match many places after a few edits: it needs its context nearby.
    if (m < DISTINCTIVE_LENGTH && !withContext) continue;
    const candidate = { ...span, withContext, errors: aligned.errors, context: adjacentContext(text, span.start, span.end, target) };
    if (!best || isBetterMatch(candidate, best, target.start)) best = candidate;
  }
  return best;
}

interface ApproximateMatch extends Found {
  errors: number;
  /** Non-blank context units beside it. */
  context: number;
}

/** Context near it first, then fewer edits, more context beside it, nearer the old position. */
function isBetterMatch(a: ApproximateMatch, b: ApproximateMatch, oldStart: number): boolean {
  if (a.withContext !== b.withContext) return a.withContext;
  if (a.errors !== b.errors) return a.errors < b.errors;
  if (a.context !== b.context) return a.context > b.context;
  return nearer(a.start, b.start, oldStart);
}

interface Candidate {
  /** Quote starts implied by the seeds found here, lowest and highest. */
  lo: number;
  hi: number;
  /** How far an alignment can stray from [lo, hi]: no further than the stretches no seed pins down. */
  slack: number;
}

/** Places in `range` of the text where the quote may start, the best-supported first. */
function candidateStarts(text: string, target: AnnotationTarget, k: number, range: Span): Candidate[] {
  const { exact, prefix, suffix } = target;
  const m = exact.length;
  const q = Math.max(4, Math.min(16, Math.floor(m / 8)));
  // A seed is a piece of the quote (or of its context) that covers [from, to) of the quote and
  // implies the quote starts `shift` from where the piece is found.
  const seeds: { piece: string; shift: number; from: number; to: number }[] = [];
  const count = Math.max(1, Math.min(MAX_SEEDS, Math.floor(m / q)));
  for (let i = 0; i < count; i++) {
    const at = count === 1 ? 0 : Math.round((i * (m - q)) / (count - 1));
    seeds.push({ piece: exact.slice(at, at + q), shift: -at, from: at, to: at + q });
  }
  const tail = prefix.slice(-q);
  if (tail.length >= 4) seeds.push({ piece: tail, shift: tail.length, from: 0, to: 0 });
  const head = suffix.slice(0, q);
  if (head.length >= 4) seeds.push({ piece: head, shift: -m, from: m, to: m });

  const hits: { start: number; seed: number }[] = [];
  seeds.forEach(({ piece, shift }, seed) => {
    const found: number[] = [];
    for (
      let at = text.indexOf(piece, range.start);
      at >= 0 && at + piece.length <= range.end && found.length <= MAX_SEED_HITS;
      at = text.indexOf(piece, at + 1)
    ) {
      found.push(at + shift);
    }
    if (found.length <= MAX_SEED_HITS) for (const start of found) hits.push({ start, seed });
  });
  hits.sort((x, y) => x.start - y.start);

  // Group hits whose implied starts are within k of each other; a group's weight is its distinct seeds.
  const groups: (Candidate & { votes: number })[] = [];
  for (let i = 0; i < hits.length; ) {
    const lo = hits[i].start;
    const voters = new Set<number>();
    let j = i;
    for (; j < hits.length && hits[j].start - lo <= k; j++) voters.add(hits[j].seed);
    groups.push({ lo, hi: hits[j - 1].start, votes: voters.size, slack: unpinned([...voters].map((v) => seeds[v]), m, k) });
    i = j;
  }
  // One piece found alone is a phrase the quote shares with other text, unless the quote has few pieces.
  const minVotes = Math.min(2, seeds.length);
  return groups
    .filter((g) => g.votes >= minVotes)
    .sort((x, y) => y.votes - x.votes || Math.abs(x.lo - target.start) - Math.abs(y.lo - target.start))
    .slice(0, MAX_CANDIDATES);
}

/**
 * How far the best alignment can leave the seeds' diagonals: before the first seed and after the last
 * by up to the stretch's length, between two seeds by half the gap (it has to come back), and never
 * beyond k.
 */
function unpinned(pins: { from: number; to: number }[], m: number, k: number): number {
  pins.sort((a, b) => a.from - b.from);
  let slack = Math.max(pins[0].from, m - Math.max(...pins.map((p) => p.to)));
  for (let i = 1; i < pins.length; i++) slack = Math.max(slack, Math.ceil((pins[i].from - pins[i - 1].to) / 2));
  return Math.min(k, slack + 1);
}


/** An approximate match may cut an astral character in two; take all of it. */
function keepPairsWhole(text: string, span: Span): Span {
  return {
    start: splitsPair(text, span.start) ? span.start - 1 : span.start,
    end: splitsPair(text, span.end) ? span.end + 1 : span.end,
  };
}

/** Blanks within a line: indentation, trailing spaces, a CR. */
const LINE_BLANKS = /^[ \t\u3000\r]*$/;

/**
 * A target that was a whole line (a paragraph, without its indentation) stays a whole line: an edit at
 * its edges makes the approximate match's edges uncertain, so move them to the line's, if that is no
 * further than the edits could explain.
 */
function snapToLine(text: string, span: Span, target: AnnotationTarget, errors: number): Span {
  if (!isWholeLine(target) || span.end <= span.start) return span;
  let start = text.lastIndexOf('\n', Math.min(span.start, span.end - 1)) + 1;
  while (start < span.end && LINE_BLANKS.test(text[start])) start++;
  let end = indexOrEnd(text, '\n', Math.max(span.start, span.end - 1));
  while (end > start && LINE_BLANKS.test(text[end - 1])) end--;
  if (end <= start || Math.abs(start - span.start) > errors || Math.abs(end - span.end) > errors) return span;
  return { start, end };
}

/** Whether the context shows the quote filled its line, but for blanks (a short context reached the text's edge). */
function isWholeLine({ prefix, suffix }: AnnotationTarget): boolean {
  const startsLine = prefix.includes('\n') || new OffsetMap(prefix).codePointLength < CONTEXT_LENGTH;
  const endsLine = suffix.includes('\n') || new OffsetMap(suffix).codePointLength < CONTEXT_LENGTH;
  return (
    startsLine &&
    endsLine &&
    LINE_BLANKS.test(prefix.slice(prefix.lastIndexOf('\n') + 1)) &&
    LINE_BLANKS.test(suffix.slice(0, indexOrEnd(suffix, '\n')))
  );
}

function indexOrEnd(text: string, search: string, from = 0): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}
