// The corpus area: every report of the workspace folders, indexed in a worker (corpusWorker.ts, bundled on
// its own) with summaries cached in the extension's storage; the Corpus, Indicators and Find views; the
// timeline panel; the workspace's annotations table. Everything is disposed with the extension.
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../api';
import { registerCorpusCommands, type AnnotationPeek } from './corpusCommands';
import { CorpusIndex } from './corpusIndex';
import { CorpusTree } from './corpusTree';
import { FindView, type AnnotationStores } from './findView';
import { IndicatorTree } from './indicatorTree';
import { TimelinePanels } from './timelinePanel';

export interface Corpus {
  index: CorpusIndex;
  corpusTree: CorpusTree;
  indicatorTree: IndicatorTree;
  findView: FindView;
  timeline: TimelinePanels;
  /** When activate() started indexing (performance.now()), for the tests' timings. */
  startedAt: number;
}

export function registerCorpus(
  context: vscode.ExtensionContext,
  analysis: ReportAnalysisProvider,
  annotations: AnnotationStores & AnnotationPeek,
  log: vscode.LogOutputChannel,
): Corpus {
  const startedAt = performance.now();
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'corpusWorker.js').fsPath;
  const storage = context.storageUri ?? context.globalStorageUri;
  const index = new CorpusIndex(workerPath, vscode.Uri.joinPath(storage, 'corpus').fsPath, log);
  const corpusTree = new CorpusTree(index);
  const indicatorTree = new IndicatorTree(index);
  const findView = new FindView(index, analysis, annotations);
  const timeline = new TimelinePanels(context.extensionUri, index, () => indicatorTree.all(), findView);
  context.subscriptions.push(
    index,
    corpusTree,
    indicatorTree,
    findView,
    timeline,
    ...registerCorpusCommands({ index, find: findView, timeline, series: () => indicatorTree.all(), analysis, annotations, log }),
  );
  // In the background: the views fill as reports come in.
  if (vscode.workspace.workspaceFolders?.length) void index.reindex();
  else void vscode.commands.executeCommand('setContext', 'reportAnnotator.corpus.state', 'empty');
  return { index, corpusTree, indicatorTree, findView, timeline, startedAt };
}
