// The analysis area: reports are analysed in a worker thread (analysisWorker.ts, bundled on its own) by the
// service that the reading and annotating areas ask.
import * as vscode from 'vscode';
import { codeCacheDir } from '../common/codeCache';
import { AnalysisService } from './analysisService';
import { UserIndicators } from './indicatorSettings';
import { InlineAnalysis } from './inlineAnalysis';

export function registerAnalysis(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { service: AnalysisService; indicators: UserIndicators } {
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const service = new AnalysisService(workerPath, log, codeCacheDir(context.globalStorageUri));
  // Users' indicator entries (setting, workspace file): a bad one is named, the others apply.
  const indicators = new UserIndicators(log);
  context.subscriptions.push(service, indicators, indicators.onDidChange((entries) => service.setIndicatorEntries(entries)));
  // The worker and its segmenter start once activation has returned: nothing on the activation path waits.
  const warm = setTimeout(() => {
    service.warmUp();
    void indicators.entries().then((entries) => service.setIndicatorEntries(entries));
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warm) });
  return { service, indicators };
}

/** In VS Code for the Web: the analysis on the extension host itself, without worker threads or projects. */
export function registerInlineAnalysis(context: vscode.ExtensionContext): InlineAnalysis {
  const analysis = new InlineAnalysis();
  context.subscriptions.push(analysis);
  return analysis;
}
