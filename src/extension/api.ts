// The seams between the extension's parts (and what `activate` returns, which the integration tests use).
import type * as vscode from 'vscode';
import type { Annotation, DocumentAnalysis } from '../core/types';

export interface AnalysisEvent {
  document: vscode.TextDocument;
  /** The document version the analysis was computed for. */
  version: number;
  analysis: DocumentAnalysis;
}

/** Analyses reports off the extension host's main thread, debounced and incremental. */
export interface ReportAnalysisProvider {
  /** The analysis of the document's current version (waits for a running analysis, or starts one). */
  analyze(document: vscode.TextDocument): Promise<DocumentAnalysis>;
  /** The latest analysis computed for the document, possibly of an older version; undefined if none. */
  peek(uri: vscode.Uri): DocumentAnalysis | undefined;
  readonly onDidAnalyze: vscode.Event<AnalysisEvent>;
}

/** The annotations (tags and notes) of every report, kept in sidecar files. */
export interface ReportAnnotationProvider {
  /** Annotations of the report, offsets in UTF-16 for the document's current text. */
  list(uri: vscode.Uri): readonly Annotation[];
  /** Fires with the report's URI whenever its annotations change. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/** What activate() returns. */
export interface ReportAnnotatorApi {
  analysis: ReportAnalysisProvider;
  annotations: ReportAnnotationProvider;
}
