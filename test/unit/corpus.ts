// The sample reports in ../shared/corpus (beside the repository), read once.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPackageRoot } from '../../src/core/segmenter';

/**
 * The repository root, found from out/test/unit or test/unit (the nearest folder above with a package.json). A build
 * copied outside a checkout has none: it says so, where the search went on at / for ever (a helper's copy spun 11 min).
 */
function repoRoot(): string {
  const root = findPackageRoot(__dirname);
  if (root === undefined) throw new Error(`no package.json above ${__dirname}: run the tests from a checkout of the repository`);
  return root;
}

export const REPO_ROOT = repoRoot();
export const CORPUS_DIR = process.env.REPORT_CORPUS_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'corpus');

/**
 * The texts of the reports (.txt) in shared corpus folders, by name within each folder: 'corpus' is CORPUS_DIR, the
 * others ('corpus-national', 'corpus-local', 'corpus-provinces-2026') beside it.
 */
export function folderReports(...folders: string[]): string[] {
  return folders
    .map((f) => (f === 'corpus' ? CORPUS_DIR : join(CORPUS_DIR, '..', f)))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')));
}

const cache = new Map<string, string>();
export function corpusText(name: string): string {
  let t = cache.get(name);
  if (t === undefined) {
    t = readFileSync(join(CORPUS_DIR, name), 'utf8');
    cache.set(name, t);
  }
  return t;
}
