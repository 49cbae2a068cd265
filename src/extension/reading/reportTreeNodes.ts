// The nodes of the Report view, built from one report's analysis and annotations. A node's children are
// only built when first asked for: a large report has tens of thousands of figures and most groups stay
// collapsed. Built nodes keep their identity for TreeView.reveal and getParent; ids are paths of names,
// stable across rebuilds, so expansion state survives.
import type * as vscode from 'vscode';
import { FIGURE_KINDS, type Annotation, type DocumentAnalysis, type Figure, type FigureKind, type Project, type Section, type Span } from '../../core/types';

export type GroupName = 'sections' | 'projects' | 'figures' | 'tags';

/** How the Figures group is arranged (the view's title menu switches it). */
export interface FigureArrangement {
  groupBy: 'indicator' | 'kind';
  sortBy: 'position' | 'value';
}

/** The report a node was built from (VS Code may ask for items of a tree that was since replaced). */
export interface Report {
  document: vscode.TextDocument;
  analysis: DocumentAnalysis;
  annotations: readonly Annotation[];
  /** Annotations whose text could not be found; `target.exact` is their last-known quote. */
  orphans: readonly Annotation[];
  figures: FigureArrangement;
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
    | { kind: 'occurrence'; span: Span }
    /** Figures of one indicator (undefined: those with none, listed last). */
    | { kind: 'indicator'; indicator: string | undefined; count: number }
    | { kind: 'figureKind'; figureKind: FigureKind; count: number }
    /** A figure; the same text for the same indicator elsewhere in the report is listed under it. */
    | { kind: 'figure'; figure: Figure; same: Figure[] }
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
export function setChildren(n: ReportNode, build?: Build): void {
  let built: ReportNode[] | undefined;
  Object.defineProperty(n, 'children', { enumerable: true, configurable: true, get: () => (built ??= build ? build(n) : []) });
}

/** The four groups of a report. */
export function buildTree(report: Report): ReportNode[] {
  const node = (props: NodeProps, build: Build) => makeNode(report, props, undefined, build);
  const root = report.document.uri.toString();
  const group = (name: GroupName, build: Build) => node({ kind: 'group', group: name, id: `${root}#${name}` }, build);
  return [group('sections', sectionChildren), group('projects', projectChildren), group('figures', figureChildren), group('tags', tagChildren)];
}

/**
 * Sections nest by parentId (a parent comes before its children). The title (level 0) is not a node: it is
 * the view's description, and the parts of the report (level 1) are at the top.
 */
function sectionChildren(group: ReportNode): ReportNode[] {
  const { report } = group;
  const under = new Map<string | undefined, Section[]>([[undefined, []]]);
  const titles = new Set(report.analysis.sections.filter((s) => s.level === 0).map((s) => s.id));
  for (const section of report.analysis.sections) {
    if (section.level === 0) continue;
    const parentId = section.parentId && under.has(section.parentId) && !titles.has(section.parentId) ? section.parentId : undefined;
    under.get(parentId)!.push(section);
    under.set(section.id, []);
  }
  const level = (parent: ReportNode, parentId: string | undefined): ReportNode[] => {
    const id = uniqueIds();
    return under.get(parentId)!.map((section) =>
      makeNode(report, { kind: 'section', section, id: id(`${parent.id}/${section.title}`) }, parent, (self) => level(self, section.id)),
    );
  };
  return level(group, undefined);
}

function projectChildren(group: ReportNode): ReportNode[] {
  const { report } = group;
  const id = uniqueIds();
  return report.analysis.projects.map((project) =>
    makeNode(report, { kind: 'project', project, id: id(`${group.id}/${project.name}`) }, group, (p) =>
      project.occurrences.map((span, i) => makeNode(report, { kind: 'occurrence', span, id: `${p.id}/${i}` }, p)),
    ),
  );
}

/** Figures by indicator (those without one last), then by kind where an indicator has several; or by kind alone. */
function figureChildren(group: ReportNode): ReportNode[] {
  const { report } = group;
  const { figures } = report.analysis;
  if (report.figures.groupBy === 'kind') return kindNodes(group, figures);
  const byIndicator = new Map<string | undefined, Figure[]>();
  for (const f of figures) byIndicator.get(f.indicator)?.push(f) ?? byIndicator.set(f.indicator, [f]);
  const order = [...byIndicator.keys()].sort((a, b) =>
    a === undefined ? 1 : b === undefined ? -1 : byIndicator.get(b)!.length - byIndicator.get(a)!.length || a.localeCompare(b, 'zh-CN'),
  );
  return order.map((indicator) => {
    const list = byIndicator.get(indicator)!;
    const props: NodeProps = { kind: 'indicator', indicator, count: list.length, id: `${group.id}/by-indicator/${indicator ?? '#other'}` };
    return makeNode(report, props, group, (self) => (new Set(list.map((f) => f.kind)).size > 1 ? kindNodes(self, list) : figureNodes(self, list)));
  });
}

function kindNodes(parent: ReportNode, figures: readonly Figure[]): ReportNode[] {
  const byKind = new Map<FigureKind, Figure[]>();
  for (const f of figures) byKind.get(f.kind)?.push(f) ?? byKind.set(f.kind, [f]);
  return FIGURE_KINDS.filter((kind) => byKind.has(kind)).map((kind) =>
    makeNode(parent.report, { kind: 'figureKind', figureKind: kind, count: byKind.get(kind)!.length, id: `${parent.id}/${kind}` }, parent, (self) =>
      figureNodes(self, byKind.get(kind)!),
    ),
  );
}

/** One node per figure text (of one indicator); by position, or by value (largest first). */
function figureNodes(parent: ReportNode, figures: readonly Figure[]): ReportNode[] {
  const same = new Map<string, Figure[]>();
  for (const f of figures) same.get(`${f.indicator ?? ''}\u0000${f.text}`)?.push(f) ?? same.set(`${f.indicator ?? ''}\u0000${f.text}`, [f]);
  const rows = [...same.values()];
  if (parent.report.figures.sortBy === 'value') rows.sort((a, b) => b[0].baseValue - a[0].baseValue || a[0].range.start - b[0].range.start);
  const id = uniqueIds();
  return rows.map(([figure, ...others]) =>
    makeNode(parent.report, { kind: 'figure', figure, same: [figure, ...others], id: id(`${parent.id}/${figure.indicator ?? ''}/${figure.text}`) }, parent, (self) =>
      others.length === 0 ? [] : [figure, ...others].map((f, i) => makeNode(parent.report, { kind: 'occurrence', span: f.range, id: `${self.id}/${i}` }, self)),
    ),
  );
}

/** The Tags group's children, from its report: a node per tag with its annotations, then those not found. */
export function tagChildren(tags: ReportNode): ReportNode[] {
  const report = tags.report;
  const { document, annotations, orphans } = report;
  const byTag = new Map<string, Annotation[]>();
  for (const a of annotations) for (const tag of a.tags) byTag.get(tag)?.push(a) ?? byTag.set(tag, [a]);
  const children = [...byTag]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([tag, list]) =>
      makeNode(report, { kind: 'tag', tag, id: `${tags.id}/${tag}` }, tags, (t) =>
        [...list]
          .sort((a, b) => a.target.start - b.target.start)
          .map((annotation) => makeNode(report, { kind: 'annotation', tag, annotation, uri: document.uri, id: `${t.id}/${annotation.id}` }, t)),
      ),
    );
  if (orphans.length > 0) {
    // Its id is beside the groups' (uri#tags), so no tag name can collide with it.
    const id = `${document.uri.toString()}#orphans`;
    children.push(
      makeNode(report, { kind: 'orphans', id }, tags, (group) =>
        orphans.map((annotation) => makeNode(report, { kind: 'orphan', annotation, uri: document.uri, id: `${id}/${annotation.id}` }, group)),
      ),
    );
  }
  return children;
}

/** Distinct tags and tagged paragraphs of a report (what the Tags group counts). */
export function tagCounts(annotations: readonly Annotation[]): { tags: number; paragraphs: number } {
  return { tags: new Set(annotations.flatMap((a) => a.tags)).size, paragraphs: annotations.filter((a) => a.tags.length > 0).length };
}
