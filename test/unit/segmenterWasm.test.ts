// One package for every platform: where nodejieba's native module cannot load, jieba-wasm (WebAssembly)
// segments with the same user dictionary and part-of-speech tags. Run in a child process with the native
// module hidden (REPORT_ANNOTATOR_SEGMENTER=wasm), the analysis finds the projects nodejieba finds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CORPUS_DIR, REPO_ROOT } from './corpus';

/** The projects of each corpus report, by the built CLI, with the given segmenter. */
function projects(engine: 'native' | 'wasm', files: string[]): Map<string, Set<string>> {
  const out = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'analyze', ...files], {
    env: { ...process.env, REPORT_ANNOTATOR_SEGMENTER: engine },
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
  const set = JSON.parse(out) as { documents: { uri: string; projects: { name: string }[] }[] };
  return new Map(set.documents.map((d) => [d.uri, new Set(d.projects.map((p) => p.name))]));
}

describe('segmenter without the native module', () => {
  test('jieba-wasm finds the projects nodejieba finds', () => {
    const files = ['002_395ec08d707c8053.txt', '003_89d403a9849428ca.txt', 'national-2016.txt'].map((f) => join(CORPUS_DIR, f));
    const native = projects('native', files);
    const wasm = projects('wasm', files);
    let both = 0;
    let either = 0;
    for (const [uri, names] of native) {
      const other = wasm.get(uri)!;
      assert.ok(other.size > 0, `${uri}: projects found without the native module`);
      both += [...names].filter((n) => other.has(n)).length;
      either += new Set([...names, ...other]).size;
    }
    const overlap = both / either;
    console.log(`    projects found by both segmenters: ${both} of ${either} (Jaccard ${overlap.toFixed(2)})`);
    assert.ok(overlap >= 0.6, `the two segmenters agree on most projects (${overlap.toFixed(2)})`);
  });
});
