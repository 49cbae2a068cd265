// Runs the integration suite in a real VS Code through @vscode/test-electron. With VSCODE_TEST_EXECUTABLE
// set (CI: eval "$(sh ../shared/tools/vscode-offline/setup.sh)") that executable is used; otherwise
// test-electron downloads VS Code as usual.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = resolve(dir, '..');
  return dir;
}

/** A fresh workspace of real files: the corpus reports as .txt, plus edge cases. */
function makeWorkspace(root: string): string {
  const corpus = process.env.REPORT_CORPUS_DIR ?? resolve(root, '..', 'shared', 'corpus');
  const ws = mkdtempSync(join(tmpdir(), 'report-annotator-ws-'));
  mkdirSync(join(ws, 'reports'));
  for (const name of readdirSync(corpus)) cpSync(join(corpus, name), join(ws, 'reports', name));
  writeFileSync(join(ws, 'notes.txt'), 'Shopping list: milk, eggs, bread.\nCall the plumber on Monday.\n');
  writeFileSync(join(ws, 'empty.txt'), '');
  return ws;
}

/**
 * The VS Code to run in Restricted Mode: the offline stand-in always passes --disable-workspace-trust to its
 * server, so a copy of it without that flag, beside it (where its own modules resolve); a real VS Code
 * just goes without the flag.
 */
function untrustingExecutable(executable: string | undefined): string | undefined {
  if (!executable || !executable.endsWith('.js')) return executable;
  const copy = join(dirname(executable), 'code-shim-untrusted.js');
  writeFileSync(copy, readFileSync(executable, 'utf8').replace(/'--disable-workspace-trust',\s*/g, ''), { mode: 0o755 });
  return copy;
}

async function main(): Promise<void> {
  const root = repoRoot();
  const workspace = makeWorkspace(root);
  const screenshots = resolve(root, 'test-results');
  mkdirSync(screenshots, { recursive: true });
  // The offline VS Code stand-in takes a screenshot when a test prints __TAKE_SCREENSHOT__.
  process.env.VSCODE_SHIM_SCREENSHOT ??= join(screenshots, 'report-annotator.png');
  process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = workspace;
  const run = (executable: string | undefined, tests: string, ws: string, trust: boolean) =>
    runTests({
      vscodeExecutablePath: executable || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, tests, 'index'),
      launchArgs: [ws, '--disable-extensions', ...(trust ? ['--disable-workspace-trust'] : []), '--locale=en'],
      extensionTestsEnv: { REPORT_ANNOTATOR_TEST_WORKSPACE: ws },
    }).catch((err: unknown) => {
      console.error('integration tests could not run:', err);
      return 1;
    });
  const executable = process.env.VSCODE_TEST_EXECUTABLE;
  let exitCode = await run(executable, 'suite', workspace, true);
  if (!process.env.REPORT_ANNOTATOR_TEST_GREP) {
    // A second window, on a folder it does not trust.
    const untrusted = makeWorkspace(root);
    process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = untrusted;
    delete process.env.VSCODE_SHIM_SCREENSHOT;
    exitCode = (await run(untrustingExecutable(executable), 'restricted', untrusted, false)) || exitCode;
  }
  process.exitCode = exitCode;
}

void main();
