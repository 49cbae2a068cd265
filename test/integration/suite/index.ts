// Entry point the extension host loads for the main window: every *.test.js beside this file.
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha('integration', __dirname, 60_000);
}
