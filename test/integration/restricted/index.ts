// The Restricted Mode window: VS Code opened on a folder it has not been told to trust.
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha('restricted', __dirname, 60_000);
}
