// Figure forms beyond the unit table's first cut (figures-accuracy work): spaced digits, measure words and
// Latin unit symbols, ordinals as ranks, round hundreds and thousands, and the numerals that are not figures
// (terms, time offsets, group names). Synthetic sentences, each read by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures } from '../../src/core/figures';

/** text, kind and value of each figure found in `sentence`. */
const found = (sentence: string) => extractFigures(sentence).map((f) => [f.text, f.kind, f.value]);

test('digits spaced one by one (a PDF-extraction artefact; first seen in national-1998, a test document)', () => {
  assert.deepEqual(found('国内生产总值达到7 4 7 7 2 亿元，比上年增长8 ．8 ％。'), [
    ['7 4 7 7 2 亿元', 'currency', 74772],
    ['8 ．8 ％', 'percent', 8.8],
  ]);
  const [gdp] = extractFigures('达到7 4 7 7 2 亿元');
  assert.equal(gdp.baseValue, 7477200000000);
  assert.deepEqual(found('年均增长1 5 ．3 ％，覆盖率达到8 5 ％以上，粮食产量4 9 2 5 0 万吨。'), [
    ['1 5 ．3 ％', 'percent', 15.3],
    ['8 5 ％', 'percent', 85],
    ['4 9 2 5 0 万吨', 'mass', 49250],
  ]);
  const [over] = extractFigures('达到8 5 ％以上');
  assert.equal(over.bound, 'atLeast');
  // Calendar years and dates stay non-figures; two numbers in a row are not one spaced number.
  assert.deepEqual(found('1 9 9 7 年3 月5 日，1 9 9 8 年'), []);
  assert.deepEqual(found('提高4 ．2 和0 ．7 个百分点'), [
    ['4 ．2', 'percentagePoint', 4.2],
    ['0 ．7 个百分点', 'percentagePoint', 0.7],
  ]);
  assert.deepEqual(found('编号12 34 56'), []);
  assert.deepEqual(found('3.5 亿元'), []); // not spaced digits: the space is not part of a figure
});

test('spaced digits stay linear on hostile input', () => {
  for (const text of ['1 '.repeat(200_000), '1 ．'.repeat(100_000), '1 2 ％'.repeat(50_000)]) {
    const start = performance.now();
    extractFigures(text);
    const ms = performance.now() - start;
    assert.ok(ms < 2000, `${text.slice(0, 6)}… took ${ms.toFixed(0)} ms`);
  }
});
