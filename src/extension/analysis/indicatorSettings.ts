// Users' indicator entries (issue: canonical indicators): the `reportAnnotator.indicators` setting and, for a
// team, a `report-annotator.indicators.json` at a workspace folder's root. They are merged into the shipped
// table in the worker (core/indicators loadIndicatorTable). A source that does not validate is named with its
// entry in one message and left out; the others still apply.
import * as vscode from 'vscode';
import { IndicatorTableError, parseIndicatorEntries, readIndicatorFile, type IndicatorEntry } from '../../core/indicators';
import { errorMessage } from '../../core/text';
import { watchSoon } from '../common/watchSoon';

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

/**
 * Users' indicator entries as they are now, read again when a source changes; the analysis worker and the
 * corpus worker both take them. A bad source is named to the user once per reading.
 */
export class UserIndicators implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndicatorEntry[][]>();
  /** Fires with the new entries after a source changed and was read. */
  readonly onDidChange = this.emitter.event;
  private current: Promise<IndicatorEntry[][]>;
  private readonly watcher: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.current = this.read();
    this.watcher = watchIndicatorSources(() => {
      this.current = this.read();
      void this.current.then((entries) => this.emitter.fire(entries));
    });
  }

  /** The entries of the setting and the workspace files (empty: the shipped table alone). */
  entries(): Promise<IndicatorEntry[][]> {
    return this.current;
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }

  private async read(): Promise<IndicatorEntry[][]> {
    const { entries, problems } = await userIndicatorEntries();
    for (const problem of problems) {
      this.log.warn(`indicator table: ${problem}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('An indicator table was left out: {0}', problem));
    }
    return entries;
  }
}

/** Calls `changed` when the setting or a workspace indicator file changes. */
function watchIndicatorSources(changed: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    watchSoon(`**/${INDICATORS_FILE}`, { create: changed, change: changed, delete: changed }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('reportAnnotator.indicators') && changed()),
  );
}
