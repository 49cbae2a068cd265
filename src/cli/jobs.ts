// Runs one DocumentTask per input, in the main thread (--jobs 1) or in worker threads (worker_threads; this
// same script is the worker). Output keeps the input order: a document's chunks are written as they come
// while it is the oldest unfinished one, and held otherwise: at most HOLD per document and MAX_BUFFERED in all,
// then their workers wait once WINDOW more is unacknowledged, so memory stays bounded whatever the number of
// reports. A report that cannot be read or analysed is named on stderr and skipped; the others are written.
import { promises as fs } from 'node:fs';
import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AnnotationSetWriter, type TextSink } from '../core/exportStream';
import { DocumentTask, type TaskInput, type TaskOptions } from './documentTask';
import { readReportFile } from '../core/reportInput';
import { type Input, readStdin } from './inputs';
import type { Output } from './output';
import { Progress } from './progress';

const HOLD = 8 * 1024 * 1024;
/** The chunks held for all later reports together (UTF-16 units): past it, none is acknowledged until written. */
const MAX_BUFFERED = 4 * HOLD;
/**
 * What a worker may have sent and not yet had acknowledged before it waits (UTF-16 units), and the tasks it is given
 * ahead. A worker that waited for each chunk's acknowledgement and then for its next task waited twice per report for the
 * main thread to be scheduled: with every core analysing, a tenth of its time (1.1-1.4 s of 11 over 1,000 reports).
 */
const WINDOW = 1024 * 1024;
const TASKS_AHEAD = 2;

/** `bytes`: the length of the chunks acknowledged. */
type ToWorker = { type: 'task'; seq: number; input: TaskInput } | { type: 'ack'; bytes: number } | { type: 'exit' };
type FromWorker =
  | { type: 'chunk'; seq: number; text: string }
  | { type: 'warn'; message: string }
  | { type: 'done'; seq: number }
  | { type: 'error'; seq: number; message: string; wrote: boolean };

export const defaultJobs = () => Math.max(1, cpus().length);

/** Writes every input's output to `output` in input order; returns how many inputs failed. */
export async function runJobs(inputs: readonly Input[], options: TaskOptions, jobs: number, output: Output): Promise<number> {
  const set = options.mode === 'json' ? new AnnotationSetWriter(output) : undefined;
  const local = new DocumentTask(options); // validates --indicators before any work, and serves --jobs 1
  if (set) await set.begin();
  else if (local.header()) await output.write(local.header());
  // A document of the set is written in pieces; the comma between documents goes before its first piece.
  const piece = async (text: string, first: boolean, last: boolean) => {
    if (set) await set.documentFragment(text, first, last);
    else if (text) await output.write(text);
  };
  const progress = new Progress(inputs);
  const stdinText = inputs.some((i) => i.path === '-') ? await readStdin().catch((err: Error) => err) : undefined;
  const prepared = (input: Input): TaskInput | Error =>
    input.path === '-' ? (stdinText instanceof Error ? stdinText : { ...input, text: stdinText }) : { path: input.path, uri: input.uri };
  let failed = 0;
  const fail = (message: string) => {
    failed++;
    progress.note(`report-annotator: ${message}`);
  };
  const warn = (message: string) => progress.note(`report-annotator: ${message}`);

  if (jobs <= 1 || inputs.length <= 1) {
    // The next report is read while this one is analysed and written (reading waited on the disk: a tenth of the time).
    const read = (i: number) => (i < inputs.length && inputs[i].path !== '-' ? readAhead(inputs[i].path) : undefined);
    let next = read(0);
    for (const [i, input] of inputs.entries()) {
      const ahead = next;
      next = read(i + 1);
      const text = await ahead;
      const task = text instanceof Error ? text : text !== undefined ? { path: input.path, uri: input.uri, text } : prepared(input);
      let wrote = false;
      const sink: TextSink = {
        write: async (text) => {
          await piece(text, !wrote, false);
          wrote = true;
        },
      };
      try {
        if (task instanceof Error) throw task;
        await local.run(task, sink, warn);
        if (wrote || set) await piece('', !wrote, true);
      } catch (err) {
        if (wrote) throw err; // half a document is out: the output cannot be mended
        fail((err as Error).message);
      }
      progress.done(input);
      await new Promise((resolve) => setImmediate(resolve)); // between documents, let a signal be handled
    }
  } else {
    await runInWorkers(inputs, prepared, options, Math.min(jobs, inputs.length), piece, warn, fail, progress);
  }
  if (set) await set.end();
  progress.end();
  return failed;
}

/** Reports read ahead are at most this large: a larger one is read in its turn (two very large texts at once are too much). */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * The text of the report at `path`, or the error that reading it gave (told in its turn, in input order); undefined
 * for what is not a regular file of at most READ_AHEAD_BYTES (read in its turn, as before).
 */
async function readAhead(path: string): Promise<string | Error | undefined> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat?.isFile() || stat.size > READ_AHEAD_BYTES) return undefined;
  return readReportFile(path).then(
    (file) => file.text,
    (err: Error) => err,
  );
}

interface Slot {
  chunks: string[];
  bytes: number;
  started: boolean;
  done: boolean;
  failed?: boolean;
  /** The worker whose chunks of this report wait for their acknowledgement until it is written, and their length. */
  held?: Worker;
  heldBytes: number;
}

async function runInWorkers(
  inputs: readonly Input[],
  prepared: (input: Input) => TaskInput | Error,
  options: TaskOptions,
  jobs: number,
  piece: (text: string, first: boolean, last: boolean) => Promise<void>,
  warn: (message: string) => void,
  fail: (message: string) => void,
  progress: Progress,
): Promise<void> {
  const slots: Slot[] = inputs.map(() => ({ chunks: [], bytes: 0, started: false, done: false, heldBytes: 0 }));
  let next = 0; // the oldest unfinished input: its output goes out as it comes
  let buffered = 0; // the length of the chunks received and not yet written
  /** Drops the chunks a slot holds that will not be written (its report failed, or is analysed again). */
  const dropChunks = (slot: Slot) => {
    buffered -= slot.bytes;
    slot.chunks = [];
    slot.bytes = 0;
  };
  let dispatched = 0;
  let queue = Promise.resolve(); // writes to the output, one after another
  const workers: Worker[] = [];
  // A worker's tasks, the one it works on first. It runs them one at a time, in order, and each worker's are in input
  // order: the oldest unfinished report is the first of its worker's, whose chunks are never held, so none waits on another.
  const inFlight = new Map<Worker, { seq: number; input: TaskInput }[]>();
  const retried = new Set<number>();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.postMessage({ type: 'exit' } satisfies ToWorker);
      if (err) reject(err);
      else resolve();
    };
    /** Tops the worker's tasks up to `ahead`. */
    const give = (worker: Worker, ahead = TASKS_AHEAD) => {
      while ((inFlight.get(worker)?.length ?? 0) < ahead) {
        if (dispatched >= inputs.length) return;
        const seq = dispatched++;
        const task = prepared(inputs[seq]);
        if (task instanceof Error) {
          fail(task.message);
          slots[seq].done = slots[seq].failed = true;
          continue;
        }
        send(worker, seq, task);
      }
    };
    const send = (worker: Worker, seq: number, input: TaskInput) => {
      worker.postMessage({ type: 'task', seq, input } satisfies ToWorker);
      const tasks = inFlight.get(worker);
      if (tasks) tasks.push({ seq, input });
      else inFlight.set(worker, [{ seq, input }]);
    };
    // Writes what the head documents have, in order, and moves past the finished ones.
    const drain = () => {
      queue = queue.then(async () => {
        while (next < slots.length) {
          const slot = slots[next];
          while (slot.chunks.length > 0) {
            const text = slot.chunks.shift()!;
            slot.bytes -= text.length;
            buffered -= text.length;
            // (Started before the write is awaited: a worker out of memory meanwhile must not have the report retried.)
            const first = !slot.started;
            slot.started = true;
            await piece(text, first, false);
          }
          if (slot.held) {
            slot.held.postMessage({ type: 'ack', bytes: slot.heldBytes } satisfies ToWorker);
            slot.held = undefined;
            slot.heldBytes = 0;
          }
          if (!slot.done) return;
          if (!slot.failed && (slot.started || options.mode === 'json')) await piece('', !slot.started, true);
          progress.done(inputs[next]);
          next++;
        }
        finish();
      }).catch(finish);
    };
    /**
     * A worker, given tasks as it finishes them. Each builds its own copy of the project scan's word table (about 16 MB
     * of heap; one copy shared by all of them cost 12% more time over 1,000 reports with two jobs); a small heap keeps
     * the rest of its memory near what one report needs (reports are analysed a paragraph at a time). A report too
     * large for it (20 MB) is analysed again in a worker without that limit (`large`).
     */
    const startWorker = (large: boolean, first?: { seq: number; input: TaskInput }[]) => {
      const worker = new Worker(__filename, {
        workerData: { reportAnnotatorWorker: true, options },
        ...(!large && { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } }),
      });
      workers.push(worker);
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'warn') warn(m.message);
        else if (m.type === 'chunk') {
          const slot = slots[m.seq];
          slot.chunks.push(m.text);
          slot.bytes += m.text.length;
          buffered += m.text.length;
          if (m.seq === next || (slot.bytes < HOLD && buffered < MAX_BUFFERED)) worker.postMessage({ type: 'ack', bytes: m.text.length } satisfies ToWorker);
          else {
            slot.held = worker;
            slot.heldBytes += m.text.length;
          }
          drain();
        } else {
          inFlight.get(worker)?.shift(); // (the task it reports on: its first)
          if (m.type === 'error') {
            if (m.wrote) return finish(new Error(m.message));
            dropChunks(slots[m.seq]);
            slots[m.seq].failed = true;
            fail(m.message);
          }
          slots[m.seq].done = true;
          give(worker);
          drain();
        }
      });
      worker.on('error', (err) => {
        const [task, ...notStarted] = inFlight.get(worker) ?? [];
        workers.splice(workers.indexOf(worker), 1);
        // Out of its small heap before any of the report's output was written: the report once more, in a worker of its own.
        if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && task && !slots[task.seq].started && !retried.has(task.seq)) {
          retried.add(task.seq);
          dropChunks(slots[task.seq]);
          Object.assign(slots[task.seq], { held: undefined, heldBytes: 0 });
          inFlight.delete(worker);
          warn(`${inputs[task.seq].path}: too large for a worker's usual heap; analysed again with more`);
          return startWorker(true, [task, ...notStarted]);
        }
        finish(new Error(`a worker thread failed (${err.message}); try --jobs 1 for very large reports`));
      });
      // (A worker that ends without an error while it has reports to do would leave them waiting for ever.)
      worker.on('exit', (code) => {
        if (workers.includes(worker) && (inFlight.get(worker)?.length ?? 0) > 0) finish(new Error(`a worker thread stopped (exit code ${code}) before its reports were done; try --jobs 1`));
      });
      if (first === undefined) give(worker, 1); // (one each first: a few reports go to as many workers)
      else for (const t of first) send(worker, t.seq, t.input); // (the tasks of the worker it replaces, in their order)
    };
    for (let i = 0; i < jobs; i++) startWorker(false);
    for (const w of workers) give(w);
    drain();
  });
}

/** The worker thread's side: run tasks as they come; it waits when WINDOW of what it sent is not yet acknowledged. */
function startWorker(): void {
  const port = parentPort!;
  const task = new DocumentTask((workerData as { options: TaskOptions }).options);
  let unacknowledged = 0;
  let acked: (() => void) | undefined;
  const tasks: { seq: number; input: TaskInput }[] = [];
  let busy = false;
  const post = (m: FromWorker) => port.postMessage(m);
  const runNext = async () => {
    if (busy || tasks.length === 0) return;
    busy = true;
    const { seq, input } = tasks.shift()!;
    let wrote = false;
    const sink: TextSink = {
      write: async (text) => {
        wrote = true;
        post({ type: 'chunk', seq, text });
        unacknowledged += text.length;
        if (unacknowledged > WINDOW) await new Promise<void>((resolve) => (acked = resolve));
      },
    };
    try {
      await task.run(input, sink, (message) => post({ type: 'warn', message }));
      post({ type: 'done', seq });
    } catch (err) {
      post({ type: 'error', seq, message: (err as Error).message, wrote });
    }
    busy = false;
    void runNext();
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ack') {
      unacknowledged -= m.bytes;
      if (acked && unacknowledged <= WINDOW) {
        const resume = acked;
        acked = undefined;
        resume();
      }
    }
    else if (m.type === 'exit') port.close();
    else {
      tasks.push({ seq: m.seq, input: m.input });
      void runNext();
    }
  });
}

/** True in a worker thread started by runJobs (then this script serves tasks instead of running the CLI). */
export function isJobWorker(): boolean {
  return !isMainThread && (workerData as { reportAnnotatorWorker?: boolean } | null)?.reportAnnotatorWorker === true;
}

export function runJobWorker(): void {
  startWorker();
}
