// The analysis worker (dist/analysisWorker.js, the bundle the extension runs): nothing waits for the word
// segmenter. The first analysis comes at once without projects (pending); the segmenter loads when the
// worker is idle and says so; the next analysis has the projects. A `complete` request loads it first.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { corpusText, REPO_ROOT } from './corpus';

type Message = { id?: number; type?: string; analysis?: { projects: unknown[]; figures: unknown[]; segmentation: { available: boolean; pending?: boolean } }; loadMs?: number };

function worker(): { post(m: object): void; next(pred: (m: Message) => boolean): Promise<Message>; stop(): Promise<number> } {
  const w = new Worker(join(REPO_ROOT, 'dist', 'analysisWorker.js'));
  const seen: Message[] = [];
  const waiting: { pred: (m: Message) => boolean; resolve(m: Message): void }[] = [];
  w.on('message', (m: Message) => {
    const i = waiting.findIndex((x) => x.pred(m));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
    else seen.push(m);
  });
  return {
    post: (m) => w.postMessage(m),
    next: (pred) => {
      const i = seen.findIndex(pred);
      if (i >= 0) return Promise.resolve(seen.splice(i, 1)[0]);
      return new Promise((resolve) => waiting.push({ pred, resolve }));
    },
    stop: () => w.terminate(),
  };
}

describe('analysis worker', () => {
  const text = corpusText('002_395ec08d707c8053.txt');

  test('first results at once, projects pending; the segmenter loads when idle; then projects', async () => {
    const w = worker();
    try {
      const t0 = performance.now();
      w.post({ type: 'analyze', id: 1, key: 'a', text });
      const first = await w.next((m) => m.id === 1);
      const firstMs = performance.now() - t0;
      assert.equal(first.analysis!.segmentation.pending, true);
      assert.equal(first.analysis!.projects.length, 0);
      assert.ok(first.analysis!.figures.length > 100, 'figures at once');
      const ready = await w.next((m) => m.type === 'segmenterReady');
      w.post({ type: 'analyze', id: 2, key: 'a', text });
      const second = await w.next((m) => m.id === 2);
      assert.equal(second.analysis!.segmentation.available, true);
      assert.ok(second.analysis!.projects.length > 10, 'projects follow');
      console.log(`    first results ${firstMs.toFixed(0)} ms after the request (a cold worker); segmenter loaded in ${ready.loadMs!.toFixed(0)} ms after that`);
    } finally {
      await w.stop();
    }
  });

  test('a complete request (an export) loads the segmenter first and has the projects', async () => {
    const w = worker();
    try {
      w.post({ type: 'analyze', id: 1, text, complete: true });
      const done = await w.next((m) => m.id === 1);
      assert.equal(done.analysis!.segmentation.available, true);
      assert.ok(done.analysis!.projects.length > 10);
    } finally {
      await w.stop();
    }
  });
});
