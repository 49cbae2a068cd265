// The analysis area: reports are analysed in a worker thread (analysisWorker.ts, bundled on its own) by the
// service that the reading and annotating areas ask.
import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';

export function registerAnalysis(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AnalysisService {
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const service = new AnalysisService(workerPath, log);
  context.subscriptions.push(service);
  // The worker and its segmenter start once activation has returned: nothing on the activation path waits.
  const warm = setTimeout(() => service.warmUp(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warm) });
  return service;
}
