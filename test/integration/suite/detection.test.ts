// Reports saved as .txt become govreport by their content; other text stays plain text.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, openReport, reportPath, sleep, waitFor, WORKSPACE } from './helpers';

/** Opens a file and gives detection time to act on it. */
async function openAndSettle(path: string): Promise<vscode.TextDocument> {
  await extensionApi();
  const doc = await vscode.workspace.openTextDocument(path);
  await vscode.window.showTextDocument(doc);
  await sleep(500);
  return doc;
}

/**
 * A copy of a shared report (`report`), written as `name` and opened with reportAnnotator.detectReports off: it stays
 * plain text while `use` runs; the setting is restored after.
 */
async function withUndetected(name: string, report: string, use: (doc: vscode.TextDocument) => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration('reportAnnotator');
  await config.update('detectReports', false, vscode.ConfigurationTarget.Global);
  try {
    const path = join(WORKSPACE, name);
    writeFileSync(path, readFileSync(reportPath(report)));
    const doc = await openAndSettle(path);
    assert.equal(doc.languageId, 'plaintext');
    await use(doc);
  } finally {
    await config.update('detectReports', undefined, vscode.ConfigurationTarget.Global);
  }
}

suite('report detection', () => {
  test('every report of the corpus, opened as .txt, becomes a govreport document', async () => {
    const names = readdirSync(join(WORKSPACE, 'reports')).filter((n) => n.endsWith('.txt'));
    assert.ok(names.length >= 6, 'the workspace holds the corpus');
    for (const name of names) {
      const editor = await openReport(reportPath(name));
      assert.equal(editor.document.languageId, 'govreport', name);
    }
  });

  test('an English note and a Chinese diary stay plain text', async () => {
    const diary = join(WORKSPACE, 'diary.txt');
    writeFileSync(
      diary,
      '今天去超市买了三斤苹果，花了20元。明天要交房租3000元，记得提醒老王。\n周末去爬山，带上水和面包。这个月的电费是120元，比上个月多了一些。\n',
    );
    for (const path of [join(WORKSPACE, 'notes.txt'), diary]) {
      const doc = await openAndSettle(path);
      assert.equal(doc.languageId, 'plaintext', path);
    }
  });

  test('an empty file stays plain text and nothing breaks', async () => {
    const doc = await openAndSettle(join(WORKSPACE, 'empty.txt'));
    assert.equal(doc.languageId, 'plaintext');
  });

  test('Open as Report switches the active plain-text document', async () => {
    const path = join(WORKSPACE, 'minutes.txt');
    writeFileSync(path, 'Minutes of the meeting.\nAll present.\n');
    const doc = await openAndSettle(path);
    assert.equal(doc.languageId, 'plaintext');
    await vscode.commands.executeCommand('reportAnnotator.openAsReport');
    await waitFor('Open as Report', () => doc.languageId === 'govreport');
  });

  test('a report the user switched back to plain text is not detected again', async () => {
    const path = join(WORKSPACE, 'switched-back.txt');
    writeFileSync(path, readFileSync(reportPath('national-2014.txt')));
    const editor = await openReport(path);
    await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    await sleep(500);
    assert.equal(editor.document.languageId, 'plaintext');
  });

  test('with reportAnnotator.detectReports off, a report stays plain text until opened as a report', async () => {
    await withUndetected('undetected.txt', 'national-2016.txt', async (doc) => {
      await vscode.commands.executeCommand('reportAnnotator.openAsReport');
      await waitFor('Open as Report', () => doc.languageId === 'govreport');
    });
  });

  test('an analysis made before the language is set is kept across the switch, shown and underlined; let go when the report is plain text again', async () => {
    // (Detection analyses a report while VS Code switches its language; here the switch is the test's, to hold the analysis first.)
    const api = await extensionApi();
    await withUndetected('analysed-before.txt', 'national-2014.txt', async (doc) => {
      await api.analysis.analyze(doc);
      // (With its projects: no other analysis of it follows.)
      const held = await waitFor('the analysis with projects', () => api.analysis.peek(doc.uri)?.segmentation.available && api.analysis.peek(doc.uri));
      assert.ok(held.figures.length > 50);
      await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
      assert.equal(api.analysis.peek(doc.uri), held, 'the same analysis, not one made again after the switch');
      const editor = await waitFor('an editor showing it', () => vscode.window.visibleTextEditors.find((e) => e.document === doc));
      await waitFor('its figures underlined', () => api.figureDecorations.decorated(editor));
      await waitFor('the Report view showing it', () => api.reportTree.provider.document === doc && !api.reportTree.provider.analysing);
      assert.equal(api.analysis.peek(doc.uri), held);
      await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      // (Nothing asks for it again, not the Report view following the switch, and an edit does not either.)
      await sleep(1000);
      assert.equal(api.analysis.peek(doc.uri), undefined, 'a report made plain text is let go, as one closed');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\n今年全市经济运行稳中有进。\n');
      await vscode.workspace.applyEdit(edit);
      await sleep(1000);
      assert.equal(api.analysis.peek(doc.uri), undefined, 'an edit of it is not analysed');
      await doc.save();
    });
  });

  test('a report opened on its own is analysed while its language is switched; reports opened in a burst wait to be asked for', async () => {
    const api = await extensionApi();
    await sleep(1500); // (no other report switched just before)
    const paths = ['national-2014.txt', 'national-2016.txt', '003_89d403a9849428ca.txt'].map((name, i) => {
      const path = join(WORKSPACE, `burst-${i}.txt`);
      writeFileSync(path, readFileSync(reportPath(name)));
      return path;
    });
    const docs: vscode.TextDocument[] = [];
    for (const path of paths) docs.push(await vscode.workspace.openTextDocument(path)); // (opened, not shown: as an import opens them)
    await waitFor('the three to become reports', () => docs.every((d) => d.languageId === 'govreport'));
    await waitFor('the first to be analysed', () => api.analysis.peek(docs[0].uri));
    await sleep(500);
    assert.deepEqual(
      docs.slice(1).map((d) => api.analysis.peek(d.uri)),
      [undefined, undefined],
    );
    await vscode.window.showTextDocument(docs[1]);
    await waitFor('the one shown to be analysed', () => api.analysis.peek(docs[1].uri));
  });
});
