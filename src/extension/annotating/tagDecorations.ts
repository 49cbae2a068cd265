// Tagged paragraphs, decorated in the colour of their tags: a left border on every line of the paragraph, a
// mark in the overview ruler, and the tag names after the paragraph's last character. Decoration types are
// created once per colour and reused (two per colour: the whole-line border and the label, because
// `isWholeLine` is a property of the type and a whole-line `after` would land at the line's start).
import * as vscode from 'vscode';
import type { ReportAnnotationProvider } from '../api';
import type { Annotation } from '../../core/types';

export interface TagStyle {
  name: string;
  /** #rrggbb */
  color: string;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Colours for tags that the setting does not list, picked by a hash of the tag so they stay stable. */
export const FALLBACK_COLORS = ['#e8a33d', '#4f9be8', '#5cb85c', '#d9534f', '#9b6ad6', '#2aa198', '#c76ba8', '#8a8f3c'];

/** The `reportAnnotator.tags` setting, cleaned: names trimmed, duplicates and bad entries dropped. */
export function configuredTags(): TagStyle[] {
  const raw = vscode.workspace.getConfiguration('reportAnnotator').get<unknown>('tags');
  const out: TagStyle[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(raw)) return out;
  for (const entry of raw) {
    const name = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name.trim() || seen.has(name.trim())) continue;
    const color = (entry as { color?: unknown } | null)?.color;
    seen.add(name.trim());
    out.push({ name: name.trim(), color: typeof color === 'string' && COLOR.test(color) ? color.toLowerCase() : hashColor(name.trim()) });
  }
  return out;
}

export function hashColor(tag: string): string {
  let h = 0;
  for (const ch of tag) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return FALLBACK_COLORS[h % FALLBACK_COLORS.length];
}

/** The colour of a tag: from the setting, else a stable fallback. */
export function tagColor(tag: string, styles: readonly TagStyle[]): string {
  return styles.find((s) => s.name === tag)?.color ?? hashColor(tag);
}

/** The key of paragraphs with a note and no tag: drawn in the theme's muted colour. */
export const NOTE_KEY = 'note';

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
 * The decorations for a document's annotations, grouped by colour. Pure apart from the Position/Range
 * classes, so tests can check the ranges directly. A note adds ✎ to the label and shows as the hover; a
 * paragraph with a note and no tag is marked under NOTE_KEY.
 */
export function computeTagDecorations(
  document: PositionSource,
  annotations: readonly Annotation[],
  styles: readonly TagStyle[],
): Map<string, ColorDecorations> {
  const out = new Map<string, ColorDecorations>();
  for (const a of annotations) {
    const start = document.positionAt(a.target.start);
    const end = document.positionAt(a.target.end);
    if (a.tags.length === 0) {
      if (!a.note) continue;
      let entry = out.get(NOTE_KEY);
      if (!entry) out.set(NOTE_KEY, (entry = { lines: [], labels: [] }));
      entry.lines.push(new vscode.Range(start, end));
      entry.labels.push({
        range: new vscode.Range(end, end),
        renderOptions: { after: { contentText: '✎' } },
        hoverMessage: new vscode.MarkdownString().appendText(a.note),
      });
      continue;
    }
    const byColor = new Map<string, string[]>();
    for (const tag of a.tags) {
      const c = tagColor(tag, styles);
      const list = byColor.get(c) ?? [];
      list.push(tag);
      byColor.set(c, list);
    }
    let first = true;
    for (const [color, tags] of byColor) {
      let entry = out.get(color);
      if (!entry) out.set(color, (entry = { lines: [], labels: [] }));
      entry.lines.push(new vscode.Range(start, end));
      const note = first && a.note ? ' ✎' : '';
      entry.labels.push({
        range: new vscode.Range(end, end),
        renderOptions: { after: { contentText: `⟨${tags.join(' · ')}⟩${note}` } },
        ...(a.note && first ? { hoverMessage: new vscode.MarkdownString().appendText(a.note) } : {}),
      });
      first = false;
    }
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
