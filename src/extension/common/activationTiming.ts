// What activation costs, split into what the extension does and what VS Code does in between.
//
// Ours: VS Code loading the small entry bundle (dist/extension.js, from VS Code's own marks
// code/extHost/willLoadExtensionCode and didLoadExtensionCode around its require; the entry's banner and footer give
// its evaluation alone, where there are no marks), then, in its activate(), loading the extension's bundle (read, compiled with V8's code
// cache, evaluated: common/codeCache) and activate() itself, area by area.
// VS Code's: from the end of loading the entry to the call of activate() (it makes the extension context, its
// storage, and serves whatever else is queued on the extension host). Shown apart, not counted as ours.
import type { BundleTimes, CodeCacheUse } from './codeCache';

/** A mark of VS Code's extension host (vs/base/common/performance: epoch milliseconds). */
interface PerformanceMark {
  name: string;
  startTime: number;
}

type CpuReader = (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage;
const threadCpu = typeof process === 'object' ? (process as { threadCpuUsage?: CpuReader }).threadCpuUsage?.bind(process) : undefined;

/**
 * The CPU time of this thread (Node 23.9 and later), else of the whole process (its other threads too: the
 * collector's and compiler's helpers, and whatever else shares the extension host), and which of the two it is.
 */
export function cpuUsage(previous?: NodeJS.CpuUsage): { usage: NodeJS.CpuUsage; of: 'thread' | 'process' } {
  return threadCpu ? { usage: threadCpu(previous), of: 'thread' } : { usage: process.cpuUsage(previous), of: 'process' };
}

/** How the entry loaded the extension's bundle (common/codeCache), measured from the start of its activate(). */
export interface BundleLoad extends BundleTimes {
  /** performance.now() and the CPU time (cpuUsage) at the start of the entry's activate(). */
  start: number;
  cpu: NodeJS.CpuUsage;
}

export interface ActivationTimes {
  /** Loading both bundles plus activate(): the time the extension itself takes (ms). */
  ownMs: number;
  /** From VS Code starting to load the entry to the end of activate(), VS Code's time in between included (ms). */
  totalMs: number;
  /**
   * CPU time (user + system, ms) of the entry's activate(): loading the bundle and activating it. On a machine whose
   * cores are shared it says what the work costs without the waiting. `cpuOf`: of this thread, or of the process.
   */
  cpuMs: number;
  cpuOf: 'thread' | 'process';
  /** Whether the bundle was compiled from V8's code cache (`used`), or without one (`absent`, `rejected`, `off`). */
  codeCache: CodeCacheUse;
  /**
   * The parts: `load` (VS Code loading the entry), `read`, `compile` and `evaluate` (the extension's bundle), each
   * area's registration, `activate` (all of activate()), and `VS Code until activate`,
   * which is not ours. All in ms.
   */
  steps: Record<string, number>;
}

/** VS Code's marks around loading this extension's code, epoch ms; undefined where the host keeps none. */
function loadMarks(extensionId: string): { willLoad: number; didLoad: number } | undefined {
  const g = globalThis as { MonacoPerformanceMarks?: { getMarks?: () => PerformanceMark[] } };
  let marks: PerformanceMark[] | undefined;
  try {
    marks = g.MonacoPerformanceMarks?.getMarks?.();
    // VS Code for the Web's extension host uses the standard User Timing marks (relative to timeOrigin).
    marks ??= performance.getEntriesByType?.('mark').map((m) => ({ name: m.name, startTime: performance.timeOrigin + m.startTime }));
  } catch {
    return undefined;
  }
  const find = (what: string) => marks?.find((m) => m.name.toLowerCase() === `code/exthost/${what}/${extensionId}`.toLowerCase())?.startTime;
  const willLoad = find('willLoadExtensionCode');
  const didLoad = find('didLoadExtensionCode');
  return willLoad !== undefined && didLoad !== undefined && didLoad >= willLoad ? { willLoad, didLoad } : undefined;
}

/** Made first thing in the extension's activate(); `step` times each area's registration; `finish` at its end. */
export class ActivationTiming {
  private readonly loadMs: number;
  private readonly vscodeMs: number;
  private readonly registered: Record<string, number> = {};

  constructor(
    extensionId: string,
    private readonly bundle: BundleLoad,
  ) {
    const g = globalThis as { __reportAnnotatorLoadStart?: number; __reportAnnotatorLoadEnd?: number };
    const evaluateStart = g.__reportAnnotatorLoadStart ?? bundle.start;
    const evaluateEnd = g.__reportAnnotatorLoadEnd ?? evaluateStart;
    const marks = loadMarks(extensionId);
    if (marks) {
      // Epoch milliseconds: whole milliseconds, so never less than the evaluation measured inside them.
      this.loadMs = Math.max(marks.didLoad - marks.willLoad, evaluateEnd - evaluateStart);
      this.vscodeMs = Math.max(0, Date.now() - (performance.now() - bundle.start) - marks.didLoad);
    } else {
      this.loadMs = evaluateEnd - evaluateStart;
      this.vscodeMs = bundle.start - evaluateEnd;
    }
  }

  step<T>(name: string, register: () => T): T {
    const t0 = performance.now();
    try {
      return register();
    } finally {
      this.registered[name] = performance.now() - t0;
    }
  }

  finish(): ActivationTimes {
    const b = this.bundle;
    const sinceEntry = performance.now() - b.start;
    const bundleMs = b.readMs + b.compileMs + b.evaluateMs;
    const cpu = cpuUsage(b.cpu);
    return {
      ownMs: this.loadMs + sinceEntry,
      totalMs: this.loadMs + sinceEntry + this.vscodeMs,
      cpuMs: (cpu.usage.user + cpu.usage.system) / 1000,
      cpuOf: cpu.of,
      codeCache: b.cache,
      steps: {
        load: this.loadMs,
        read: b.readMs,
        compile: b.compileMs,
        evaluate: b.evaluateMs,
        ...this.registered,
        activate: sinceEntry - bundleMs,
        'VS Code until activate': this.vscodeMs,
      },
    };
  }
}

/** One line for the log and the tests: ours first, VS Code's apart. */
export function describeActivation(t: ActivationTimes): string {
  const { load, read, compile, evaluate, activate, 'VS Code until activate': vscodeMs, ...areas } = t.steps;
  const ms = (n: number | undefined) => (n ?? 0).toFixed(1);
  const registered = Object.entries(areas).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
  const cache = t.codeCache === 'used' ? 'from the code cache' : `without a code cache (${t.codeCache})`;
  return (
    `ours ${ms(t.ownMs)} ms: entry ${ms(load)} + bundle ${ms(read + compile + evaluate)} (read ${ms(read)}, compiled ${cache} ${ms(compile)}, evaluated ${ms(evaluate)}) + activate() ${ms(activate)} (${registered}); ` +
    `CPU time of activate() (${t.cpuOf === 'thread' ? 'this thread' : 'the process'}) ${ms(t.cpuMs)} ms; ` +
    `VS Code's own time between loading and activate() ${ms(vscodeMs)} ms, not ours; ${ms(t.totalMs)} ms in all`
  );
}
