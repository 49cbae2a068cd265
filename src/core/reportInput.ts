// Reading a report from a file or bytes: reject what is not a text report with a message a user can act on.
import { promises as fs } from 'node:fs';
import { stripBom } from './bom';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** Larger texts are refused: no government report comes near this, and analysis time grows with size. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** Decodes UTF-8 (BOM dropped). Throws ReportInputError for empty, binary, non-UTF-8 or huge input. */
export function decodeReport(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length === 0) throw new ReportInputError(`${name}: the file is empty`);
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportInputError(
      `${name}: the file is ${(bytes.length / 1048576).toFixed(1)} MiB; reports larger than ${MAX_REPORT_BYTES / 1048576} MiB are not analysed`,
    );
  }
  const probe = bytes.subarray(0, 65536);
  if (looksLikeUtf16(probe)) {
    throw new ReportInputError(
      `${name}: the file is UTF-16 text, not UTF-8; convert it first (e.g. iconv -f UTF-16 -t UTF-8 ${name} > ${utf8Name(name)})`,
    );
  }
  if (probe.includes(0)) throw new ReportInputError(`${name}: the file is binary (it contains NUL bytes), not a text report`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportInputError(`${name}: the file is not valid UTF-8 text; convert it to UTF-8 first (e.g. iconv -f GB18030 -t UTF-8)`);
  }
  text = stripBom(text);
  if (text.trim() === '') throw new ReportInputError(`${name}: the file holds only white space`);
  return text;
}

/**
 * UTF-16 by its byte order mark (FF FE, FE FF), or by NUL bytes nearly all on one side of the byte pairs
 * (the high bytes of ASCII and line breaks in UTF-16 without a mark).
 */
function looksLikeUtf16(probe: Uint8Array): boolean {
  if (probe.length >= 2 && ((probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff))) return true;
  const nuls = [0, 0];
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) nuls[i & 1]++;
  const [more, fewer] = nuls[0] > nuls[1] ? [nuls[0], nuls[1]] : [nuls[1], nuls[0]];
  return more >= 4 && more >= probe.length / 16 && fewer <= more / 10;
}

function utf8Name(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') + 1 ? `${name.slice(0, dot)}.utf8${name.slice(dot)}` : `${name}.utf8.txt`;
}

/** What readReportFile read: the text, and the file's identity (device and inode) to compare with others. */
export interface ReportFile {
  text: string;
  dev: number;
  ino: number;
}

const CHUNK = 1024 * 1024;

/**
 * Reads and decodes the report at `path` (decodeReport), never more than MAX_REPORT_BYTES + 1 bytes: a
 * regular file's size is checked before reading, and a device or pipe (/dev/zero) is read in chunks
 * until the limit is passed. Throws ReportInputError naming `path`. Asynchronous, so that a process
 * waiting on a pipe still answers signals.
 */
export async function readReportFile(path: string): Promise<ReportFile> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (err) {
    throw cannotRead(path, err);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ReportInputError(`${path}: is a directory, not a report`);
    if (stat.isFile() && stat.size > MAX_REPORT_BYTES) throw tooLarge(path, `is ${(stat.size / 1048576).toFixed(1)} MiB`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, MAX_REPORT_BYTES + 1 - total));
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(chunk, 0, chunk.length, null));
      } catch (err) {
        throw cannotRead(path, err);
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_REPORT_BYTES) throw tooLarge(path, `holds more than ${MAX_REPORT_BYTES / 1048576} MiB`);
    }
    return { text: decodeReport(Buffer.concat(chunks, total), path), dev: stat.dev, ino: stat.ino };
  } finally {
    await handle.close();
  }
}

function tooLarge(path: string, what: string): ReportInputError {
  return new ReportInputError(`${path}: the file ${what}; reports larger than ${MAX_REPORT_BYTES / 1048576} MiB are not analysed`);
}

function cannotRead(path: string, err: unknown): ReportInputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReportInputError(`${path}: no such file`);
  if (code === 'EISDIR') return new ReportInputError(`${path}: is a directory, not a report`);
  return new ReportInputError(`${path}: cannot read (${code ?? String(err)})`);
}
