// Unpacking a zip from elsewhere (a .qdpx) within bounds, so that a hostile file (a zip bomb) is refused
// rather than filling memory: the number of entries, each entry's size and the total are limited; sizes
// are checked as declared in each entry's header and again as the data actually inflates (in small steps,
// so no one step can produce much), and an entry whose data is not the size it declared is refused too.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export interface UnzipLimits {
  maxEntries: number;
  /** Bytes of one entry, unpacked. */
  maxEntryBytes: number;
  /** Bytes of all entries, unpacked. */
  maxTotalBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** A zip refused, with the reason; nothing of it was used. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const MiB = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`);
/** Compressed bytes given to the inflater at a time: deflate expands at most ~1032×, so ≤ 4 MiB per step. */
const STEP = 4096;

/** Whether the bytes begin like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The entries of the zip (name → bytes; folders left out). Throws ZipError with the reason. */
export function unzipBounded(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): Map<string, Uint8Array> {
  const { maxEntries, maxEntryBytes, maxTotalBytes } = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  if (!looksLikeZip(bytes)) throw new ZipError('not a zip file');
  if (!hasEndRecord(bytes)) throw new ZipError('not a complete zip file (its end record is missing: cut short?)');
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  let unfinished = 0;
  let failure: ZipError | undefined;
  const fail = (message: string) => {
    failure ??= new ZipError(message);
    throw failure;
  };
  const unzip = new Unzip((file: UnzipFile) => {
    if (++count > maxEntries) fail(`it holds more than ${maxEntries} entries`);
    const declared = file.originalSize;
    if (declared !== undefined && declared > maxEntryBytes) {
      fail(`${file.name} declares ${MiB(declared)} unpacked, more than the ${MiB(maxEntryBytes)} allowed for one entry`);
    }
    if (file.compression !== 0 && file.compression !== 8) fail(`${file.name} uses compression method ${file.compression} (only stored and deflate are read)`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished++;
    file.ondata = (err, data, final) => {
      if (err) fail(`${file.name}: ${err.message}`);
      size += data.length;
      total += data.length;
      if (size > maxEntryBytes) fail(`${file.name} unpacks to more than the ${MiB(maxEntryBytes)} allowed for one entry`);
      if (declared !== undefined && size > declared) fail(`${file.name} unpacks to more than the ${declared} bytes it declares`);
      if (total > maxTotalBytes) fail(`it unpacks to more than the ${MiB(maxTotalBytes)} allowed in all`);
      chunks.push(data);
      if (!final) return;
      if (declared !== undefined && size !== declared) fail(`${file.name} holds ${size} bytes but declares ${declared}`);
      unfinished--;
      if (!file.name.endsWith('/')) entries.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (err) {
    if (failure) throw failure;
    throw new ZipError(`not a readable zip file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (failure) throw failure;
  if (unfinished > 0) throw new ZipError('not a complete zip file (an entry is cut short)');
  return entries;
}

/** The end of central directory record (PK 5 6) within the last 64 KiB + 22 bytes, where every zip has it. */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
