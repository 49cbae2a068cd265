// The corpus worker (dist/corpusWorker.js, the bundle the extension runs) while the editor analyses a report: with
// the foreground mark set it reads its words and analyses nothing (common/foreground.ts); once the mark goes it
// indexes every report, those read at once sharing one load of the words, with their projects.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { analyzeText } from '../../src/core/analyze';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import type { CorpusResponse, FileResult } from '../../src/extension/corpus/corpusProtocol';
import { CORPUS_DIR, corpusText, REPO_ROOT } from './corpus';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const REPORTS = ['000_1e31b28fa2d96c08.txt', '002_395ec08d707c8053.txt', 'national-2016.txt'];

test('the corpus worker waits while the editor analyses a report, then indexes every report with its projects', async () => {
  const busy = new SharedArrayBuffer(4);
  const flag = new Int32Array(busy);
  Atomics.store(flag, 0, 1);
  const worker = new Worker(join(REPO_ROOT, 'dist', 'corpusWorker.js'), { workerData: { foreground: busy } });
  const results: FileResult[] = [];
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: CorpusResponse) => {
      if (m.type === 'results') results.push(...m.results);
      if (m.type === 'error') reject(new Error(m.error));
      if (m.type === 'done') resolve();
    });
  });
  try {
    const files = REPORTS.map((name) => ({ key: name, path: join(CORPUS_DIR, name) }));
    worker.postMessage({ type: 'index', id: 1, files, writeCache: false, everyNonReport: false });
    // (Without the mark the first results came after about 0.6 s here. With it, the words' reading waits up to 3 s
    // in all, and each report up to 3 s more: nothing comes this soon.)
    await sleep(1500);
    assert.equal(results.length, 0, 'nothing analysed while the mark is set');
    Atomics.store(flag, 0, 0);
    Atomics.notify(flag, 0);
    await done;
  } finally {
    await worker.terminate();
  }
  assert.deepEqual(
    results.map((r) => r.key),
    REPORTS,
    'every report, in order',
  );
  const segmenter = loadJiebaSegmenter();
  for (const [i, r] of results.entries()) {
    assert.ok('summary' in r, `${r.key}: ${JSON.stringify(r)}`);
    const expected = analyzeText(corpusText(REPORTS[i]), { segmenter });
    assert.equal(r.summary.counts.projects, expected.projects.length, `${r.key}: the projects, as the analysis finds them`);
    assert.equal(r.summary.counts.figures, expected.figures.length, `${r.key}: the figures`);
  }
});
