// The CLI as a user runs it: a real process on real files (dist/cli.js, built by scripts/build.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAnnotationSet } from '../../src/core/schema';
import { CORPUS_DIR, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
const scratch = () => tempDir('report-annotator-cli-');

test('analyze writes a valid AnnotationSet for a corpus report to --out', () => {
  const dir = scratch();
  const out = join(dir, 'set.json');
  const report = join(CORPUS_DIR, '001_644dbfd378649ff3.txt');
  const r = run('analyze', report, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const set = parseAnnotationSet(JSON.parse(readFileSync(out, 'utf8')));
  assert.equal(set.offsetEncoding, 'codepoint');
  assert.equal(set.documents.length, 1);
  const doc = set.documents[0];
  const text = readFileSync(report, 'utf8');
  assert.equal(doc.length, [...text].length);
  assert.ok(doc.paragraphs.length > 5);
  assert.deepEqual(readdirSync(dir), ['set.json'], 'no temporary file is left beside the output');
});

test('analyze prints to stdout and takes several files', () => {
  const files = ['001_644dbfd378649ff3.txt', '003_89d403a9849428ca.txt'].map((f) => join(CORPUS_DIR, f));
  const r = run('analyze', ...files, '--no-projects');
  assert.equal(r.status, 0, r.stderr);
  const set = parseAnnotationSet(JSON.parse(r.stdout));
  assert.equal(set.documents.length, 2);
  assert.ok(set.documents.every((d) => d.projects.length === 0), '--no-projects lists no projects');
});

test('offsets in the export are code points: a character outside the BMP counts once', () => {
  const dir = scratch();
  const file = join(dir, 'astral.txt');
  const text = '𡌶𡌶村简报\n一般公共预算收入完成51593万元，同比增长34.2%。\n';
  writeFileSync(file, text);
  const r = run('analyze', file, '--no-projects');
  assert.equal(r.status, 0, r.stderr);
  const doc = parseAnnotationSet(JSON.parse(r.stdout)).documents[0];
  const points = [...text];
  assert.equal(doc.length, points.length);
  const second = doc.paragraphs[1];
  assert.equal(points.slice(second.range.start, second.range.end).join(''), '一般公共预算收入完成51593万元，同比增长34.2%。');
  for (const f of doc.figures) assert.equal(points.slice(f.range.start, f.range.end).join(''), f.text);
});

test('a bad report is named on stderr and skipped: exit 1, the others written; nothing at all when none is good', () => {
  const dir = scratch();
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const blank = join(dir, 'blank.txt');
  writeFileSync(blank, '  \n\n\t\n');
  const binary = join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const gbk = join(dir, 'gbk.txt');
  writeFileSync(gbk, Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7])); // 政府工作 in GBK
  const cases: [string[], RegExp][] = [
    [['analyze', join(dir, 'missing.txt')], /missing\.txt: no such file/],
    [['analyze', empty], /empty\.txt: the file is empty/],
    [['analyze', blank], /blank\.txt: the file holds only white space/],
    [['analyze', binary], /image\.png: the file is binary/],
    [['analyze', gbk], /gbk\.txt: the file is not valid UTF-8/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args, '--no-projects');
    assert.equal(r.status, 1, `${args.join(' ')} exits 1`);
    assert.match(r.stderr, message);
    assert.deepEqual(parseAnnotationSet(JSON.parse(r.stdout)).documents, [], 'an empty set');
  }
  // A folder: its .txt files are read (three bad ones named), image.png is not a report and is skipped.
  const good = join(dir, 'good.txt');
  writeFileSync(good, '简报\n新建道路20公里。\n');
  for (const jobs of ['1', '2']) {
    const out = join(dir, `out${jobs}.json`);
    const r = run('analyze', dir, '--out', out, '--no-projects', '--jobs', jobs);
    assert.equal(r.status, 1, r.stderr);
    for (const name of ['empty', 'blank', 'gbk']) assert.match(r.stderr, new RegExp(`${name}\\.txt`));
    assert.doesNotMatch(r.stderr, /image\.png/);
    const set = parseAnnotationSet(JSON.parse(readFileSync(out, 'utf8')));
    assert.deepEqual(set.documents.map((d) => d.uri.split('/').pop()), ['good.txt']);
  }
});

test('usage errors exit 2 with the usage', () => {
  for (const args of [[], ['frobnicate'], ['analyze'], ['analyze', '--bogus', 'x.txt']]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${JSON.stringify(args)} exits 2`);
    assert.match(r.stderr, /usage:/);
  }
});

test('schema prints the JSON Schema generated from the zod schema', () => {
  const r = run('schema');
  assert.equal(r.status, 0, r.stderr);
  const schema = JSON.parse(r.stdout);
  assert.equal(schema.type, 'object');
  assert.deepEqual(schema.properties.offsetEncoding.const, 'codepoint');
  const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'annotation-set.schema.json'), 'utf8'));
  assert.deepEqual(shipped, schema, 'the shipped schema file is the generated one');
});

test('schema --sidecar prints the sidecar JSON Schema, shipped beside the export schema', () => {
  const r = run('schema', '--sidecar');
  assert.equal(r.status, 0, r.stderr);
  const schema = JSON.parse(r.stdout);
  assert.equal(schema.properties.format.const, 'report-annotator.sidecar');
  const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'sidecar.schema.json'), 'utf8'));
  assert.deepEqual(shipped, schema);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const validation = pkg.contributes.jsonValidation as { fileMatch: string[]; url: string }[];
  assert.deepEqual(
    // (other files may have schemas of their own after these two)
    validation.slice(0, 2).map((v) => [v.fileMatch.join(), v.url]),
    [
      ['*.report-annotations.json', './dist/annotation-set.schema.json'],
      ['*.annotations.json', './dist/sidecar.schema.json'],
    ],
  );
});

test('npx report-annotator runs this checkout\'s CLI (the package\'s own bin), never one from the registry', () => {
  const r = spawnSync('npx', ['--offline', 'report-annotator', 'schema', '--sidecar'], { encoding: 'utf8', cwd: REPO_ROOT });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).properties.format.const, 'report-annotator.sidecar');
});
