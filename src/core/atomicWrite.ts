// A failed write must never leave a half-written file: write a temporary file beside the target,
// flush it, then rename it over the target (rename is atomic within one file system). What "the target"
// is takes care: a symlink keeps being a link (its target is replaced), a FIFO or device is written to
// directly (renaming over /dev/null would replace it), and a replaced file keeps its permissions.
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  promises as fs,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** An output error naming the file the user gave, never the temporary one; `code` is the system's. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

function outputError(path: string, err: unknown): OutputError {
  if (err instanceof OutputError) return err;
  const e = err as NodeJS.ErrnoException;
  // Node's message ends with the syscall and the path it used (the temporary file): keep the reason only.
  const reason = e.code ? `${e.code}: ${String(e.message).split(',')[0].replace(/^[A-Z]+: /, '')}` : String(err);
  return new OutputError(`${path}: cannot write (${reason})`, e.code);
}

/** Where a write to `path` goes. */
export interface OutputTarget {
  /** The file really written: a symlink resolved to its (possibly not yet existing) target. */
  path: string;
  /** A FIFO, character device or socket: written in place, never renamed over. */
  direct: boolean;
  /** Permission bits of the regular file being replaced, to give the new one. */
  mode?: number;
}

/** Resolves symlinks (also dangling ones, whose target is then created) and says how to write `path`. */
export function resolveOutputTarget(path: string): OutputTarget {
  let target = path;
  for (let hops = 0; ; hops++) {
    let stat;
    try {
      stat = lstatSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path: target, direct: false };
      throw outputError(path, err);
    }
    if (stat.isSymbolicLink()) {
      if (hops >= 40) throw new OutputError(`${path}: cannot write (too many levels of symbolic links)`, 'ELOOP');
      target = resolve(dirname(target), readlinkSync(target));
    } else if (stat.isDirectory()) {
      throw new OutputError(`${path}: is a directory`, 'EISDIR');
    } else if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket()) {
      return { path: target, direct: true };
    } else {
      return { path: target, direct: false, mode: stat.mode & 0o7777 };
    }
  }
}

/** Temporary files being written now, so that a signal handler can remove them (removeTemporaryFilesSync). */
const temporaryFiles = new Set<string>();

/** Removes every temporary file still being written (for SIGINT/SIGTERM handlers, which must not wait). */
export function removeTemporaryFilesSync(): void {
  for (const tmp of temporaryFiles) rmSync(tmp, { force: true });
  temporaryFiles.clear();
}

/** A hidden temporary name beside the target, unique to this process and moment. */
function tempPathFor(path: string): string {
  return join(dirname(path), `${tempPrefixFor(path)}${Date.now().toString(36)}.tmp`);
}
const tempPrefixFor = (path: string) => `.${basename(path)}.${process.pid}.`;

/**
 * Removes the temporary files this process's writes of `path` left: a worker thread stopped while writing it (it
 * shares the process's id) does not remove its own. Call once the thread has stopped.
 */
export function removeUnfinishedWrites(path: string): void {
  let target: string;
  try {
    target = resolveOutputTarget(path).path;
  } catch {
    return; // (no file can be written there: none was begun)
  }
  try {
    for (const name of readdirSync(dirname(target))) if (name.startsWith(tempPrefixFor(target)) && name.endsWith('.tmp')) rmSync(join(dirname(target), name), { force: true });
  } catch {
    // (The folder cannot be read: nothing of ours is in it.)
  }
}

/** The new file's permissions: the replaced file's, or the usual ones (umask applies) for a new file. */
const NEW_FILE_MODE = 0o666;
const WHILE_WRITING_MODE = 0o600;

/** Flushes the directory entry made by the rename, where the system can (not on Windows). */
function fsyncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened or flushed everywhere; the rename itself has happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file being written: write() as often as needed, then commit() (the target is replaced at once) or
 * abort() (the target is untouched). For a FIFO or device writes go straight to it.
 */
export class AtomicOutput {
  private constructor(
    /** The path as the caller gave it, for messages. */
    readonly path: string,
    private readonly target: OutputTarget,
    private handle: fs.FileHandle | undefined,
    private readonly tmp: string | undefined,
  ) {}

  static async open(path: string): Promise<AtomicOutput> {
    const target = resolveOutputTarget(path);
    if (target.direct) {
      try {
        return new AtomicOutput(path, target, await fs.open(target.path, 'w'), undefined);
      } catch (err) {
        throw outputError(path, err);
      }
    }
    const tmp = tempPathFor(target.path);
    temporaryFiles.add(tmp);
    try {
      const handle = await fs.open(tmp, 'wx', target.mode === undefined ? NEW_FILE_MODE : WHILE_WRITING_MODE);
      return new AtomicOutput(path, target, handle, tmp);
    } catch (err) {
      temporaryFiles.delete(tmp);
      throw outputError(path, err);
    }
  }

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      for (let done = 0; done < bytes.length; ) {
        done += (await this.handle!.write(bytes, done, bytes.length - done)).bytesWritten;
      }
    } catch (err) {
      throw outputError(this.path, err);
    }
  }

  async commit(): Promise<void> {
    const handle = this.handle!;
    try {
      if (this.tmp === undefined) {
        this.handle = undefined;
        await handle.close();
        return;
      }
      await handle.sync();
      if (this.target.mode !== undefined) await handle.chmod(this.target.mode);
      this.handle = undefined;
      await handle.close();
      await fs.rename(this.tmp, this.target.path);
      temporaryFiles.delete(this.tmp);
    } catch (err) {
      await this.abort();
      throw outputError(this.path, err);
    }
    fsyncDirSync(dirname(this.target.path));
  }

  /** Closes and removes the temporary file; the target stays as it was. Never throws. */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    if (this.tmp !== undefined) {
      await fs.rm(this.tmp, { force: true }).catch(() => undefined);
      temporaryFiles.delete(this.tmp);
    }
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const out = await AtomicOutput.open(path);
  try {
    await out.write(data);
  } catch (err) {
    await out.abort();
    throw err;
  }
  await out.commit();
}

/**
 * A cache file written whole (its folder made first), and the older files of its kind beside it removed: those whose
 * names start with `prefix` and end with `suffix` (caches made from other inputs, of no more use).
 */
export async function replaceCacheFile(file: string, data: Uint8Array, prefix: string, suffix: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
  for (const name of readdirSync(dirname(file))) {
    if (name.startsWith(prefix) && name.endsWith(suffix) && name !== basename(file)) rmSync(join(dirname(file), name), { force: true });
  }
}

/** writeFileAtomic for when there is no time to await (the extension host shutting down). */
export function writeFileAtomicSync(path: string, data: string): void {
  const target = resolveOutputTarget(path);
  const tmp = target.direct ? undefined : tempPathFor(target.path);
  let fd: number | undefined;
  try {
    if (tmp === undefined) fd = openSync(target.path, 'w');
    else {
      temporaryFiles.add(tmp);
      fd = openSync(tmp, 'wx', target.mode === undefined ? NEW_FILE_MODE : WHILE_WRITING_MODE);
    }
    const bytes = Buffer.from(data, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (tmp !== undefined) {
      fsyncSync(fd);
      if (target.mode !== undefined) fchmodSync(fd, target.mode);
    }
    closeSync(fd);
    fd = undefined;
    if (tmp !== undefined) {
      renameSync(tmp, target.path);
      temporaryFiles.delete(tmp);
      fsyncDirSync(dirname(target.path));
    }
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    if (tmp !== undefined) {
      rmSync(tmp, { force: true });
      temporaryFiles.delete(tmp);
    }
    throw outputError(path, err);
  }
}
