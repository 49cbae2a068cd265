// report-annotator: the analysis core on the command line.
//   report-annotator analyze FILE... [--out F] [--no-projects]   print or write the AnnotationSet (code points)
//   report-annotator schema [--sidecar] [--out F]                print or write the JSON Schema (export or sidecar)
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyzeText } from './core/analyze';
import { writeFileAtomic } from './core/atomicWrite';
import { buildAnnotationSet, buildDocumentExport } from './core/exportSet';
import { decodeReport, ReportInputError } from './core/reportInput';
import { annotationSetJsonSchema, sidecarJsonSchema } from './core/schema';
import { loadJiebaSegmenter, type Segmenter } from './core/segmenter';

const USAGE = `usage:
  report-annotator analyze FILE... [--out FILE] [--no-projects]
  report-annotator schema [--sidecar] [--out FILE]`;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let out: string | undefined;
  let projects = true;
  let sidecar = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') {
      out = argv[++i];
      if (!out) throw new UsageError('--out needs a file name');
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--no-projects') projects = false;
    else if (a === '--sidecar') sidecar = true;
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  return { files, out, projects, sidecar };
}

async function emit(json: unknown, out: string | undefined): Promise<void> {
  const body = JSON.stringify(json, null, 2) + '\n';
  if (out) await writeFileAtomic(out, body);
  else process.stdout.write(body);
}

function readReport(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportInputError(`${file}: no such file`);
    if (code === 'EISDIR') throw new ReportInputError(`${file}: is a directory, not a report`);
    throw new ReportInputError(`${file}: cannot read (${code ?? String(err)})`);
  }
  return decodeReport(bytes, file);
}

async function analyze(argv: string[]): Promise<void> {
  const { files, out, projects } = parseArgs(argv);
  if (files.length === 0) throw new UsageError('analyze needs at least one FILE');
  const texts = files.map((f) => ({ file: f, text: readReport(f) })); // all inputs checked before any work
  let segmenter: Segmenter | undefined;
  let segmenterError: string | undefined;
  if (projects) {
    try {
      segmenter = loadJiebaSegmenter();
    } catch (err) {
      segmenterError = (err as Error).message;
      process.stderr.write(`report-annotator: projects are not listed: ${segmenterError}\n`);
    }
  }
  const documents = texts.map(({ file, text }) =>
    buildDocumentExport({
      uri: relative(process.cwd(), file).split('\\').join('/'),
      text,
      analysis: analyzeText(text, { segmenter, segmenterError }),
      annotations: [],
    }),
  );
  await emit(buildAnnotationSet(documents), out);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') await analyze(rest);
    else if (command === 'schema') {
      const { out, sidecar } = parseArgs(rest);
      await emit(sidecar ? sidecarJsonSchema() : annotationSetJsonSchema(), out);
    }
    else throw new UsageError(command ? `unknown command ${command}` : '');
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write((err.message ? `report-annotator: ${err.message}\n` : '') + USAGE + '\n');
      return 2;
    }
    process.stderr.write(`report-annotator: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
