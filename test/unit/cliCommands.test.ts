// The CLI's subcommands, help and version, and inputs that once broke a run: the same file twice, a
// device that never ends, a number beyond a double.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAnnotationSet } from '../../src/core/schema';
import { REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const scratch = () => tempDir('report-annotator-cmd-');

test('--help for the tool and each subcommand goes to stdout with exit 0; --version is the package version', () => {
  const dir = scratch();
  for (const args of [['--help'], ['-h'], ['analyze', '--help'], ['schema', '-h']]) {
    const r = run(dir, ...args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /usage:/);
    assert.equal(r.stderr, '');
  }
  assert.match(run(dir, 'analyze', '-h').stdout, /--no-projects/);
  assert.match(run(dir, 'schema', '--help').stdout, /--sidecar/);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(run(dir, '--version').stdout, `${pkg.version}\n`);
  assert.equal(run(dir, '--bogus').status, 2);
  assert.equal(run(dir, 'schema', 'extra').status, 2, 'schema takes no files');
});

test('the same file given twice (a.txt ./a.txt) is one document', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'a.txt'), '简报\n新建厂房3栋。\n');
  writeFileSync(join(dir, 'b.txt'), '简报\n新建道路20公里。\n');
  const r = run(dir, 'analyze', 'a.txt', './a.txt', 'b.txt', join(dir, 'a.txt'), '--no-projects');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(parseAnnotationSet(JSON.parse(r.stdout)).documents.map((d) => d.uri), ['a.txt', 'b.txt']);
});

test('/dev/zero as input is refused after the size limit, not read until memory runs out', () => {
  const r = run(scratch(), 'analyze', '/dev/zero', '--no-projects');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /\/dev\/zero: the file holds more than 32 MiB/);
});

test('a number beyond the range of a double is left out with a warning; the run and its JSON are fine', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'big.txt'), `简报\n投资1${'0'.repeat(305)}亿元，新建厂房3栋。\n`);
  const r = run(dir, 'analyze', 'big.txt', '--no-projects');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /big\.txt:2:3: 1000000000…0000亿元 \(308 characters\) is beyond the range of a double/);
  assert.doesNotMatch(r.stdout, /null|Infinity/);
  const doc = parseAnnotationSet(JSON.parse(r.stdout)).documents[0];
  assert.deepEqual(doc.figures.map((f) => f.text), ['3栋']);
});
