// Shared by the integration suites: the activated extension's API, waiting, opening reports of the test
// workspace (the corpus, and small reports the annotating suites write) and tagging them.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Paragraph } from '../../../src/core/types';
import type { AnalysisService } from '../../../src/extension/analysis/analysisService';
import type { CommandResult } from '../../../src/extension/annotating/annotationCommands';
import type { AnnotationManager } from '../../../src/extension/annotating/annotationManager';
import type { AnalysisEvent, ReportAnnotatorApi } from '../../../src/extension/api';
import type { ActivatedApi } from '../../../src/extension/extension';
import { tempDir } from '../../tempDir';

let scratchFolder: string | undefined;
/** A path for a file outside the workspace (exports, files to import), in a folder removed when the tests end. */
export function scratch(name: string): string {
  scratchFolder ??= tempDir('report-annotator-it-');
  return join(scratchFolder, name);
}

export const WORKSPACE = process.env.REPORT_ANNOTATOR_TEST_WORKSPACE!;
export const reportPath = (name: string) => join(WORKSPACE, 'reports', name);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What activate() returns, with the concrete classes the tests look into. */
export type TestApi = ActivatedApi & { analysis: AnalysisService; annotations: AnnotationManager };

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator');
  assert.ok(ext, 'the extension is installed');
  return (await ext.activate()) as TestApi;
}

/** Polls until `probe` gives a truthy value (or fails the test after `ms`). */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Opens a file, shows it, and waits until detection has made it a report. */
export async function openReport(path: string): Promise<vscode.TextEditor> {
  await extensionApi();
  const doc = await vscode.workspace.openTextDocument(path);
  await vscode.window.showTextDocument(doc);
  await waitFor(`${path} to become a report`, () => doc.languageId === 'govreport');
  // The editor that shows it now, after the language change.
  return vscode.window.showTextDocument(doc);
}

// -------------------------------------------------------------------------------------------------
// Reading

/** The next analysis event for the document's given version. */
export function nextAnalysis(api: ActivatedApi, document: vscode.TextDocument, version?: number) {
  return new Promise<AnalysisEvent>((resolve) => {
    const sub = api.analysis.onDidAnalyze((e) => {
      if (e.document === document && (version === undefined || e.version === version)) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}

/**
 * When the analysis of `document` was first held (sections, paragraphs, figures), when the Report view showed it, and
 * when it had its projects, in ms after `t0` (performance.now() before the document was opened): what a person opening
 * a report waits for. Polled every 5 ms, as the first analysis may come before a test can listen for it.
 */
export async function firstResults(api: ActivatedApi, document: vscode.TextDocument, t0: number): Promise<{ firstMs: number; viewMs: number; projectsMs: number }> {
  let firstMs: number | undefined;
  let viewMs: number | undefined;
  for (const end = performance.now() + 20_000; performance.now() < end; await sleep(5)) {
    const analysis = api.analysis.peek(document.uri);
    if (analysis && firstMs === undefined) firstMs = performance.now() - t0;
    // (What the user sees: the Report view on the report, with its analysis.)
    const tree = api.reportTree.provider;
    if (viewMs === undefined && tree.document === document && !tree.analysing) viewMs = performance.now() - t0;
    if (analysis?.segmentation.available && viewMs !== undefined) return { firstMs: firstMs!, viewMs, projectsMs: performance.now() - t0 };
  }
  throw new Error(`no analysis with projects of ${document.uri.toString()} within 20 s`);
}

/** firstResults and when VS Code showed the report, as the tests print them (ms after the request to open it). */
export function describeFirstResults(shownMs: number, { firstMs, viewMs, projectsMs }: { firstMs: number; viewMs: number; projectsMs: number }): string {
  return (
    `after the request to open it, VS Code showed it at ${shownMs.toFixed(0)} ms, the analysis was there at ${firstMs.toFixed(0)} ms, ` +
    `the Report view showed it at ${viewMs.toFixed(0)} ms (${(viewMs - shownMs).toFixed(0)} ms after the text), projects at ${projectsMs.toFixed(0)} ms`
  );
}

/** Plain text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

// -------------------------------------------------------------------------------------------------
// Annotating (tagging, persistence, exportImport)

/** A small report that the detection recognises, with one paragraph per line. */
export function sampleReport(title = '2023年示范区政府工作报告', extra: string[] = []): string {
  return [
    title,
    '',
    '各位代表：',
    '',
    '　　现在，我代表区人民政府向大会报告工作，请予审议，并请政协委员提出意见。',
    '',
    '　　一、2022年工作回顾',
    '',
    ...extra,
    '　　招商引资成效显著。全年签约项目42个，总投资51593万元，增长34.2%，引进省外资金12.5亿元。',
    '',
    '　　项目建设加快推进。万达广场建成投用，新建城市道路13.6公里，改造老旧小区3.8万平方米。',
    '',
    '　　民生保障持续改善。城镇新增就业1312人，居民人均可支配收入增长7.4%，新建学校两所。',
    '',
    '　　二、2023年工作安排',
    '',
    '　　坚持生态优先。完成造林5200亩，细颗粒物平均浓度下降6.6个百分点，河长制全面落实。',
    '',
    '　　深化改革创新。推进营商环境改革，新登记市场主体二十多家，政务服务事项全部网上可办。',
    '',
  ].join('\n');
}

/** Writes a report into the workspace's reports folder (replacing any earlier one); returns its path. */
export function writeReport(name: string, text: string): string {
  const path = reportPath(name);
  writeFileSync(path, text, 'utf8');
  return path;
}

/** Writes a report into the workspace (see writeReport) and opens it as a report. */
export async function openNewReport(
  name: string,
  text: string,
): Promise<{ api: TestApi; path: string; editor: vscode.TextEditor; doc: vscode.TextDocument }> {
  const api = await extensionApi();
  const path = writeReport(name, text);
  const editor = await openReport(path);
  return { api, path, editor, doc: editor.document };
}

/** The analysis paragraph whose text contains `needle`. */
export async function paragraphWith(api: ReportAnnotatorApi, doc: vscode.TextDocument, needle: string): Promise<Paragraph> {
  const analysis = await api.analysis.analyze(doc);
  const text = doc.getText();
  const p = analysis.paragraphs.find((q) => text.slice(q.range.start, q.range.end).includes(needle));
  assert.ok(p, `a paragraph contains ${needle}`);
  return p;
}

export function tag(args: object): Thenable<CommandResult> {
  return vscode.commands.executeCommand<CommandResult>('reportAnnotator.tagParagraphs', args);
}

/** Tags the paragraphs containing the needles (by their ranges, not the editor's selection); returns them. */
export async function tagParagraphsWith(api: ReportAnnotatorApi, doc: vscode.TextDocument, needles: string[], tags: string[]): Promise<Paragraph[]> {
  const paragraphs: Paragraph[] = [];
  for (const needle of needles) paragraphs.push(await paragraphWith(api, doc, needle));
  await tag({ uri: doc.uri, ranges: paragraphs.map((p) => p.range), tags });
  return paragraphs;
}

export function sidecarOf(path: string): string {
  return `${path}.annotations.json`;
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Saves and closes the editors of the reports the annotating suites wrote, so the next suite starts clean.
 * Other suites' editors are left alone (closing a dirty untitled one would ask to save, in a dialog).
 */
export async function closeAll(): Promise<void> {
  const mine = (uri: vscode.Uri) => uri.scheme === 'file' && /[\\/]reports[\\/](tagging|persist|export|import|orphan|hostile)-[^\\/]*\.txt$/.test(uri.fsPath);
  for (const doc of vscode.workspace.textDocuments) if (mine(doc.uri) && doc.isDirty) await doc.save();
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && mine(t.input.uri) && !t.isDirty);
  await vscode.window.tabGroups.close(tabs);
}

/**
 * What VS Code's tree reads out for a row (workbench/browser/parts/views/treeView.ts, getAriaLabel): the
 * accessibility label; else a tooltip that is a string, alone; else the label and the description.
 */
export function readOut(item: vscode.TreeItem): string {
  if (item.accessibilityInformation) return item.accessibilityInformation.label;
  if (typeof item.tooltip === 'string') return item.tooltip;
  return `${label(item)} ${typeof item.description === 'string' ? item.description : ''}`;
}

/** A tree row's label as shown, whether a string or a TreeItemLabel. */
export function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** An edit of a report that is not saved (the editor's text differs from the file's). */
export function insertFirstLine(document: vscode.TextDocument, line: string): Thenable<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), `${line}\n`);
  return vscode.workspace.applyEdit(edit);
}

/**
 * The edit of insertFirstLine taken back, and the document saved as its file was. (Not Revert File, which acts on the
 * active editor: a webview of an earlier test may have become the active one meanwhile.)
 */
export async function removeFirstLine(document: vscode.TextDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.delete(document.uri, new vscode.Range(0, 0, 1, 0));
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(document.getText(), readFileSync(document.uri.fsPath, 'utf8'));
  assert.ok(await document.save());
}
