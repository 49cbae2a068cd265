// Checks a packaged .vsix: it holds what the extension needs at run time (bundles, schema, grammar, icons,
// l10n, dictionary, nls files, nodejieba's native binary and dictionaries) and nothing it should not (sources,
// tests, source maps, other node_modules). With VSCODE_SERVER_NODE + VSCODE_SERVER_MAIN set (the offline
// VS Code, /tmp/vsoff.env) it also installs the .vsix into a temporary extensions folder, lists it, and loads
// the installed nodejieba with VS Code's own Node to segment a sentence.
//   node scripts/checkPackage.mjs [report-annotator.vsix]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = process.argv[2] ?? join(root, 'report-annotator.vsix');
const require = createRequire(import.meta.url);
const yauzl = require('yauzl'); // comes with @vscode/vsce

function entries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function filesUnder(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const name of readdirSync(abs)) {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(relative(root, p)));
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

const problems = [];
if (!existsSync(vsix)) {
  console.error(`checkPackage: ${vsix} does not exist; run npm run package first`);
  process.exit(1);
}
const names = new Set((await entries(vsix)).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length)));

const required = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'language-configuration.json',
  'dist/extension.js',
  'dist/extensionMain.js',
  'dist/analysisWorker.js',
  'dist/analysisWorkerMain.js',
  'dist/corpusWorker.js',
  'dist/findWorker.js',
  'dist/timeline.js',
  'dist/web/extension.js',
  // Libraries the extension requires on first use (scripts/build.mjs, LAZY_LIBRARIES).
  'dist/lib/zod.js',
  'dist/lib/fast-xml-parser.js',
  'dist/lib/fflate.js',
  'dist/cli.js',
  'dist/annotation-set.schema.json',
  'dist/sidecar.schema.json',
  'dist/codebook.schema.json',
  // The grammar VS Code loads (made from syntaxes/ by the build; the one we edit does not ship).
  'dist/govreport.tmLanguage.json',
  'l10n/bundle.l10n.zh-cn.json',
  'node_modules/nodejieba/package.json',
  'node_modules/nodejieba/index.js',
  'node_modules/nodejieba/build/Release/nodejieba.node',
  'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
  'node_modules/nodejieba/submodules/cppjieba/dict/user.dict.utf8',
  'node_modules/nodejieba/submodules/cppjieba/dict/idf.utf8',
  'node_modules/nodejieba/submodules/cppjieba/dict/stop_words.utf8',
  // The WebAssembly segmenter, where nodejieba's native module does not load.
  'node_modules/jieba-wasm/package.json',
  'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm.js',
  'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm',
  // Every file of these folders in the repository ships.
  ...['media', 'l10n', 'dict'].flatMap(filesUnder),
];
for (const r of required) if (!names.has(r)) problems.push(`missing: ${r}`);

// Files the manifest points at must be inside.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pointed = [manifest.main, manifest.browser, ...(manifest.contributes?.grammars ?? []).map((g) => g.path)];
for (const l of manifest.contributes?.languages ?? []) {
  if (l.configuration) pointed.push(l.configuration);
  if (l.icon) pointed.push(l.icon.light, l.icon.dark);
}
for (const c of manifest.contributes?.viewsContainers?.activitybar ?? []) pointed.push(c.icon);
for (const j of manifest.contributes?.jsonValidation ?? []) if (j.url?.startsWith('.')) pointed.push(j.url);
for (const p of pointed.filter(Boolean)) {
  const n = p.replace(/^\.\//, '');
  if (!names.has(n)) problems.push(`the manifest points at ${n}, which is not in the package`);
}

for (const n of names) {
  if (/^(src|out|test|bench|scripts|syntaxes)\//.test(n)) problems.push(`should not ship: ${n}`);
  if (n.endsWith('.map') || n.endsWith('.ts') && !n.endsWith('.d.ts')) problems.push(`should not ship: ${n}`);
  if (n.startsWith('node_modules/') && !n.startsWith('node_modules/nodejieba/') && !n.startsWith('node_modules/jieba-wasm/')) problems.push(`unexpected dependency file: ${n}`);
}

if (problems.length) {
  console.error(`checkPackage: ${vsix} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`checkPackage: ${names.size} files, contents OK (${relative(process.cwd(), vsix) || vsix}, ${(statSync(vsix).size / 1048576).toFixed(1)} MiB)`);

const { VSCODE_SERVER_NODE: node, VSCODE_SERVER_MAIN: main } = process.env;
if (node && main && existsSync(node) && existsSync(main)) {
  const dir = mkdtempSync(join(tmpdir(), 'report-annotator-install-'));
  try {
    const run = (...args) => execFileSync(node, [main, ...args, '--extensions-dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run('--install-extension', vsix);
    const listed = run('--list-extensions', '--show-versions');
    const id = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
    if (!listed.split(/\r?\n/).includes(id)) throw new Error(`installed, but --list-extensions does not show ${id}:\n${listed}`);
    const installed = join(dir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    const words = execFileSync(
      node,
      ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(join(installed, 'node_modules', 'nodejieba'))}).cut('推动县域经济高质量发展')))`],
      { encoding: 'utf8' },
    );
    if (!JSON.parse(words).includes('高质量')) throw new Error(`the installed nodejieba segments oddly: ${words}`);
    console.log(`checkPackage: installed with VS Code server (${id}); its Node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()} loads nodejieba: ${words}`);
  } catch (err) {
    console.error(`checkPackage: the .vsix does not install cleanly: ${err.stderr || err.message}`);
    process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log('checkPackage: VSCODE_SERVER_NODE/VSCODE_SERVER_MAIN not set; install check skipped');
}
