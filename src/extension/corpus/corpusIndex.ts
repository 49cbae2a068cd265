// The workspace's reports as a corpus: finds the candidate files (files.exclude and
// reportAnnotator.corpus.exclude respected), has the corpus worker summarise them (from the on-disk cache in
// the extension's storage, keyed by the text's hash and the analyser's version, or by analysing), and keeps
// the summaries up to date as files change, appear, disappear or are renamed. The host keeps summaries only.
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/atomicWrite';
import type { CorpusReport } from '../../core/corpus/grouping';
import type { FindQuery, KwicHit } from '../../core/corpus/kwic';
import type { IndicatorEntry } from '../../core/indicators';
import { compareCodeUnits, errorMessage } from '../../core/text';
import { ChangeQueue } from './changeQueue';
import type { CorpusRequest, CorpusResponse, FileRef, FileResult } from './corpusProtocol';
import { findInWorker, SearchWorker } from './findInReports';
import { watchSoon } from '../common/watchSoon';
import { whileForegroundBusy } from '../common/foreground';

export interface FailedReport {
  uri: vscode.Uri;
  name: string;
  reason: string;
}

/** What the last full indexing run did, for the log, the tests and the benchmarks. */
export interface IndexRunStats {
  files: number;
  /** Finding the candidate files (findFiles), part of ms. */
  discoverMs: number;
  /**
   * Until the views were filled: the reports remembered from the last run, read from the cache while findFiles
   * still searches; without a remembered list, the whole run.
   */
  filledMs: number;
  reports: number;
  analysed: number;
  cached: number;
  failed: number;
  droppedCacheEntries: number;
  ms: number;
  cancelled: boolean;
}

const INCLUDE = '**/*.{txt,govreport}';
/** The reports of the last run, in the cache directory: the next start shows them before findFiles is done. */
const REMEMBERED = 'reports.json';

interface RunOptions {
  /** The run replaces everything the index holds. */
  full: boolean;
  /** The progress message's title (default: Indexing reports). */
  progressTitle?: string;
  /** When the run began (the files' discovery included), for its duration. */
  t0?: number;
  /** How long finding the files took. */
  discoverMs?: number;
  /**
   * The files include every candidate that is not a report (findFiles' list, or what it found beyond the
   * remembered reports), so the worker may replace its list of known non-reports. Default: `full`.
   */
  everyNonReport?: boolean;
  /**
   * The index's running run (every full run, and the reconciling after one): it shows progress, can be
   * cancelled and makes `indexing` true. Default: `full`.
   */
  tracked?: boolean;
}

export class CorpusIndex implements vscode.Disposable {
  private readonly reports = new Map<string, CorpusReport>();
  private readonly failures = new Map<string, FailedReport>();
  /** The files each run is reading (URI strings, by run id): a sidecar written meanwhile may come after their tags were read. */
  private readonly reading = new Map<number, ReadonlySet<string>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (at most every 200 ms while indexing) when reports are added, changed or removed. */
  readonly onDidChange = this.emitter.event;
  private worker?: Worker;
  private nextId = 1;
  private readonly handlers = new Map<number, (m: CorpusResponse) => void>();
  private running?: { id: number; done: Promise<IndexRunStats> };
  private readonly changes = new ChangeQueue((uris) => void this.flushQueue(uris));
  private fireTimer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Set once the first full run has finished (or was cancelled). */
  lastRun?: IndexRunStats;
  private firstRun?: Promise<IndexRunStats>;
  indicatorEntries: IndicatorEntry[][] = []; // (users' entries as last read: setIndicatorEntries)
  /** The search running in each lane, if any (stopped by the lane's next). */
  private readonly finding = new Map<'view' | 'chart', vscode.CancellationTokenSource>();
  private readonly searchWorkers = new Set<SearchWorker>(); // (of taggings of hits still running)

  constructor(
    private readonly workerPath: string,
    private readonly cacheDir: string | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly foreground?: SharedArrayBuffer,
  ) {
    const again = (uri: vscode.Uri) => this.queue(uri);
    // A sidecar's tags changed: its report is summarised again (from the cache: same text).
    const tagsOf = (uri: vscode.Uri) => this.queueReportOf(uri);
    this.disposables.push(
      this.emitter,
      this.changes,
      watchSoon(INCLUDE, { create: again, change: again, delete: (uri) => this.remove(uri) }),
      watchSoon('**/*.annotations.json', { create: tagsOf, change: tagsOf, delete: tagsOf }),
      // A rename is a delete and a create for the watcher; the cache makes the new name cost nothing.
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => (this.remove(f.oldUri), this.queue(f.newUri)))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportAnnotator.corpus.exclude') || e.affectsConfiguration('files.exclude')) void this.reindex();
      }),
    );
  }

  /** Every report, in no particular order. */
  all(): CorpusReport[] {
    return [...this.reports.values()];
  }

  get(uri: vscode.Uri | string): CorpusReport | undefined {
    return this.reports.get(uri.toString());
  }

  failed(): FailedReport[] {
    return [...this.failures.values()];
  }

  get indexing(): boolean {
    return this.running !== undefined;
  }

  /** Resolves when the first full run is over (at once if it is). */
  whenReady(): Promise<IndexRunStats | undefined> {
    return this.firstRun ?? Promise.resolve(undefined);
  }

  /** Resolves when no run is going and no file change waits. */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 1000 && (this.running || this.changes.size > 0); i++) {
      await (this.running?.done ?? new Promise<unknown>((r) => setTimeout(r, 50)));
    }
  }

  /** The first full run, once the user's indicator entries are known (whenReady waits for it from now on). */
  start(entries: Promise<IndicatorEntry[][]>): Promise<IndexRunStats> {
    const run = entries.then((e) => {
      this.setIndicatorEntries(e);
      return this.reindex();
    });
    this.firstRun ??= run;
    return run;
  }

  /** Users' indicator entries, for the worker's analyses (summaries made with them are cached apart). */
  setIndicatorEntries(entries: IndicatorEntry[][]): void {
    this.indicatorEntries = entries;
    if (this.worker) this.post({ type: 'indicators', entries });
  }

  /**
   * Forgets everything and indexes the workspace again (a full run). The reports of the last run are indexed
   * first, from the cache, while findFiles searches the folders (a third of a second or more in a large
   * workspace); then what it found is reconciled: new files indexed, vanished ones removed.
   */
  reindex(progressTitle?: string): Promise<IndexRunStats> {
    this.cancel();
    // Files changed before now are read by this run: only changes from now on need a run of their own.
    this.changes.clear();
    const t0 = performance.now();
    // (Searching the folders takes the processor for a second or more: it waits while the editor analyses the report
    // in front of the user, and its time is counted from when it starts.)
    const discovered = whileForegroundBusy(this.foreground).then(async () => {
      const t1 = performance.now();
      return { uris: await this.discover(), ms: performance.now() - t1 };
    });
    discovered.catch(() => undefined); // awaited below; a failure is reported there
    const run = this.readRemembered().then(async (remembered) => {
      if (!remembered) {
        const found = await discovered;
        const stats = await this.run(found.uris, { full: true, progressTitle, t0, discoverMs: found.ms });
        if (!stats.cancelled) await this.remember();
        return stats;
      }
      const stats = await this.run(remembered, { full: true, progressTitle, t0, everyNonReport: false });
      if (stats.cancelled) return stats;
      const found = await discovered;
      const added = await this.reconcile(found.uris);
      stats.analysed += added?.analysed ?? 0;
      stats.cached += added?.cached ?? 0;
      Object.assign(stats, { files: found.uris.length, discoverMs: found.ms, reports: this.reports.size, failed: this.failures.size, ms: performance.now() - t0 });
      await this.remember();
      return stats;
    });
    this.firstRun ??= run;
    return run;
  }

  /** Stops the running full run after the file at hand. */
  cancel(): void {
    if (this.running) this.post({ type: 'cancel', id: this.running.id });
  }

  /**
   * Find in the reports (or those under `folder`), on their text as saved, in a worker of the search's own (findInReports.ts).
   * A newer search of the same `lane` stops this one (a term chart's none of the Find view's): it then rejects with FindStopped, as past `limitMs`.
   * `searched`: the reports read, with hits or without (a term's rate per year is of them all).
   */
  async find(query: FindQuery, folder?: vscode.Uri, limitMs?: number, lane: 'view' | 'chart' = 'view'): Promise<{ reports: { report: CorpusReport; count: number; hits: KwicHit[] }[]; searched: CorpusReport[] }> {
    const prefix = folder && `${folder.toString().replace(/\/$/, '')}/`;
    const targets = this.all().filter((r) => !prefix || r.uri.startsWith(prefix));
    const files: FileRef[] = targets.map((r) => ({ key: r.uri, path: vscode.Uri.parse(r.uri).fsPath }));
    this.finding.get(lane)?.cancel();
    const finding = new vscode.CancellationTokenSource();
    this.finding.set(lane, finding);
    const response = await findInWorker(this.findWorkerPath(), files, query, limitMs, finding.token).finally(() => {
      finding.dispose();
      if (this.finding.get(lane) === finding) this.finding.delete(lane);
    });
    for (const e of response.errors) this.log.warn(`find: ${e.key}: ${e.error}`);
    const unread = new Set(response.errors.map((e) => e.key));
    const asSearched = new Map(targets.map((r) => [r.uri, r])); // (the hits' reports as searched, not as re-indexed since: one year for both)
    const reports = response.reports.flatMap((r) => (asSearched.has(r.key) ? [{ report: asSearched.get(r.key)!, count: r.count, hits: r.hits }] : []));
    return { reports, searched: targets.filter((r) => !unread.has(r.uri)) };
  }

  /** A search's worker of its own, for tagging the hits of a search (findInReports.ts); stopped with the index at the latest. */
  searchWorker(limitMs?: number, token?: vscode.CancellationToken): SearchWorker {
    const worker = new SearchWorker(this.findWorkerPath(), limitMs, token);
    this.searchWorkers.add(worker);
    worker.onStopped(() => this.searchWorkers.delete(worker));
    return worker;
  }

  /** (The search's worker is bundled beside the corpus worker.) */
  private readonly findWorkerPath = () => join(dirname(this.workerPath), 'findWorker.js');

  dispose(): void {
    for (const f of this.finding.values()) f.cancel();
    for (const w of this.searchWorkers) w.dispose();
    clearTimeout(this.fireTimer);
    void this.worker?.terminate();
    this.worker = undefined;
    vscode.Disposable.from(...this.disposables).dispose();
  }

  // ----------------------------------------------------------------------- private: files, runs, the worker
  /** The candidate files: .txt and .govreport, files.exclude applied by findFiles, then our own patterns. */
  private async discover(): Promise<vscode.Uri[]> {
    const [files, ...excluded] = await Promise.all([
      vscode.workspace.findFiles(INCLUDE),
      ...this.excludePatterns().map((p) => vscode.workspace.findFiles(p, null)),
    ]);
    const out = new Set(excluded.flat().map((u) => u.toString()));
    // Sorted by code unit, not localeCompare: thousands of paths through ICU stall the host for tens of ms.
    return files.filter((u) => u.scheme === 'file' && !out.has(u.toString())).sort((a, b) => compareCodeUnits(a.path, b.path));
  }

  /** The files of the last run's reports (and failures), or undefined when none were remembered. */
  private async readRemembered(): Promise<vscode.Uri[] | undefined> {
    if (!this.cacheDir) return undefined;
    try {
      const keys: unknown = JSON.parse(await fs.readFile(join(this.cacheDir, REMEMBERED), 'utf8'));
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return undefined;
      const uris = keys.map((k: string) => vscode.Uri.parse(k)).filter((u) => u.scheme === 'file');
      return uris.length > 0 ? uris : undefined;
    } catch {
      return undefined; // none yet, or unreadable: findFiles decides
    }
  }

  /** Remembers this run's reports for the next start (not in Restricted Mode, which writes nothing). */
  private async remember(): Promise<void> {
    if (!this.cacheDir || !vscode.workspace.isTrusted) return;
    const keys = [...this.reports.keys(), ...this.failures.keys()].sort();
    try {
      await fs.mkdir(this.cacheDir, { recursive: true });
      await writeFileAtomic(join(this.cacheDir, REMEMBERED), JSON.stringify(keys));
    } catch (err) {
      this.log.warn(`corpus: the list of reports could not be remembered: ${errorMessage(err)}`);
    }
  }

  /** After a run over the remembered reports: what findFiles found now is indexed, what it did not is removed. */
  private async reconcile(uris: vscode.Uri[]): Promise<IndexRunStats | undefined> {
    const wanted = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.reports.keys(), ...this.failures.keys()]) if (!wanted.has(key)) this.remove(vscode.Uri.parse(key));
    const added = uris.filter((u) => !this.reports.has(u.toString()) && !this.failures.has(u.toString()));
    // Tracked as the index's run (progress, cancel, `indexing`): views and the timeline wait for its end.
    return added.length > 0 ? this.run(added, { full: false, everyNonReport: true, tracked: true }) : undefined;
  }

  private excludePatterns(): string[] {
    return vscode.workspace.getConfiguration('reportAnnotator').get<string[]>('corpus.exclude', []).filter((p) => typeof p === 'string' && p.trim() !== '');
  }

  /** Indexes `uris` (see RunOptions). */
  private async run(uris: vscode.Uri[], options: RunOptions): Promise<IndexRunStats> {
    const { full, progressTitle, t0 = performance.now(), discoverMs = 0, everyNonReport = full, tracked = full } = options;
    const id = this.nextId++;
    const files = uris.map((u) => ({ key: u.toString(), path: u.fsPath }));
    this.reading.set(id, new Set(files.map((f) => f.key)));
    const stats: IndexRunStats = { files: files.length, discoverMs, filledMs: 0, reports: 0, analysed: 0, cached: 0, failed: 0, droppedCacheEntries: 0, ms: 0, cancelled: false };
    if (full) {
      this.reports.clear();
      this.failures.clear();
      this.changed();
    }
    let resolveDone!: (s: IndexRunStats) => void;
    const done = new Promise<IndexRunStats>((r) => (resolveDone = r));
    if (tracked) this.running = { id, done };
    const title = progressTitle ?? vscode.l10n.t('Indexing reports');
    if (tracked) void vscode.commands.executeCommand('setContext', 'reportAnnotator.corpus.indexing', true);
    let reportProgress: ((m: string) => void) | undefined;
    if (tracked) {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (p) => {
        reportProgress = (message) => p.report({ message });
        return done;
      });
    }
    this.handlers.set(id, (m) => {
      if (m.type === 'results') {
        for (const r of m.results) this.apply(r, stats);
        reportProgress?.(`${m.done}/${m.total}`);
        this.changed();
      } else if (m.type === 'done' || m.type === 'error') {
        this.handlers.delete(id);
        this.reading.delete(id);
        if (m.type === 'error') this.log.error(`indexing failed: ${m.error}`);
        stats.cancelled = m.type === 'done' && m.cancelled;
        stats.droppedCacheEntries = m.type === 'done' ? m.droppedCacheEntries : 0;
        stats.ms = stats.filledMs = performance.now() - t0;
        if (tracked && this.running?.id === id) {
          this.running = undefined;
          void vscode.commands.executeCommand('setContext', 'reportAnnotator.corpus.indexing', false);
        }
        if (full) {
          this.lastRun = stats;
          this.log.info(
            `corpus: ${stats.reports} report(s) of ${stats.files} file(s) in ${stats.ms.toFixed(0)} ms: ${stats.cached} from the cache, ${stats.analysed} analysed, ${stats.failed} failed${stats.droppedCacheEntries ? `, ${stats.droppedCacheEntries} corrupted cache entr(ies) dropped` : ''}${stats.cancelled ? ' (cancelled)' : ''}`,
          );
        }
        this.changed(true);
        resolveDone(stats);
      }
    });
    this.post({ type: 'index', id, files, cacheDir: this.cacheDir, writeCache: vscode.workspace.isTrusted, everyNonReport });
    return done;
  }

  private apply(r: FileResult, stats: IndexRunStats): void {
    // A known report that no longer reads as one may be half written (a save of a large file): read it again first.
    if (!('summary' in r) && this.reports.has(r.key) && this.changes.retryKnown(vscode.Uri.parse(r.key))) {
      this.log.info(`corpus: ${vscode.workspace.asRelativePath(vscode.Uri.parse(r.key))} did not read as a report (${'error' in r ? r.error : 'not one'}); reading it again in a moment`);
      return;
    }
    if ('summary' in r) this.changes.succeeded(r.key);
    this.reports.delete(r.key);
    this.failures.delete(r.key);
    if ('skipped' in r) return;
    const uri = vscode.Uri.parse(r.key);
    const name = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    if ('error' in r) {
      stats.failed++;
      this.failures.set(r.key, { uri, name, reason: r.error });
      this.log.warn(`corpus: ${name} is skipped: ${r.error}`);
      return;
    }
    stats.reports++;
    if (r.cached) stats.cached++;
    else stats.analysed++;
    this.reports.set(r.key, { uri: r.key, name, summary: r.summary, tags: r.tags });
  }

  private queue(uri: vscode.Uri): void {
    if (uri.scheme === 'file') this.changes.add(uri);
  }

  private queueReportOf(sidecar: vscode.Uri): void {
    const report = sidecar.toString().slice(0, -'.annotations.json'.length);
    // (A report being read is not in the index yet, and its tags may have been read before this write: a report opened
    // and tagged at once, while the worker waited for the editor's analysis of it.)
    if (this.reports.has(report) || [...this.reading.values()].some((keys) => keys.has(report))) this.queue(vscode.Uri.parse(report));
  }

  private async flushQueue(uris: vscode.Uri[]): Promise<void> {
    if (this.running) {
      await this.running.done; // a full run picks up the file anyway, but it may have run before the change
    }
    // A report already indexed is still included: what decides it (its path, files.exclude, our exclusions) did not
    // change, or the whole index runs again. Only new files are checked with findFiles: each call starts a search
    // process from this thread, and every sidecar write while the user types a tagged report asked for several.
    const known = uris.filter((u) => this.reports.has(u.toString()));
    const fresh = uris.filter((u) => !this.reports.has(u.toString()));
    let wanted = known;
    if (fresh.length > 0) {
      const excluded = new Set((await Promise.all(this.excludePatterns().map((p) => vscode.workspace.findFiles(p, null)))).flat().map((u) => u.toString()));
      const included = new Set((await vscode.workspace.findFiles(INCLUDE)).map((u) => u.toString()));
      const admitted = fresh.filter((u) => included.has(u.toString()) && !excluded.has(u.toString()));
      for (const u of fresh) if (!admitted.includes(u)) this.remove(u);
      wanted = [...known, ...admitted];
    }
    if (wanted.length > 0) await this.run(wanted, { full: false });
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.reports.delete(key) || this.failures.delete(key)) this.changed();
    // A deleted folder: everything under it goes.
    const prefix = `${key}/`;
    for (const k of [...this.reports.keys(), ...this.failures.keys()]) {
      if (k.startsWith(prefix) && (this.reports.delete(k) || this.failures.delete(k))) this.changed();
    }
  }

  /** Views refresh at most every 200 ms while a run streams results; `now` at the end of a run. */
  private changed(now = false): void {
    if (now) {
      clearTimeout(this.fireTimer);
      this.fireTimer = undefined;
      this.emitter.fire();
      return;
    }
    this.fireTimer ??= setTimeout(() => {
      this.fireTimer = undefined;
      this.emitter.fire();
    }, 200);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      const worker = new Worker(this.workerPath, { workerData: { foreground: this.foreground } });
      worker.on('message', (m: CorpusResponse) => this.handlers.get(m.id)?.(m));
      worker.on('error', (err) => {
        this.log.error(`the corpus worker failed: ${errorMessage(err)}`);
        for (const [id, h] of this.handlers) h({ type: 'error', id, error: errorMessage(err) });
        this.worker = undefined;
      });
      worker.unref();
      this.worker = worker;
      if (this.indicatorEntries.length > 0) worker.postMessage({ type: 'indicators', entries: this.indicatorEntries } satisfies CorpusRequest);
    }
    return this.worker;
  }

  private post(m: CorpusRequest): void {
    this.ensureWorker().postMessage(m);
  }
}
