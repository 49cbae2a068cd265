import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AnnotationStore, type StoredAnnotation } from '../../src/core/annotations';
import { sha256 } from '../../src/core/exportSet';
import { JsonSyntaxError, SchemaError } from '../../src/core/schema';
import { parseSidecar, readSidecar, removeSidecarIfUnchanged, removeSidecarIfUnchangedSync, serializeSidecar, sidecarSaveAction, writeSidecar } from '../../src/core/sidecar';

// Astral characters before the tagged paragraphs, so code points and UTF-16 differ.
const TEXT = '𡌶𡌶区政府工作报告\n\n　　招商引资成效显著。全年签约项目85个。\n\n　　项目建设加快推进，𡌶字路改造完成。\n';

function storeWithTwo(): AnnotationStore {
  let id = 0;
  const store = new AnnotationStore([], { now: () => new Date(0), newId: () => `id-${++id}` });
  for (const needle of ['招商引资', '项目建设']) {
    const start = TEXT.indexOf(needle);
    store.tagParagraphs(TEXT, [{ start, end: TEXT.indexOf('\n', start) }], [needle]);
  }
  store.setNote('id-2', '核对路名');
  return store;
}

describe('sidecar', () => {
  test('round trip: code points in the file, UTF-16 in memory', () => {
    const store = storeWithTwo();
    const json = serializeSidecar(TEXT, store.list());
    const file = JSON.parse(json);
    assert.equal(file.format, 'report-annotator.sidecar');
    assert.equal(file.offsetEncoding, 'codepoint');
    assert.deepEqual(file.document, { sha256: sha256(TEXT), length: [...TEXT].length });
    const cp = file.annotations[0].target;
    assert.equal([...TEXT].slice(cp.start, cp.end).join(''), cp.exact);
    assert.equal(cp.start, store.get('id-1')!.target.start - 2);

    const loaded = parseSidecar(json, TEXT);
    assert.equal(loaded.textChanged, false);
    assert.deepEqual(loaded.annotations, store.list());
  });

  test('orphans are kept, with their last quote', () => {
    const store = storeWithTwo();
    const start = TEXT.indexOf('项目建设');
    const end = TEXT.indexOf('\n', start);
    const text = TEXT.slice(0, start) + TEXT.slice(end);
    store.applyEdits([{ rangeOffset: start, rangeLength: end - start, text: '' }]);
    store.sync(text);
    const loaded = parseSidecar(serializeSidecar(text, store.list()), text);
    const orphan = loaded.annotations.find((a) => a.id === 'id-2')!;
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.target.exact, '项目建设加快推进，𡌶字路改造完成。');
    assert.equal(orphan.note, '核对路名');
  });

  test('a text changed since the sidecar was written says so, and re-anchoring finds the annotations', () => {
    const json = serializeSidecar(TEXT, storeWithTwo().list());
    const changed = `新的标题𠀀\n\n${TEXT}`;
    const loaded = parseSidecar(json, changed);
    assert.equal(loaded.textChanged, true);
    const store = new AnnotationStore(loaded.annotations);
    assert.deepEqual(store.reanchorAll(changed), []);
    const a = store.get('id-1')!;
    assert.equal(changed.slice(a.target.start, a.target.end), '招商引资成效显著。全年签约项目85个。');
  });

  test('malformed JSON names the line and column; a wrong field is named', () => {
    assert.throws(
      () => parseSidecar('{\n  "format": "report-annotator.sidecar",\n  "version": 1\n  "x": 2\n}', TEXT),
      (e: unknown) => e instanceof JsonSyntaxError && e.line === 4 && e.column === 3 && /line 4, column 3/.test(e.message),
    );
    const file = JSON.parse(serializeSidecar(TEXT, storeWithTwo().list()));
    file.annotations[1].target.start = -1;
    file.annotations[0].tags = 'x';
    delete file.document.sha256;
    assert.throws(
      () => parseSidecar(JSON.stringify(file), TEXT),
      (e: unknown) =>
        e instanceof SchemaError &&
        ['document.sha256', 'annotations[0].tags', 'annotations[1].target.start'].every((p) =>
          e.issues.some((i) => i.path === p),
        ),
    );
    assert.throws(() => parseSidecar(JSON.stringify({ ...file, offsetEncoding: 'utf16' }), TEXT), /offsetEncoding/);
  });

  test('written atomically, read back; a missing file is undefined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sidecar-'));
    try {
      const path = join(dir, 'report.txt.annotator.json');
      assert.equal(await readSidecar(path, TEXT), undefined);
      await writeFile(path, 'old');
      const annotations: StoredAnnotation[] = storeWithTwo().list();
      const written = await writeSidecar(path, TEXT, annotations);
      assert.deepEqual(await readdir(dir), ['report.txt.annotator.json']);
      // What is written is serializeSidecar's JSON, naming the text by its SHA-256.
      assert.equal(written, serializeSidecar(TEXT, annotations));
      assert.equal(JSON.parse(written).document.sha256, createHash('sha256').update(TEXT, 'utf8').digest('hex'));
      assert.deepEqual((await readSidecar(path, TEXT))?.annotations, annotations);
      assert.match(await readFile(path, 'utf8'), /\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('a matching hash is not trusted blindly: quotes not at their offsets are re-anchored, never moved', () => {
    const store = storeWithTwo();
    const file = JSON.parse(serializeSidecar(TEXT, store.list()));
    // Swap the positions of the two annotations, and push a third past the end; the hash still matches.
    const [a, b] = file.annotations;
    [a.target.start, a.target.end, b.target.start, b.target.end] = [b.target.start, b.target.end, a.target.start, a.target.end];
    file.annotations.push({ ...a, id: 'id-3', target: { ...a.target, start: 9000, end: 9010 } });
    const loaded = parseSidecar(JSON.stringify(file), TEXT);
    assert.equal(loaded.misplaced, 3);
    assert.equal(loaded.textChanged, true);
    const reloaded = new AnnotationStore(loaded.annotations);
    reloaded.reanchorAll(TEXT);
    for (const x of reloaded.list()) {
      assert.ok(!x.orphaned, x.id);
      assert.equal(TEXT.slice(x.target.start, x.target.end), x.target.exact, x.id);
    }
    assert.deepEqual(
      reloaded.list().map((x) => [x.id, x.tags[0]]),
      [['id-1', '招商引资'], ['id-3', '招商引资'], ['id-2', '项目建设']].sort((p, q) => TEXT.indexOf(p[1]) - TEXT.indexOf(q[1])),
    );
  });
  test('a sidecar is written when there are annotations, removed with the last one; an unreadable one waits for annotations', () => {
    assert.equal(sidecarSaveAction(0, 'none'), 'none', 'no file for a report that never had annotations');
    assert.equal(sidecarSaveAction(0, 'readable'), 'remove', 'the last annotation removed: no file of nothing');
    assert.equal(sidecarSaveAction(0, 'unreadable'), 'none', 'the report text changed: the unreadable file is left alone');
    assert.equal(sidecarSaveAction(2, 'unreadable'), 'write', 'the user annotated: set it aside and write');
    assert.equal(sidecarSaveAction(2, 'none'), 'write');
  });
  test('the sidecar of no annotations is removed only if it holds what was last read or written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sidecar-remove-'));
    try {
      const path = join(dir, 'r.txt.annotations.json');
      const ours = serializeSidecar(TEXT, storeWithTwo().list());
      await writeFile(path, ours);
      assert.equal(await removeSidecarIfUnchanged(path, ours), true);
      assert.deepEqual(await readdir(dir), []);
      assert.equal(await removeSidecarIfUnchanged(path, ours), true, 'already gone');
      // Changed by someone else since: kept for the watcher to read.
      await writeFile(path, ours.replace('招商引资', '营商环境'));
      assert.equal(await removeSidecarIfUnchanged(path, ours), false);
      assert.equal(removeSidecarIfUnchangedSync(path, ours), false);
      assert.deepEqual(await readdir(dir), ['r.txt.annotations.json']);
      assert.equal(removeSidecarIfUnchangedSync(path, await readFile(path, 'utf8')), true);
      assert.deepEqual(await readdir(dir), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
