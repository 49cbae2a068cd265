// Annotations whose text could not be found after the report changed on disk show in the Report view,
// under Tags → "Not found in the text", with their tags, note and last-known quote; from there they can be
// attached to the selected paragraphs or deleted, and the sidecar follows.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseSidecarFile } from '../../../src/core/schema';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import type { ReportNode } from '../../../src/extension/reading/reportTree';
import { closeAll, label, openNewReport, readIfExists, readOut, sampleReport, sidecarOf, tagParagraphsWith, waitFor, type TestApi } from './helpers';

const REWRITTEN = '　　对外开放迈出新步伐。外贸企业新增五家，跨境电商园区投入运营，口岸通关时间压缩一半。';
const ECOLOGY = /　　坚持生态优先[^\n]*/;

/** The Tags group's "Not found in the text" node, if the tree shows one for the document. */
function orphanGroup(api: TestApi, doc: vscode.TextDocument): ReportNode | undefined {
  const { provider } = api.reportTree;
  if (provider.document !== doc) return undefined;
  const tags = (provider.getChildren() as ReportNode[]).find((n) => n.kind === 'group' && n.group === 'tags');
  return tags && (provider.getChildren(tags) as ReportNode[]).find((n) => n.kind === 'orphans');
}

const sidecarAnnotations = (path: string) => parseSidecarFile(JSON.parse(readFileSync(sidecarOf(path), 'utf8'))).annotations;

suite('orphaned annotations', () => {
  suiteTeardown(closeAll);

  test('shown under Tags, attached to a selection, deleted; the sidecar follows', async () => {
    const original = sampleReport();
    const { api, path, editor, doc } = await openNewReport('orphan-tree.txt', original);
    const [invest] = await tagParagraphsWith(api, doc, ['招商引资成效显著'], ['招商引资']);
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
    const [ecology] = await tagParagraphsWith(api, doc, ['坚持生态优先'], ['生态环境', '重点']);
    const investId = api.annotations.list(doc.uri).find((a) => a.tags.includes('招商引资'))!.id;
    await vscode.commands.executeCommand('reportAnnotator.editNote', { uri: doc.uri, annotationId: investId, note: '核对签约数据' });
    const investQuote = doc.getText().slice(invest.range.start, invest.range.end);
    const ecologyQuote = doc.getText().slice(ecology.range.start, ecology.range.end);
    await api.annotations.flush(doc.uri);

    // Another program rewrites two tagged paragraphs beyond recognition.
    const changed = original.replace(`　　${investQuote}`, REWRITTEN).replace(ECOLOGY, '　　推进绿色转型。关停高耗能小作坊十二家，新建污水管网二十公里。');
    writeFileSync(path, changed, 'utf8');
    await waitFor('the document to reload from disk', () => doc.getText() === changed, 15_000);
    await waitFor('two annotations to be orphaned', () => api.annotations.orphans(doc.uri).length === 2);
    assert.deepEqual(api.annotations.list(doc.uri).map((a) => a.tags), [['民生']]);

    // The tree: Tags → 民生, and "Not found in the text" with the two, their tags, note and quote.
    const { provider } = api.reportTree;
    const group = await waitFor('the orphan group in the tree', () => orphanGroup(api, doc));
    const groupItem = provider.getTreeItem(group) as vscode.TreeItem;
    assert.equal(label(groupItem), 'Not found in the text');
    assert.equal(groupItem.description, '2');
    assert.equal(groupItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.match(readOut(groupItem), /^Not found in the text, 2, Annotations whose text/, 'read out as shown, then the tooltip');
    const tags = provider.getParent!(group) as ReportNode;
    assert.ok(tags.kind === 'group' && tags.group === 'tags');
    assert.match(String((provider.getTreeItem(tags) as vscode.TreeItem).description), /^1 tag, 1 paragraph, 2 not found$/, `Tags counts the orphans too: ${(provider.getTreeItem(tags) as vscode.TreeItem).description}`);
    assert.deepEqual(
      (provider.getChildren(tags) as ReportNode[]).map((n) => n.kind),
      ['tag', 'orphans'],
      'the tag nodes, then the orphans',
    );
    const orphans = provider.getChildren(group) as ReportNode[];
    const items = orphans.map((n) => provider.getTreeItem(n) as vscode.TreeItem);
    assert.deepEqual(items.map(label).sort(), ['招商引资', '生态环境 · 重点'].sort());
    for (const item of items) assert.equal(item.contextValue, 'orphanedAnnotation');
    const investNode = orphans[items.findIndex((i) => label(i) === '招商引资')];
    const investItem = provider.getTreeItem(investNode) as vscode.TreeItem;
    assert.equal(investItem.description, '核对签约数据');
    const tooltip = (investItem.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('核对签约数据') && tooltip.includes('招商引资成效显著'), 'the tooltip has the note and the last quote');
    assert.equal(investItem.command, undefined, 'nothing to reveal');
    const ids = [group, ...orphans].map((n) => (provider.getTreeItem(n) as vscode.TreeItem).id);
    assert.equal(new Set(ids).size, ids.length);

    // The menus offer both actions on these items, and hide them from the palette.
    const menus = vscode.extensions.getExtension('report-annotator.report-annotator')!.packageJSON.contributes.menus;
    for (const command of ['reportAnnotator.reattachAnnotation', 'reportAnnotator.deleteAnnotation']) {
      const onItem = menus['view/item/context'].filter((m: { command: string; when: string }) => m.command === command);
      assert.ok(onItem.some((m: { when: string }) => /viewItem (==|=~) .*orphanedAnnotation/.test(m.when)), `${command} on orphans`);
      assert.ok(menus.commandPalette.some((m: { command: string; when: string }) => m.command === command && m.when === 'false'));
    }

    // Attach to Selection: the cursor in the rewritten paragraph, the command run on the tree item.
    const at = doc.getText().indexOf('外贸企业新增');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const attached = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.reattachAnnotation', investNode);
    assert.deepEqual(attached.annotationIds, [investId], attached.message);
    const now = api.annotations.list(doc.uri).find((a) => a.id === investId);
    assert.ok(now, 'anchored again');
    assert.equal(now.target.exact, REWRITTEN.trim());
    assert.equal(doc.getText().slice(now.target.start, now.target.end), now.target.exact);
    assert.deepEqual([now.tags, now.note], [['招商引资'], '核对签约数据']);
    assert.deepEqual(api.annotations.orphans(doc.uri).map((a) => a.tags), [['生态环境', '重点']]);
    await api.annotations.flush(doc.uri);
    const onDisk = sidecarAnnotations(path).find((a) => a.id === investId);
    assert.ok(onDisk && !onDisk.orphaned, 'the sidecar has it anchored');
    assert.equal(onDisk.target.exact, REWRITTEN.trim());
    await waitFor('the tree to list one orphan', () => orphanGroup(api, doc)?.children.length === 1);

    // Delete: asked first; "no" keeps it, "yes" deletes it.
    const [ecologyNode] = orphanGroup(api, doc)!.children;
    const commands = api.annotationCommands;
    const confirm = commands.confirm;
    const asked: string[] = [];
    try {
      commands.confirm = async (message) => (asked.push(message), false);
      const kept = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.deleteAnnotation', ecologyNode);
      assert.equal(kept.message, 'cancelled');
      assert.equal(api.annotations.orphans(doc.uri).length, 1);
      commands.confirm = async (message) => (asked.push(message), true);
      const deleted = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.deleteAnnotation', ecologyNode);
      assert.equal(deleted.annotationIds.length, 1);
    } finally {
      commands.confirm = confirm;
    }
    assert.equal(asked.length, 2);
    assert.match(asked[0], /生态环境, 重点/);
    assert.deepEqual(api.annotations.orphans(doc.uri), []);
    assert.equal(api.annotations.all(doc.uri).length, 2);
    await waitFor('the orphan group to go', () => provider.document === doc && !orphanGroup(api, doc));
    await api.annotations.flush(doc.uri);
    const left = sidecarAnnotations(path);
    assert.deepEqual(left.map((a) => a.tags).sort(), [['招商引资'], ['民生']].sort());
    assert.ok(left.every((a) => !a.orphaned));
    assert.ok(!readIfExists(sidecarOf(path))?.includes(ecologyQuote.slice(0, 8)), 'nothing of it is left in the sidecar');
  });

  test('Attach to Selection and Delete Annotation say why when they cannot act', async () => {
    const { api, doc } = await openNewReport('orphan-errors.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
    const none = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.reattachAnnotation', { uri: doc.uri, annotationId: 'no-such-id' });
    assert.deepEqual(none.annotationIds, []);
    assert.match(none.message ?? '', /no-such-id/);
    const bare = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.deleteAnnotation');
    assert.deepEqual(bare.annotationIds, []);
    assert.ok(bare.message);
    assert.equal(api.annotations.all(doc.uri).length, 1, 'nothing changed');
  });
});
