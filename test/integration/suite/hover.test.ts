// Hover on a figure: its normalised value, kind, indicator and change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, hoverText } from './helpers';

// The astral 𡌶 makes UTF-16 offsets and code points differ before the figures.
const TEXT = '𡌶城区一般公共预算收入完成51593万元，同比增长34.2%；新建标准化厂房40万平方米。\n';

async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const position = doc.positionAt(doc.getText().indexOf(needle) + 1);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
}

suite('figure hover', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    const api = await extensionApi();
    doc = await vscode.workspace.openTextDocument({ language: 'govreport', content: TEXT });
    await api.analysis.analyze(doc);
  });

  test('a currency figure shows its value in yuan, its kind, indicator and the change after it', async () => {
    const text = await hoverAt(doc, '51593');
    assert.match(text, /¥515,930,000/);
    assert.match(text, /Currency/);
    assert.match(text, /一般公共预算收入/);
    assert.match(text, /up/);
  });

  test('an area figure shows square metres, a percent stays a percent', async () => {
    assert.match(await hoverAt(doc, '40万平方米'), /400,000 m²/);
    const percent = await hoverAt(doc, '34.2%');
    assert.match(percent, /34\\?\.2%/);
    assert.match(percent, /Percent/);
  });

  test('no hover away from figures, nor with reportAnnotator.highlightFigures off', async () => {
    assert.equal(await hoverAt(doc, '城区'), '');
    const config = vscode.workspace.getConfiguration('reportAnnotator');
    await config.update('highlightFigures', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await hoverAt(doc, '51593'), '');
    } finally {
      await config.update('highlightFigures', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
