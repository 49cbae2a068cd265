// The Corpus view: the workspace's reports grouped by level and region, ordered by year, each with its
// counts; reports that could not be analysed in a group of their own, with the reason. Click opens a report.
import * as vscode from 'vscode';
import { groupReports, type CorpusReport, type LevelGroup, type RegionGroup } from '../../core/corpus/grouping';
import type { ReportLevel } from '../../core/types';
import type { CorpusIndex, FailedReport } from './corpusIndex';
import { figuresText, reportsText, resultsText, tagsText, targetsText } from '../common/counts';

export type CorpusNode =
  | { kind: 'level'; group: LevelGroup }
  | { kind: 'region'; group: RegionGroup; level?: ReportLevel }
  | { kind: 'report'; report: CorpusReport }
  | { kind: 'failures'; failures: FailedReport[] }
  | { kind: 'failure'; failure: FailedReport };

export function levelName(level: ReportLevel | undefined): string {
  switch (level) {
    case 'national':
      return vscode.l10n.t('National');
    case 'province':
      return vscode.l10n.t('Provinces');
    case 'city':
      return vscode.l10n.t('Cities');
    case 'district':
      return vscode.l10n.t('Districts');
    case 'county':
      return vscode.l10n.t('Counties');
    default:
      return vscode.l10n.t('Level not known');
  }
}

/** A report's counts in one line: year, figures, targets, results, tags. */
export function reportCounts(r: CorpusReport): string {
  const c = r.summary.counts;
  const tags = Object.values(r.tags ?? {}).reduce((n, k) => n + k, 0);
  return [figuresText(c.figures), targetsText(c.targets), resultsText(c.results), tagsText(tags)].join(' · ');
}

export class CorpusTree implements vscode.TreeDataProvider<CorpusNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<CorpusNode>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: CorpusIndex) {
    this.view = vscode.window.createTreeView('reportAnnotator.corpus', { treeDataProvider: this, showCollapseAll: true });
    this.subscription = index.onDidChange(() => this.refresh());
    // The view asks for its children when it shows; only the welcome text's state is needed now.
    this.showState();
  }

  refresh(): void {
    const empty = this.showState();
    this.view.description = empty ? undefined : reportsText(this.index.all().length);
    this.emitter.fire(undefined);
  }

  /** Sets the context key the welcome text follows; whether the view is empty. */
  private showState(): boolean {
    const empty = this.index.all().length === 0 && this.index.failed().length === 0;
    const state = empty ? (this.index.indexing || !this.index.lastRun ? 'indexing' : 'empty') : 'reports';
    void vscode.commands.executeCommand('setContext', 'reportAnnotator.corpus.state', state);
    return empty;
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    if (!node) {
      const groups: CorpusNode[] = groupReports(this.index.all(), vscode.l10n.t('Region not known')).map((group) => ({ kind: 'level', group }));
      const failures = this.index.failed().sort((a, b) => a.name.localeCompare(b.name));
      if (failures.length > 0) groups.push({ kind: 'failures', failures });
      return groups;
    }
    switch (node.kind) {
      case 'level':
        return node.group.regions.map((group) => ({ kind: 'region', group, level: node.group.level }));
      case 'region':
        return node.group.reports.map((report) => ({ kind: 'report', report }));
      case 'failures':
        return node.failures.map((failure) => ({ kind: 'failure', failure }));
      default:
        return [];
    }
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'level': {
        const item = new vscode.TreeItem(levelName(node.group.level), Collapsed.Expanded);
        item.id = `level:${node.group.level ?? '?'}`;
        item.description = String(node.group.count);
        item.contextValue = 'corpusLevel';
        return item;
      }
      case 'region': {
        const single = node.group.reports.length === 1;
        const item = new vscode.TreeItem(node.group.region, single ? Collapsed.Expanded : Collapsed.Collapsed);
        item.id = `region:${node.level ?? '?'}:${node.group.region}`;
        const years = node.group.reports.map((r) => r.summary.meta?.year).filter((y): y is number => y !== undefined);
        item.description = years.length > 1 ? `${node.group.reports.length} · ${years[0]}–${years[years.length - 1]}` : String(node.group.reports.length);
        item.contextValue = 'corpusRegion';
        return item;
      }
      case 'report': {
        const r = node.report;
        const year = r.summary.meta?.year;
        const item = new vscode.TreeItem(r.summary.title ?? r.name, Collapsed.None);
        item.id = `report:${r.uri}`;
        item.resourceUri = vscode.Uri.parse(r.uri);
        item.description = `${year ?? ''} ${reportCounts(r)}`.trim();
        item.tooltip = new vscode.MarkdownString(`**${r.summary.title ?? r.name}**\n\n${r.name}\n\n${reportCounts(r)}`);
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.contextValue = 'corpusReport';
        item.command = { command: 'reportAnnotator.corpus.openReport', title: vscode.l10n.t('Open Report'), arguments: [{ uri: r.uri }] };
        return item;
      }
      case 'failures': {
        const item = new vscode.TreeItem(vscode.l10n.t('Could not be analysed'), Collapsed.Expanded);
        item.id = 'failures';
        item.description = String(node.failures.length);
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
      case 'failure': {
        const item = new vscode.TreeItem(node.failure.name, Collapsed.None);
        item.id = `failure:${node.failure.uri.toString()}`;
        item.description = node.failure.reason;
        item.tooltip = vscode.l10n.t('{0} is skipped: {1}', node.failure.name, node.failure.reason);
        item.resourceUri = node.failure.uri;
        item.contextValue = 'corpusFailure';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}
