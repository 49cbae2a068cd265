// The analysis worker thread (bundled to dist/analysisWorker.js). Analysis is synchronous CPU work and
// the project scan's word list takes a third of a second to read, so both run here, off the extension host's
// thread. Requests are answered in order; one AnalysisCache per document keeps re-analysis incremental.
// Nothing waits for the segmenter: until it has loaded, analyses come without projects (marked pending),
// and it loads when the worker is idle; then the host is told, and asks again for the projects.
import { parentPort } from 'node:worker_threads';
import { AnalysisCache, analyzeText } from '../../core/analyze';
import { diffAnalysis } from '../../core/analysisPatch';
import type { DocumentAnalysis } from '../../core/types';
import { loadIndicatorTable, type IndicatorTable } from '../../core/indicators';
import { prepareLexicon } from '../../core/projectLexicon';
import { loadJiebaSegmenter, type Segmenter } from '../../core/segmenter';
import { errorMessage } from '../../core/text';
import type { SegmenterReady, WorkerRequest, WorkerResponse } from './workerProtocol';

let segmenter: { value?: Segmenter; error?: string } | undefined;
let loading: ReturnType<typeof setTimeout> | undefined;
const caches = new Map<string, AnalysisCache>();
/** The last analysis sent for each document, numbered, for the patch of the next one. */
const sent = new Map<string, { seq: number; text: string; analysis: DocumentAnalysis }>();
let nextSeq = 1;
/** The shipped table with users' entries (undefined: the shipped one). */
let indicators: IndicatorTable | undefined;

/** Loads the segmenter and the project scan's words now (once) and tells the host. */
function loadSegmenter(): void {
  clearTimeout(loading);
  if (segmenter) return;
  const t0 = performance.now();
  try {
    segmenter = { value: loadJiebaSegmenter() };
    prepareLexicon(segmenter.value);
  } catch (err) {
    segmenter = { error: errorMessage(err) };
  }
  const ready: SegmenterReady = { type: 'segmenterReady', loadMs: performance.now() - t0, ...(segmenter.error && { error: segmenter.error }) };
  parentPort?.postMessage(ready);
}

/** Loads them once the queue is quiet (a request that arrives first is answered first). */
function loadSegmenterSoon(): void {
  if (!segmenter && !loading) loading = setTimeout(loadSegmenter, 20);
}

function handle(request: WorkerRequest): WorkerResponse | undefined {
  if (request.type === 'forget') {
    caches.delete(request.key);
    sent.delete(request.key);
    return undefined;
  }
  if (request.type === 'warmUp') {
    loadSegmenterSoon();
    return undefined;
  }
  if (request.type === 'indicators') {
    indicators = request.entries.length > 0 ? loadIndicatorTable(...request.entries) : undefined;
    caches.clear();
    sent.clear();
    return undefined;
  }
  try {
    if (request.complete) loadSegmenter();
    let cache = request.key === undefined ? new AnalysisCache() : caches.get(request.key);
    if (!cache) caches.set(request.key!, (cache = new AnalysisCache()));
    const [hits, misses] = [cache.hits, cache.misses];
    const t0 = performance.now();
    const analysis = analyzeText(request.text, { segmenter: segmenter?.value, segmenterError: segmenter?.error, cache, indicators });
    if (!segmenter) {
      analysis.segmentation = { available: false, pending: true, error: 'the word segmenter is loading' };
      loadSegmenterSoon();
    }
    const stats = { analyzeMs: performance.now() - t0, cacheHits: cache.hits - hits, cacheMisses: cache.misses - misses };
    if (request.key === undefined) return { id: request.id, analysis, stats };
    // Only what changed crosses to the host, when it holds the analysis this one is compared with.
    const previous = sent.get(request.key);
    const seq = nextSeq++;
    sent.set(request.key, { seq, text: request.text, analysis });
    if (previous && previous.seq === request.base) {
      const patch = diffAnalysis(previous.analysis, analysis, previous.text, request.text);
      return { id: request.id, seq, base: previous.seq, patch, stats: { ...stats, diffMs: performance.now() - t0 - stats.analyzeMs } };
    }
    return { id: request.id, seq, analysis, stats };
  } catch (err) {
    return { id: request.id, error: (err instanceof Error && err.stack) || errorMessage(err) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  const response = handle(request);
  if (response) parentPort!.postMessage(response);
});
