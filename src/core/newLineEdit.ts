// A paragraph typed into a blank line between two paragraphs (the first character after Enter): when the structure
// makes it a paragraph that opens no heading and changes no other line's place (structurePlaces.ts plainLineBetween), the
// patch inserts it, with its figures and projects, and moves what follows; the numbered ids after it are renumbered.
// (analyzeEdit asks here for an edit in no paragraph; a unit test compares the patches with the whole analysis.)
import { type AnalysisCache, type AnalyzeOptions, listAfter, MAX_FIGURES_PER_DOCUMENT, paragraphResult } from './analyze';
import { countBefore, keptThenMoved, movedFrom } from './analysisPatch';
import { type Analysed, bodyOf, declined, type EditAnalysis, linesAround, listBefore, opensHeading, patchFields, placedFigures, plainSpace, projectsPatch, reviewRunAt, sameMeta, spliced, START } from './editParts';
import { plainLineBetween } from './structurePlaces';
import { splitLines } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { Paragraph } from './types';

/**
 * The patch of an edit that put text into a line that was blank (`now`: the new text, `text` too, read only to match
 * every line's projects again); why not; undefined when the line was not blank.
 */
export function newLinePatch(before: Analysed<TextReader>, text: string, now: TextReader, edit: TextEdit, options: AnalyzeOptions & { cache: AnalysisCache }): EditAnalysis | undefined {
  const old = before.analysis;
  const oldText = before.text;
  if (!old.meta) return undefined;
  const { a, b } = linesAround(oldText, edit.from, edit.to);
  if (!plainSpace(oldText, a, b + 1 > oldText.length ? b : b + 1)) return undefined;
  const lines = splitLines(now.slice(a, b + edit.shift));
  if (lines.length !== 1) return declined('a new line');
  const start = a + lines[0].start;
  const end = a + lines[0].end;
  const body = lines[0].text;

  // The paragraphs on either side, with no caption between them and it.
  const k = countBefore(old.paragraphs, START, a); // (the new paragraph's index)
  const previous = old.paragraphs[k - 1];
  const next = old.paragraphs[k];
  if (!next) return undefined; // (after the last paragraph: tailEdit.ts)
  if (!previous) return declined('a new first line');
  const captions = countBefore(old.captions, START, a);
  if (old.captions[captions - 1]?.range.start > previous.range.start || old.captions[captions]?.range.start < next.range.start) return declined('a caption beside a new line');
  const review = () => reviewRunAt(before, k);
  if (!plainLineBetween(body, bodyOf(oldText, previous), bodyOf(oldText, next), old.title !== undefined, opensHeading(old, k), review)) return declined("a new line's place in the structure");
  if (!sameMeta(old, now)) return declined("the report's metadata");

  // The section open there is the last one opened before it (the structure's SectionBuilder): before the line, in the
  // old text's offsets (`start`, in the new one's, may lie past the next line's heading in the old: white space typed
  // before the new line's text).
  const section = old.sections[countBefore(old.sections, (s) => s.heading.start, a) - 1];
  const id = `p${k + 1}`;
  const paragraph: Paragraph = section ? { id, sectionId: section.id, range: { start, end } } : { id, range: { start, end } };
  const result = paragraphResult(body, options, MAX_FIGURES_PER_DOCUMENT - old.figures.length);
  if (result.skipped.length > 0) return declined('a warning');
  const list = listBefore(oldText, old.paragraphs, k);
  if (JSON.stringify(listAfter(body, list) ?? null) !== JSON.stringify(list ?? null)) return declined('a list cue');
  const first = countBefore(old.figures, START, start);
  const figures = placedFigures(old, old.meta, body, result, paragraph, first, list, options.cache);

  const { from, shift } = edit;
  const line = {
    from: a,
    oldEnd: a,
    newEnd: end,
    oldNames: [],
    names: result.projectNames,
    replaced: { from: k, to: k, by: [paragraph] },
  };
  const projects = projectsPatch(before, text, now, edit, line, options);
  if (!projects) return declined('the projects');
  if (projects.counts) options.cache.nameCounts = projects.counts;

  return {
    patch: {
      move: { edits: [{ from, to: edit.to, shift }], ids: { s: [], p: [[k, 1]], f: figures.length > 0 ? [[first, figures.length]] : [] } },
      ...patchFields(old, from, shift),
      sections: movedFrom(old.sections, (s) => s.range.end, from),
      paragraphs: spliced(old.paragraphs, k, k, [paragraph]),
      figures: spliced(old.figures, first, first, figures),
      captions: keptThenMoved(old.captions, from),
      projects: projects.patch,
    },
  };
}
