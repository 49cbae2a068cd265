// Runs last: a picture of the reading half at work (highlighting, the Report view, the icons). The shim
// behind runTests writes test-results/report-annotator.png when it sees __TAKE_SCREENSHOT__.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportNode } from '../../../src/extension/reading/reportTree';
import { extensionApi, openReport, reportPath, sleep, tagParagraphsWith, waitFor } from './helpers';

suite('screenshot', () => {
  test('the 2020 西工区 report with its Report view', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const editor = await openReport(reportPath('002_395ec08d707c8053.txt'));
    const analysis = await api.analysis.analyze(editor.document);
    // Two tagged paragraphs in view, so the picture shows the tag colours and labels too.
    await tagParagraphsWith(api, editor.document, ['完成区本级生产总值'], ['财政', '项目建设']);
    await tagParagraphsWith(api, editor.document, ['特色商业区连续'], ['招商引资']);
    await vscode.commands.executeCommand('workbench.view.extension.reportAnnotator');
    const { provider, view } = api.reportTree;
    // Expanding is cosmetic, and a re-render between getChildren and reveal can replace the nodes
    // ("Data tree node not found"): fetch them afresh and try again rather than fail the picture.
    for (let attempt = 1; ; attempt++) {
      const [sections, , figures] = await waitFor('the tree', () => provider.document === editor.document && (provider.getChildren() as ReportNode[]));
      try {
        await view.reveal(figures, { expand: true });
        const firstKind = figures.children[0];
        if (firstKind) await view.reveal(firstKind, { expand: 1 });
        await view.reveal(sections, { expand: 2, select: false, focus: false });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await sleep(500);
      }
    }
    // Bring a passage with figures into view.
    const figure = analysis.figures.find((f) => f.kind === 'currency') ?? analysis.figures[0];
    if (figure) {
      const at = editor.document.positionAt(figure.range.start);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    }
    await sleep(1500);
    console.log('__TAKE_SCREENSHOT__');
    await sleep(2000);
    assert.ok(view.visible, 'the Report view is showing');
  });
});
