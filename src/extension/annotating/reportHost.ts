// What one report's annotations (reportAnnotations.ts) need from the manager that holds them all
// (annotationManager.ts), and the write timings they share.
import type * as vscode from 'vscode';
import type { Notifier } from './sidecarMessages';

/** Write timings, for the log and for tests. */
export interface SaveStats {
  writes: number;
  lastMs: number;
  maxMs: number;
  lastBytes: number;
  /** Writes that failed (the changes stay in memory and are written with the next one). */
  failures: number;
}

/** What a report's annotations need from the manager that holds them. */
export interface ReportHost {
  readonly saveDelay: number;
  readonly syncDelay: number;
  readonly notify: Notifier;
  readonly log?: vscode.LogOutputChannel;
  readonly stats: SaveStats;
  /** Whether this object is still the one the manager holds for its report (not dropped, not replaced). */
  isCurrent(report: object): boolean;
  /** The manager is stopping: nothing is scheduled any more. */
  readonly disposed: boolean;
  /** The report's annotations changed (for the views and decorations). */
  changed(uri: vscode.Uri): void;
  /** Orphans appeared that the user may not have heard of. */
  orphansFound(uri: vscode.Uri): void;
}

export function recordWrite(stats: SaveStats, ms: number, bytes: number): void {
  stats.writes++;
  stats.lastMs = ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  stats.lastBytes = bytes;
}
