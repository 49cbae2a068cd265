// Tag Paragraphs…, Remove Tag…, Edit Note…: on the paragraphs the selections touch (paragraphs as the
// analysis finds them), or on the annotation of a tree item. Delete Annotation and Attach to Selection work
// on a tree item (an annotation, or one not found in the text). Every command also takes an argument
// object, so tests and keybindings can run it without any UI, e.g.
//   executeCommand('reportAnnotator.tagParagraphs', { tags: ['民生'] })
//   executeCommand('reportAnnotator.tagParagraphs', { uri, ranges: [{ start: 120, end: 480 }], tags: ['财政', '民生'] })
//   executeCommand('reportAnnotator.repeatLastTag', { uri?, ranges? })      // the last tagging's tags
//   executeCommand('reportAnnotator.removeTag', { uri, tag: '民生' })        // on the touched paragraphs
//   executeCommand('reportAnnotator.removeTag', { uri, annotationId, tag })   // one annotation
//   executeCommand('reportAnnotator.editNote', { uri, note: '…' })            // note '' removes it
//   executeCommand('reportAnnotator.deleteAnnotation', { uri, annotationId }) // no confirmation asked
//   executeCommand('reportAnnotator.reattachAnnotation', { uri, annotationId, ranges })
// `ranges` are UTF-16 offsets into the document (like VS Code's offsetAt); without them the active
// editor's selections are used.
import * as vscode from 'vscode';
import type { AnnotationStore, StoredAnnotation } from '../../core/annotations';
import { touchedParagraphs } from '../../core/paragraphs';
import { truncate } from '../../core/text';
import type { Paragraph, Span } from '../../core/types';
import type { AnnotationManager } from './annotationManager';
import type { ReportAnalysisProvider } from '../api';
import { commandEditor, documentForArgument, uriBasename } from '../common/documents';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { rangeToSpan, spanToRange } from '../common/positions';
import { NoteEditor } from './noteEditor';
import { normalizeTagName, tagKey } from '../../core/coding/tagNames';
import { TAG_PALETTE, isTagColor } from '../../core/tagColors';
import { adoptTags, configuredTags, setTagColor, tagColor } from './tagSettings';
import { checkTag, TagPicker, type TagPickItem } from './tagPicker';
import { paragraphsText } from '../common/counts';
import type { TagIcons } from '../common/tagIcons';

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
/** The tags of the last tagging, for Repeat Last Tag. */
const LAST_KEY = 'reportAnnotator.lastTags';

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

export class AnnotationCommands {
  private readonly picker: TagPicker;
  /** Where notes are written (several lines): a comment thread under the paragraph. */
  readonly notes = new NoteEditor();
  /** Asks before something is deleted: a modal dialog (tests replace it, as they cannot click one). */
  confirm = async (message: string, action: string): Promise<boolean> =>
    (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;

  constructor(
    private readonly manager: AnnotationManager,
    private readonly analysis: ReportAnalysisProvider,
    private readonly memento: vscode.Memento,
    private readonly log?: vscode.LogOutputChannel,
    icons?: TagIcons,
  ) {
    this.picker = new TagPicker(icons);
  }

  /** The tag quick pick while it is open (tests drive it). */
  get quickPick(): vscode.QuickPick<TagPickItem> | undefined {
    return this.picker.quickPick;
  }

  register(): vscode.Disposable {
    const options = { writes: true, log: this.log, failed: (message: string): CommandResult => ({ annotationIds: [], message }) };
    return vscode.Disposable.from(
      this.notes,
      registerCommand('reportAnnotator.tagParagraphs', (a) => this.tagParagraphs(a), options),
      registerCommand('reportAnnotator.removeTag', (a) => this.removeTag(a), options),
      registerCommand('reportAnnotator.editNote', (a) => this.editNote(a), options),
      registerCommand('reportAnnotator.deleteAnnotation', (a) => this.deleteAnnotation(a), options),
      registerCommand('reportAnnotator.reattachAnnotation', (a) => this.reattachAnnotation(a), options),
      registerCommand('reportAnnotator.setTagColor', (a) => this.setTagColor(a), options),
      registerCommand('reportAnnotator.repeatLastTag', (a) => this.repeatLastTag(a), options),
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
      tags = await this.picker.pick([[vscode.l10n.t('In this report'), store.recentTags(50)]], paragraphs.length, this.recentTags());
      if (!tags || tags.length === 0) return { annotationIds: [], message: 'cancelled' };
    }
    const clean: string[] = [];
    // Names that differ only in width or spaces are one tag: the name the codebook, the setting or this
    // report already has is kept (民 生, ＧＤＰ → 民生, GDP).
    const known = [...configuredTags().map((s) => s.name), ...store.recentTags(200)];
    for (const raw of tags) {
      const checked = checkTag(String(raw));
      if ('error' in checked) throw new UserError(checked.error);
      const name = known.find((k) => tagKey(k) === tagKey(checked.tag)) ?? normalizeTagName(checked.tag);
      if (!clean.some((c) => tagKey(c) === tagKey(name))) clean.push(name);
    }
    // A tag used for the first time gets a colour of its own, kept in the settings: before the tagging, so that the
    // paragraph is drawn in it at once (it was drawn first in the colour the name hashes to, often another tag's).
    const unlisted = this.manager.loadedReports().flatMap((uri) => this.manager.all(uri).flatMap((a) => a.tags));
    const notAdopted = await adoptTags(clean, unlisted.filter((t) => !clean.includes(t)).map((t) => tagColor(t, configuredTags()))).then(
      () => undefined,
      (err: unknown) => err, // (reported after the tagging, which does not depend on it)
    );
    // The text may have changed while the user was choosing or the colour was written: take the paragraphs of the text we tag.
    const version = document.version;
    const now = await this.touched(document, selections);
    if (document.version !== version) throw new UserError(vscode.l10n.t('The report keeps changing; try again when it is still.'));
    const tagged = store.tagParagraphs(document.getText(), now.map((p) => p.range), clean);
    await this.remember(clean);
    if (notAdopted !== undefined) throw notAdopted;
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('Tagged {0}: {1}', paragraphsText(tagged.length), clean.join(', ')),
      4000,
    );
    return { annotationIds: tagged.map((a) => a.id) };
  }

  /** Repeat Last Tag: the tags of the last tagging, on the paragraphs the selections touch now. */
  async repeatLastTag(arg: unknown): Promise<CommandResult> {
    const last = this.memento.get<string[]>(LAST_KEY, []).filter((t) => typeof t === 'string');
    if (last.length === 0) throw new UserError(vscode.l10n.t('Nothing to repeat: tag a paragraph first.'));
    return this.tagParagraphs({ ...argsOf(arg), tags: last });
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
      const picked = await this.picker.pickToRemove(present.map((tag) => ({ tag, paragraphs: candidates.filter((a) => a.tags.includes(tag)).length })));
      if (!picked) return { annotationIds: [], message: 'cancelled' };
      if (picked.length === 0) throw new UserError(vscode.l10n.t('Nothing was removed: no tag was checked.'));
      tags = picked;
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
    const removedTags = tags.filter((t) => present.includes(t)).join(', ');
    const message = vscode.l10n.t('Removed {0} from {1}.', removedTags, paragraphsText(changed.length));
    vscode.window.setStatusBarMessage(message, 4000);
    return { annotationIds: changed, message };
  }

  /** Set Tag Colour…: a tag (a Tags-view node, `{ tag }`, or picked) gets a colour (`{ color }`, or picked). */
  async setTagColor(arg: unknown): Promise<CommandResult> {
    const node = arg as { kind?: string; tag?: unknown } | undefined;
    const args = argsOf(arg) as AnnotationCommandArgs & { color?: string };
    let tag = node?.kind === 'tag' && typeof node.tag === 'string' ? node.tag : args.tag;
    if (!tag) {
      const inReport = commandEditor()?.document;
      const names = [...new Set([...configuredTags().map((s) => s.name), ...(inReport ? this.manager.all(inReport.uri).flatMap((a) => a.tags) : [])])];
      tag = (await vscode.window.showQuickPick(names, { title: vscode.l10n.t('Set Tag Colour'), placeHolder: vscode.l10n.t('The tag to recolour') })) ?? undefined;
      if (!tag) return { annotationIds: [], message: 'cancelled' };
    }
    let color = args.color;
    if (!color) {
      const styles = configuredTags();
      const users = (c: string) => styles.filter((s) => s.color === c).map((s) => s.name).join(', ');
      const other = vscode.l10n.t('Another colour (#rrggbb)…');
      const picked = await vscode.window.showQuickPick(
        [...TAG_PALETTE.map((c) => ({ label: c, description: users(c) || vscode.l10n.t('not used') })), { label: other }],
        { title: vscode.l10n.t('Colour of {0}', tag), placeHolder: tagColor(tag, styles) },
      );
      if (!picked) return { annotationIds: [], message: 'cancelled' };
      color = picked.label === other ? await vscode.window.showInputBox({ title: vscode.l10n.t('Colour of {0}', tag), placeHolder: '#e8a33d', validateInput: (v) => (isTagColor(v.trim()) ? undefined : vscode.l10n.t('A colour is written #rrggbb.')) }) : picked.label;
      if (!color) return { annotationIds: [], message: 'cancelled' };
    }
    color = color.trim();
    if (!isTagColor(color)) throw new UserError(vscode.l10n.t('A colour is written #rrggbb.'));
    await setTagColor(tag, color);
    return { annotationIds: [], message: vscode.l10n.t('{0} is now drawn in {1}.', tag, color.toLowerCase()) };
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
      const span = annotation?.target ?? paragraph!;
      const text = document.getText().slice(span.start, span.end);
      // Shown where the note goes, in an editor of the report.
      await vscode.window.showTextDocument(document, { preserveFocus: false, selection: new vscode.Range(document.positionAt(span.start), document.positionAt(span.start)) });
      note = await this.notes.edit(
        document,
        spanToRange(document, span),
        annotation?.note,
        vscode.l10n.t('Note on “{0}” (save it empty to remove the note)', truncate(text, 40)),
      );
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
      const what = annotation.tags.length > 0 ? annotation.tags.join(', ') : truncate(annotation.target.exact, 40);
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
    vscode.window.setStatusBarMessage(vscode.l10n.t('Attached the annotation to {0}.', paragraphsText(paragraphs.length)), 4000);
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
    // Typing during the analysis: the paragraphs must be those of the text we annotate. (Copied: the document's
    // analysis follows later edits in place.)
    const carets = selections.map((s) => caretOnText(document, s));
    const paragraphs = await this.analysis.readCurrent(document, (analysis) => touchedParagraphs(analysis.paragraphs, carets).map((p) => ({ ...p, range: { ...p.range } })));
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
    await this.memento.update(LAST_KEY, tags);
    const next = [...new Set([...[...tags].reverse(), ...this.recentTags()])].slice(0, RECENT_LIMIT);
    await this.memento.update(RECENT_KEY, next);
  }
}

function argsOf(arg: unknown): AnnotationCommandArgs {
  return argumentObject<AnnotationCommandArgs>(arg, 'uri');
}

/**
 * A caret in a line's indentation, or after its last character, stands for the line's first or last character: a
 * paragraph begins after its indentation (　　), and Go to Line puts the caret at column 1. Selections and carets on
 * blank lines are as given.
 */
function caretOnText(document: vscode.TextDocument, s: Span): Span {
  if (s.start !== s.end) return s;
  const at = document.positionAt(s.start);
  const line = document.lineAt(at.line);
  if (line.isEmptyOrWhitespace) return s;
  const first = line.firstNonWhitespaceCharacterIndex;
  const last = line.text.trimEnd().length;
  const character = at.character < first ? first : at.character > last ? last : at.character;
  if (character === at.character) return s;
  const offset = document.offsetAt(at.with({ character }));
  return { start: offset, end: offset };
}
