// Figures in the editor: a hover with the normalised value (51593万元 = ¥515,930,000), the kind, the
// indicator and the change; and a light underline on the figures. reportAnnotator.highlightFigures
// switches both. The presentation helpers are shared with the report tree.
import * as vscode from 'vscode';
import type { ChangeDirection, DocumentAnalysis, Figure, FigureKind } from '../../core/types';
import { REPORT_LANGUAGE } from '../common/language';
import type { ReportAnalysisProvider } from '../api';
import { findSpanAt, firstSpanFrom, spanToRange } from '../common/positions';

export function figureKindLabel(kind: FigureKind): string {
  switch (kind) {
    case 'currency': return vscode.l10n.t('Currency');
    case 'area': return vscode.l10n.t('Area');
    case 'length': return vscode.l10n.t('Length');
    case 'mass': return vscode.l10n.t('Mass');
    case 'volume': return vscode.l10n.t('Volume');
    case 'energy': return vscode.l10n.t('Energy');
    case 'percent': return vscode.l10n.t('Percent');
    case 'percentagePoint': return vscode.l10n.t('Percentage points');
    case 'count': return vscode.l10n.t('Count');
    case 'duration': return vscode.l10n.t('Duration');
    case 'rank': return vscode.l10n.t('Rank');
    case 'other': return vscode.l10n.t('Other');
  }
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const fmt = (n: number) => numberFormat.format(n);

/** Units written with an international symbol; others keep their Chinese name (人次, 家, 亩). */
const UNIT_FORMATS: Record<string, (n: string) => string> = {
  元: (n) => `¥${n}`,
  美元: (n) => `US$${n}`,
  欧元: (n) => `€${n}`,
  港元: (n) => `HK$${n}`,
  英镑: (n) => `£${n}`,
  平方米: (n) => `${n} m²`,
  平米: (n) => `${n} m²`,
  平方公里: (n) => `${n} km²`,
  平方千米: (n) => `${n} km²`,
  公顷: (n) => `${n} ha`,
  公里: (n) => `${n} km`,
  千米: (n) => `${n} km`,
  米: (n) => `${n} m`,
  吨: (n) => `${n} t`,
  公斤: (n) => `${n} kg`,
  千克: (n) => `${n} kg`,
  立方米: (n) => `${n} m³`,
  千瓦: (n) => `${n} kW`,
  千瓦时: (n) => `${n} kWh`,
  兆瓦: (n) => `${n} MW`,
};

/** The figure's value in base units, as a reader would write it: ¥515,930,000, 400,000 m², 34.2%. */
export function normalisedValue(figure: Figure): string {
  switch (figure.kind) {
    case 'percent':
      return `${fmt(figure.value)}%`;
    case 'percentagePoint':
      return vscode.l10n.t('{0} percentage points', fmt(figure.value));
    case 'rank':
      return figure.text;
    case 'other':
      return fmt(figure.baseValue);
    default: {
      const format = UNIT_FORMATS[figure.unit];
      return format ? format(fmt(figure.baseValue)) : `${fmt(figure.baseValue)} ${figure.unit}`.trim();
    }
  }
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

function directionLabel(direction: ChangeDirection): string {
  return direction === 'up' ? vscode.l10n.t('up') : direction === 'down' ? vscode.l10n.t('down') : vscode.l10n.t('unchanged');
}

/** The change a figure states (增长34.2%: up) or is followed by (51593万元，增长34.2%: up, by 34.2%). */
function changeOf(figure: Figure, analysis: DocumentAnalysis): { direction: ChangeDirection; by?: Figure } | undefined {
  const direction = figure.change?.direction ?? figure.direction;
  const byId = figure.change?.figureId;
  return direction && { direction, by: byId ? analysis.figures.find((f) => f.id === byId) : undefined };
}

/** A short note of the change for the tree: "↑ 34.2%". */
export function changeSummary(figure: Figure, analysis: DocumentAnalysis): string | undefined {
  const change = changeOf(figure, analysis);
  return change && [ARROWS[change.direction], change.by?.text].filter(Boolean).join(' ');
}

/** Markdown-escapes report text (figures and indicators may hold * _ . and the like). */
const esc = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

export function figureMarkdown(figure: Figure, analysis: DocumentAnalysis): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${esc(figure.text)}** = **${esc(normalisedValue(figure))}**`);
  if (figure.approx) md.appendMarkdown(` ${vscode.l10n.t('(approximate)')}`);
  md.appendMarkdown(`\n\n${vscode.l10n.t('Kind')}: ${figureKindLabel(figure.kind)}`);
  if (figure.indicator) md.appendMarkdown(`  \n${vscode.l10n.t('Indicator')}: ${esc(figure.indicator)}`);
  const change = changeOf(figure, analysis);
  if (change) {
    const by = change.by ? ` ${esc(change.by.text)}` : '';
    md.appendMarkdown(`  \n${vscode.l10n.t('Change')}: ${ARROWS[change.direction]} ${directionLabel(change.direction)}${by}`);
  }
  return md;
}

const enabled = () => vscode.workspace.getConfiguration('reportAnnotator').get<boolean>('highlightFigures', true);

class FigureHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: ReportAnalysisProvider) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    if (!enabled()) return undefined;
    const analysis = await this.analysis.analyze(document).catch(() => undefined); // the service logs failures
    if (!analysis || token.isCancellationRequested) return undefined;
    const i = findSpanAt(analysis.figures, document.offsetAt(position));
    if (i < 0) return undefined;
    const figure = analysis.figures[i];
    return new vscode.Hover(figureMarkdown(figure, analysis), spanToRange(document, figure.range));
  }
}

/** Lines beyond the visible ones whose figures are underlined too, so that a short scroll needs no update. */
const MARGIN_LINES = 300;

/** The lines of an editor whose figures are underlined, and how many figures that is. */
export interface FigureWindow {
  first: number;
  last: number;
  count: number;
}

/**
 * Underlines the figures of every visible report editor, from the latest analysis: only those on and
 * near the visible lines (a large report has tens of thousands, and the whole list would be sent to the
 * editor after every analysis). Scrolling past them brings the next ones.
 */
export class FigureDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted 1px',
  });
  private readonly windows = new WeakMap<vscode.TextEditor, FigureWindow>();

  constructor(private readonly analysis: ReportAnalysisProvider) {}

  update(editors: readonly vscode.TextEditor[] = vscode.window.visibleTextEditors): void {
    for (const editor of editors) {
      const { document } = editor;
      const report = enabled() && document.languageId === REPORT_LANGUAGE;
      const analysis = report ? this.analysis.peek(document.uri) : undefined;
      // No analysis yet: ask for one; its event brings the editor back here.
      if (report && !analysis) this.analysis.analyze(document).catch(() => undefined);
      if (!analysis) {
        editor.setDecorations(this.type, []);
        this.windows.delete(editor);
        continue;
      }
      const visible = visibleLines(editor);
      const first = Math.max(0, visible.first - MARGIN_LINES);
      const last = Math.min(document.lineCount - 1, visible.last + MARGIN_LINES);
      const from = document.offsetAt(new vscode.Position(first, 0));
      const to = document.offsetAt(document.lineAt(last).range.end);
      const { figures } = analysis;
      const ranges: vscode.Range[] = [];
      for (let i = firstSpanFrom(figures, from); i < figures.length && figures[i].range.start <= to; i++) {
        ranges.push(spanToRange(document, figures[i].range));
      }
      editor.setDecorations(this.type, ranges);
      this.windows.set(editor, { first, last, count: ranges.length });
    }
  }

  /** The editor scrolled: once its visible lines leave the underlined ones, underline the figures there. */
  scrolled(editor: vscode.TextEditor): void {
    const window = this.windows.get(editor);
    if (!window) return;
    const visible = visibleLines(editor);
    if (visible.first < window.first || visible.last > window.last) this.update([editor]);
  }

  /** The lines of the editor whose figures are underlined (for tests and diagnostics). */
  decorated(editor: vscode.TextEditor): FigureWindow | undefined {
    return this.windows.get(editor);
  }

  dispose(): void {
    this.type.dispose();
  }
}

function visibleLines(editor: vscode.TextEditor): { first: number; last: number } {
  const ranges = editor.visibleRanges;
  if (ranges.length === 0) return { first: 0, last: 0 };
  return { first: ranges[0].start.line, last: ranges[ranges.length - 1].end.line };
}

export function registerFigureHover(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): FigureDecorations {
  const decorations = new FigureDecorations(analysis);
  context.subscriptions.push(
    decorations,
    vscode.languages.registerHoverProvider(REPORT_LANGUAGE, new FigureHoverProvider(analysis)),
    analysis.onDidAnalyze((e) => decorations.update(vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document))),
    vscode.window.onDidChangeVisibleTextEditors((editors) => decorations.update(editors)),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => decorations.scrolled(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('reportAnnotator.highlightFigures')) decorations.update();
    }),
  );
  return decorations;
}
