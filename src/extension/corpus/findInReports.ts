// Find in reports in a worker of its own (findWorker.ts), started for one search (or one tagging of its hits) and
// stopped after it.
// A regular expression can backtrack for ever (nested repetition, ([一-龥]+)+X on a paragraph without X); in the
// index's worker it would hold up the index and every search after it until the window was reloaded. Here a search
// is stopped when it overruns its time limit, when a newer search starts, or when it is cancelled.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { FindQuery } from '../../core/corpus/kwic';
import type { HitReport } from '../../core/tables';
import type { CorpusRequest, CorpusResponse, FileRef } from './corpusProtocol';

export type Found = Extract<CorpusResponse, { type: 'found' }>;

/** How long a search may take by default: a plain pattern reads the 60 MB of 1,000 reports in a few seconds. */
export const FIND_LIMIT_MS = 30_000;
/**
 * How long writing every hit may take: a pattern as common as 的 gives millions of rows of 1,000 reports, each with its
 * context and sentence (the user can cancel it before).
 */
export const EXPORT_LIMIT_MS = 10 * 60_000;

/** A search stopped before it finished: over its time limit, or cancelled (a newer search, or the user). */
export class FindStopped extends Error {
  constructor(
    readonly reason: 'timeout' | 'cancelled',
    readonly limitMs: number,
  ) {
    super(reason === 'timeout' ? `the search was stopped after ${limitMs / 1000} s` : 'the search was cancelled');
  }
}

/**
 * A search's worker (`workerPath`: findWorker's bundle) for one search or one tagging of its hits. It answers one
 * request at a time, and may work for `limitMs` in all (the time between the host's requests, reading and analysing
 * the reports, does not count). It stops past that, when `token` is cancelled, or when disposed: the request
 * waiting then rejects with FindStopped (or with the worker's error), as does any request after.
 */
export class SearchWorker {
  private readonly worker: Worker;
  private readonly cancelled?: vscode.Disposable;
  /** The time the worker may still work. */
  private budget: number;
  /** Why the worker stopped, once it has. */
  private stopped?: Error;
  private waiting?: { resolve: (m: CorpusResponse) => void; reject: (err: Error) => void; since: number; timer: NodeJS.Timeout };
  private nextId = 1;
  private readonly stoppedEmitter = new EventEmitter();
  /** Resolves when the worker's thread has ended (after a stop, terminate() takes a moment). */
  readonly exited: Promise<void>;

  constructor(
    workerPath: string,
    private readonly limitMs = FIND_LIMIT_MS,
    token?: vscode.CancellationToken,
  ) {
    this.budget = limitMs;
    this.worker = new Worker(workerPath);
    this.cancelled = token?.onCancellationRequested(() => this.stop(new FindStopped('cancelled', limitMs)));
    this.worker.on('message', (m: CorpusResponse) => {
      const waiting = this.waiting;
      if (!waiting) return;
      this.waiting = undefined;
      clearTimeout(waiting.timer);
      this.budget -= performance.now() - waiting.since;
      if (m.type === 'error') waiting.reject(new Error(m.error));
      else waiting.resolve(m);
    });
    this.worker.on('error', (err) => this.stop(err));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('exit', (code) => this.stop(new Error(`the search's worker stopped (exit code ${code})`)));
    if (token?.isCancellationRequested) this.stop(new FindStopped('cancelled', limitMs));
  }

  /** The hits of `query` in `files`, read as saved. */
  async find(files: FileRef[], query: FindQuery): Promise<Found> {
    const m = await this.ask({ type: 'find', id: this.nextId++, files, query });
    if (m.type !== 'found') throw new Error(`unexpected ${m.type}`);
    return m;
  }

  /** Writes every hit of `query` in `files` to `target` as the hits table (core/tables.ts). */
  async exportHits(files: (FileRef & { report: HitReport })[], query: FindQuery, target: string): Promise<Extract<CorpusResponse, { type: 'exportedHits' }>> {
    const m = await this.ask({ type: 'exportHits', id: this.nextId++, files, query, target });
    if (m.type !== 'exportedHits') throw new Error(`unexpected ${m.type}`);
    return m;
  }

  /** The indices of the paragraphs of `text` that hold a hit of `query`. */
  async paragraphsHit(text: string, paragraphs: { start: number; end: number }[], query: FindQuery): Promise<number[]> {
    const m = await this.ask({ type: 'paragraphsHit', id: this.nextId++, text, paragraphs, query });
    if (m.type !== 'paragraphsHit') throw new Error(`unexpected ${m.type}`);
    return m.paragraphs;
  }

  private ask(request: CorpusRequest): Promise<CorpusResponse> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.waiting) return Promise.reject(new Error("the search's worker answers one request at a time"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(new FindStopped('timeout', this.limitMs)), Math.max(0, this.budget));
      this.waiting = { resolve, reject, since: performance.now(), timer };
      this.worker.postMessage(request);
    });
  }

  /** Calls `listener` once the worker has stopped (at once if it has). */
  onStopped(listener: () => void): void {
    if (this.stopped) listener();
    else this.stoppedEmitter.once('stopped', listener);
  }

  /** Stops the worker; a request waiting rejects with `why`. */
  private stop(why: Error): void {
    if (this.stopped) return;
    this.stopped = why;
    this.stoppedEmitter.emit('stopped');
    this.cancelled?.dispose();
    void this.worker.terminate();
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(why);
    }
  }

  dispose(): void {
    this.stop(new FindStopped('cancelled', this.limitMs));
  }
}

/** The hits of `query` in `files`, read by a worker of its own (`workerPath`: findWorker's bundle). */
export async function findInWorker(workerPath: string, files: FileRef[], query: FindQuery, limitMs = FIND_LIMIT_MS, token?: vscode.CancellationToken): Promise<Found> {
  const worker = new SearchWorker(workerPath, limitMs, token);
  try {
    return await worker.find(files, query);
  } finally {
    worker.dispose();
  }
}
