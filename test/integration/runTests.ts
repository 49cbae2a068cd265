// Runs the integration suite in a real VS Code through @vscode/test-electron. With VSCODE_TEST_EXECUTABLE
// set (CI: eval "$(sh ../shared/tools/vscode-offline/setup.sh)") that executable is used; otherwise
// test-electron downloads VS Code as usual.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

async function main(): Promise<void> {
  const root = repoRoot();
  const workspace = makeWorkspace(root);
  const screenshots = resolve(root, 'test-results');
  mkdirSync(screenshots, { recursive: true });
  // The offline VS Code stand-in takes a screenshot when a test prints __TAKE_SCREENSHOT__.
  process.env.VSCODE_SHIM_SCREENSHOT ??= join(screenshots, 'report-annotator.png');
  process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = workspace;
  const exitCode = await runTests({
    vscodeExecutablePath: process.env.VSCODE_TEST_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'suite', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--locale=en'],
    extensionTestsEnv: { REPORT_ANNOTATOR_TEST_WORKSPACE: workspace },
  }).catch((err: unknown) => {
    console.error('integration tests could not run:', err);
    return 1;
  });
  process.exitCode = exitCode;
}

void main();
