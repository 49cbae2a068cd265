// The CLI's export and agreement commands, run in-process: reports and sidecars in a temporary workspace,
// the codebook found up the tree, each format read back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { agreementCommand, formatAgreement } from '../../src/cli/agreementCommand';
import { exportCommand } from '../../src/cli/exportCommand';
import { UsageError } from '../../src/cli/usage';
import { AnnotationStore } from '../../src/core/annotations';
import { analyzeText } from '../../src/core/analyze';
import { compareCoders } from '../../src/core/coding/agreement';
import { loadCoderSet } from '../../src/core/coding/agreementInputs';
import { serializeCodebook, parseCodebook } from '../../src/core/coding/codebookSchema';
import { importQdpx } from '../../src/core/coding/qdpxImport';
import { unzipBounded } from '../../src/core/coding/zipBounded';
import { sidecarOfReport } from '../../src/core/coding/tagOperations';
import { importWebAnnotations } from '../../src/core/coding/webAnnotation';
import { parseAnnotationSet } from '../../src/core/schema';
import { serializeSidecar } from '../../src/core/sidecar';
import { corpusText, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

const REPORTS = ['002_395ec08d707c8053.txt', '003_89d403a9849428ca.txt'];

/** A workspace folder: the codebook at its root, two corpus reports in reports/ with sidecars (tags per paragraph index). */
function workspace(tagging: Record<number, string[]>[] = [{ 2: ['财政'], 5: ['民生'] }, { 3: ['民生', '财政'] }]) {
  const root = tempDir('coding-cli-');
  writeFileSync(join(root, 'report-annotator.codebook.json'), serializeCodebook(parseCodebook({ tags: [{ name: '财政', color: '#d9534f' }, { name: '民生', color: '#5cb85c' }] })));
  mkdirSync(join(root, 'reports'));
  REPORTS.forEach((name, i) => {
    const text = corpusText(name);
    const file = join(root, 'reports', name);
    writeFileSync(file, text);
    const paragraphs = analyzeText(text).paragraphs;
    const store = new AnnotationStore();
    for (const [p, tags] of Object.entries(tagging[i] ?? {})) store.tagParagraphs(text, [paragraphs[Number(p)].range], tags);
    writeFileSync(sidecarOfReport(file), serializeSidecar(text, store.list()));
  });
  return root;
}

test('export --format qdpx|jsonld|json: the sidecars beside the reports, the codebook from up the tree, paths from its folder', async () => {
  const root = workspace();
  const reports = REPORTS.map((name) => ({ path: `reports/${name}`, text: corpusText(name) }));
  const qdpx = join(root, 'out.qdpx');
  await exportCommand(['--format', 'qdpx', join(root, 'reports'), '--out', qdpx]);
  const back = importQdpx(readFileSync(qdpx), reports);
  assert.deepEqual(back.tags.map((t) => [t.name, t.color]), [['财政', '#d9534f'], ['民生', '#5cb85c']]);
  assert.deepEqual(back.reports.map((r) => [r.path, r.annotations.length]), [[`reports/${REPORTS[0]}`, 2], [`reports/${REPORTS[1]}`, 1]]);
  // The reports' metadata (from the analysis) as Variables with a value on each source.
  const qde = new TextDecoder().decode(unzipBounded(readFileSync(qdpx)).get('project.qde'));
  assert.match(qde, /<Variable guid="[^"]+" name="year" typeOfVariable="Integer"\/>/);
  assert.match(qde, /<IntegerValue>2020<\/IntegerValue>/);
  assert.match(qde, /<TextValue>洛阳市西工区<\/TextValue>/);

  const jsonld = join(root, 'out.jsonld');
  await exportCommand(['-f', 'jsonld', join(root, 'reports', REPORTS[1]), '-o', jsonld]);
  const web = importWebAnnotations(readFileSync(jsonld, 'utf8'), reports);
  assert.deepEqual(web.reports.map((r) => [r.path, r.annotations[0].tags]), [[`reports/${REPORTS[1]}`, ['民生', '财政']]]);

  const json = join(root, 'out.json');
  await exportCommand(['--format=json', join(root, 'reports'), '--out', json]);
  const set = parseAnnotationSet(JSON.parse(readFileSync(json, 'utf8')));
  assert.deepEqual(set.documents.map((d) => [d.uri, d.annotations.length, d.paragraphs.length > 0]), [[`reports/${REPORTS[0]}`, 2, true], [`reports/${REPORTS[1]}`, 1, true]]);
});

test('export usage errors: no format, no path, a qdpx without --out, a path that is not there', async () => {
  await assert.rejects(exportCommand(['x.txt']), (e: unknown) => e instanceof UsageError && /export needs --format qdpx\|jsonld\|json/.test(e.message));
  await assert.rejects(exportCommand(['--format', 'jsonld']), /at least one PATH/);
  await assert.rejects(exportCommand(['--format', 'qdpx', 'x.txt']), /give --out FILE/);
  await assert.rejects(exportCommand(['--format', 'rtf', 'x.txt']), UsageError);
  await assert.rejects(exportCommand(['--format', 'jsonld', '/no/such/report.txt']), /no such file or folder/);
});

test('agreement A B: two folders of sidecars beside copies of the reports; text and json', async () => {
  const a = workspace([{ 2: ['财政'], 5: ['民生'] }, { 3: ['民生', '财政'] }]);
  const b = workspace([{ 2: ['财政'], 6: ['民生'] }, { 3: ['民生'] }]);
  const out = join(a, 'agreement.txt');
  await agreementCommand([join(a, 'reports'), join(b, 'reports'), '--out', out]);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^Compared 2 reports, \d+ paragraphs/m);
  assert.match(text, /^财政 +1?\d +\d+ +\d+ +[\d.]+ +[\d.]+ +[\d.]+$/m);
  assert.match(text, /^overall +[\d.]+ +[\d.]+ +[\d.]+$/m);
  assert.match(text, /Paragraphs where the coders differ: 3/);
  assert.match(text, /\n  A: 民生\n  B: —\n/);
  await agreementCommand([join(a, 'reports'), join(b, 'reports'), '--format', 'json', '--out', out]);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(json.disagreements.length, 3);
  assert.equal(json.tags.find((t: { tag: string }) => t.tag === '财政').b, 1);
  await assert.rejects(agreementCommand([a]), /give A and B/);
  await assert.rejects(agreementCommand([a, b, '--format', 'xml']), /text or json/);
});

test('the text report says which reports were left out', async () => {
  const a = workspace();
  const r = compareCoders(await loadCoderSet(join(a, 'reports'), 'A'), { label: 'B', reports: [] });
  assert.match(formatAgreement(r), /Left out 002_395ec08d707c8053\.txt: only in A/);
  assert.match(formatAgreement(r), /overall +– +– +–/);
});

test('the built CLI: export and agreement registered, usage errors exit 2, schema --codebook', () => {
  const CLI = join(REPO_ROOT, 'dist', 'cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  const root = workspace();
  const out = join(root, 'all.jsonld');
  const r = run('export', '--format', 'jsonld', join(root, 'reports'), '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).total, 3);
  assert.equal(run('export', '--help').status, 0);
  assert.equal(run('export', 'x.txt').status, 2);
  const agreement = run('agreement', join(root, 'reports'), join(root, 'reports'));
  assert.equal(agreement.status, 0, agreement.stderr);
  assert.match(agreement.stdout, /Paragraphs where the coders differ: 0/);
  assert.equal(run('agreement', root).status, 2);
  assert.equal(run('agreement', root, join(root, 'missing')).status, 1);
  const schema = run('schema', '--codebook');
  assert.equal(schema.status, 0);
  assert.ok(JSON.parse(schema.stdout).properties.tags);
});
