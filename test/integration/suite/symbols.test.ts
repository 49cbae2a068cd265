// The section tree as document symbols (Outline, breadcrumbs, Go to Symbol).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openReport, reportPath } from './helpers';

const flatten = (symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => symbols.flatMap((s) => [s, ...flatten(s.children)]);

suite('document symbols', () => {
  test('the sections of a report are its symbols, nested, with their headings as selection', async () => {
    const api = await extensionApi();
    const { document } = await openReport(reportPath('national-2016.txt'));
    const analysis = await api.analysis.analyze(document);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const all = flatten(symbols);
    assert.ok(all.length > 0, 'a national report has sections');
    assert.equal(all.length, analysis.sections.length);
    assert.ok(all.some((s) => /^一、/.test(s.name)), 'the 一、 headings are symbols');

    const kinds = [vscode.SymbolKind.File, vscode.SymbolKind.Module, vscode.SymbolKind.Class, vscode.SymbolKind.String];
    const byTitle = new Map(analysis.sections.map((s) => [s.title, s]));
    for (const symbol of all) {
      const section = byTitle.get(symbol.name);
      assert.ok(section, `symbol ${symbol.name} is a section`);
      assert.equal(symbol.kind, kinds[section.level]);
      assert.equal(document.getText(symbol.selectionRange).trim(), symbol.name);
      assert.ok(symbol.range.contains(symbol.selectionRange));
      for (const child of symbol.children) assert.ok(symbol.range.contains(child.range), `${symbol.name} holds ${child.name}`);
    }
  });

  test('past reportAnnotator.outline.sentenceLimit lead-in sentences the symbols are the headings only', async () => {
    const api = await extensionApi();
    const text = (await openReport(reportPath('national-2016.txt'))).document.getText();
    const config = vscode.workspace.getConfiguration('reportAnnotator');
    // A new document for each setting: VS Code keeps a document's symbols until its next version.
    const symbolsWith = async (limit: number) => {
      await config.update('outline.sentenceLimit', limit, vscode.ConfigurationTarget.Global);
      const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: text });
      const analysis = await api.analysis.analyze(document);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return { sections: analysis.sections, symbols: flatten(symbols) };
    };
    try {
      const { sections } = await symbolsWith(1000);
      const leadIns = sections.filter((s) => s.level === 3).length;
      assert.ok(leadIns > 0, 'the report has lead-in sentences');
      const headings = (await symbolsWith(leadIns - 1)).symbols;
      assert.equal(headings.length, sections.length - leadIns);
      assert.ok(headings.every((s) => s.kind !== vscode.SymbolKind.String), 'no lead-in sentence is listed');
      assert.equal((await symbolsWith(leadIns)).symbols.length, sections.length, 'at the limit they are all listed');
    } finally {
      await config.update('outline.sentenceLimit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a report without headings has no symbols, and an empty one neither', async () => {
    await extensionApi();
    const doc = await vscode.workspace.openTextDocument({ language: 'govreport', content: '' });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepEqual(symbols ?? [], []);
  });
});
