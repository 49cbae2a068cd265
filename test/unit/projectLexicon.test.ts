// The project scan's word look-ups (hashed table, bloom filter, start/end masks, tags by character code) give
// exactly what the plain word → tag map of the same dictionaries gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, test } from 'node:test';
import { dictionaryWords, isHan, loadLexicon, MAX_WORD, tagAt, wordAfter, wordBefore } from '../../src/core/projectLexicon';
import { STOP_WORDS, TAG_OVERRIDES } from '../../src/core/projectWords';
import { CORPUS_DIR } from './corpus';

const lex = loadLexicon();
/** The reference: the dictionaries read into a plain map, word by word. */
const tags = dictionaryWords();

describe('project lexicon look-ups', () => {
  test('every word of the dictionary is found with its tag, by its place in a text', () => {
    let checked = 0;
    for (const [word, tag] of tags) {
      const text = `甲${word}乙`;
      assert.equal(tagAt(lex, text, 1, word.length), tag, word);
      checked++;
    }
    assert.ok(checked > 300_000, `${checked} words`);
  });

  test('strings that are no word are not found, and the reverse and forward maximum matches agree with the map', () => {
    const text = readFileSync(join(CORPUS_DIR, 'national-2016.txt'), 'utf8').slice(0, 20_000);
    let words = 0;
    for (let end = 1; end <= text.length; end++) {
      for (let len = 1; len <= Math.min(MAX_WORD, end); len++) {
        assert.equal(tagAt(lex, text, end - len, len), tags.get(text.slice(end - len, end)), `${text.slice(end - len, end)} at ${end - len}`);
      }
      // The reference: the longest word of 2 to MAX_WORD characters in the map that ends here.
      const got = wordBefore(lex, text, end);
      if (!isHan(text[end - 1])) continue;
      let expected = text[end - 1];
      for (let len = Math.min(MAX_WORD, end); len >= 2; len--) {
        if (tags.has(text.slice(end - len, end))) {
          expected = text.slice(end - len, end);
          break;
        }
      }
      assert.equal(got.word, expected, `word before ${end}`);
      assert.equal(got.tag, tags.get(expected) ?? 'x');
      const after = wordAfter(lex, text, end - 1);
      let forward = text[end - 1];
      for (let len = Math.min(MAX_WORD, text.length - end + 1); len >= 2; len--) {
        if (tags.has(text.slice(end - 1, end - 1 + len))) {
          forward = text.slice(end - 1, end - 1 + len);
          break;
        }
      }
      assert.equal(after?.word, forward, `word after ${end - 1}`);
      words++;
    }
    assert.ok(words > 10_000);
  });
});

test('the holder is looked up in TAG_OVERRIDES and STOP_WORDS only when longer than one character (nameAt): they hold none', () => {
  for (const w of [...TAG_OVERRIDES.keys(), ...STOP_WORDS]) assert.ok(w.length > 1, w);
});

test('the words of a crafted clause of a million characters are not held once another clause is read', () => {
  // (Read word by word leftwards, as the scan does: wordBefore kept every word of the longest clause it had read, a
  // million objects in a worker that lives as long as the window, 63 MB for this clause.)
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  wordBefore(lex, '今年建成公园', 6);
  gc();
  const before = process.memoryUsage().heapUsed;
  const crafted = '公园'.repeat(500_000);
  for (let end = crafted.length; end > 0; ) end = wordBefore(lex, crafted, end).start;
  wordBefore(lex, '今年建成公园', 6);
  gc();
  const retainedMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  assert.ok(retainedMb < 16, `${retainedMb.toFixed(1)} MB held after the crafted clause`);
});
