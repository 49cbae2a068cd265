// The report in front of the user comes before the corpus's background work. On two cores, the corpus worker
// indexing the workspace at start-up took the processor from the analysis of the report just opened: its first
// results came 110-371 ms after VS Code showed it, against 72-107 ms with no indexing (three runs each), and both
// workers built the project scan's word table at once. So the analysis service marks, in one number shared with the
// corpus worker, the time its requests are in flight, and a moment after (the projects follow the first results at
// once; typing sends one request after another); and, once a report has been asked for, the rest of the time its worker
// starts (until its words are loaded, when that report's projects follow). The corpus worker looks at it before it
// analyses a report, the corpus index before it searches the folders, and they wait while it is set. (Without a
// report asked for, a starting worker is no reason to wait: the corpus's first start filled its views 3 s later.)
// A report the corpus worker has begun pauses too, at its next paragraph (foregroundPause): one begun just before
// the user opened a report used to run to its end, up to a few hundred milliseconds on a busy machine.

/** How long the mark stays after the last answer. */
const QUIET_MS = 300;
/** The longest a report of the corpus waits for the mark to go: typing for minutes must not stop the index. */
export const FOREGROUND_WAIT_MS = 3000;
/** The longest a report already begun pauses in all, between its paragraphs (enough for a report's first results). */
const MAX_PAUSE_MS = 500;
const POLL_MS = 20;

/**
 * The analysis worker's requests in flight, by id; while there are any, or the worker is still starting after one was
 * made, and QUIET_MS after, `busy` holds 1.
 */
export class ForegroundRequests<T extends { reject(err: unknown): void }> extends Map<number, T> {
  /** For the corpus worker (workerData): one Int32 (whileForegroundBusy). */
  readonly busy = new SharedArrayBuffer(4);
  private readonly flag = new Int32Array(this.busy);
  private quiet?: ReturnType<typeof setTimeout>;
  private startingWorker = false;
  /** Whether the worker is still starting (its words not loaded yet). */
  get workerStarting(): boolean {
    return this.startingWorker;
  }
  /** A request was made since the worker started. */
  private asked = false;

  /** The worker is starting (true: it was just made) or has started (false: its words are loaded, or it is lost). */
  starting(on: boolean): void {
    this.startingWorker = on;
    this.asked = false;
    if (!on && this.size === 0) this.quietSoon();
  }

  /** Rejects every request in flight (the worker is lost, or the service disposed) with `err`. */
  rejectAll(err: Error): void {
    for (const request of this.values()) request.reject(err);
    this.clear();
    this.starting(false);
  }

  override set(id: number, value: T): this {
    super.set(id, value);
    this.asked = true;
    clearTimeout(this.quiet);
    Atomics.store(this.flag, 0, 1);
    return this;
  }

  override delete(id: number): boolean {
    const had = super.delete(id);
    if (this.size === 0) this.quietSoon();
    return had;
  }

  override clear(): void {
    super.clear();
    this.quietSoon();
  }

  private quietSoon(): void {
    clearTimeout(this.quiet);
    if (!(this.startingWorker && this.asked)) {
      this.quiet = setTimeout(() => {
        Atomics.store(this.flag, 0, 0);
        Atomics.notify(this.flag, 0); // (a paused report goes on at once: foregroundPause)
      }, QUIET_MS);
    }
  }
}

/**
 * Waits while `busy` (ForegroundRequests.busy) is set, at most until `end` (by default FOREGROUND_WAIT_MS from now); at once
 * without one.
 */
export async function whileForegroundBusy(busy: SharedArrayBuffer | undefined, end = performance.now() + FOREGROUND_WAIT_MS): Promise<void> {
  const flag = busy && new Int32Array(busy);
  while (flag && Atomics.load(flag, 0) !== 0 && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

/**
 * For a report being analysed in the background (core/analyze's beforeParagraph): blocks this thread while `busy` is
 * set, at most `maxMs` over the whole report; undefined without a mark to look at. Each call says whether it went on
 * because the mark went (true) or because the report's time to pause is spent (false). (A report's analysis cannot be
 * left half done and resumed; meanwhile the worker takes no message, a cancel or a search, hence the short limit.)
 */
export function foregroundPause(busy: SharedArrayBuffer | undefined, maxMs = MAX_PAUSE_MS): (() => boolean) | undefined {
  if (!busy) return undefined;
  const flag = new Int32Array(busy);
  let left = maxMs;
  return () => {
    for (let mark = Atomics.load(flag, 0); mark !== 0; mark = Atomics.load(flag, 0)) {
      if (left <= 0) return false;
      const t0 = performance.now();
      Atomics.wait(flag, 0, mark, Math.min(POLL_MS, left));
      left -= Math.max(1, performance.now() - t0);
    }
    return true;
  };
}
