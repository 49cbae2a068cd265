// W3C Web Annotation JSON-LD: an AnnotationCollection with TextPositionSelector (code points) and
// TextQuoteSelector, tags as tagging bodies and notes as commenting bodies; and back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnotationStore } from '../../src/core/annotations';
import { parseCodebook } from '../../src/core/coding/codebookSchema';
import type { CodingProject } from '../../src/core/coding/codedReport';
import { buildWebAnnotationCollection, importWebAnnotations } from '../../src/core/coding/webAnnotation';

const TEXT = '标题\n第一段𡌶：发展经济，财政收入增长5%。\n第二段：保障民生。\n';

function project(): CodingProject {
  let n = 0;
  const store = new AnnotationStore([], { now: () => new Date('2026-02-03T04:05:06.000Z'), newId: () => (n++ === 0 ? '3f2b8c1e-0000-4000-8000-000000000001' : 'plain-id') });
  const p1 = { start: TEXT.indexOf('第一段'), end: TEXT.indexOf('。') + 1 };
  const p2 = { start: TEXT.indexOf('第二段'), end: TEXT.lastIndexOf('。') + 1 };
  store.tagParagraphs(TEXT, [p1], ['财政', '经济']);
  store.setParagraphNote(TEXT, p2, '只有备注');
  return {
    name: 'ws',
    codebook: parseCodebook({ tags: [], memos: [{ report: 'a.txt', text: '整份报告的备忘', modified: '2026-01-01T00:00:00.000Z' }] }),
    reports: [{ path: 'a.txt', text: TEXT, annotations: store.list() }],
  };
}

test('the collection: tagging and commenting bodies, position (code points) and quote selectors', () => {
  const { collection } = buildWebAnnotationCollection(project(), new Date(0));
  assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(collection.type, 'AnnotationCollection');
  assert.equal(collection.total, 3);
  const [first, second, memo] = collection.first.items as any[];
  assert.equal(first.id, 'urn:uuid:3f2b8c1e-0000-4000-8000-000000000001');
  assert.deepEqual(first.body.map((b: any) => [b.purpose, b.value]), [['tagging', '财政'], ['tagging', '经济']]);
  const position = first.target.selector[0];
  assert.equal(position.type, 'TextPositionSelector');
  assert.equal([...TEXT].slice(position.start, position.end).join(''), '第一段𡌶：发展经济，财政收入增长5%。');
  assert.equal(first.target.selector[1].exact, '第一段𡌶：发展经济，财政收入增长5%。');
  assert.equal(second.motivation, 'commenting');
  assert.deepEqual(second.body, [{ type: 'TextualBody', purpose: 'commenting', value: '只有备注', format: 'text/plain' }]);
  assert.equal(memo.target, 'a.txt');
});

test('export → import: the same annotations and the report memo', () => {
  const p = project();
  const json = JSON.stringify(buildWebAnnotationCollection(p).collection);
  const back = importWebAnnotations(json, [{ path: 'a.txt', text: TEXT }]);
  assert.deepEqual(back.unplaced, []);
  assert.deepEqual(back.reports, [{ path: 'a.txt', annotations: p.reports[0].annotations }]);
  assert.deepEqual(back.memos, [{ report: 'a.txt', text: '整份报告的备忘', modified: '2026-01-01T00:00:00.000Z' }]);
});

test('an edited report: annotations found again by quote; missing reports and lost text reported', () => {
  const json = JSON.stringify(buildWebAnnotationCollection(project()).collection);
  const edited = `新增的一行。\n${TEXT.replace('第二段：保障民生。', '改写。')}`;
  const back = importWebAnnotations(json, [{ path: 'a.txt', text: edited }]);
  const [a] = back.reports[0].annotations;
  assert.equal(edited.slice(a.target.start, a.target.end), '第一段𡌶：发展经济，财政收入增长5%。');
  assert.deepEqual(back.unplaced.map((u) => [u.id, u.reason]), [['plain-id', 'its text is not in the report (第二段：保障民生。)']]);
  const none = importWebAnnotations(json, []);
  assert.equal(none.unplaced.length, 3);
  assert.match(none.unplaced[0].reason, /no report a\.txt in the workspace/);
});

test('a page or a bare list is read too; a wrong item is named and nothing imported', () => {
  const { collection } = buildWebAnnotationCollection(project());
  const reports = [{ path: 'a.txt', text: TEXT }];
  assert.equal(importWebAnnotations(JSON.stringify(collection.first), reports).reports[0].annotations.length, 2);
  assert.equal(importWebAnnotations(JSON.stringify(collection.first.items), reports).reports[0].annotations.length, 2);
  const bad = structuredClone(collection) as any;
  delete bad.first.items[1].target;
  assert.throws(() => importWebAnnotations(JSON.stringify(bad), reports), /first\.items\[1\]\.target/);
  assert.throws(() => importWebAnnotations('{"type": "AnnotationCollection"}', reports), /neither items nor first\.items/);
  assert.throws(() => importWebAnnotations('{"items": [', reports), /line 1/);
});
