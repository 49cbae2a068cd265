// Runs the corpus suite: VS Code on a workspace of the shared corpus folders (test/integration/runTests.ts).
import Mocha from 'mocha';
import { join } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 300_000, reporter: 'spec' });
  const grep = process.env.REPORT_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.addFile(join(__dirname, 'corpus.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`corpus: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} corpus tests failed`));
      else resolve();
    });
  });
}
