// The window on a workspace of two folders (a .code-workspace file: test/integration/runTests.ts).
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha('multiroot', __dirname, 60_000);
}
