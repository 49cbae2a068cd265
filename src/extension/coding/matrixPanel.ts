// The matrices in a webview: tagged paragraphs per tag × report (× year, × region, from the reports' first
// lines), and the co-occurrence of tags on the same paragraph. The table is drawn by media/matrix/matrix.js
// in the theme's colours (CSS variables), sortable by any column, with a CSV export; a strict content
// security policy (no network, only our script by nonce). A cell opens the paragraphs behind it: the one
// paragraph, or a quick pick of them.
//   executeCommand('reportAnnotator.showTagMatrix', { axis: 'year', csv: '/tmp/m.csv', uris? })
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/atomicWrite';
import { exportTarget } from '../common/exportTarget';
import { cooccurrenceMatrix, matrixCsv, type MatrixAxis, tagMatrix, type TagMatrix } from '../../core/coding/tagMatrix';
import { truncate } from '../../core/text';
import type { AnnotationManager } from '../annotating/annotationManager';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { toUri } from '../common/documents';
import type { CodebookService } from './codebookService';
import { openTaggedParagraph } from './navigation';
import type { WorkspaceTags } from './workspaceTags';
import { reportsText } from '../common/counts';

export type MatrixKind = MatrixAxis | 'cooccurrence';

export interface MatrixArgs {
  axis?: MatrixKind;
  /** Write the matrix as CSV there (no dialog). */
  csv?: string;
  /** Only these reports (explorer selection); default: every report of the workspace with annotations. */
  uris?: (vscode.Uri | string)[];
}

export interface MatrixResult {
  axis?: MatrixKind;
  rows: string[];
  columns: string[];
  counts: number[][];
  csv?: string;
  message?: string;
}

export class MatrixPanel implements vscode.Disposable {
  panel?: vscode.WebviewPanel;
  private axis: MatrixKind = 'report';
  private uris?: string[];
  /** The matrix shown (tests read it). */
  matrix?: TagMatrix;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly manager: AnnotationManager,
    private readonly index: WorkspaceTags,
    private readonly codebooks: CodebookService,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.disposables.push(index.onDidChange(() => this.panel && this.render()));
  }

  register(): vscode.Disposable {
    return registerCommand('reportAnnotator.showTagMatrix', (a) => this.show(a), {
      log: this.log,
      failed: (message: string): MatrixResult => ({ rows: [], columns: [], counts: [], message }),
    });
  }

  async show(arg: unknown, more?: unknown): Promise<MatrixResult> {
    // From the explorer: (clicked uri, selected uris).
    const args: MatrixArgs =
      arg instanceof vscode.Uri ? { uris: Array.isArray(more) ? (more as vscode.Uri[]) : [arg] } : argumentObject<MatrixArgs>(arg);
    if (args.axis) this.axis = args.axis;
    this.uris = args.uris?.map((u) => toUri(u).toString());
    await this.index.settled();
    const matrix = this.compute();
    if (matrix.rows.length === 0) throw new UserError(vscode.l10n.t('There are no tagged paragraphs to count yet.'));
    if (args.csv) {
      await writeFileAtomic(exportTarget(args.csv, ['csv']), matrixCsv(matrix, this.corner()));
    }
    this.open();
    this.render();
    return { axis: this.axis, rows: matrix.rows, columns: matrix.columns, counts: matrix.counts, ...(args.csv && { csv: args.csv }) };
  }

  private reports() {
    const all = this.index.reports();
    return this.uris ? all.filter((r) => this.uris!.includes(r.report)) : all;
  }

  private compute(): TagMatrix {
    const reports = this.reports();
    const tags = this.codebooks.all().flatMap((s) => s.codebook?.tags.map((t) => t.name) ?? []);
    const byUri = new Map(reports.map((r) => [r.report, r.path]));
    this.matrix = this.axis === 'cooccurrence' ? cooccurrenceMatrix(reports, tags) : tagMatrix(reports, this.axis, tags, (r) => byUri.get(r) ?? r);
    // Codebook tags nobody used yet make empty rows: left out of the table.
    const keep = this.matrix.rows.map((_, i) => this.matrix!.counts[i].some((c) => c > 0));
    const pick = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
    const m = this.matrix;
    this.matrix =
      this.axis === 'cooccurrence'
        ? { rows: pick(m.rows), columns: pick(m.columns), counts: pick(m.counts).map(pick), refs: pick(m.refs).map(pick) }
        : { rows: pick(m.rows), columns: m.columns, counts: pick(m.counts), refs: pick(m.refs) };
    return this.matrix;
  }

  private corner(): string {
    return this.axis === 'cooccurrence' ? 'tag' : `tag\\${this.axis}`;
  }

  private open(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'matrix');
    const panel = vscode.window.createWebviewPanel('reportAnnotator.matrix', vscode.l10n.t('Tag Matrix'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'report-annotator.svg');
    const nonce = randomBytes(16).toString('base64');
    const webview = panel.webview;
    const src = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString();
    webview.html = `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${src('matrix.css')}">
<title>${vscode.l10n.t('Tag Matrix')}</title>
</head>
<body>
<div id="toolbar"></div>
<div id="table"></div>
<script nonce="${nonce}" src="${src('matrix.js')}"></script>
</body>
</html>`;
    panel.webview.onDidReceiveMessage((m) => void this.onMessage(m), undefined, this.disposables);
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    this.panel = panel;
  }

  private render(): void {
    if (!this.panel) return;
    const m = this.compute();
    const byUri = new Map(this.reports().map((r) => [r.path, r]));
    const titles = m.columns.map((c) => {
      const r = byUri.get(c);
      return r ? [c, r.meta?.year, r.meta?.region].filter((x) => x !== undefined).join(' · ') : c;
    });
    void this.panel.webview.postMessage({
      type: 'data',
      axis: this.axis,
      rows: m.rows,
      columns: m.columns.map((c) => (this.axis === 'report' ? c.slice(c.lastIndexOf('/') + 1).replace(/\.txt$/, '') : c)),
      titles,
      // Under a report's name: its year and region, where its first lines say.
      subtitles: m.columns.map((c) => {
        const meta = this.axis === 'report' ? byUri.get(c)?.meta : undefined;
        return meta ? [meta.year, meta.region].filter((x) => x !== undefined).join(' ') : '';
      }),
      counts: m.counts,
      text: {
        report: vscode.l10n.t('Tag × report'),
        year: vscode.l10n.t('Tag × year'),
        region: vscode.l10n.t('Tag × region'),
        cooccurrence: vscode.l10n.t('Co-occurrence'),
        tag: vscode.l10n.t('Tag'),
        total: vscode.l10n.t('Total'),
        unknown: vscode.l10n.t('(unknown)'),
        csv: vscode.l10n.t('Export CSV…'),
        view: vscode.l10n.t('Count'),
        cell: vscode.l10n.t('{0} paragraphs: click to open'),
        cellOne: vscode.l10n.t('1 paragraph: click to open'),
        scope: this.uris ? vscode.l10n.t('{0} selected', reportsText(this.reports().length)) : vscode.l10n.t('{0} of the workspace', reportsText(this.reports().length)),
      },
    });
  }

  private async onMessage(message: { type?: string; axis?: MatrixKind; row?: number; column?: number }): Promise<void> {
    try {
      if (message.type === 'axis' && message.axis) {
        this.axis = message.axis;
        this.render();
      } else if (message.type === 'csv') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
          ...(folder && { defaultUri: vscode.Uri.joinPath(folder, `tag-matrix-${this.axis}.csv`) }),
          filters: { CSV: ['csv'] },
        });
        if (target) await writeFileAtomic(exportTarget(target, ['csv']), matrixCsv(this.compute(), this.corner()));
      } else if (message.type === 'open' && message.row !== undefined && message.column !== undefined) {
        await this.openCell(message.row, message.column);
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Report Annotator: {0}', (err as Error).message));
    }
  }

  /** Opens the paragraphs behind a cell: the one, or a quick pick of them. */
  async openCell(row: number, column: number): Promise<void> {
    const refs = this.matrix?.refs[row]?.[column] ?? [];
    if (refs.length === 0) return;
    let ref = refs[0];
    if (refs.length > 1) {
      const paths = new Map(this.index.reports().map((r) => [r.report, r.path]));
      const picked = await vscode.window.showQuickPick(
        // (The report on a line of its own: after a paragraph's 60 characters it fell past the pick's right edge.)
        refs.map((r) => ({ label: truncate(r.exact.trim().replace(/\s+/g, ' '), 60), detail: paths.get(r.report), ref: r })),
        { title: `${this.matrix!.rows[row]} × ${this.matrix!.columns[column] || vscode.l10n.t('(unknown)')}`, matchOnDetail: true },
      );
      if (!picked) return;
      ref = picked.ref;
    }
    await openTaggedParagraph(this.manager, { uri: vscode.Uri.parse(ref.report), annotationId: ref.annotationId });
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
