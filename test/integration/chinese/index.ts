// The Chinese UI window: VS Code with its display language set to Chinese (zh-cn).
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha('chinese', __dirname, 60_000);
}
