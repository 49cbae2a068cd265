// The learned choice of project names (src/core/projectModel.ts, weights in data/projectModel.json).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setCandidateRecorder, setProjectModel, type Candidate, type ProjectModel } from '../../src/core/projectModel';
import { findProjectNames } from '../../src/core/projects';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import { REPO_ROOT } from './corpus';

const segmenter = loadJiebaSegmenter();
const file = join(REPO_ROOT, 'data/projectModel.json');
const shipped = JSON.parse(readFileSync(file, 'utf8')) as ProjectModel;
const names = (text: string) => findProjectNames(text, segmenter).sort();

test('the shipped weights load, are small and name only known features', () => {
  assert.ok(statSync(file).size < 1_000_000);
  assert.ok(Object.keys(shipped.weights).length > 100);
  // (An unknown feature template throws: the file and the code agree.)
  setProjectModel(shipped);
  assert.throws(() => setProjectModel({ weights: { 'nosuch=1': 1 } }), /unknown feature/);
  setProjectModel(shipped);
});

test('the model scores deterministically, and without it the rules decide alone', () => {
  const text = '加快中国—东盟信息港建设，福地灯具城开业，建成西安国家版本馆和未来信息港，万达广场开业。';
  const first = names(text);
  assert.deepEqual(names(text), first);
  setProjectModel(undefined);
  const rules = names(text);
  setProjectModel(shipped);
  assert.deepEqual(names(text), first);
  // The rules reject these facilities for lack of a place name; the tune labels count them.
  assert.ok(!rules.includes('中国—东盟信息港') && first.includes('中国—东盟信息港'), first.join(' '));
  assert.ok(first.includes('西安国家版本馆'), first.join(' '));
  assert.ok(first.includes('万达广场') && rules.includes('万达广场'));
});

test('the model keeps what the rules find and rejects descriptions', () => {
  setProjectModel(shipped);
  const found = names('彩虹咸阳超薄高透光伏玻璃生产线项目点火投产，光伏新能源配套产业园加快建设，姜家变电站建成投运。');
  for (const n of ['彩虹咸阳超薄高透光伏玻璃生产线项目', '光伏新能源配套产业园', '姜家变电站']) assert.ok(found.includes(n), `${n} in ${found.join(' ')}`);
  // spec.md: a description that could name a project anywhere is none.
  assert.deepEqual(names('推进城市更新项目和医院项目建设，实施一批教育基础设施项目。'), []);
  // A name the rules rejected does not swallow one they gave (开园 is no facility).
  const park = names('上阳宫文化园开园，上阳宫遗址保护展示工程完工。');
  assert.ok(park.includes('上阳宫文化园') && !park.some((n) => n.endsWith('开园')), park.join(' '));
});

test('candidates carry the rules verdict and end where the rules end a name', () => {
  const seen: { text: string; candidates: Candidate[] }[] = [];
  setCandidateRecorder((text, candidates) => seen.push({ text, candidates }));
  try {
    findProjectNames('姜家变电站二期开工。', segmenter);
  } finally {
    setCandidateRecorder(undefined);
  }
  const all = seen.flatMap(({ text, candidates }) => candidates.map((c) => ({ name: text.slice(c.start, c.end), features: c.features })));
  const rulesOwn = all.find((c) => c.name === '姜家变电站二期');
  assert.ok(rulesOwn, all.map((c) => c.name).join(' '));
  assert.ok(rulesOwn.features.includes('r=same'));
});
