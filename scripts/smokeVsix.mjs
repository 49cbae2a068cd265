// Runs part of the integration suite against the packaged extension instead of the repository: the .vsix is
// unpacked into a temporary folder and VS Code loads the extension from there. This proves the minified
// bundles, the analysis worker, nodejieba's native binary and dictionaries, and the l10n files work as
// shipped. Needs `npm run package` and `node scripts/build.mjs --tests` first (the tests run from out/).
//   node scripts/smokeVsix.mjs [report-annotator.vsix] [grep]      (default grep: activation|export)
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = process.argv[2] ?? join(root, 'report-annotator.vsix');
const grep = process.argv[3] ?? 'activation|export';
const require = createRequire(import.meta.url);
const yauzl = require('yauzl');

async function unzip(file, to) {
  const zip = await new Promise((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  await new Promise((resolve, reject) => {
    zip.on('entry', (entry) => {
      const target = join(to, entry.fileName);
      if (!target.startsWith(to)) return reject(new Error(`bad entry ${entry.fileName}`));
      if (entry.fileName.endsWith('/')) {
        mkdirSync(target, { recursive: true });
        return zip.readEntry();
      }
      mkdirSync(dirname(target), { recursive: true });
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        pipeline(stream, createWriteStream(target)).then(() => zip.readEntry(), reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
}

if (!existsSync(vsix)) {
  console.error(`smokeVsix: ${vsix} does not exist; run npm run package first`);
  process.exit(1);
}
const suite = join(root, 'out/test/integration/suite/index.js');
if (!existsSync(suite)) {
  console.error('smokeVsix: the tests are not compiled; run node scripts/build.mjs --tests first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'report-annotator-vsix-'));
try {
  await unzip(vsix, join(dir, 'unpacked'));
  // A workspace like the integration runner's: the corpus reports as .txt, and two files that are not reports.
  const ws = join(dir, 'workspace');
  mkdirSync(join(ws, 'reports'), { recursive: true });
  const corpus = process.env.REPORT_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus');
  for (const name of readdirSync(corpus)) cpSync(join(corpus, name), join(ws, 'reports', name));
  writeFileSync(join(ws, 'notes.txt'), 'Shopping list: milk, eggs, bread.\n');
  writeFileSync(join(ws, 'empty.txt'), '');
  process.env.REPORT_ANNOTATOR_TEST_WORKSPACE = ws;
  process.env.REPORT_ANNOTATOR_TEST_GREP = grep;
  const { runTests } = require('@vscode/test-electron');
  const code = await runTests({
    vscodeExecutablePath: process.env.VSCODE_TEST_EXECUTABLE || undefined,
    extensionDevelopmentPath: join(dir, 'unpacked', 'extension'),
    extensionTestsPath: join(root, 'out/test/integration/suite/index'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--locale=en'],
    extensionTestsEnv: { REPORT_ANNOTATOR_TEST_WORKSPACE: ws, REPORT_ANNOTATOR_TEST_GREP: grep, REPORT_CORPUS_DIR: corpus },
  }).catch((err) => {
    console.error('smokeVsix: the tests could not run:', err);
    return 1;
  });
  console.log(code === 0 ? `smokeVsix: the packaged extension passes /${grep}/` : `smokeVsix: FAILED (exit ${code})`);
  process.exitCode = code;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
