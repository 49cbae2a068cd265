// Chinese word segmentation with part-of-speech tags, from nodejieba (a native addon around cppjieba), or
// where that cannot load, from jieba-wasm (segmenterWasm.ts).
// cppjieba aborts the whole process (not a JS exception) when a dictionary file cannot be opened, so every
// path is checked here before nodejieba.load() sees it.
import { loadWasmSegmenter } from './segmenterWasm';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as Nodejieba from 'nodejieba';

export interface Token {
  word: string;
  /** ICTCLAS-style part-of-speech tag: n, ns, nz, v, x (unknown word or punctuation), … */
  tag: string;
}

export interface Segmenter {
  tag(text: string): Token[];
}

export interface SegmenterOptions {
  /** Directory holding report.dict.utf8; defaults to dict/ beside package.json. */
  dictDir?: string;
}

export const USER_DICT_NAME = 'report.dict.utf8';

/**
 * The directory holding package.json above `from`: out/src/core when compiled for tests, dist/ when
 * bundled. Undefined when there is none.
 */
export function findPackageRoot(from: string = __dirname): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where our user dictionary is expected: `dictDir`, or dict/ in the package root. */
export function resolveUserDictPath(options: SegmenterOptions = {}, from: string = __dirname): string {
  if (options.dictDir) return resolve(options.dictDir, USER_DICT_NAME);
  const root = findPackageRoot(from);
  if (!root) throw new Error(`dictionary not found: no package.json above ${from}, so dict/${USER_DICT_NAME} cannot be located`);
  return join(root, 'dict', USER_DICT_NAME);
}

/** Throws unless `path` is a readable file that cppjieba can be given. */
export function checkDictionaryPath(path: string): void {
  // cppjieba splits its user-dictionary argument on | and ; (several files), so such a path cannot be passed.
  if (/[|;]/.test(path)) throw new Error(`dictionary path cannot contain "|" or ";": ${path}`);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // reported below
  }
  if (!isFile) throw new Error(`dictionary not found: ${path}`);
}

let loaded: { userDict: string; segmenter: Segmenter; engine: SegmenterEngine } | undefined;

/** Which segmenter runs: nodejieba's native module, or its WebAssembly stand-in. */
export type SegmenterEngine = 'nodejieba' | 'jieba-wasm';

/**
 * The word segmenter with its default dictionaries plus ours, shared by the whole process (nodejieba reads its
 * dictionaries, most of a second, when it first tags a text): nodejieba where its native module loads,
 * else jieba-wasm (REPORT_ANNOTATOR_SEGMENTER=wasm or =native chooses one). Throws an Error saying why when
 * neither loads.
 */
export function loadJiebaSegmenter(options: SegmenterOptions = {}): Segmenter {
  const userDict = resolveUserDictPath(options);
  checkDictionaryPath(userDict);
  if (loaded) {
    if (loaded.userDict !== userDict) {
      throw new Error(`the word segmenter is already loaded with ${loaded.userDict}; it cannot be reloaded with ${userDict}`);
    }
    return loaded.segmenter;
  }
  const choice = process.env.REPORT_ANNOTATOR_SEGMENTER;
  let nativeError: Error | undefined;
  if (choice !== 'wasm') {
    try {
      loaded = { userDict, segmenter: loadNative(userDict), engine: 'nodejieba' };
      return loaded.segmenter;
    } catch (err) {
      if (choice === 'native') throw err;
      nativeError = err as Error;
    }
  }
  try {
    loaded = { userDict, segmenter: loadWasmSegmenter(userDict), engine: 'jieba-wasm' };
  } catch (err) {
    throw new Error([nativeError?.message, (err as Error).message].filter(Boolean).join('; '));
  }
  return loaded.segmenter;
}

/** The engine loaded so far, if any. */
export function segmenterEngine(): SegmenterEngine | undefined {
  return loaded?.engine;
}

/**
 * nodejieba with its dictionaries checked and its native binding loaded, but the dictionaries themselves read
 * (about a second and 220 MB outside the heap) only when text is first tagged: the project scan reads the
 * same dictionary as a word list (projectLexicon.ts) and tags nothing while that file is there.
 */
function loadNative(userDict: string): Segmenter {
  let jieba: typeof Nodejieba;
  try {
    jieba = require('nodejieba') as typeof Nodejieba;
  } catch (err) {
    throw new Error(`nodejieba could not be loaded: ${(err as Error).message}`);
  }
  const defaults = jieba as unknown as Record<string, string>;
  const paths = {
    dict: defaults.DEFAULT_DICT,
    hmmDict: defaults.DEFAULT_HMM_DICT,
    userDict,
    idfDict: defaults.DEFAULT_IDF_DICT,
    stopWordDict: defaults.DEFAULT_STOP_WORD_DICT,
  };
  for (const p of Object.values(paths)) {
    if (typeof p !== 'string') throw new Error('nodejieba could not be loaded: it does not name its default dictionaries');
    checkDictionaryPath(p);
  }
  try {
    // The binding alone (nodejieba requires it on first use): a missing or foreign binary fails here, at once.
    require(join(dirname(require.resolve('nodejieba')), 'build', 'Release', 'nodejieba.node'));
  } catch (err) {
    throw new Error(`nodejieba could not be loaded: ${(err as Error).message}`);
  }
  let ready = false;
  return {
    tag: (text) => {
      if (!ready) {
        jieba.load(paths);
        ready = true;
      }
      return jieba.tag(text);
    },
  };
}
