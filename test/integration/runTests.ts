// Runs the integration suite in a real VS Code through @vscode/test-electron. With VSCODE_TEST_EXECUTABLE
// set (CI: eval "$(sh ../shared/tools/vscode-offline/setup.sh)") that executable is used; otherwise
// test-electron downloads VS Code as usual.
import { runTests } from '@vscode/test-electron';
import { build, type PluginBuild } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from '../tempDir';
import { REPO_ROOT } from '../unit/corpus';

/** A fresh workspace of real files: the corpus reports as .txt, plus edge cases. */
function makeWorkspace(root: string): string {
  const corpus = process.env.REPORT_CORPUS_DIR ?? resolve(root, '..', 'shared', 'corpus');
  const ws = tempDir('report-annotator-ws-');
  mkdirSync(join(ws, 'reports'));
  for (const name of readdirSync(corpus)) cpSync(join(corpus, name), join(ws, 'reports', name));
  writeFileSync(join(ws, 'notes.txt'), 'Shopping list: milk, eggs, bread.\nCall the plumber on Monday.\n');
  writeFileSync(join(ws, 'empty.txt'), '');
  return ws;
}

/**
 * The corpus window's workspace: the shared corpus folders (corpus, corpus-national, corpus-local,
 * corpus-provinces-2026) copied into a fresh folder, a report that cannot be analysed, reports left out by
 * files.exclude and by reportAnnotator.corpus.exclude, and 3,000 text files that are not reports.
 */
function makeCorpusWorkspace(root: string): string {
  const shared = resolve(process.env.REPORT_CORPUS_DIR ?? resolve(root, '..', 'shared', 'corpus'), '..');
  const ws = tempDir('report-annotator-corpus-');
  for (const dir of ['corpus', 'corpus-national', 'corpus-local', 'corpus-provinces-2026']) {
    mkdirSync(join(ws, dir));
    for (const name of readdirSync(join(shared, dir))) if (name.endsWith('.txt')) cpSync(join(shared, dir, name), join(ws, dir, name));
  }
  mkdirSync(join(ws, 'notes'));
  for (let i = 0; i < 3000; i++) writeFileSync(join(ws, 'notes', `note-${i}.txt`), `Meeting note ${i}: call the plumber, buy milk.\n`);
  for (const dir of ['drafts', 'hidden']) {
    mkdirSync(join(ws, dir));
    cpSync(join(shared, 'corpus-national', 'national-2010.txt'), join(ws, dir, 'national-2010-copy.txt'));
  }
  writeFileSync(join(ws, 'broken.govreport'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03]));
  mkdirSync(join(ws, '.vscode'));
  writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'files.exclude': { '**/hidden': true }, 'reportAnnotator.corpus.exclude': ['**/drafts/**'] }));
  return ws;
}

/** A .code-workspace of two folders, 东城 and 西城 (the test writes their reports), in a fresh folder. */
function makeTwoFolderWorkspace(): string {
  const ws = tempDir('report-annotator-two-folders-');
  for (const name of ['东城', '西城']) mkdirSync(join(ws, name));
  const file = join(ws, 'two.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: '东城' }, { path: '西城' }] }));
  return file;
}

/**
 * A variant of the VS Code to run: the offline stand-in always passes --disable-workspace-trust to its server
 * and runs it in English, so a copy of it beside it (where its own modules resolve) without that flag, or
 * with a display language (a stub language pack, as ../shared/tools/ui-walk does: VS Code's own strings stay
 * English, the extension's follow the language). A real VS Code takes --locale and goes without the flag.
 */
function variantExecutable(executable: string | undefined, variant: { untrusted?: boolean; locale?: string; workspaceFile?: boolean }): string | undefined {
  if (!executable || !executable.endsWith('.js')) return executable;
  let source = readFileSync(executable, 'utf8');
  if (variant.untrusted) source = source.replace(/'--disable-workspace-trust',\s*/g, '');
  // (The stand-in opens what it is given as a folder; VS Code for the Web opens a .code-workspace by another name.)
  if (variant.workspaceFile) source = source.replace('/?folder=${', '/?workspace=${');
  if (variant.locale) {
    const pack = `{ ${JSON.stringify(variant.locale)}: { hash: 'stub1', extensions: [{ extensionIdentifier: { id: 'stub.${variant.locale}' }, version: '1.0.0' }], translations: { vscode: path.join(tmp, 'lp.json') }, label: ${JSON.stringify(variant.locale)} } }`;
    source = source
      .replace(
        'fs.mkdirSync(userDataDir, { recursive: true });',
        `fs.mkdirSync(userDataDir, { recursive: true }); fs.writeFileSync(path.join(tmp, 'lp.json'), '{"version":"1.0.0","contents":{}}'); fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(${pack}));`,
      )
      .replace("'--enable-smoke-test-driver',", `'--enable-smoke-test-driver', '--locale', ${JSON.stringify(variant.locale)},`);
  }
  const copy = join(dirname(executable), `code-shim-${variant.untrusted ? 'untrusted' : ''}${variant.locale ?? ''}${variant.workspaceFile ? 'workspace' : ''}.js`);
  writeFileSync(copy, source, { mode: 0o755 });
  return copy;
}

async function main(): Promise<void> {
  const root = REPO_ROOT;
  const workspace = makeWorkspace(root);
  const screenshots = resolve(root, 'test-results');
  mkdirSync(screenshots, { recursive: true });
  // The offline VS Code stand-in takes a screenshot when a test prints __TAKE_SCREENSHOT__.
  process.env.VSCODE_SHIM_SCREENSHOT ??= join(screenshots, 'report-annotator.png');
  process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = workspace;
  const run = (executable: string | undefined, tests: string, ws: string, options: { trust: boolean; locale: string }) =>
    runTests({
      vscodeExecutablePath: executable || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, tests, 'index'),
      launchArgs: [ws, '--disable-extensions', ...(options.trust ? ['--disable-workspace-trust'] : []), `--locale=${options.locale}`],
      extensionTestsEnv: { REPORT_ANNOTATOR_TEST_WORKSPACE: ws },
    }).catch((err: unknown) => {
      console.error('integration tests could not run:', err);
      return 1;
    });
  const executable = process.env.VSCODE_TEST_EXECUTABLE;
  const corpusOnly = !!process.env.REPORT_ANNOTATOR_CORPUS_ONLY;
  if (process.env.REPORT_ANNOTATOR_WEB_ONLY) {
    process.exitCode = await runWeb(root, run, executable);
    return;
  }
  let exitCode = corpusOnly ? 0 : await run(executable, 'suite', workspace, { trust: true, locale: 'en' });
  if (!process.env.REPORT_ANNOTATOR_TEST_GREP && !corpusOnly) {
    // A second window, on a folder it does not trust.
    const untrusted = makeWorkspace(root);
    process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = untrusted;
    delete process.env.VSCODE_SHIM_SCREENSHOT;
    exitCode = (await run(variantExecutable(executable, { untrusted: true }), 'restricted', untrusted, { trust: false, locale: 'en' })) || exitCode;
    // A third, with VS Code's display language set to Chinese.
    const chinese = makeWorkspace(root);
    process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = chinese;
    process.env.VSCODE_SHIM_SCREENSHOT = join(screenshots, 'report-annotator-zh-cn.png');
    exitCode = (await run(variantExecutable(executable, { locale: 'zh-cn' }), 'chinese', chinese, { trust: true, locale: 'zh-cn' })) || exitCode;
    // A fourth, on a workspace of two folders.
    const twoFolders = makeTwoFolderWorkspace();
    process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = dirname(twoFolders);
    delete process.env.VSCODE_SHIM_SCREENSHOT;
    exitCode = (await run(variantExecutable(executable, { workspaceFile: true }), 'multiroot', twoFolders, { trust: true, locale: 'en' })) || exitCode;
  }
  if (!process.env.REPORT_ANNOTATOR_TEST_GREP || corpusOnly) {
    // A window on the shared corpus folders (REPORT_ANNOTATOR_CORPUS_ONLY=1 runs only this one).
    const corpus = makeCorpusWorkspace(root);
    process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = corpus;
    delete process.env.VSCODE_SHIM_SCREENSHOT;
    exitCode = (await run(executable, 'corpus', corpus, { trust: true, locale: 'en' })) || exitCode;
  }
  if (!process.env.REPORT_ANNOTATOR_TEST_GREP && !corpusOnly) exitCode = (await runWeb(root, run, executable)) || exitCode;
  process.exitCode = exitCode;
}

/**
 * mocha's browser build is a UMD file that would take the bundle's own `module` and replace its exports: run it
 * without `module` and `exports`, so that it sets globalThis.mocha.
 */
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(b: PluginBuild) {
    b.onLoad({ filter: /mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports) {\n${readFileSync(args.path, 'utf8')}\n}).call(globalThis, undefined, undefined);`,
      loader: 'js',
    }));
  },
};

/** A window where the extension runs as a web extension (its "browser" entry, in the browser's extension host). */
async function runWeb(
  root: string,
  run: (executable: string | undefined, tests: string, ws: string, options: { trust: boolean; locale: string }) => Promise<number>,
  executable: string | undefined,
): Promise<number> {
  const web = makeWorkspace(root);
  mkdirSync(join(web, '.vscode'), { recursive: true });
  writeFileSync(join(web, '.vscode', 'settings.json'), JSON.stringify({ 'remote.extensionKind': { 'report-annotator.report-annotator': ['web'] } }));
  process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = web;
  delete process.env.VSCODE_SHIM_SCREENSHOT;
  // The tests run in the browser's extension host, which loads one file: bundled, with mocha's browser build.
  await build({
    entryPoints: [join(root, 'test', 'integration', 'web', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    outfile: join(__dirname, 'web-bundle', 'index.js'),
    logLevel: 'warning',
    plugins: [mochaAsGlobal],
  });
  return run(executable, 'web-bundle', web, { trust: true, locale: 'en' });
}

void main();
