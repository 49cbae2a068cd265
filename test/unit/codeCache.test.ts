// The extension's bundle loaded with V8's code cache (src/extension/common/codeCache.ts): real files, real V8.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBundle } from '../../src/extension/common/codeCache';
import { tempDir } from '../tempDir';

/** A CommonJS module as esbuild writes one: it requires a built-in module and exports through `module.exports`. */
function writeBundle(dir: string, answer: number, name = 'bundle.js'): string {
  const file = join(dir, name);
  const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${answer}; }`).join('\n');
  writeFileSync(file, `const path = require('node:path');\n${body}\nmodule.exports = { answer: () => f0(1), base: path.basename(__filename), dir: __dirname };\n`);
  return file;
}

type Bundle = { answer(): number; base: string; dir: string };

/**
 * Loads `file` in a process of its own, and saves the cache there: within one process V8 finds a script compiled
 * before in its own memory and never reads the cache given to it.
 */
function loadApart(file: string, cacheDir: string | undefined): { cache: string; answer: number; saved: boolean } {
  const script = `const { loadBundle } = require(${JSON.stringify(require.resolve('../../src/extension/common/codeCache'))});
    const b = loadBundle(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}, require);
    b.saveCache().then((saved) => console.log(JSON.stringify({ cache: b.cache, answer: b.exports.answer(), saved })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

test('the second load compiles from the cache the first one saved, with the same exports', () => {
  const dir = tempDir('code-cache-');
  const file = writeBundle(dir, 42);
  const cacheDir = join(dir, 'storage', 'code-cache');
  const here = loadBundle<Bundle>(file, cacheDir, require);
  assert.deepEqual([here.exports.answer(), here.exports.base, here.exports.dir], [42, 'bundle.js', dir]);
  assert.deepEqual(loadApart(file, cacheDir), { cache: 'absent', answer: 42, saved: true });
  assert.deepEqual(loadApart(file, cacheDir), { cache: 'used', answer: 42, saved: false }, 'a cache that was used is not written again');
  assert.equal(readdirSync(cacheDir).length, 1);
});

test('a cache V8 cannot use is rejected, the bundle still loads, and the cache is made anew', () => {
  const dir = tempDir('code-cache-');
  const file = writeBundle(dir, 7);
  const cacheDir = join(dir, 'code-cache');
  loadApart(file, cacheDir);
  const [name] = readdirSync(cacheDir);
  writeFileSync(join(cacheDir, name), Buffer.from('not a code cache, but the same name'));
  assert.deepEqual(loadApart(file, cacheDir), { cache: 'rejected', answer: 7, saved: true });
  assert.equal(loadApart(file, cacheDir).cache, 'used');
});

test('a changed bundle of the same length gets a cache of its own, and the old one is removed', () => {
  const dir = tempDir('code-cache-');
  const cacheDir = join(dir, 'code-cache');
  loadApart(writeBundle(dir, 11), cacheDir);
  // (V8 checks a cache against the source's length only: the same length must not reuse it.)
  assert.deepEqual(loadApart(writeBundle(dir, 12), cacheDir), { cache: 'absent', answer: 12, saved: true });
  assert.equal(readdirSync(cacheDir).length, 1);
  assert.equal(loadApart(writeBundle(dir, 12), cacheDir).cache, 'used');
});

test('two bundles keep their caches side by side (the extension\'s and the analysis worker\'s share a folder)', () => {
  const dir = tempDir('code-cache-');
  const cacheDir = join(dir, 'code-cache');
  loadApart(writeBundle(dir, 1, 'extensionMain.js'), cacheDir);
  loadApart(writeBundle(dir, 2, 'analysisWorkerMain.js'), cacheDir);
  assert.equal(readdirSync(cacheDir).length, 2);
  assert.equal(loadApart(writeBundle(dir, 1, 'extensionMain.js'), cacheDir).cache, 'used');
  assert.equal(loadApart(writeBundle(dir, 2, 'analysisWorkerMain.js'), cacheDir).cache, 'used');
});

test('without storage the bundle loads without a cache and nothing is written', () => {
  const dir = tempDir('code-cache-');
  assert.deepEqual(loadApart(writeBundle(dir, 3), undefined), { cache: 'off', answer: 3, saved: false });
  assert.deepEqual(readdirSync(dir), ['bundle.js']);
});
