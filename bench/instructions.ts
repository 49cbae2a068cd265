// npm run bench:instructions: the instructions one full analysis of 1 MB executes once the JIT has settled, counted
// by valgrind's callgrind, for comparing two builds on a machine whose speed drifts. On the shared VMs the same build
// timed 38 to 68 ms per analysis within an hour; a count under V8's --predictable --single-threaded (no background
// compiler or GC threads) repeats to within 0.2% of a run's total, about 1% of the count per analysis. It counts instructions, not cache misses or mispredicted branches:
// a change that saves those (a smaller table, fewer branches) shows in time only, so time it too.
//
//   node out/bench/instructions.js [ROOT]   ROOT: a built checkout (default: this one); needs valgrind on PATH.
// The analyses run in a child (`--child N`): N = WARM and N = WARM + MEASURED, and the difference over MEASURED
// is the count per analysis, without the process' start, the segmenter's load and the JIT's warm-up.
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const WARM = 12;
const MEASURED = 16;

function child(count: number): void {
  // (require: the build under test is given at run time.)
  const root = resolve(process.argv[4] ?? join(__dirname, '..', '..'));
  const { analyzeText } = require(join(root, 'out/src/core/analyze'));
  const { loadJiebaSegmenter } = require(join(root, 'out/src/core/segmenter'));
  const { prepareLexicon } = require(join(root, 'out/src/core/projectLexicon'));
  const { corpusOf } = require(join(root, 'out/bench/measure'));
  const segmenter = loadJiebaSegmenter();
  prepareLexicon(segmenter);
  const text = corpusOf(1024 * 1024);
  for (let run = 0; run < count; run++) analyzeText(text, { segmenter });
}

/** The instructions a run of the child with `count` analyses executes (callgrind's "Collected"). */
function instructions(count: number, root: string): Promise<number> {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath,
    '--predictable', '--single-threaded', __filename, '--child', String(count), root];
  return new Promise((done, fail) => {
    const run = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    run.stderr.on('data', (d: Buffer) => (err += d.toString()));
    run.on('error', fail);
    run.on('close', (code) => {
      const collected = /Collected : (\d+)/.exec(err);
      if (code === 0 && collected) done(Number(collected[1]));
      else fail(new Error(`valgrind exited with ${code}:\n${err.slice(-2000)}`));
    });
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(Number(process.argv[3]));
  const root = resolve(process.argv[2] ?? join(__dirname, '..', '..'));
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('instructions: valgrind is not on PATH (Debian: apt-get install valgrind)');
    process.exitCode = 2;
    return;
  }
  // (The two runs in parallel: each is one thread under valgrind, a minute or two.)
  const [warm, measured] = await Promise.all([instructions(WARM, root), instructions(WARM + MEASURED, root)]);
  const perAnalysis = (measured - warm) / MEASURED;
  console.log(
    `instructions: ${(perAnalysis / 1e6).toFixed(1)} M per full analysis of 1 MB (${root}; runs ${WARM + 1} to ${WARM + MEASURED} ` +
      `under callgrind, node --predictable --single-threaded; ${(warm / 1e9).toFixed(2)} G for the start and ${WARM} analyses)`,
  );
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
