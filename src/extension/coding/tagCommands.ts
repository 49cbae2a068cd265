// The codebook commands: Create Codebook (seeded from the reportAnnotator.tags setting and the tags in use),
// New Tag, Rename Tag, Merge Tags, Describe Tag, Move Tag, Adopt Tag, and memos on tags and reports. Each
// takes an argument object (or a Tags-view node), so tests and keybindings run it without UI, e.g.
//   executeCommand('reportAnnotator.renameTag', { from: '民生', to: '民生保障', confirm: false })
//   executeCommand('reportAnnotator.mergeTags', { from: ['财政', '预算'], into: '财政', confirm: false })
//   executeCommand('reportAnnotator.newTag', { name: '财政', parent: '经济', color: '#d9534f' })
//   executeCommand('reportAnnotator.editTagMemo', { tag: '财政', text: '…' })   // '' removes it
//   executeCommand('reportAnnotator.editReportMemo', { uri, text: '…' })
// Rename and merge rewrite every sidecar of the workspace all or nothing (core planApply): pending writes
// are flushed before the plan, a preview says how many annotations in how many reports change, and after
// the writes the annotations in memory are read again from the sidecars.
import * as vscode from 'vscode';
import { type Codebook, CODEBOOK_FILE } from '../../core/coding/codebookSchema';
import { addTag, CodebookError, describeTag, findTag, moveTag, setReportMemo, setTagMemo, withTags } from '../../core/coding/codebook';
import { loadTagChangeInput } from '../../core/coding/codingWorkspace';
import { applyPlan, PlanError } from '../../core/coding/planApply';
import { normalizeTagName, tagKey } from '../../core/coding/tagNames';
import { planMerge, planRename, type TagChangePlan } from '../../core/coding/tagOperations';
import { tagUsage } from '../../core/coding/tagMatrix';
import { assignColors, isTagColor } from '../../core/tagColors';
import type { AnnotationManager } from '../annotating/annotationManager';
import { findWorkspaceSidecars } from '../annotating/sidecarFiles';
import { checkTag } from '../annotating/tagPicker';
import { configuredTags, settingTags, setTagColor, tagColor } from '../annotating/tagSettings';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { commandEditor, isInWorkspace, toUri } from '../common/documents';
import { type CodebookService, codebookReportPath } from './codebookService';
import type { TagsNode } from './tagsView';
import type { WorkspaceTags } from './workspaceTags';
import { annotationsText, reportsText, tagsText } from '../common/counts';

export interface TagCommandArgs {
  tag?: string;
  from?: string | string[];
  to?: string;
  into?: string;
  name?: string;
  color?: string;
  parent?: string;
  description?: string;
  text?: string;
  uri?: vscode.Uri | string;
  /** false: no preview dialog (tests, scripts). */
  confirm?: boolean;
}

export interface TagCommandResult {
  /** What changed, in words (or why nothing did). */
  message?: string;
  annotations?: number;
  reports?: number;
  /** The codebook file written. */
  codebook?: string;
}

export class TagCommands {
  /** Asks before a rename or merge: a modal dialog (tests replace it). */
  confirm = async (message: string, action: string): Promise<boolean> =>
    (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;

  constructor(
    private readonly manager: AnnotationManager,
    private readonly codebooks: CodebookService,
    private readonly index: WorkspaceTags,
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable {
    const options = { writes: true, log: this.log, failed: (message: string): TagCommandResult => ({ message }) };
    const run = (id: string, f: (a: TagCommandArgs, node?: TagsNode) => Promise<TagCommandResult>) =>
      registerCommand(`reportAnnotator.${id}`, (a) => f(...argsOf(a)), options);
    return vscode.Disposable.from(
      run('createCodebook', (a) => this.createCodebook(a)),
      run('newTag', (a, n) => this.newTag(a, n)),
      run('renameTag', (a, n) => this.renameTag(a, n)),
      run('mergeTags', (a, n) => this.mergeTags(a, n)),
      run('describeTag', (a, n) => this.describeTag(a, n)),
      run('moveTag', (a, n) => this.moveTag(a, n)),
      run('adoptTag', (a, n) => this.adoptTag(a, n)),
      run('editTagMemo', (a, n) => this.editTagMemo(a, n)),
      run('editReportMemo', (a, n) => this.editReportMemo(a, n)),
    );
  }

  // -------------------------------------------------------------------------------------------------

  async createCodebook(args: TagCommandArgs): Promise<TagCommandResult> {
    const state = this.codebooks.stateFor(args.uri !== undefined ? toUri(args.uri) : undefined);
    if (!state) throw new UserError(vscode.l10n.t('Open a folder with reports first.'));
    if (state.content !== undefined) {
      await vscode.window.showTextDocument(vscode.Uri.file(state.path));
      throw new UserError(vscode.l10n.t('{0} has a codebook already.', state.folder.name));
    }
    await this.index.settled();
    // The setting's tags with their colours, then every tag in use with the colour it is drawn in now.
    const seeds = settingTags();
    const used = [...tagUsage(this.index.reports()).values()].map((u) => u.name).filter((n) => !seeds.some((s) => tagKey(s.name) === tagKey(n)));
    const styles = configuredTags();
    const tags = [...seeds.map(({ name, color }) => ({ name, color })), ...used.map((name) => ({ name, color: tagColor(name, styles) }))];
    await this.codebooks.update(state.folder.uri, (cb) => withTags(cb, tags), true);
    void vscode.window.showTextDocument(vscode.Uri.file(state.path), { preview: true, preserveFocus: true });
    return { message: vscode.l10n.t('Created {0} with {1}.', CODEBOOK_FILE, tagsText(tags.length)), codebook: state.path };
  }

  async newTag(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    await this.ensureCodebook();
    let name = args.name;
    if (name === undefined) {
      name = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Tag'),
        prompt: node?.kind === 'tag' ? vscode.l10n.t('A tag under {0}', node.tag) : undefined,
        validateInput: (v) => {
          const c = checkTag(v);
          return 'error' in c ? c.error : undefined;
        },
      });
      if (name === undefined) return { message: 'cancelled' };
    }
    const checked = checkTag(name);
    if ('error' in checked) throw new UserError(checked.error);
    const parent = args.parent ?? (node?.kind === 'tag' && !node.unlisted ? node.tag : undefined);
    const used = configuredTags().map((s) => s.color);
    const color = args.color ?? assignColors([checked.tag], used).get(checked.tag)!;
    if (!isTagColor(color)) throw new UserError(vscode.l10n.t('A colour is written #rrggbb.'));
    const tag = { name: normalizeTagName(checked.tag), color: color.toLowerCase(), ...(parent && { parent }), ...(args.description && { description: args.description }) };
    await this.edit((cb) => addTag(cb, tag));
    return { message: vscode.l10n.t('Added the tag {0}.', tag.name) };
  }

  async renameTag(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    const from = tagOf(args, node) ?? (Array.isArray(args.from) ? args.from[0] : args.from) ?? (await this.pickTag(vscode.l10n.t('Rename Tag')));
    if (!from) return { message: 'cancelled' };
    const to =
      args.to ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename {0}', from),
        value: from,
        validateInput: (v) => {
          const c = checkTag(v);
          return 'error' in c ? c.error : undefined;
        },
      }));
    if (to === undefined) return { message: 'cancelled' };
    const checked = checkTag(to);
    if ('error' in checked) throw new UserError(checked.error);
    return this.change('rename', [from], checked.tag, args.confirm !== false);
  }

  async mergeTags(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    let from = Array.isArray(args.from) ? args.from : args.from !== undefined ? [args.from] : (tagOf(args, node) ? [tagOf(args, node)!] : undefined);
    if (!from) {
      const picked = await vscode.window.showQuickPick(this.allTagNames(), { canPickMany: true, title: vscode.l10n.t('Merge Tags'), placeHolder: vscode.l10n.t('The tags to merge') });
      if (!picked || picked.length === 0) return { message: 'cancelled' };
      from = picked;
    }
    const into =
      args.into ??
      (await vscode.window.showQuickPick(this.allTagNames().filter((t) => from!.length > 1 || !from!.some((f) => tagKey(f) === tagKey(t))), {
        title: vscode.l10n.t('Merge {0} into…', from.join(', ')),
        placeHolder: vscode.l10n.t('The tag they become'),
      }));
    if (!into) return { message: 'cancelled' };
    return this.change('merge', from, into, args.confirm !== false);
  }

  async describeTag(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    const tag = tagOf(args, node) ?? (await this.pickTag(vscode.l10n.t('Describe Tag'), true));
    if (!tag) return { message: 'cancelled' };
    const current = this.codebooks.all().map((s) => s.codebook && findTag(s.codebook, tag)).find(Boolean);
    const text = args.description ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Description of {0}', tag), value: current?.description ?? '' }));
    if (text === undefined) return { message: 'cancelled' };
    await this.edit((cb) => describeTag(cb, tag, text));
    return { message: vscode.l10n.t('Described {0}.', tag) };
  }

  async moveTag(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    const tag = tagOf(args, node) ?? (await this.pickTag(vscode.l10n.t('Move Tag'), true));
    if (!tag) return { message: 'cancelled' };
    let parent = args.parent;
    if (parent === undefined) {
      const top = vscode.l10n.t('(top level)');
      const picked = await vscode.window.showQuickPick([top, ...this.codebookTagNames().filter((t) => tagKey(t) !== tagKey(tag))], {
        title: vscode.l10n.t('Move {0} under…', tag),
      });
      if (picked === undefined) return { message: 'cancelled' };
      parent = picked === top ? '' : picked;
    }
    await this.edit((cb) => moveTag(cb, tag, parent === '' ? undefined : parent));
    return { message: parent ? vscode.l10n.t('{0} is now under {1}.', tag, parent) : vscode.l10n.t('{0} is now at the top level.', tag) };
  }

  /** Adopt: a tag used in annotations goes into the codebook with the colour it is drawn in now. */
  async adoptTag(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    let tags: string[];
    const one = tagOf(args, node);
    if (one) tags = [one];
    else if (node?.kind === 'unlistedGroup') tags = node.children.flatMap((c) => (c.kind === 'tag' ? [c.tag] : []));
    else {
      await this.index.settled();
      tags = [...tagUsage(this.index.reports()).values()].map((u) => u.name).filter((n) => !this.codebookTagNames().some((t) => tagKey(t) === tagKey(n)));
    }
    await this.ensureCodebook();
    const styles = configuredTags();
    await this.edit((cb) => withTags(cb, tags.map((name) => ({ name: normalizeTagName(name), color: tagColor(name, styles) }))));
    return { message: vscode.l10n.t('Adopted {0} into the codebook.', tags.join(', ')) };
  }

  async editTagMemo(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    const tag = tagOf(args, node) ?? (node?.kind === 'memo' ? node.tag : undefined) ?? (await this.pickTag(vscode.l10n.t('Memo on a Tag'), true));
    if (!tag) return { message: 'cancelled' };
    const current = this.codebooks.all().map((s) => s.codebook?.memos?.find((m) => m.tag !== undefined && tagKey(m.tag) === tagKey(tag))).find(Boolean);
    const text = args.text ?? (await this.askMemo(tag, current?.text));
    if (text === undefined) return { message: 'cancelled' };
    await this.edit((cb) => setTagMemo(cb, tag, text));
    return { message: text.trim() ? vscode.l10n.t('Saved the memo on {0}.', tag) : vscode.l10n.t('Removed the memo on {0}.', tag) };
  }

  async editReportMemo(args: TagCommandArgs, node?: TagsNode): Promise<TagCommandResult> {
    const uri =
      args.uri !== undefined
        ? toUri(args.uri)
        : node?.kind === 'report'
          ? node.report.uri
          : node?.kind === 'memo' && node.report !== undefined
            ? typeof node.report === 'string'
              ? vscode.Uri.joinPath(this.codebooks.stateFor()!.folder.uri, node.report)
              : node.report.uri
            : commandEditor()?.document.uri;
    if (!uri) throw new UserError(vscode.l10n.t('Open a report first.'));
    if (!isInWorkspace(uri)) throw new UserError(vscode.l10n.t('{0} is not in the workspace folders; open it first, or add its folder to the workspace.', uri.fsPath));
    const folder = vscode.workspace.getWorkspaceFolder(uri)!;
    const path = codebookReportPath(uri);
    const state = this.codebooks.stateFor(uri);
    const current = state?.codebook?.memos?.find((m) => m.report === path);
    const text = args.text ?? (await this.askMemo(path, current?.text, state?.path));
    if (text === undefined) return { message: 'cancelled' };
    await this.ensureCodebook(folder.uri);
    await this.codebooks.update(folder.uri, (cb) => setReportMemo(cb, path, text));
    return { message: text.trim() ? vscode.l10n.t('Saved the memo on {0}.', path) : vscode.l10n.t('Removed the memo on {0}.', path) };
  }

  /**
   * A memo of one line is edited in an input box; one of several lines (a merge joins memos) would lose
   * its line breaks there, so the codebook opens at it instead (undefined: nothing to do here).
   */
  private async askMemo(what: string, current: string | undefined, file = this.codebooks.stateFor()?.path): Promise<string | undefined> {
    if (current?.includes('\n') && file) {
      const document = await vscode.workspace.openTextDocument(file);
      const at = document.getText().indexOf(JSON.stringify(current));
      const editor = await vscode.window.showTextDocument(document);
      if (at >= 0) editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + JSON.stringify(current).length));
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
      vscode.window.setStatusBarMessage(vscode.l10n.t('The memo on {0} has several lines: edit it here, in the codebook.', what), 6000);
      return undefined;
    }
    return vscode.window.showInputBox({ title: vscode.l10n.t('Memo on {0} (empty removes it)', what), value: current ?? '' });
  }

  // -------------------------------------------------------------------------------------------------

  /** Renames or merges across every workspace folder's sidecars and codebook, all or nothing. */
  private async change(kind: 'rename' | 'merge', from: string[], to: string, ask: boolean): Promise<TagCommandResult> {
    const states = this.codebooks.all();
    const wrong = states.find((s) => s.problems);
    if (wrong) throw new UserError(vscode.l10n.t('{0} has problems; mend it first (nothing was changed): {1}', wrong.path, wrong.problems!.join('; ')));
    // What is in memory must be on disk before the plan reads the sidecars.
    await this.manager.flush();
    const plans: TagChangePlan[] = [];
    // (The sidecars the Tags view counts, found as it finds them: a walk of the disk skipped hidden and linked
    // folders, which kept the old tag while the codebook lost it.)
    const sidecars = await findWorkspaceSidecars();
    for (const s of states) {
      const own = sidecars.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === s.folder.uri.toString()).map((uri) => uri.fsPath);
      const input = await loadTagChangeInput(s.folder.uri.fsPath, undefined, own);
      try {
        plans.push(kind === 'rename' ? planRename(input, from[0], to) : planMerge(input, from, to));
      } catch (err) {
        if (err instanceof CodebookError) throw new UserError(err.message);
        throw err;
      }
    }
    const annotations = plans.reduce((n, p) => n + p.annotations, 0);
    const reports = plans.reduce((n, p) => n + p.reports, 0);
    const writes = plans.flatMap((p) => p.writes);
    if (writes.length === 0) throw new UserError(vscode.l10n.t('No annotation or codebook entry has {0}; nothing to change.', from.join(', ')));
    const preview =
      kind === 'rename'
        ? vscode.l10n.t('Rename {0} to {1}? This changes {2} in {3}.', from[0], to, annotationsText(annotations), reportsText(reports))
        : vscode.l10n.t('Merge {0} into {1}? This changes {2} in {3}.', from.join(', '), to, annotationsText(annotations), reportsText(reports));
    if (ask && !(await this.confirm(preview, kind === 'rename' ? vscode.l10n.t('Rename') : vscode.l10n.t('Merge')))) return { message: 'cancelled' };
    // The setting keeps the colour under the new name when there is no codebook to carry it.
    const color = this.codebooks.present ? undefined : settingTags().find((s) => tagKey(s.name) === tagKey(from[0]))?.color;
    try {
      await applyPlan(writes);
    } catch (err) {
      if (err instanceof PlanError) throw new Error(vscode.l10n.t('Nothing was changed: {0}', err.message));
      throw err;
    } finally {
      for (const c of plans.flatMap((p) => p.changes)) await this.manager.reload(vscode.Uri.file(c.report));
      this.codebooks.reload();
    }
    if (color && !settingTags().some((s) => tagKey(s.name) === tagKey(to))) await setTagColor(to, color);
    await this.index.refresh();
    const message =
      kind === 'rename'
        ? vscode.l10n.t('Renamed {0} to {1}: {2} in {3}.', from[0], to, annotationsText(annotations), reportsText(reports))
        : vscode.l10n.t('Merged {0} into {1}: {2} in {3}.', from.join(', '), to, annotationsText(annotations), reportsText(reports));
    vscode.window.setStatusBarMessage(message, 5000);
    return { message, annotations, reports };
  }

  private async edit(change: (cb: Codebook) => Codebook): Promise<void> {
    try {
      await this.codebooks.update(undefined, change);
    } catch (err) {
      if (err instanceof CodebookError) throw new UserError(err.message);
      throw err;
    }
  }

  /** Creates the codebook (seeded) if the folder has none. */
  private async ensureCodebook(uri?: vscode.Uri): Promise<void> {
    if (!this.codebooks.stateFor(uri)?.content) await this.createCodebook({ ...(uri && { uri }) });
  }

  private codebookTagNames(): string[] {
    return this.codebooks.all().flatMap((s) => s.codebook?.tags.map((t) => t.name) ?? []);
  }

  private allTagNames(): string[] {
    const names = [...this.codebookTagNames(), ...configuredTags().map((s) => s.name), ...[...tagUsage(this.index.reports()).values()].map((u) => u.name)];
    return names.filter((n, i) => names.findIndex((m) => tagKey(m) === tagKey(n)) === i);
  }

  private async pickTag(title: string, codebookOnly = false): Promise<string | undefined> {
    return vscode.window.showQuickPick(codebookOnly ? this.codebookTagNames() : this.allTagNames(), { title });
  }
}

function tagOf(args: TagCommandArgs, node?: TagsNode): string | undefined {
  if (node?.kind === 'tag') return node.tag;
  if (node?.kind === 'report') return node.tag;
  return args.tag;
}

/** A Tags-view node (passed by its menus) or an argument object. */
function argsOf(arg: unknown): [TagCommandArgs, TagsNode | undefined] {
  const kind = (arg as { kind?: unknown } | undefined)?.kind;
  if (typeof kind === 'string' && ['tag', 'report', 'memo', 'unlistedGroup', 'paragraph'].includes(kind) && !(arg instanceof vscode.Uri)) {
    return [{}, arg as TagsNode];
  }
  return [argumentObject<TagCommandArgs>(arg, 'uri'), undefined];
}
