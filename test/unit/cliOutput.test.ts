// The CLI's --out and stdout as a user meets them: real processes (dist/cli.js), real files, links, FIFOs,
// devices and signals.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, createReadStream, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAnnotationSet } from '../../src/core/schema';
import { CORPUS_DIR, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const scratch = () => tempDir('report-annotator-out-');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const REPORT = '𡌶村简报\n一般公共预算收入完成51593万元，同比增长34.2%。\n';

function withReport(): { dir: string; report: string } {
  const dir = scratch();
  const report = join(dir, 'a.txt');
  writeFileSync(report, REPORT);
  return { dir, report };
}

test('--out naming an input (same path, another spelling, a symlink, a hard link) is refused, the input untouched', () => {
  const { dir } = withReport();
  symlinkSync('a.txt', join(dir, 'link.json'));
  linkSync(join(dir, 'a.txt'), join(dir, 'hard.txt'));
  for (const out of ['a.txt', './a.txt', join(dir, 'a.txt'), 'link.json', 'hard.txt']) {
    const r = run(dir, 'analyze', 'a.txt', '--no-projects', '--out', out);
    assert.equal(r.status, 2, `--out ${out}: ${r.stderr}`);
    assert.match(r.stderr, /is the input a\.txt; it would be overwritten/);
    assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), REPORT);
  }
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'hard.txt', 'link.json']);
});

test('--out naming an annotation sidecar (existing or not, by name or through a link) or the codebook is refused, for every command', () => {
  const { dir } = withReport();
  const sidecar = join(dir, 'a.txt.annotations.json');
  const annotations = '{"version":1,"annotations":[]}\n';
  writeFileSync(sidecar, annotations);
  const codebook = join(dir, 'report-annotator.codebook.json');
  writeFileSync(codebook, '{"tags":[]}\n');
  symlinkSync('a.txt.annotations.json', join(dir, 'link.csv'));
  // (Through a folder that does not exist: the real path stops at the link, the writer resolves the .. by name.)
  symlinkSync('nosuchdir/../a.txt.annotations.json', join(dir, 'through.csv'));
  symlinkSync('nosuchdir/../report-annotator.codebook.json', join(dir, 'through.json'));
  symlinkSync('c.txt.annotations.json', join(dir, 'dangling.csv'));
  for (const [args, out] of [
    [['export', '--format', 'json', 'a.txt'], 'a.txt.annotations.json'],
    [['table', 'annotations', 'a.txt'], sidecar],
    [['analyze', 'a.txt', '--no-projects'], './a.txt.annotations.json'],
    [['analyze', 'a.txt', '--no-projects'], 'b.txt.annotations.json'],
    [['table', 'hits', 'a.txt', '-q', '收入'], 'link.csv'],
    [['table', 'hits', 'a.txt', '-q', '收入'], 'through.csv'],
    [['table', 'hits', 'a.txt', '-q', '收入'], 'dangling.csv'],
    [['analyze', 'a.txt', '--no-projects'], 'through.json'],
    [['export', '--format', 'jsonld', 'a.txt'], 'report-annotator.codebook.json'],
    [['table', 'figures', 'a.txt'], codebook],
    [['schema'], codebook],
  ] as const) {
    const r = run(dir, ...args, '--out', out);
    assert.equal(r.status, 2, `${args.join(' ')} --out ${out}: ${r.stderr}`);
    assert.match(r.stderr, /(annotation sidecar|is the codebook); it is never written over/);
  }
  assert.equal(readFileSync(sidecar, 'utf8'), annotations);
  assert.equal(readFileSync(codebook, 'utf8'), '{"tags":[]}\n');
  assert.deepEqual(
    readdirSync(dir).sort(),
    ['a.txt', 'a.txt.annotations.json', 'dangling.csv', 'link.csv', 'report-annotator.codebook.json', 'through.csv', 'through.json'],
    'nothing written, no temporary file',
  );
});

test('--out naming any file the command reads is refused: standard input\'s file, the indicator entries, the sets and reports agreement compares', () => {
  const { dir } = withReport();
  const indicators = join(dir, 'ind.json');
  const entries = '{"indicators":[]}\n';
  writeFileSync(indicators, entries);
  const stdinRun = (out: string) => spawnSync(process.execPath, [CLI, 'table', 'hits', '-', '-q', '收入', '--out', out], { encoding: 'utf8', cwd: dir, input: undefined, stdio: [openSync(join(dir, 'a.txt'), 'r'), 'pipe', 'pipe'] });
  const fromStdin = stdinRun('a.txt');
  assert.equal(fromStdin.status, 2, fromStdin.stderr);
  assert.match(fromStdin.stderr, /is the input \(standard input\); it would be overwritten/);
  const withIndicators = run(dir, 'table', 'figures', 'a.txt', '--indicators', 'ind.json', '--out', 'ind.json');
  assert.equal(withIndicators.status, 2, withIndicators.stderr);
  assert.match(withIndicators.stderr, /is the input ind\.json; it would be overwritten/);
  mkdirSync(join(dir, 'coderB'));
  writeFileSync(join(dir, 'coderB', 'a.txt'), REPORT);
  for (const out of ['a.txt', 'coderB/a.txt']) {
    const r = run(dir, 'agreement', '.', 'coderB', '--out', out);
    assert.equal(r.status, 2, `agreement --out ${out}: ${r.stderr}`);
    assert.match(r.stderr, /it would be overwritten/);
  }
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), REPORT);
  assert.equal(readFileSync(join(dir, 'coderB', 'a.txt'), 'utf8'), REPORT);
  assert.equal(readFileSync(indicators, 'utf8'), entries);
  // A file that is not read is written as before.
  assert.equal(stdinRun('hits.csv').status, 0);
  assert.match(readFileSync(join(dir, 'hits.csv'), 'utf8'), /^document,/);
});

test('--out through a symlink replaces the link\'s target and keeps the link; a replaced file keeps its mode', () => {
  const { dir } = withReport();
  writeFileSync(join(dir, 'real.json'), 'old');
  chmodSync(join(dir, 'real.json'), 0o640);
  symlinkSync('real.json', join(dir, 'out.json'));
  const r = run(dir, 'analyze', 'a.txt', '--no-projects', '--out', 'out.json');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(join(dir, 'out.json')).isSymbolicLink(), 'the link is still a link');
  assert.equal(readlinkSync(join(dir, 'out.json')), 'real.json');
  assert.equal(parseAnnotationSet(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).documents.length, 1);
  assert.equal(statSync(join(dir, 'real.json')).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'out.json', 'real.json'], 'no temporary file is left');
});

test('--out /dev/null and a FIFO are written directly, never renamed over', { timeout: 60_000 }, async () => {
  const { dir } = withReport();
  const r = run(dir, 'analyze', 'a.txt', '--no-projects', '--out', '/dev/null');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(statSync('/dev/null').isCharacterDevice());

  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const child = spawn(process.execPath, [CLI, 'analyze', 'a.txt', '--no-projects', '--out', fifo], { cwd: dir });
  const exited = once(child, 'exit');
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(fifo)) chunks.push(chunk as Buffer);
  const [code] = await exited;
  assert.equal(code, 0);
  assert.equal(parseAnnotationSet(JSON.parse(Buffer.concat(chunks).toString('utf8'))).documents.length, 1);
  assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO is still a FIFO');
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'pipe.json']);
});

test('an --out that cannot be written is named in the error, not the temporary file', () => {
  const { dir } = withReport();
  const r = run(dir, 'analyze', 'a.txt', '--no-projects', '--out', 'no/such/dir/out.json');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no\/such\/dir\/out\.json: cannot write \(ENOENT/);
  assert.doesNotMatch(r.stderr, /\.tmp/);
  const d = run(dir, 'analyze', 'a.txt', '--no-projects', '--out', dir);
  assert.equal(d.status, 1);
  assert.match(d.stderr, /is a directory/);
});

// The CLI ends by the signal itself (a shell reports 128 + its number: 143, 130), after removing its temporary file.
for (const [signal, status] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  test(`${signal} while writing --out removes the temporary file (exit ${status})`, { timeout: 60_000 }, async () => {
    const { dir } = withReport();
    const fifo = join(dir, 'slow.txt'); // an input nobody writes: the CLI waits on it with --out open
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [CLI, 'analyze', fifo, '--no-projects', '--out', 'out.json'], { cwd: dir });
    const exited = once(child, 'exit');
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp'))) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill(signal);
    const [code, by] = await exited;
    assert.deepEqual([code, by], [null, signal]);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'slow.txt'], 'neither the output nor its temporary file');
  });
}

test('piped into head, the CLI ends quietly with exit 0 (EPIPE is not an error)', () => {
  const reports = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS_DIR, f));
  const script = `"${process.execPath}" "${CLI}" analyze --no-projects "$@" | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script, 'cli', ...reports], { encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'status 0');
  assert.equal(r.stderr, '', 'no stack trace');
});

test('--out= with nothing is wrong usage', () => {
  const { dir } = withReport();
  for (const args of [['--out='], ['--out'], ['-o']]) {
    const r = run(dir, 'analyze', 'a.txt', ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /usage:/);
  }
});
