// The mark the corpus worker reads before analysing a report (src/extension/common/foreground.ts): set while the
// editor's requests are in flight (and while its worker, asked for a report, still starts), and a moment after; waited on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForegroundRequests, whileForegroundBusy } from '../../src/extension/common/foreground';

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
