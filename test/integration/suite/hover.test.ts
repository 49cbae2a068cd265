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
    assert.doesNotMatch(percent, / = /, 'no equation where nothing is converted');
    assert.match(await hoverAt(doc, '40万平方米'), /40万平方米\*\* = \*\*400,000 m²/);
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

  test('a target says so, with its year and bound; a result too; the tree row says it as well', async () => {
    const api = await extensionApi();
    const report = await vscode.workspace.openTextDocument({
      language: 'govreport',
      content: '2024年某区政府工作报告\n\n　　一、2023年工作回顾\n\n　　全年地区生产总值增长5.2%。\n\n　　二、2024年工作安排\n\n　　今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业1.2万人以上。\n',
    });
    await api.analysis.analyze(report);
    assert.match(await hoverAt(report, '5%左右'), /target 2024, about 5%/);
    assert.match(await hoverAt(report, '1.2万人'), /target 2024, at least 12,000/);
    assert.match(await hoverAt(report, '5.2%'), /result 2023, 5\\?\.2%/);
  });

  test('indicators added in the settings give figures their key; a bad entry is named and left out', async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('reportAnnotator');
    const report = await vscode.workspace.openTextDocument({ language: 'govreport', content: '全区孵化器入驻企业达到126家，科技型企业增长一倍。\n' });
    try {
      await config.update('indicators', [{ key: 'incubatorFirms', name: '孵化器入驻企业', kinds: ['count'] }], vscode.ConfigurationTarget.Global);
      const key = async () => (await api.analysis.analyze(report)).figures.find((f) => f.text.startsWith('126'))?.indicatorKey;
      for (let i = 0; i < 100 && (await key()) !== 'incubatorFirms'; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(await key(), 'incubatorFirms');
      assert.match(await hoverAt(report, '126家'), /incubatorFirms/);
      // A broken entry: named in a message and left out; the shipped table still applies.
      await config.update('indicators', [{ key: '1bad', name: '坏', kinds: [] }], vscode.ConfigurationTarget.Global);
      for (let i = 0; i < 100 && (await key()) !== undefined; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(await key(), undefined);
    } finally {
      await config.update('indicators', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
