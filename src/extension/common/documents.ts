// Finding the documents and editors that commands work on (shared by the annotation commands, the
// annotation manager and export/import), and when a document's analysis is let go.
import * as vscode from 'vscode';
import { isInsideRoots } from '../../core/workspacePaths';
import { REPORT_LANGUAGE } from './language';

/** A URI given as a URI, a URI string, or a file path (Windows drive paths included), as command arguments come. */
export function toUri(value: vscode.Uri | string): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/** The last segment of the URI's path: the file name, for messages. */
export function uriBasename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The open document whose URI is `key` (a URI's toString()), if it is open. */
export function findOpenDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Whether `uri` is a file inside one of the open workspace folders (symbolic links resolved). */
export function isInWorkspace(uri: vscode.Uri): boolean {
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  return uri.scheme === 'file' && isInsideRoots(uri.fsPath, roots);
}

/**
 * The document a command's `uri` argument names: one already open in VS Code (the user opened it), or a
 * file inside the workspace folders. Anything else is refused: arguments can come from data (an import, a
 * link), and must not make the extension read or write beside files the user never opened.
 */
export async function documentForArgument(value: vscode.Uri | string): Promise<vscode.TextDocument> {
  const uri = toUri(value);
  const open = findOpenDocument(uri.toString());
  if (open) return open;
  if (!isInWorkspace(uri)) {
    throw new Error(vscode.l10n.t('{0} is not in the workspace folders; open it first, or add its folder to the workspace.', uri.scheme === 'file' ? uri.fsPath : uri.toString()));
  }
  return vscode.workspace.openTextDocument(uri);
}

/**
 * The editor a command acts on: the active one. From the Report view's title bar the focus is in the view
 * and there is no active editor: then the report editor that is visible.
 */
export function commandEditor(): vscode.TextEditor | undefined {
  return vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === REPORT_LANGUAGE);
}

/**
 * What `take` makes of the document's current version, taken again (at most five times) while the document changes
 * under it: the result is called on this thread right after the version was seen to be the same.
 */
export async function atOneVersion<T>(document: vscode.TextDocument, take: (version: number) => Promise<() => T>): Promise<T> {
  for (let tries = 0; tries < 5; tries++) {
    const version = document.version;
    const result = await take(version);
    if (document.version === version) return result();
  }
  throw new Error(vscode.l10n.t('{0} keeps changing; try again when it is still.', uriBasename(document.uri)));
}

/**
 * Calls `release` when a document's analysis is no longer wanted: it closed, or its language changed to another than
 * the report language. VS Code announces a change of language as a close and then an open of the same document, which
 * stays open (isClosed is false during that close, and languageId is still the old one): a text detected as a report
 * is analysed while it is switched to the report language, and that analysis is kept.
 */
export function onAnalysisEnded(release: (document: vscode.TextDocument) => void): vscode.Disposable {
  const changing = new WeakSet<vscode.TextDocument>();
  return vscode.Disposable.from(
    vscode.workspace.onDidCloseTextDocument((doc) => (doc.isClosed ? release(doc) : changing.add(doc))),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (changing.delete(doc) && doc.languageId !== REPORT_LANGUAGE) release(doc);
    }),
  );
}
