// Tagged paragraphs, decorated in the colour of their tags: a left border on every line of the paragraph, a
// mark in the overview ruler, and the tag names after the paragraph's last character. Decoration types are
// created once per colour and reused (two per colour: the whole-line border and the label, because
// `isWholeLine` is a property of the type and a whole-line `after` would land at the line's start).
import * as vscode from 'vscode';
import { NOTE_KEY, planTagDecorations } from '../../core/tagRanges';
import type { Annotation } from '../../core/types';
import type { ReportAnnotationProvider } from '../api';
import { configuredTags, tagColor, type TagStyle } from './tagSettings';

/** What one colour contributes to one editor. */
export interface ColorDecorations {
  /** Paragraph ranges (whole-line type: border + overview ruler). */
  lines: vscode.Range[];
  /** Empty ranges at each paragraph's end with the label text of this colour's tags. */
  labels: vscode.DecorationOptions[];
}

interface PositionSource {
  positionAt(offset: number): vscode.Position;
}

/**
 * The decorations for a document's annotations, grouped by colour (planTagDecorations in core), as
 * editor ranges; a note shows as the label's hover.
 */
export function computeTagDecorations(
  document: PositionSource,
  annotations: readonly Annotation[],
  styles: readonly TagStyle[],
): Map<string, ColorDecorations> {
  const out = new Map<string, ColorDecorations>();
  for (const [key, paint] of planTagDecorations(annotations, (tag) => tagColor(tag, styles))) {
    out.set(key, {
      lines: paint.spans.map((s) => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end))),
      labels: paint.labels.map((l) => {
        const at = document.positionAt(l.at);
        return {
          range: new vscode.Range(at, at),
          renderOptions: { after: { contentText: l.text } },
          ...(l.note !== undefined && { hoverMessage: new vscode.MarkdownString().appendText(l.note) }),
        };
      }),
    });
  }
  return out;
}

interface TypePair {
  lines: vscode.TextEditorDecorationType;
  labels: vscode.TextEditorDecorationType;
}

/** Keeps the visible editors' tag decorations in step with the annotations and the tag setting. */
export class TagDecorator implements vscode.Disposable {
  private readonly types = new Map<string, TypePair>();
  private readonly disposables: vscode.Disposable[] = [];
  private styles = configuredTags();
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly annotations: ReportAnnotationProvider) {
    this.disposables.push(
      annotations.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportAnnotator.tags')) {
          this.styles = configuredTags();
          this.schedule();
        }
      }),
    );
    // Types for the configured colours exist from the start, so the first tag paints without a new type.
    for (const s of this.styles) this.typeFor(s.color);
    this.refreshAll();
  }

  /** The colours that have a decoration type (for tests and diagnostics; `note` for note-only paragraphs). */
  get colors(): string[] {
    return [...this.types.keys()];
  }

  private typeFor(color: string): TypePair {
    let pair = this.types.get(color);
    if (!pair && color === NOTE_KEY) {
      const muted = new vscode.ThemeColor('editorCodeLens.foreground');
      pair = {
        lines: vscode.window.createTextEditorDecorationType({
          isWholeLine: true,
          borderColor: muted,
          borderStyle: 'dotted',
          borderWidth: '0 0 0 2px',
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
        labels: vscode.window.createTextEditorDecorationType({
          after: { color: muted, margin: '0 0 0 1em' },
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      };
      this.types.set(color, pair);
    }
    if (!pair) {
      pair = {
        lines: vscode.window.createTextEditorDecorationType({
          isWholeLine: true,
          borderColor: color,
          borderStyle: 'solid',
          borderWidth: '0 0 0 3px',
          overviewRulerColor: color,
          overviewRulerLane: vscode.OverviewRulerLane.Left,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
        labels: vscode.window.createTextEditorDecorationType({
          after: { color, margin: '0 0 0 1em', fontStyle: 'italic' },
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      };
      this.types.set(color, pair);
    }
    return pair;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.refreshAll();
    }, 30);
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  refresh(editor: vscode.TextEditor): void {
    const plan = computeTagDecorations(editor.document, this.annotations.list(editor.document.uri), this.styles);
    for (const color of plan.keys()) this.typeFor(color);
    for (const [color, pair] of this.types) {
      const d = plan.get(color);
      editor.setDecorations(pair.lines, d?.lines ?? []);
      editor.setDecorations(pair.labels, d?.labels ?? []);
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
    for (const p of this.types.values()) {
      p.lines.dispose();
      p.labels.dispose();
    }
    this.types.clear();
  }
}
