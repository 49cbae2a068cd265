// The timeline panel (a webview, script and CSS in media/timeline/): for one indicator, x = year, the
// result as a line and the target as a mark showing its bound, one series per region; or a search term's
// hits per 10,000 characters per year. A table of the same data below; SVG, PNG and CSV saved through the host. A strict CSP, no
// network; the panel comes back after a restart (a serializer keeps what it showed).
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../../core/atomicWrite';
import * as vscode from 'vscode';
import { indicatorChart, regionChoices, termChart, termRegionChoices, type ChartData, type RegionChoice } from '../../core/corpus/chart';
import type { FindQuery } from '../../core/corpus/kwic';
import { findSeries, parseSeriesId, type IndicatorSeries } from '../../core/corpus/series';
import type { IndicatorNamer } from './indicatorNames';
import { termYearText } from './termYearText';
import { csvRecord } from '../../core/tables';
import { FIGURE_BOUNDS } from '../../core/types';
import { UserError } from '../common/commands';
import { restrictedModeRefusal } from '../common/trust';
import type { CorpusIndex } from './corpusIndex';
import type { FindResult, FindView } from './findView';
import { boundName } from './indicatorTree';

export const TIMELINE_VIEW_TYPE = 'reportAnnotator.timeline';

/** What the panel shows, and the regions the user chose to draw (none: the default choice). */
export type TimelineState = { kind: 'indicator'; series: string; regions?: string[] } | { kind: 'term'; query: FindQuery; folder?: string; regions?: string[] };

type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; uri: string; start: number; end: number }
  | { type: 'rendered'; marks: number; points: number }
  | { type: 'exported'; requestId: number; format: 'svg' | 'png'; data: string }
  | { type: 'save'; format: 'svg' | 'png' | 'csv' }
  | { type: 'regions'; regions: string[] };

export class TimelinePanels implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  state?: TimelineState;
  chart?: ChartData;
  /** The regions of the chart (for a term, all the reports first; none for a term of one region's reports), and which it draws. */
  regions: RegionChoice[] = [];
  /** The hits of the term chart's last search of its own (FindView.search's 'chart' lane). */
  private termResult?: FindResult;
  /** How many drawings were begun, and the last one's chart. */
  private drawings = 0;
  private latest?: Promise<ChartData>;
  /** What the webview last drew (for the tests): SVG marks and data points. */
  rendered?: { marks: number; points: number };
  private readonly exports = new Map<number, (data: string) => void>();
  private nextRequest = 1;
  private readonly disposables: vscode.Disposable[] = [];
  private renderedWaiters: (() => void)[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: CorpusIndex,
    private readonly series: () => IndicatorSeries[],
    private readonly finder: FindView,
    private readonly indicatorName: IndicatorNamer,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const s = state as { timeline?: TimelineState } | undefined;
          this.adopt(panel);
          if (s?.timeline) await this.show(s.timeline);
        },
      }),
      index.onDidChange(() => {
        if (this.panel && this.state && !this.index.indexing) void this.update(true);
      }),
    );
  }

  /** Shows the panel with `state` (creating it if needed) and resolves when the chart's data is posted. */
  async show(state: TimelineState): Promise<ChartData> {
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, vscode.l10n.t('Timeline'), vscode.ViewColumn.Active, this.options()));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.state = state;
    this.rendered = undefined;
    await this.index.whenReady();
    return this.update();
  }

  /** Draws the chart for these regions only (the checkboxes above the chart). */
  async chooseRegions(regions: string[]): Promise<ChartData | undefined> {
    if (!this.state || regions.length === 0) return undefined;
    this.state = { ...this.state, regions };
    this.rendered = undefined;
    return this.update();
  }

  /** Resolves when the webview has drawn the current chart. */
  whenRendered(): Promise<{ marks: number; points: number }> {
    if (this.rendered) return Promise.resolve(this.rendered);
    return new Promise((resolve) => this.renderedWaiters.push(() => resolve(this.rendered!)));
  }

  /** Has the webview serialise its chart as SVG or PNG (base64) and writes it to `target`. */
  async exportTo(format: 'svg' | 'png' | 'csv', target: string): Promise<number> {
    const refusal = restrictedModeRefusal();
    if (refusal) throw new UserError(refusal);
    if (!this.panel || !this.chart) throw new UserError(vscode.l10n.t('Open a timeline first.'));
    let bytes: Uint8Array;
    if (format === 'csv') {
      bytes = Buffer.from('\uFEFF' + [this.chart.columns, ...this.chart.rows].map((r) => csvRecord(r)).join(''), 'utf8');
    } else {
      const requestId = this.nextRequest++;
      const data = await new Promise<string>((resolve) => {
        this.exports.set(requestId, resolve);
        void this.panel!.webview.postMessage({ type: 'export', requestId, format });
      });
      bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    }
    await writeFileAtomic(target, bytes);
    return bytes.length;
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  // -------------------------------------------------------------------------------------------------

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'report-annotator.svg');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  /** Draws the state's chart; `corpusChanged`: a term's hits are searched again rather than taken from the Find view. */
  private update(corpusChanged = false): Promise<ChartData> {
    const generation = ++this.drawings;
    return (this.latest = this.draw(corpusChanged, generation));
  }

  private async draw(corpusChanged: boolean, generation: number): Promise<ChartData> {
    const state = this.state!;
    let chart: ChartData;
    if (state.kind === 'indicator') {
      const s = findSeries(this.series(), state.series);
      if (!s) {
        const key = parseSeriesId(state.series);
        throw new UserError(vscode.l10n.t('No report of the workspace gives a target or a result for {0}.', key?.indicatorKey ?? state.series));
      }
      this.regions = regionChoices(s, state.regions);
      const shown = new Set(this.regions.filter((r) => r.selected).map((r) => r.name));
      chart = indicatorChart(s, {
        year: vscode.l10n.t('Year'),
        region: vscode.l10n.t('Region'),
        target: vscode.l10n.t('Target'),
        bound: vscode.l10n.t('Bound'),
        result: vscode.l10n.t('Result'),
        report: vscode.l10n.t('Report'),
        indicatorName: this.indicatorName(s.indicatorKey),
        boundName,
      }, shown);
    } else {
      const folder = state.folder ? vscode.Uri.parse(state.folder) : undefined;
      const q = state.query;
      const sameAs = (r: FindResult | undefined): r is FindResult =>
        !corpusChanged && !!r && r.query.pattern === q.pattern && !!r.query.regex === !!q.regex && !!r.query.caseSensitive === !!q.caseSensitive && r.folder === state.folder;
      // (Another term's search stays in the Find view: this chart, redrawn as the corpus changes, searches on its own
      // lane, and keeps what it found for the regions chosen next: a checkbox clicked searched every report again.)
      const result = sameAs(this.finder.result) ? this.finder.result : sameAs(this.termResult) ? this.termResult : await this.finder.search(state.query, folder, undefined, 'chart');
      // (No result: a newer drawing's search stopped this one, as the corpus changed meanwhile; that drawing's chart is
      // the one. This one drew an empty chart, and returned it to show().)
      if (result === undefined && generation !== this.drawings) return this.latest!;
      this.termResult = result;
      // (All the reports in one line; with reports of several regions, a line for each region chosen too.)
      const all = vscode.l10n.t('All reports');
      this.regions = termRegionChoices(result?.searched ?? [], all, state.regions);
      chart = termChart(state.query.pattern, result?.reports ?? [], result?.searched ?? [], {
        year: vscode.l10n.t('Year'),
        region: vscode.l10n.t('Region'),
        rate: vscode.l10n.t('Hits per 10,000 characters'),
        hits: vscode.l10n.t('Hits'),
        reports: vscode.l10n.t('Reports with hits'),
        searched: vscode.l10n.t('Reports'),
        characters: vscode.l10n.t('Characters'),
        describe: termYearText,
      }, this.regions.length > 0 ? this.regions : undefined);
    }
    // (Another chart was asked for while this one's hits were searched: it is drawn, not this one.)
    if (this.state !== state) return chart;
    this.chart = chart;
    this.rendered = undefined;
    if (this.panel) {
      this.panel.title = vscode.l10n.t('Timeline: {0}', chart.title);
      void this.panel.webview.postMessage({ type: 'data', state, chart, labels: this.labels(), regions: this.regions });
    }
    return chart;
  }

  private labels(): Record<string, string> {
    return {
      target: vscode.l10n.t('Target'),
      result: vscode.l10n.t('Result'),
      hits: vscode.l10n.t('Hits'),
      year: vscode.l10n.t('Year'),
      noData: vscode.l10n.t('No targets or results with a year.'),
      chart: vscode.l10n.t('Chart'),
      table: vscode.l10n.t('Table'),
      regions: vscode.l10n.t('Regions'),
      // (The legend of the targets' marks: by their bound, in words.)
      ...Object.fromEntries(FIGURE_BOUNDS.map((b) => [`target.${b}`, vscode.l10n.t('Target ({0})', boundName(b))])),
    };
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      if (this.chart && this.state) void this.panel?.webview.postMessage({ type: 'data', state: this.state, chart: this.chart, labels: this.labels(), regions: this.regions });
    } else if (m.type === 'open') {
      await vscode.commands.executeCommand('reportAnnotator.corpus.openReport', { uri: m.uri, start: m.start, end: m.end });
    } else if (m.type === 'rendered') {
      this.rendered = { marks: m.marks, points: m.points };
      for (const w of this.renderedWaiters.splice(0)) w();
    } else if (m.type === 'exported') {
      this.exports.get(m.requestId)?.(m.data);
      this.exports.delete(m.requestId);
    } else if (m.type === 'regions') {
      await this.chooseRegions(m.regions);
    } else if (m.type === 'save') {
      await vscode.commands.executeCommand('reportAnnotator.corpus.saveTimeline', { format: m.format });
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'timeline.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline', 'timeline.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data: blob:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    const t = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${t(vscode.l10n.t('Timeline'))}</title>
</head>
<body>
<header><h1 id="title"></h1>
<div class="actions" role="toolbar" aria-label="${t(vscode.l10n.t('Save'))}">
<button id="save-svg">${t(vscode.l10n.t('Save Chart as SVG'))}</button>
<button id="save-png">${t(vscode.l10n.t('Save Chart as PNG'))}</button>
<button id="save-csv">${t(vscode.l10n.t('Save Table as CSV'))}</button>
</div></header>
<main>
<fieldset id="regions" hidden></fieldset>
<figure id="chart" aria-live="polite"></figure>
<div id="legend"></div>
<div id="tip" role="tooltip" hidden></div>
<table id="table"></table>
</main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}
