// Where a report's annotations live on disk, and watching them.
//
// The sidecar is `<report file>.annotations.json` beside the report (002.txt → 002.txt.annotations.json):
// - it travels with the report when the folder is copied, zipped, synced or committed, and a colleague who
//   opens the folder sees the same tags; workspace storage (context.storageUri) would hide the work in a
//   per-machine folder keyed by the workspace path, lost when the folder moves;
// - it works for reports outside any workspace folder, and for multi-root workspaces, without a mapping;
// - the name says whose it is, sorts next to the report, and a report without annotations has no file.
// Only `file:` documents get a sidecar; annotations of other documents (untitled, virtual) are refused
// by the commands with a message, since they could not be kept.
import { existsSync, renameSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';

import { SIDECAR_SUFFIX } from '../../core/annotationFiles';
export { SIDECAR_SUFFIX };

/** The sidecar path of a report, or undefined when the report is not a file on disk. */
export function sidecarPathFor(report: vscode.Uri): string | undefined {
  return report.scheme === 'file' ? report.fsPath + SIDECAR_SUFFIX : undefined;
}

/** The report a sidecar belongs to (its path without the suffix), or undefined for another file. */
export function reportPathForSidecar(sidecar: string): string | undefined {
  return sidecar.endsWith(SIDECAR_SUFFIX) && sidecar.length > SIDECAR_SUFFIX.length
    ? sidecar.slice(0, -SIDECAR_SUFFIX.length)
    : undefined;
}

/**
 * Keeps a sidecar before it is overwritten: an invalid one (one we could not read), or one `replaced` by a renamed
 * report's: renamed to `<report>.annotations.<why>-<time>.json`, which no longer looks like a sidecar. Returns the new path.
 */
export function setAsideSidecar(path: string, now = new Date(), why: 'invalid' | 'replaced' = 'invalid'): string | undefined {
  if (!existsSync(path)) return undefined;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${path.slice(0, -'.json'.length)}.${why}-${stamp}.json`;
  renameSync(path, aside);
  return aside;
}

/**
 * Watches a report and its sidecar on disk (changes made outside VS Code: another editor, git, sync).
 * A RelativePattern on the report's folder works inside and outside the workspace folders.
 */
export function watchReportFiles(
  report: vscode.Uri,
  on: { report: (kind: 'changed' | 'deleted') => void; sidecar: (kind: 'changed' | 'deleted') => void },
): vscode.Disposable {
  const name = basename(report.fsPath);
  const pattern = new vscode.RelativePattern(vscode.Uri.file(dirname(report.fsPath)), `{${escapeGlob(name)},${escapeGlob(name + SIDECAR_SUFFIX)}}`);
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  const route = (uri: vscode.Uri, kind: 'changed' | 'deleted') => {
    const b = basename(uri.fsPath);
    if (b === name) on.report(kind);
    else if (b === name + SIDECAR_SUFFIX) on.sidecar(kind);
  };
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange((u) => route(u, 'changed')),
    watcher.onDidCreate((u) => route(u, 'changed')),
    watcher.onDidDelete((u) => route(u, 'deleted')),
  );
}

function escapeGlob(s: string): string {
  return s.replace(/[{}[\]*?,!]/g, (c) => `[${c}]`);
}

/** Sidecars in the workspace folders (for the workspace export). */
export async function findWorkspaceSidecars(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  return vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', undefined, token);
}

/** A file's time and size: a write we know of is told from a new one by them. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** The file's stamp, or undefined if it cannot be read now. */
export function fileStamp(path: string): Promise<FileStamp | undefined> {
  return stat(path).then(
    (st) => ({ mtimeMs: st.mtimeMs, size: st.size }),
    () => undefined,
  );
}

export function sameStamp(a: FileStamp, b: FileStamp | undefined): boolean {
  return a.mtimeMs === b?.mtimeMs && a.size === b.size;
}
