// Users' indicator entries (issue: canonical indicators): the `reportAnnotator.indicators` setting and, for a
// team, a `report-annotator.indicators.json` at a workspace folder's root. They are merged into the shipped
// table in the worker (core/indicators loadIndicatorTable). A source that does not validate is named with its
// entry in one message and left out; the others still apply.
import * as vscode from 'vscode';
import { IndicatorTableError, parseIndicatorEntries, readIndicatorFile, type IndicatorEntry } from '../../core/indicators';
import { errorMessage } from '../../core/text';

export const INDICATORS_FILE = 'report-annotator.indicators.json';

/** The entries of the setting and of the workspace files, in that order; problems named for the user. */
export async function userIndicatorEntries(): Promise<{ entries: IndicatorEntry[][]; problems: string[] }> {
  const entries: IndicatorEntry[][] = [];
  const problems: string[] = [];
  const setting = vscode.workspace.getConfiguration('reportAnnotator').get<unknown[]>('indicators', []);
  if (setting.length > 0) {
    try {
      entries.push(parseIndicatorEntries(setting, 'reportAnnotator.indicators'));
    } catch (err) {
      problems.push(errorMessage(err));
    }
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const file = vscode.Uri.joinPath(folder.uri, INDICATORS_FILE);
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      continue; // no such file: nothing to add
    }
    try {
      entries.push(readIndicatorFile(file.fsPath));
    } catch (err) {
      problems.push(err instanceof IndicatorTableError ? err.message : errorMessage(err));
    }
  }
  return { entries, problems };
}

/** Calls `changed` when the setting or a workspace indicator file changes. */
export function watchIndicatorSources(changed: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${INDICATORS_FILE}`);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('reportAnnotator.indicators') && changed()),
  );
}
