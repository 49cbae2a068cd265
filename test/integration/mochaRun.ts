// Runs the mocha files of one integration window and ends with a plain "label: N passed, N failed" line
// (what CI reads). REPORT_ANNOTATOR_TEST_GREP narrows the tests, in every window.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs } from '../tempDir';

export function runMocha(label: string, dir: string, timeout = 60_000): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  const grep = process.env.REPORT_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      removeTempDirs();
      console.log(`${label}: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} ${label} tests failed`));
      else resolve();
    });
  });
}
