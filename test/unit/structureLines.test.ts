// splitLines gives the lines a split at every line end (\r\n, \n, \r alone) gives, trimmed, empty ones left out:
// random texts of line ends, indents and words against that reference. (Until the twenty-eighth round a file of \r
// line ends alone searched the rest of the text for a \n at every line.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines, WS } from '../../src/core/structureLines';
import { seededRandom } from '../seededRandom';

/** The trimmed, non-empty lines of `text` with their offsets, split by a pattern. */
function reference(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && WS[text.charCodeAt(s)]) s++;
    while (e > s && WS[text.charCodeAt(e - 1)]) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

test('splitLines splits at \\r\\n, \\n and \\r alone, as a pattern does', () => {
  const next = seededRandom(2804);
  const pieces = ['\r\n', '\n', '\r', '\r\r\n', '\n\r', '　', ' ', '\t', '增长5%。', '一、总体要求', 'ab'];
  for (let round = 0; round < 500; round++) {
    const text = Array.from({ length: Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    assert.deepEqual(
      splitLines(text).map(({ start, end, text }) => ({ start, end, text })),
      reference(text),
      JSON.stringify(text),
    );
  }
});
