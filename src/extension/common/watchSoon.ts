// File watchers made just after activation instead of during it: in a profile of activation, creating the first
// watchers cost VS Code's extension host more than any of our areas' own work. A file changed in the moment
// between the two is not missed where it matters: each user reads its files after activation too.
import * as vscode from 'vscode';

export interface WatchHandlers {
  create?: (uri: vscode.Uri) => unknown;
  change?: (uri: vscode.Uri) => unknown;
  delete?: (uri: vscode.Uri) => unknown;
}

/** Watches `pattern` from the next turn of the event loop on; disposing stops it (or stops it from starting). */
export function watchSoon(pattern: string, on: WatchHandlers): vscode.Disposable {
  let watching: vscode.Disposable | undefined;
  const start = setTimeout(() => {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const listeners = [on.create && watcher.onDidCreate(on.create), on.change && watcher.onDidChange(on.change), on.delete && watcher.onDidDelete(on.delete)];
    watching = vscode.Disposable.from(watcher, ...listeners.filter((l): l is vscode.Disposable => l !== undefined));
  }, 0);
  return { dispose: () => (clearTimeout(start), watching?.dispose()) };
}
