// What activation costs, split into what the extension does and what VS Code does in between.
//
// Ours: loading the bundle (reading, compiling and evaluating dist/extension.js, from VS Code's own marks
// code/extHost/willLoadExtensionCode and didLoadExtensionCode around its require; the bundle's banner and
// footer give the evaluation alone) and then activate() itself, area by area.
// VS Code's: from the end of loading to the call of activate() (it makes the extension context, its storage,
// and serves whatever else is queued on the extension host). Shown apart, not counted as ours.

/** A mark of VS Code's extension host (vs/base/common/performance: epoch milliseconds). */
interface PerformanceMark {
  name: string;
  startTime: number;
}

export interface ActivationTimes {
  /** Loading the bundle plus activate(): the time the extension itself takes (ms). */
  ownMs: number;
  /** From VS Code starting to load the bundle to the end of activate(), VS Code's time in between included (ms). */
  totalMs: number;
  /**
   * CPU time (the extension host process's, user + system, ms) of evaluating the bundle plus activate(), where
   * Node gives it: on a machine whose cores are shared it says what the work costs without the waiting.
   */
  cpuMs?: number;
  /**
   * The parts: `load` (read, compile, evaluate the bundle; `evaluate` is the part after compiling), each area's
   * registration, and `VS Code until activate`, which is not ours. All in ms.
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

/** Started first thing in activate(); `step` times each area's registration; `finish` at its end. */
export class ActivationTiming {
  private readonly activateStart = performance.now();
  private readonly activateCpu = typeof process === 'object' ? process.cpuUsage?.() : undefined;
  private readonly evaluateMs: number;
  private readonly evaluateCpu: NodeJS.CpuUsage | undefined;
  private readonly loadMs: number;
  private readonly vscodeMs: number;
  private readonly registered: Record<string, number> = {};

  constructor(extensionId: string) {
    const g = globalThis as { __reportAnnotatorLoadStart?: number; __reportAnnotatorLoadEnd?: number; __reportAnnotatorLoadCpu?: NodeJS.CpuUsage };
    this.evaluateCpu = g.__reportAnnotatorLoadCpu;
    const evaluateStart = g.__reportAnnotatorLoadStart ?? this.activateStart;
    const evaluateEnd = g.__reportAnnotatorLoadEnd ?? evaluateStart;
    this.evaluateMs = evaluateEnd - evaluateStart;
    const marks = loadMarks(extensionId);
    if (marks) {
      // Epoch milliseconds: whole milliseconds, so never less than the evaluation measured inside them.
      this.loadMs = Math.max(marks.didLoad - marks.willLoad, this.evaluateMs);
      this.vscodeMs = Math.max(0, Date.now() - marks.didLoad);
    } else {
      this.loadMs = this.evaluateMs;
      this.vscodeMs = this.activateStart - evaluateEnd;
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
    const activateMs = performance.now() - this.activateStart;
    const ownMs = this.loadMs + activateMs;
    const cpu = this.activateCpu && this.evaluateCpu && process.cpuUsage(this.activateCpu);
    return {
      ownMs,
      totalMs: ownMs + this.vscodeMs,
      ...(cpu && this.evaluateCpu && { cpuMs: (cpu.user + cpu.system + this.evaluateCpu.user + this.evaluateCpu.system) / 1000 }),
      steps: { load: this.loadMs, evaluate: this.evaluateMs, ...this.registered, activate: activateMs, 'VS Code until activate': this.vscodeMs },
    };
  }
}

/** One line for the log and the tests: ours first, VS Code's apart. */
export function describeActivation(t: ActivationTimes): string {
  const { load, evaluate, activate, 'VS Code until activate': vscodeMs, ...areas } = t.steps;
  const ms = (n: number | undefined) => (n ?? 0).toFixed(1);
  const registered = Object.entries(areas).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
  return (
    `ours ${ms(t.ownMs)} ms: load ${ms(load)} (of which evaluate ${ms(evaluate)}) + activate() ${ms(activate)} (${registered}); ` +
    `${t.cpuMs === undefined ? '' : `CPU time of evaluate + activate() ${ms(t.cpuMs)} ms; `}` +
    `VS Code's own time between loading and activate() ${ms(vscodeMs)} ms, not ours; ${ms(t.totalMs)} ms in all`
  );
}
