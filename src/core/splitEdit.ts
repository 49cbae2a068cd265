// A paragraph split in two by Enter: when both halves are paragraphs with sentences, the first keeps the headings the
// paragraph opened (its numbered heading or lead-in, the items 一是… inside it) and the second opens none
// (structurePlaces.ts splitKeepsPlaces), the patch replaces it by the two, with their figures and projects, and moves
// what follows; the numbered ids after it are renumbered. (analyzeEdit asks here for an edit that put in a line
// break; the unit tests compare the patches with the whole analysis.)
import { type AnalysisCache, type AnalyzeOptions, listAfter, MAX_FIGURES_PER_DOCUMENT, paragraphResult } from './analyze';
import { type ArrayPatch, countBefore, keptThenMoved, pushRun } from './analysisPatch';
import { type Analysed, bodyOf, declined, type EditAnalysis, HEADING, listBefore, opensHeading, patchFields, placedFigures, projectsPatch, reviewRunAt, sameMeta, spliced, START } from './editParts';
import { opening } from './headingLeadIns';
import { lineHeadings } from './structure';
import { splitKeepsPlaces } from './structurePlaces';
import { numberedLevel, WS } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { Paragraph, Section } from './types';

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
  const nextBody = next && bodyOf(before.text, next);
  if (!splitKeepsPlaces(body, first, second, nextBody)) return declined("a line break: the halves' places in the structure");
  if (!sameHeadings(old.sections, paragraph, first, firstEnd)) return declined('a line break: the headings in the paragraph');
  // (A run of openings cut after the paragraph: review openings are lead-ins by the run's length.)
  if (!opensHeading(old, k) && opening(body) && nextBody !== undefined && opening(nextBody) && reviewRunAt(before, k + 1)) return declined('a line break in a run of openings');
  if (old.warnings?.some((w) => w.range.end > paragraph.range.start && w.range.start < paragraph.range.end)) return declined('a warning');
  if (!sameMeta(old, now)) return declined("the report's metadata");

  const { shift } = edit;
  const a: Paragraph = { ...paragraph, range: { start: paragraph.range.start, end: paragraph.range.start + firstEnd } };
  const bStart = at + shift + (secondStart - cut);
  // (In the deepest section open after the first half: the last heading the paragraph opened, else the paragraph's.)
  const section = old.sections[countBefore(old.sections, HEADING, at) - 1];
  const b: Paragraph = { id: `p${k + 2}`, ...(section && { sectionId: section.id }), range: { start: bStart, end: paragraph.range.end + shift } };
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
      sections: sectionsMoved(old.sections, at, shift),
      paragraphs: spliced(old.paragraphs, k, k + 1, [a, b]),
      figures: spliced(old.figures, firstFigure, after, figures),
      captions: keptThenMoved(old.captions, at),
      projects: projects.patch,
    },
  };
}

/**
 * Whether the first half (the paragraph's first `firstEnd` characters) opens the headings the paragraph opened, at the
 * same places, and the second none: its numbered heading or lead-in (whose length the run resolved: the old one),
 * then the items inside it (lineHeadings reads them only after a lead-in or a (一) heading).
 */
function sameHeadings(sections: readonly Section[], paragraph: Paragraph, first: string, firstEnd: number): boolean {
  const start = paragraph.range.start;
  const mine = sections.slice(countBefore(sections, HEADING, start), countBefore(sections, HEADING, paragraph.range.end));
  if (mine.length === 0) return true;
  const opened = mine[0].heading.start === start ? mine[0] : undefined;
  const numbered = opened && opened.level <= 2 ? numberedLevel(first) : undefined;
  const lead = opened?.level === 3 ? opened.heading.end - start : 0;
  const headings = lineHeadings(first, numbered?.[0], numbered?.[1], lead);
  return headings.length === mine.length && headings.every(([level, from, to], i) => level === mine[i].level && start + from === mine[i].heading.start && start + to === mine[i].heading.end && to <= firstEnd);
}

/**
 * The sections after a line break put in at `at`: moved from there, but a heading that ends right before it (a
 * lead-in, then Enter) keeps its end (analysisPatch's Mover would move an offset at `at`): sent with its range moved.
 */
function sectionsMoved(sections: readonly Section[], at: number, shift: number): ArrayPatch<Section> {
  const runs: number[] = [];
  const items: Section[] = [];
  for (const s of sections) {
    if (s.heading.end === at) {
      items.push({ ...s, range: { start: s.range.start, end: s.range.end + shift } });
      pushRun(runs, 2, 1);
    } else pushRun(runs, s.range.end < at ? 0 : 1, 1);
  }
  return { runs, items };
}
