// The workspace Tags view: the codebook's tags as their hierarchy (经济 → 财政), each with how many
// paragraphs carry it across the workspace → the reports → the tagged paragraphs (an excerpt; a click opens
// it); tags used in sidecars but missing from the codebook under "Not in the codebook" (Adopt); memos on
// tags and reports; a codebook's problems at the top. Without a codebook every tag in use is listed (and
// the setting's). Sorted by name or by count; a filter keeps the tags or reports whose name contains it.
import * as vscode from 'vscode';
import { type Codebook, type CodebookTag } from '../../core/coding/codebookSchema';
import { findTag, reportMemo, tagMemo, tagTree, type TagNode } from '../../core/coding/codebook';
import { type ParagraphRef, tagUsage, type TagUsage } from '../../core/coding/tagMatrix';
import { normalizeTagName, tagKey } from '../../core/coding/tagNames';
import { truncate } from '../../core/text';
import { configuredTags, tagColor } from '../annotating/tagSettings';
import { addTooltip } from '../common/treeItems';
import type { CodebookService } from './codebookService';
import type { IndexedReport, WorkspaceTags } from './workspaceTags';
import { paragraphsText } from '../common/counts';
import type { TagIcons } from '../common/tagIcons';

export type TagsNode =
  | { kind: 'problem'; message: string; path: string }
  | { kind: 'hint'; message: string; detail?: string; command?: vscode.Command }
  // `kind: 'tag'` and `tag` are what Set Tag Colour… (annotationCommands) reads from a view node.
  | {
      kind: 'tag';
      tag: string;
      color: string;
      description?: string;
      memo?: string;
      /** Paragraphs with this tag; `total` with it or a tag below it. */
      count: number;
      total: number;
      /** Those paragraphs (report + annotation id), for a parent's total. */
      paragraphKeys: Set<string>;
      children: TagsNode[];
      unlisted: boolean;
    }
  | { kind: 'unlistedGroup'; children: TagsNode[] }
  | { kind: 'memosGroup'; children: TagsNode[] }
  | { kind: 'memo'; text: string; tag?: string; report?: IndexedReport | string }
  | { kind: 'report'; tag: string; report: IndexedReport; paragraphs: ParagraphRef[]; memo?: string }
  | { kind: 'paragraph'; uri: vscode.Uri; ref: ParagraphRef };

export type TagsSort = 'name' | 'count';

export class TagsViewProvider implements vscode.TreeDataProvider<TagsNode> {
  private readonly changed = new vscode.EventEmitter<TagsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TagsNode[] = [];
  sort: TagsSort = 'name';
  filter = '';

  constructor(
    private readonly codebooks: CodebookService,
    private readonly index: WorkspaceTags,
    private readonly icons: TagIcons,
  ) {}

  /** Builds the tree again from the codebooks and the index. */
  rebuild(): void {
    this.roots = buildRoots(this.codebooks, this.index.reports(), this.sort, this.filter);
    this.changed.fire(undefined);
  }

  /** The top-level nodes (tests look into them). */
  get rootNodes(): readonly TagsNode[] {
    return this.roots;
  }

  getChildren(node?: TagsNode): TagsNode[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'tag':
      case 'unlistedGroup':
      case 'memosGroup':
        return node.children;
      case 'report':
        return [
          ...(node.memo ? [{ kind: 'memo', text: node.memo, report: node.report } as TagsNode] : []),
          ...node.paragraphs.map((ref): TagsNode => ({ kind: 'paragraph', uri: node.report.uri, ref })),
        ];
      default:
        return [];
    }
  }

  getTreeItem(node: TagsNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'problem': {
        const item = new vscode.TreeItem(node.message, C.None);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.tooltip = `${node.path}\n${node.message}`;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Codebook'), arguments: [vscode.Uri.file(node.path)] };
        item.contextValue = 'codebookProblem';
        return item;
      }
      case 'hint': {
        const item = new vscode.TreeItem(node.message, C.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.command = node.command;
        addTooltip(item, node.detail);
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(node.tag, node.children.length > 0 ? C.Collapsed : C.None);
        item.id = `tag/${node.unlisted ? 'unlisted/' : ''}${tagKey(node.tag)}`;
        let count = paragraphsText(node.count);
        if (node.total > node.count) count = vscode.l10n.t('{0} with the tags below', paragraphsText(node.total));
        item.description = node.description ? `${count} · ${node.description}` : count;
        item.iconPath = this.icons.uri(node.color);
        const own = paragraphsText(node.count);
        const tip = new vscode.MarkdownString(`**${escapeMd(node.tag)}** — ${node.total > node.count ? `${own}; ${count}` : count}`);
        if (node.description) tip.appendMarkdown(`\n\n${escapeMd(node.description)}`);
        if (node.memo) tip.appendMarkdown(`\n\n${vscode.l10n.t('Memo')}: ${escapeMd(node.memo)}`);
        item.tooltip = tip;
        item.contextValue = node.unlisted ? 'unlistedTag' : 'codebookTag';
        return item;
      }
      case 'unlistedGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Not in the codebook'), C.Expanded);
        item.id = 'unlisted';
        item.description = String(node.children.length);
        item.iconPath = new vscode.ThemeIcon('warning');
        addTooltip(item, vscode.l10n.t('Tags used in annotations that the codebook does not list; adopt them to give them a colour and a place.'));
        item.contextValue = 'unlistedGroup';
        return item;
      }
      case 'memosGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Report memos'), C.Collapsed);
        item.id = 'memos';
        item.description = String(node.children.length);
        item.iconPath = new vscode.ThemeIcon('notebook');
        return item;
      }
      case 'memo': {
        const item = new vscode.TreeItem(truncate(node.text.replace(/\s+/g, ' '), 60), C.None);
        const where = typeof node.report === 'string' ? node.report : node.report?.path;
        item.description = where ?? vscode.l10n.t('Memo');
        item.tooltip = new vscode.MarkdownString(escapeMd(node.text));
        item.iconPath = new vscode.ThemeIcon('note');
        item.contextValue = node.tag !== undefined ? 'tagMemo' : 'reportMemo';
        return item;
      }
      case 'report': {
        const item = new vscode.TreeItem(node.report.path.slice(node.report.path.lastIndexOf('/') + 1), C.Collapsed);
        item.id = `tag/${tagKey(node.tag)}/${node.report.report}`;
        item.description = String(node.paragraphs.length);
        addTooltip(item, node.report.path);
        item.resourceUri = node.report.uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'taggedReport';
        return item;
      }
      case 'paragraph': {
        const item = new vscode.TreeItem(truncate(node.ref.exact.trim().replace(/\s+/g, ' '), 50), C.None);
        item.tooltip = node.ref.exact.trim();
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.command = { command: 'reportAnnotator.openTaggedParagraph', title: vscode.l10n.t('Open Paragraph'), arguments: [{ uri: node.uri, annotationId: node.ref.annotationId }] };
        item.contextValue = 'taggedParagraph';
        return item;
      }
    }
  }
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The view's top level (pure but for vscode types and l10n). */
export function buildRoots(codebooks: CodebookService, reports: IndexedReport[], sort: TagsSort, filter: string): TagsNode[] {
  const roots: TagsNode[] = [];
  for (const s of codebooks.all()) for (const p of s.problems ?? []) roots.push({ kind: 'problem', message: p, path: s.path });
  const usage = tagUsage(reports);
  const byKey = new Map(reports.map((r) => [r.report, r]));
  const states = codebooks.all().filter((s) => s.codebook);
  const codebook: Codebook = { tags: states.flatMap((s) => s.codebook!.tags), memos: states.flatMap((s) => s.codebook!.memos ?? []) };
  const styles = configuredTags();
  const needle = tagKey(filter).toLowerCase();
  const reportMatches = (r: IndexedReport) => needle === '' || r.path.toLowerCase().includes(needle);
  const tagMatches = (name: string) => needle === '' || tagKey(name).toLowerCase().includes(needle);

  const reportNodes = (name: string, all: boolean): TagsNode[] => {
    const u = usage.get(tagKey(name));
    return (u?.reports ?? [])
      .map((e) => byKey.get(e.report)!)
      .filter((r) => all || reportMatches(r))
      .map((r) => ({ kind: 'report', tag: name, report: r, paragraphs: u!.reports.find((e) => e.report === r.report)!.paragraphs, memo: reportMemo(codebook, r.path)?.text }));
  };
  const order = (nodes: TagsNode[]) =>
    nodes.sort((a, b) => {
      if (a.kind !== 'tag' || b.kind !== 'tag') return 0;
      return sort === 'count' ? b.total - a.total || a.tag.localeCompare(b.tag, 'zh-CN') : a.tag.localeCompare(b.tag, 'zh-CN');
    });
  const tagNode = (t: CodebookTag, children: TagsNode[], unlisted: boolean, u: TagUsage | undefined, all: boolean): TagsNode => {
    const paragraphKeys = new Set((u?.reports ?? []).flatMap((e) => e.paragraphs.map((p) => `${p.report}#${p.annotationId}`)));
    for (const c of children) if (c.kind === 'tag') for (const k of c.paragraphKeys) paragraphKeys.add(k);
    return {
    kind: 'tag',
    tag: t.name,
    color: t.color,
    ...(t.description && { description: t.description }),
    ...(tagMemo(codebook, t.name) && { memo: tagMemo(codebook, t.name)!.text }),
    count: u?.count ?? 0,
    total: paragraphKeys.size,
    paragraphKeys,
    children: [
      ...(tagMemo(codebook, t.name) ? [{ kind: 'memo', text: tagMemo(codebook, t.name)!.text, tag: t.name } as TagsNode] : []),
      ...order(children),
      ...reportNodes(t.name, all),
    ],
    unlisted,
    };
  };
  /** A codebook node, kept if it or a descendant matches the filter (or one of its reports does). */
  const visit = (n: TagNode, parentMatched: boolean): TagsNode | undefined => {
    const self = parentMatched || tagMatches(n.tag.name);
    const children = n.children.map((c) => visit(c, self)).filter((c): c is TagsNode => !!c);
    const u = usage.get(tagKey(n.tag.name));
    const viaReport = !self && (u?.reports ?? []).some((e) => reportMatches(byKey.get(e.report)!));
    if (!self && children.length === 0 && !viaReport) return undefined;
    return tagNode(n.tag, children, false, u, self);
  };

  // A wrong codebook: its problems on top, then the tags in use as they are (none is "not in the codebook").
  const broken = codebooks.all().some((s) => s.problems);
  if (codebooks.present && !broken) {
    roots.push(...order(tagTree(codebook).map((n) => visit(n, false)).filter((n): n is TagsNode => !!n)));
    const unlisted = [...usage.values()]
      .filter((u) => !findTag(codebook, u.name))
      .filter((u) => tagMatches(u.name) || u.reports.some((e) => reportMatches(byKey.get(e.report)!)))
      .map((u) => tagNode({ name: u.name, color: tagColor(u.name, styles) }, [], true, u, tagMatches(u.name)));
    if (unlisted.length > 0) roots.push({ kind: 'unlistedGroup', children: order(unlisted) });
    const memos = (codebook.memos ?? []).filter((m) => m.report !== undefined && (needle === '' || m.report.toLowerCase().includes(needle)));
    if (memos.length > 0) {
      roots.push({ kind: 'memosGroup', children: memos.map((m) => ({ kind: 'memo', text: m.text, report: reports.find((r) => r.path === m.report) ?? m.report! })) });
    }
  } else {
    const names = new Map<string, string>();
    for (const s of styles) names.set(tagKey(s.name), s.name);
    for (const u of usage.values()) if (!names.has(tagKey(u.name))) names.set(tagKey(u.name), u.name);
    const nodes = [...names.values()]
      .filter((n) => tagMatches(n) || (usage.get(tagKey(n))?.reports ?? []).some((e) => reportMatches(byKey.get(e.report)!)))
      .map((n) => tagNode({ name: normalizeTagName(n), color: tagColor(n, styles) }, [], false, usage.get(tagKey(n)), tagMatches(n)));
    if (!broken) {
      roots.push({
        kind: 'hint',
        // (Short enough for the sidebar's width; what it means in the tooltip.)
        message: vscode.l10n.t('No codebook. Create one…'),
        detail: vscode.l10n.t('The tags come from the setting and the annotations. A codebook keeps each tag’s colour, description and memos for the whole workspace.'),
        command: { command: 'reportAnnotator.createCodebook', title: vscode.l10n.t('Create Codebook') },
      });
    }
    roots.push(...order(nodes));
  }
  if (filter && roots.every((r) => r.kind === 'problem' || r.kind === 'hint')) {
    roots.push({ kind: 'hint', message: vscode.l10n.t('No tag or report matches “{0}”.', filter) });
  }
  return roots;
}

