// Tag Paragraphs…, Remove Tag…, Edit Note…: on the paragraphs the selections touch (paragraphs as the
// analysis finds them), or on the annotation of a tree item. Delete Annotation and Attach to Selection work
// on a tree item (an annotation, or one not found in the text). Every command also takes an argument
// object, so tests and keybindings can run it without any UI, e.g.
//   executeCommand('reportAnnotator.tagParagraphs', { tags: ['民生'] })
//   executeCommand('reportAnnotator.tagParagraphs', { uri, ranges: [{ start: 120, end: 480 }], tags: ['财政', '民生'] })
//   executeCommand('reportAnnotator.removeTag', { uri, tag: '民生' })        // on the touched paragraphs
//   executeCommand('reportAnnotator.removeTag', { uri, annotationId, tag })   // one annotation
//   executeCommand('reportAnnotator.editNote', { uri, note: '…' })            // note '' removes it
//   executeCommand('reportAnnotator.deleteAnnotation', { uri, annotationId }) // no confirmation asked
//   executeCommand('reportAnnotator.reattachAnnotation', { uri, annotationId, ranges })
// `ranges` are UTF-16 offsets into the document (like VS Code's offsetAt); without them the active
// editor's selections are used.
import * as vscode from 'vscode';
import type { AnnotationStore, StoredAnnotation } from '../../core/annotations';
import type { Paragraph, Span } from '../../core/types';
import type { AnnotationManager } from './annotationManager';
import type { ReportAnalysisProvider } from '../api';
import { commandEditor, documentForArgument, uriBasename } from '../common/documents';
import { rangeToSpan } from '../common/positions';
import { restrictedModeRefusal } from '../common/trust';
import { configuredTags, tagColor } from './tagDecorations';

/** What the commands accept besides a tree node or a URI. */
export interface AnnotationCommandArgs {
  uri?: vscode.Uri | string;
  /** UTF-16 ranges standing for the selections. */
  ranges?: Span[];
  tags?: string[];
  tag?: string;
  annotationId?: string;
  note?: string;
}

/** The tree's annotation node (reportTree.ts), as passed by view/item/context menus. */
interface AnnotationNodeArg {
  kind: 'annotation';
  tag: string;
  annotation: { id: string; note?: string };
  uri: vscode.Uri;
}

/** The tree's node of an annotation whose text was not found. */
interface OrphanNodeArg {
  kind: 'orphan';
  annotation: { id: string };
  uri: vscode.Uri;
}

export interface CommandResult {
  /** Ids of the annotations changed (or created). */
  annotationIds: string[];
  /** Why nothing was done, if nothing was. */
  message?: string;
}

const RECENT_KEY = 'reportAnnotator.recentTags';
const RECENT_LIMIT = 12;
export const MAX_TAG_LENGTH = 40;

/**
 * The paragraphs that the selections touch: a caret touches the paragraph it is in (or at an edge of);
 * a selection, every paragraph it overlaps. A selection ending at the very start of a paragraph (whole
 * lines selected) does not touch that paragraph. Document order, each once.
 */
export function touchedParagraphs(paragraphs: readonly Paragraph[], selections: readonly Span[]): Paragraph[] {
  const hit = new Set<Paragraph>();
  for (const s of selections) {
    const start = Math.min(s.start, s.end);
    const end = Math.max(s.start, s.end);
    for (const p of paragraphs) {
      const touches = start === end ? p.range.start <= start && start <= p.range.end : p.range.start < end && start < p.range.end;
      if (touches) hit.add(p);
    }
  }
  return paragraphs.filter((p) => hit.has(p));
}

/** A tag as the user typed it, trimmed; or an error message. */
export function checkTag(raw: string): { tag: string } | { error: string } {
  const tag = raw.trim();
  if (tag === '') return { error: vscode.l10n.t('A tag cannot be empty.') };
  if (/[\r\n\t]/.test(tag)) return { error: vscode.l10n.t('A tag is one line of text.') };
  if ([...tag].length > MAX_TAG_LENGTH) return { error: vscode.l10n.t('A tag has at most {0} characters.', MAX_TAG_LENGTH) };
  return { tag };
}

function isAnnotationNode(arg: unknown): arg is AnnotationNodeArg {
  const n = arg as Partial<AnnotationNodeArg> | undefined;
  return !!n && n.kind === 'annotation' && typeof n.tag === 'string' && !!n.annotation && n.uri instanceof vscode.Uri;
}

function isOrphanNode(arg: unknown): arg is OrphanNodeArg {
  const n = arg as Partial<OrphanNodeArg> | undefined;
  return !!n && n.kind === 'orphan' && typeof n.annotation?.id === 'string' && n.uri instanceof vscode.Uri;
}

/** A tree node's annotation as command arguments, or the arguments as they came. */
function annotationArgs(arg: unknown): { args: AnnotationCommandArgs; fromTree: boolean } {
  if (isAnnotationNode(arg) || isOrphanNode(arg)) return { args: { uri: arg.uri, annotationId: arg.annotation.id }, fromTree: true };
  return { args: argsOf(arg), fromTree: false };
}

const excerpt = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

class UserError extends Error {}

/** An item of the tag quick pick. */
export type TagPickItem = vscode.QuickPickItem & { tag?: string; isNew?: boolean };

export class AnnotationCommands {
  /** The tag quick pick while it is open (tests drive it). */
  quickPick?: vscode.QuickPick<TagPickItem>;
  /** Asks before something is deleted: a modal dialog (tests replace it, as they cannot click one). */
  confirm = async (message: string, action: string): Promise<boolean> =>
    (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;

  constructor(
    private readonly manager: AnnotationManager,
    private readonly analysis: ReportAnalysisProvider,
    private readonly memento: vscode.Memento,
  ) {}

  register(): vscode.Disposable {
    const wrap =
      (run: (arg: unknown) => Promise<CommandResult>) =>
      async (arg: unknown): Promise<CommandResult> => {
        try {
          const refusal = restrictedModeRefusal();
          if (refusal) throw new UserError(refusal);
          return await run(arg);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          if (err instanceof UserError) void vscode.window.showInformationMessage(message);
          else void vscode.window.showErrorMessage(vscode.l10n.t('Report Annotator: {0}', message));
          return { annotationIds: [], message };
        }
      };
    return vscode.Disposable.from(
      vscode.commands.registerCommand('reportAnnotator.tagParagraphs', wrap((a) => this.tagParagraphs(a))),
      vscode.commands.registerCommand('reportAnnotator.removeTag', wrap((a) => this.removeTag(a))),
      vscode.commands.registerCommand('reportAnnotator.editNote', wrap((a) => this.editNote(a))),
      vscode.commands.registerCommand('reportAnnotator.deleteAnnotation', wrap((a) => this.deleteAnnotation(a))),
      vscode.commands.registerCommand('reportAnnotator.reattachAnnotation', wrap((a) => this.reattachAnnotation(a))),
    );
  }

  // -------------------------------------------------------------------------------------------------

  async tagParagraphs(arg: unknown): Promise<CommandResult> {
    const args = argsOf(arg);
    const { document, selections } = await this.target(args);
    const paragraphs = await this.touched(document, selections);
    const store = this.manager.storeFor(document);
    let tags = args.tags;
    if (!tags) {
      tags = await this.pickTags(document, paragraphs.length);
      if (!tags || tags.length === 0) return { annotationIds: [], message: 'cancelled' };
    }
    const clean: string[] = [];
    for (const raw of tags) {
      const checked = checkTag(String(raw));
      if ('error' in checked) throw new UserError(checked.error);
      clean.push(checked.tag);
    }
    // The text may have changed while the user was choosing: take the paragraphs of the text we tag.
    const version = document.version;
    const now = args.tags ? paragraphs : await this.touched(document, selections);
    if (document.version !== version) throw new UserError(vscode.l10n.t('The report keeps changing; try again when it is still.'));
    const tagged = store.tagParagraphs(document.getText(), now.map((p) => p.range), clean);
    await this.remember(clean);
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('Tagged {0} paragraph(s): {1}', tagged.length, clean.join(', ')),
      4000,
    );
    return { annotationIds: tagged.map((a) => a.id) };
  }

  async removeTag(arg: unknown): Promise<CommandResult> {
    if (isAnnotationNode(arg)) {
      const document = await documentForArgument(arg.uri);
      const store = this.manager.storeFor(document);
      store.removeTag(arg.annotation.id, arg.tag);
      return { annotationIds: [arg.annotation.id] };
    }
    const args = argsOf(arg);
    const { document, selections } = await this.target(args);
    const store = this.manager.storeFor(document);
    let candidates: StoredAnnotation[];
    if (args.annotationId) {
      const a = store.get(args.annotationId);
      if (!a) throw new UserError(vscode.l10n.t('There is no annotation {0} in {1}.', args.annotationId, uriBasename(document.uri)));
      candidates = [a];
    } else {
      candidates = await this.touchedAnnotations(document, selections);
    }
    const present = [...new Set(candidates.flatMap((a) => a.tags))];
    if (present.length === 0) throw new UserError(vscode.l10n.t('The selected paragraphs have no tags.'));
    let tags = args.tags ?? (args.tag !== undefined ? [args.tag] : undefined);
    if (!tags) {
      const styles = configuredTags();
      const picked = await vscode.window.showQuickPick(
        present.map((t) => ({
          label: t,
          description: vscode.l10n.t('on {0} paragraph(s)', candidates.filter((a) => a.tags.includes(t)).length),
          iconPath: new vscode.ThemeIcon('tag'),
          detail: tagColor(t, styles),
        })),
        { canPickMany: true, title: vscode.l10n.t('Remove tags'), placeHolder: vscode.l10n.t('Tags to remove from the selected paragraphs') },
      );
      if (!picked || picked.length === 0) return { annotationIds: [], message: 'cancelled' };
      tags = picked.map((p) => p.label);
    }
    const missing = tags.filter((t) => !present.includes(t));
    if (missing.length === tags.length) {
      throw new UserError(vscode.l10n.t('The selected paragraphs are not tagged {0}.', missing.join(', ')));
    }
    const changed: string[] = [];
    for (const a of candidates) {
      for (const t of tags) {
        if (store.get(a.id)?.tags.includes(t)) {
          store.removeTag(a.id, t);
          if (!changed.includes(a.id)) changed.push(a.id);
        }
      }
    }
    return { annotationIds: changed };
  }

  async editNote(arg: unknown): Promise<CommandResult> {
    let document: vscode.TextDocument;
    let annotation: StoredAnnotation | undefined;
    let paragraph: Span | undefined;
    let note: string | undefined;
    if (isAnnotationNode(arg)) {
      document = await documentForArgument(arg.uri);
      annotation = this.manager.storeFor(document).get(arg.annotation.id);
      if (!annotation) throw new UserError(vscode.l10n.t('That annotation is gone.'));
    } else {
      const args = argsOf(arg);
      note = args.note;
      const target = await this.target(args);
      document = target.document;
      const store = this.manager.storeFor(document);
      if (args.annotationId) {
        annotation = store.get(args.annotationId);
        if (!annotation) throw new UserError(vscode.l10n.t('There is no annotation {0} in {1}.', args.annotationId, uriBasename(document.uri)));
      } else {
        const [first] = await this.touched(document, target.selections);
        paragraph = first.range;
        annotation = store.findInRange(paragraph.start, paragraph.end).find((a) => a.target.start < paragraph!.end && paragraph!.start < a.target.end);
      }
    }
    const store = this.manager.storeFor(document);
    if (note === undefined) {
      const text = annotation?.target.exact ?? document.getText().slice(paragraph!.start, paragraph!.end);
      note = await vscode.window.showInputBox({
        title: vscode.l10n.t('Note'),
        value: annotation?.note ?? '',
        prompt: vscode.l10n.t('Note on “{0}” (leave empty to remove the note)', text.length > 40 ? `${text.slice(0, 40)}…` : text),
        placeHolder: vscode.l10n.t('Your note'),
      });
      if (note === undefined) return { annotationIds: [], message: 'cancelled' };
    }
    const value = note.trim() === '' ? undefined : note;
    const result = annotation
      ? store.setNote(annotation.id, value)
      : store.setParagraphNote(document.getText(), paragraph!, value);
    return { annotationIds: result ? [result.id] : annotation ? [annotation.id] : [] };
  }

  /** Deletes an annotation, tags, note and all: a tree item's (after asking), or { uri, annotationId }. */
  async deleteAnnotation(arg: unknown): Promise<CommandResult> {
    const { args, fromTree } = annotationArgs(arg);
    const { document, store, annotation } = await this.annotationOf(args);
    if (fromTree) {
      const what = annotation.tags.length > 0 ? annotation.tags.join(', ') : excerpt(annotation.target.exact);
      const message = vscode.l10n.t('Delete the annotation “{0}” of {1}, with its tags and note?', what, uriBasename(document.uri));
      if (!(await this.confirm(message, vscode.l10n.t('Delete')))) return { annotationIds: [], message: 'cancelled' };
    }
    store.remove(annotation.id);
    return { annotationIds: [annotation.id] };
  }

  /**
   * Attach to Selection: anchors an annotation (one whose text was not found, typically) at the
   * paragraphs the selections touch, from the first one's start to the last one's end. Joins an
   * annotation that is on exactly those paragraphs already.
   */
  async reattachAnnotation(arg: unknown): Promise<CommandResult> {
    const { args } = annotationArgs(arg);
    const { document, store, annotation } = await this.annotationOf(args);
    const { selections } = await this.target({ ...args, uri: document.uri });
    const paragraphs = await this.touched(document, selections);
    // No await from here on: the paragraphs are those of the text we anchor to.
    const span = { start: paragraphs[0].range.start, end: paragraphs[paragraphs.length - 1].range.end };
    const attached = store.reattach(annotation.id, document.getText(), span);
    if (!attached) throw new UserError(vscode.l10n.t('That annotation is gone.'));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Attached the annotation to {0} paragraph(s).', paragraphs.length), 4000);
    return { annotationIds: [attached.id] };
  }

  // -------------------------------------------------------------------------------------------------

  /** The annotation that { uri, annotationId } name, with its document and store. */
  private async annotationOf(args: AnnotationCommandArgs): Promise<{ document: vscode.TextDocument; store: AnnotationStore; annotation: StoredAnnotation }> {
    if (args.uri === undefined || !args.annotationId) throw new UserError(vscode.l10n.t('Choose an annotation in the Report view.'));
    const document = await documentForArgument(args.uri);
    const store = this.manager.storeFor(document);
    const annotation = store.get(args.annotationId);
    if (!annotation) throw new UserError(vscode.l10n.t('There is no annotation {0} in {1}.', args.annotationId, uriBasename(document.uri)));
    return { document, store, annotation };
  }

  /** The document and the selections a command works on. */
  private async target(args: AnnotationCommandArgs): Promise<{ document: vscode.TextDocument; selections: Span[] }> {
    const editor = commandEditor();
    const document = args.uri !== undefined ? await documentForArgument(args.uri) : editor?.document;
    if (!document) throw new UserError(vscode.l10n.t('Open a report first.'));
    if (!this.manager.canAnnotate(document)) {
      throw new UserError(vscode.l10n.t('{0} is not a file on disk; save it as a file to annotate it.', uriBasename(document.uri)));
    }
    let selections: Span[];
    if (args.ranges) {
      const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
      for (const r of args.ranges) {
        if (!Number.isInteger(r?.start) || !Number.isInteger(r?.end) || r.start < 0 || r.end < r.start || r.end > length) {
          throw new Error(vscode.l10n.t('Invalid range {0} for a document of length {1}.', JSON.stringify(r), length));
        }
      }
      selections = args.ranges.map((r) => ({ start: r.start, end: r.end }));
    } else {
      const shown = editor?.document === document ? editor : vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (!shown) throw new UserError(vscode.l10n.t('Select the paragraphs in the report’s editor first.'));
      selections = shown.selections.map((s) => rangeToSpan(document, s));
    }
    return { document, selections };
  }

  /** The paragraphs the selections touch, by the analysis of the document's current version. */
  private async touched(document: vscode.TextDocument, selections: Span[]): Promise<Paragraph[]> {
    // Typing during the analysis: the paragraphs must be those of the text we annotate.
    const { analysis } = await this.analysis.analyzeSnapshot(document);
    const paragraphs = touchedParagraphs(analysis.paragraphs, selections);
    if (paragraphs.length === 0) throw new UserError(vscode.l10n.t('Put the cursor in a paragraph (or select some), then try again.'));
    return paragraphs;
  }

  /** Annotations on the touched paragraphs, and those the selections themselves overlap. */
  private async touchedAnnotations(document: vscode.TextDocument, selections: Span[]): Promise<StoredAnnotation[]> {
    const store = this.manager.storeFor(document);
    const found = new Map<string, StoredAnnotation>();
    let paragraphs: Paragraph[] = [];
    try {
      paragraphs = await this.touched(document, selections);
    } catch {
      // no paragraph: the selections alone
    }
    for (const span of [...paragraphs.map((p) => p.range), ...selections]) {
      const s = Math.min(span.start, span.end);
      const e = Math.max(span.start, span.end);
      for (const a of store.findInRange(s, e)) found.set(a.id, a);
    }
    return [...found.values()].sort((a, b) => a.target.start - b.target.start);
  }

  /** Recently used tags, most recent first (across reports). */
  recentTags(): string[] {
    return this.memento.get<string[]>(RECENT_KEY, []).filter((t) => typeof t === 'string');
  }

  private async remember(tags: string[]): Promise<void> {
    const next = [...new Set([...[...tags].reverse(), ...this.recentTags()])].slice(0, RECENT_LIMIT);
    await this.memento.update(RECENT_KEY, next);
  }

  /**
   * Multi-select quick pick: the configured tags, then recent ones, then those used in this report; a tag
   * typed in the box that is not listed is offered as a new tag (and taken if nothing else is checked).
   */
  private pickTags(document: vscode.TextDocument, paragraphCount: number): Promise<string[] | undefined> {
    const styles = configuredTags();
    const store = this.manager.storeFor(document);
    type Item = TagPickItem;
    const sections: [string, string[]][] = [
      [vscode.l10n.t('Configured tags'), styles.map((s) => s.name)],
      [vscode.l10n.t('Recent'), this.recentTags()],
      [vscode.l10n.t('In this report'), store.recentTags(50)],
    ];
    const base: Item[] = [];
    const seen = new Set<string>();
    for (const [label, tags] of sections) {
      const fresh = tags.filter((t) => !seen.has(t));
      if (fresh.length === 0) continue;
      base.push({ label, kind: vscode.QuickPickItemKind.Separator });
      for (const t of fresh) {
        seen.add(t);
        const style = styles.find((s) => s.name === t);
        base.push({ label: t, tag: t, description: style?.color ?? tagColor(t, styles), iconPath: new vscode.ThemeIcon('tag') });
      }
    }
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<Item>();
      this.quickPick = qp;
      qp.canSelectMany = true;
      qp.matchOnDescription = false;
      qp.title = vscode.l10n.t('Tag {0} paragraph(s)', paragraphCount);
      qp.placeholder = vscode.l10n.t('Check tags, or type a new tag');
      qp.items = base;
      let done = false;
      const finish = (value: string[] | undefined) => {
        if (done) return;
        done = true;
        resolve(value);
        qp.dispose();
        if (this.quickPick === qp) this.quickPick = undefined;
      };
      // New tags the user checked stay in the list when the box is cleared to check more.
      const created: Item[] = [];
      qp.onDidChangeSelection((selected) => {
        for (const item of selected) {
          if (item.isNew && item.tag && !seen.has(item.tag)) {
            seen.add(item.tag);
            const kept: Item = { label: item.tag, tag: item.tag, description: vscode.l10n.t('New tag'), iconPath: new vscode.ThemeIcon('add') };
            created.push(kept);
            base.unshift(kept);
          }
        }
      });
      qp.onDidChangeValue((value) => {
        const typed = value.trim();
        const kept = qp.selectedItems;
        const items = base.slice();
        if (typed && !seen.has(typed)) {
          const checked = checkTag(typed);
          items.unshift({
            label: typed,
            tag: 'tag' in checked ? checked.tag : undefined,
            isNew: true,
            description: 'error' in checked ? checked.error : vscode.l10n.t('New tag'),
            iconPath: new vscode.ThemeIcon('add'),
            alwaysShow: true,
          });
        }
        qp.items = items;
        qp.selectedItems = items.filter((i) => !i.isNew && kept.some((k) => k.tag === i.tag));
      });
      qp.onDidAccept(() => {
        const tags = qp.selectedItems.map((i) => i.tag).filter((t): t is string => !!t);
        if (tags.length === 0 && qp.value.trim()) {
          const checked = checkTag(qp.value);
          if ('error' in checked) {
            void vscode.window.showWarningMessage(checked.error);
            return;
          }
          tags.push(checked.tag);
        }
        finish(tags);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }
}

function argsOf(arg: unknown): AnnotationCommandArgs {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (arg && typeof arg === 'object') return arg as AnnotationCommandArgs;
  return {};
}

export function registerAnnotationCommands(
  context: vscode.ExtensionContext,
  manager: AnnotationManager,
  analysis: ReportAnalysisProvider,
): AnnotationCommands {
  const commands = new AnnotationCommands(manager, analysis, context.globalState);
  context.subscriptions.push(commands.register());
  return commands;
}
