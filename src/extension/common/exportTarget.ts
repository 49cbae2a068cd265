// Where an export may be written. A save dialog lets the user type any name, and a command's `target` argument
// is any path: an export of annotations written over a report's sidecar replaced every tag of that report with
// an export (which the sidecar reader refuses), and one written over a report replaced its text. An export goes
// to a file of its own kind only (a CSV table to a .csv file), never to an annotation sidecar or the codebook;
// a report (.txt) is no file of any export's kind.
import { basename, resolve } from 'node:path';
import * as vscode from 'vscode';
import { annotationFileAt, pathsWritten } from '../../core/annotationFiles';
import { UserError } from './commands';

/**
 * The path to write an export to, given as `target`, for a file ending in one of `extensions` (csv, json, …); a
 * UserError naming the file and why, and nothing written, for a file of another kind, a sidecar or the codebook.
 */
export function exportTarget(target: vscode.Uri | string, extensions: readonly string[]): string {
  const path = resolve(typeof target === 'string' ? target : target.fsPath);
  // (By name, and through a symbolic link by its target's: a link named hits.csv may point at a sidecar.)
  if (annotationFileAt(path)) {
    throw new UserError(vscode.l10n.t('{0} holds annotations or the codebook; an export is never written over it. Nothing was written.', path));
  }
  // (A link named hits.csv that points at a report is no .csv file: what is written is the link's target.)
  const ofKind = (p: string) => extensions.some((ext) => basename(p).toLowerCase().endsWith(`.${ext}`));
  const kinds = extensions.map((ext) => `.${ext}`).join(' / ');
  if (!ofKind(path)) throw new UserError(vscode.l10n.t('This export is written to a {0} file; {1} is not one. Nothing was written.', kinds, path));
  const reached = pathsWritten(path).find((p) => !ofKind(p));
  if (reached) throw new UserError(vscode.l10n.t('{0} is a link to {1}, which is no {2} file. Nothing was written.', path, reached, kinds));
  return path;
}
