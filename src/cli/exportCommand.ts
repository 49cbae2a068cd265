// report-annotator export --format qdpx|jsonld|json PATH... [--out FILE]: the annotations in the sidecars
// beside the reports (PATH: a report or a folder of them), with the codebook of the nearest
// report-annotator.codebook.json above them, as a REFI-QDA project (.qdpx), a W3C Web Annotation
// collection (JSON-LD) or an AnnotationSet (the extension's own export, analysis included).
import { dirname, resolve, sep } from 'node:path';
import { statSync } from 'node:fs';
import { analyzeText } from '../core/analyze';
import { writeFileAtomic } from '../core/atomicWrite';
import { metaOf, type CodedReport, type SkippedAnnotation } from '../core/coding/codedReport';
import { findCodebook, loadCodebook, loadCodedReport, reportFilesUnder } from '../core/coding/codingWorkspace';
import { emptyCodebook } from '../core/coding/codebookSchema';
import { buildQdpx } from '../core/coding/qdpxExport';
import { buildWebAnnotationCollection } from '../core/coding/webAnnotation';
import { buildAnnotationSet, buildDocumentExport } from '../core/exportSet';
import { loadJiebaSegmenter, type Segmenter } from '../core/segmenter';
import { openOutput, refuseOutput } from './output';
import { parseFormatOutArgs } from './formatOutArgs';
import { UsageError } from './usage';

export const EXPORT_HELP = `usage: report-annotator export --format qdpx|jsonld|json PATH... [--out FILE]
  Exports the annotations in the sidecars beside the reports (each PATH a report, or a folder searched for
  .txt reports), with the codebook of the nearest report-annotator.codebook.json above them; report paths
  are given from that file's folder.
  -f, --format F   qdpx: a REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder); needs --out
                   jsonld: a W3C Web Annotation collection
                   json: an AnnotationSet, with the analysis (the extension's export)
  -o, --out FILE   write to FILE (atomically) instead of stdout
  -h, --help       show this help`;

const FORMATS = ['qdpx', 'jsonld', 'json'] as const;
type Format = (typeof FORMATS)[number];


/** Runs `export` with the arguments after the command name. */
export async function exportCommand(args: string[]): Promise<void> {
  const parsed = parseFormatOutArgs('export', EXPORT_HELP, args);
  if (!parsed) return;
  const { positionals, usage } = parsed;
  const values = { format: parsed.format, out: parsed.out };
  const format = values.format as Format | undefined;
  if (format === undefined || !FORMATS.includes(format)) throw usage(`export needs --format ${FORMATS.join('|')}`);
  if (positionals.length === 0) throw usage('export needs at least one PATH');
  if (values.out === '') throw usage('--out needs a file name');
  if (format === 'qdpx' && values.out === undefined) throw usage('a .qdpx is a zip: give --out FILE');
  await runExport({ format, paths: positionals, out: values.out });
}

export interface ExportOptions {
  format: Format;
  paths: string[];
  out?: string;
}

export async function runExport({ format, paths, out }: ExportOptions): Promise<void> {
  const files: string[] = [];
  for (const p of paths) {
    try {
      statSync(p);
    } catch {
      throw new Error(`${p}: no such file or folder`);
    }
    for (const f of await reportFilesUnder(p)) if (!files.includes(resolve(f))) files.push(resolve(f));
  }
  if (out !== undefined) refuseOutput(out, files);
  const codebookPath = findCodebook(commonFolder(paths.map((p) => resolve(p))));
  const { codebook } = codebookPath ? loadCodebook(codebookPath) : { codebook: emptyCodebook() };
  const root = codebookPath ? dirname(codebookPath) : process.cwd();
  const reports: CodedReport[] = [];
  for (const f of files) reports.push(await loadCodedReport(f, root));
  const name = root.split(sep).filter(Boolean).at(-1) ?? 'report-annotator';

  let data: string | Uint8Array;
  let skipped: SkippedAnnotation[] = [];
  if (format === 'qdpx') {
    for (const r of reports) {
      const meta = metaOf(analyzeText(r.text));
      if (meta) r.meta = meta;
    }
    const result = buildQdpx({ name, codebook, reports });
    data = result.bytes;
    skipped = result.skipped;
  } else if (format === 'jsonld') {
    const result = buildWebAnnotationCollection({ name, codebook, reports });
    data = `${JSON.stringify(result.collection, null, 2)}\n`;
    skipped = result.skipped;
  } else {
    let segmenter: Segmenter | undefined;
    let segmenterError: string | undefined;
    try {
      segmenter = loadJiebaSegmenter();
    } catch (err) {
      segmenterError = (err as Error).message;
      process.stderr.write(`report-annotator: projects are not listed: ${segmenterError}\n`);
    }
    const documents = reports.map((r) =>
      buildDocumentExport({ uri: r.path, text: r.text, analysis: analyzeText(r.text, { segmenter, segmenterError }), annotations: r.annotations.filter((a) => !a.orphaned) }),
    );
    for (const r of reports) for (const a of r.annotations) if (a.orphaned) skipped.push({ report: r.path, id: a.id, reason: 'its text is not in the report (orphaned)' });
    data = `${JSON.stringify(buildAnnotationSet(documents), null, 2)}\n`;
  }
  const byReport = new Map<string, number>();
  for (const s of skipped) byReport.set(s.report, (byReport.get(s.report) ?? 0) + 1);
  for (const [report, n] of byReport) {
    process.stderr.write(`report-annotator: ${report}: ${n} annotation${n === 1 ? '' : 's'} left out (${n === 1 ? 'its' : 'their'} text is not in the report)\n`);
  }
  if (typeof data !== 'string') {
    await writeFileAtomic(out!, data); // a zip: --out is required
    return;
  }
  const output = await openOutput(out, 'all', files);
  try {
    await output.write(data);
  } catch (err) {
    await output.abort();
    throw err;
  }
  await output.commit();
}

/** The deepest folder holding every path (a file counts by its folder). */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => (statSync(p).isDirectory() ? p : dirname(p)).split(sep));
  const common: string[] = [];
  for (let i = 0; folders.every((f) => i < f.length && f[i] === folders[0][i]); i++) common.push(folders[0][i]);
  return common.join(sep) || sep;
}
