// nodejieba loading: the user dictionary is found from out/ and dist/, bad paths are refused before
// cppjieba sees them (it would abort the process), and a missing native module is reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findPackageRoot, loadJiebaSegmenter, resolveUserDictPath, USER_DICT_NAME } from '../../src/core/segmenter';
import { REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

const DICT = join(REPO_ROOT, 'dict', USER_DICT_NAME);

test('the user dictionary resolves from the compiled tests (out/src/core) and from the bundle (dist/)', () => {
  assert.equal(resolveUserDictPath(), DICT);
  assert.equal(resolveUserDictPath({}, join(REPO_ROOT, 'out', 'src', 'core')), DICT);
  assert.equal(resolveUserDictPath({}, join(REPO_ROOT, 'dist')), DICT);
  assert.equal(findPackageRoot(join(REPO_ROOT, 'dist')), REPO_ROOT);
  assert.ok(existsSync(DICT));
  assert.equal(resolveUserDictPath({ dictDir: '/some/where' }), join('/some/where', USER_DICT_NAME));
});

test('the user dictionary is well formed: "word freq tag" per line', () => {
  const lines = readFileSync(DICT, 'utf8').split('\n').filter((l) => l.trim());
  assert.ok(lines.length > 50);
  for (const line of lines) assert.match(line, /^\S+ \d+ [a-z]+$/, line);
  const words = lines.map((l) => l.split(' ')[0]);
  for (const w of ['项目', '工程', '产业园', '变电站', '管廊', '生产线', '万元', '个百分点', '一般公共预算收入']) assert.ok(words.includes(w), w);
});

test('a missing dictionary is an Error, not an abort of the process', () => {
  const dir = tempDir('report-annotator-dict-');
  assert.throws(() => loadJiebaSegmenter({ dictDir: dir }), (err: Error) => {
    assert.equal(err.message, `dictionary not found: ${join(dir, USER_DICT_NAME)}`);
    return true;
  });
  assert.throws(() => loadJiebaSegmenter({ dictDir: '/no/such/dir' }), /^Error: dictionary not found: \/no\/such\/dir\/report\.dict\.utf8$/);
  // cppjieba reads "a|b" as two files.
  assert.throws(() => loadJiebaSegmenter({ dictDir: '/tmp/a|b' }), /cannot contain "\|" or ";"/);
  // A directory by that name is not a dictionary either.
  mkdirSync(join(dir, USER_DICT_NAME));
  assert.throws(() => loadJiebaSegmenter({ dictDir: dir }), /dictionary not found/);
  // Still alive, and the real dictionary still loads afterwards.
  assert.ok(loadJiebaSegmenter().tag('项目').length > 0);
});

test('loaded once per process, with the report dictionary in effect', () => {
  const a = loadJiebaSegmenter();
  assert.equal(loadJiebaSegmenter(), a);
  const words = a.tag('沙澧连通综合管廊项目竣工，姜家变电站投运，光伏玻璃生产线投产。').map((t) => t.word);
  for (const w of ['项目', '变电站', '光伏', '生产线']) assert.ok(words.includes(w), `${w} is a token`);
  // Tokens cover the text exactly, characters outside the BMP included.
  const text = '𡌶村大数据产业园一期工程';
  assert.equal(a.tag(text).map((t) => t.word).join(''), text);
  assert.ok(a.tag(text).every((t) => typeof t.tag === 'string' && t.tag.length > 0));
});

test('a native module that cannot be loaded: the message says so, and jieba-wasm takes over', () => {
  // A fresh process where require('nodejieba') fails, as when the binary was not installed.
  const script = `
    const Module = require('node:module');
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (request === 'nodejieba') throw new Error('Cannot find module nodejieba.node');
      return load.call(this, request, ...rest);
    };
    const s = require(${JSON.stringify(join(REPO_ROOT, 'out', 'src', 'core', 'segmenter.js'))});
    try { const seg = s.loadJiebaSegmenter(); console.log(s.segmenterEngine() + ' ' + seg.tag('姜家变电站').map((t) => t.word).join('/')); }
    catch (err) { console.log(err.message); }`;
  const native = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, REPORT_ANNOTATOR_SEGMENTER: 'native' } });
  assert.equal(native.status, 0, native.stderr);
  assert.equal(native.stdout.trim(), 'nodejieba could not be loaded: Cannot find module nodejieba.node');
  const fallback = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, REPORT_ANNOTATOR_SEGMENTER: '' } });
  assert.equal(fallback.status, 0, fallback.stderr);
  assert.match(fallback.stdout.trim(), /^jieba-wasm .*变电站/);
});
