// The project scan's lexicon kept on disk between starts of the analysis worker (in the extension's storage):
// reading the dictionaries and building the word table took 0.3 s of CPU at every start, while VS Code itself
// was starting; reading the table back takes a third of that, most of it reading the file. The file is named by a
// key of everything the lexicon is built from (the code that builds it, the dictionary files, the machine's byte
// order), so a changed input is a new file; what is read back is checked before it is used.
import { createHash } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { replaceCacheFile } from './atomicWrite';
import type { Lexicon } from './projectLexicon';
import { WordTable } from './wordTable';

const MAGIC = 'report-annotator lexicon 2'; // (2: the word table's bloom filter of two bits a word, in 256 KB)
const PREFIX = 'lexicon-';
const EXTENSION = '.bin';
const CHARS = 0x10000;

/** What the file's header says (JSON, before the numbers). */
interface Header {
  magic: string;
  /** The tags of the table, by number, and of the one-character words (charTags: 1 + their place here). */
  tags: string[];
  charTags: string[];
  count: number;
  slots: number;
  bloom: number;
}

/**
 * The file for the lexicon built by code `codeKey` (the worker bundle's hash) from the dictionary files `sources`
 * as they are now (path, size, time of change: files shipped with the extension, replaced by an update).
 */
export function lexiconCacheFile(dir: string, codeKey: string, sources: readonly string[]): string {
  const hash = createHash('sha1').update(MAGIC).update(codeKey).update(endianness());
  for (const source of sources) {
    const stat = statSync(source);
    hash.update(`\n${source}\n${stat.size}\n${stat.mtimeMs}`);
  }
  return join(dir, `${PREFIX}${hash.digest('hex').slice(0, 16)}${EXTENSION}`);
}

/**
 * The lexicon in `file`, or undefined when there is none or it is not one (it is then made again). The file is read
 * off the thread: 9 MB took 35 ms to read on a slow machine, as long as the rest.
 */
export async function readLexiconCache(file: string): Promise<Lexicon | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return undefined;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.magic !== MAGIC) return undefined;
    // (The numbers start at a multiple of 4 in the file, as an Int32Array's must in its buffer: the bytes are copied
    // where the file's buffer does not start at one.)
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
    let at = aligned.byteOffset + align4(4 + headerLength);
    const ints = (n: number) => new Int32Array(aligned.buffer, (at += 4 * n) - 4 * n, n);
    const chars = () => new Uint8Array(aligned.buffer, (at += CHARS) - CHARS, CHARS);
    const slots = ints(header.slots);
    const bloom = ints(header.bloom);
    const endMask = chars();
    const startMask = chars();
    const charTags = chars();
    if (at !== aligned.byteOffset + aligned.length) return undefined;
    const words = new WordTable({ slots, bloom, tagNames: header.tags, count: header.count });
    if (charTags.some((n) => n > header.charTags.length)) return undefined;
    return { endMask, startMask, words, charTags, charTagNames: [undefined, ...header.charTags] };
  } catch {
    return undefined;
  }
}

/** Writes `lex` to `file` (whole or not at all), and removes the lexicons made from other inputs beside it. */
export async function writeLexiconCache(file: string, lex: Lexicon): Promise<void> {
  const { slots, bloom, tagNames, count } = lex.words.data();
  const charTagNames = lex.charTagNames.slice(1) as string[];
  const header: Header = { magic: MAGIC, tags: tagNames, charTags: charTagNames, count, slots: slots.length, bloom: bloom.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align4(4 + json.length);
  const bytes = new Uint8Array(start + 4 * (slots.length + bloom.length) + 3 * CHARS);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  let at = start;
  for (const part of [slots, bloom, lex.endMask, lex.startMask, lex.charTags]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  await replaceCacheFile(file, bytes, PREFIX, EXTENSION);
}

const align4 = (n: number) => (n + 3) & ~3;
