// Typing inside a paragraph of a large report: the patch of the new analysis worked out from the paragraph alone,
// without reading the rest of the report again (analyzeText reads every line and paragraph, about 18 ms in 1 MB).
// It applies when the edit lies inside one line (paragraph) that keeps its place in the structure
// (structurePlaces.ts linePlace) and opens the same headings at the same places, the report's metadata and the list cue
// after the paragraph stay as they were, and the paragraph names the same projects; otherwise it says why and the
// caller analyses the whole text. White space typed or deleted between lines (Enter at a line's end) only moves the
// analysis (spacingEdit.ts); a new line, a split paragraph and the report's last line have paths of their own
// (newLineEdit.ts, splitEdit.ts, tailEdit.ts).
// The unit tests compare its patches, applied, with the whole analysis of every edit they try.
import { type AnalysisCache, type AnalyzeOptions, listAfter, MAX_FIGURES_PER_DOCUMENT, paragraphResult } from './analyze';
import { type AnalysisPatch, type ArrayPatch, countBefore, keptThenMoved, type Move, pushRun } from './analysisPatch';
import { newLinePatch } from './newLineEdit';
import { spacingPatch } from './spacingEdit';
import { splitPatch } from './splitEdit';
import { tailLinePatch } from './tailEdit';
import { type Analysed, bodyOf, declined, type EditAnalysis, type EditedLine, HEADING, listBefore, opensHeading, patchFields, placedFigures, projectsPatch, reviewRunAround, sameMeta, spliced, START } from './editParts';
import { lineHeadings } from './structure';
import { linePlace, type LinePlace, plainLineBetween } from './structurePlaces';
import { WS } from './structureLines';
import { EditedText, type EditWithText, movedOffset, type TextEdit, textEdits, type TextReader } from './textEdits';
import { sectionCue } from './targets';
import type { DocumentAnalysis, Paragraph, Section } from './types';

export type { Analysed, EditAnalysis };

const LINE_BREAK = /[\r\n]/;

/**
 * The patch that turns `before.analysis` into the analysis of `text` (what analyzeText would give), when the edit
 * that made `text` changes one paragraph and nothing around it; else why the whole text must be analysed.
 */
export function analyzeEdit(
  before: Analysed<TextReader>,
  text: string,
  options: AnalyzeOptions & { cache: AnalysisCache },
  /**
   * The edit if known (the editor's change), else found by comparing the texts. With the text it put in, `text` itself
   * is not read unless the projects of every line are matched again (EditedText says why).
   */
  edits: (TextEdit | EditWithText)[] = textEdits(before.text.slice(), text),
): EditAnalysis {
  const old = before.analysis;
  if (!old.meta || Boolean(options.segmenter) !== old.segmentation.available) return declined('the segmenter came or went');
  if (edits.length !== 1) return declined(edits.length === 0 ? 'no edit' : 'edits at several places');
  const edit = edits[0];
  const shift = edit.shift;
  const now: TextReader = 'text' in edit ? new EditedText(before.text, edit) : text;
  const spacing = spacingPatch(old, before.text, now, edit);
  if (spacing) return { patch: spacing };
  if (LINE_BREAK.test(before.text.slice(edit.from, edit.to)) || LINE_BREAK.test(now.slice(edit.from, edit.to + shift))) {
    // (Enter inside a paragraph: two paragraphs.)
    return splitPatch(before, text, now, edit, options) ?? declined('a line break');
  }

  // (The report's last line, typed into or deleted: a caption until it holds a sentence, or a paragraph again.)
  const tail = () => tailLinePatch(before, text, now, edit, options);
  // The paragraph the edit lies in, as the line it stays (trimmed at the same places).
  const k = countBefore(old.paragraphs, START, edit.from + 1) - 1;
  const paragraph = old.paragraphs[k];
  if (!paragraph || edit.to > paragraph.range.end) {
    // (A line typed into a blank one: a new paragraph.)
    return newLinePatch(before, text, now, edit, options) ?? tail() ?? declined('not inside one paragraph');
  }
  const start = paragraph.range.start;
  const end = paragraph.range.end + shift;
  if (end <= start || WS[now.charCodeAt(start)] || WS[now.charCodeAt(end - 1)]) return tail() ?? declined("at the paragraph's edge");
  const oldBody = before.text.slice(start, paragraph.range.end);
  const body = now.slice(start, end);
  const next = old.paragraphs[k + 1];
  const nextHeading = next && firstHeadingFrom(old, next.range.start);
  const headingNext = nextHeading !== undefined && nextHeading.heading.start === next.range.start && nextHeading.level <= 2;
  const previous = k > 0 ? bodyOf(before.text, old.paragraphs[k - 1]) : undefined;
  const nextLine = next && bodyOf(before.text, next);
  // The next line's text, when it heads nothing (typing at a paragraph's end may leave it broken: see linePlace).
  const following = nextHeading?.heading.start === next?.range.start ? undefined : nextLine;
  // (No caption, byline or furniture between it and the paragraphs beside it.)
  const adjacent = k > 0 && next !== undefined && countBefore(old.captions, START, old.paragraphs[k - 1].range.end) === countBefore(old.captions, START, next.range.start);
  const around = { titled: old.title !== undefined, adjacent, nextLine };
  let place = linePlace(body, previous, headingNext, following, around);
  if (!place || place.key !== linePlace(oldBody, previous, headingNext, following, around)?.key) {
    // (A line between two that hold sentences whose key changed, as a new one's does while it is written (a sixth
    // character, a comma, its 。): a plain paragraph before and after, each leaving the other lines' places as no line
    // there would, leaves them as they were. Only an adjacent line: no caption between it and either.)
    const plain = (line: string) => plainLineBetween(line, previous!, nextLine!, old.title !== undefined, opensHeading(old, k + 1), () => reviewRunAround(before, k));
    if (!place || !adjacent || !plain(oldBody) || !plain(body)) return (!next && tail()) || declined('its place in the structure');
  }
  // A line without a sentence that the lines after it make a title stays one: a heading of the whole line.
  const own = firstHeadingFrom(old, start);
  if (place.bare && own?.heading.start === start && own.level === 1 && own.heading.end === paragraph.range.end) place = { ...place, level: 1, headingLength: body.length };
  const sections = sectionsPatch(old, oldBody, body, start, place, edits);
  if (!sections) return declined('the headings');
  if (!sameMeta(old, now)) return declined("the report's metadata");
  if (old.warnings?.some((w) => w.range.end > start && w.range.start < paragraph.range.end)) return declined('a warning');

  // Figures: the paragraph's anew, in the context it had; those after it move, renumbered.
  const first = countBefore(old.figures, START, start);
  const after = countBefore(old.figures, START, paragraph.range.end);
  const result = paragraphResult(body, options, MAX_FIGURES_PER_DOCUMENT - (old.figures.length - (after - first)));
  if (result.skipped.length > 0) return declined('a warning');
  const list = listBefore(before.text, old.paragraphs, k);
  if (JSON.stringify(listAfter(body, list) ?? null) !== JSON.stringify(listAfter(oldBody, list) ?? null)) return declined('a list cue');
  const moved: Paragraph = { ...paragraph, range: { start, end } };
  const figures = placedFigures(old, old.meta, body, result, moved, first, list, options.cache);

  const line: EditedLine = {
    from: paragraph.range.start,
    oldEnd: paragraph.range.end,
    newEnd: end,
    oldNames: options.cache.get(oldBody)?.projectNames,
    names: result.projectNames,
    replaced: { from: k, to: k + 1, by: [moved] },
  };
  const projects = projectsPatch(before, text, now, edit, line, options);
  if (!projects) return declined('the projects');

  const d = figures.length - (after - first);
  const move: Move = { edits: [{ from: edit.from, to: edit.to, shift }], ids: { s: [], p: [], f: d === 0 ? [] : [[after, d]] } };
  const { paragraphs, captions } = old;
  const patch: AnalysisPatch = {
    move,
    ...patchFields(old, edit.from, shift),
    sections,
    paragraphs: spliced(paragraphs, k, k + 1, [moved]),
    figures: spliced(old.figures, first, after, figures),
    captions: keptThenMoved(captions, edit.from),
    projects: projects.patch,
  };
  if (projects.counts) options.cache.nameCounts = projects.counts;
  return { patch };
}

/** The first section whose heading starts at or after `offset`. */
function firstHeadingFrom(analysis: DocumentAnalysis, offset: number): Section | undefined {
  return analysis.sections[countBefore(analysis.sections, HEADING, offset)];
}

/**
 * The sections after the edit: the paragraph's line opens the same headings at the same places (their titles may
 * have changed: sent anew); those after the edit moved. Undefined when the line opens other headings, or a part's
 * heading now gives its figures another role or year.
 */
function sectionsPatch(old: DocumentAnalysis, oldBody: string, body: string, start: number, place: LinePlace, edits: TextEdit[]): ArrayPatch<Section> | undefined {
  const all = old.sections;
  const h0 = countBefore(all, HEADING, start);
  const h1 = countBefore(all, HEADING, start + oldBody.length);
  // A lead-in stays one (the run's openings are of the same kinds), of its new opening's length.
  const lead = h0 < h1 && all[h0].heading.start === start && all[h0].level === 3 ? place.openingLength ?? 0 : 0;
  const headings = lineHeadings(body, place.level, place.headingLength, lead);
  if (headings.length !== h1 - h0) return undefined;
  const items: Section[] = [];
  const runs: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    const h = i >= h0 && i < h1 ? headings[i - h0] : undefined;
    if (h) {
      const heading = { start: start + h[1], end: start + h[2] };
      if (h[0] !== s.level || heading.start !== movedOffset(edits, s.heading.start)) return undefined;
      const title = body.slice(h[1], h[2]);
      if (title !== s.title || heading.end !== movedOffset(edits, s.heading.end)) {
        if ((s.level === 1 || s.level === 2) && JSON.stringify(sectionCue(title)) !== JSON.stringify(sectionCue(s.title))) return undefined;
        items.push({ ...s, title, heading, range: { start: heading.start, end: movedOffset(edits, s.range.end) } });
        pushRun(runs, 2, 1);
        continue;
      }
    }
    pushRun(runs, s.range.end < edits[0].from ? 0 : 1, 1);
  }
  return { runs, items };
}
