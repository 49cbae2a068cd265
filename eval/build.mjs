// Bundles the analysis core (src/core/analyze.ts + the nodejieba segmenter) into out/eval/core.js for
// eval/run.mjs. nodejieba stays external (native addon); the segmenter finds dict/ from package.json above
// out/eval/, as it does for dist/.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  stdin: {
    contents: [
      "export { analyzeText } from './src/core/analyze';",
      "export { loadJiebaSegmenter } from './src/core/segmenter';",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'eval-core.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'nodejieba'],
  logLevel: 'warning',
  absWorkingDir: root,
  outfile: join(root, 'out/eval/core.js'),
});
