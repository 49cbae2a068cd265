// SpanIndex answers what walking the whole array of spans answered (projectLists.ts asked that way until the
// twenty-seventh round): random spans, nested and overlapping, some starting together (few, walked; many, indexed), against the walk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpanIndex } from '../../src/core/spanIndex';
import type { Span } from '../../src/core/types';
import { seededRandom } from '../seededRandom';

test('SpanIndex answers as a walk over the spans does', () => {
  const next = seededRandom(27);
  const int = (n: number) => Math.floor(next() * n);
  for (let round = 0; round < 200; round++) {
    const spans: Span[] = Array.from({ length: int(40) }, () => {
      const start = int(60);
      return { start, end: start + 1 + int(15) };
    });
    const index = new SpanIndex(spans);
    for (let q = 0; q < 50; q++) {
      const from = int(80);
      const to = from + int(20);
      const endBy = to + int(8);
      assert.equal(index.startsIn(from, to), spans.some((f) => f.start >= from && f.start <= to));
      const overlapping = spans.filter((f) => f.start < to && from < f.end);
      assert.equal(index.overlapEnd(from, to), overlapping.length ? Math.max(...overlapping.map((f) => f.end)) : -Infinity);
      // The first in the spans' own order, the same object.
      assert.equal(index.first(from, to, endBy), spans.find((f) => f.start >= from && f.start <= to && f.end <= endBy));
      assert.equal(index.countWithin(from, to), spans.filter((f) => f.start >= from && f.end <= to).length);
    }
  }
});

test('SpanIndex of no spans finds nothing', () => {
  const index = new SpanIndex([]);
  assert.equal(index.startsIn(0, 100), false);
  assert.equal(index.overlapEnd(0, 100), -Infinity);
  assert.equal(index.first(0, 100, 100), undefined);
  assert.equal(index.countWithin(0, 100), 0);
});
