// The work on one report, the same in the main thread (--jobs 1) and in a worker thread: read it, analyse it,
// and write its part of the output (a document of the AnnotationSet, a JSON line, table rows) to a sink.
import { analyzeText } from '../core/analyze';
import { renderDocument, type TextSink, writeDocumentLine, writeRecords } from '../core/exportStream';
import { TooManyFiguresError } from '../core/figures';
import { type IndicatorTable, loadIndicatorTable, readIndicatorFile } from '../core/indicators';
import { OffsetMap } from '../core/offsets';
import { readReportFile } from '../core/reportInput';
import { loadJiebaSegmenter, type Segmenter } from '../core/segmenter';
import { readSidecar } from '../core/sidecar';
import { SIDECAR_SUFFIX } from '../core/annotationFiles';
import { annotationRows, ANNOTATION_COLUMNS, type Cell, csvRecord, FIGURE_COLUMNS, figureRows, HIT_COLUMNS, hitRows, jsonlRecord } from '../core/tables';
import { compileQuery, hitSpans, type FindQuery } from '../core/corpus/kwic';
import { reportMeta } from '../core/metadata';
import { parseStructure } from '../core/structure';

export type TaskMode = 'json' | 'jsonl' | 'figures' | 'targets' | 'annotations' | 'hits';

export interface TaskOptions {
  mode: TaskMode;
  /** For tables. */
  format: 'csv' | 'jsonl';
  projects: boolean;
  /** --indicators files, merged into the shipped table. */
  indicatorFiles: string[];
  indicator?: string;
  role?: 'target' | 'result';
  /** The search of the hits table. */
  query?: FindQuery;
}

export interface TaskInput {
  path: string;
  uri: string;
  /** Already read (standard input). */
  text?: string;
}


export class DocumentTask {
  private segmenter?: Segmenter;
  private segmenterError?: string;
  private segmenterTried = false;
  readonly indicators: IndicatorTable;
  private readonly search?: RegExp;

  constructor(readonly options: TaskOptions) {
    this.indicators = loadIndicatorTable(...options.indicatorFiles.map(readIndicatorFile));
    if (options.query) this.search = compileQuery(options.query);
  }

  private get columns(): readonly string[] {
    const { mode } = this.options;
    return mode === 'annotations' ? ANNOTATION_COLUMNS : mode === 'hits' ? HIT_COLUMNS : FIGURE_COLUMNS;
  }

  /** The header of a table (empty for the other outputs). */
  header(): string {
    if (this.options.mode === 'json' || this.options.mode === 'jsonl' || this.options.format === 'jsonl') return '';
    return csvRecord([...this.columns]);
  }

  /** Writes the report's output to `sink`; throws (naming the file) when it cannot be read or analysed. */
  async run(input: TaskInput, sink: TextSink, warn: (message: string) => void): Promise<void> {
    const text = input.text ?? (await readReportFile(input.path)).text;
    const { mode } = this.options;
    if (mode === 'annotations') {
      const sidecar = input.path === '-' ? undefined : readSidecarNamed(input.path + SIDECAR_SUFFIX, text);
      await this.rows(sink, annotationRows(input.uri, text, sidecar?.annotations ?? []));
      return;
    }
    if (mode === 'hits') {
      // (The report's title and metadata, not its analysis: the search reads the text as it is.)
      const { title } = parseStructure(text);
      const { year, region, level } = reportMeta(text, title);
      await this.rows(sink, hitRows({ document: input.uri, year, region, level, title }, text, hitSpans(text, this.search!)));
      return;
    }
    const segmenter = mode === 'json' || mode === 'jsonl' ? this.loadSegmenter(warn) : undefined;
    let analysis;
    try {
      analysis = analyzeText(text, { segmenter, segmenterError: this.segmenterError, indicators: this.indicators });
    } catch (err) {
      if (err instanceof TooManyFiguresError) throw new Error(`${input.path}: ${err.message}`);
      throw err;
    }
    for (const w of analysis.warnings ?? []) warn(`${input.path}:${lineAndColumn(text, w.range.start)}: ${w.message}`);
    const doc = { uri: input.uri, text, analysis, annotations: [] };
    if (mode === 'json') await renderDocument(sink, doc);
    else if (mode === 'jsonl') await writeDocumentLine(sink, doc);
    else {
      const filter = mode === 'targets' ? { role: this.options.role ?? ('any' as const), once: true } : { role: this.options.role };
      await this.rows(sink, figureRows(input.uri, text, analysis, { ...filter, indicator: this.options.indicator }));
    }
  }

  private async rows(sink: TextSink, rows: Iterable<Cell[]>): Promise<void> {
    const columns = this.columns;
    await writeRecords(sink, rows, this.options.format === 'csv' ? csvRecord : (row) => jsonlRecord(columns, row));
  }

  private loadSegmenter(warn: (message: string) => void): Segmenter | undefined {
    if (!this.options.projects || this.segmenterTried) return this.segmenter;
    this.segmenterTried = true;
    try {
      this.segmenter = loadJiebaSegmenter();
    } catch (err) {
      this.segmenterError = (err as Error).message;
      warn(`projects are not listed: ${this.segmenterError}`);
    }
    return this.segmenter;
  }
}

function readSidecarNamed(path: string, text: string) {
  try {
    return readSidecar(path, text);
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

/** "3:5": line and column (1-based, in code points) of a UTF-16 offset, as compilers write positions. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return `${line}:${new OffsetMap(text.slice(lineStart, offset)).codePointLength + 1}`;
}
