// The analysis area: reports are analysed in a worker thread (analysisWorker.ts, bundled on its own) by the
// service that the reading and annotating areas ask.
import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { userIndicatorEntries, watchIndicatorSources } from './indicatorSettings';

export function registerAnalysis(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AnalysisService {
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const service = new AnalysisService(workerPath, log);
  context.subscriptions.push(service);
  // Users' indicator entries (setting, workspace file): a bad one is named, the others apply.
  const indicators = async () => {
    const { entries, problems } = await userIndicatorEntries();
    for (const problem of problems) {
      log.warn(`indicator table: ${problem}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('An indicator table was left out: {0}', problem));
    }
    service.setIndicatorEntries(entries);
  };
  // The worker and its segmenter start once activation has returned: nothing on the activation path waits.
  const warm = setTimeout(() => {
    service.warmUp();
    void indicators();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warm) }, watchIndicatorSources(() => void indicators()));
  return service;
}
