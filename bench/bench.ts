// npm run bench: throughput of our analysis against baselines on the same corpus text, in one run.
// Each part prints its own lines; ratios are measured here, never asserted in a test.
// Each part runs in a process of its own: what one part leaves in the heap (the figures part loads the
// recognizers-text baseline) made the next part's analysis about half again slower.
import { spawnSync } from 'node:child_process';
import { runFiguresBench } from './figuresBench';
import { runAnalysisBench } from './analysisBench';
import { runMergeBench } from './mergeBench';
import { runCliBench } from './cliBench';
import { runCorpusBench } from './corpusBench';
import { runGrammarBench } from './grammarBench';

const PARTS: Record<string, () => Promise<void>> = {
  figures: runFiguresBench,
  analysis: runAnalysisBench,
  merge: runMergeBench,
  cli: runCliBench,
  corpus: runCorpusBench,
  grammar: runGrammarBench,
};

async function main(): Promise<void> {
  const part = process.argv[2];
  if (part !== undefined) {
    const run = PARTS[part];
    if (!run) throw new Error(`no bench part ${part}: ${Object.keys(PARTS).join(', ')}`);
    await run();
    return;
  }
  for (const name of Object.keys(PARTS)) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, name], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
