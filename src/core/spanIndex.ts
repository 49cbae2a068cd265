// The projects a paragraph's scan found, indexed by where they start, for the questions the list reading asks of
// them clause by clause and item by item. Asked by walking the whole array, they made a paragraph of many list items
// quadratic: 100,000 items of 京雄高速、石衡高速、… took 42 s for 1 M characters. A paragraph finds a few projects at
// most, and for those a walk is as quick and builds nothing (building the index for each made the analysis 5% slower).
import { countBefore } from './analysisPatch';
import type { Span } from './types';

/** Up to this many spans, questions are answered by walking them. */
const WALKED = 16;

interface Sorted {
  /** Indices into the spans, by start (stable: equal starts keep the spans' order). */
  byStart: number[];
  /** The greatest end among byStart[0..k]. */
  maxEnd: number[];
}

export class SpanIndex {
  private sorted?: Sorted;

  constructor(private readonly spans: readonly Span[]) {}

  /** How many spans start before `at`. */
  private startingBefore(s: Sorted, at: number): number {
    return countBefore(s.byStart, (i) => this.spans[i].start, at);
  }

  /** Whether a span starts in [from, to]. */
  startsIn(from: number, to: number): boolean {
    const s = this.index();
    if (!s) {
      for (const f of this.spans) if (f.start >= from && f.start <= to) return true;
      return false;
    }
    const k = this.startingBefore(s, from);
    return k < s.byStart.length && this.spans[s.byStart[k]].start <= to;
  }

  /** The greatest end of the spans that overlap [from, to) (start < to, end > from), else -Infinity. */
  overlapEnd(from: number, to: number): number {
    const s = this.index();
    if (!s) {
      let end = -Infinity;
      for (const f of this.spans) if (f.start < to && from < f.end && f.end > end) end = f.end;
      return end;
    }
    const k = this.startingBefore(s, to) - 1; // the spans that start before `to` are byStart[0..k]
    return k >= 0 && s.maxEnd[k] > from ? s.maxEnd[k] : -Infinity;
  }

  /** The first span, in the spans' own order, that starts in [from, to] and ends at `endBy` or before. */
  first(from: number, to: number, endBy: number): Span | undefined {
    const s = this.index();
    if (!s) {
      for (const f of this.spans) if (f.start >= from && f.start <= to && f.end <= endBy) return f;
      return undefined;
    }
    let best = -1;
    for (let k = this.startingBefore(s, from); k < s.byStart.length && this.spans[s.byStart[k]].start <= to; k++) {
      const i = s.byStart[k];
      if (this.spans[i].end <= endBy && (best < 0 || i < best)) best = i;
    }
    return best < 0 ? undefined : this.spans[best];
  }

  /** How many spans lie within [from, to]. */
  countWithin(from: number, to: number): number {
    const s = this.index();
    let n = 0;
    if (!s) {
      for (const f of this.spans) if (f.start >= from && f.end <= to) n++;
      return n;
    }
    for (let k = this.startingBefore(s, from); k < s.byStart.length && this.spans[s.byStart[k]].start <= to; k++) if (this.spans[s.byStart[k]].end <= to) n++;
    return n;
  }

  /** The spans by start, built on the first question when there are more than WALKED of them. */
  private index(): Sorted | undefined {
    if (this.sorted || this.spans.length <= WALKED) return this.sorted;
    const spans = this.spans;
    const byStart = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
    let max = -Infinity;
    this.sorted = { byStart, maxEnd: byStart.map((i) => (max = Math.max(max, spans[i].end))) };
    return this.sorted;
  }
}
