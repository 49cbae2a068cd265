// A paragraph split in two by Enter: when it opens no heading and both halves are plain paragraphs with sentences
// (structurePlaces.ts plainSplit), the patch replaces it by the two, with their figures and projects, and moves what
// follows; the numbered ids after it are renumbered. (analyzeEdit asks here for an edit that put in a line break;
// the unit tests compare the patches with the whole analysis.)
import { type AnalysisCache, type AnalyzeOptions, listAfter, MAX_FIGURES_PER_DOCUMENT, paragraphResult } from './analyze';
import { countBefore, keptThenMoved, movedFrom } from './analysisPatch';
import { type Analysed, bodyOf, declined, type EditAnalysis, listBefore, patchFields, placedFigures, projectsPatch, sameMeta, spliced, START } from './editParts';
import { plainSplit } from './structurePlaces';
import { WS } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { Paragraph } from './types';

/** A line break and the indent after it, as Enter puts them in. */
const ENTER_RE = /^\r?\n[ \t\u3000]*$/;

/**
 * The patch of a line break put into a paragraph (`now`: the new text, `text` too, read only to match every line's
 * projects again); why not; undefined when the edit is no line break inside a paragraph.
 */
export function splitPatch(before: Analysed, text: string, now: TextReader, edit: TextEdit, options: AnalyzeOptions & { cache: AnalysisCache }): EditAnalysis | undefined {
  const old = before.analysis;
  if (!old.meta || edit.to !== edit.from || edit.shift <= 0) return undefined;
  const at = edit.from;
  if (!ENTER_RE.test(now.slice(at, at + edit.shift))) return undefined;
  const k = countBefore(old.paragraphs, START, at) - 1;
  const paragraph = old.paragraphs[k];
  if (!paragraph || at <= paragraph.range.start || at >= paragraph.range.end) return undefined;

  // The two halves, trimmed as the structure trims its lines (only of white space both it and the projects' lines read as such).
  const body = bodyOf(before.text, paragraph);
  const cut = at - paragraph.range.start;
  let firstEnd = cut;
  while (firstEnd > 0 && WS[body.charCodeAt(firstEnd - 1)]) firstEnd--;
  let secondStart = cut;
  while (secondStart < body.length && WS[body.charCodeAt(secondStart)]) secondStart++;
  if (/[^ \t\u3000]/.test(body.slice(firstEnd, secondStart))) return declined('a line break beside other white space');
  const first = body.slice(0, firstEnd);
  const second = body.slice(secondStart);
  const next = old.paragraphs[k + 1];
  if (old.sections.some((s) => s.heading.start >= paragraph.range.start && s.heading.start < paragraph.range.end)) return declined('a line break in a heading');
  if (!plainSplit(body, first, second, next && bodyOf(before.text, next))) return declined('a line break: the halves\' places in the structure');
  if (old.warnings?.some((w) => w.range.end > paragraph.range.start && w.range.start < paragraph.range.end)) return declined('a warning');
  if (!sameMeta(old, now)) return declined("the report's metadata");

  const { shift } = edit;
  const a: Paragraph = { ...paragraph, range: { start: paragraph.range.start, end: paragraph.range.start + firstEnd } };
  const bStart = at + shift + (secondStart - cut);
  const b: Paragraph = { id: `p${k + 2}`, ...(paragraph.sectionId !== undefined && { sectionId: paragraph.sectionId }), range: { start: bStart, end: paragraph.range.end + shift } };
  // Figures: both halves anew, in the paragraph's context; the list cue after them must be the paragraph's.
  const firstFigure = countBefore(old.figures, START, paragraph.range.start);
  const after = countBefore(old.figures, START, paragraph.range.end);
  const room = MAX_FIGURES_PER_DOCUMENT - (old.figures.length - (after - firstFigure));
  const resultA = paragraphResult(first, options, room);
  const resultB = paragraphResult(second, options, room - resultA.figures.length);
  if (resultA.skipped.length > 0 || resultB.skipped.length > 0) return declined('a warning');
  const list = listBefore(before.text, old.paragraphs, k);
  const listA = listAfter(first, list);
  if (JSON.stringify(listAfter(second, listA) ?? null) !== JSON.stringify(listAfter(body, list) ?? null)) return declined('a list cue');
  const figuresA = placedFigures(old, old.meta, first, resultA, a, firstFigure, list, options.cache);
  const figuresB = placedFigures(old, old.meta, second, resultB, b, firstFigure + figuresA.length, listA, options.cache);
  const figures = [...figuresA, ...figuresB];

  const line = {
    from: paragraph.range.start,
    oldEnd: paragraph.range.end,
    newEnd: b.range.end,
    oldNames: options.cache.get(body)?.projectNames,
    names: resultA.projectNames && resultB.projectNames && [...resultA.projectNames, ...resultB.projectNames],
    replaced: { from: k, to: k + 1, by: [a, b] },
  };
  const projects = projectsPatch(before, text, now, edit, line, options);
  if (!projects) return declined('the projects');
  if (projects.counts) options.cache.nameCounts = projects.counts;

  const d = figures.length - (after - firstFigure);
  return {
    patch: {
      move: { edits: [{ from: at, to: at, shift }], ids: { s: [], p: [[k + 1, 1]], f: d === 0 ? [] : [[after, d]] } },
      ...patchFields(old, at, shift),
      sections: movedFrom(old.sections, (s) => s.range.end, at),
      paragraphs: spliced(old.paragraphs, k, k + 1, [a, b]),
      figures: spliced(old.figures, firstFigure, after, figures),
      captions: keptThenMoved(old.captions, at),
      projects: projects.patch,
    },
  };
}
