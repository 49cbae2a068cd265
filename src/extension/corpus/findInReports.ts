// Find in reports in a worker of its own (findWorker.ts), started for one search and stopped after it.
// A regular expression can backtrack for ever (nested repetition, ([一-龥]+)+X on a paragraph without X); in the
// index's worker it would hold up the index and every search after it until the window was reloaded. Here a search
// is stopped when it overruns its time limit, when a newer search starts, or when it is cancelled.
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { FindQuery } from '../../core/corpus/kwic';
import type { CorpusRequest, CorpusResponse, FileRef } from './corpusProtocol';

export type Found = Extract<CorpusResponse, { type: 'found' }>;

/** How long a search may take by default: a plain pattern reads the 60 MB of 1,000 reports in a few seconds. */
export const FIND_LIMIT_MS = 30_000;

/** A search stopped before it finished: over its time limit, or cancelled (a newer search, or the user). */
export class FindStopped extends Error {
  constructor(
    readonly reason: 'timeout' | 'cancelled',
    readonly limitMs: number,
  ) {
    super(reason === 'timeout' ? `the search was stopped after ${limitMs / 1000} s` : 'the search was cancelled');
  }
}

/** The hits of `query` in `files`, read by a worker of its own (`workerPath`: findWorker's bundle). */
export function findInWorker(workerPath: string, files: FileRef[], query: FindQuery, limitMs = FIND_LIMIT_MS, token?: vscode.CancellationToken): Promise<Found> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath);
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancelled?.dispose();
      void worker.terminate();
      then();
    };
    const timer = setTimeout(() => settle(() => reject(new FindStopped('timeout', limitMs))), limitMs);
    const cancelled = token?.onCancellationRequested(() => settle(() => reject(new FindStopped('cancelled', limitMs))));
    worker.on('message', (m: CorpusResponse) =>
      settle(() => (m.type === 'found' ? resolve(m) : reject(new Error(m.type === 'error' ? m.error : `unexpected ${m.type}`)))),
    );
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the search's worker stopped (exit code ${code})`))));
    if (token?.isCancellationRequested) settle(() => reject(new FindStopped('cancelled', limitMs)));
    else worker.postMessage({ type: 'find', id: 1, files, query } satisfies CorpusRequest);
  });
}
