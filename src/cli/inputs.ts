// The CLI's inputs: files, directories (searched recursively for .txt and .govreport; other files skipped) and
// `-` for standard input. Each report once, in the order given (a directory's files sorted by path).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeReport } from '../core/reportInput';
import { compareCodeUnits } from '../core/text';

export interface Input {
  /** The file's path, or '-' for standard input. */
  path: string;
  /** The name in the output: the path relative to the working directory, '/' separated (stdin: '-'). */
  uri: string;
  /** Size in bytes when known (progress). */
  bytes: number;
}

const REPORT_FILE = /\.(?:txt|govreport)$/i;

/** Expands the arguments; a path that does not exist is kept, so that reading it reports the error. */
export function expandInputs(args: readonly string[]): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string, bytes: number) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // reading it will say what is wrong
    }
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ path, uri: uriOf(path), bytes });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) out.push({ path: '-', uri: '-', bytes: 0 });
      seen.add('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      add(arg, 0);
      continue;
    }
    if (stat.isDirectory()) for (const file of reportsUnder(arg)) add(file.path, file.bytes);
    else add(arg, stat.size);
  }
  return out;
}

function reportsUnder(dir: string): { path: string; bytes: number }[] {
  const found: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can read
    }
    for (const e of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (REPORT_FILE.test(e.name) && !e.name.endsWith('.annotations.json')) {
        try {
          const s = statSync(p);
          if (s.isFile()) found.push({ path: p, bytes: s.size });
        } catch {
          // vanished or a broken link: skipped like any non-report
        }
      }
    }
  };
  walk(dir);
  return found;
}

function uriOf(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/') || path;
}

/** Standard input, read once and decoded like a report file. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeReport(Buffer.concat(chunks), 'stdin');
}
