// A light underline on the figures of every visible report editor (reportAnnotator.highlightFigures).
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../api';
import { REPORT_LANGUAGE } from '../common/language';
import { firstSpanFrom, spanToRange } from '../common/positions';

/** Whether figures are highlighted (underlines and hovers). */
export const figuresHighlighted = () => vscode.workspace.getConfiguration('reportAnnotator').get<boolean>('highlightFigures', true);

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
      const report = figuresHighlighted() && document.languageId === REPORT_LANGUAGE;
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
