// The mark the corpus worker reads before analysing a report (src/extension/common/foreground.ts): set while the
// editor's requests are in flight (and while its worker, asked for a report, still starts), and a moment after; waited on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { AnalysisCache, analyzeText } from '../../src/core/analyze';
import { ForegroundRequests, foregroundPause, whileForegroundBusy } from '../../src/extension/common/foreground';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const request = () => ({ rejected: undefined as unknown, reject(err: unknown) { this.rejected = err; } });

test('set while a request is in flight, and while the worker asked for one still starts, until a moment after; a waiter goes on then', async () => {
  const pending = new ForegroundRequests<ReturnType<typeof request>>();
  const busy = new Int32Array(pending.busy);
  assert.equal(Atomics.load(busy, 0), 0, 'nothing yet');
  pending.starting(true);
  assert.equal(Atomics.load(busy, 0), 0, 'a worker that starts with no report asked for is no reason to wait');
  pending.set(1, request());
  pending.set(2, request());
  pending.delete(1);
  pending.delete(2);
  await sleep(400);
  assert.equal(Atomics.load(busy, 0), 1, 'answered, but the worker is still loading its words');
  pending.set(3, request());
  pending.starting(false);
  await sleep(400);
  assert.equal(Atomics.load(busy, 0), 1, 'loaded, but one still in flight');
  pending.delete(3);
  assert.equal(Atomics.load(busy, 0), 1, 'the quiet moment after the last answer');
  await whileForegroundBusy(pending.busy);
  assert.equal(Atomics.load(busy, 0), 0, 'the waiter went on when the mark went');
  await whileForegroundBusy(undefined); // (no mark: a corpus worker started without one)
});

test('a lost worker rejects what was in flight and leaves no mark', async () => {
  const pending = new ForegroundRequests<ReturnType<typeof request>>();
  const busy = new Int32Array(pending.busy);
  const r = request();
  pending.starting(true);
  pending.set(1, r);
  pending.rejectAll(new Error('lost'));
  assert.equal((r.rejected as Error).message, 'lost');
  assert.equal(pending.size, 0);
  await whileForegroundBusy(pending.busy);
  assert.equal(Atomics.load(busy, 0), 0);
});

test('a report begun in the background pauses at its next paragraph while the mark is set, and goes on when it goes', async () => {
  const busy = new SharedArrayBuffer(4);
  const flag = new Int32Array(busy);
  Atomics.store(flag, 0, 1);
  // Another thread clears the mark (as the service's timer does): the pause returns then, not at its limit.
  const clearer = new Worker(
    `const { workerData } = require('node:worker_threads'); const f = new Int32Array(workerData);
     setTimeout(() => { Atomics.store(f, 0, 0); Atomics.notify(f, 0); }, 50);`,
    { eval: true, workerData: busy },
  );
  assert.equal(foregroundPause(busy, 5000)!(), true, 'it went on because the mark went');
  await clearer.terminate();
  // A mark that stays: the report goes on when its time to pause is spent, and does not pause again.
  Atomics.store(flag, 0, 1);
  const pause = foregroundPause(busy, 30)!;
  assert.equal(pause(), false, 'its time was spent');
  assert.equal(pause(), false, 'spent already: no pause');
  Atomics.store(flag, 0, 0);
  assert.equal(pause(), true, 'no mark: on at once');
  assert.equal(foregroundPause(undefined), undefined, 'no mark to look at: nothing to pause for');
});

test('the analysis asks before each paragraph it analyses, not before those from its cache', () => {
  const text = ['2024年政府工作报告', '一、工作回顾', '全年地区生产总值增长5.2%。', '城镇新增就业1312人。', '二、今年安排'].join('\n');
  let asked = 0;
  const cache = new AnalysisCache();
  const first = analyzeText(text, { cache, beforeParagraph: () => asked++ });
  assert.ok(first.paragraphs.length >= 2);
  assert.equal(asked, first.paragraphs.length);
  analyzeText(text, { cache, beforeParagraph: () => asked++ });
  assert.equal(asked, first.paragraphs.length, 'the second time every paragraph came from the cache');
});
