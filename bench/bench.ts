// npm run bench: throughput of our analysis against baselines on the same corpus text, in one run.
// Each part prints its own lines; ratios are measured here, never asserted in a test.
import { runFiguresBench } from './figuresBench';
import { runAnalysisBench } from './analysisBench';
import { runMergeBench } from './mergeBench';
import { runCliBench } from './cliBench';
import { runCorpusBench } from './corpusBench';

async function main(): Promise<void> {
  await runFiguresBench();
  await runAnalysisBench();
  await runMergeBench();
  await runCliBench();
  await runCorpusBench();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
