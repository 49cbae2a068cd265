import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  annotationSetJsonSchema,
  formatPath,
  parseAnnotationSet,
  parseJsonText,
  parseSidecarFile,
  SchemaError,
} from '../../src/core/schema';

const HASH = 'a'.repeat(64);
const STAMP = '2026-11-23T10:00:00.000Z';

/** The example of spec.md, filled in. */
function validSet() {
  return {
    format: 'report-annotator.annotation-set',
    version: 1,
    offsetEncoding: 'codepoint',
    generator: { name: 'report-annotator', version: '0.1.0' },
    exportedAt: STAMP,
    documents: [
      {
        uri: 'reports/002_395ec08d707c8053.txt',
        sha256: HASH,
        length: 14523,
        title: '2020年洛阳市西工区政府工作报告',
        sections: [{ id: 's3', parentId: 's1', level: 2, title: '（一）', heading: { start: 0, end: 4 }, range: { start: 0, end: 90 } }],
        paragraphs: [{ id: 'p7', sectionId: 's3', range: { start: 5, end: 90 } }],
        figures: [
          {
            id: 'f12',
            paragraphId: 'p7',
            text: '51593万元',
            range: { start: 20, end: 27 },
            kind: 'currency',
            value: 51593,
            magnitude: 10000,
            baseValue: 515930000,
            unit: '元',
            approx: false,
            indicator: '一般公共预算收入',
            change: { direction: 'up', figureId: 'f13' },
          },
        ],
        projects: [{ id: 'j2', name: '万达广场', occurrences: [{ start: 40, end: 44 }] }],
        annotations: [
          {
            id: '0b5c3c1e-8d4e-4c7a-9a53-2f1f3c1d2e4f',
            tags: ['招商引资'],
            note: '核对',
            target: { start: 5, end: 90, exact: '…', prefix: '', suffix: '' },
            created: STAMP,
            modified: STAMP,
          },
        ],
      },
    ],
  };
}

function paths(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof SchemaError, String(e));
    return e.issues.map((i) => i.path).sort();
  }
  assert.fail('no error');
}

describe('AnnotationSet schema', () => {
  test('a valid set passes unchanged', () => {
    assert.deepEqual(parseAnnotationSet(validSet()), validSet());
  });

  test('each wrong field is named by its path', () => {
    const set = validSet();
    const doc = set.documents[0] as Record<string, any>;
    doc.sha256 = 'ABC';
    doc.figures[0].kind = 'money';
    doc.paragraphs[0].range.end = 1; // before start
    doc.annotations[0].target.start = -1;
    doc.annotations[0].created = 'yesterday';
    doc.projects[0].occurrences[0] = { start: 1 };
    (set as Record<string, unknown>).offsetEncoding = 'utf16';
    assert.deepEqual(
      paths(() => parseAnnotationSet(set)),
      [
        'documents[0].annotations[0].created',
        'documents[0].annotations[0].target.start',
        'documents[0].figures[0].kind',
        'documents[0].paragraphs[0].range.end',
        'documents[0].projects[0].occurrences[0].end',
        'documents[0].sha256',
        'offsetEncoding',
      ],
    );
  });

  test('the message names the fields too', () => {
    assert.throws(() => parseAnnotationSet({ ...validSet(), documents: [{}] }), /documents\[0\]\.uri: /);
    assert.throws(() => parseAnnotationSet(null), /\(root\): /);
  });

  test('formatPath writes indices in brackets', () => {
    assert.equal(formatPath(['documents', 0, 'annotations', 2, 'target', 'start']), 'documents[0].annotations[2].target.start');
    assert.equal(formatPath([]), '');
  });

  test('the generated JSON Schema describes the set', () => {
    const schema = annotationSetJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    assert.ok(schema.required.includes('documents'));
    assert.ok('offsetEncoding' in schema.properties);
  });
});

describe('Sidecar schema', () => {
  const sidecar = () => ({
    format: 'report-annotator.sidecar',
    version: 1,
    offsetEncoding: 'codepoint',
    document: { sha256: HASH, length: 100 },
    annotations: [{ ...validSet().documents[0].annotations[0], orphaned: true }],
  });

  test('a valid sidecar passes, orphan flag included', () => {
    assert.deepEqual(parseSidecarFile(sidecar()), sidecar());
  });

  test('wrong fields are named', () => {
    const file = sidecar() as Record<string, any>;
    file.document.length = -1;
    file.annotations[0].orphaned = 'yes';
    file.annotations[0].target.end = 1;
    assert.deepEqual(paths(() => parseSidecarFile(file)), [
      'annotations[0].orphaned',
      'annotations[0].target.end',
      'document.length',
    ]);
  });
});

describe('parseJsonText', () => {
  test('parses JSON, and gives line and column of a syntax error where the parser tells', () => {
    assert.deepEqual(parseJsonText('{"a": [1, 2]}'), { a: [1, 2] });
    assert.throws(() => parseJsonText('{\n  "a": 1,\n}'), { name: 'JsonSyntaxError', line: 3, column: 1 });
    assert.throws(() => parseJsonText('{"a": '), { name: 'JsonSyntaxError', line: 1, column: 7 });
  });
});
