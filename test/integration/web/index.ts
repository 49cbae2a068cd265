// The VS Code for the Web window: the extension forced to run as a web extension (remote.extensionKind "web"),
// its browser bundle in the browser's web-worker extension host. The tests run in that host too, so they are
// bundled for the browser with mocha's browser build (runTests.ts bundles this file).
import 'mocha/mocha';

/** What mocha's browser build puts on the global object. */
declare const mocha: { setup(options: { ui: string; reporter: string; timeout: number }): void; run(done: (failures: number) => void): void };

export function run(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 120_000 }); // not the default html reporter: there is no document in a worker
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./web.test');
    mocha.run((failures) => (failures > 0 ? reject(new Error(`web: ${failures} tests failed`)) : resolve()));
  }).catch((err: Error) => {
    console.error(`web tests: ${err.stack ?? err.message}`);
    throw err;
  });
}
