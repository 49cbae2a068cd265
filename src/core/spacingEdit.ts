// Line breaks and indentation typed or deleted between a report's lines (Enter at a line's end, a blank line
// removed): every line keeps its text, so the analysis only moves. The structure reads the non-blank lines, trimmed
// (structureLines.ts splitLines), and everything else reads the paragraphs and lines it finds: the same lines give
// the same sections, paragraphs, figures, projects and captions, at offsets moved by the edit.
// (analyzeEdit asks here first; a unit test compares the patches with the whole analysis of random edits.)
import { type AnalysisPatch, keptThenMoved, movedFrom } from './analysisPatch';
import { linesAround, patchFields, plainSpace, sameMeta, sectionsMoved, unchanged } from './editParts';
import { type Line, splitLines, WS } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { DocumentAnalysis } from './types';

/** How far an edit is slid over text it repeats (a line break typed before another: see canonical). */
const MAX_SLIDE = 256;

/**
 * The patch of an edit that put in and took out white space only (`old`: the analysis of `oldText`; `now`: the new
 * text), when the lines keep their text; else undefined (a space typed inside a line is the edit of a paragraph).
 */
export function spacingPatch(old: DocumentAnalysis, oldText: TextReader, now: TextReader, edit: TextEdit): AnalysisPatch | undefined {
  const inserted = edit.to - edit.from + edit.shift;
  if (inserted === 0 && edit.to === edit.from) return undefined;
  if (!plainSpace(oldText, edit.from, edit.to) || !plainSpace(now, edit.from, edit.from + inserted)) return undefined;
  const { from, to, shift } = canonical(oldText, now, edit, inserted);
  // The lines the edit touches, old and new, by the line breaks around it (the text is the same before and after them).
  const { a, b } = linesAround(oldText, from, to);
  const was = splitLines(oldText.slice(a, b));
  const is = splitLines(now.slice(a, b + shift));
  // (A \r alone beside the edit: a line break to the structure only, see plainSpace.)
  if (/\r(?!\n)/.test(oldText.slice(a, b + 1)) || /\r(?!\n)/.test(now.slice(a, b + shift + 1))) return undefined;
  // (A line's text may end at `from`, its start may lie there: see below.)
  const moved = (offset: number, end: boolean) => (offset > from || (offset === from && !end) ? offset + shift : offset);
  const same = (l: Line, m: Line) => l.text === m.text && moved(a + l.start, false) === a + m.start && moved(a + l.end, true) === a + m.end;
  if (was.length !== is.length || was.some((l, i) => !same(l, is[i]))) return undefined;
  if (!sameMeta(old, now)) return undefined;
  const fields = patchFields(old, from, shift);
  const move = { edits: [{ from, to, shift }], ids: { s: [], p: [], f: [] } };
  if (from > 0 && !WS[oldText.charCodeAt(from - 1)]) {
    // An offset at `from` is moved (analysisPatch's Mover), and the end of a line's text lies there. Where only white
    // space follows to the text's end (Enter at the end of a report without a final line break), nothing but the
    // sections' ends, at the text's end, moves.
    if (!plainSpace(oldText, to, oldText.length)) return undefined;
    return {
      move,
      ...fields,
      sections: sectionsMoved(old.sections, from, shift),
      paragraphs: unchanged(old.paragraphs),
      figures: unchanged(old.figures),
      captions: unchanged(old.captions),
      projects: unchanged(old.projects),
    };
  }
  return {
    move,
    ...fields,
    sections: movedFrom(old.sections, (s) => s.range.end, from),
    paragraphs: keptThenMoved(old.paragraphs, from),
    figures: keptThenMoved(old.figures, from),
    captions: keptThenMoved(old.captions, from),
    projects: movedFrom(old.projects, (p) => p.occurrences[p.occurrences.length - 1].end, from),
  };
}

/**
 * The same edit as far right as the texts agree: a line break typed at a line's end, before the line break there,
 * is the one typed after it (“文字。|⏎” → “文字。⏎|”), which moves no offset of the line. Only an insertion or a
 * deletion slides; a replacement stays where it is.
 */
function canonical(oldText: TextReader, now: TextReader, edit: TextEdit, inserted: number): TextEdit {
  if (inserted > 0 && edit.to > edit.from) return edit;
  const limit = Math.min(MAX_SLIDE, oldText.length - edit.to, now.length - edit.from - inserted);
  let k = 0;
  while (k < limit && oldText.charCodeAt(edit.from + k) === now.charCodeAt(edit.from + k)) k++;
  return { from: edit.from + k, to: edit.to + k, shift: edit.shift };
}
