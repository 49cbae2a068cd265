// In Restricted Mode (a folder the user has not trusted) reports are read, highlighted and analysed, their
// annotations shown; nothing is written: tagging, notes, sidecars, import and export wait for trust.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExportResult, ImportResult } from '../../../src/extension/annotating/exportImport';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import { describeActivation } from '../../../src/extension/common/activationTiming';
import type { ActivatedApi } from '../../../src/extension/extension';
import { describeFirstResults, firstResults, scratch } from '../suite/helpers';

const WORKSPACE = process.env.REPORT_ANNOTATOR_TEST_WORKSPACE!;

suite('restricted mode', () => {
  test('the workspace is not trusted, and the extension is active in it', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator')!;
    const api = await ext.activate();
    assert.ok(ext.isActive);
    // This window opens after the trusted suite's, with the same user data: its bundle is compiled from the code
    // cache the first window saved (when the first window ran long enough). Printed, not asserted.
    console.log(`    activation (second window): ${describeActivation(api.activation)}`);
  });

  test('reading works: detection, analysis and hover', async () => {
    const api = await vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator')!.activate();
    const name = readdirSync(join(WORKSPACE, 'reports')).find((n) => n.startsWith('002_'))!;
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument(join(WORKSPACE, 'reports', name));
    await vscode.window.showTextDocument(doc);
    const shownMs = performance.now() - t0;
    // The extension activated at startup here: its worker is running (code from its code cache when the first window saved one).
    const first = await firstResults(api, doc, t0);
    console.log(`    a report opened in a window whose worker is running (${doc.getText().length} characters): ${describeFirstResults(shownMs, first)}`);
    const end = Date.now() + 10_000;
    while (doc.languageId !== 'govreport' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.equal(doc.languageId, 'govreport', 'recognised as a report');
    const analysis = await api.analysis.analyze(doc);
    assert.ok(analysis.sections.length > 10 && analysis.figures.length > 50);
    const figure = analysis.figures[0];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(figure.range.start));
    assert.ok(hovers.length > 0, 'a hover on a figure');
  });

  test('writing is refused with a reason, and nothing is written', async () => {
    const api = await vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator')!.activate();
    const name = readdirSync(join(WORKSPACE, 'reports')).find((n) => n.startsWith('002_'))!;
    const path = join(WORKSPACE, 'reports', name);
    const doc = await vscode.workspace.openTextDocument(path);
    const [p] = (await api.analysis.analyze(doc)).paragraphs;
    const tagged = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs', { uri: doc.uri, ranges: [p.range], tags: ['民生'] });
    assert.equal(tagged.annotationIds.length, 0);
    assert.match(tagged.message ?? '', /Restricted Mode/);
    const note = await vscode.commands.executeCommand<CommandResult>('reportAnnotator.editNote', { uri: doc.uri, ranges: [p.range], note: 'x' });
    assert.match(note.message ?? '', /Restricted Mode/);
    const target = scratch(`ra-restricted-${process.pid}.json`);
    const exported = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportWorkspaceAnnotations', { target });
    assert.match(exported.error ?? '', /Restricted Mode/);
    assert.equal(existsSync(target), false);
    const source = scratch(`ra-restricted-import-${process.pid}.json`);
    writeFileSync(source, '{}');
    const imported = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
    assert.match(imported.error ?? '', /Restricted Mode/);
    assert.equal(api.annotations.list(doc.uri).length, 0);
    assert.equal(existsSync(`${path}.annotations.json`), false, 'no sidecar written');
  });
});
