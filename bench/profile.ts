// npm run profile: where the full analysis spends its time. Samples the CPU (the V8 profiler, in this process)
// while it analyses the bench's 1 MB text (`--distinct`: its 28 distinct reports), then prints self time by source
// module and the costliest functions, self and inclusive. Run it before changing the analysis for speed. `--out
// f.cpuprofile` keeps the profile for DevTools or VS Code; `--allocations` adds where the analysis allocates the
// memory the collector reclaims. (The profiler slows the analysis by about half: the shares are the answer.)
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeText } from '../src/core/analyze';
import { prepareLexicon } from '../src/core/projectLexicon';
import { loadJiebaSegmenter } from '../src/core/segmenter';
import { folderReports } from '../test/unit/corpus';
import { corpusOf } from './measure';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** out/, where tsc put the compiled bench and analysis (this file is out/bench/profile.js). */
const OUT_ROOT = resolve(__dirname, '..');

/** Where a frame's code is: the TypeScript source a compiled file of out/ came from, else the URL's last part. */
function moduleOf(url: string): string {
  if (url === '') return '(V8)';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (!path.startsWith(OUT_ROOT + sep)) return path.split(sep).pop() ?? path;
  return relative(OUT_ROOT, path).replace(/\.js$/, '.ts');
}

/** A function by name and module; an anonymous one by its line in the compiled file (out/…/*.js). */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return functionName ? `${functionName}  ${moduleOf(url)}` : `(anonymous)  ${moduleOf(url)}, line ${lineNumber + 1} of the .js`;
}

/**
 * Self and inclusive microseconds by key, over the samples taken in the analysis: those with a frame of src/
 * on the stack, and the garbage collector's (the profiler's own start and stop, and this script, are left out).
 * A recursive function counts once per sample.
 */
function tally(profile: CpuProfile, keyOf: (node: ProfileNode) => string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number) => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    return stack;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const stack = stackOf(id);
    const inAnalysis = stack[0].callFrame.functionName === '(garbage collector)' || stack.some((n) => moduleOf(n.callFrame.url).startsWith('src/'));
    if (!inAnalysis) return;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const first = keyOf(stack[0]);
    self.set(first, (self.get(first) ?? 0) + dt);
    const seen = new Set<string>();
    for (const node of stack) {
      if (node.callFrame.functionName === '(root)' || moduleOf(node.callFrame.url).startsWith('bench/')) continue;
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  return { self, inclusive, total };
}

function printTop(title: string, times: Map<string, number>, total: number, runs: number, count: number): void {
  console.log(`\n${title} (ms per analysis, share of the analysis' samples)`);
  for (const [key, us] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${(us / 1000 / runs).toFixed(2).padStart(8)}  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

interface AllocationNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: AllocationNode[];
}

/**
 * V8's sampling heap profiler over `runs` more analyses, objects the collector reclaimed included (they are the
 * point): bytes allocated per analysis, and the functions that allocate them.
 */
async function printAllocations(session: Session, analyse: () => void, runs: number, top: number): Promise<void> {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let run = 0; run < runs; run++) analyse();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: AllocationNode } };
  const bytes = new Map<string, number>();
  let total = 0;
  const walk = (node: AllocationNode, inAnalysis: boolean) => {
    const here = inAnalysis || moduleOf(node.callFrame.url).startsWith('src/');
    if (here && node.selfSize > 0) {
      const key = frameName({ id: 0, callFrame: node.callFrame });
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) walk(child, here);
  };
  walk(profile.head, false);
  console.log(`\nallocated by the analysis: ${(total / runs / 1048576).toFixed(1)} MB per analysis (sampled every 4 KB)`);
  for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top)) {
    console.log(`${(b / runs / 1048576).toFixed(2).padStart(8)} MB  ${((100 * b) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '30' },
      top: { type: 'string', default: '25' },
      out: { type: 'string' },
      // The bench's headline text repeats six reports; the analysis keeps some findings per distinct line.
      distinct: { type: 'boolean', default: false },
      // Then where the memory the collector reclaims is allocated (its share of the time is printed above).
      allocations: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const top = Number(values.top);
  if (!(runs >= 1) || !(top >= 1)) throw new Error('--runs and --top take a positive number');

  const segmenter = loadJiebaSegmenter();
  prepareLexicon(segmenter);
  const text = values.distinct ? folderReports('corpus-provinces-2026', 'corpus-local').join('\n') : corpusOf(1024 * 1024);
  for (let run = 0; run < 8; run++) analyzeText(text, { segmenter }); // past the JIT's warm-up, as in the bench

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let run = 0; run < runs; run++) analyzeText(text, { segmenter });
  const ms = (performance.now() - t0) / runs;
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  if (values.out) writeFileSync(values.out, JSON.stringify(profile));

  const mb = Buffer.byteLength(text) / (1024 * 1024);
  console.log(`profile: ${runs} analyses of ${mb.toFixed(2)} MB, ${ms.toFixed(1)} ms each under the profiler (sampled every 0.1 ms)`);
  const byModule = tally(profile, (n) => moduleOf(n.callFrame.url));
  printTop('self time by module', byModule.self, byModule.total, runs, top);
  const byFunction = tally(profile, frameName);
  printTop('self time by function', byFunction.self, byFunction.total, runs, top);
  printTop('inclusive time by function', byFunction.inclusive, byFunction.total, runs, top);
  if (values.allocations) await printAllocations(session, () => analyzeText(text, { segmenter }), runs, top);
  if (values.out) console.log(`\nprofile written to ${values.out} (open it in DevTools or VS Code)`);
  session.disconnect();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
