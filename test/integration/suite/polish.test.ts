// Reading and tagging as a demanding analyst sees it (issue 11): tag colours of their own, Remove Tag that
// says what it did, notes of several lines, honest counts, no false "not a report", remembered expansion,
// error messages a person can read, sidecars nested under their report.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { TAG_PALETTE } from '../../../src/core/tagColors';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import type { ImportResult } from '../../../src/extension/annotating/exportImport';
import { configuredTags } from '../../../src/extension/annotating/tagSettings';
import type { ReportNode } from '../../../src/extension/reading/reportTree';
import { closeAll, extensionApi, openNewReport, paragraphWith, reportPath, sampleReport, scratch, sleep, tag, waitFor, writeReport } from './helpers';

suite('polish', () => {
  suiteTeardown(closeAll);

  test('a new tag gets a colour no tag has yet, kept in the settings; Set Tag Colour changes it', async () => {
    const { api, doc } = await openNewReport('polish-colours.txt', sampleReport());
    // Every tag the workspace uses so far, drawn in one colour: the palette's other fifteen are free.
    const inUse = [...new Set([...configuredTags().map((s) => s.name), ...api.annotations.loadedReports().flatMap((u) => api.annotations.all(u).flatMap((a) => a.tags))])];
    await vscode.workspace.getConfiguration('reportAnnotator').update('tags', inUse.map((name) => ({ name, color: TAG_PALETTE[0] })), vscode.ConfigurationTarget.Workspace);
    await waitFor('the one-colour settings', () => configuredTags().every((s) => s.color === TAG_PALETTE[0]));
    const before = configuredTags();
    const p = await paragraphWith(api, doc, '民生保障持续改善');
    await tag({ uri: doc.uri, ranges: [p.range], tags: ['财政赤字', '营商环境新'] });
    const after = await waitFor('the new tags in the settings', () => {
      const now = configuredTags();
      return now.some((s) => s.name === '财政赤字') && now.some((s) => s.name === '营商环境新') && now;
    });
    const fresh = ['财政赤字', '营商环境新'].map((name) => after.find((s) => s.name === name)!.color);
    assert.notEqual(fresh[0], fresh[1], `two new tags, two colours: ${fresh.join(' ')}`);
    for (const name of ['财政赤字', '营商环境新']) {
      const colour = after.find((s) => s.name === name)!.color;
      assert.ok(!before.some((s) => s.color === colour), `${name} does not take a colour in use`);
      assert.ok((TAG_PALETTE as readonly string[]).includes(colour));
    }
    const r = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.setTagColor', { tag: '财政赤字', color: '#123456' });
    assert.match(r.message ?? '', /#123456/);
    await waitFor('the new colour', () => configuredTags().find((s) => s.name === '财政赤字')?.color === '#123456');
    await waitFor('a decoration type for it', () => api.tagDecorations.colors.includes('#123456'));
    const bad = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.setTagColor', { tag: '财政赤字', color: 'red' });
    assert.match(bad.message ?? '', /#rrggbb/);
    // The other suites expect the default colours.
    await vscode.workspace.getConfiguration('reportAnnotator').update('tags', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('Remove Tag… starts with the touched paragraphs’ tags checked and says what it removed, or why nothing', async () => {
    const { api, doc, editor } = await openNewReport('polish-remove.txt', sampleReport());
    const p = await paragraphWith(api, doc, '招商引资成效显著');
    await tag({ uri: doc.uri, ranges: [p.range], tags: ['招商引资', '项目建设'] });
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 2), doc.positionAt(p.range.start + 2));

    const first = vscode.commands.executeCommand<CommandResult>('reportAnnotator.removeTag');
    const qp = await waitFor('the remove quick pick', () => api.annotationCommands.quickPick);
    assert.deepEqual(qp.selectedItems.map((i) => i.tag).sort(), ['招商引资', '项目建设'].sort(), 'all checked to begin with');
    qp.selectedItems = qp.items.filter((i) => i.tag === '项目建设');
    await sleep(100);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const removed = await first;
    assert.match(removed.message ?? '', /Removed 项目建设 from 1 paragraph/);
    assert.deepEqual(api.annotations.list(doc.uri)[0].tags, ['招商引资']);

    const second = vscode.commands.executeCommand<CommandResult>('reportAnnotator.removeTag');
    const qp2 = await waitFor('the quick pick again', () => api.annotationCommands.quickPick !== qp && api.annotationCommands.quickPick);
    qp2.selectedItems = [];
    await sleep(100);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.match((await second).message ?? '', /Nothing was removed: no tag was checked/);
    assert.deepEqual(api.annotations.list(doc.uri)[0].tags, ['招商引资'], 'nothing removed');
  });

  test('a note of several lines, written in the comment box under the paragraph; cancel changes nothing', async () => {
    const { api, doc, editor } = await openNewReport('polish-note.txt', sampleReport());
    const p = await paragraphWith(api, doc, '深化改革创新');
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 1), doc.positionAt(p.range.start + 1));
    const notes = api.annotationCommands.notes;

    const writing = vscode.commands.executeCommand<CommandResult>('reportAnnotator.editNote');
    const thread = await waitFor('the note box', () => notes.thread);
    assert.equal(thread.uri.toString(), doc.uri.toString());
    assert.equal(thread.range?.start.line, doc.positionAt(p.range.start).line, 'under the paragraph');
    await vscode.commands.executeCommand('reportAnnotator.saveNote', { thread, text: '第一行：核对数据来源。\n第二行：与去年对比。' });
    await writing;
    assert.equal(api.annotations.list(doc.uri)[0].note, '第一行：核对数据来源。\n第二行：与去年对比。');

    // Editing it again shows it ready to edit; Cancel leaves it.
    const again = vscode.commands.executeCommand<CommandResult>('reportAnnotator.editNote');
    const thread2 = await waitFor('the note box again', () => notes.thread !== thread && notes.thread);
    assert.equal(thread2.comments.length, 1);
    assert.equal(String(thread2.comments[0].body), '第一行：核对数据来源。\n第二行：与去年对比。');
    await vscode.commands.executeCommand('reportAnnotator.cancelNote');
    assert.equal((await again).message, 'cancelled');
    assert.equal(api.annotations.list(doc.uri)[0].note, '第一行：核对数据来源。\n第二行：与去年对比。');
  });

  test('Tags counts tags and paragraphs', async () => {
    const { api, doc } = await openNewReport('polish-count.txt', sampleReport());
    const ps = [await paragraphWith(api, doc, '招商引资成效显著'), await paragraphWith(api, doc, '民生保障持续改善'), await paragraphWith(api, doc, '坚持生态优先')];
    await tag({ uri: doc.uri, ranges: ps.map((x) => x.range), tags: ['民生'] });
    await tag({ uri: doc.uri, ranges: [ps[0].range], tags: ['财政', '招商引资'] });
    const { provider } = api.reportTree;
    const description = await waitFor('the Tags group', () => {
      const tags = provider.document === doc && (provider.getChildren() as ReportNode[]).find((n) => n.kind === 'group' && n.group === 'tags');
      const d = tags ? String((provider.getTreeItem(tags) as vscode.TreeItem).description) : '';
      return d.startsWith('3 tags') && d;
    });
    assert.equal(description, '3 tags, 3 paragraphs');
  });

  test('opening a .txt report never says "not a report" on its way, and expansion is remembered', async () => {
    const api = await extensionApi();
    const { provider, view } = api.reportTree;
    const path = writeReport('polish-fresh.txt', sampleReport('2024年某某县政府工作报告'));
    const messages = new Set<string | undefined>();
    const watch = setInterval(() => messages.add(view.message), 5);
    try {
      const doc = await vscode.workspace.openTextDocument(path);
      await vscode.window.showTextDocument(doc);
      await waitFor('the report in the view', () => provider.document?.uri.fsPath === path && !provider.analysing && provider.getChildren().length === 4);
    } finally {
      clearInterval(watch);
    }
    assert.ok(!messages.has('The active editor is not a report.'), `messages seen: ${[...messages].join(' | ')}`);

    // Expand Figures; another report shows it expanded too, and so would a reload (the state is stored).
    await vscode.commands.executeCommand('reportAnnotator.report.focus');
    await waitFor('the view to be visible', () => view.visible);
    // A re-render between getChildren and reveal can replace the node: reveal the current one until it opens.
    await waitFor('the expansion to be recorded', () => {
      const current = (provider.getChildren() as ReportNode[])[2];
      if ((provider.getTreeItem(current) as vscode.TreeItem).collapsibleState === vscode.TreeItemCollapsibleState.Expanded) return true;
      void Promise.resolve(view.reveal(current, { expand: true })).catch(() => undefined);
      return false;
    });
    const other = await vscode.workspace.openTextDocument(reportPath('national-2016.txt'));
    await vscode.window.showTextDocument(other);
    await waitFor('national-2016 in the view', () => provider.document?.uri.toString() === other.uri.toString() && provider.getChildren().length === 4);
    const otherFigures = (provider.getChildren() as ReportNode[])[2];
    assert.equal((provider.getTreeItem(otherFigures) as vscode.TreeItem).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  test('an import error is one sentence naming the file, the field and what was expected', async () => {
    const source = scratch(`polish-bad-${process.pid}.json`);
    writeFileSync(source, JSON.stringify({ format: 'report-annotator.annotation-set', version: 1, offsetEncoding: 'codepoint', generator: { name: 'x', version: '1' }, exportedAt: '2026-01-01T00:00:00.000Z', documents: [{ uri: 42 }] }));
    const r = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
    assert.match(r.error ?? '', /^Nothing was imported: In polish-bad-\d+\.json, documents\[0\]\.uri should be text\. \(\d+ more problems are in the log\.\)$/);
    writeFileSync(source, '{"format": ');
    const json = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
    assert.match(json.error ?? '', /^Nothing was imported: polish-bad-\d+\.json is not valid JSON \(line 1, column \d+\)\.$/);
  });

  test('sidecars nest under their report in the explorer', () => {
    const patterns = vscode.workspace.getConfiguration('explorer.fileNesting').get<Record<string, string>>('patterns') ?? {};
    assert.match(patterns['*.txt'] ?? '', /\$\{capture\}\.txt\.annotations\.json/);
  });
});
