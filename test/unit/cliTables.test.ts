// The CLI as a data tool: folders and stdin as inputs, JSON Lines, --jobs (same output, input order), the flat
// tables (exact columns, RFC 4180), sidecar annotations, a bad file skipped with exit 1, unknown indicator keys.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parseAnnotationSet } from '../../src/core/schema';
import { serializeSidecar } from '../../src/core/sidecar';
import { FIGURE_COLUMNS, HIT_COLUMNS } from '../../src/core/tables';
import { CORPUS_DIR, folderReports, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';
import { parseCsv } from '../csv';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (cwd: string, args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input });
const NATIONAL = resolve(CORPUS_DIR, '..', 'corpus-national');

/** A folder of five national reports, one in a sub-folder, with a note and an empty .txt beside them. */
function workspace(): string {
  const dir = tempDir('report-annotator-tables-');
  mkdirSync(join(dir, 'older'));
  for (const y of [2009, 2010, 2011, 2012]) copyFileSync(join(NATIONAL, `national-${y}.txt`), join(dir, `national-${y}.txt`));
  copyFileSync(join(NATIONAL, 'national-2005.txt'), join(dir, 'older', 'national-2005.txt'));
  writeFileSync(join(dir, 'README.md'), '# not a report\n');
  return dir;
}

test('table targets --indicator gdp --role target: the header of spec.md, the targets of each report in input order, same with --jobs', () => {
  const dir = workspace();
  const one = run(dir, ['table', 'targets', '.', '--indicator', 'gdp', '--role', 'target', '--jobs', '1']);
  assert.equal(one.status, 0, one.stderr);
  const rows = parseCsv(one.stdout);
  assert.deepEqual(rows[0], [...FIGURE_COLUMNS]);
  const col = (name: string) => FIGURE_COLUMNS.indexOf(name as (typeof FIGURE_COLUMNS)[number]);
  assert.deepEqual(
    rows.slice(1).map((r) => [r[col('document')], r[col('figureYear')], r[col('value')], r[col('bound')]]),
    [
      ['national-2009.txt', '2009', '8', 'about'],
      ['national-2010.txt', '2010', '8', 'about'],
      // the “十二五” goal: 2015年国内生产总值将超过55万亿元
      ['national-2011.txt', '2015', '55', 'atLeast'],
      ['national-2011.txt', '2011', '8', 'about'],
      ['national-2012.txt', '2012', '7.5', 'exact'],
      ['older/national-2005.txt', '2005', '8', 'about'],
    ],
  );
  assert.ok(rows.slice(1).every((r) => r[col('sentence')].includes('国内生产总值')));
  for (const jobs of ['2', '3']) assert.equal(run(dir, ['table', 'targets', '.', '--indicator', 'gdp', '--role', 'target', '--jobs', jobs]).stdout, one.stdout);
});

test('analyze --format jsonl: one document per line, the same for --jobs 1 and 2; json with --jobs 2 is the same set', () => {
  const dir = workspace();
  const a = run(dir, ['analyze', '.', '--format', 'jsonl', '--no-projects', '--jobs', '1']);
  const b = run(dir, ['analyze', '.', '--format', 'jsonl', '--no-projects', '--jobs', '2']);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const lines = a.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((d) => d.uri), ['national-2009.txt', 'national-2010.txt', 'national-2011.txt', 'national-2012.txt', 'older/national-2005.txt']);
  assert.deepEqual(lines[0].meta, { year: 2009, region: '中国', level: 'national', genre: 'workReport' });
  const set1 = JSON.parse(run(dir, ['analyze', '.', '--no-projects', '--jobs', '1']).stdout);
  const set2 = JSON.parse(run(dir, ['analyze', '.', '--no-projects', '--jobs', '2']).stdout);
  parseAnnotationSet(set2);
  delete set1.exportedAt;
  delete set2.exportedAt;
  assert.deepEqual(set2, set1);
  assert.deepEqual(set1.documents.map((d: { uri: string }) => d.uri), lines.map((d) => d.uri));
  assert.deepEqual(set1.documents[0], lines[0], 'a JSON line is the document of the set');
});

test('--jobs 2 with a 24 MB report, too large for a worker\'s usual heap: analysed again with more (with the report its worker had not started), the output the same as --jobs 1', () => {
  const dir = tempDir('report-annotator-large-');
  const reports = `${folderReports('corpus').join('\n')}\n`; // (the six texts of dense figures: one national report repeated fits)
  writeFileSync(join(dir, 'a-large.txt'), reports.repeat(Math.ceil((24 << 20) / Buffer.byteLength(reports))));
  copyFileSync(join(NATIONAL, 'national-2011.txt'), join(dir, 'b.txt'));
  // (c.txt: the large report's worker is given it ahead, and hands it on when it runs out of memory.)
  copyFileSync(join(NATIONAL, 'national-2010.txt'), join(dir, 'c.txt'));
  const args = ['analyze', 'a-large.txt', 'b.txt', 'c.txt', '--format', 'jsonl', '--no-projects', '--out'];
  const two = run(dir, [...args, 'two.jsonl', '--jobs', '2']);
  assert.equal(two.status, 0, two.stderr);
  assert.match(two.stderr, /a-large\.txt: too large for a worker's usual heap; analysed again with more/);
  assert.equal(run(dir, [...args, 'one.jsonl', '--jobs', '1']).status, 0);
  const [one, both] = ['one.jsonl', 'two.jsonl'].map((f) => readFileSync(join(dir, f), 'utf8'));
  assert.equal(both.split('\n').length, 4, 'the three reports');
  assert.ok(both === one, 'the same output');
});

test('analyze with projects: the same with --jobs 3 as with --jobs 1', () => {
  const dir = workspace();
  const a = run(dir, ['analyze', '.', '--format', 'jsonl', '--jobs', '1']);
  const b = run(dir, ['analyze', '.', '--format', 'jsonl', '--jobs', '3']);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.equal(b.stdout, a.stdout);
  assert.ok(a.stdout.split('\n').every((line) => !line || JSON.parse(line).projects.length > 0), 'projects in every report');
});

test('stdin (-) is a report named -; a bad file is named and skipped, exit 1, the rest written (--jobs 1 reads ahead: the same)', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'empty.txt'), '');
  const text = readFileSync(join(dir, 'national-2010.txt'), 'utf8');
  const outputs = ['1', '2'].map((jobs) => {
    const args = ['table', 'targets', '-', 'empty.txt', 'national-2012.txt', 'national-2011.txt', '--indicator', 'gdp', '--format', 'jsonl', '--out', 'out.jsonl', '--jobs', jobs];
    const r = run(dir, args, text);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /empty\.txt: the file is empty/);
    return readFileSync(join(dir, 'out.jsonl'), 'utf8');
  });
  assert.equal(outputs[0], outputs[1]);
  const rows = outputs[0].trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(Object.keys(rows[0]), [...FIGURE_COLUMNS]);
  assert.deepEqual([...new Set(rows.map((x) => x.document))], ['-', 'national-2012.txt', 'national-2011.txt']);
  assert.ok(rows.some((x) => x.document === '-' && x.role === 'target' && x.value === 8 && x.figureYear === 2010));
});

test('table annotations: one row per tag from the sidecars beside the reports, RFC 4180 quoting', () => {
  const dir = workspace();
  const report = join(dir, 'national-2012.txt');
  const text = readFileSync(report, 'utf8');
  const start = text.indexOf('国内生产总值47．2万亿元');
  const stamp = '2026-01-01T00:00:00.000Z';
  const target = { start, end: start + 12, exact: text.slice(start, start + 12), prefix: '', suffix: '' };
  writeFileSync(`${report}.annotations.json`, serializeSidecar(text, [
    { id: 'a1', tags: ['增长', '宏观'], note: 'GDP, "level"\nand growth', target, created: stamp, modified: stamp },
  ]));
  const r = run(dir, ['table', 'annotations', '.']);
  assert.equal(r.status, 0, r.stderr);
  const rows = parseCsv(r.stdout);
  assert.deepEqual(rows[0], ['document', 'id', 'tag', 'note', 'start', 'end', 'exact', 'created', 'modified']);
  const cp = [...text.slice(0, start)].length;
  assert.deepEqual(rows.slice(1), [
    ['national-2012.txt', 'a1', '增长', 'GDP, "level"\nand growth', String(cp), String(cp + 12), text.slice(start, start + 12), stamp, stamp],
    ['national-2012.txt', 'a1', '宏观', 'GDP, "level"\nand growth', String(cp), String(cp + 12), text.slice(start, start + 12), stamp, stamp],
  ]);
});

test('an unknown --indicator lists the known keys (exit 2); --indicators adds keys; a broken table file is named', () => {
  const dir = workspace();
  const r = run(dir, ['table', 'targets', '.', '--indicator', 'gpd']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown indicator gpd; the known ones are: gdp, gdpPerCapita,/);
  writeFileSync(join(dir, 'mine.json'), JSON.stringify([{ key: 'growth', name: '经济增长', kinds: ['percent'] }]));
  const ok = run(dir, ['table', 'figures', 'national-2012.txt', '--indicators', 'mine.json', '--indicator', 'growth']);
  assert.equal(ok.status, 0, ok.stderr);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ key: 'x', name: 'y', kinds: [] }]));
  const bad = run(dir, ['table', 'figures', 'national-2012.txt', '--indicators', 'bad.json']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.json: indicator entry 0 \("x"\): kinds/);
});

test('table hits --query: every hit with its report\'s metadata, code point offsets, context and sentence; --regex; same with --jobs', () => {
  const dir = workspace();
  // A report with 𡌶 (two UTF-16 units, one code point) before its hits, from standard input.
  const astral = '2020年洛阳市西工区政府工作报告\n\n𡌶𡌶全面建成小康社会，小康路上不落一人。\n';
  const one = run(dir, ['table', 'hits', '-', '.', '--query', '小康', '--jobs', '1'], astral);
  assert.equal(one.status, 0, one.stderr);
  const rows = parseCsv(one.stdout);
  assert.deepEqual(rows[0], [...HIT_COLUMNS]);
  const col = (name: string) => HIT_COLUMNS.indexOf(name as (typeof HIT_COLUMNS)[number]);
  const fromStdin = rows.filter((r) => r[col('document')] === '-');
  assert.deepEqual(fromStdin.map((r) => [r[col('year')], r[col('region')], r[col('start')], r[col('end')], r[col('match')]]), [
    ['2020', '洛阳市西工区', '25', '27', '小康'],
    ['2020', '洛阳市西工区', '30', '32', '小康'],
  ]);
  assert.equal([...astral].slice(25, 27).join(''), '小康');
  assert.equal(fromStdin[0][col('sentence')], '𡌶𡌶全面建成小康社会，小康路上不落一人。');
  // A hit that ends with its sentence's mark ends the sentence: the next one is not added.
  const marked = parseCsv(run(dir, ['table', 'hits', '-', '--query', '决定性成就。'], '脱贫攻坚取得决定性成就。全面建成小康社会。\n').stdout);
  assert.equal(marked[1][col('sentence')], '脱贫攻坚取得决定性成就。');
  // Every hit of the folder's reports, each where its offsets say, in input order; the same with --jobs 2.
  for (const r of rows.slice(1).filter((r) => r[col('document')] !== '-')) {
    assert.equal([...readFileSync(join(dir, r[col('document')]), 'utf8')].slice(Number(r[col('start')]), Number(r[col('end')])).join(''), '小康', r.join(' | '));
  }
  assert.ok(rows.length > 10);
  assert.equal(run(dir, ['table', 'hits', '-', '.', '--query', '小康', '--jobs', '2'], astral).stdout, one.stdout);
  const regex = parseCsv(run(dir, ['table', 'hits', '.', '-q', '全面(建成|建设)小康', '--regex'], '').stdout);
  assert.ok(regex.length > 1 && regex.slice(1).every((r) => /^全面(建成|建设)小康$/.test(r[col('match')])));
  // A crafted report of 300,000 hits is written a piece at a time: every row.
  const many = run(dir, ['table', 'hits', '-', '--query', '康', '--format', 'jsonl', '--out', 'many.jsonl'], '小康。'.repeat(300_000));
  assert.equal(many.status, 0, many.stderr);
  const lines = readFileSync(join(dir, 'many.jsonl'), 'utf8').split('\n');
  assert.equal(lines.length - 1, 300_000);
  assert.deepEqual(JSON.parse(lines[299_999]), { document: '-', year: null, region: null, level: null, title: null, start: 899_998, end: 899_999, left: '康。小康。小康。小康。小康。小康。小康。小康。小康。小康。小', match: '康', right: '。', sentence: '小康。' });
  // Wrong usage: no --query, a query for another table, a broken regular expression.
  for (const [args, message] of [
    [['table', 'hits', '.'], /table hits needs --query/],
    [['table', 'figures', '.', '--query', 'x'], /--query is for the hits table/],
    [['table', 'hits', '.', '--query', '(', '--regex'], /--query \(: Unterminated group/],
    [['table', 'hits', '.', '--query', 'x', '--indicator', 'gdp'], /--indicator and --role are for the figures and targets tables/],
    [['table', 'figures', '.', '--regex'], /--regex and --case-sensitive go with --query/],
    [['table', 'figures', '.', '--case-sensitive'], /--regex and --case-sensitive go with --query/],
  ] as const) {
    const r = run(dir, [...args]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
  }
});
