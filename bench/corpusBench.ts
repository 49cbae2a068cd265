// The CLI on a corpus: 1,000 reports (~65 MB) made from the national reports with their digits changed, in a
// temporary folder, through `analyze DIR --format jsonl` with --jobs 1 and --jobs 2: MB/s and the process's
// peak memory (maxRSS, worker threads included, printed at exit by a preloaded script); and, to read --jobs 2 by,
// two separate processes at once, each on half.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR, REPO_ROOT } from '../test/unit/corpus';

const REPORTS = 1000;

/** Report i: a national report with every ASCII and full-width digit shifted by i, so no two are alike. */
function generate(dir: string): number {
  const national = resolve(CORPUS_DIR, '..', 'corpus-national');
  const sources = readdirSync(national).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(national, f), 'utf8'));
  let bytes = 0;
  for (let i = 0; i < REPORTS; i++) {
    const shift = (i % 9) + 1;
    const text = sources[i % sources.length].replace(/[0-9０-９]/g, (d) => {
      const full = d >= '０';
      const n = (d.charCodeAt(0) - (full ? 0xff10 : 0x30) + shift) % 10;
      return String.fromCharCode((full ? 0xff10 : 0x30) + n);
    });
    const sub = join(dir, `batch-${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `report-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    bytes += statSync(file).size;
  }
  return bytes;
}

/** The command line of `analyze PATHS --format jsonl --jobs N --out OUT`, after node's own options. */
const analyzeArgs = (paths: string[], jobs: string, out: string) => [join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', ...paths, '--format', 'jsonl', '--jobs', jobs, '--out', out];

export async function runCorpusBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-annotator-corpus-'));
  try {
    const reports = join(dir, 'reports');
    const bytes = generate(reports);
    const preload = join(dir, 'maxrss.js');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
    let oneJob = NaN; // (seconds with --jobs 1)
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out-${jobs}.jsonl`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--require', preload, ...analyzeArgs([reports], jobs, out)], { encoding: 'utf8' });
      const s = (performance.now() - t0) / 1000;
      if (jobs === '1') oneJob = s;
      const kb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
      const lines = r.status === 0 ? readFileSync(out, 'utf8').split('\n').length - 1 : 0;
      console.log(
        `corpus: analyze ${REPORTS} reports (${(bytes / 1048576).toFixed(1)} MB) --format jsonl --jobs ${jobs}: ` +
          `${s.toFixed(1)} s = ${(bytes / 1048576 / s).toFixed(2)} MB/s, peak ${(kb / 1024).toFixed(0)} MB, exit ${r.status}, ${lines} lines` +
          (r.status === 0 ? '' : ` (${r.stderr.split('\n')[0]})`),
      );
      rmSync(out, { force: true });
    }
    await twoProcessesBench(dir, reports, bytes, oneJob);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the machine itself gives two busy threads: two `--jobs 1` processes at once, each on half the reports, against
 * the one on all of them above (`oneJob` seconds). On a machine whose two cores share one physical core (as a virtual machine's may, whatever it
 * reports), two at once each run at about half speed, and no --jobs can beat that.
 */
async function twoProcessesBench(dir: string, reports: string, bytes: number, oneJob: number): Promise<void> {
  const batches = readdirSync(reports).sort().map((b) => join(reports, b));
  const half = batches.length >> 1;
  const run = (paths: string[], out: string) =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, analyzeArgs(paths, '1', join(dir, out)), { stdio: 'ignore' });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  const t0 = performance.now();
  const exits = await Promise.all([run(batches.slice(0, half), 'out-a.jsonl'), run(batches.slice(half), 'out-b.jsonl')]);
  const two = (performance.now() - t0) / 1000;
  console.log(
    `corpus: the machine's own parallelism: two --jobs 1 processes at once, each on half, ${two.toFixed(1)} s (${(bytes / 1048576 / two).toFixed(2)} MB/s) = ` +
      `${(oneJob / two).toFixed(2)}× one on all (exits ${exits.join(', ')}): ` +
      'about what --jobs 2 can hope for here (one run each; this machine varies by a fifth from run to run)',
  );
}
