// Where tagged paragraphs are drawn, and in which colour, computed without the editor: the extension turns
// the spans into ranges (annotating/tagDecorations.ts). A paragraph's tags of one colour share a label
// after its last character; a note adds ✎; a paragraph with a note and no tag is marked under NOTE_KEY.
import type { Annotation, Span } from './types';

/** The key of paragraphs with a note and no tag (drawn in the theme's muted colour). */
export const NOTE_KEY = 'note';

export interface TagLabel {
  /** Where the label goes: the paragraph's end (UTF-16). */
  at: number;
  text: string;
  /** The note, for the label's hover. */
  note?: string;
}

/** What one colour (or NOTE_KEY) draws. */
export interface TagPaint {
  /** Paragraph spans: a border on their lines and a mark in the overview ruler. */
  spans: Span[];
  labels: TagLabel[];
}

/** The paint of each colour for the annotations; `colorOf` gives a tag's colour. */
export function planTagDecorations(annotations: readonly Annotation[], colorOf: (tag: string) => string): Map<string, TagPaint> {
  const out = new Map<string, TagPaint>();
  const paint = (key: string) => {
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { spans: [], labels: [] }));
    return entry;
  };
  for (const a of annotations) {
    const span = { start: a.target.start, end: a.target.end };
    if (a.tags.length === 0) {
      if (!a.note) continue;
      const entry = paint(NOTE_KEY);
      entry.spans.push(span);
      entry.labels.push({ at: span.end, text: '✎', note: a.note });
      continue;
    }
    const byColor = new Map<string, string[]>();
    for (const tag of a.tags) byColor.set(colorOf(tag), [...(byColor.get(colorOf(tag)) ?? []), tag]);
    let first = true;
    for (const [color, tags] of byColor) {
      const entry = paint(color);
      entry.spans.push(span);
      const withNote = first && !!a.note;
      entry.labels.push({ at: span.end, text: `⟨${tags.join(' · ')}⟩${withNote ? ' ✎' : ''}`, ...(withNote && { note: a.note }) });
      first = false;
    }
  }
  return out;
}
