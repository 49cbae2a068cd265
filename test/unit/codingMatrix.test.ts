// Counting tags across reports: usage per tag, the tag × report/year/region matrix with the paragraphs
// behind each cell, co-occurrence on the same paragraph, and the CSV.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cooccurrenceMatrix, matrixCsv, tagMatrix, tagUsage, type UsageReport } from '../../src/core/coding/tagMatrix';

const a = (id: string, tags: string[], start: number, extra: { orphaned?: boolean } = {}) => ({ id, tags, exact: `p${id}`, start, end: start + 10, ...extra });

const reports: UsageReport[] = [
  { report: 'r1', meta: { year: 2021, region: '河北省' }, annotations: [a('1', ['民生', '财政'], 0), a('2', ['民生'], 20), a('3', ['财政'], 40, { orphaned: true })] },
  { report: 'r2', meta: { year: 2020, region: '河北省' }, annotations: [a('4', ['ＧＤＰ'], 0), a('5', ['财政'], 0), a('6', ['G DP', '民生'], 30)] },
  { report: 'r3', annotations: [a('7', ['民生'], 5)] },
];

test('usage counts tagged paragraphs per tag and report; orphans and repeated names count once', () => {
  const usage = tagUsage(reports);
  assert.deepEqual([...usage.values()].map((u) => [u.name, u.count, u.reports.map((r) => `${r.report}:${r.paragraphs.length}`)]), [
    ['民生', 4, ['r1:2', 'r2:1', 'r3:1']],
    ['财政', 2, ['r1:1', 'r2:1']],
    ['GDP', 2, ['r2:2']],
  ]);
});

test('tag × report, × year, × region, with the paragraphs behind each cell', () => {
  const byReport = tagMatrix(reports, 'report', ['财政', '教育']);
  assert.deepEqual(byReport.rows, ['财政', '教育', '民生', 'GDP']);
  assert.deepEqual(byReport.columns, ['r1', 'r2', 'r3']);
  assert.deepEqual(byReport.counts, [[1, 1, 0], [0, 0, 0], [2, 1, 1], [0, 2, 0]]);
  assert.deepEqual(byReport.refs[2][0].map((r) => r.annotationId), ['1', '2']);
  const byYear = tagMatrix(reports, 'year');
  assert.deepEqual(byYear.columns, ['2020', '2021', '']);
  assert.deepEqual(byYear.counts[byYear.rows.indexOf('民生')], [1, 2, 1]);
  const byRegion = tagMatrix(reports, 'region');
  assert.deepEqual(byRegion.columns, ['河北省', '']);
  assert.deepEqual(byRegion.counts[byRegion.rows.indexOf('民生')], [3, 1]);
});

test('co-occurrence on the same paragraph, from one annotation or two on the same span', () => {
  const m = cooccurrenceMatrix(reports, ['民生', '财政', 'GDP']);
  assert.deepEqual(m.counts, [
    [4, 1, 1],
    [1, 2, 1],
    [1, 1, 2],
  ]);
  assert.deepEqual(m.refs[1][2].map((r) => `${r.report}@${r.start}`), ['r2@0']);
});

test('CSV: a header, then a record per tag (RFC 4180)', () => {
  assert.equal(matrixCsv({ rows: ['a,b', '民生'], columns: ['r "1"', 'r2'], counts: [[1, 0], [2, 3]] }), 'tag,"r ""1""",r2\r\n"a,b",1,0\r\n民生,2,3\r\n');
});

test('a SchemaError path is found in the JSON text, for a problem on the entry', async () => {
  const { locateJsonPath } = await import('../../src/core/coding/jsonLocate');
  const text = '{\n  "tags": [\n    { "name": "经济", "color": "#112233" },\n    { "name": "财政", "color": "#445566", "parent": "经 济x" }\n  ]\n}\n';
  const at = locateJsonPath(text, 'tags[1].parent');
  assert.equal(text.slice(at.start, at.end), '"parent": "经 济x"');
  const entry = locateJsonPath(text, 'tags[0]');
  assert.equal(text.slice(entry.start, entry.end), '{ "name": "经济", "color": "#112233" }');
  assert.deepEqual(locateJsonPath('{ bad', 'tags[0]'), { start: 0, end: 0 });
});
