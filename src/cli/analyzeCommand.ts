// report-annotator analyze FILE... [--out FILE] [--no-projects]: the AnnotationSet of the reports, written
// document by document (src/core/exportStream.ts) to stdout or --out.
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { analyzeText } from '../core/analyze';
import { AnnotationSetWriter } from '../core/exportStream';
import { TooManyFiguresError } from '../core/figures';
import { OffsetMap } from '../core/offsets';
import { readReportFile } from '../core/reportInput';
import { loadJiebaSegmenter, type Segmenter } from '../core/segmenter';
import { inputOverwrittenBy, openOutput } from './output';
import { UsageError } from './usage';

export interface AnalyzeOptions {
  files: string[];
  out?: string;
  projects: boolean;
}

export async function analyzeCommand({ files, out, projects }: AnalyzeOptions): Promise<void> {
  const inputs = distinctFiles(files);
  if (out !== undefined) {
    const clash = inputOverwrittenBy(out, inputs);
    if (clash !== undefined) throw new UsageError(`--out ${out} is the input ${clash}; it would be overwritten`, 'analyze');
  }
  // Opened first, so that an output that cannot be written fails before any work.
  const output = await openOutput(out);
  try {
    const texts = [];
    for (const file of inputs) texts.push({ file, text: (await readReportFile(file)).text }); // all checked before any work
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
    const writer = new AnnotationSetWriter(output);
    await writer.begin();
    while (texts.length > 0) {
      const { file, text } = texts.shift()!; // let each text go once written
      let analysis;
      try {
        analysis = analyzeText(text, { segmenter, segmenterError });
      } catch (err) {
        if (err instanceof TooManyFiguresError) throw new Error(`${file}: ${err.message}`);
        throw err;
      }
      for (const w of analysis.warnings ?? []) {
        process.stderr.write(`report-annotator: ${file}:${lineAndColumn(text, w.range.start)}: ${w.message}\n`);
      }
      await writer.document({ uri: relative(process.cwd(), file).split('\\').join('/'), text, analysis, annotations: [] });
      await new Promise((resolve) => setImmediate(resolve)); // between documents, let a signal be handled
    }
    await writer.end();
  } catch (err) {
    await output.abort();
    throw err;
  }
  await output.commit();
}

/** One file each, in the order first given: a.txt and ./a.txt (or a link to it) are one document. */
function distinctFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return true; // reading it will say what is wrong
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** "3:5": line and column (1-based, in code points) of a UTF-16 offset, as compilers write positions. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return `${line}:${new OffsetMap(text.slice(lineStart, offset)).codePointLength + 1}`;
}
