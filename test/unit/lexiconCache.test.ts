// The project scan's lexicon written to disk and read back (src/core/lexiconCache.ts): the same answers as the
// lexicon built from the dictionaries, word by word; anything that is not such a file is refused, never read.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lexiconCacheFile, readLexiconCache, writeLexiconCache } from '../../src/core/lexiconCache';
import { dictionaryWords, lexiconSources, loadLexicon, MAX_WORD, tagAt, wordBefore } from '../../src/core/projectLexicon';
import { CORPUS_DIR } from './corpus';

const built = loadLexicon();

test('the lexicon read back answers as the one built: every word, and every substring of a report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  const file = lexiconCacheFile(dir, 'bundle-hash', lexiconSources());
  await writeLexiconCache(file, built);
  const kept = (await readLexiconCache(file))!;
  assert.ok(kept, 'read back');
  let words = 0;
  for (const [word, tag] of dictionaryWords()) {
    assert.equal(tagAt(kept, `甲${word}乙`, 1, word.length), tag, word);
    words++;
  }
  assert.ok(words > 300_000);
  const text = readFileSync(join(CORPUS_DIR, 'national-2016.txt'), 'utf8').slice(0, 20_000);
  for (let end = 1; end <= text.length; end++) {
    for (let len = 1; len <= Math.min(MAX_WORD, end); len++) assert.equal(tagAt(kept, text, end - len, len), tagAt(built, text, end - len, len));
    assert.deepEqual({ ...wordBefore(kept, text, end) }, { ...wordBefore(built, text, end) });
  }
});

test('a file that is not a whole lexicon is refused; the name follows the code and the dictionaries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  const file = lexiconCacheFile(dir, 'one', lexiconSources());
  assert.notEqual(lexiconCacheFile(dir, 'two', lexiconSources()), file, 'other code, another file');
  assert.equal(await readLexiconCache(file), undefined, 'none yet');
  await writeLexiconCache(file, built);
  const bytes = readFileSync(file);
  writeFileSync(file, bytes.subarray(0, bytes.length - 1000));
  assert.equal(await readLexiconCache(file), undefined, 'cut short');
  writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(4)]));
  assert.equal(await readLexiconCache(file), undefined, 'longer');
  // The right length and header, the table's numbers not a table's (a look-up must never run on without end).
  const scrambled = Buffer.from(bytes);
  scrambled.fill(2, scrambled.length - 4_000_000, scrambled.length - 3_000_000);
  writeFileSync(file, scrambled);
  assert.equal(await readLexiconCache(file), undefined, 'scrambled');
  writeFileSync(file, Buffer.from('not a lexicon at all'));
  assert.equal(await readLexiconCache(file), undefined, 'garbage');
  // Another code's lexicon replaces this one: the folder keeps one.
  await writeLexiconCache(lexiconCacheFile(dir, 'two', lexiconSources()), built);
  assert.equal(readdirSync(dir).filter((f) => f.startsWith('lexicon-')).length, 1);
});
