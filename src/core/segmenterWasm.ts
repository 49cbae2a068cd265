// The same segmentation where nodejieba's native module cannot load (another OS or architecture, a VS Code
// without a matching Node ABI): jieba-rs compiled to WebAssembly (the jieba-wasm package), with our user
// dictionary added word by word and the same part-of-speech tags. Slower to start and a little different in
// its dictionary, but projects are found everywhere.
import { readFileSync } from 'node:fs';

/** A word and its part-of-speech tag (the shape of segmenter.ts Token, which imports this module). */
interface Token {
  word: string;
  tag: string;
}

interface JiebaWasm {
  tag(sentence: string, hmm?: boolean): Token[];
  add_word(word: string, freq?: number, tag?: string): number;
}

/** jieba-wasm with `userDict` (lines of `word [freq] [tag]`, as nodejieba reads it) added. Throws why it cannot load. */
export function loadWasmSegmenter(userDict: string): { tag(text: string): Token[] } {
  let jieba: JiebaWasm;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- kept out of the bundle: it loads its .wasm beside itself
    jieba = require('jieba-wasm') as JiebaWasm;
  } catch (err) {
    throw new Error(`jieba-wasm could not be loaded: ${(err as Error).message}`);
  }
  for (const line of readFileSync(userDict, 'utf8').split('\n')) {
    const [word, freq, tag] = line.trim().split(/\s+/);
    if (!word) continue;
    const n = Number(freq);
    jieba.add_word(word, Number.isFinite(n) && n > 0 ? n : undefined, tag);
  }
  return { tag: (text) => jieba.tag(text, true) };
}
