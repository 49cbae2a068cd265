// The corpus window: VS Code on a workspace of the shared corpus folders (test/integration/runTests.ts).
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha('corpus', __dirname, 300_000);
}
