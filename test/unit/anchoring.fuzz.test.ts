// Random edits on real reports, checked against the fuzzer's own ground truth: every UTF-16 unit of the
// text carries the set of annotations it belongs to (a bit mask), and edits move those labels with the
// text. Seeded, so a failure replays exactly: FUZZ_SEED=<seed> reruns one seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reanchor, type TextChange } from '../../src/core/anchoring';
import { AnnotationStore, type StoredAnnotation } from '../../src/core/annotations';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar';
import type { AnnotationTarget, Span } from '../../src/core/types';
import { corpusText } from './corpus';

/** mulberry32: small, fast and good enough to drive a fuzzer. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Moves an offset off the middle of a surrogate pair. */
const whole = (text: string, at: number) => (at > 0 && at < text.length && isLow(text.charCodeAt(at)) ? at + 1 : at);

/** Lines without their blank edges: what the tests tag. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const lead = /^[ \t\u3000\r]*/.exec(m[0])![0].length;
    const body = m[0].slice(lead).replace(/[ \t\u3000\r]+$/, '');
    if (body.length >= 2) out.push({ start: m.index! + lead, end: m.index! + lead + body.length });
  }
  return out;
}

/** The ground truth: a label (bit mask of annotations) per UTF-16 unit, following the rebase rules. */
class Oracle {
  labels: number[];
  constructor(length: number) {
    this.labels = new Array(length).fill(0);
  }

  label(span: Span, bit: number): void {
    for (let i = span.start; i < span.end; i++) this.labels[i] |= bit;
  }

  /** Applies an edit; returns the annotations it touched. */
  apply({ rangeOffset: a, rangeLength, text }: TextChange): number {
    const b = a + rangeLength;
    let inserted = 0;
    let touched = 0;
    if (rangeLength > 0) {
      // Text typed over a selection belongs to what the selection starts in, unless all of that went.
      // Labels are contiguous, so one that survives the deletion is on a unit right beside it.
      const beside = (a > 0 ? this.labels[a - 1] : 0) | (b < this.labels.length ? this.labels[b] : 0);
      inserted = this.labels[a] & beside;
      for (let i = a; i < b; i++) touched |= this.labels[i];
    } else {
      const left = a > 0 ? this.labels[a - 1] : 0;
      const right = a < this.labels.length ? this.labels[a] : 0;
      inserted = (left & right) | (text.startsWith('\n') ? 0 : left & ~right) | (text.endsWith('\n') ? 0 : right & ~left);
    }
    this.labels.splice(a, rangeLength, ...new Array<number>(text.length).fill(inserted));
    return touched | inserted;
  }

  spans(): Map<number, Span> {
    const out = new Map<number, Span>();
    this.labels.forEach((mask, i) => {
      for (let m = mask; m; m &= m - 1) {
        const bit = m & -m;
        const s = out.get(bit);
        if (s) s.end = i + 1;
        else out.set(bit, { start: i, end: i + 1 });
      }
    });
    return out;
  }
}

interface Stats {
  edits: number;
  batches: number;
  /** Annotations whose whole text was deleted (orphaned, as they must be). */
  destroyed: number;
  // reanchor() after each batch, from the targets before it (a restart, or edits made outside):
  /** Quote untouched: found in place. */
  intact: number;
  /** Quote untouched but short, its context edited away: orphaned rather than guessed. */
  shortOrphaned: number;
  /** Quote edited: found, and found with exactly the ground truth's edges. */
  editedFound: number;
  editedExact: number;
  /** Quote edited: orphaned (always more than a tenth changed, or short). */
  editedOrphaned: number;
  lightlyEditedShortOrphaned: number;
}

function fuzz(text: string, seed: number, edits: number, insertions: string): Stats {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  let ids = 0;
  const store = new AnnotationStore([], { now: () => new Date(0), newId: () => `a${++ids}` });
  const oracle = new Oracle(text.length);
  const bitOf = new Map<string, number>();
  const dead = new Set<string>();
  const stats: Stats = {
    edits: 0,
    batches: 0,
    destroyed: 0,
    intact: 0,
    shortOrphaned: 0,
    editedFound: 0,
    editedExact: 0,
    editedOrphaned: 0,
    lightlyEditedShortOrphaned: 0,
  };

  const tagSome = (wanted: number) => {
    const taken = new Set(bitOf.values());
    const free = paragraphs(text).filter((p) => oracle.labels.slice(Math.max(0, p.start - 1), p.end + 1).every((l) => l === 0));
    while (bitOf.size < wanted && free.length > 0) {
      const [p] = free.splice(int(free.length), 1);
      let bit = 1;
      while (taken.has(bit)) bit <<= 1;
      taken.add(bit);
      const [a] = store.tagParagraphs(text, [p], [`t${int(6)}`]);
      assert.equal(a.target.exact, text.slice(p.start, p.end));
      bitOf.set(a.id, bit);
      oracle.label(p, bit);
    }
  };

  const randomInsertion = () => {
    const at = whole(insertions, int(insertions.length));
    let t = insertions.slice(at, whole(insertions, Math.min(insertions.length, at + 1 + int(20))));
    if (rnd() < 0.1) t = rnd() < 0.5 ? `\n${t}` : `${t}\n`;
    return t;
  };

  const randomEdit = (): TextChange => {
    const spans = [...oracle.spans().values()];
    const roll = rnd();
    const span = spans.length > 0 ? spans[int(spans.length)] : { start: 0, end: text.length };
    let a: number;
    if (roll < 0.4) a = span.start + int(span.end - span.start + 1); // inside a tagged paragraph
    else if (roll < 0.55) a = (rnd() < 0.5 ? span.start : span.end) + int(5) - 2; // at its edge
    else if (roll < 0.6 && spans.length > 0) {
      // its whole text, or the whole line with it
      const line = rnd() < 0.5 ? 1 : 0;
      const start = Math.max(0, span.start - line);
      return { rangeOffset: start, rangeLength: Math.min(text.length, span.end + line) - start, text: '' };
    } else a = int(text.length + 1); // anywhere
    a = whole(text, Math.max(0, Math.min(text.length, a)));
    const op = rnd();
    const t = op < 0.1 ? '\n' : op < 0.5 ? randomInsertion() : op < 0.75 ? '' : randomInsertion();
    const length = op < 0.5 ? 0 : whole(text, Math.min(text.length, a + 1 + int(rnd() < 0.05 ? 300 : 8))) - a;
    return { rangeOffset: a, rangeLength: length, text: t };
  };

  while (stats.edits < edits) {
    tagSome(24);
    const before = new Map(store.anchored().map((a) => [a.id, a.target] as [string, AnnotationTarget]));
    // Units inserted or deleted in each annotation's text: a bound on its edit distance.
    const edited = new Map<number, number>();
    for (let i = 0; i < 10; i++, stats.edits++) {
      const change = randomEdit();
      text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
      for (let m = oracle.apply(change); m; m &= m - 1) {
        edited.set(m & -m, (edited.get(m & -m) ?? 0) + change.rangeLength + change.text.length);
      }
      store.applyEdits([change]);
    }
    store.sync(text);
    stats.batches++;
    const expected = oracle.spans();
    const where = `seed ${seed}, batch ${stats.batches}`;

    // Editor path: rebase per edit, sync per batch — exactly the ground truth.
    for (const a of store.list()) {
      const bit = bitOf.get(a.id);
      const span = bit === undefined ? undefined : expected.get(bit);
      if (!span) {
        assert.ok(a.orphaned, `${where}: ${a.id} should be orphaned, is at ${a.target.start}..${a.target.end}: ${JSON.stringify(a.target)}`);
        if (bit !== undefined) {
          bitOf.delete(a.id);
          dead.add(a.id);
          stats.destroyed++;
        }
        continue;
      }
      assert.ok(!a.orphaned, `${where}: ${a.id} orphaned, but its text is at ${span.start}..${span.end}`);
      assert.deepEqual({ start: a.target.start, end: a.target.end }, span, `${where}: ${a.id} misplaced`);
      assert.equal(a.target.exact, text.slice(span.start, span.end), `${where}: ${a.id} quote`);
    }
    assert.equal(store.list().length, bitOf.size + dead.size, `${where}: an annotation was lost`);

    // Search path: the targets from before the batch, found again in the text after it.
    for (const [id, target] of before) {
      const bit = bitOf.get(id) ?? 0;
      const span = expected.get(bit);
      const found = reanchor(text, target);
      if (!span) {
        // Its text was deleted; the same words elsewhere are believed only when they occur once and
        // verbatim (a text of unknown history: the paragraph may have moved).
        const there = found && text.slice(found.start, found.end);
        const once = there === target.exact && text.indexOf(there) === text.lastIndexOf(there);
        assert.ok(!found || once, `${where}: ${id} was deleted but found at ${found?.start}..${found?.end}`);
        continue;
      }
      const now = text.slice(span.start, span.end);
      if (now === target.exact) {
        stats.intact++;
        // A short quote whose context was edited away is common text: orphaned rather than guessed.
        if (!found && target.exact.length < 32) {
          stats.shortOrphaned++;
          continue;
        }
        assert.deepEqual(found, span, `${where}: intact ${id} misplaced: ${JSON.stringify({ target, span })}`);
        continue;
      }
      if (!found) {
        stats.editedOrphaned++;
        const light = edited.get(bit)! <= target.exact.length / 10;
        assert.ok(!light || target.exact.length < 32, `${where}: lightly edited ${id} lost: ${JSON.stringify({ target, now })}`);
        if (light) stats.lightlyEditedShortOrphaned++;
        continue;
      }
      stats.editedFound++;
      const show = () =>
        JSON.stringify({ was: target, now: { ...span, text: now }, found: { ...found, text: text.slice(found.start, found.end) } });
      if (found.start === span.start && found.end === span.end) stats.editedExact++;
      // Edits at an edge leave the edge uncertain, but what is found must be mostly the right text, or
      // the quote itself, verbatim, where the right text is.
      const inside = Math.min(found.end, span.end) - Math.max(found.start, span.start);
      const verbatim = inside > 0 && text.slice(found.start, found.end) === target.exact;
      assert.ok(verbatim || 2 * inside >= found.end - found.start, `${where}: edited ${id} found elsewhere: ${show()}`);
    }
  }
  // The sidecar round trip keeps what the store holds (an orphan's positions are only hints).
  const loaded = parseSidecar(serializeSidecar(text, store.list()), text);
  assert.equal(loaded.textChanged, false);
  const hintless = (a: StoredAnnotation) => (a.orphaned ? { ...a, target: { ...a.target, start: 0, end: 0 } } : a);
  assert.deepEqual(loaded.annotations.map(hintless), store.list().map(hintless));
  return stats;
}

const seeds = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [1, 2, 3];

test('annotations follow random edits of a national report (rebase and re-anchor)', (t) => {
  const text = corpusText('national-2016.txt');
  for (const seed of seeds) {
    // Typed text comes from another report: new text in the same style, not copies of the tagged text.
    const stats = fuzz(text, seed, 1000, corpusText('national-2014.txt'));
    t.diagnostic(`seed ${seed}: ${JSON.stringify(stats)}`);
    assert.ok(stats.editedFound > stats.editedOrphaned, 'most edited paragraphs are found again');
  }
});

test('annotations follow random edits of a text with astral characters (𡌶)', (t) => {
  // Every 37th unit of a local report becomes an astral character, and insertions bring more.
  const astral = ['𡌶', '𠀀', '𪚥', '😀', '𝄞'];
  const base = corpusText('002_395ec08d707c8053.txt');
  let text = '';
  for (let i = 0; i < base.length; i += 37) text += base.slice(i, i + 36) + astral[(i / 37) % astral.length];
  const insertions = `${corpusText('003_89d403a9849428ca.txt')}𡌶𡌶𠀀中𪚥文😀`;
  for (const seed of seeds) {
    const stats = fuzz(text, 100 + seed, 500, insertions);
    t.diagnostic(`seed ${100 + seed}: ${JSON.stringify(stats)}`);
  }
});
