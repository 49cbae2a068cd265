// The Indicators view: the indicators found across the corpus (by kind of figure: the GDP growth rate apart
// from the GDP), under each the years with the target (and its bound) and the result, under a year the
// figures themselves; a click reveals the figure's sentence in its report.
import * as vscode from 'vscode';
import { indicatorSeries, seriesId, seriesRows, type IndicatorSeries, type SeriesPoint, type SeriesRow } from '../../core/corpus/series';
import type { FigureBound } from '../../core/types';
import type { CorpusIndex } from './corpusIndex';
import { reportsText } from '../common/counts';
import { indicatorDescription, type IndicatorNamer } from './indicatorNames';

export type IndicatorNode =
  | { kind: 'series'; series: IndicatorSeries }
  | { kind: 'row'; series: IndicatorSeries; row: SeriesRow }
  | { kind: 'point'; point: SeriesPoint };

export function boundName(bound: FigureBound): string {
  switch (bound) {
    case 'about':
      return vscode.l10n.t('about');
    case 'atLeast':
      return vscode.l10n.t('at least');
    case 'atMost':
      return vscode.l10n.t('at most');
    case 'range':
      return vscode.l10n.t('range');
    default:
      return vscode.l10n.t('exact');
  }
}

export class IndicatorTree implements vscode.TreeDataProvider<IndicatorNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndicatorNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<IndicatorNode>;
  private series?: IndicatorSeries[];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: CorpusIndex,
    private readonly namer: IndicatorNamer,
  ) {
    this.view = vscode.window.createTreeView('reportAnnotator.indicators', { treeDataProvider: this, showCollapseAll: true });
    this.subscription = index.onDidChange(() => {
      this.series = undefined;
      this.emitter.fire(undefined);
    });
  }

  /** Every indicator of the corpus with a target or a result, most points first (computed once per change). */
  all(): IndicatorSeries[] {
    return (this.series ??= indicatorSeries(this.index.all(), vscode.l10n.t('Region not known')).filter((s) => s.points.length > 0));
  }

  getChildren(node?: IndicatorNode): IndicatorNode[] {
    if (!node) return this.all().map((series) => ({ kind: 'series', series }));
    if (node.kind === 'series') return seriesRows(node.series.points).map((row) => ({ kind: 'row', series: node.series, row }));
    if (node.kind === 'row') return [node.row.target, node.row.result].filter((p): p is SeriesPoint => !!p).map((point) => ({ kind: 'point', point }));
    return [];
  }

  getTreeItem(node: IndicatorNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState;
    if (node.kind === 'series') {
      const s = node.series;
      const item = new vscode.TreeItem(s.name, Collapsed.Collapsed);
      item.id = `series:${seriesId(s)}`;
      const unit = s.points[0]?.unit;
      item.description = indicatorDescription(this.namer, s.indicatorKey, unit || s.kind, reportsText(s.reports));
      item.tooltip = vscode.l10n.t('{0}: key {1} in exports, tables and the command line', s.name, s.indicatorKey);
      item.contextValue = 'corpusIndicator';
      item.iconPath = new vscode.ThemeIcon('graph-line');
      return item;
    }
    if (node.kind === 'row') {
      const { row } = node;
      const item = new vscode.TreeItem(`${row.year} ${row.region}`, Collapsed.Collapsed);
      item.id = `row:${seriesId(node.series)}:${row.year}:${row.region}`;
      const parts: string[] = [];
      if (row.target) {
        // (目标 8%左右, not 8%左右（左右）: the bound in words only where the figure's text does not say it.)
        const bound = boundName(row.target.bound);
        parts.push(row.target.text.includes(bound) ? vscode.l10n.t('target {0}', row.target.text) : vscode.l10n.t('target {0} ({1})', row.target.text, bound));
      }
      if (row.result) parts.push(vscode.l10n.t('result {0}', row.result.text));
      item.description = parts.join(' · ');
      return item;
    }
    const p = node.point;
    const item = new vscode.TreeItem(p.role === 'target' ? vscode.l10n.t('Target: {0}', p.text) : vscode.l10n.t('Result: {0}', p.text), Collapsed.None);
    item.id = `point:${p.uri}:${p.start}`;
    item.description = `${p.report}${p.role === 'target' ? ` · ${boundName(p.bound)}` : ''}`;
    item.tooltip = new vscode.MarkdownString().appendText(p.sentence).appendMarkdown(`\n\n*${p.report}*`);
    item.iconPath = new vscode.ThemeIcon(p.role === 'target' ? 'target' : 'check');
    item.command = {
      command: 'reportAnnotator.corpus.openReport',
      title: vscode.l10n.t('Open Report'),
      arguments: [{ uri: p.uri, start: p.start, end: p.end }],
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}
