// Which paragraphs an editor's selections touch (what the tagging commands act on).
import type { Paragraph, Span } from './types';

/**
 * The paragraphs that the selections touch: a caret touches the paragraph it is in (or at an edge of);
 * a selection, every paragraph it overlaps. A selection ending at the very start of a paragraph (whole
 * lines selected) does not touch that paragraph. Document order, each once.
 */
export function touchedParagraphs(paragraphs: readonly Paragraph[], selections: readonly Span[]): Paragraph[] {
  const hit = new Set<Paragraph>();
  for (const s of selections) {
    const start = Math.min(s.start, s.end);
    const end = Math.max(s.start, s.end);
    for (const p of paragraphs) {
      const touches = start === end ? p.range.start <= start && start <= p.range.end : p.range.start < end && start < p.range.end;
      if (touches) hit.add(p);
    }
  }
  return paragraphs.filter((p) => hit.has(p));
}
