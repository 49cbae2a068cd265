// The corpus area: every report of the workspace folders, indexed in a worker (corpusWorker.ts, bundled on
// its own) with summaries cached in the extension's storage; the Corpus, Indicators and Find views; the
// timeline panel; the workspace's annotations table. Everything is disposed with the extension.
import * as vscode from 'vscode';
import type { UserIndicators } from '../analysis/indicatorSettings';
import type { ReportAnalysisProvider } from '../api';
import { registerCorpusCommands, type AnnotationPeek } from './corpusCommands';
import { CorpusIndex } from './corpusIndex';
import { CorpusTree } from './corpusTree';
import { FindView, type AnnotationStores } from './findView';
import { indicatorNamer } from './indicatorNames';
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

/** What the corpus takes from the other areas. */
export interface CorpusSources {
  analysis: ReportAnalysisProvider;
  annotations: AnnotationStores & AnnotationPeek;
  /** Users' indicator entries, which the corpus worker's analyses use as the editor's do. */
  indicators: Pick<UserIndicators, 'entries' | 'onDidChange'>;
  /** Set while the editor's analyses run (common/foreground.ts): the corpus worker analyses no report meanwhile. */
  foreground?: SharedArrayBuffer;
}

export function registerCorpus(context: vscode.ExtensionContext, { analysis, annotations, indicators, foreground }: CorpusSources, log: vscode.LogOutputChannel): Corpus {
  const startedAt = performance.now();
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'corpusWorker.js').fsPath;
  const storage = context.storageUri ?? context.globalStorageUri;
  const index = new CorpusIndex(workerPath, vscode.Uri.joinPath(storage, 'corpus').fsPath, log, foreground);
  const corpusTree = new CorpusTree(index);
  const indicatorName = indicatorNamer(() => index.indicatorEntries.flat());
  const indicatorTree = new IndicatorTree(index, indicatorName);
  const findView = new FindView(index, analysis, annotations);
  const timeline = new TimelinePanels(context.extensionUri, index, () => indicatorTree.all(), findView, indicatorName);
  context.subscriptions.push(
    index,
    corpusTree,
    indicatorTree,
    findView,
    timeline,
    ...registerCorpusCommands({ index, find: findView, timeline, series: () => indicatorTree.all(), indicatorName, analysis, annotations, log }),
  );
  // A change of the user's indicator entries changes every summary: the index is made again (not from the cache).
  context.subscriptions.push(
    indicators.onDidChange((entries) => {
      index.setIndicatorEntries(entries);
      void index.reindex();
    }),
  );
  // In the background: the views fill as reports come in (once the user's indicator entries are read).
  if (vscode.workspace.workspaceFolders?.length) void index.start(indicators.entries());
  else void vscode.commands.executeCommand('setContext', 'reportAnnotator.corpus.state', 'empty');
  return { index, corpusTree, indicatorTree, findView, timeline, startedAt };
}
