// What the corpus window's suites share: the corpus part of the extension's API, the host's event-loop delay around
// a piece of work, and the wait for the index that each suite starts with.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extensionApi } from '../suite/helpers';

export const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function corpus() {
  return (await extensionApi()).corpus;
}

/** Runs `work` while sampling the host's event-loop delay; prints p50/p99/max. */
export async function withLoopDelay<T>(label: string, work: () => Promise<T>): Promise<T> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    return await work();
  } finally {
    h.disable();
    console.log(`      [numbers] ${label}: event-loop delay p50 ${(h.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms, max ${(h.max / 1e6).toFixed(1)} ms`);
  }
}
