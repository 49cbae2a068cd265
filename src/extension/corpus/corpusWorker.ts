// The corpus worker thread (bundled to dist/corpusWorker.js): reads the workspace's candidate files, keeps
// the reports (detected by their beginning, as the editor does), and summarises each from the on-disk cache
// or by analysing it, so the extension host only ever holds small summaries and never blocks. Results are
// sent in batches; a run checks for cancellation between files. (Find in reports has a worker of its own: findWorker.ts.)
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeText } from '../../core/analyze';
import { cachedSummaryJson, parseCachedSummary, summarize, SUMMARY_VERSION } from '../../core/corpus/summary';
import { HEAD_CHARS, looksLikeReport } from '../../core/detection';
import { loadIndicatorTable, type IndicatorTable } from '../../core/indicators';
import { decodeReport, MAX_REPORT_BYTES } from '../../core/reportInput';
import { loadLexiconInSteps, prepareLexicon } from '../../core/projectLexicon';
import { loadJiebaSegmenter, type Segmenter } from '../../core/segmenter';
import { errorMessage } from '../../core/text';
import { SIDECAR_SUFFIX } from '../../core/annotationFiles';
import { FOREGROUND_WAIT_MS, foregroundPause, whileForegroundBusy } from '../common/foreground';
import type { CorpusRequest, CorpusResponse, FileRef, FileResult } from './corpusProtocol';


/** The analyser's version: this bundle's own bytes (any change to the analysis changes them) and the summary's shape. */
const ANALYSER_VERSION = createHash('sha256')
  .update(`${SUMMARY_VERSION}|`)
  .update(readFileSync(__filename))
  .digest('hex')
  .slice(0, 16);
const cancelled = new Set<number>();
/** Set while the editor analyses the reports in front of the user (common/foreground.ts). */
const foreground = (workerData as { foreground?: SharedArrayBuffer } | null)?.foreground;
let segmenter: Promise<{ value?: Segmenter; error?: string }> | undefined;
/** Users' indicator entries as a table (undefined: the shipped one), and the suffix of cache entries made with them. */
let indicators: { table: IndicatorTable; suffix: string } | undefined;

const post = (m: CorpusResponse) => parentPort!.postMessage(m);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The segmenter, with the project scan's words read a step at a time (about 10 ms each) as the analysis worker reads
 * them, waiting between steps while the editor analyses the report in front of the user: read in one piece, they took
 * the second core for 0.3 s or more whenever a report was opened meanwhile.
 */
function loadSegmenter(): Promise<{ value?: Segmenter; error?: string }> {
  segmenter ??= (async () => {
    // (Where the dictionary cannot be read, prepareLexicon below falls back as it did: the segmenter's own words.)
    // (One limit for all the steps, as for a report: typing for minutes must not stop the index.)
    const end = performance.now() + FOREGROUND_WAIT_MS;
    await loadLexiconInSteps(async () => {
      await whileForegroundBusy(foreground, end);
      await tick();
    }).catch(() => undefined);
    try {
      const value = loadJiebaSegmenter();
      prepareLexicon(value);
      return { value };
    } catch (err) {
      return { error: errorMessage(err) };
    }
  })();
  return segmenter;
}

/** The text of a report file, or undefined when it is not one (by extension or by its beginning). */
async function reportText(path: string, cache: Cache | undefined): Promise<string | undefined> {
  const stat = await fs.stat(path);
  if (!stat.isFile()) return undefined;
  // A file found not to be a report, unchanged since (size and time), is not read again.
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  if (cache?.nonReports.get(path) === stamp) {
    cache.seen.set(path, stamp);
    return undefined;
  }
  if (stat.size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES / 1048576} MB`);
  if (!path.endsWith('.govreport')) {
    // Only the beginning decides: a folder of 5,000 text files is read 16 KB at a time.
    const handle = await fs.open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_CHARS * 4);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').slice(0, HEAD_CHARS);
      if (!looksLikeReport(head)) {
        cache?.seen.set(path, stamp);
        return undefined;
      }
    } finally {
      await handle.close();
    }
  }
  return decodeReport(await fs.readFile(path), path);
}

/** Tag → number of annotations carrying it, from the report's sidecar (none, or an unreadable one: {}). */
async function sidecarTags(path: string): Promise<Record<string, number>> {
  const tags: Record<string, number> = {};
  try {
    const json = JSON.parse(await fs.readFile(path + SIDECAR_SUFFIX, 'utf8')) as { annotations?: { tags?: unknown }[] };
    for (const a of json.annotations ?? []) {
      if (Array.isArray(a?.tags)) for (const t of a.tags) if (typeof t === 'string') tags[t] = (tags[t] ?? 0) + 1;
    }
  } catch {
    // no sidecar, or one the annotation manager will report when the report is opened
  }
  return tags;
}

interface Cache {
  dir: string;
  write: boolean;
  dropped: number;
  /** Files that are not reports, path → size:mtime, as the last run found them. */
  nonReports: Map<string, string>;
  /** What this run found. */
  seen: Map<string, string>;
}

const NON_REPORTS = 'non-reports.json';
/** Files being read at once in a run. */
const READ_AHEAD = 8;

async function fromCache(cache: Cache | undefined, hash: string) {
  if (!cache) return undefined;
  const file = join(cache.dir, `${hash}${indicators?.suffix ?? ''}.json`);
  let json: string;
  try {
    json = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  const summary = parseCachedSummary(parsed, hash);
  if (!summary) {
    // A corrupted or foreign entry: dropped, and the report analysed again.
    cache.dropped++;
    await fs.rm(file, { force: true });
  }
  return summary;
}

async function toCache(cache: Cache | undefined, summary: ReturnType<typeof summarize>): Promise<void> {
  if (!cache?.write) return;
  const file = join(cache.dir, `${summary.hash}${indicators?.suffix ?? ''}.json`);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, cachedSummaryJson(summary));
  await fs.rename(tmp, file);
}

async function indexFile(file: FileRef, cache: Cache | undefined): Promise<FileResult> {
  const t0 = performance.now();
  let text: string | undefined;
  try {
    text = await reportText(file.path, cache);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { key: file.key, skipped: true };
    return { key: file.key, error: errorMessage(err) };
  }
  if (text === undefined) return { key: file.key, skipped: true };
  if (text.trim() === '') return { key: file.key, error: 'the report is empty' };
  try {
    const hash = createHash('sha256').update(text).digest('hex');
    const cached = await fromCache(cache, hash);
    if (cached) return { key: file.key, summary: cached, tags: await sidecarTags(file.path), cached: true, ms: performance.now() - t0 };
    const seg = await loadSegmenter();
    await whileForegroundBusy(foreground); // (the report in front of the user first)
    const beforeParagraph = foregroundPause(foreground); // (and a report begun meanwhile, at its next paragraph)
    const summary = summarize(hash, text, analyzeText(text, { segmenter: seg.value, segmenterError: seg.error, indicators: indicators?.table, beforeParagraph }));
    await toCache(cache, summary).catch(() => undefined); // a cache that cannot be written only costs time
    // (The tags read last: the analysis may have waited for the editor's, while the user tagged the report.)
    return { key: file.key, summary, tags: await sidecarTags(file.path), cached: false, ms: performance.now() - t0 };
  } catch (err) {
    return { key: file.key, error: errorMessage(err).split('\n')[0] };
  }
}

async function prepareCache(cacheDir: string | undefined, write: boolean): Promise<Cache | undefined> {
  if (!cacheDir) return undefined;
  const dir = join(cacheDir, ANALYSER_VERSION);
  if (write) {
    await fs.mkdir(dir, { recursive: true });
    // Entries of other analyser versions are never read again.
    for (const name of await fs.readdir(cacheDir).catch(() => [] as string[])) {
      if (name !== ANALYSER_VERSION && /^[0-9a-f]{16}$/.test(name)) await fs.rm(join(cacheDir, name), { recursive: true, force: true });
    }
  }
  let nonReports = new Map<string, string>();
  try {
    nonReports = new Map(Object.entries(JSON.parse(await fs.readFile(join(dir, NON_REPORTS), 'utf8')) as Record<string, string>));
  } catch {
    // none yet, or unreadable: every file is looked at
  }
  return { dir, write, dropped: 0, nonReports, seen: new Map() };
}

async function index(request: Extract<CorpusRequest, { type: 'index' }>): Promise<void> {
  const cache = await prepareCache(request.cacheDir, request.writeCache).catch(() => undefined);
  const total = request.files.length;
  let batch: FileResult[] = [];
  let last = performance.now();
  // A few files are read ahead while one is analysed or its cache entry read: most of a run from the cache
  // is waiting for the disk. Results still go out in order.
  const ahead: Promise<FileResult>[] = [];
  let started = 0;
  for (let i = 0; i < total; i++) {
    if (cancelled.has(request.id)) break;
    while (ahead.length < READ_AHEAD && started < total) ahead.push(indexFile(request.files[started++], cache));
    batch.push(await ahead.shift()!);
    // Batches of about 50 ms: few messages for the host, and the progress moves smoothly.
    if (performance.now() - last > 50 || i === total - 1) {
      post({ type: 'results', id: request.id, results: batch, done: i + 1, total });
      batch = [];
      last = performance.now();
    }
    await tick(); // lets a cancel message in
  }
  if (batch.length) post({ type: 'results', id: request.id, results: batch, done: total, total });
  if (cache?.write && request.everyNonReport) {
    await fs.writeFile(join(cache.dir, NON_REPORTS), JSON.stringify(Object.fromEntries(cache.seen))).catch(() => undefined);
  }
  post({ type: 'done', id: request.id, cancelled: cancelled.delete(request.id), droppedCacheEntries: cache?.dropped ?? 0 });
}

parentPort?.on('message', (request: CorpusRequest) => {
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  if (request.type === 'indicators') {
    // Validated by the host; each set of entries has cache entries of its own.
    const suffix = `-${createHash('sha256').update(JSON.stringify(request.entries)).digest('hex').slice(0, 12)}`;
    indicators = request.entries.length > 0 ? { table: loadIndicatorTable(...request.entries), suffix } : undefined;
    return;
  }
  if (request.type !== 'index') return; // (a search goes to a worker of its own: findWorker.ts)
  index(request).catch((err: unknown) => post({ type: 'error', id: request.id, error: errorMessage(err) }));
});
