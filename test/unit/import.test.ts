import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnnotationStore } from '../../src/core/annotations';
import { buildAnnotationSet, buildDocumentExport } from '../../src/core/exportSet';
import { importAnnotationSet } from '../../src/core/importSet';
import { JsonSyntaxError, SchemaError } from '../../src/core/schema';
import type { DocumentAnalysis } from '../../src/core/types';

const A = '𡌶城区政府工作报告\n\n　　招商引资成效显著。全年签约项目85个，总投资260亿元。\n\n　　民生保障持续加强。\n';
const B = '第二份报告\n\n　　生态环境持续改善，𠀀河治理完成。\n';
const EMPTY: DocumentAnalysis = {
  sections: [],
  paragraphs: [],
  figures: [],
  projects: [],
  captions: [],
  segmentation: { available: false },
};

function annotate(text: string, needles: string[]): AnnotationStore {
  let id = 0;
  const store = new AnnotationStore([], { now: () => new Date(0), newId: () => `${text.slice(0, 2)}-${++id}` });
  for (const needle of needles) {
    const start = text.indexOf(needle);
    store.tagParagraphs(text, [{ start, end: text.indexOf('\n', start) }], [needle.slice(0, 2)]);
  }
  return store;
}

const stores = { 'reports/a.txt': annotate(A, ['招商引资', '民生']), 'reports/b.txt': annotate(B, ['生态环境']) };
const texts: Record<string, string> = { 'reports/a.txt': A, 'reports/b.txt': B };

/** An export of both reports, as the export command writes it. */
function exported(): string {
  const docs = Object.entries(stores).map(([uri, store]) =>
    buildDocumentExport({ uri, text: texts[uri], analysis: EMPTY, annotations: store.list() }),
  );
  return JSON.stringify(buildAnnotationSet(docs, new Date(0)), null, 2);
}

function schemaPaths(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof SchemaError, String(e));
    return e.issues.map((i) => i.path);
  }
  assert.fail('no error');
}

describe('importAnnotationSet', () => {
  test('an export of unchanged texts comes back as it was (code points → UTF-16)', () => {
    const imported = importAnnotationSet(exported(), (uri) => texts[uri]);
    assert.deepEqual(
      imported.map((d) => [d.uri, d.textChanged]),
      [
        ['reports/a.txt', false],
        ['reports/b.txt', false],
      ],
    );
    assert.deepEqual(imported[0].annotations, stores['reports/a.txt'].list());
    assert.deepEqual(imported[1].annotations, stores['reports/b.txt'].list());
  });

  test('a changed text: annotations are found by quote, the lost one is flagged orphaned', () => {
    const changedA = `前言𪚥\n\n${A.replace('　　民生保障持续加强。\n', '')}`;
    const [a] = importAnnotationSet(exported(), (uri) => (uri === 'reports/a.txt' ? changedA : texts[uri]));
    assert.equal(a.textChanged, true);
    const [found, lost] = a.annotations;
    assert.equal(changedA.slice(found.target.start, found.target.end), '招商引资成效显著。全年签约项目85个，总投资260亿元。');
    assert.equal(found.target.prefix.startsWith('前言𪚥'), true);
    assert.equal(lost.orphaned, true);
    assert.equal(lost.target.exact, '民生保障持续加强。');
  });

  test('malformed JSON: line and column', () => {
    const json = exported().replace('"version": 1,', '"version": 1,,');
    assert.throws(
      () => importAnnotationSet(json, (uri) => texts[uri]),
      (e: unknown) => e instanceof JsonSyntaxError && e.line === 3 && e.column === 16,
    );
  });

  test('schema errors name the field path', () => {
    const set = JSON.parse(exported());
    set.documents[0].annotations[1].target.start = 'x';
    set.documents[1].annotations[0].tags = [''];
    set.version = 2;
    assert.deepEqual(schemaPaths(() => importAnnotationSet(JSON.stringify(set), (uri) => texts[uri])).sort(), [
      'documents[0].annotations[1].target.start',
      'documents[1].annotations[0].tags[0]',
      'version',
    ]);
  });

  test('offsets beyond the document, quotes that do not match, duplicates and unknown documents', () => {
    const set = JSON.parse(exported());
    const [a, b] = set.documents;
    a.annotations[0].target.end = a.length + 1;
    a.annotations[1].target.exact = '别的文字';
    b.annotations.push({ ...b.annotations[0] });
    set.documents.push({ ...b, uri: 'reports/missing.txt', annotations: [] });
    assert.deepEqual(schemaPaths(() => importAnnotationSet(JSON.stringify(set), (uri) => texts[uri])), [
      'documents[0].annotations[0].target.end',
      'documents[0].annotations[1].target.exact',
      'documents[1].annotations[1].id',
      'documents[2].uri',
    ]);
    // With the text changed, quotes are searched rather than checked; offsets must still fit the export.
    const loose = JSON.parse(exported());
    loose.documents[0].annotations[1].target.exact = '别的文字';
    loose.documents[0].annotations[0].target.start = loose.documents[0].length + 5;
    loose.documents[0].annotations[0].target.end = loose.documents[0].length + 5;
    assert.deepEqual(schemaPaths(() => importAnnotationSet(JSON.stringify(loose), (uri) => `${texts[uri]}改`)), [
      'documents[0].annotations[0].target.start',
    ]);
  });

  test('all or nothing: one bad document, nothing is returned', () => {
    const set = JSON.parse(exported());
    set.documents[1].annotations[0].target.exact = '不对';
    let result: unknown;
    assert.throws(() => {
      result = importAnnotationSet(JSON.stringify(set), (uri) => texts[uri]);
    }, SchemaError);
    assert.equal(result, undefined);
  });
});
