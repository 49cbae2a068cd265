// Tags stay on their paragraphs: through edits in the editor, edits of the file outside the editor, saves,
// closing and reopening, and a restart (a fresh manager reading the sidecar from disk). The sidecar is
// valid by the zod schema, written atomically, and an unreadable one is never overwritten unseen.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar } from '../../../src/core/sidecar';
import { sha256 } from '../../../src/core/exportSet';
import { parseSidecarFile } from '../../../src/core/schema';
import { makeTarget } from '../../../src/core/anchoring';
import { AnnotationManager } from '../../../src/extension/annotating/annotationManager';
import {
  closeAll,
  extensionApi,
  openNewReport,
  openReport,
  paragraphWith,
  readIfExists,
  reportPath,
  sampleReport,
  sidecarOf,
  sleep,
  tag,
  tagParagraphsWith,
  waitFor,
  writeReport,
} from './helpers';

const silent = { warn: async () => undefined, error: async () => undefined };

/** Every annotation's quote is the text at its offsets. */
function assertAnchored(doc: vscode.TextDocument, list: readonly { target: { start: number; end: number; exact: string } }[]) {
  const text = doc.getText();
  for (const a of list) assert.equal(text.slice(a.target.start, a.target.end), a.target.exact);
}

suite('persistence', () => {
  suiteTeardown(closeAll);

  test('tags follow an edit above them in the editor, a save, and a restart', async () => {
    const { api, path, editor, doc } = await openNewReport('persist-edit.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
    const [before] = api.annotations.list(doc.uri);

    // Insert a paragraph at the top, in the editor.
    const inserted = '　　补充说明：本报告数据均为初步统计数，𡌶字测试。\n\n';
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), inserted));
    const [moved] = api.annotations.list(doc.uri);
    assert.equal(moved.target.start, before.target.start + inserted.length, 'shifted by the inserted text (UTF-16)');
    assert.equal(moved.target.exact, before.target.exact);
    assertAnchored(doc, api.annotations.list(doc.uri));

    // Typing inside the paragraph grows it; the quote follows once typing pauses.
    await editor.edit((b) => b.insert(doc.positionAt(moved.target.start + 4), '（新增）'));
    await waitFor('the quote to follow the edit', () => api.annotations.list(doc.uri)[0].target.exact.includes('（新增）'));
    assertAnchored(doc, api.annotations.list(doc.uri));

    // Save: the sidecar is written with the saved text's hash and valid by the zod schema.
    await doc.save(); // (false when auto save, on in this workbench, is saving it already)
    await waitFor('the report saved', () => !doc.isDirty);
    const sidecar = sidecarOf(path);
    await waitFor('the sidecar to name the saved text', () => readIfExists(sidecar)?.includes(sha256(doc.getText())));
    const file = parseSidecarFile(JSON.parse(readFileSync(sidecar, 'utf8')));
    assert.equal(file.offsetEncoding, 'codepoint');
    assert.equal(file.annotations.length, 1);
    const cps = [...doc.getText()];
    const t = file.annotations[0].target;
    assert.equal(cps.slice(t.start, t.end).join(''), t.exact, 'code point offsets in the file (the text has 𡌶 above)');
    assert.notEqual(t.start, api.annotations.list(doc.uri)[0].target.start, 'code points differ from UTF-16 here');

    // Restart: a fresh manager reads the sidecar from disk.
    const fresh = new AnnotationManager({ watch: false, notify: silent });
    try {
      fresh.storeFor(doc);
      assert.deepEqual(fresh.list(doc.uri), api.annotations.list(doc.uri));
    } finally {
      fresh.dispose();
    }
    // And the extension's own manager, told to forget and read again.
    const ids = api.annotations.list(doc.uri).map((a) => [a.id, a.target.start, a.target.end, a.tags]);
    await api.annotations.reload(doc.uri);
    assert.deepEqual(api.annotations.list(doc.uri).map((a) => [a.id, a.target.start, a.target.end, a.tags]), ids);
  });

  test('positions moved by unsaved edits are written at the save, not at every pause in typing', async () => {
    // (Auto save, on in this workbench, would save between the edit and the check: off here, as on the desktop.)
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.workspaceValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const { api, path, editor, doc } = await openNewReport('persist-unsaved.txt', sampleReport());
      await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
      await api.annotations.flush(doc.uri);
      const sidecar = sidecarOf(path);
      const written = readFileSync(sidecar, 'utf8');
      await editor.edit((b) => b.insert(new vscode.Position(2, 0), '　　补充一段，未保存。\n\n'));
      await sleep(1500); // past the sync and save delays (250 + 400 ms)
      assert.ok(doc.isDirty);
      assert.equal(readFileSync(sidecar, 'utf8'), written, 'the sidecar still names the text on disk');
      await doc.save();
      await waitFor('the sidecar to name the saved text', () => readIfExists(sidecar)?.includes(sha256(doc.getText())));
      const loaded = parseSidecar(readFileSync(sidecar, 'utf8'), doc.getText());
      assert.equal(loaded.textChanged, false);
      assert.deepEqual(loaded.annotations.map((a) => a.target), api.annotations.list(doc.uri).map((a) => a.target), 'at the moved positions');
    } finally {
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('tags follow an edit of the file outside the editor, and a close and reopen', async () => {
    const { api, path, doc } = await openNewReport('persist-outside.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['项目建设加快推进', '深化改革创新'], ['项目建设']);
    await api.annotations.flush(doc.uri);

    // Another program rewrites the file: a new paragraph on top, and a word changed inside a tagged one.
    const changed = sampleReport('2023年示范区政府工作报告（修订稿）', ['　　新增段落：外部编辑器插入的内容，用于检验重新锚定。', ''])
      .replace('万达广场建成投用', '万达广场全面建成投用');
    writeFileSync(path, changed, 'utf8');
    await waitFor('the document to reload from disk', () => doc.getText() === changed, 15_000);
    await waitFor('both tags to be on their paragraphs again', () => {
      const list = api.annotations.list(doc.uri);
      const text = doc.getText();
      return (
        list.length === 2 &&
        list.every((x) => text.slice(x.target.start, x.target.end) === x.target.exact) &&
        list[0].target.exact.includes('万达广场全面建成投用') &&
        list[1].target.exact.startsWith('深化改革创新')
      );
    });
    // The sidecar catches up with the new text.
    const sidecar = sidecarOf(path);
    await waitFor('the sidecar to name the new text', () => readIfExists(sidecar)?.includes(sha256(changed)));

    // Close, change the file while closed, reopen.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const again = changed.replace('一、2022年工作回顾', '一、2022年工作回顾\n\n　　又一段外部插入的文字，文档关闭时写入。\n');
    writeFileSync(path, again, 'utf8');
    const reopened = await openReport(path);
    await waitFor('the reopened text', () => reopened.document.getText() === again);
    await waitFor('the tags re-anchored after the reopen', () => {
      const list = api.annotations.list(reopened.document.uri);
      const text = reopened.document.getText();
      return list.length === 2 && list.every((x) => text.slice(x.target.start, x.target.end) === x.target.exact);
    });
  });

  test('loading a sidecar written for another text re-anchors by quote and keeps orphans', async () => {
    const api = await extensionApi();
    const original = sampleReport();
    const keep = original.indexOf('招商引资成效显著');
    const keepEnd = original.indexOf('\n', keep);
    const lost = original.indexOf('坚持生态优先');
    const lostEnd = original.indexOf('\n', lost);
    const stamp = new Date().toISOString();
    const annotations = [
      { id: 'keep-1', tags: ['招商引资'], target: makeTarget(original, keep, keepEnd), created: stamp, modified: stamp },
      { id: 'lost-1', tags: ['生态环境'], note: '此段将被删除', target: makeTarget(original, lost, lostEnd), created: stamp, modified: stamp },
    ];
    // The report as it is now: a paragraph added on top, the ecology paragraph gone.
    const now = sampleReport(undefined, ['　　新增加的第一段，位置因此后移。', '']).replace(/　　坚持生态优先[^\n]*\n\n/, '');
    const path = writeReport('persist-reload.txt', now);
    const sidecar = sidecarOf(path);
    writeFileSync(sidecar, serializeSidecar(original, annotations));

    const editor = await openReport(path);
    const doc = editor.document;
    await waitFor('the sidecar to be loaded', () => api.annotations.all(doc.uri).length === 2);
    const [kept] = api.annotations.list(doc.uri);
    assert.equal(api.annotations.list(doc.uri).length, 1);
    assert.equal(kept.id, 'keep-1');
    assert.equal(kept.target.start, now.indexOf('招商引资成效显著'));
    const orphans = api.annotations.orphans(doc.uri);
    assert.deepEqual(orphans.map((o) => o.id), ['lost-1']);

    // The orphan stays in the sidecar, flagged, with its note and quote.
    await waitFor('the sidecar to be rewritten for the current text', () => readIfExists(sidecar)?.includes(sha256(now)));
    const file = parseSidecarFile(JSON.parse(readFileSync(sidecar, 'utf8')));
    const orphan = file.annotations.find((x) => x.id === 'lost-1');
    assert.ok(orphan?.orphaned);
    assert.equal(orphan.note, '此段将被删除');
    assert.ok(orphan.target.exact.startsWith('坚持生态优先'));

    // Undo-like: the paragraph comes back, the orphan with it.
    const edit = new vscode.WorkspaceEdit();
    const heading = doc.getText().indexOf('　　深化改革创新');
    edit.insert(doc.uri, doc.positionAt(heading), original.slice(lost - 2, lostEnd) + '\n\n');
    await vscode.workspace.applyEdit(edit);
    await waitFor('the orphan to be placed again', () => api.annotations.orphans(doc.uri).length === 0 && api.annotations.list(doc.uri).length === 2);
    assertAnchored(doc, api.annotations.list(doc.uri));
  });

  test('the sidecar is written atomically: no temporary files, and a failed write keeps the old file', async () => {
    const { api, path, doc } = await openNewReport('persist-atomic.txt', sampleReport());
    const ps = (await api.analysis.analyze(doc)).paragraphs;
    // Many quick changes: debounced into a few writes.
    const writesBefore = api.annotations.stats.writes;
    // On a busy machine one change can take longer than the save delay: each such pause may write once.
    let pauses = 0;
    let previous = performance.now();
    for (let i = 0; i < 40; i++) {
      const p = ps[i % ps.length];
      await tag({ uri: doc.uri, ranges: [p.range], tags: [`t${i % 7}`] });
      const now = performance.now();
      if (now - previous >= 400) pauses++;
      previous = now;
    }
    await api.annotations.flush(doc.uri);
    const sidecar = sidecarOf(path);
    const json = readFileSync(sidecar, 'utf8');
    const file = parseSidecarFile(JSON.parse(json));
    assert.equal(file.annotations.length, ps.length);
    const writes = api.annotations.stats.writes - writesBefore;
    assert.ok(writes >= 1 && writes <= 5 + pauses, `40 changes, ${pauses} slower than the save delay, ${writes} writes`);
    console.log(`      sidecar: ${file.annotations.length} annotations, ${json.length} bytes, last write ${api.annotations.stats.lastMs.toFixed(2)} ms, slowest ${api.annotations.stats.maxMs.toFixed(2)} ms, ${writes} writes for 40 changes`);
    const leftovers = () => readdirSync(dirname(path)).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers(), []);

    // A write that fails (a folder stands where the temporary file's rename would go).
    const saved = readFileSync(sidecar, 'utf8');
    rmSync(sidecar);
    mkdirSync(sidecar);
    const failures = api.annotations.stats.failures;
    try {
      await tag({ uri: doc.uri, ranges: [ps[0].range], tags: ['写入失败'] });
      await api.annotations.flush(doc.uri);
      // (On a busy machine the delayed save can fire during the tag command, then the flush tries once more: each fails.)
      assert.ok(api.annotations.stats.failures >= failures + 1, 'the write failed');
      assert.deepEqual(leftovers(), [], 'the temporary file is removed');
      assert.ok(api.annotations.list(doc.uri)[0].tags.includes('写入失败'), 'the change is kept in memory');
    } finally {
      rmSync(sidecar, { recursive: true });
      writeFileSync(sidecar, saved);
    }
    // The next change writes everything, including what the failed write had.
    await tag({ uri: doc.uri, ranges: [ps[1].range], tags: ['之后'] });
    await api.annotations.flush(doc.uri);
    const after = parseSidecarFile(JSON.parse(readFileSync(sidecar, 'utf8')));
    assert.ok(after.annotations.some((x) => x.tags.includes('写入失败')));
    assert.ok(after.annotations.some((x) => x.tags.includes('之后')));
  });

  test('an unreadable sidecar is reported, left alone, and set aside (not lost) before a new one is written', async () => {
    const api = await extensionApi();
    const path = writeReport('persist-invalid.txt', sampleReport());
    const sidecar = sidecarOf(path);
    const bad = JSON.stringify({ format: 'report-annotator.sidecar', version: 1, offsetEncoding: 'codepoint', document: { sha256: 'x', length: 1 }, annotations: [{ id: 'a', tags: 'not a list' }] });
    writeFileSync(sidecar, bad);
    const editor = await openReport(path);
    const doc = editor.document;
    const message = await waitFor('the sidecar to be found invalid', () => api.annotations.invalidSidecar(doc.uri));
    assert.match(message, /annotations\[0\]\.tags/);
    assert.match(message, /document\.sha256/);
    await sleep(600);
    assert.equal(readFileSync(sidecar, 'utf8'), bad, 'not overwritten by opening');

    const p = await paragraphWith(api, doc, '民生保障持续改善');
    await tag({ uri: doc.uri, ranges: [p.range], tags: ['民生'] });
    await api.annotations.flush(doc.uri);
    const aside = readdirSync(dirname(path)).filter((f) => f.startsWith('persist-invalid.txt.annotations.invalid-'));
    assert.equal(aside.length, 1, 'the unreadable file is kept under another name');
    assert.equal(readFileSync(`${dirname(path)}/${aside[0]}`, 'utf8'), bad);
    const loaded = parseSidecar(readFileSync(sidecar, 'utf8'), doc.getText());
    assert.equal(loaded.annotations.length, 1);
  });

  test('renaming a report in VS Code takes its annotations along', async () => {
    const { api, path, doc } = await openNewReport('persist-rename-a.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['深化改革创新'], ['改革创新']);
    await api.annotations.flush(doc.uri);
    const to = vscode.Uri.file(path.replace('persist-rename-a', 'persist-rename-b'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(doc.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the sidecar to move', () => readIfExists(sidecarOf(to.fsPath)) && !readIfExists(sidecarOf(path)));
    const moved = await vscode.workspace.openTextDocument(to);
    await waitFor('the annotations under the new name', () => api.annotations.list(moved.uri)[0]?.tags.includes('改革创新'));
    assert.equal(api.annotations.list(doc.uri).length, 0);
  });

  test('renamed to a name whose sidecar is left from a deleted report: the renamed report keeps its own annotations, the old file is set aside', async () => {
    const { api, path, doc } = await openNewReport('persist-rename-c.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['深化改革创新'], ['我的标签']);
    await api.annotations.flush(doc.uri);
    // A report of the new name was deleted earlier; its sidecar stays (it may come back), tagging the same text.
    const to = vscode.Uri.file(path.replace('persist-rename-c', 'persist-rename-d'));
    const stale = readFileSync(sidecarOf(path), 'utf8').replace(/我的标签/g, '旧报告的标签');
    writeFileSync(sidecarOf(to.fsPath), stale);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(doc.uri, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the sidecar to move', () => !readIfExists(sidecarOf(path)) && readIfExists(sidecarOf(to.fsPath))?.includes('我的标签'));
    const moved = await vscode.workspace.openTextDocument(to);
    await waitFor('its own annotations under the new name', () => api.annotations.list(moved.uri)[0]?.tags.includes('我的标签'));
    assert.ok(api.annotations.list(moved.uri).every((a) => !a.tags.includes('旧报告的标签')), 'not the old report\'s');
    const aside = readdirSync(dirname(path)).filter((f) => f.startsWith('persist-rename-d.txt.annotations.replaced-'));
    assert.equal(aside.length, 1, 'the old sidecar is kept under another name');
    assert.equal(readFileSync(join(dirname(path), aside[0]), 'utf8'), stale);
  });

  test('renaming a folder with a report whose last tag is not yet written: the tag is written under the new folder, not lost', async () => {
    const api = await extensionApi();
    const folder = dirname(reportPath('persist-folder-a/x'));
    mkdirSync(folder, { recursive: true });
    const { path, doc } = await openNewReport('persist-folder-a/r.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['深化改革创新'], ['第一个']);
    await api.annotations.flush(doc.uri);
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['第二个']); // (written after the save delay: the folder moves first)
    const to = vscode.Uri.file(folder.replace('persist-folder-a', 'persist-folder-b'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.file(folder), to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const sidecar = sidecarOf(join(to.fsPath, 'r.txt'));
    await waitFor('both tags in the moved sidecar', () => readIfExists(sidecar)?.includes('第二个'));
    const moved = await vscode.workspace.openTextDocument(vscode.Uri.file(join(to.fsPath, 'r.txt')));
    await waitFor('both tags under the new name', () => api.annotations.list(moved.uri).flatMap((a) => a.tags).sort().join() === '第一个,第二个');
    assert.ok(!readIfExists(sidecarOf(path)), 'nothing left at the old path');
  });

  test('a sidecar written by someone else while our change waits to be written: both kept, theirs not written over', async () => {
    const { api, path, doc } = await openNewReport('persist-sidecar-race.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['招商引资成效显著'], ['招商引资']);
    await api.annotations.flush(doc.uri);
    const sidecar = sidecarOf(path);
    const theirs = parseSidecar(readFileSync(sidecar, 'utf8'), doc.getText()).annotations.map((a) => ({ ...a, tags: [...a.tags, '同事加的'] }));
    await tagParagraphsWith(api, doc, ['深化改革创新'], ['我加的']); // (written after the save delay)
    writeFileSync(sidecar, serializeSidecar(doc.getText(), theirs)); // (before the watcher or our write)
    await api.annotations.flush(doc.uri);
    await waitFor('both changes on disk', () => {
      const tags = parseSidecar(readFileSync(sidecar, 'utf8'), doc.getText()).annotations.flatMap((a) => a.tags);
      return tags.includes('同事加的') && tags.includes('我加的');
    });
  });

  test('a sidecar changed on disk by someone else is read again', async () => {
    const { api, path, doc } = await openNewReport('persist-sidecar-edit.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['招商引资成效显著'], ['招商引资']);
    await api.annotations.flush(doc.uri);
    const sidecar = sidecarOf(path);
    const current = parseSidecar(readFileSync(sidecar, 'utf8'), doc.getText()).annotations;
    const edited = current.map((a) => ({ ...a, tags: [...a.tags, '同事加的'], note: '来自同事' }));
    writeFileSync(sidecar, serializeSidecar(doc.getText(), edited));
    await waitFor('the edited sidecar to be read', () => api.annotations.list(doc.uri)[0]?.tags.includes('同事加的'), 15_000);
    assert.equal(api.annotations.list(doc.uri)[0].note, '来自同事');
  });
});
