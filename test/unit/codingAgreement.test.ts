// Agreement between coders: the coefficients against published worked examples, then the paragraph-level
// comparison of two annotation sets (sidecar folders and AnnotationSet exports).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnnotationStore } from '../../src/core/annotations';
import { analyzeText } from '../../src/core/analyze';
import { compareCoders } from '../../src/core/coding/agreement';
import { loadCoderSet } from '../../src/core/coding/agreementInputs';
import { cohenKappa, krippendorffAlphaNominal, percentAgreement } from '../../src/core/coding/agreementStats';
import { sidecarOfReport } from '../../src/core/coding/tagOperations';
import { buildAnnotationSet, buildDocumentExport } from '../../src/core/exportSet';
import { serializeSidecar } from '../../src/core/sidecar';
import { tempDir } from '../tempDir';

const close = (actual: number | null, expected: number, digits = 3) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 0.5 * 10 ** -digits, `${actual} ≉ ${expected}`);

/** Cohen's kappa from a 2×2 table: a = yes/yes, b = A yes/B no, c = A no/B yes, d = no/no. */
function fromTable(a: number, b: number, c: number, d: number): [string[], string[]] {
  const rows: [string, string][] = [
    ...Array<[string, string]>(a).fill(['y', 'y']),
    ...Array<[string, string]>(b).fill(['y', 'n']),
    ...Array<[string, string]>(c).fill(['n', 'y']),
    ...Array<[string, string]>(d).fill(['n', 'n']),
  ];
  return [rows.map((r) => r[0]), rows.map((r) => r[1])];
}

test("Cohen's kappa: the worked examples of the Wikipedia article \"Cohen's kappa\"", () => {
  // Source: en.wikipedia.org/wiki/Cohen%27s_kappa, "Simple example": 50 grant proposals read by two
  // readers, 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no: p_o = 0.7, p_e = 0.5, κ = 0.4.
  const [a, b] = fromTable(20, 5, 10, 15);
  assert.equal(percentAgreement(a, b), 0.7);
  close(cohenKappa(a, b), 0.4, 6);
  // Same article, "Same percentages but different numbers": 45/15/25/15 gives κ = 0.1304 and
  // 25/35/5/35 gives κ = 0.2593, both at 60 % observed agreement.
  close(cohenKappa(...fromTable(45, 15, 25, 15)), 0.1304, 4);
  close(cohenKappa(...fromTable(25, 35, 5, 35)), 0.2593, 4);
  assert.equal(cohenKappa(['y', 'y'], ['y', 'y']), null, 'undefined when chance agreement is already perfect');
  assert.throws(() => cohenKappa(['y'], []), RangeError);
});

test("Krippendorff's alpha (nominal): the examples of Krippendorff's \"Computing Krippendorff's Alpha-Reliability\"", () => {
  // Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
  // Communication, University of Pennsylvania (Departmental Papers, 43).
  // Example C, "nominal data, any number of observers, missing data": 4 observers × 12 units, α = 0.743.
  const _ = undefined;
  const reliabilityData = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  close(krippendorffAlphaNominal(reliabilityData), 0.743);
  // Example A, "binary data, two observers, no missing data": 10 units, α = 0.095.
  const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
  const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
  close(krippendorffAlphaNominal([a, b]), 0.095);
  // The same data by Cohen's kappa: p_o = 0.6, p_e = 0.2·0.4 + 0.8·0.6 = 0.56, κ = 0.04/0.44 = 0.0909.
  close(cohenKappa(a, b), 0.0909, 4);
  assert.equal(krippendorffAlphaNominal([[1, 1], [1, 1]]), null);
});

const TEXT = '某区政府工作报告\n一、经济发展\n财政收入增长5%。\n二、民生保障\n新增就业1万人。\n建设学校3所。\n';

/** A folder with a copy of the report and one coder's sidecar: tags per paragraph index. */
function coderFolder(tagsByParagraph: Record<number, string[]>, extra?: { name: string; text: string }) {
  const dir = tempDir('coder-');
  const write = (name: string, text: string, tags: Record<number, string[]>) => {
    writeFileSync(join(dir, name), text);
    const paragraphs = analyzeText(text).paragraphs;
    const store = new AnnotationStore();
    for (const [i, t] of Object.entries(tags)) store.tagParagraphs(text, [paragraphs[Number(i)].range], t);
    writeFileSync(sidecarOfReport(join(dir, name)), serializeSidecar(text, store.list()));
  };
  write('r.txt', TEXT, tagsByParagraph);
  if (extra) write(extra.name, extra.text, {});
  return dir;
}

test('paragraph-level agreement of two sidecar folders: per tag and overall, disagreements side by side, reports left out', async () => {
  const paragraphs = analyzeText(TEXT).paragraphs;
  assert.ok(paragraphs.length >= 4, 'the report has paragraphs to code');
  const last = paragraphs.length - 1;
  const a = await loadCoderSet(coderFolder({ 1: ['财政'], [last - 1]: ['民生', '就业'], [last]: ['民生'] }, { name: 'only-a.txt', text: '简报\n甲。\n' }), 'A');
  const b = await loadCoderSet(coderFolder({ 1: ['财 政'], [last - 1]: ['民生'], [last]: ['教育'] }, { name: 'only-b.txt', text: '简报\n乙。\n' }), 'B');
  const r = compareCoders(a, b);
  assert.deepEqual(r.compared, ['r.txt']);
  assert.deepEqual(r.leftOut, [{ report: 'only-a.txt', reason: 'only in A' }, { report: 'only-b.txt', reason: 'only in B' }]);
  assert.equal(r.paragraphs, paragraphs.length);
  assert.deepEqual(r.tags.map((t) => [t.tag, t.a, t.b, t.both]), [['财政', 1, 1, 1], ['教育', 0, 1, 0], ['民生', 2, 1, 1], ['就业', 1, 0, 0]].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  const fiscal = r.tags.find((t) => t.tag === '财政')!;
  assert.equal(fiscal.kappa, 1, 'full-width spacing does not make another tag');
  assert.equal(fiscal.alpha, 1);
  assert.equal(r.overall.units, paragraphs.length * 4);
  assert.deepEqual(r.disagreements.map((d) => [d.paragraph, d.a, d.b]), [[last - 1, ['就业', '民生'], ['民生']], [last, ['民生'], ['教育']]]);
  assert.equal(r.disagreements[1].text, '建设学校3所。');
  // The overall figures are those of the pooled (paragraph, tag) decisions.
  const n = paragraphs.length * 4;
  const agreeing = n - 3;
  close(r.overall.agreement, agreeing / n, 6);
});

test('two AnnotationSet exports: paragraphs from the export; copies that differ are left out, with the reason', async () => {
  const dir = tempDir('coder-exports-');
  const analysis = analyzeText(TEXT);
  const exportWith = (name: string, tags: string[], text = TEXT) => {
    const store = new AnnotationStore();
    store.tagParagraphs(text, [analyzeText(text).paragraphs[2].range], tags);
    const doc = buildDocumentExport({ uri: 'r.txt', text, analysis: analyzeText(text), annotations: store.list() });
    writeFileSync(join(dir, name), JSON.stringify(buildAnnotationSet([doc])));
    return join(dir, name);
  };
  writeFileSync(join(dir, 'r.txt'), TEXT);
  const r = compareCoders(await loadCoderSet(exportWith('a.json', ['财政']), 'A'), await loadCoderSet(exportWith('b.json', ['民生']), 'B'));
  assert.equal(r.paragraphs, analysis.paragraphs.length);
  assert.equal(r.disagreements.length, 1);
  assert.equal(r.disagreements[0].text, TEXT.slice(analysis.paragraphs[2].range.start, analysis.paragraphs[2].range.end), 'the text read beside the export');
  assert.equal(r.overall.kappa !== null && r.overall.kappa < 1, true);
  const other = compareCoders(await loadCoderSet(exportWith('a.json', ['财政']), 'A'), await loadCoderSet(exportWith('c.json', ['财政'], `${TEXT}补充一段。\n`), 'C'));
  assert.deepEqual(other.compared, []);
  assert.match(other.leftOut[0].reason, /the two copies of the report differ/);
  assert.equal(other.overall.kappa, null);
});
