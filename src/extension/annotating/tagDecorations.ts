// Tagged paragraphs, decorated in the colour of their tags: a left border on every line of the paragraph and
// a mark in the overview ruler; hovering the paragraph's first character shows its tags and note. The tag
// names stand above the paragraph as a lens (tagLenses.ts), never after its last line, where a long line
// would push them out of the view. Border types are created once per colour and reused.
import * as vscode from 'vscode';
import { NOTE_KEY, planTagDecorations, type TagLabel } from '../../core/tagRanges';
import type { Annotation } from '../../core/types';
import type { ReportAnnotationProvider } from '../api';
import { configuredTags, onDidChangeTagStyles, tagColor, type TagStyle } from './tagSettings';

interface PositionSource {
  positionAt(offset: number): vscode.Position;
}

/** What a document shows: paragraph ranges by colour, and a hover at each tagged paragraph's start. */
export interface TagDecorations {
  lines: Map<string, vscode.Range[]>;
  hovers: vscode.DecorationOptions[];
}

/** The hover of a tagged paragraph: its tags, and its note as written (several lines kept). */
export function labelHover(label: TagLabel): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  if (label.tags.length > 0) md.appendMarkdown(`**${vscode.l10n.t('Tags')}:** `).appendText(label.tags.join(' · '));
  if (label.note) {
    if (label.tags.length > 0) md.appendMarkdown('\n\n');
    md.appendMarkdown(`**${vscode.l10n.t('Note')}:**\n\n`);
    for (const line of label.note.split('\n')) md.appendText(line).appendMarkdown('  \n');
  }
  return md;
}

/** The decorations for a document's annotations (planTagDecorations in core), as editor ranges. */
export function computeTagDecorations(document: PositionSource, annotations: readonly Annotation[], styles: readonly TagStyle[]): TagDecorations {
  const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
  const { paint, labels } = planTagDecorations(annotations, (tag) => tagColor(tag, styles));
  return {
    lines: new Map([...paint].map(([key, spans]) => [key, spans.map((s) => range(s.start, s.end))])),
    hovers: labels.map((l) => ({ range: range(l.span.start, Math.min(l.span.start + 1, l.span.end)), hoverMessage: labelHover(l) })),
  };
}

/** Keeps the visible editors' tag decorations in step with the annotations and the tag setting. */
export class TagDecorator implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /** The hovers at tagged paragraphs' starts: no look of their own. */
  private readonly hoverType = vscode.window.createTextEditorDecorationType({ rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly disposables: vscode.Disposable[] = [];
  /** The tags' colours, read when the decorations are next drawn (so a change reads the codebook then, not at once). */
  private stylesRead: TagStyle[] | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly annotations: ReportAnnotationProvider) {
    this.disposables.push(
      annotations.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportAnnotator.tags')) {
          this.stylesRead = undefined;
          this.schedule();
        }
      }),
      // The codebook's colours (coding area) changed.
      onDidChangeTagStyles(() => {
        this.stylesRead = undefined;
        this.schedule();
      }),
    );
    // The first drawing (after activation) makes the types for the configured colours, so the first tag paints
    // without a new type.
    this.schedule();
  }

  private get styles(): TagStyle[] {
    if (!this.stylesRead) {
      this.stylesRead = configuredTags();
      for (const s of this.stylesRead) this.typeFor(s.color);
    }
    return this.stylesRead;
  }

  /** The colours that have a decoration type (for tests and diagnostics; `note` for note-only paragraphs). */
  get colors(): string[] {
    return [...this.types.keys()];
  }

  private typeFor(color: string): vscode.TextEditorDecorationType {
    let type = this.types.get(color);
    if (type) return type;
    type =
      color === NOTE_KEY
        ? vscode.window.createTextEditorDecorationType({
            isWholeLine: true,
            borderColor: new vscode.ThemeColor('editorCodeLens.foreground'),
            borderStyle: 'dotted',
            borderWidth: '0 0 0 2px',
            rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          })
        : vscode.window.createTextEditorDecorationType({
            isWholeLine: true,
            borderColor: color,
            borderStyle: 'solid',
            borderWidth: '0 0 0 3px',
            overviewRulerColor: color,
            overviewRulerLane: vscode.OverviewRulerLane.Left,
            rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          });
    this.types.set(color, type);
    return type;
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
    const { lines, hovers } = computeTagDecorations(editor.document, this.annotations.list(editor.document.uri), this.styles);
    for (const color of lines.keys()) this.typeFor(color);
    for (const [color, type] of this.types) editor.setDecorations(type, lines.get(color) ?? []);
    editor.setDecorations(this.hoverType, hovers);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
    for (const type of this.types.values()) type.dispose();
    this.hoverType.dispose();
    this.types.clear();
  }
}
