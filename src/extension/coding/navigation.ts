// Moving between tagged paragraphs with the keyboard (Next/Previous Tagged Paragraph, wrapping at the
// ends), and opening the paragraph behind a Tags-view row or a matrix cell. Each takes an argument object:
//   executeCommand('reportAnnotator.nextTaggedParagraph', { tag? })    // only paragraphs with that tag
//   executeCommand('reportAnnotator.openTaggedParagraph', { uri, annotationId })
import * as vscode from 'vscode';
import { tagKey } from '../../core/coding/tagNames';
import type { AnnotationManager } from '../annotating/annotationManager';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { commandEditor, documentForArgument, uriBasename } from '../common/documents';
import { spanToRange } from '../common/positions';

export interface NavigationResult {
  /** The annotation now selected. */
  annotationId?: string;
  /** The move went past the end (or start) and came round. */
  wrapped?: boolean;
  message?: string;
}

export function registerNavigation(manager: AnnotationManager, log?: vscode.LogOutputChannel): vscode.Disposable {
  const options = { log, failed: (message: string): NavigationResult => ({ message }) };
  const step = (direction: 1 | -1) => async (arg: unknown): Promise<NavigationResult> => {
    const { tag } = argumentObject<{ tag?: string }>(arg);
    const editor = commandEditor();
    if (!editor) throw new UserError(vscode.l10n.t('Open a report first.'));
    const list = manager
      .list(editor.document.uri)
      .filter((a) => (tag === undefined ? a.tags.length > 0 : a.tags.some((t) => tagKey(t) === tagKey(tag))))
      .sort((a, b) => a.target.start - b.target.start);
    if (list.length === 0) throw new UserError(vscode.l10n.t('{0} has no tagged paragraphs.', uriBasename(editor.document.uri)));
    const at = editor.document.offsetAt(editor.selection.active);
    let next = direction > 0 ? list.find((a) => a.target.start > at) : undefined;
    if (direction < 0) {
      // The paragraph the cursor is in counts as "here": the previous one starts before it.
      const here = list.find((a) => a.target.start <= at && at <= a.target.end);
      next = [...list].reverse().find((a) => a.target.start < (here ? here.target.start : at));
    }
    const wrapped = !next;
    next ??= direction > 0 ? list[0] : list[list.length - 1];
    const range = spanToRange(editor.document, next.target);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const index = list.indexOf(next) + 1;
    const message = vscode.l10n.t('Tagged paragraph {0} of {1}: {2}', index, list.length, next.tags.join(', '));
    vscode.window.setStatusBarMessage(wrapped ? `${message} ${vscode.l10n.t('(from the other end)')}` : message, 3000);
    return { annotationId: next.id, wrapped, message };
  };
  return vscode.Disposable.from(
    registerCommand('reportAnnotator.nextTaggedParagraph', step(1), options),
    registerCommand('reportAnnotator.previousTaggedParagraph', step(-1), options),
    registerCommand('reportAnnotator.openTaggedParagraph', (a) => openTaggedParagraph(manager, a), options),
  );
}

/** Opens the report at the annotation (found again in the text, if it changed). */
export async function openTaggedParagraph(manager: AnnotationManager, arg: unknown): Promise<NavigationResult> {
  const { uri, annotationId } = argumentObject<{ uri?: vscode.Uri | string; annotationId?: string }>(arg);
  if (uri === undefined || !annotationId) throw new UserError(vscode.l10n.t('Choose a paragraph in the Tags view.'));
  const document = await documentForArgument(uri);
  const annotation = manager.storeFor(document).get(annotationId);
  if (!annotation) throw new UserError(vscode.l10n.t('There is no annotation {0} in {1}.', annotationId, uriBasename(document.uri)));
  const range = spanToRange(document, annotation.target);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return { annotationId, ...(annotation.orphaned && { message: vscode.l10n.t('Its text was not found; shown where it last was.') }) };
}
