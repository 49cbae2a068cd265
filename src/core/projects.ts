// Named projects, parks, facilities and programmes (spec.md, "Projects"). STUB — being written.
import type { Paragraph, Project } from './types';
import type { Segmenter } from './segmenter';

/** Candidate project names found in one paragraph's text (cached per paragraph by the analyzer). */
export function findProjectNames(paragraphText: string, segmenter: Segmenter): string[] {
  void paragraphText;
  void segmenter;
  return [];
}

/** Every occurrence of each name in the text, as projects j1, j2, … in order of first occurrence. */
export function collectProjects(text: string, names: Iterable<string>, paragraphs: Paragraph[]): Project[] {
  void text;
  void names;
  void paragraphs;
  return [];
}
