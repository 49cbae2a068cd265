// What the analysis worker thread runs (dist/analysisWorker.js): a few lines that load the worker's bundle
// (analysisWorker.ts, bundled to dist/analysisWorkerMain.js) with V8's code cache, as entry.ts loads the extension's.
// A cold worker compiled its 340 KB at every start, and compiled each function of the analysis again on its first
// call; the cache, made when the worker is idle after it has answered with projects, holds them compiled. It lives in the
// extension's global storage (workerData.codeCacheDir; without it, as in the unit tests, there is none).
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { loadBundle } from '../common/codeCache';

type Worker = typeof import('./analysisWorker');

const cacheDir = (workerData as { codeCacheDir?: string } | null)?.codeCacheDir;
const bundle = loadBundle<Worker>(join(__dirname, 'analysisWorkerMain.js'), cacheDir, require);
const { cache, readMs, compileMs, evaluateMs } = bundle;
// (A cache that cannot be written costs the next start its compile time, nothing else: it is not reported.)
bundle.exports.loadedWith(
  { cache, readMs, compileMs, evaluateMs },
  () => void bundle.saveCache().catch(() => undefined),
  cacheDir && bundle.hash ? { dir: cacheDir, bundleHash: bundle.hash } : undefined,
);
