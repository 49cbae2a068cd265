// The codebook (report-annotator.codebook.json): validation naming the entry, normalised names, the pure
// operations, and rename/merge across sidecars applied all or nothing (an injected write failure in the
// middle restores everything).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnnotationStore } from '../../src/core/annotations';
import { serializeSidecar } from '../../src/core/sidecar';
import {
  addTag,
  CodebookError,
  describeTag,
  mergeTagsInCodebook,
  moveTag,
  recolourTag,
  renameTagInCodebook,
  setReportMemo,
  setTagMemo,
  tagPath,
  tagTree,
} from '../../src/core/coding/codebook';
import { codebookJsonSchema, parseCodebook, parseCodebookJson, serializeCodebook } from '../../src/core/coding/codebookSchema';
import { loadTagChangeInput } from '../../src/core/coding/codingWorkspace';
import { applyPlan, nodePlanFileSystem, PlanError } from '../../src/core/coding/planApply';
import { planMerge, planRename, sidecarOfReport } from '../../src/core/coding/tagOperations';
import { normalizeTagName, tagKey } from '../../src/core/coding/tagNames';
import { tempDir } from '../tempDir';

const base = () =>
  parseCodebook({
    tags: [
      { name: '经济', color: '#ff0000', description: '经济发展' },
      { name: '财政', color: '#00ff00', parent: '经济' },
      { name: '民生', color: '#0000ff' },
      { name: '就业', color: '#123456', parent: '民生' },
    ],
    memos: [{ tag: '财政', text: '收入与支出' }, { report: 'reports/a.txt', text: '重点看财政' }],
  });

function issues(value: unknown): string {
  try {
    parseCodebook(value);
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

test('validation errors name the entry: a missing parent, a cycle, a bad colour, a duplicate, a memo on no tag', () => {
  assert.equal(issues({ tags: [{ name: 'A', color: '#000000' }, { name: '财政', color: '#000000', parent: '经济' }] }), 'tags[1].parent: no tag 经济');
  assert.match(issues({ tags: [{ name: 'x', color: 'red' }] }), /tags\[0\]\.color: a colour as #rrggbb/);
  assert.match(
    issues({ tags: [{ name: '经济', color: '#000000', parent: '财政' }, { name: '财政', color: '#000000', parent: '经济' }] }),
    /tags\[0\]\.parent: 经济 → 财政 → 经济 is a cycle/,
  );
  assert.match(issues({ tags: [{ name: '经济', color: '#000000', parent: '经济' }] }), /tags\[0\]\.parent: 经济 cannot be its own parent/);
  assert.match(issues({ tags: [{ name: '招商引资', color: '#000000' }, { name: '招商 引资', color: '#111111' }] }), /tags\[1\]\.name: 招商 引资 is the same tag as tags\[0\] \(招商引资\)/);
  assert.match(issues({ tags: [{ name: 'ＧＤＰ', color: '#000000' }, { name: 'GDP', color: '#111111' }] }), /tags\[1\]\.name: GDP is the same tag as tags\[0\]/);
  assert.match(issues({ tags: [], memos: [{ tag: '经济', text: 'x' }] }), /memos\[0\]\.tag: no tag 经济/);
  assert.match(issues({ tags: [], memos: [{ text: 'x' }] }), /memos\[0\]: give either report or tag/);
  assert.match(issues({ tags: [], memos: [{ report: '../x.txt', text: 'x' }] }), /memos\[0\]\.report: a path inside the workspace folder/);
  assert.match(issues({ tags: [{ name: '  ', color: '#000000' }] }), /tags\[0\]\.name: must not be empty/);
  assert.throws(() => parseCodebookJson('{"tags": ['), /line 1/);
});

test('names are normalised (NFKC, spaces): full-width and half-width, spaced and unspaced are one tag', () => {
  assert.equal(normalizeTagName('  ＧＤＰ　 增速 '), 'GDP 增速');
  assert.equal(tagKey('招商 引资'), tagKey('招商引资'));
  const cb = parseCodebook({ tags: [{ name: 'ＧＤＰ', color: '#000000' }, { name: '财政', color: '#000000', parent: ' GDP ' }] });
  assert.deepEqual(cb.tags.map((t) => [t.name, t.parent]), [['GDP', undefined], ['财政', 'GDP']]);
  assert.deepEqual(tagPath(cb, '财 政'), ['GDP', '财政']);
});

test('the JSON Schema is generated and a serialized codebook reads back the same', () => {
  const schema = codebookJsonSchema() as { properties: Record<string, unknown> };
  assert.ok(schema.properties.tags && schema.properties.memos);
  const cb = base();
  const json = serializeCodebook(cb);
  assert.match(json, /^\{\n {2}"format": "report-annotator\.codebook",\n {2}"version": 1,/);
  assert.deepEqual(parseCodebookJson(json).tags, cb.tags);
});

test('pure operations: add, recolour, describe, move (no cycles), memos; the argument is left alone', () => {
  const cb = base();
  const before = JSON.stringify(cb);
  assert.equal(recolourTag(cb, '财政', '#abcdef').tags[1].color, '#abcdef');
  assert.equal(describeTag(cb, '民生', '群众生活').tags[2].description, '群众生活');
  assert.equal(describeTag(cb, '经济', '').tags[0].description, undefined);
  assert.equal(moveTag(cb, '就业', '经济').tags[3].parent, '经济');
  assert.equal(moveTag(cb, '财政', undefined).tags[1].parent, undefined);
  assert.throws(() => moveTag(cb, '经济', '财政'), CodebookError);
  assert.throws(() => moveTag(cb, '经济', '经济'), /the tag itself/);
  assert.throws(() => moveTag(cb, '经济', '外交'), /no tag 外交/);
  assert.throws(() => addTag(cb, { name: '民 生', color: '#000000' }), /there is a tag 民生 already/);
  assert.throws(() => recolourTag(cb, '财政', 'blue'), /tags\[1\]\.color/);
  const memo = setReportMemo(cb, './reports\\b.txt', '新的', new Date(0));
  assert.deepEqual(memo.memos?.at(-1), { report: 'reports/b.txt', text: '新的', modified: '1970-01-01T00:00:00.000Z' });
  assert.equal(setReportMemo(cb, 'reports/a.txt', '').memos?.length, 1);
  assert.equal(setTagMemo(cb, '民生', '要点').memos?.length, 3);
  assert.deepEqual(tagTree(cb).map((n) => [n.tag.name, n.children.map((c) => c.tag.name)]), [['经济', ['财政']], ['民生', ['就业']]]);
  assert.equal(JSON.stringify(cb), before);
});

test('rename and merge in the codebook: children and memos follow; a rename onto another tag is refused', () => {
  const cb = base();
  const renamed = renameTagInCodebook(cb, '经济', '经济发展');
  assert.deepEqual(renamed.tags.map((t) => [t.name, t.parent]).slice(0, 2), [['经济发展', undefined], ['财政', '经济发展']]);
  assert.throws(() => renameTagInCodebook(cb, '经济', '民生'), /there is a tag 民生 already: merge/);
  const merged = mergeTagsInCodebook(cb, ['就业', '财政'], '民生');
  assert.deepEqual(merged.tags.map((t) => t.name), ['经济', '民生']);
  assert.equal(merged.memos?.find((m) => m.tag)?.tag, '民生');
  const up = mergeTagsInCodebook(cb, ['经济'], '财政');
  assert.deepEqual(up.tags.map((t) => [t.name, t.parent]), [['财政', undefined], ['民生', undefined], ['就业', '民生']]);
});

/** A workspace folder with a codebook and three reports with sidecars. */
function workspace() {
  const dir = tempDir('coding-ws-');
  const codebookPath = join(dir, 'report-annotator.codebook.json');
  writeFileSync(codebookPath, serializeCodebook(base()));
  const reports = ['a.txt', 'b.txt', 'c.txt'].map((name, i) => {
    const text = `标题${i}\n发展经济，财政收入增长𡌶。\n保障民生，稳定就业。\n`;
    const path = join(dir, name);
    writeFileSync(path, text);
    const store = new AnnotationStore([], { now: () => new Date(0), newId: (() => { let n = 0; return () => `id-${i}-${n++}`; })() });
    store.tagParagraphs(text, [{ start: 4, end: 18 }], i === 2 ? ['民生'] : ['财政', '经 济']);
    store.tagParagraphs(text, [{ start: 18, end: 29 }], ['民生', '就业']);
    writeFileSync(sidecarOfReport(path), serializeSidecar(text, store.list()));
    return path;
  });
  const input = () => ({
    codebook: { path: codebookPath, content: readFileSync(codebookPath, 'utf8'), codebook: parseCodebookJson(readFileSync(codebookPath, 'utf8')) },
    sidecars: reports.map((r) => ({ path: sidecarOfReport(r), content: readFileSync(sidecarOfReport(r), 'utf8') })),
    now: new Date(1000),
  });
  return { dir, codebookPath, reports, input };
}

test('a rename plan says how many annotations in how many reports change; applying it writes them', async () => {
  const ws = workspace();
  const plan = planRename(ws.input(), '经济', '经济发展');
  assert.equal(plan.annotations, 2);
  assert.equal(plan.reports, 2);
  assert.deepEqual(plan.changes.map((c) => c.report), ws.reports.slice(0, 2));
  assert.equal(plan.writes.length, 3, 'two sidecars and the codebook');
  await applyPlan(plan.writes);
  const a = JSON.parse(readFileSync(sidecarOfReport(ws.reports[0]), 'utf8'));
  assert.deepEqual(a.annotations[0].tags, ['财政', '经济发展']);
  assert.equal(a.annotations[0].modified, '1970-01-01T00:00:01.000Z');
  assert.equal(a.annotations[1].modified, '1970-01-01T00:00:00.000Z', 'an annotation without the tag is untouched');
  assert.equal(parseCodebookJson(readFileSync(ws.codebookPath, 'utf8')).tags[1].parent, '经济发展');
  await assert.rejects(applyPlan(plan.writes), /changed since the plan was made/);
});

test('a merge keeps the target tag once on an annotation that had both', async () => {
  const ws = workspace();
  const plan = planMerge(ws.input(), ['就业'], '民生');
  assert.equal(plan.annotations, 3);
  assert.equal(plan.reports, 3);
  await applyPlan(plan.writes);
  const c = JSON.parse(readFileSync(sidecarOfReport(ws.reports[2]), 'utf8'));
  assert.deepEqual(c.annotations[1].tags, ['民生']);
  assert.throws(() => planRename(ws.input(), '民生', '财 政'), /there is a tag 财政 already/);
});

test('a write failing in the middle restores every file already written; nothing is half-changed', async () => {
  const ws = workspace();
  const snapshot = () => [ws.codebookPath, ...ws.reports.map(sidecarOfReport)].map((p) => readFileSync(p, 'utf8'));
  const before = snapshot();
  const plan = planMerge(ws.input(), ['就业', '财政'], '民生');
  assert.equal(plan.writes.length, 4);
  let writes = 0;
  const failing = {
    ...nodePlanFileSystem,
    write: async (path: string, content: string) => {
      if (++writes === 3) throw new Error('ENOSPC: no space left on device');
      await nodePlanFileSystem.write(path, content);
    },
  };
  await assert.rejects(applyPlan(plan.writes, failing), (err: unknown) => {
    assert.ok(err instanceof PlanError);
    assert.match(err.message, /ENOSPC.*every file written before it was restored/);
    return true;
  });
  assert.deepEqual(snapshot(), before);
});

test('an unreadable sidecar stops the plan, naming the file', () => {
  const ws = workspace();
  writeFileSync(sidecarOfReport(ws.reports[1]), '{"format": 1');
  assert.throws(() => planRename(ws.input(), '经济', '宏观'), /b\.txt\.annotations\.json: cannot be read/);
});

test('loadTagChangeInput gathers the codebook and every sidecar of a workspace folder', async () => {
  const ws = workspace();
  const input = await loadTagChangeInput(ws.dir, new Date(1000));
  assert.deepEqual(input.sidecars.map((s) => s.path), ws.reports.map(sidecarOfReport));
  assert.deepEqual(planRename(input, '经济', '经济发展').changes, planRename(ws.input(), '经济', '经济发展').changes);
});
