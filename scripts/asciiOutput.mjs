// Makes a bundle ASCII only. esbuild escapes the non-ASCII characters of strings but leaves those of regular
// expression literals as they are (it does not parse their contents: its `charset` option says so), and the analysis
// is full of Chinese patterns. One such character makes Node decode the whole file as UTF-8 and V8 parse it as
// two-byte text: decoding the extension's bundle took 6.5 ms instead of 1.6, at every activation. VS Code's own
// build escapes them the same way (microsoft/vscode#178579). In a regular expression `\uXXXX` matches what the
// character matched, with or without the u flag (a character beyond U+FFFF becomes its two escaped surrogates,
// which u mode reads as one). The source map's columns are moved to match.
import { readFileSync, writeFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));
/** Characters an escape adds: `\uXXXX` is six code units where the character was one. */
const ADDED = 5;

/** Rewrites `file` (and `file.map`, when there is one) with every non-ASCII code unit escaped. */
export function asciiOutput(file, { map = true } = {}) {
  const code = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(code)) return;
  const lines = code.split('\n');
  /** Per line, the columns of its escaped code units (for the map). */
  const escaped = lines.map((line, n) => {
    const columns = [];
    for (let i = 0; i < line.length; i++) {
      if (line.charCodeAt(i) < 0x80) continue;
      // An escaped character (`\在`) would become a backslash and the letter u: no such thing is expected.
      let backslashes = 0;
      while (i - backslashes > 0 && line[i - backslashes - 1] === '\\') backslashes++;
      if (backslashes % 2 === 1) throw new Error(`${file}:${n + 1}: a non-ASCII character after a backslash cannot be escaped`);
      columns.push(i);
    }
    return columns;
  });
  const ascii = lines.map((line) => line.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('\n');
  writeFileSync(file, ascii);
  if (map) {
    const sourceMap = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    sourceMap.mappings = movedMappings(sourceMap.mappings, escaped);
    writeFileSync(`${file}.map`, JSON.stringify(sourceMap));
  }
}

/**
 * The mappings with each segment's generated column moved past the escapes before it on its line. Only the first
 * field of a segment is a column (relative to the segment before it on the line); the rest is kept as written.
 */
function movedMappings(mappings, escaped) {
  return mappings
    .split(';')
    .map((line, n) => {
      const columns = escaped[n] ?? [];
      if (columns.length === 0 || line === '') return line;
      let before = 0;
      let movedBefore = 0;
      return line
        .split(',')
        .map((segment) => {
          const [delta, length] = readVlq(segment);
          const column = before + delta;
          let shift = 0;
          while (shift < columns.length && columns[shift] < column) shift++;
          const moved = column + ADDED * shift;
          const out = writeVlq(moved - movedBefore) + segment.slice(length);
          before = column;
          movedBefore = moved;
          return out;
        })
        .join(',');
    })
    .join(';');
}

/** The first base64 VLQ number of `s`, and how many characters it took. */
function readVlq(s) {
  let value = 0;
  let shift = 0;
  let i = 0;
  for (;;) {
    const digit = DIGIT.get(s[i++]);
    if (digit === undefined) throw new Error(`source map: bad mapping ${s}`);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  return [value % 2 === 1 ? -(value - 1) / 2 : value / 2, i];
}

function writeVlq(n) {
  let value = n < 0 ? -n * 2 + 1 : n * 2;
  let out = '';
  do {
    let digit = value % 32;
    value = Math.floor(value / 32);
    if (value > 0) digit |= 32;
    out += BASE64[digit];
  } while (value > 0);
  return out;
}
