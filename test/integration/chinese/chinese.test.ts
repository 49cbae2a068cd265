// The Chinese UI, proven: VS Code's display language is zh-cn, and what the extension says in its views,
// hovers, messages and quick picks is Chinese. (View and command titles come from package.nls.zh-cn.json;
// the screenshot this suite takes shows them.)
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import type { ActivatedApi } from '../../../src/extension/extension';
import type { ReportNode } from '../../../src/extension/reading/reportTree';
import { sleep, waitFor } from '../suite/helpers';

const WORKSPACE = process.env.REPORT_ANNOTATOR_TEST_WORKSPACE!;
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

suite('Chinese UI', () => {
  let api: ActivatedApi;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator')!.activate();
    const name = readdirSync(join(WORKSPACE, 'reports')).find((n) => n.startsWith('002_'))!;
    doc = await vscode.workspace.openTextDocument(join(WORKSPACE, 'reports', name));
    await vscode.window.showTextDocument(doc);
    await waitFor('the report language', () => doc.languageId === 'govreport');
    doc = vscode.window.activeTextEditor!.document;
  });

  test('VS Code runs in Chinese', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  test('the Report view speaks Chinese', async () => {
    const { provider } = api.reportTree;
    const roots = await waitFor('the tree', () => provider.document === doc && !provider.analysing && (provider.getChildren() as ReportNode[]).length === 4 && (provider.getChildren() as ReportNode[]));
    const labels = roots.map((n) => String((provider.getTreeItem(n) as vscode.TreeItem).label));
    assert.deepEqual(labels, ['章节', '项目', '数据', '标签']);
    const tags = provider.getTreeItem(roots[3]) as vscode.TreeItem;
    assert.match(String(tags.description), /个标签，.*个段落/);
    const section = provider.getChildren(roots[0])[0];
    assert.match(String((provider.getTreeItem(section) as vscode.TreeItem).tooltip), /^一级标题: /);
  });

  test('a figure’s hover is Chinese', async () => {
    const analysis = await api.analysis.analyze(doc);
    const figure = analysis.figures.find((f) => f.kind === 'currency')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(figure.range.start + 1));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /金额/, text);
  });

  test('the Get Started walkthrough is Chinese, with pictures of the Chinese UI for light and dark themes', () => {
    const ext = vscode.extensions.getExtension('report-annotator.report-annotator')!;
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs as { title: string; steps: { title: string; media: { image: Record<string, string> } }[] }[];
    assert.equal(walkthrough.title, '报告标注器入门');
    assert.equal(walkthrough.steps.length, 4);
    for (const step of walkthrough.steps) {
      assert.ok(hasChinese(step.title), step.title);
      const { light, dark, hc, hcLight } = step.media.image;
      assert.match(light, /^media\/walkthrough\/zh-cn\/light\//);
      assert.match(dark, /^media\/walkthrough\/zh-cn\/dark\//);
      assert.deepEqual([hc, hcLight], [dark, light]);
      for (const image of [light, dark]) assert.ok(existsSync(join(ext.extensionPath, image)), image);
    }
  });

  test('messages and quick picks are Chinese', async () => {
    const [p] = (await api.analysis.analyze(doc)).paragraphs.slice(-3);
    const refused = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs', { uri: doc.uri, ranges: [p.range], tags: ['  '] });
    assert.equal(refused.message, '标签不能为空。');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 1), doc.positionAt(p.range.start + 1));
    const pending = vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs');
    const qp = await waitFor('the tag quick pick', () => api.annotationCommands.quickPick);
    assert.equal(qp.title, '为 1 个段落添加标签');
    assert.ok(hasChinese(qp.placeholder ?? ''), qp.placeholder);
    assert.ok(qp.items.some((i) => i.label === '已配置的标签'));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal((await pending).message, 'cancelled');
  });

  test('a screenshot of the Chinese UI', async () => {
    await vscode.commands.executeCommand('reportAnnotator.report.focus');
    await sleep(1500);
    console.log('__TAKE_SCREENSHOT__');
    await sleep(1500);
  });
});
