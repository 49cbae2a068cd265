// The Report view: the active report's Sections, Projects, Figures and Tags (after the tree-view-sample).
// The node tree is replaced on each analysis, but a node's children are only built when first asked for:
// a large report has tens of thousands of figures and most groups stay collapsed. Built nodes keep their
// identity for TreeView.reveal and getParent; TreeItem ids are stable across rebuilds so expansion state
// survives. An annotation change rebuilds the Tags group alone.
import { truncate } from '../../core/text';
import { uriBasename } from '../common/documents';
import * as vscode from 'vscode';
import { FIGURE_KINDS, type Annotation, type DocumentAnalysis, type Figure, type FigureKind, type Project, type Section, type Span } from '../../core/types';
import { REPORT_LANGUAGE } from '../common/language';
import type { ReportAnalysisProvider, ReportAnnotationProvider } from '../api';
import { changeSummary, figureKindLabel, figureMarkdown } from './figureTexts';
import { spanToRange } from '../common/positions';

export type GroupName = 'sections' | 'projects' | 'figures' | 'tags';

/** The report a node was built from (VS Code may ask for items of a tree that was since replaced). */
interface Report {
  document: vscode.TextDocument;
  analysis: DocumentAnalysis;
  annotations: readonly Annotation[];
  /** Annotations whose text could not be found; `target.exact` is their last-known quote. */
  orphans: readonly Annotation[];
}

interface NodeBase {
  /** The TreeItem id: the document URI plus a path of names, stable while those names stay. */
  id: string;
  report: Report;
  parent?: ReportNode;
  /** Built on first use, then kept (see makeNode). */
  readonly children: ReportNode[];
}

export type ReportNode = NodeBase &
  (
    | { kind: 'group'; group: GroupName }
    | { kind: 'section'; section: Section }
    | { kind: 'project'; project: Project }
    | { kind: 'occurrence'; project: Project; span: Span }
    | { kind: 'figureKind'; figureKind: FigureKind }
    | { kind: 'figure'; figure: Figure }
    | { kind: 'tag'; tag: string }
    // The annotation commands (removeTag, editNote, deleteAnnotation) read kind, tag, annotation and uri.
    | { kind: 'annotation'; tag: string; annotation: Annotation; uri: vscode.Uri }
    /** Under Tags: the annotations whose text could not be found. */
    | { kind: 'orphans' }
    // deleteAnnotation and reattachAnnotation read kind, annotation and uri.
    | { kind: 'orphan'; annotation: Annotation; uri: vscode.Uri }
  );

type NodeProps = ReportNode extends infer N ? (N extends ReportNode ? Omit<N, keyof NodeBase> & { id: string } : never) : never;
type Build = (self: ReportNode) => ReportNode[];

/** What the tree shows: one report and, once it is there, its analysis. */
interface Shown {
  document: vscode.TextDocument;
  analysis?: DocumentAnalysis;
  roots: ReportNode[];
}

const SECTION_ICONS = ['symbol-file', 'symbol-module', 'symbol-class', 'symbol-string'] as const;
const SNIPPET_CONTEXT = 12;

/** One line of the document around a span, with the span's place in it (for TreeItemLabel highlights). */
function snippet(document: vscode.TextDocument, span: Span): { label: string; highlight: [number, number] } {
  const text = (start: number, end: number) => spanText(document, { start, end }).replace(/\s+/g, ' ');
  const before = text(Math.max(0, span.start - SNIPPET_CONTEXT), span.start).trimStart();
  const middle = text(span.start, span.end);
  const after = text(span.end, span.end + SNIPPET_CONTEXT).trimEnd();
  return { label: before + middle + after, highlight: [before.length, before.length + middle.length] };
}

const spanText = (document: vscode.TextDocument, span: Span) => document.getText(spanToRange(document, span));

/** Appends ~2, ~3 … to names met again among siblings, so ids stay unique. */
function uniqueIds(): (base: string) => string {
  const seen = new Map<string, number>();
  return (base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  };
}

/** A node whose children `build` makes when they are first asked for. */
function makeNode(report: Report, props: NodeProps, parent?: ReportNode, build?: Build): ReportNode {
  const n = { ...props, report, parent } as ReportNode;
  setChildren(n, build);
  return n;
}

/** (Re)defines how a node's children are built; they are built on first use, then kept. */
function setChildren(n: ReportNode, build?: Build): void {
  let built: ReportNode[] | undefined;
  Object.defineProperty(n, 'children', { enumerable: true, configurable: true, get: () => (built ??= build ? build(n) : []) });
}

function buildTree(report: Report): ReportNode[] {
  const { document, analysis } = report;
  const node = (props: NodeProps, parent?: ReportNode, build?: Build) => makeNode(report, props, parent, build);
  const root = document.uri.toString();

  // Sections nest by parentId (a parent comes before its children); each level is built when opened.
  const under = new Map<string | undefined, Section[]>([[undefined, []]]);
  for (const section of analysis.sections) {
    const parentId = section.parentId && under.has(section.parentId) ? section.parentId : undefined;
    under.get(parentId)!.push(section);
    under.set(section.id, []);
  }
  const sectionLevel = (parent: ReportNode, parentId: string | undefined): ReportNode[] => {
    const id = uniqueIds();
    return under.get(parentId)!.map((section) =>
      node({ kind: 'section', section, id: id(`${parent.id}/${section.title}`) }, parent, (self) => sectionLevel(self, section.id)),
    );
  };

  const projects: Build = (group) => {
    const id = uniqueIds();
    return analysis.projects.map((project) =>
      node({ kind: 'project', project, id: id(`${group.id}/${project.name}`) }, group, (p) =>
        project.occurrences.map((span, i) => node({ kind: 'occurrence', project, span, id: `${p.id}/${i}` }, p)),
      ),
    );
  };

  const figures: Build = (group) => {
    const byKind = new Map<FigureKind, Figure[]>();
    for (const f of analysis.figures) byKind.get(f.kind)?.push(f) ?? byKind.set(f.kind, [f]);
    return FIGURE_KINDS.filter((kind) => byKind.has(kind)).map((kind) =>
      node({ kind: 'figureKind', figureKind: kind, id: `${group.id}/${kind}` }, group, (k) => {
        const id = uniqueIds();
        return byKind.get(kind)!.map((figure) => node({ kind: 'figure', figure, id: id(`${k.id}/${figure.indicator ?? ''}/${figure.text}`) }, k));
      }),
    );
  };

  const group = (name: GroupName, build: Build) => node({ kind: 'group', group: name, id: `${root}#${name}` }, undefined, build);
  return [
    group('sections', (self) => sectionLevel(self, undefined)),
    group('projects', projects),
    group('figures', figures),
    group('tags', tagChildren),
  ];
}

/** The Tags group's children, from its report: a node per tag with its annotations, then those not found. */
function tagChildren(tags: ReportNode): ReportNode[] {
  const report = tags.report;
  const { document, annotations, orphans } = report;
  const node = (props: NodeProps, parent?: ReportNode, build?: Build) => makeNode(report, props, parent, build);
  const byTag = new Map<string, Annotation[]>();
  for (const a of annotations) for (const tag of a.tags) byTag.get(tag)?.push(a) ?? byTag.set(tag, [a]);
  const children = [...byTag]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([tag, list]) =>
      node({ kind: 'tag', tag, id: `${tags.id}/${tag}` }, tags, (t) =>
        [...list]
          .sort((a, b) => a.target.start - b.target.start)
          .map((annotation) => node({ kind: 'annotation', tag, annotation, uri: document.uri, id: `${t.id}/${annotation.id}` }, t)),
      ),
    );
  if (orphans.length > 0) {
    // Its id is beside the groups' (uri#tags), so no tag name can collide with it.
    const id = `${document.uri.toString()}#orphans`;
    children.push(
      node({ kind: 'orphans', id }, tags, (group) =>
        orphans.map((annotation) => node({ kind: 'orphan', annotation, uri: document.uri, id: `${id}/${annotation.id}` }, group)),
      ),
    );
  }
  return children;
}

export class ReportTreeProvider implements vscode.TreeDataProvider<ReportNode> {
  private readonly changed = new vscode.EventEmitter<ReportNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private shown?: Shown;

  constructor(
    private readonly analysis: ReportAnalysisProvider,
    private readonly annotations: ReportAnnotationProvider,
  ) {}

  get document(): vscode.TextDocument | undefined {
    return this.shown?.document;
  }

  get title(): string | undefined {
    return this.shown && (this.shown.analysis?.title ?? uriBasename(this.shown.document.uri));
  }

  get analysing(): boolean {
    return !!this.shown && !this.shown.analysis;
  }

  /** Shows the document's latest analysis (or nothing, for undefined), and asks for a fresh one. */
  show(document: vscode.TextDocument | undefined): void {
    this.render(document, document && this.analysis.peek(document.uri));
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
      const roots = analysis ? buildTree({ document, analysis, annotations: this.annotations.list(uri), orphans: this.annotations.orphans(uri) }) : [];
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

  getTreeItem(n: ReportNode): vscode.TreeItem {
    const { document, analysis, annotations, orphans } = n.report;
    const collapsed = n.children.length === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem('', collapsed);
    item.id = n.id;
    const reveal = (span: Span) => {
      item.command = {
        command: 'reportAnnotator.revealRange',
        title: vscode.l10n.t('Reveal in Editor'),
        arguments: [document.uri, spanToRange(document, span)],
      };
    };
    switch (n.kind) {
      case 'group': {
        item.label = {
          sections: vscode.l10n.t('Sections'),
          projects: vscode.l10n.t('Projects'),
          figures: vscode.l10n.t('Figures'),
          tags: vscode.l10n.t('Tags'),
        }[n.group];
        item.description = String(
          n.group === 'tags' ? annotations.length + orphans.length : { sections: analysis.sections, projects: analysis.projects, figures: analysis.figures }[n.group].length,
        );
        item.iconPath = new vscode.ThemeIcon({ sections: 'list-tree', projects: 'project', figures: 'graph', tags: 'tag' }[n.group]);
        item.collapsibleState =
          n.group === 'sections' && n.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : collapsed;
        if (n.group === 'projects' && !analysis.segmentation.available) {
          item.description = vscode.l10n.t('unavailable');
          item.tooltip = analysis.segmentation.error;
        }
        item.contextValue = `group.${n.group}`;
        break;
      }
      case 'section':
        item.label = n.section.title;
        item.tooltip = n.section.title;
        item.iconPath = new vscode.ThemeIcon(SECTION_ICONS[n.section.level]);
        item.contextValue = 'section';
        reveal(n.section.heading);
        break;
      case 'project':
        item.label = n.project.name;
        item.description = String(n.project.occurrences.length);
        item.iconPath = new vscode.ThemeIcon('symbol-structure');
        item.contextValue = 'project';
        break;
      case 'occurrence': {
        const { label, highlight } = snippet(document, n.span);
        item.label = { label, highlights: [highlight] };
        item.contextValue = 'occurrence';
        reveal(n.span);
        break;
      }
      case 'figureKind':
        item.label = figureKindLabel(n.figureKind);
        item.description = String(n.children.length);
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        item.contextValue = 'figureKind';
        break;
      case 'figure': {
        const indicator = n.figure.indicator ? `${n.figure.indicator} ` : '';
        item.label = { label: indicator + n.figure.text, highlights: [[indicator.length, indicator.length + n.figure.text.length]] };
        item.description = changeSummary(n.figure, analysis);
        item.tooltip = figureMarkdown(n.figure, analysis);
        item.contextValue = 'figure';
        reveal(n.figure.range);
        break;
      }
      case 'tag':
        item.label = n.tag;
        item.description = String(n.children.length);
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'tag';
        break;
      case 'annotation': {
        const { target, note } = n.annotation;
        item.label = target.exact.replace(/\s+/g, ' ').slice(0, 60);
        item.description = note?.split('\n')[0];
        item.tooltip = new vscode.MarkdownString().appendText(note ? `${note}\n\n${target.exact}` : target.exact);
        item.iconPath = new vscode.ThemeIcon(note ? 'note' : 'circle-small');
        item.contextValue = 'annotation';
        reveal(target);
        break;
      }
      case 'orphans':
        item.label = vscode.l10n.t('Not found in the text');
        item.description = String(orphans.length);
        item.tooltip = vscode.l10n.t(
          'Annotations whose text could not be found after the report changed. They are kept, and come back if their text returns; attach them to a selection, or delete them.',
        );
        item.iconPath = new vscode.ThemeIcon('warning');
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.contextValue = 'orphans';
        break;
      case 'orphan': {
        const { tags, note, target } = n.annotation;
        const quote = target.exact.replace(/\s+/g, ' ');
        item.label = tags.length > 0 ? tags.join(' · ') : vscode.l10n.t('(no tags)');
        item.description = note?.split('\n')[0] ?? truncate(quote, 40);
        const tooltip = new vscode.MarkdownString();
        if (note) tooltip.appendText(note).appendMarkdown('\n\n---\n\n');
        tooltip.appendText(vscode.l10n.t('Last seen as: 「{0}」', target.exact));
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon('question');
        item.contextValue = 'orphanedAnnotation';
        break;
      }
    }
    return item;
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
): ReportTree {
  const provider = new ReportTreeProvider(analysis, annotations);
  const view = vscode.window.createTreeView('reportAnnotator.report', { treeDataProvider: provider, showCollapseAll: true });

  const follow = () => {
    const editor = vscode.window.activeTextEditor;
    // With focus outside the editors (e.g. in this view) there is no active editor: keep what is shown
    // while it is still visible.
    const document =
      editor?.document ?? vscode.window.visibleTextEditors.find((e) => e.document === provider.document)?.document;
    provider.show(document?.languageId === REPORT_LANGUAGE ? document : undefined);
    updateHeader();
  };
  const updateHeader = () => {
    view.description = provider.title;
    view.message = provider.analysing
      ? vscode.l10n.t('Analysing the report…')
      : !provider.document && vscode.window.activeTextEditor
        ? vscode.l10n.t('The active editor is not a report.')
        : undefined;
  };

  context.subscriptions.push(
    view,
    provider.onDidChangeTreeData(updateHeader),
    vscode.window.onDidChangeActiveTextEditor(follow),
    // A language change (detection, Open as Report, the user choosing plain text) re-opens the document.
    vscode.workspace.onDidOpenTextDocument((doc) => doc === vscode.window.activeTextEditor?.document && follow()),
    vscode.workspace.onDidCloseTextDocument((doc) => doc === provider.document && follow()),
    analysis.onDidAnalyze((e) => e.document === provider.document && provider.render(e.document, e.analysis)),
    annotations.onDidChange((uri) => uri.toString() === provider.document?.uri.toString() && provider.renderTags()),
    vscode.commands.registerCommand('reportAnnotator.revealRange', revealRange),
    vscode.commands.registerCommand('reportAnnotator.refresh', follow),
  );
  follow();
  return { provider, view };
}
