// The messages between the extension host (corpusIndex.ts, findInReports.ts) and the corpus and search workers
// (corpusWorker.ts, findWorker.ts), in a module of their own so each side imports only the protocol.
import type { FindQuery, KwicHit } from '../../core/corpus/kwic';
import type { ReportSummary } from '../../core/corpus/summary';
import type { IndicatorEntry } from '../../core/indicators';
import type { HitReport } from '../../core/tables';

/** A file to look at: `key` is the host's name for it (a URI string), `path` where to read it. */
export interface FileRef {
  key: string;
  path: string;
}

export type CorpusRequest =
  /** Detect, summarise (from the cache or by analysing) and report each file, in order. */
  /** `everyNonReport`: the files hold every candidate that is not a report, so the list of them can be replaced. */
  | { type: 'index'; id: number; files: FileRef[]; cacheDir?: string; writeCache: boolean; everyNonReport: boolean }
  /** Users' indicator entries for the analyses from now on (empty: the shipped table alone). */
  | { type: 'indicators'; entries: IndicatorEntry[][] }
  /** Stop the run `id` after the file at hand. */
  | { type: 'cancel'; id: number }
  /** Search the files' text (as on disk) for the query. */
  | { type: 'find'; id: number; files: FileRef[]; query: FindQuery }
  /** Which of a text's paragraphs hold a hit of the query (the text as the editor has it, for tagging the hits). */
  | { type: 'paragraphsHit'; id: number; text: string; paragraphs: { start: number; end: number }[]; query: FindQuery }
  /** Every hit of the query in the files (as on disk), as the hits table (core/tables HIT_COLUMNS), written to `target` whole. */
  | { type: 'exportHits'; id: number; files: (FileRef & { report: HitReport })[]; query: FindQuery; target: string };

export type FileResult =
  | { key: string; summary: ReportSummary; tags: Record<string, number>; cached: boolean; ms: number }
  /** Not a report (a .txt the detection does not recognise), or gone. */
  | { key: string; skipped: true }
  /** A report that could not be analysed, and why. */
  | { key: string; error: string };

export type CorpusResponse =
  | { type: 'results'; id: number; results: FileResult[]; done: number; total: number }
  | { type: 'done'; id: number; cancelled: boolean; droppedCacheEntries: number }
  | { type: 'found'; id: number; reports: { key: string; count: number; hits: KwicHit[] }[]; errors: { key: string; error: string }[] }
  /** The hits table written: its rows, and the reports they are in. */
  | { type: 'exportedHits'; id: number; rows: number; reports: number; errors: { key: string; error: string }[] }
  /** The indices of the paragraphs that hold a hit. */
  | { type: 'paragraphsHit'; id: number; paragraphs: number[] }
  | { type: 'error'; id: number; error: string };
