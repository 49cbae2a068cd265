// Where the extension host's thread spends a stretch of time (the tests run on that thread): a sampling CPU profile
// from node:inspector, its busy time split by whose code ran: this extension, VS Code's extension host, each built-in
// extension, the tests, the garbage collector. The event-loop delay while typing in a large report (issue 10's target)
// is made of such stretches; this says whose they are, in every run.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';

interface CallFrame {
  functionName: string;
  url: string;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Busy milliseconds by owner, and the functions (owner: name) that took the most, with their milliseconds. */
export interface HostTime {
  busyMs: number;
  owners: Map<string, number>;
  top: [string, number][];
  /** What stopping the profiler took this thread (after the stretch: in what a caller measures after it). */
  stopMs: number;
}

/** Sampled every millisecond: the stalls that matter last tens of them, and sampling costs the thread next to nothing. */
const INTERVAL_US = 1000;

/**
 * Runs `fn` under the profiler; resolves to its result and where this thread's time went meanwhile. With
 * REPORT_ANNOTATOR_PROFILE_DIR set, the profile is also written there as `name`.cpuprofile (for DevTools).
 */
export async function profileHost<T>(name: string, fn: () => Promise<T>): Promise<{ result: T; time: HostTime }> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params: object = {}) =>
    new Promise<R>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as R))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await post('Profiler.start');
    const outcome = await fn().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const stopping = performance.now();
    const { profile } = await post<{ profile: Profile }>('Profiler.stop');
    const stopMs = performance.now() - stopping;
    const dir = process.env.REPORT_ANNOTATOR_PROFILE_DIR;
    if (dir) writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.value, time: hostTime(profile, stopMs) };
  } finally {
    session.disconnect();
  }
}

/** The folders whose scripts are this extension's and the tests' (with the separator: no sibling folder's name matches). */
const OURS = join(vscode.extensions.getExtension('report-annotator.report-annotator')!.extensionUri.fsPath, sep);
const TESTS = join(OURS, 'out', 'test', sep);

/** Whose code a frame is: the tests', ours, a built-in extension's (by its folder), VS Code's, or the engine's. */
function ownerOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName === '(garbage collector)' ? 'garbage collector' : 'engine';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (path.startsWith(TESTS)) return 'the tests';
  if (path.startsWith(OURS)) return 'Report Annotator';
  const builtIn = /[/\\]extensions[/\\]([^/\\]+)[/\\]/.exec(path);
  if (builtIn) return builtIn[1];
  return path.startsWith('node:') ? 'Node' : 'VS Code';
}

/** The extensions (and the tests): where a sample's stack passes through one, the time is theirs, whatever it called. */
const isExtension = (owner: string) => !['VS Code', 'Node', 'engine', 'garbage collector'].includes(owner);

function hostTime(profile: Profile, stopMs: number): HostTime {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let busyMs = 0;
  profile.samples.forEach((id, k) => {
    const leaf = frames.get(id)!;
    if (leaf.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    busyMs += ms;
    // The innermost extension on the stack (merge-conflict's scan calling VS Code's getText is merge-conflict's time),
    // else the leaf's owner; a minified name (rM) is told by the first caller with a name of its own (serializeReplyOK).
    let owner = ownerOf(leaf);
    let name = leaf.functionName;
    for (let at = parents.get(id); at !== undefined && !isExtension(owner); at = parents.get(at)) {
      const frame = frames.get(at)!;
      const o = ownerOf(frame);
      if (isExtension(o) || ((owner === 'engine' || owner === 'Node') && o === 'VS Code')) owner = o; // (native and Node's code: whoever called it)
      else if (name.length <= 2 && frame.functionName.length > 2) name = frame.functionName;
    }
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const key = `${owner}: ${name || '(anonymous)'}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  });
  return { busyMs, owners, top: [...functions].sort((a, b) => b[1] - a[1]).slice(0, 4), stopMs };
}

/** One line: busy time, its owners by time, the functions that took the most (self time). */
export function describeHostTime({ busyMs, owners, top, stopMs }: HostTime): string {
  const byOwner = [...owners].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([o, ms]) => `${o} ${ms.toFixed(0)}`);
  return `this thread busy ${busyMs.toFixed(0)} ms (${byOwner.join(', ')}); most: ${top.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', ')}; the profiler's stop ${stopMs.toFixed(0)} ms`;
}
