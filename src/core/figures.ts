// Figures: quantities stated in the text (spec.md, "Figures"). STUB — being written.
import type { Figure } from './types';

/**
 * Finds the figures in one piece of text (usually a paragraph). Offsets are relative to `text`;
 * ids are local (f1, f2, … in text order) and `change.figureId` refers to those local ids.
 * `paragraphId` is left unset: the caller assigns it.
 */
export function extractFigures(text: string): Figure[] {
  void text;
  return [];
}
