// The seams between the extension's parts (and what `activate` returns, which the integration tests use).
import type * as vscode from 'vscode';
import type { Annotation, DocumentAnalysis } from '../core/types';

export interface AnalysisEvent {
  document: vscode.TextDocument;
  /** The document version the analysis was computed for. */
  version: number;
  analysis: DocumentAnalysis;
  /** What the analysis cost; undefined when nothing was analysed (an empty or refused document). */
  stats?: AnalysisRunStats;
}

/**
 * What one analysis of a document cost. The worker keeps the results of each paragraph by its text, so
 * after an edit only the paragraphs whose text changed are analysed again (cacheMisses).
 */
export interface AnalysisRunStats {
  /** The document version analysed. */
  version: number;
  /**
   * Analyses of this document so far, this one included (also those whose result came too late to be
   * announced). Edits are debounced (reportAnnotator.analysisDelay), so typing does not run one per keystroke.
   */
  sequence: number;
  /** Time spent analysing, in the worker. */
  analyzeMs: number;
  /** From posting the text to the worker to having the result on the extension host. */
  roundTripMs: number;
  /** Time spent loading the word segmenter, on the analysis that loaded it. */
  segmenterLoadMs?: number;
  /** Paragraphs whose results were reused from an earlier analysis. */
  cacheHits: number;
  /** Paragraphs analysed afresh. */
  cacheMisses: number;
  /** In the worker: comparing with the analysis the host holds, to send only what changed. */
  diffMs?: number;
  /**
   * The edit was analysed from its paragraph alone (an edit inside one paragraph that moved no heading, project
   * or list): analyzeMs covers the patch too, and no diff ran. Else `wholeText` says why the whole text was read.
   */
  paragraphOnly?: boolean;
  /** Edits at several places (cursors) were answered in turn, each from its paragraph: how many. */
  places?: number;
  wholeText?: string;
  /** On the extension host: rebuilding the analysis from the one it held and what was sent (ms, slices and pauses). */
  patchMs?: number;
  /** The longest slice of that rebuilding without a pause for the event loop (ms). */
  longestSliceMs?: number;
  /**
   * The extension host's own work for an analysis sent as a patch (ms): reading the text if it was sent (after
   * typing only the edits are), posting the request, and the rebuilding's slices without the pauses between them.
   */
  hostMs?: number;
  /** Items (sections, paragraphs, figures, captions, projects) sent, and in the whole analysis. */
  sentItems?: number;
  totalItems?: number;
}

/**
 * Analyses reports off the extension host's main thread, debounced and incremental. The analysis of an open report
 * that analyze(), peek() and onDidAnalyze give is the document's own: like the TextDocument, it follows the edits in
 * place (offsets, ids, changed items), so read it when it is given; analyzeSnapshot() gives one that stays with its text.
 */
export interface ReportAnalysisProvider {
  /** The analysis of the document's current version (waits for a running analysis, or starts one). */
  analyze(document: vscode.TextDocument): Promise<DocumentAnalysis>;
  /**
   * `read` applied at once to the analysis of the document's current version (the document's own: `read` must not
   * keep it). Nothing is handed out, so nothing is copied: a snapshot costs the next patch a copy of the whole
   * analysis (in a 5 MB report, 100,000 fresh objects and a collector's pause of 100-200 ms), and the text.
   */
  readCurrent<T>(document: vscode.TextDocument, read: (analysis: DocumentAnalysis) => T): Promise<T>;
  /** The analysis of one version of the document with that version's text (they always belong together: it is never changed). */
  analyzeSnapshot(document: vscode.TextDocument, options?: { complete?: boolean }): Promise<{ version: number; text: string; analysis: DocumentAnalysis }>;
  /** A one-off analysis of a text that is not open (nothing cached); an error if the text is not analysed. */
  analyzeText(text: string): Promise<DocumentAnalysis>;
  /** The latest analysis computed for the document, possibly of an older version; undefined if none. */
  peek(uri: vscode.Uri): DocumentAnalysis | undefined;
  /** The cost of the document's latest analysis; undefined if none ran. */
  lastRun(uri: vscode.Uri): AnalysisRunStats | undefined;
  readonly onDidAnalyze: vscode.Event<AnalysisEvent>;
}

/** The annotations (tags and notes) of every report, kept in sidecar files. */
export interface ReportAnnotationProvider {
  /** Annotations of the report, offsets in UTF-16 for the document's current text. */
  list(uri: vscode.Uri): readonly Annotation[];
  /**
   * Annotations of the report whose text could not be found after it changed. They are kept (in the
   * sidecar too) with their last-known quote in `target.exact`; their offsets are only hints.
   */
  orphans(uri: vscode.Uri): readonly Annotation[];
  /** Fires with the report's URI whenever its annotations change. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/** What activate() returns. */
export interface ReportAnnotatorApi {
  analysis: ReportAnalysisProvider;
  annotations: ReportAnnotationProvider;
}
