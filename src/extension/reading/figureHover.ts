// Figures in the editor: a hover with the normalised value, the kind, the indicator and the change; and
// the underlines (figureDecorations.ts). reportAnnotator.highlightFigures switches both.
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../api';
import { REPORT_LANGUAGE } from '../common/language';
import { findSpanAt, spanToRange } from '../common/positions';
import { FigureDecorations, figuresHighlighted } from './figureDecorations';
import { figureMarkdown } from './figureTexts';


class FigureHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: ReportAnalysisProvider) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    if (!figuresHighlighted()) return undefined;
    const analysis = await this.analysis.analyze(document).catch(() => undefined); // the service logs failures
    if (!analysis || token.isCancellationRequested) return undefined;
    const i = findSpanAt(analysis.figures, document.offsetAt(position));
    if (i < 0) return undefined;
    const figure = analysis.figures[i];
    return new vscode.Hover(figureMarkdown(figure, analysis), spanToRange(document, figure.range));
  }
}

export function registerFigureHover(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): FigureDecorations {
  const decorations = new FigureDecorations(analysis);
  /** Draws the underlines again in the editors that show the document. */
  const redraw = (document: vscode.TextDocument) => decorations.update(vscode.window.visibleTextEditors.filter((ed) => ed.document === document));
  context.subscriptions.push(
    decorations,
    vscode.languages.registerHoverProvider(REPORT_LANGUAGE, new FigureHoverProvider(analysis)),
    analysis.onDidAnalyze((e) => redraw(e.document)),
    // (A report's language set after its analysis came: detection analyses while it switches.)
    vscode.workspace.onDidOpenTextDocument(redraw),
    vscode.window.onDidChangeVisibleTextEditors((editors) => decorations.update(editors)),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => decorations.scrolled(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('reportAnnotator.highlightFigures')) decorations.update();
    }),
  );
  return decorations;
}
