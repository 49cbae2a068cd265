// Quotes around facility words read in one pass over a clause, answering as the searches they replace did (until the
// twenty-eighth round each facility word searched back to the paragraph's start for its opening quote: a paragraph of
// closing quotes alone took the square of its length, 400 K characters 12.8 s).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sloganQuoted } from '../../src/core/projectScan';
import { seededRandom } from '../seededRandom';

/** As nameAt asked until then: the last “ at or before the facility word's start, in the clause, and a digit or plus after it not before 号. */
function reference(text: string, lo: number, s: number, e: number): boolean {
  const open = text.lastIndexOf('“', s);
  return open >= lo && /[\d+＋](?!号)/.test(text.slice(open, e));
}

test('sloganQuoted answers as the search back for the opening quote did, facility word after facility word', () => {
  const next = seededRandom(2805);
  const pieces = ['“', '”', '4', '+', '＋', '号', '公', '园', '甲', '，'];
  for (let round = 0; round < 400; round++) {
    const text = Array.from({ length: 5 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const lo = next() < 0.5 ? 0 : Math.floor(next() * 5);
    // The facility words (one Han character here) before a closing quote, in order; now and then one asked again
    // or an earlier one (read from the clause's start again).
    const ends: number[] = [];
    for (let e = lo + 1; e < text.length; e++) if (text[e] === '”' && /[公园甲]/.test(text[e - 1])) ends.push(e);
    for (let k = 0; k < ends.length; k++) {
      const e = next() < 0.1 && k > 0 ? ends[Math.floor(next() * k)] : ends[k];
      assert.equal(sloganQuoted(text, lo, e), reference(text, lo, e - 1, e), `${JSON.stringify(text)} from ${lo}, the word ending at ${e}`);
    }
  }
});
