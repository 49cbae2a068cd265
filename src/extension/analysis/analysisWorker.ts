// The analysis worker thread (bundled to dist/analysisWorker.js). Analysis is synchronous CPU work and
// nodejieba takes about a second to load its dictionaries, so both run here, off the extension host's
// thread. Requests are answered in order; one AnalysisCache per document keeps re-analysis incremental.
import { parentPort } from 'node:worker_threads';
import { AnalysisCache, analyzeText } from '../../core/analyze';
import { loadJiebaSegmenter, type Segmenter } from '../../core/segmenter';
import { errorMessage } from '../../core/text';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

let segmenter: { value?: Segmenter; error?: string } | undefined;
const caches = new Map<string, AnalysisCache>();

/** Loads nodejieba on the first request only; a failure is remembered and reported with every analysis. */
function ensureSegmenter(): number | undefined {
  if (segmenter) return undefined;
  const t0 = performance.now();
  try {
    segmenter = { value: loadJiebaSegmenter() };
  } catch (err) {
    segmenter = { error: errorMessage(err) };
  }
  return performance.now() - t0;
}

function handle(request: WorkerRequest): WorkerResponse | undefined {
  if (request.type === 'forget') {
    caches.delete(request.key);
    return undefined;
  }
  try {
    const segmenterLoadMs = ensureSegmenter();
    let cache = request.key === undefined ? new AnalysisCache() : caches.get(request.key);
    if (!cache) caches.set(request.key!, (cache = new AnalysisCache()));
    const [hits, misses] = [cache.hits, cache.misses];
    const t0 = performance.now();
    const analysis = analyzeText(request.text, { segmenter: segmenter?.value, segmenterError: segmenter?.error, cache });
    const stats = {
      analyzeMs: performance.now() - t0,
      segmenterLoadMs,
      cacheHits: cache.hits - hits,
      cacheMisses: cache.misses - misses,
    };
    return { id: request.id, analysis, stats };
  } catch (err) {
    return { id: request.id, error: (err instanceof Error && err.stack) || errorMessage(err) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  const response = handle(request);
  if (response) parentPort!.postMessage(response);
});
