// A paragraph split in two by Enter: when both halves are paragraphs with sentences, the first keeps the headings the
// paragraph opened (its numbered heading or lead-in, the items 一是… inside it) and the second opens none or a lead-in
// that is one whatever its run (structurePlaces.ts splitLeadIn), the patch replaces it by the two, with their figures
// and projects, inserts that lead-in, and moves what follows; the numbered ids after it are renumbered. (analyzeEdit
// asks here for an edit that put in a line break; the unit tests compare the patches with the whole analysis.)
import { type AnalysisCache, type AnalyzeOptions, listAfter, MAX_FIGURES_PER_DOCUMENT, paragraphResult } from './analyze';
import { type ArrayPatch, countBefore, keptThenMoved, pushRun } from './analysisPatch';
import { type Analysed, bodyOf, declined, type EditAnalysis, HEADING, listBefore, opensHeading, patchFields, placedFigures, projectsPatch, reviewRunAt, sameMeta, sectionsMoved, spliced, START } from './editParts';
import { opening } from './headingLeadIns';
import { lineHeadings } from './structure';
import { splitLeadIn } from './structurePlaces';
import { numberedLevel, WS } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { Paragraph, Section } from './types';

/** A line break and the indent after it, as Enter puts them in. */
const ENTER_RE = /^\r?\n[ \t\u3000]*$/;

/**
 * The patch of a line break put into a paragraph (`now`: the new text, `text` too, read only to match every line's
 * projects again); why not; undefined when the edit is no line break inside a paragraph.
 */
export function splitPatch(before: Analysed<TextReader>, text: string, now: TextReader, edit: TextEdit, options: AnalyzeOptions & { cache: AnalysisCache }): EditAnalysis | undefined {
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
  const lead = splitLeadIn(body, first, second, nextBody, next !== undefined && opensHeading(old, k + 1));
  if (lead === undefined) return declined("a line break: the halves' places in the structure");
  if (!sameHeadings(old.sections, paragraph, first, firstEnd)) return declined('a line break: the headings in the paragraph');
  // (A run of openings cut after the paragraph, or joined and lengthened by a second half that leads in: review
  // openings are lead-ins by the run's length.)
  const cutsRun = !opensHeading(old, k) && opening(body) !== undefined && nextBody !== undefined && opening(nextBody) !== undefined;
  if ((cutsRun || lead > 0) && reviewRunAt(before, k + 1)) return declined('a line break in a run of openings');
  if (lead > 0 && lineHeadings(second, undefined, undefined, lead).length > 1) return declined('a line break before items');
  if (old.warnings?.some((w) => w.range.end > paragraph.range.start && w.range.start < paragraph.range.end)) return declined('a warning');
  if (!sameMeta(old, now)) return declined("the report's metadata");

  const { shift } = edit;
  const a: Paragraph = { ...paragraph, range: { start: paragraph.range.start, end: paragraph.range.start + firstEnd } };
  const bStart = at + shift + (secondStart - cut);
  // (In the deepest section open after the first half: the last heading the paragraph opened, else the paragraph's;
  // or in the second half's own lead-in.)
  const h = countBefore(old.sections, HEADING, at);
  const deepest = old.sections[h - 1];
  const leadIn = lead > 0 ? newLeadIn(old.sections, h, second.slice(0, lead), bStart, before.text.length + shift, shift) : undefined;
  const own = leadIn ?? deepest;
  const b: Paragraph = { id: `p${k + 2}`, ...(own && { sectionId: own.id }), range: { start: bStart, end: paragraph.range.end + shift } };
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
  // (A lead-in adds no cue of its own: the second half's figures have the deepest open section's, found among the old
  // sections, or none; never the new section's id, which is another section's among the old ones.)
  const cueOf: Paragraph = deepest ? { ...b, sectionId: deepest.id } : { id: b.id, range: b.range };
  const figuresB = placedFigures(old, old.meta, second, resultB, cueOf, firstFigure + figuresA.length, listA, options.cache);
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
      move: { edits: [{ from: at, to: at, shift }], ids: { s: leadIn ? [[h, 1]] : [], p: [[k + 1, 1]], f: d === 0 ? [] : [[after, d]] } },
      ...patchFields(old, at, shift),
      sections: sectionsMoved(old.sections, at, shift, leadIn),
      paragraphs: leadIn ? paragraphsUnder(old.paragraphs, k, [a, b], leadIn, shift) : spliced(old.paragraphs, k, k + 1, [a, b]),
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
 * The second half's lead-in, the section inserted after the `h` sections before the line break: a sibling of the
 * lead-in or item open there (a child of the deepest open part), up to the next heading (SectionBuilder).
 */
function newLeadIn(sections: readonly Section[], h: number, title: string, start: number, length: number, shift: number): Section {
  const deepest = sections[h - 1];
  const parentId = deepest?.level === 3 ? deepest.parentId : deepest?.id;
  const end = h < sections.length ? sections[h].heading.start + shift : length;
  const heading = { start, end: start + title.length };
  return parentId === undefined ? { id: `s${h + 1}`, level: 3, title, heading, range: { start, end } } : { id: `s${h + 1}`, parentId, level: 3, title, heading, range: { start, end } };
}

/**
 * The paragraphs after a paragraph (k) split into `halves` whose second opens a lead-in: those after them moved, and
 * the ones up to the next heading (in the section that was the deepest open) now in the lead-in's.
 */
function paragraphsUnder(paragraphs: readonly Paragraph[], k: number, halves: Paragraph[], leadIn: Section, shift: number): ArrayPatch<Paragraph> {
  const runs: number[] = [];
  const items: Paragraph[] = [...halves];
  pushRun(runs, 0, k);
  pushRun(runs, 2, halves.length);
  let j = k + 1;
  // (The sections after the lead-in start at or after leadIn.range.end, moved: a paragraph there opens one.)
  for (; j < paragraphs.length && paragraphs[j].range.start + shift < leadIn.range.end; j++) {
    const p = paragraphs[j];
    items.push({ id: `p${j + 2}`, sectionId: leadIn.id, range: { start: p.range.start + shift, end: p.range.end + shift } });
    pushRun(runs, 2, 1);
  }
  pushRun(runs, 4, paragraphs.length - j);
  return { runs, items };
}
