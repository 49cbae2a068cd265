// Shared by the reading suites (detection, analysis, tree, symbols, hover, screenshot): the activated
// extension's API, and opening the workspace's reports and waiting until they are reports.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisService } from '../../../src/extension/analysisService';
import type { AnalysisEvent } from '../../../src/extension/api';
import type { ActivatedApi } from '../../../src/extension/extension';

export const WORKSPACE = process.env.REPORT_ANNOTATOR_TEST_WORKSPACE!;
export const reportPath = (name: string) => join(WORKSPACE, 'reports', name);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function extensionApi(): Promise<ActivatedApi & { analysis: AnalysisService }> {
  const ext = vscode.extensions.getExtension<ActivatedApi>('report-annotator.report-annotator');
  assert.ok(ext, 'the extension is installed');
  return (await ext.activate()) as ActivatedApi & { analysis: AnalysisService };
}

/** Polls until `probe` gives a truthy value (or fails the test after `ms`). */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 10_000): Promise<T> {
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
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(`${path} to become a report`, () => doc.languageId === 'govreport');
  return editor;
}

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

/** Plain text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
