// Find in reports: a word, phrase or regular expression across the corpus (or a folder of it), as
// keyword-in-context lines under each report, with counts per report and per year; "Tag the paragraphs of all
// hits" with one tag, and its undo, which removes exactly what that tagging added.
import * as vscode from 'vscode';
import { removeUnfinishedWrites } from '../../core/atomicWrite';
import type { AnnotationStore } from '../../core/annotations';
import type { CorpusReport } from '../../core/corpus/grouping';
import { compileQuery, FindQueryError, kwicLine, termYears, type FindQuery, type KwicHit, type ReportHits, type SearchedReport, type TermYear } from '../../core/corpus/kwic';
import { queryProblem } from './findQueryText';
import type { ReportAnalysisProvider } from '../api';
import { documentForArgument, findOpenDocument, uriBasename } from '../common/documents';
import { UserError } from '../common/commands';
import type { CorpusIndex } from './corpusIndex';
import { EXPORT_LIMIT_MS, FIND_LIMIT_MS, FindStopped, type SearchWorker } from './findInReports';
import { hitsText, reportsText } from '../common/counts';
import { rateText, termYearText } from './termYearText';

/** What Find needs of the annotations: a report's store (the AnnotationManager). */
export interface AnnotationStores {
  storeFor(document: vscode.TextDocument): AnnotationStore;
  flush(uri?: vscode.Uri): Promise<void>;
}

export interface FindResult {
  query: FindQuery;
  folder?: string;
  reports: ReportHits[];
  /** Every report read, with hits or without: the years' characters, which a term's rate is of. */
  searched: SearchedReport[];
  total: number;
}

type FindNode =
  | { kind: 'summary'; result: FindResult }
  | { kind: 'year'; year: TermYear }
  | { kind: 'report'; hits: ReportHits }
  | { kind: 'hit'; report: ReportHits; hit: KwicHit };

/** A report's paragraphs that hold hits, in the text they were found in. */
interface ParagraphsToTag {
  uri: string;
  document: vscode.TextDocument;
  /** The document's version the paragraphs were found in. */
  version: number;
  text: string;
  paragraphs: { start: number; end: number }[];
}

/** Characters of left context in a hit's row: the hit stays in sight at the sidebar's usual width (its tooltip has all the context). */
const ROW_LEFT_CONTEXT = 8;

/** How many times a report edited while its hits are found is read again before the tagging gives up. */
const MAX_REREADS = 5;

/**
 * The index of a report edited since its paragraphs were found, else -1. (A report VS Code closed meanwhile, as it
 * closes documents no editor shows, and the user opened again is another document, whose store follows its edits.)
 */
const staleAt = (found: readonly ParagraphsToTag[]) =>
  found.findIndex((p) => {
    const open = findOpenDocument(p.document.uri.toString()) ?? p.document;
    return open !== p.document || open.version !== p.version;
  });

/**
 * What `work` (a search or a tagging in a search's worker) gives; undefined when it was cancelled (by a newer search,
 * or the user); past its time limit, an error for the user saying `stopped(the limit in seconds)`.
 */
async function unlessStopped<T>(work: () => Thenable<T>, stopped: (seconds: number) => string): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof FindStopped)) throw err;
    if (err.reason === 'cancelled') return undefined;
    throw new UserError(stopped(err.limitMs / 1000));
  }
}

/** One "tag all hits": what to undo, per report. */
interface TagBatch {
  tag: string;
  changes: { uri: string; added: string[]; tagged: string[] }[];
}

export class FindView implements vscode.TreeDataProvider<FindNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FindNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<FindNode>;
  result?: FindResult;
  private lastBatch?: TagBatch;

  constructor(
    private readonly index: CorpusIndex,
    private readonly analysis: ReportAnalysisProvider,
    private readonly stores: AnnotationStores,
  ) {
    this.view = vscode.window.createTreeView('reportAnnotator.find', { treeDataProvider: this });
  }

  /** The hits of `query`, shown in the view; undefined when a newer search stopped this one. `limitMs`: how long it may take (FIND_LIMIT_MS). */
  async find(query: FindQuery, folder?: vscode.Uri, limitMs?: number): Promise<FindResult | undefined> {
    const result = await this.search(query, folder, limitMs);
    if (result === undefined) return undefined;
    this.result = result;
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.find.hasResults', result.reports.length > 0);
    this.view.description = vscode.l10n.t('{0} in {1}', hitsText(result.total), reportsText(result.reports.length));
    this.emitter.fire(undefined);
    return result;
  }

  /**
   * The hits of `query`, leaving the view as it is. `lane` 'chart': a search term's timeline, which reads them again
   * when the corpus changes, without a progress bar over the view and without stopping the view's own search.
   */
  async search(query: FindQuery, folder?: vscode.Uri, limitMs?: number, lane: 'view' | 'chart' = 'view'): Promise<FindResult | undefined> {
    try {
      compileQuery(query);
    } catch (err) {
      if (err instanceof FindQueryError) throw new UserError(queryProblem(err, query.pattern));
      throw err;
    }
    await this.index.whenReady();
    const found = await unlessStopped(
      // (A progress bar over the Find view while the worker reads its search.)
      () => (lane === 'chart' ? this.index.find(query, folder, limitMs, lane) : vscode.window.withProgress({ location: { viewId: 'reportAnnotator.find' } }, () => this.index.find(query, folder, limitMs))),
      (seconds) => vscode.l10n.t('The search for “{0}” was stopped after {1} s. A regular expression with nested repetition, such as (a+)+, can take exponential time.', query.pattern, seconds),
    );
    if (found === undefined) return undefined;
    const reports: ReportHits[] = found.reports
      .map(({ report, count, hits }) => toHits(report, count, hits))
      .sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || a.name.localeCompare(b.name));
    const searched = found.searched.map(({ summary: { meta, characters } }) => ({ ...(meta?.year !== undefined && { year: meta.year }), ...(meta?.region !== undefined && { region: meta.region }), characters }));
    return { query, ...(folder && { folder: folder.toString() }), reports, searched, total: reports.reduce((n, r) => n + r.count, 0) };
  }

  /**
   * Tags every paragraph holding a hit of the last search with `tag`; undoable as one step. Undefined when cancelled.
   * The hits are found again on the text tagged now (the editor's, unsaved edits included), in a search's worker:
   * a pattern that backtracks for ever stops there after `limitMs` (FIND_LIMIT_MS), and then nothing is tagged.
   */
  async tagHits(tag: string, limitMs?: number): Promise<{ annotations: number; reports: number } | undefined> {
    const result = this.result;
    if (!result || result.reports.length === 0) throw new UserError(vscode.l10n.t('Find something in the reports first.'));
    const title = vscode.l10n.t('Finding the paragraphs of the hits of “{0}”', result.query.pattern);
    const found = await unlessStopped(
      () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
          const all = await this.paragraphsToTag(result, this.index.searchWorker(limitMs, token), progress);
          if (token.isCancellationRequested) throw new FindStopped('cancelled', limitMs ?? FIND_LIMIT_MS); // (after the last answer)
          return all;
        }),
      (seconds) =>
        vscode.l10n.t('Tagging the hits of “{0}” was stopped after {1} s, and nothing was tagged. A regular expression with nested repetition, such as (a+)+, can take exponential time.', result.query.pattern, seconds),
    );
    if (found === undefined) return undefined;
    // (No waiting from here on: no edit comes between the texts read and the tagging.)
    const stale = staleAt(found);
    if (stale >= 0) throw new UserError(vscode.l10n.t('{0} keeps changing; try again when it is still.', uriBasename(found[stale].document.uri)));
    const batch: TagBatch = { tag, changes: [] };
    let annotations = 0;
    for (const { uri, document, text, paragraphs } of found) {
      const store = this.stores.storeFor(document);
      const before = new Map(store.list().map((a) => [a.id, a.tags]));
      const tagged = store.tagParagraphs(text, paragraphs, [tag]);
      const change = { uri, added: [] as string[], tagged: [] as string[] };
      for (const a of tagged) {
        const had = before.get(a.id);
        if (!had) change.added.push(a.id);
        else if (!had.some((t) => t.toLowerCase() === tag.toLowerCase())) change.tagged.push(a.id);
      }
      if (change.added.length + change.tagged.length > 0) batch.changes.push(change);
      annotations += change.added.length + change.tagged.length;
    }
    await this.stores.flush();
    this.lastBatch = batch;
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.find.canUndoTagging', true);
    return { annotations, reports: batch.changes.length };
  }

  /**
   * Each report of `result` with the paragraphs that hold hits in its text now; `worker` is stopped after. A report
   * edited meanwhile is read again, so that every text is current when the caller tags without waiting in between.
   */
  private async paragraphsToTag(result: FindResult, worker: SearchWorker, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<ParagraphsToTag[]> {
    const read = async (uri: string): Promise<ParagraphsToTag> => {
      // Only reports inside the workspace are opened (documentForArgument refuses anything else).
      const document = await documentForArgument(vscode.Uri.parse(uri));
      const { version, text, analysis } = await this.analysis.analyzeSnapshot(document);
      const ranges = analysis.paragraphs.map((p) => p.range);
      const hit = await worker.paragraphsHit(text, ranges, result.query);
      // (The text is kept only where there is something to tag.)
      return { uri, document, version, text: hit.length > 0 ? text : '', paragraphs: hit.map((i) => ranges[i]) };
    };
    try {
      const out: ParagraphsToTag[] = [];
      for (const [k, r] of result.reports.entries()) {
        progress.report({ message: `${k + 1}/${result.reports.length}`, increment: 100 / result.reports.length });
        out.push(await read(r.uri));
      }
      const rereads = new Map<number, number>();
      for (let stale = staleAt(out); stale >= 0; stale = staleAt(out)) {
        const n = (rereads.get(stale) ?? 0) + 1;
        if (n > MAX_REREADS) throw new UserError(vscode.l10n.t('{0} keeps changing; try again when it is still.', uriBasename(out[stale].document.uri)));
        rereads.set(stale, n);
        out[stale] = await read(out[stale].uri);
      }
      return out.filter((p) => p.paragraphs.length > 0);
    } finally {
      worker.dispose();
    }
  }

  /** Removes exactly what the last "tag all hits" added: its new annotations, and its tag from the others. */
  async undoTagHits(): Promise<{ removed: number; tag: string; reports: number }> {
    const batch = this.lastBatch;
    if (!batch) throw new UserError(vscode.l10n.t('There is no tagging of hits to undo.'));
    let removed = 0;
    for (const change of batch.changes) {
      const document = await documentForArgument(vscode.Uri.parse(change.uri));
      const store = this.stores.storeFor(document);
      for (const id of change.added) if (store.remove(id)) removed++;
      for (const id of change.tagged) {
        const a = store.get(id);
        const tag = a?.tags.find((t) => t.toLowerCase() === batch.tag.toLowerCase());
        if (a && tag && store.removeTag(id, tag)) removed++;
      }
    }
    await this.stores.flush();
    this.lastBatch = undefined;
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.find.canUndoTagging', false);
    return { removed, tag: batch.tag, reports: batch.changes.length };
  }

  /**
   * Every hit of the last search (not only the first MAX_HITS_PER_REPORT of a report the view keeps) as the hits table
   * (core/tables HIT_COLUMNS) at `target`, written whole by a search's worker; undefined when cancelled. The reports
   * are read as saved, as the search read them.
   */
  async exportHits(target: string, limitMs = EXPORT_LIMIT_MS): Promise<{ rows: number; reports: number; target: string; unread: string[] } | undefined> {
    const result = this.result;
    if (!result || result.reports.length === 0) throw new UserError(vscode.l10n.t('Find something in the reports first.'));
    const files = result.reports.map((r) => ({
      key: r.uri,
      path: vscode.Uri.parse(r.uri).fsPath,
      report: { document: r.name, year: r.year, region: r.region, level: this.index.get(r.uri)?.summary.meta?.level, title: r.title },
    }));
    const title = vscode.l10n.t('Exporting the hits of “{0}”', result.query.pattern);
    const done = await unlessStopped(
      () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
          const worker = this.index.searchWorker(limitMs, token);
          try {
            return await worker.exportHits(files, result.query, target);
          } catch (err) {
            // (A worker stopped while writing leaves its temporary file: removed once its thread has ended.)
            worker.dispose();
            await worker.exited;
            removeUnfinishedWrites(target);
            throw err;
          } finally {
            worker.dispose();
          }
        }),
      (seconds) => vscode.l10n.t('Exporting the hits of “{0}” was stopped after {1} s, and nothing was written.', result.query.pattern, seconds),
    );
    const unread = (done?.errors ?? []).map((e) => result.reports.find((r) => r.uri === e.key)?.name ?? e.key);
    return done && { rows: done.rows, reports: done.reports, target, unread };
  }

  getChildren(node?: FindNode): FindNode[] {
    const result = this.result;
    if (!result) return [];
    if (!node) return [{ kind: 'summary', result }, ...result.reports.map((hits) => ({ kind: 'report' as const, hits }))];
    // (The years with hits: a year's row lists no reports, and one without hits has nothing to say but its 0.)
    if (node.kind === 'summary') return termYears(result.reports, result.searched).flatMap((year) => (year.count > 0 ? [{ kind: 'year' as const, year }] : []));
    if (node.kind === 'report') return node.hits.hits.map((hit) => ({ kind: 'hit', report: node.hits, hit }));
    return [];
  }

  getTreeItem(node: FindNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'summary': {
        const r = node.result;
        // (Opened, it counts the hits per year; with no hits there is nothing to open.)
        const item = new vscode.TreeItem(vscode.l10n.t('“{0}”: {1} in {2}', r.query.pattern, hitsText(r.total), reportsText(r.reports.length)), r.total > 0 ? Collapsed.Collapsed : Collapsed.None);
        item.id = 'find:summary';
        item.tooltip = r.total > 0 ? vscode.l10n.t('Open for the hits per year') : undefined;
        item.iconPath = new vscode.ThemeIcon('search');
        return item;
      }
      case 'year': {
        const y = node.year;
        const item = new vscode.TreeItem(String(y.year), Collapsed.None);
        // (Short enough for the sidebar: the reports and their characters are in the tooltip.)
        item.description = vscode.l10n.t('{0} · {1} per 10k characters', hitsText(y.count), rateText(y.rate));
        item.tooltip = termYearText(y);
        return item;
      }
      case 'report': {
        const r = node.hits;
        const item = new vscode.TreeItem(r.title ?? r.name, Collapsed.Collapsed);
        item.id = `find:${r.uri}`;
        item.description = `${r.year ?? ''} · ${hitsText(r.count)}`;
        item.resourceUri = vscode.Uri.parse(r.uri);
        item.iconPath = new vscode.ThemeIcon('file-text');
        return item;
      }
      case 'hit': {
        const line = kwicLine(node.hit, ROW_LEFT_CONTEXT);
        const item = new vscode.TreeItem({ label: line.text, highlights: [[line.matchStart, line.matchEnd]] }, Collapsed.None);
        item.id = `find:${node.report.uri}:${node.hit.start}`;
        item.tooltip = `${node.hit.left}【${node.hit.match}】${node.hit.right}`;
        item.command = {
          command: 'reportAnnotator.corpus.openReport',
          title: vscode.l10n.t('Open Report'),
          arguments: [{ uri: node.report.uri, start: node.hit.start, end: node.hit.end }],
        };
        return item;
      }
    }
  }

  dispose(): void {
    this.view.dispose();
    this.emitter.dispose();
  }
}

function toHits(report: CorpusReport, count: number, hits: KwicHit[]): ReportHits {
  const meta = report.summary.meta;
  return {
    uri: report.uri,
    name: report.name,
    ...(report.summary.title !== undefined && { title: report.summary.title }),
    ...(meta?.year !== undefined && { year: meta.year }),
    ...(meta?.region !== undefined && { region: meta.region }),
    count,
    hits,
  };
}
