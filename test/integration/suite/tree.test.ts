// The Report view: groups with counts from the analysis, following the active editor, revealing ranges.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ReportNode } from '../../../src/extension/reading/reportTree';
import { extensionApi, label, nextAnalysis, openReport, readOut, reportPath, waitFor, WORKSPACE } from './helpers';

function walk(provider: vscode.TreeDataProvider<ReportNode>, nodes: ReportNode[]): ReportNode[] {
  return nodes.flatMap((n) => [n, ...walk(provider, provider.getChildren(n) as ReportNode[])]);
}

suite('report tree', () => {
  test('the groups list the analysis: sections nested, projects, figures by kind, tags', async () => {
    const api = await extensionApi();
    const { document } = await openReport(reportPath('national-2016.txt'));
    const analysis = await api.analysis.analyze(document);
    const { provider, view } = api.reportTree;
    const groups = await waitFor('the tree to show the report', () => {
      const roots = provider.getChildren() as ReportNode[];
      return roots.length > 0 && provider.document === document && roots;
    });
    const items = groups.map((g) => provider.getTreeItem(g) as vscode.TreeItem);
    assert.deepEqual(items.map(label), ['Sections', 'Projects', 'Figures', 'Tags']);
    assert.equal(items[0].description, String(analysis.sections.length));
    assert.equal(items[2].description, String(analysis.figures.length));
    assert.equal(view.description, analysis.title ?? 'national-2016.txt');

    const [sections, projects] = groups;
    const sectionNodes = walk(provider, provider.getChildren(sections) as ReportNode[]);
    assert.ok(sectionNodes.length > 0, 'a national report has sections');
    const title = analysis.sections.filter((s) => s.level === 0);
    assert.deepEqual(
      sectionNodes.map((n) => n.kind === 'section' && n.section.id).sort(),
      analysis.sections.filter((s) => s.level > 0).map((s) => s.id).sort(),
      'every section but the title appears once',
    );
    assert.equal(items[0].tooltip, analysis.title, 'the title is the group’s tooltip (and the view’s description)');
    const top = provider.getChildren(sections) as ReportNode[];
    assert.ok(top.every((n) => n.kind === 'section' && n.section.level >= 1), 'the parts of the report are at the top');
    for (const n of sectionNodes) {
      const parent = provider.getParent!(n) as ReportNode;
      if (n.kind === 'section' && n.section.parentId && !title.some((t) => t.id === n.section.parentId)) {
        assert.ok(parent.kind === 'section' && parent.section.id === n.section.parentId);
      }
      const tooltip = String((provider.getTreeItem(n) as vscode.TreeItem).tooltip);
      assert.match(tooltip, /^(Part|Section|Lead-in): /, `the tooltip says what kind of heading, in words: ${tooltip}`);
    }

    // Figures by indicator (those without one last), and each figure text once per indicator.
    const figuresNow = () => (provider.getChildren() as ReportNode[])[2];
    const indicators = provider.getChildren(figuresNow()) as ReportNode[];
    assert.ok(indicators.every((n) => n.kind === 'indicator'));
    assert.equal(indicators.at(-1)!.kind === 'indicator' && indicators.at(-1)!.indicator, undefined, '"other" is last');
    const leaves = walk(provider, indicators).filter((n) => n.kind === 'figure');
    assert.equal(leaves.reduce((sum, n) => sum + (n.kind === 'figure' ? n.same.length : 0), 0), analysis.figures.length, 'every figure, once');
    const repeated = leaves.find((n) => n.kind === 'figure' && n.same.length > 1);
    if (repeated) assert.match(String((provider.getTreeItem(repeated) as vscode.TreeItem).description), /×\d/);
    const sample = leaves.find((n) => n.kind === 'figure')!;
    assert.match(((provider.getTreeItem(sample) as vscode.TreeItem).tooltip as vscode.MarkdownString).value, /。|；/, 'the tooltip holds the sentence');

    // By kind, as before.
    await vscode.commands.executeCommand('reportAnnotator.figuresByKind');
    try {
      const kinds = provider.getChildren(figuresNow()) as ReportNode[];
      assert.equal(kinds.reduce((sum, k) => sum + (k.kind === 'figureKind' ? k.count : 0), 0), analysis.figures.length);
      for (const k of kinds) {
        const item = provider.getTreeItem(k) as vscode.TreeItem;
        assert.ok(k.kind === 'figureKind');
        assert.equal(item.description, String(k.count));
        for (const f of k.children) {
          assert.ok(f.kind === 'figure' && f.figure.kind === k.figureKind);
          assert.ok(label(provider.getTreeItem(f) as vscode.TreeItem).endsWith(f.figure.text));
        }
      }
      await vscode.commands.executeCommand('reportAnnotator.figuresByValue');
      const [firstKind] = provider.getChildren(figuresNow()) as ReportNode[];
      const values = firstKind.children.map((n) => (n.kind === 'figure' ? n.figure.baseValue : NaN));
      assert.deepEqual(values, [...values].sort((a, b) => b - a), 'sorted by value, largest first');
    } finally {
      await vscode.commands.executeCommand('reportAnnotator.figuresByIndicator');
      await vscode.commands.executeCommand('reportAnnotator.figuresByPosition');
    }

    const projectNodes = provider.getChildren(projects) as ReportNode[];
    assert.equal(projectNodes.length, analysis.projects.length);
    for (const p of projectNodes) {
      assert.ok(p.kind === 'project');
      assert.equal((provider.getTreeItem(p) as vscode.TreeItem).description, String(p.project.occurrences.length));
      assert.equal(p.children.length, p.project.occurrences.length);
    }

    // A screen reader reads each row as what it shows (its label and count), and the tooltip after it: the Sections
    // row was read as the report's title alone, the Figures row as how it is grouped.
    for (const n of walk(provider, groups)) {
      const item = provider.getTreeItem(n) as vscode.TreeItem;
      const said = readOut(item);
      // (An occurrence shows a line around the mention and reads the sentence that holds it.)
      const shown = n.kind === 'occurrence' ? document.getText(new vscode.Range(document.positionAt(n.span.start), document.positionAt(n.span.end))) : label(item);
      assert.ok(said.includes(shown), `the row ${n.kind} "${shown}" is read out as "${said}"`);
      if (typeof item.description === 'string') assert.ok(said.includes(item.description), `the row ${n.kind} "${shown}" is read out with its count: "${said}"`);
    }
    assert.equal(readOut(items[0]), `Sections, ${analysis.sections.length}, ${analysis.title}`);

    const ids = walk(provider, groups).map((n) => (provider.getTreeItem(n) as vscode.TreeItem).id);
    assert.equal(new Set(ids).size, ids.length, 'tree item ids are unique');
    await vscode.commands.executeCommand('reportAnnotator.refresh');
    const idsAgain = walk(provider, provider.getChildren() as ReportNode[]).map((n) => (provider.getTreeItem(n) as vscode.TreeItem).id);
    assert.deepEqual(idsAgain, ids, 'ids survive a refresh');
  });

  test('an empty report: 0 projects as 0 sections and figures (not "unavailable"), the reason in the tooltip', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: '' });
    await vscode.window.showTextDocument(document);
    const { provider } = api.reportTree;
    const items = await waitFor('the tree to show the empty report', () => {
      const roots = provider.getChildren() as ReportNode[];
      return provider.document === document && roots.length > 0 && roots.map((g) => provider.getTreeItem(g) as vscode.TreeItem);
    });
    assert.deepEqual(items.slice(0, 3).map((i) => i.description), ['0', '0', '0']);
    assert.match(String(items[1].tooltip), /empty/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('clicking a figure or a section selects its text in the editor', async () => {
    const api = await extensionApi();
    const { document } = await openReport(reportPath('national-2016.txt'));
    await api.analysis.analyze(document);
    const { provider } = api.reportTree;
    const nodes = walk(provider, provider.getChildren() as ReportNode[]);
    const figure = nodes.filter((n) => n.kind === 'figure').at(-1);
    const section = nodes.filter((n) => n.kind === 'section').at(-1);
    assert.ok(figure?.kind === 'figure' && section?.kind === 'section');
    // Another editor in front, so the command has to bring the report back.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(join(WORKSPACE, 'notes.txt')));
    for (const [n, expected] of [
      [figure, figure.figure.text],
      [section, section.section.title],
    ] as const) {
      const { command } = provider.getTreeItem(n) as vscode.TreeItem;
      assert.equal(command?.command, 'reportAnnotator.revealRange');
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document, document);
      assert.equal(editor.document.getText(editor.selection).trim(), expected);
      const visible = editor.visibleRanges[0];
      assert.ok(visible.contains(editor.selection), 'the selection is scrolled into view');
    }
  });

  test('the tree follows the active editor and re-renders on a new analysis', async () => {
    const api = await extensionApi();
    const { provider, view } = api.reportTree;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(join(WORKSPACE, 'notes.txt')));
    await waitFor('the tree to empty', () => provider.getChildren().length === 0);
    assert.ok(view.message, 'the view says the editor is not a report');

    const editor = await openReport(reportPath('national-2014.txt'));
    const { document } = editor;
    // (How many figures, not the analysis: the document's own analysis follows the edit in place.)
    const figureCount = (await api.analysis.analyze(document)).figures.length;
    await waitFor('the tree to show national-2014', () => provider.document === document && provider.getChildren().length === 4);
    assert.equal(view.message, undefined);
    const figuresItem = () => provider.getTreeItem(provider.getChildren()[2] as ReportNode) as vscode.TreeItem;
    assert.equal(figuresItem().description, String(figureCount));

    const analysed = nextAnalysis(api, document, document.version + 1);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n新增投资12345万元。'));
    try {
      const after = (await analysed).analysis;
      assert.equal(after.figures.length, figureCount + 1);
      assert.equal(figuresItem().description, String(after.figures.length));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
