// Loads the extension's bundle with V8's code cache. Compiling its 430 KB took 18–20 ms of each activation, the
// largest part of it; from the cache V8 made at an earlier activation, about 8 ms. Node's `require` keeps no cache, and
// `module.enableCompileCache` would turn one on for every extension sharing the extension host, so the bundle is
// compiled here as Node would compile it (the same wrapper, the same `require`) through `vm.Script`, and its cache
// is kept in the extension's own storage.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { replaceCacheFile } from '../../core/atomicWrite';

/** What became of the cache: used, made anew (none yet, or V8 rejected it: another VS Code), or not kept (no storage). */
export type CodeCacheUse = 'used' | 'rejected' | 'absent' | 'off';

/** How a bundle was loaded: with or without the cache, and what each step took. */
export interface BundleTimes {
  cache: CodeCacheUse;
  /** Reading the bundle and its cache, and hashing the bundle (ms). */
  readMs: number;
  /** Compiling it (ms): the part the cache saves. */
  compileMs: number;
  /** Running its top level (ms). */
  evaluateMs: number;
}

export interface LoadedBundle<T> extends BundleTimes {
  exports: T;
  /** The bundle's hash (what its cache is named by), when it has a cache. */
  hash?: string;
  /**
   * Writes the cache unless the one read was used: it holds the functions compiled by then, besides the top level.
   * False when there was nothing to write.
   */
  saveCache(): Promise<boolean>;
}

const EXTENSION = '.v8cache';

/** Where the caches of the extension's bundles go: in its global storage (`storage`), when that is on disk. */
export function codeCacheDir(storage: { scheme: string; fsPath: string }): string | undefined {
  return storage.scheme === 'file' ? join(storage.fsPath, 'code-cache') : undefined;
}

/**
 * Loads `file` (a CommonJS bundle beside the caller) with the code cache kept in `cacheDir`. Its `require` is
 * `requireFn`, the caller's: VS Code finds the extension asking for `vscode` by the requiring module's path.
 */
export function loadBundle<T>(file: string, cacheDir: string | undefined, requireFn: NodeJS.Require): LoadedBundle<T> {
  const t0 = performance.now();
  const bytes = readFileSync(file);
  // V8 checks a cache against its own version and flags and the source's length only: the name holds the bundle's hash.
  const hash = cacheDir && createHash('sha1').update(bytes).digest('hex').slice(0, 16);
  const cacheFile = cacheDir && join(cacheDir, `${basename(file)}-${hash}${EXTENSION}`);
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  const source = bytes.toString('utf8');
  const t1 = performance.now();
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  const t2 = performance.now();
  const cache: CodeCacheUse = !cacheFile ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as T, filename: file };
  wrapper.call(module.exports, module.exports, requireFn, module, file, dirname(file));
  const t3 = performance.now();
  return {
    exports: module.exports,
    ...(hash && { hash }),
    cache,
    readMs: t1 - t0,
    compileMs: t2 - t1,
    evaluateMs: t3 - t2,
    saveCache: async () => {
      if (!cacheFile || cache === 'used') return false;
      // (The caches of earlier versions of this bundle are of no more use; other bundles' caches share the folder.)
      await replaceCacheFile(cacheFile, script.createCachedData(), `${basename(file)}-`, EXTENSION);
      return true;
    },
  };
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
