// Where the CLI writes: stdout, or --out through the atomic write of src/core/atomicWrite.ts (a temporary
// file renamed over the target; a FIFO or device written directly). Either way text goes out in chunks
// with backpressure, so a huge AnnotationSet is never one string.
import { fstatSync, type Stats, statSync } from 'node:fs';
import { AtomicOutput, removeTemporaryFilesSync, resolveOutputTarget } from '../core/atomicWrite';
import { annotationFileAt } from '../core/annotationFiles';
import type { TextSink } from '../core/exportStream';
import { type CommandName, UsageError } from './usage';

export interface Output extends TextSink {
  /** Makes the output final (renames the temporary file over the target). */
  commit(): Promise<void>;
  /** Drops what was written to a file (the target is untouched). */
  abort(): Promise<void>;
}

/** The reader went away (`| head`): not an error for a command whose output is a stream. */
export const isBrokenPipe = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

/**
 * Standard output, or the file `out` written atomically. Never a report's annotation sidecar or the codebook, by
 * name or through a link (annotationFiles.ts), nor a file the command reads (`reads`; '-' for standard input):
 * wrong usage, for every command, whether the file exists or not.
 */
export async function openOutput(out: string | undefined, command: CommandName | 'all' = 'all', reads: readonly string[] = []): Promise<Output> {
  if (out === undefined) return stdoutOutput();
  refuseOutput(out, reads, command);
  return fileOutput(out);
}

/**
 * Throws the wrong usage of an `out` that would replace annotations (refuseAnnotationFile) or a file the command
 * reads, `reads` ('-': standard input, when it is a file: `< report.txt`). A command checks before its work, too.
 */
export function refuseOutput(out: string, reads: readonly string[], command: CommandName | 'all' = 'all'): void {
  refuseAnnotationFile(out, command);
  const clash = inputOverwrittenBy(out, reads);
  if (clash !== undefined) throw new UsageError(`--out ${out} is the input ${clash === '-' ? '(standard input)' : clash}; it would be overwritten`, command);
}

/** Throws the wrong usage of an `out` that is an annotation sidecar or the codebook (a command checks before its work, too). */
export function refuseAnnotationFile(out: string, command: CommandName | 'all' = 'all'): void {
  const kind = annotationFileAt(out);
  if (kind) throw new UsageError(`--out ${out} ${kind === 'sidecar' ? "is named as a report's annotation sidecar" : 'is the codebook'}; it is never written over`, command);
}

function stdoutOutput(): Output {
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        // The callback reports this chunk's error (EPIPE); 'drain' says the pipe can take more.
        const ready = process.stdout.write(chunk, (err) => err && reject(err));
        if (ready) resolve();
        else process.stdout.once('drain', resolve);
      }),
    commit: async () => undefined,
    abort: async () => undefined,
  };
}

async function fileOutput(path: string): Promise<Output> {
  // A signal must not leave the hidden temporary file behind, from the moment it exists: the handlers are in
  // place before it is created. Node handles a signal once the running JavaScript yields, so an interrupt waits
  // for the document being analysed at most. Then the signal is raised again with its default action, so the
  // process ends by it (a shell says 130 or 143): process.exit could wait forever for a thread blocked opening
  // a FIFO that nobody writes.
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaryFilesSync();
    done();
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  function done() {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  let file: AtomicOutput;
  try {
    file = await AtomicOutput.open(path);
  } catch (err) {
    done();
    throw err;
  }
  return {
    write: (chunk) => file.write(chunk),
    commit: () => file.commit().finally(done),
    abort: () => file.abort().finally(done),
  };
}

/**
 * The input that `out` would overwrite, if any: the same file by device and inode (a hard link, a
 * symlink, another spelling of the path) once links are followed; '-' when it is standard input's file.
 */
export function inputOverwrittenBy(out: string, inputs: readonly string[]): string | undefined {
  let target;
  try {
    target = statSync(resolveOutputTarget(out).path);
  } catch {
    return undefined; // does not exist yet: it is no input
  }
  if (!target.isFile()) return undefined; // /dev/stdout, a FIFO: written directly, nothing is replaced
  return inputs.find((input) => {
    try {
      const s: Stats = input === '-' ? fstatSync(0) : statSync(input);
      return s.isFile() && s.dev === target.dev && s.ino === target.ino;
    } catch {
      return false;
    }
  });
}
