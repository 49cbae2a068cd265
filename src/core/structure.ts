// Sections (heading tree), paragraphs and captions of a report (spec.md, "Sections"). STUB — being written.
import type { Caption, Paragraph, Section } from './types';

export interface DocumentStructure {
  title?: string;
  sections: Section[];
  paragraphs: Paragraph[];
  captions: Caption[];
}

export function parseStructure(text: string): DocumentStructure {
  const paragraphs: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) paragraphs.push({ id: `p${paragraphs.length + 1}`, range: { start: m.index + lead, end: m.index + lead + body.length } });
  }
  return { sections: [], paragraphs, captions: [] };
}
