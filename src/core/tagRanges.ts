// Where tagged paragraphs are drawn, and in which colour, computed without the editor: the extension turns
// the spans into ranges (annotating/tagDecorations.ts) and the labels into lenses above the paragraphs
// (annotating/tagLenses.ts). A paragraph with a note and no tag is painted under NOTE_KEY.
import type { Annotation, Span } from './types';

/** The key of paragraphs with a note and no tag (drawn in the theme's muted colour). */
export const NOTE_KEY = 'note';

/** What one annotation says about its paragraph: its tags (⟨民生 · 财政⟩), ✎ if it has a note. */
export interface TagLabel {
  span: Span;
  tags: readonly string[];
  text: string;
  note?: string;
}

export interface TagPlan {
  /** Paragraph spans by colour (or NOTE_KEY): a border on their lines and a mark in the overview ruler. */
  paint: Map<string, Span[]>;
  /** One label per annotation with tags or a note, in document order. */
  labels: TagLabel[];
}

/** The paint and labels for the annotations; `colorOf` gives a tag's colour. */
export function planTagDecorations(annotations: readonly Annotation[], colorOf: (tag: string) => string): TagPlan {
  const paint = new Map<string, Span[]>();
  const add = (key: string, span: Span) => paint.get(key)?.push(span) ?? paint.set(key, [span]);
  const labels: TagLabel[] = [];
  for (const a of [...annotations].sort((x, y) => x.target.start - y.target.start)) {
    const span = { start: a.target.start, end: a.target.end };
    if (a.tags.length === 0 && !a.note) continue;
    if (a.tags.length === 0) add(NOTE_KEY, span);
    for (const color of new Set(a.tags.map(colorOf))) add(color, span);
    const text = [a.tags.length > 0 ? `⟨${a.tags.join(' · ')}⟩` : '', a.note ? '✎' : ''].filter(Boolean).join(' ');
    labels.push({ span, tags: a.tags, text, ...(a.note && { note: a.note }) });
  }
  return { paint, labels };
}
