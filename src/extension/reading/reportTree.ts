// The Report view: the active report's Sections, Projects, Figures and Tags (nodes: reportTreeNodes.ts; how
// they look: reportTreeItems.ts). It follows the active editor; while a report is being analysed it says so
// (never "not a report", and no welcome text flashing between reports). The nodes are replaced on each
// analysis; an annotation change rebuilds the Tags group alone. What the user expanded is remembered by node
// path, across reports and reloads.
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core/types';
import type { ReportAnalysisProvider, ReportAnnotationProvider } from '../api';
import { uriBasename } from '../common/documents';
import { REPORT_LANGUAGE } from '../common/language';
import type { ReportDetection } from './reportDetection';
import { treeItem } from './reportTreeItems';
import { buildTree, setChildren, tagChildren, type FigureArrangement, type ReportNode } from './reportTreeNodes';

export type { ReportNode } from './reportTreeNodes';

/** What the tree shows: one report and, once it is there, its analysis. */
interface Shown {
  document: vscode.TextDocument;
  analysis?: DocumentAnalysis;
  roots: ReportNode[];
}

/** Schemes of documents a user reads and edits (not comment boxes, output channels, diffs' virtual sides). */
const USER_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

const EXPANDED_KEY = 'reportAnnotator.reportView.expanded';
const FIGURES_KEY = 'reportAnnotator.reportView.figures';

/** A node's path without the report's URI: the same group or heading is open in every report. */
const pathOf = (id: string) => id.slice(id.indexOf('#') + 1);

export class ReportTreeProvider implements vscode.TreeDataProvider<ReportNode> {
  private readonly changed = new vscode.EventEmitter<ReportNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private shown?: Shown;

  /** Node paths the user expanded (true) or collapsed (false). */
  private readonly expansion: Map<string, boolean>;
  private arrangement: FigureArrangement;

  constructor(
    private readonly analysis: ReportAnalysisProvider,
    private readonly annotations: ReportAnnotationProvider,
    private readonly memento: vscode.Memento,
  ) {
    this.expansion = new Map(memento.get<[string, boolean][]>(EXPANDED_KEY, []));
    this.arrangement = { groupBy: 'indicator', sortBy: 'position', ...memento.get<Partial<FigureArrangement>>(FIGURES_KEY, {}) };
  }

  get figureArrangement(): FigureArrangement {
    return this.arrangement;
  }

  /** Arranges the Figures group differently (grouped by indicator or kind, sorted by position or value). */
  arrangeFigures(change: Partial<FigureArrangement>): void {
    this.arrangement = { ...this.arrangement, ...change };
    void this.memento.update(FIGURES_KEY, this.arrangement);
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.figures.groupBy', this.arrangement.groupBy);
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.figures.sortBy', this.arrangement.sortBy);
    this.render(this.shown?.document);
  }

  /** The user opened or closed a node: remembered, by path (the last 500). */
  setExpanded(node: ReportNode, expanded: boolean): void {
    const path = pathOf(node.id);
    this.expansion.delete(path);
    this.expansion.set(path, expanded);
    while (this.expansion.size > 500) this.expansion.delete(this.expansion.keys().next().value!);
    void this.memento.update(EXPANDED_KEY, [...this.expansion]);
  }

  getTreeItem(n: ReportNode): vscode.TreeItem {
    return treeItem(n, (id) => this.expansion.get(pathOf(id)));
  }

  get document(): vscode.TextDocument | undefined {
    return this.shown?.document;
  }

  get title(): string | undefined {
    return this.shown && (this.shown.analysis?.title ?? uriBasename(this.shown.document.uri));
  }

  get analysing(): boolean {
    return !!this.shown && !this.shown.analysis;
  }

  /**
   * Shows the document's latest analysis (or nothing, for undefined), and asks for a fresh one; `rebuild`: builds its
   * nodes again also when they are of that analysis.
   */
  show(document: vscode.TextDocument | undefined, rebuild = false): void {
    const latest = document && this.analysis.peek(document.uri);
    // (The report shown, with the analysis shown: as when its language is set after it showed. Nothing to build again,
    // unless asked: the analysis is patched in place, the same object.)
    if (rebuild || !document || this.shown?.document !== document || this.shown.analysis !== latest) this.render(document, latest);
    if (document) {
      this.analysis.analyze(document).then(
        (a) => this.shown?.document === document && a !== this.shown.analysis && this.render(document, a),
        () => undefined, // the service logs failures
      );
    }
  }

  /** Rebuilds the nodes, from a new analysis or (without one) the latest. */
  render(document: vscode.TextDocument | undefined, analysis = this.shown?.document === document ? this.shown?.analysis : undefined): void {
    if (document) {
      const { uri } = document;
      const roots = analysis
        ? buildTree({ document, analysis, annotations: this.annotations.list(uri), orphans: this.annotations.orphans(uri), figures: this.arrangement })
        : [];
      this.shown = { document, analysis, roots };
    } else {
      this.shown = undefined;
    }
    this.changed.fire(undefined);
  }

  /** The shown report's annotations changed: rebuilds the Tags group alone (the rest stays as it is). */
  renderTags(): void {
    const tags = this.shown?.roots.find((n) => n.kind === 'group' && n.group === 'tags');
    if (!tags) return; // nothing shown yet: the next analysis builds the tree with the annotations of then
    const { uri } = tags.report.document;
    tags.report = { ...tags.report, annotations: this.annotations.list(uri), orphans: this.annotations.orphans(uri) };
    setChildren(tags, tagChildren);
    this.changed.fire(tags);
  }

  getChildren(element?: ReportNode): ReportNode[] {
    return element ? element.children : (this.shown?.roots ?? []);
  }

  getParent(element: ReportNode): ReportNode | undefined {
    return element.parent;
  }
}

/** Reveals and selects a range of a document, centred, in the editor that shows it (or a new one). */
async function revealRange(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, preserveFocus: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}

/** The view, its provider, and what keeps them following the active report editor. */
export interface ReportTree {
  readonly provider: ReportTreeProvider;
  readonly view: vscode.TreeView<ReportNode>;
}

export function registerReportTree(
  context: vscode.ExtensionContext,
  analysis: ReportAnalysisProvider,
  annotations: ReportAnnotationProvider,
  detection: ReportDetection,
): ReportTree {
  const provider = new ReportTreeProvider(analysis, annotations, context.workspaceState);
  const view = vscode.window.createTreeView('reportAnnotator.report', { treeDataProvider: provider, showCollapseAll: true });

  const follow = (rebuild = false) => {
    // An editor that is not a document of the user's (the note box is a comment:// editor, an output
    // channel is output:) is not a change of report: the view stays on the one it shows.
    const active = vscode.window.activeTextEditor;
    const editor = active && USER_SCHEMES.has(active.document.uri.scheme) ? active : undefined;
    // With focus outside the editors (e.g. in this view) there is no active editor: keep what is shown
    // while it is still visible.
    const document =
      editor?.document ?? vscode.window.visibleTextEditors.find((e) => e.document === provider.document)?.document;
    // A text the detection is switching to the report language is shown as the report it is about to be: its
    // analysis began with the switch, and may be there before VS Code has answered.
    const report = document && (document.languageId === REPORT_LANGUAGE || detection.becomingReport(document));
    provider.show(report ? document : undefined, rebuild);
    updateHeader();
  };
  const updateHeader = () => {
    const { analysing } = provider;
    view.description = provider.title;
    view.message = analysing
      ? vscode.l10n.t('Analysing the report…')
      : !provider.document && vscode.window.activeTextEditor && USER_SCHEMES.has(vscode.window.activeTextEditor.document.uri.scheme)
        ? vscode.l10n.t('The active editor is not a report.')
        : undefined;
    // The welcome text is for "no report at all", not for a report on its way.
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.reportView.state', provider.document ? (analysing ? 'analysing' : 'report') : 'none');
  };
  const arrange = (change: Partial<FigureArrangement>) => () => provider.arrangeFigures(change);

  context.subscriptions.push(
    view,
    provider.onDidChangeTreeData(updateHeader),
    view.onDidExpandElement((e) => provider.setExpanded(e.element, true)),
    view.onDidCollapseElement((e) => provider.setExpanded(e.element, false)),
    vscode.window.onDidChangeActiveTextEditor(() => follow()),
    // A language change (detection, Open as Report, the user choosing plain text) closes the document and opens it
    // again (isClosed stays false): it is followed at the open, in its new language.
    vscode.workspace.onDidOpenTextDocument((doc) => (doc === vscode.window.activeTextEditor?.document || doc === provider.document) && follow()),
    vscode.workspace.onDidCloseTextDocument((doc) => doc.isClosed && doc === provider.document && follow()),
    analysis.onDidAnalyze((e) => e.document === provider.document && provider.render(e.document, e.analysis)),
    annotations.onDidChange((uri) => uri.toString() === provider.document?.uri.toString() && provider.renderTags()),
    vscode.commands.registerCommand('reportAnnotator.revealRange', revealRange),
    vscode.commands.registerCommand('reportAnnotator.refresh', () => follow(true)),
    vscode.commands.registerCommand('reportAnnotator.figuresByIndicator', arrange({ groupBy: 'indicator' })),
    vscode.commands.registerCommand('reportAnnotator.figuresByKind', arrange({ groupBy: 'kind' })),
    vscode.commands.registerCommand('reportAnnotator.figuresByPosition', arrange({ sortBy: 'position' })),
    vscode.commands.registerCommand('reportAnnotator.figuresByValue', arrange({ sortBy: 'value' })),
  );
  // The first render waits until activation has returned.
  const initial = setTimeout(() => {
    provider.arrangeFigures({});
    follow();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
  return { provider, view };
}
