// The coding workbench (issue 14): the workspace codebook (report-annotator.codebook.json, the source of
// tag colours when there is one; the reportAnnotator.tags setting stays the fallback), the workspace Tags
// view with its commands, memos on tags and reports, the tag matrices, exports other tools read (.qdpx,
// Web Annotation JSON-LD, the CSV annotation table) and their import, agreement between coders, and moving
// between tagged paragraphs. Everything is disposed with the extension.
import * as vscode from 'vscode';
import { addTag, findTag, recolourTag, withTags } from '../../core/coding/codebook';
import { normalizeTagName } from '../../core/coding/tagNames';
import { errorMessage } from '../../core/text';
import type { AnnotationManager } from '../annotating/annotationManager';
import type { ExportImport } from '../annotating/exportImport';
import { useTagStyleSource } from '../annotating/tagSettings';
import { registerCommand } from '../common/commands';
import { registerAgreement } from './agreementReport';
import { CodebookService } from './codebookService';
import { CodingExports } from './codingExports';
import { MatrixPanel } from './matrixPanel';
import { registerNavigation } from './navigation';
import { TagCommands } from './tagCommands';
import { TagIcons } from '../common/tagIcons';
import { type TagsNode, TagsViewProvider } from './tagsView';
import { WorkspaceTags } from './workspaceTags';

export interface Coding {
  codebooks: CodebookService;
  workspaceTags: WorkspaceTags;
  tagsView: TagsViewProvider;
  tagCommands: TagCommands;
  matrix: MatrixPanel;
  codingExports: CodingExports;
}

export function registerCoding(
  context: vscode.ExtensionContext,
  annotating: { manager: AnnotationManager; exportImport: ExportImport },
  log?: vscode.LogOutputChannel,
): Coding {
  const { manager, exportImport } = annotating;
  const codebooks = new CodebookService();
  const workspaceTags = new WorkspaceTags(manager);
  const tagsView = new TagsViewProvider(codebooks, workspaceTags, TagIcons.of(context));
  const tagCommands = new TagCommands(manager, codebooks, workspaceTags, log);
  const matrix = new MatrixPanel(context.extensionUri, manager, workspaceTags, codebooks, log);
  const codingExports = new CodingExports(manager, exportImport, codebooks, workspaceTags, (uri) => tagCommands.createCodebook({ ...(uri && { uri }) }), log);
  const treeView = vscode.window.createTreeView<TagsNode>('reportAnnotator.tags', { treeDataProvider: tagsView, showCollapseAll: true });

  // The view is built again only while it is shown (a hidden view is built when it shows): tagging in a
  // burst must not make the workbench redraw a tree nobody looks at.
  let stale = false;
  const rebuild = (force = false) => {
    if (!force && !treeView.visible) {
      stale = true;
      return;
    }
    stale = false;
    tagsView.rebuild();
    treeView.message = tagsView.filter ? vscode.l10n.t('Filter: {0}', tagsView.filter) : undefined;
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.tags.sortBy', tagsView.sort);
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.tags.filtered', !!tagsView.filter);
  };
  type ViewResult = { message?: string; sort?: string; filter?: string };
  const viewOptions = { log, failed: (message: string): ViewResult => ({ message }) };
  const sortBy = (sort: 'name' | 'count') => (): ViewResult => {
    tagsView.sort = sort;
    rebuild(true);
    return { sort };
  };
  // Explorer menus pass (clicked uri, selected uris); the commands take one argument object.
  const fromExplorer = (id: string, target: string) =>
    vscode.commands.registerCommand(id, (uri?: vscode.Uri, uris?: vscode.Uri[]) => vscode.commands.executeCommand(target, { uris: uris && uris.length > 0 ? uris : uri ? [uri] : [] }));

  context.subscriptions.push(
    codebooks,
    workspaceTags,
    matrix,
    treeView,
    // The codebook, when there is one, is the source of tag colours (tagSettings.ts).
    useTagStyleSource({
      get present() {
        return codebooks.present;
      },
      styles: () => codebooks.styles(),
      adopt: async (tags) => {
        try {
          await codebooks.update(undefined, (cb) => withTags(cb, tags.map((t) => ({ name: normalizeTagName(t.name), color: t.color }))));
        } catch (err) {
          // A codebook with problems is not rewritten; the tag stays in the annotations and shows as not in the codebook.
          log?.warn(`new tags not added to the codebook: ${errorMessage(err)}`);
        }
      },
      setColor: async (tag, color) => {
        await codebooks.update(undefined, (cb) => (findTag(cb, tag) ? recolourTag(cb, tag, color) : addTag(cb, { name: normalizeTagName(tag), color })));
      },
      onDidChange: codebooks.onDidChange,
    }),
    treeView.onDidChangeVisibility((e) => e.visible && stale && rebuild()),
    codebooks.onDidChange(() => rebuild()),
    workspaceTags.onDidChange(() => rebuild()),
    tagCommands.register(),
    matrix.register(),
    codingExports.register(),
    registerAgreement(log),
    registerNavigation(manager, log),
    registerCommand('reportAnnotator.tagsSortByName', sortBy('name'), viewOptions),
    registerCommand('reportAnnotator.tagsSortByCount', sortBy('count'), viewOptions),
    registerCommand(
      'reportAnnotator.filterTags',
      async (a): Promise<ViewResult> => {
        const given = (a as { text?: unknown } | undefined)?.text;
        const text = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter Tags'), prompt: vscode.l10n.t('A tag or a report (part of its name)'), value: tagsView.filter });
        if (text === undefined) return { message: 'cancelled' };
        tagsView.filter = text.trim();
        rebuild(true);
        return { filter: tagsView.filter };
      },
      viewOptions,
    ),
    registerCommand('reportAnnotator.clearTagsFilter', (): ViewResult => ((tagsView.filter = ''), rebuild(true), { filter: '' }), viewOptions),
    registerCommand('reportAnnotator.refreshTags', async (): Promise<ViewResult> => (codebooks.reload(), await workspaceTags.refresh(), rebuild(true), {}), viewOptions),
    fromExplorer('reportAnnotator.explorerExportQdpx', 'reportAnnotator.exportQdpx'),
    fromExplorer('reportAnnotator.explorerExportWebAnnotations', 'reportAnnotator.exportWebAnnotations'),
    fromExplorer('reportAnnotator.explorerExportAnnotationTable', 'reportAnnotator.exportAnnotationTable'),
    fromExplorer('reportAnnotator.explorerShowTagMatrix', 'reportAnnotator.showTagMatrix'),
  );
  // After activation, not during it: the first build (if the view shows) and the scan of the workspace's sidecars.
  const first = setTimeout(() => rebuild(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(first) });
  void workspaceTags.refresh({ afterActivation: true });
  return { codebooks, workspaceTags, tagsView, tagCommands, matrix, codingExports };
}
