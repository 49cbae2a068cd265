// Bundles the extension, its analysis worker and the CLI with esbuild; writes the JSON Schema generated
// from the zod schema and the grammar VS Code loads (scripts/mergeGrammar.mjs); with --tests also compiles src/,
// test/ and bench/ with tsc into out/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiOutput } from './asciiOutput.mjs';
import { mergeGrammar } from './mergeGrammar.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Node's built-in modules and the native segmenter, for the browser bundle: each use throws, naming what is missing. */
const nodeStubs = {
  name: 'node-stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|path|crypto|os|worker_threads|child_process|url|util|stream|zlib|vm)$|^(nodejieba|jieba-wasm)$/ }, (args) => ({
      path: args.path,
      namespace: 'node-stub',
    }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, k) => k === '__esModule' ? false : () => { throw new Error(${JSON.stringify(args.path)} + ' is not available in VS Code for the Web'); } });`,
      loader: 'js',
    }));
  },
};
/**
 * Libraries the extension needs only once it validates a file (zod) or reads or writes a .qdpx (fast-xml-parser,
 * fflate): each is bundled on its own to dist/lib/<name>.js, and in the extension's bundle it is a stub whose
 * exports are getters that require that file on first use. Activation then neither reads nor runs them
 * (zod alone is over half the bundle). The schemas are built on first use too (core/schema.ts lazySchemas).
 */
const LAZY_LIBRARIES = ['zod', 'fast-xml-parser', 'fflate'];
const requireHere = createRequire(import.meta.url);

/**
 * The names src/ imports from a library (`import { a, type B } from 'lib'`: a), so that its stub has a getter for
 * those only (esbuild copies every one of them into each importing module: zod has 260). A namespace or
 * default import gets them all.
 */
const imported = new Map();
function importedNames(library) {
  // Asked by the stub and by the library's own bundle: src/ is read once per library.
  if (!imported.has(library)) imported.set(library, readImportedNames(library));
  return imported.get(library);
}

function readImportedNames(library) {
  const names = new Set();
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  for (const file of files(join(root, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gm)) {
      if (m[3] !== library || m[1]) continue;
      const braces = /^\{([^}]*)\}$/.exec(m[2].trim());
      if (!braces) return Object.keys(requireHere(library)).filter((k) => k !== '__esModule');
      for (const part of braces[1].split(',').map((p) => p.trim()).filter(Boolean)) {
        if (!part.startsWith('type ')) names.add(part.split(/\s+as\s+/)[0]);
      }
    }
  }
  const exported = new Set(Object.keys(requireHere(library)));
  for (const name of names) if (!exported.has(name)) throw new Error(`${library} has no export ${name}`);
  return [...names];
}

const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_LIBRARIES.map((n) => n.replace(/[.-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-library' }));
    b.onResolve({ filter: /^\.\/lib\//, namespace: 'lazy-library' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-library' }, (args) => ({
      contents: [
        'let lib;',
        `const load = () => (lib ??= require(${JSON.stringify(`./lib/${args.path}.js`)}));`,
        'Object.defineProperty(exports, "__esModule", { value: true });',
        `for (const name of ${JSON.stringify(importedNames(args.path))})`,
        '  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * `import * as vscode from 'vscode'` in each of ~50 modules would each copy the whole API object (esbuild's
 * __toESM of an external CommonJS module defines a getter per property, hundreds of them), ~50 copies in
 * all: 14 ms of loading the bundle in a CPU profile of the extension host. Every import of 'vscode' goes
 * to one module that re-exports it instead, so the API is copied once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(b) {
    b.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    b.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * src/core and data/ do nothing on import but build their own tables (ARCHITECTURE.md: the pure analysis and
 * the formats). Marked free of side effects, a module of theirs whose exports the extension never uses is left
 * out of its bundle, tables and all (the analyser's word lists, which run in the worker), instead of being
 * compiled and evaluated on every activation.
 */
const pureCore = {
  name: 'pure-core',
  setup(b) {
    const pure = [join(root, 'src', 'core'), join(root, 'data')];
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.pureCore) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { pureCore: true } });
      if (r.errors.length > 0 || !pure.some((dir) => r.path.startsWith(dir))) return undefined;
      return { path: r.path, namespace: r.namespace, sideEffects: false };
    });
  },
};

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // nodejieba is a native addon: esbuild cannot bundle it, so it ships as node_modules/nodejieba.
  external: ['vscode', 'nodejieba', 'jieba-wasm'],
  sourcemap: !production,
  // Every build leaves out comments and blank space, names kept (the source map has the rest): VS Code compiles
  // the extension's bundle at each activation without a code cache, and 500 KB with comments took a third longer
  // to compile than the 370 KB without (9.2 vs 6.2 ms). The package shortens the names too.
  minify: production,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** One esbuild bundle, written ASCII only (scripts/asciiOutput.mjs: V8 reads it as one-byte text). */
async function bundle(options) {
  await build(options);
  asciiOutput(join(root, options.outfile), { map: options.sourcemap === true });
}

mkdirSync(join(root, 'dist'), { recursive: true });
// The grammar package.json contributes: the one in syntaxes/ with each list of rules merged into one search.
const grammar = mergeGrammar(JSON.parse(readFileSync(join(root, 'syntaxes', 'govreport.tmLanguage.json'), 'utf8')));
grammar.information_for_contributors = ['Made by scripts/mergeGrammar.mjs from syntaxes/govreport.tmLanguage.json at each build: edit that file.'];
writeFileSync(join(root, 'dist', 'govreport.tmLanguage.json'), JSON.stringify(grammar, null, 1));
await Promise.all([
  // What VS Code loads: the entry, which loads the extension's bundle below with V8's code cache (common/codeCache.ts).
  // Its banner and footer mark when VS Code starts and ends evaluating it (activation is measured from there where
  // VS Code keeps no marks of its own).
  bundle({
    ...common,
    entryPoints: ['src/extension/entry.ts'],
    outfile: 'dist/extension.js',
    banner: { js: 'globalThis.__reportAnnotatorLoadStart = performance.now();' },
    footer: { js: 'globalThis.__reportAnnotatorLoadEnd = performance.now();' },
  }),
  bundle({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extensionMain.js',
    plugins: [vscodeOnce, lazyLibraries, pureCore],
  }),
  // The libraries the extension loads on first use (above): the names src/ imports, from the library's ES
  // module build (tree-shaken; zod's is a fifth smaller than its CommonJS build).
  ...LAZY_LIBRARIES.map((name) =>
    bundle({
      ...common,
      stdin: { contents: `export { ${importedNames(name).join(', ')} } from ${JSON.stringify(name)};`, resolveDir: root, loader: 'js' },
      outfile: `dist/lib/${name}.js`,
    }),
  ),
  // The workers and the CLI load the same libraries on first use: zod was 70% of each of their bundles, compiled and
  // evaluated at every start (a worker's first results waited for it), and only users' indicator entries, imports
  // and the schema command use it.
  // The analysis worker likewise: its entry loads its bundle with V8's code cache (analysisWorkerEntry.ts).
  bundle({ ...common, entryPoints: ['src/extension/analysis/analysisWorkerEntry.ts'], outfile: 'dist/analysisWorker.js', plugins: [lazyLibraries, pureCore] }),
  bundle({ ...common, entryPoints: ['src/extension/analysis/analysisWorker.ts'], outfile: 'dist/analysisWorkerMain.js', plugins: [lazyLibraries, pureCore] }),
  bundle({ ...common, entryPoints: ['src/extension/corpus/corpusWorker.ts'], outfile: 'dist/corpusWorker.js', plugins: [lazyLibraries, pureCore] }),
  // One search's worker (findInReports.ts): its own small bundle, started for each search in a few tens of milliseconds.
  bundle({ ...common, entryPoints: ['src/extension/corpus/findWorker.ts'], outfile: 'dist/findWorker.js', plugins: [lazyLibraries, pureCore] }),
  // VS Code for the Web (package.json "browser"): reading features only, Node's modules replaced by stubs that
  // throw if reached (the paths that would reach them, files and the segmenter, are not taken in the browser).
  bundle({
    ...common,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    entryPoints: ['src/extension/browser.ts'],
    outfile: 'dist/web/extension.js',
    plugins: [vscodeOnce, nodeStubs],
  }),
  // The timeline webview's script with Observable Plot, for the browser (media/timeline/).
  bundle({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/timeline/timeline.js'], outfile: 'dist/timeline.js' }),
  bundle({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyLibraries, pureCore] }),
]);
// The CLI is the package's bin: on a fresh `npm ci` the file did not exist yet for npm to mark executable.
chmodSync(join(root, 'dist/cli.js'), 0o755);

// The JSON Schemas shipped in the extension, generated from the zod schemas in src/core/schema.ts.
for (const [file, extra] of [['annotation-set.schema.json', []], ['sidecar.schema.json', ['--sidecar']], ['codebook.schema.json', ['--codebook']]]) {
  execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'schema', ...extra, '--out', join(root, 'dist', file)], {
    stdio: 'inherit',
  });
}

if (args.has('--tests')) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
}
