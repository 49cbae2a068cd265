// Analyses reports in a worker thread (dist/analysisWorker.js), so the extension host never blocks on
// analysis or on loading nodejieba. Edits are debounced (reportAnnotator.analysisDelay); one analysis per
// document runs at a time, and a result whose document has moved on is kept for peek() but not announced.
import { atOneVersion, onAnalysisEnded, uriBasename } from '../common/documents';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { MAX_REPORT_BYTES } from '../../core/reportInput';
import type { IndicatorEntry } from '../../core/indicators';
import { emptyAnalysis } from '../../core/analyze';
import { applyPatches, CopiedPatches } from './patchInSlices';
import type { DocumentAnalysis } from '../../core/types';
import { describeSegmenterReady, type AnalysisStats, type SegmenterReady, type WorkerRequest, type WorkerResponse } from './workerProtocol';
import { ChangeLog, lengthChange, type TextChange } from './changeLog';
import type { AnalysisEvent, AnalysisRunStats, ReportAnalysisProvider } from '../api';
import { ForegroundRequests } from '../common/foreground';

/** A worker's answer as the service uses it: a whole analysis (a patch already applied), or an error. */
type Answer = { analysis: DocumentAnalysis; stats: AnalysisStats; patched?: Partial<AnalysisRunStats> } | { error: string } | { resend: true };

/** What one analysis cost, for the log and the integration tests. */
export type AnalysisRun = AnalysisRunStats;

interface DocState {
  readonly document: vscode.TextDocument;
  /** The newest analysis, of `version`, made with the indicator entries of `generation`. */
  latest?: { version: number; generation: number; analysis: DocumentAnalysis };
  lastRun?: AnalysisRun;
  /** Worker analyses so far. */
  runs: number;
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  /** A run was requested while one was running: run again when it ends. */
  rerun: boolean;
  waiters: { resolve(a: DocumentAnalysis): void; reject(e: unknown): void }[];
}

export class AnalysisService implements ReportAnalysisProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly docs = new Map<string, DocState>();
  private worker?: Worker;
  private nextId = 1;
  /** The requests in flight; while there are any, the corpus's background work waits (`foreground`). */
  private readonly pending = new ForegroundRequests<{ resolve(r: WorkerResponse): void; reject(e: unknown): void }>();
  readonly foreground = this.pending.busy;
  /** The last analysis the worker sent of each document, with its number: what its next patch is based on. */
  private readonly received = new Map<string, { seq: number; version?: number; analysis: DocumentAnalysis }>();
  /** Per followed document, its edits since the version of the text the worker holds (changeLog.ts). */
  private readonly changes = new Map<string, ChangeLog>();
  /**
   * Analyses handed out with their text (analyzeSnapshot): the next patch of such an analysis is applied to a copy.
   * Any other analysis of an open report is the document's own and follows its edits in place, as the document does.
   */
  private readonly snapshots = new WeakSet<DocumentAnalysis>();
  /** Patches being applied to copies, a slice at a time: a document's next answer waits for its own. */
  private readonly copies = new CopiedPatches();
  private segmenterWarned = false;
  /** Users' indicator entries, given again to a worker that starts (or restarts). */
  private indicatorEntries: IndicatorEntry[][] = [];
  /** Counts changes of the entries: an analysis begun before one is stale, even if it ends after it. */
  private generation = 0;
  /** How long the segmenter took to load, reported with the first analysis after it did. */
  private segmenterLoadMs?: number;
  /** The worker's segmenter has loaded (it runs and has started). */
  private get segmenterLoaded(): boolean {
    return this.worker !== undefined && !this.pending.workerStarting;
  }
  /** Documents the user was already told are not analysed. */
  private readonly refused = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly workerPath: string,
    private readonly log: vscode.LogOutputChannel,
    /** Where the worker keeps its bundle's code cache (analysisWorkerEntry.ts); none without it. */
    private readonly codeCacheDir?: string,
  ) {
    this.subscriptions = [
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        const state = this.docs.get(e.document.uri.toString());
        // Only documents someone asked about are kept up to date.
        if (state && e.contentChanges.length > 0) {
          this.changeLog(e.document).record(e.document.version, e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })));
          this.schedule(state, this.delay());
        }
      }),
      onAnalysisEnded((doc) => this.forget(doc)),
    ];
  }

  analyze(document: vscode.TextDocument): Promise<DocumentAnalysis> {
    const state = this.state(document);
    if (this.isCurrent(state, document.version)) return Promise.resolve(state.latest!.analysis);
    return new Promise((resolve, reject) => {
      state.waiters.push({ resolve, reject });
      // While the user types, a pending debounce answers too: asking does not cut the delay short.
      if (!state.timer) this.schedule(state, 0);
    });
  }

  async readCurrent<T>(document: vscode.TextDocument, read: (analysis: DocumentAnalysis) => T): Promise<T> {
    return atOneVersion(document, async () => {
      const analysis = await this.analyze(document);
      return () => read(analysis);
    });
  }

  /** The analysis of one version of the document with that version's text: asks again while the document changes under it. */
  async analyzeSnapshot(document: vscode.TextDocument, options: { complete?: boolean } = {}): Promise<{ version: number; text: string; analysis: DocumentAnalysis }> {
    return atOneVersion(document, async (version) => {
      const text = document.getText();
      const refusal = refusalOf(text);
      if (refusal) throw new Error(vscode.l10n.t('{0} is not analysed: {1}.', uriBasename(document.uri), refusal));
      // What the editor shows may still wait for its projects; an export wants them.
      const analysis = options.complete ? await this.requestAnalysis(text, document.uri.toString(), version) : await this.analyze(document);
      return () => (this.snapshots.add(analysis), { version, text, analysis });
    });
  }

  /**
   * A one-off analysis of `text` (a report that is not open, read from disk), projects included: nothing
   * is cached for it. Text that is not analysed (empty, too large, binary) is an error naming why, never an
   * empty result.
   */
  async analyzeText(text: string): Promise<DocumentAnalysis> {
    const refusal = refusalOf(text) ?? (text.trim() === '' ? vscode.l10n.t('The document is empty.') : undefined);
    if (refusal) throw new Error(refusal);
    return this.requestAnalysis(text);
  }

  /** A complete analysis (the worker loads the segmenter first if it must), with the cache of `key` if given. */
  private async requestAnalysis(text: string, key?: string, version?: number): Promise<DocumentAnalysis> {
    const response = await this.request({ type: 'analyze', id: this.nextId++, text, complete: true, ...(key !== undefined && { key }) }, version);
    if ('error' in response) throw new Error(response.error.split('\n')[0]);
    if ('resend' in response) throw new Error('the analysis worker asked again for a text it was sent');
    return response.analysis;
  }

  peek(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.docs.get(uri.toString())?.latest?.analysis;
  }

  /** The cost of the document's latest analysis. */
  lastRun(uri: vscode.Uri): AnalysisRun | undefined {
    return this.docs.get(uri.toString())?.lastRun;
  }

  dispose(): void {
    for (const state of this.docs.values()) clearTimeout(state.timer);
    this.docs.clear();
    void this.worker?.terminate();
    this.worker = undefined;
    this.pending.rejectAll(new Error('the analysis service was disposed'));
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private delay(): number {
    return vscode.workspace.getConfiguration('reportAnnotator').get<number>('analysisDelay', 300);
  }

  private state(document: vscode.TextDocument): DocState {
    const key = document.uri.toString();
    let state = this.docs.get(key);
    if (!state || state.document !== document) {
      state = { document, runs: 0, running: false, rerun: false, waiters: [] };
      this.docs.set(key, state);
      this.changes.delete(key);
    }
    return state;
  }

  private isCurrent(state: DocState, version: number): boolean {
    return state.latest?.version === version && state.latest.generation === this.generation;
  }

  private changeLog(document: vscode.TextDocument): ChangeLog {
    const key = document.uri.toString();
    let log = this.changes.get(key);
    if (!log) this.changes.set(key, (log = new ChangeLog()));
    return log;
  }

  private schedule(state: DocState, delay: number): void {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(state);
    }, delay);
  }

  private async run(state: DocState): Promise<void> {
    if (state.running) {
      state.rerun = true;
      return;
    }
    const { document } = state;
    const version = document.version;
    state.running = true;
    try {
      // An analysis still waiting for its projects is done again once the segmenter is there.
      const generation = this.generation;
      let analysis = this.isCurrent(state, version) && !state.latest!.analysis.segmentation.pending ? state.latest!.analysis : undefined;
      if (!analysis) {
        analysis = await this.compute(state);
        if (!state.latest || version > state.latest.version || generation > state.latest.generation) state.latest = { version, generation, analysis };
        // A result for a version the document has left is stale: keep it for peek(), announce nothing.
        if (document.version === version && !document.isClosed) {
          const stats = state.lastRun?.version === version ? state.lastRun : undefined;
          this.emitter.fire({ document, version, analysis, stats });
        }
      }
      if (generation !== this.generation) {
        state.rerun = true; // the indicator entries changed while this ran: the waiters want the new ones
      } else if (document.version === version) {
        for (const w of state.waiters.splice(0)) w.resolve(analysis);
      } else if (state.waiters.length > 0 && !state.timer) {
        state.rerun = true; // someone waits for the current version
      }
      if (analysis.segmentation.pending && this.segmenterLoaded && !state.timer) this.schedule(state, 0); // (a first analysis: its projects next)
    } catch (err) {
      this.log.error(`analysis of ${document.uri.toString()} failed: ${String(err)}`);
      for (const w of state.waiters.splice(0)) w.reject(err);
    } finally {
      state.running = false;
      // A closed document is run again only for those still waiting on it.
      if (state.rerun && (this.docs.get(document.uri.toString()) === state || state.waiters.length > 0)) {
        state.rerun = false;
        void this.run(state);
      }
    }
  }

  /** Analyses the document's current text; an empty or refused text gives an empty analysis (refusals told once); a failure throws. */
  private async compute(state: DocState): Promise<DocumentAnalysis> {
    const { document } = state;
    const version = document.version;
    const key = document.uri.toString();
    const t0 = performance.now();
    // After typing, only the edits cross to the worker, which holds the text they apply to.
    const changes = this.changesSince(document);
    let response: Answer | undefined;
    if (changes) {
      const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
      response = await this.request({ type: 'analyze', id: this.nextId++, key, ...changes, length }, version).catch((err: Error) => ({ error: err.message }));
    }
    let readMs = 0;
    if (!response || 'resend' in response) {
      const t1 = performance.now();
      // (After a resend the document may have moved on: the worker's text is then of this later version.)
      const textVersion = document.version;
      const text = document.getText();
      readMs = performance.now() - t1;
      if (text.trim() === '') return emptyAnalysis(vscode.l10n.t('The document is empty.'));
      const refusal = refusalOf(text);
      if (refusal) {
        this.refuse(document, refusal);
        return emptyAnalysis(refusal);
      }
      response = await this.request({ type: 'analyze', id: this.nextId++, key, text }, textVersion).catch((err: Error) => ({ error: err.message }));
    }
    if ('resend' in response) response = { error: 'the analysis worker asked again for a text it was sent' };
    if ('error' in response) {
      // A bug or a dead worker: the report shows empty, the user hears why once, and the next edit retries.
      this.log.error(`analysis of ${document.uri.toString()} failed: ${response.error}`);
      this.refuse(document, response.error.split('\n')[0]);
      throw new Error(response.error.split('\n')[0]);
    }
    const run: AnalysisRun = { version, sequence: ++state.runs, roundTripMs: performance.now() - t0, ...response.stats, ...response.patched };
    if (run.hostMs !== undefined) run.hostMs += readMs;
    if (this.segmenterLoadMs !== undefined && response.analysis.segmentation.available) {
      run.segmenterLoadMs = this.segmenterLoadMs;
      this.segmenterLoadMs = undefined;
    }
    state.lastRun = run;
    this.log.info(
      `analysed ${uriBasename(document.uri)} v${version}: ${response.analysis.paragraphs.length} paragraphs, ` +
        `${response.analysis.figures.length} figures in ${run.analyzeMs.toFixed(1)} ms ` +
        (run.paragraphOnly ? `(from the edited paragraph${run.places ? `s alone, ${run.places} in turn` : ' alone'}` : `(${run.cacheHits} paragraphs reused, ${run.cacheMisses} analysed`) +
        (run.wholeText && run.sentItems !== undefined ? `, the whole text read: ${run.wholeText}` : '') +
        `; round trip ${run.roundTripMs.toFixed(1)} ms${run.hostMs !== undefined ? `, ${run.hostMs.toFixed(1)} ms on this thread` : ''}` +
        (run.segmenterLoadMs !== undefined ? `; segmenter loaded in ${run.segmenterLoadMs.toFixed(0)} ms)` : ')'),
    );
    this.warnIfNoSegmenter(response.analysis);
    return response.analysis;
  }

  /**
   * The edits since the text the worker holds, when they are known and safe to send without reading the text: no
   * NUL typed (refusalOf), and a text far from empty and from the size limit (both are checked on the text).
   */
  private changesSince(document: vscode.TextDocument): { changes: TextChange[]; base: number } | undefined {
    const key = document.uri.toString();
    const held = this.received.get(key);
    if (held?.version === undefined || held.analysis.paragraphs.length === 0) return undefined;
    const changes = this.changes.get(key)?.since(held.version, document.version);
    if (!changes || changes.some((c) => c.text.includes('\0'))) return undefined;
    const length = held.analysis.paragraphs[held.analysis.paragraphs.length - 1].range.end + lengthChange(changes);
    if (length < MIN_CHANGED_TEXT || 3 * length > MAX_REPORT_BYTES) return undefined;
    return { changes, base: held.seq };
  }

  private refuse(document: vscode.TextDocument, reason: string): void {
    const key = document.uri.toString();
    if (this.refused.has(key)) return;
    this.refused.add(key);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not analysed: {1}.', uriBasename(document.uri), reason));
  }

  /** Users' indicator entries changed: the worker takes them, and the open reports are analysed again. */
  setIndicatorEntries(entries: IndicatorEntry[][]): void {
    if (entries.length === 0 && this.indicatorEntries.length === 0) return; // the shipped table, as before
    this.indicatorEntries = entries;
    this.generation++;
    this.worker?.postMessage({ type: 'indicators', entries } satisfies WorkerRequest);
    // What is shown stays until the new analysis replaces it (isCurrent tells them apart).
    for (const state of this.docs.values()) {
      if (!state.timer) this.schedule(state, 0);
    }
  }

  /** Starts the worker, which loads the segmenter while nothing waits (called on activation). */
  warmUp(): void {
    this.ensureWorker();
  }

  /** The segmenter has loaded: what was analysed without projects is analysed again (the paragraphs' figures are cached). */
  private segmenterReady(ready: SegmenterReady): void {
    this.segmenterLoadMs = ready.loadMs;
    this.pending.starting(false);
    this.log.info(describeSegmenterReady(ready));
    for (const state of this.docs.values()) {
      if (state.latest?.analysis.segmentation.pending && !state.timer) this.schedule(state, 0);
    }
  }

  private warnIfNoSegmenter(analysis: DocumentAnalysis): void {
    if (analysis.segmentation.available || analysis.segmentation.pending || this.segmenterWarned) return;
    this.segmenterWarned = true;
    const reason = analysis.segmentation.error ?? '';
    this.log.warn(`word segmentation unavailable: ${reason}`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Projects are not listed: word segmentation (nodejieba) could not be loaded ({0}).', reason),
    );
  }

  /**
   * Sends a request and answers with a whole analysis: a patch (what changed since the analysis of the same
   * document the host holds) is applied here. Requests of one document are answered in order, so the analysis a
   * patch is based on is the last one received; if it is not, the text is asked for again, whole.
   */
  private async request(message: Extract<WorkerRequest, { type: 'analyze' }>, version?: number): Promise<Answer> {
    const key = message.key;
    const base = key === undefined ? undefined : this.received.get(key);
    let postMs = 0;
    const response = await new Promise<WorkerResponse>((resolve, reject) => {
      const t0 = performance.now();
      this.ensureWorker().postMessage({ ...message, ...(base && { base: base.seq }) } satisfies WorkerRequest);
      postMs = performance.now() - t0;
      this.pending.set(message.id, { resolve, reject });
    });
    if ('error' in response || 'resend' in response) return response;
    if (key !== undefined && version !== undefined) this.changes.get(key)?.forget(version);
    // Answers of one document are taken in order: after the patch being applied, if any.
    if (key !== undefined) await this.copies.settled(key);
    if (!('patches' in response)) {
      if (key !== undefined && response.seq !== undefined && this.docs.has(key)) this.received.set(key, { seq: response.seq, version, analysis: response.analysis });
      return response;
    }
    if (key === undefined) throw new Error('the analysis worker sent a patch for a one-off analysis');
    const held = this.received.get(key);
    if (held?.seq !== response.base) {
      this.received.delete(key);
      // (A request of changes is answered with a patch only when the worker held their base: the text then.)
      if (message.text === undefined) return { resend: true };
      return this.request({ ...message, id: this.nextId++ }, version);
    }
    const t1 = performance.now();
    // The document's own analysis is patched in place (well under a millisecond for 5 MB, in one piece: no one
    // sees it half moved); a snapshot someone holds is copied, a slice at a time.
    const own = !this.snapshots.has(held.analysis);
    const { analysis, longestSliceMs, busyMs, ...size } = await applyPatches(held.analysis, response.patches, own, (a, p) => this.copies.apply(key, a, p));
    // Kept only for documents still followed (a closed one's state in the worker is forgotten as well).
    if (this.docs.has(key)) this.received.set(key, { seq: response.seq, version, analysis });
    else this.received.delete(key);
    const patched = { patchMs: performance.now() - t1, longestSliceMs, sentItems: size.sent, totalItems: size.total, hostMs: postMs + busyMs };
    return { analysis, stats: response.stats, patched };
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { codeCacheDir: this.codeCacheDir } });
    // Every worker loads its words at once (a restarted one too): the mark `starting` sets goes when they are loaded.
    this.pending.starting(true);
    worker.postMessage({ type: 'warmUp' } satisfies WorkerRequest);
    if (this.indicatorEntries.length > 0) worker.postMessage({ type: 'indicators', entries: this.indicatorEntries } satisfies WorkerRequest);
    worker.on('message', (response: WorkerResponse | SegmenterReady) => {
      if (this.worker !== worker) return; // (a lost worker's last words)
      if ('type' in response) {
        this.segmenterReady(response);
        return;
      }
      const p = this.pending.get(response.id);
      this.pending.delete(response.id);
      p?.resolve(response);
    });
    // A worker that dies takes its requests with it; the next request starts a new one.
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log.error(`analysis worker stopped: ${reason}`);
      this.received.clear();
      this.pending.rejectAll(new Error(`the analysis worker stopped: ${reason}`));
    };
    worker.on('error', (err) => lost(err.stack ?? err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  /**
   * The document closed, or left the report language (onAnalysisEnded). Its state goes; anyone still
   * waiting gets a real analysis of the text it had, never a stand-in.
   */
  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.docs.get(key);
    if (!state || state.document !== document) return;
    clearTimeout(state.timer);
    state.timer = undefined;
    this.docs.delete(key);
    this.received.delete(key);
    this.changes.delete(key);
    if (state.waiters.length > 0 && !state.running) void this.run(state);
    this.worker?.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }
}

/** Why a text is not analysed (too large, binary), or undefined. */
function refusalOf(text: string): string | undefined {
  if (Buffer.byteLength(text, 'utf8') > MAX_REPORT_BYTES) return vscode.l10n.t('it is larger than {0} MiB', MAX_REPORT_BYTES / 1048576);
  if (text.includes('\0')) return vscode.l10n.t('it contains NUL characters, so it is not a text report');
  return undefined;
}

/** Shorter texts are sent whole (cheap), so that an emptied document is seen as empty (refusalOf). */
const MIN_CHANGED_TEXT = 4096;
