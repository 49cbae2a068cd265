// Finding the documents and editors that commands work on (shared by the annotation commands, the
// annotation manager and export/import).
import * as vscode from 'vscode';
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

/** The document of the URI: the open one, else opened. */
export async function openDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return findOpenDocument(uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

/**
 * The editor a command acts on: the active one. From the Report view's title bar the focus is in the view
 * and there is no active editor: then the report editor that is visible.
 */
export function commandEditor(): vscode.TextEditor | undefined {
  return vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === REPORT_LANGUAGE);
}
