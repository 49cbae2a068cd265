// The built CLI (dist/cli.js) on a crafted report: 8 MB of 1万 repeated, two million figures. Wall time and
// the child's peak memory (its own process.resourceUsage().maxRSS, printed at exit by a preloaded script).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/unit/corpus';

const BYTES = 8_000_000;

export async function runCliBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-annotator-bench-'));
  try {
    const report = join(dir, 'wan.txt');
    writeFileSync(report, '1万'.repeat(BYTES / 4)); // 4 bytes of UTF-8 each
    const preload = join(dir, 'maxrss.js');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
    const out = join(dir, 'out.json');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', report, '--no-projects', '--out', out], {
      encoding: 'utf8',
    });
    const ms = performance.now() - t0;
    const kb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const written = r.status === 0 ? `${(statSync(out).size / 1048576).toFixed(0)} MB of JSON` : `failed: ${r.stderr.split('\n')[0]}`;
    console.log(
      `cli: analyze ${(BYTES / 1e6).toFixed(0)} MB of 1万 (${BYTES / 4} figures) in ${(ms / 1000).toFixed(1)} s, ` +
        `peak ${(kb / 1024).toFixed(0)} MB, exit ${r.status}, ${written}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
