import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OffsetMap } from '../../src/core/offsets';
import { ownCopy, ownPieces } from '../../src/core/text';

const TEXT = '𡌶洛阳市西工区𡌶𠀀，增长34.2%😀。';

test('UTF-16 → code point → UTF-16 at every character boundary, with astral characters', () => {
  const map = new OffsetMap(TEXT);
  const chars = [...TEXT];
  assert.equal(map.codePointLength, chars.length);
  assert.equal(map.isIdentity, false);
  let utf16 = 0;
  for (let cp = 0; cp <= chars.length; cp++) {
    assert.equal(map.toCodePoint(utf16), cp, `toCodePoint(${utf16})`);
    assert.equal(map.toUtf16(cp), utf16, `toUtf16(${cp})`);
    utf16 += chars[cp]?.length ?? 0;
  }
});

test('a span converted to code points selects the same text in both encodings', () => {
  const map = new OffsetMap(TEXT);
  const start = TEXT.indexOf('西工区');
  const end = TEXT.indexOf('，');
  const cp = { start: map.toCodePoint(start), end: map.toCodePoint(end) };
  assert.equal([...TEXT].slice(cp.start, cp.end).join(''), TEXT.slice(start, end));
  assert.equal([...TEXT].slice(cp.start, cp.end).join(''), '西工区𡌶𠀀');
});

test('an offset inside a surrogate pair maps to the end of the pair', () => {
  const map = new OffsetMap('a𡌶b');
  assert.equal(map.toCodePoint(2), 2);
  assert.equal(map.toUtf16(2), 3);
});

test('text without astral characters maps to itself', () => {
  const map = new OffsetMap('政府工作报告');
  assert.equal(map.isIdentity, true);
  for (let i = 0; i <= 6; i++) assert.deepEqual([map.toCodePoint(i), map.toUtf16(i)], [i, i]);
  assert.equal(new OffsetMap('').codePointLength, 0);
});

test('a lone surrogate counts as one code point', () => {
  const text = 'a\ud840b\udf36c';
  const map = new OffsetMap(text);
  assert.equal(map.codePointLength, [...text].length);
  assert.equal(map.toCodePoint(text.length), text.length);
});

test('ownPieces and ownCopy give the code units of slices (lone surrogates and astral characters too), and slices where Buffer is missing', () => {
  const text = `${TEXT}a\ud840b\udf36c${'，项目'.repeat(20)}\ud83d`;
  const check = () => {
    const pieceOf = ownPieces(text);
    for (let start = 0; start <= text.length; start += 3) {
      for (const end of [start, start + 1, start + 12, start + 13, start + 40, text.length]) {
        if (end <= text.length) assert.equal(pieceOf(start, end), text.slice(start, end), `[${start}, ${end})`);
      }
    }
  };
  check();
  const long = '甲'.repeat(70_000) + '\ud800'; // (longer than any paragraph: a slice)
  assert.equal(ownPieces(long)(1, long.length), long.slice(1));
  // (Offsets outside the text or not whole are read as slice reads them.)
  for (const [start, end] of [[-5, 20], [-20, -1], [1.5, 20.5], [30, 10], [0, text.length + 9]]) {
    assert.equal(ownPieces(text)(start, end), text.slice(start, end), `[${start}, ${end})`);
  }
  for (const piece of [text, text.slice(3, 40), long, '', '\udc00']) assert.equal(ownCopy(piece), piece);
  const buffer = globalThis.Buffer;
  try {
    (globalThis as { Buffer?: unknown }).Buffer = undefined; // (as in VS Code for the Web)
    check();
  } finally {
    globalThis.Buffer = buffer;
  }
});
