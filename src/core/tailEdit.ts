// Writing at the end of a report: the last line typed into, deleted or begun, after the last paragraph with a
// sentence (or a numbered heading right after it). Below the last sentence a short line without one is a caption
// (structure.ts's walk), so a paragraph being written there is a caption until a comma ends it or its 。 comes, then
// a paragraph, and back when the 。 is deleted. Nothing follows the line: when it is neither read against nor a
// heading (structurePlaces.ts lastLinePlace), no other line's place changes, and the patch replaces the line's
// caption or paragraph (with its figures and projects) by what it is now. (analyzeEdit asks here for an edit after the
// last paragraph, or in it when its place changed; a unit test compares the patches with the whole analysis.)
import { MAX_FIGURES_PER_DOCUMENT, paragraphResult, type AnalysisCache, type AnalyzeOptions } from './analyze';
import { countBefore, movedFrom } from './analysisPatch';
import { type Analysed, bodyOf, declined, type EditAnalysis, type EditedLine, HEADING, linesAround, listBefore, patchFields, placedFigures, plainSpace, projectsPatch, sameMeta, sameNames, spliced, START } from './editParts';
import { captionLineNames } from './projects';
import { lastLinePlace } from './structurePlaces';
import { splitLines } from './structureLines';
import type { TextEdit, TextReader } from './textEdits';
import type { Caption, Figure, Paragraph } from './types';

/**
 * The patch of an edit of the report's last line (only white space after it) that leaves it blank, a caption or a
 * paragraph; why not; undefined when the edit is not in the last line.
 */
export function tailLinePatch(before: Analysed<TextReader>, text: string, now: TextReader, edit: TextEdit, options: AnalyzeOptions & { cache: AnalysisCache }): EditAnalysis | undefined {
  const old = before.analysis;
  const oldText = before.text;
  if (!old.meta) return undefined;
  // The edited line, from the line break before the edit to the one after it, and nothing but white space after.
  const { a, b } = linesAround(oldText, edit.from, edit.to);
  if (!plainSpace(oldText, b, oldText.length)) return undefined;
  const [was, ...more] = splitLines(oldText.slice(a, b));
  const [is, ...moreNow] = splitLines(now.slice(a, b + edit.shift));
  // (The edit put in no line break, analyzeEdit saw to that: a \r alone already in the line breaks it for the structure.)
  if (more.length > 0 || moreNow.length > 0) return declined('a last line broken by a carriage return');

  // What the line was: the last paragraph, a caption after it, or blank; the paragraph before it holds a sentence.
  const n = old.paragraphs.length;
  const wasParagraph = n > 0 && old.paragraphs[n - 1].range.start >= a;
  const k = wasParagraph ? n - 1 : n; // (the line's paragraph index, then and now)
  const previous = old.paragraphs[k - 1];
  if (!previous) return declined('a first line');
  if (!plainSpace(oldText, previous.range.end, a)) return declined('a line between the last paragraph and the edit');
  const c = countBefore(old.captions, START, a);
  const oldCaption: Caption | undefined = old.captions[c];
  if (old.captions.length - c > 1 || (oldCaption && oldCaption.kind !== 'caption')) return declined('furniture at the end');
  // (Sections in the order of their headings: the last one tells whether one starts in the line.)
  if (old.sections[old.sections.length - 1]?.heading.start >= a || old.warnings?.some((w) => w.range.end > a)) return declined('a heading or a warning in the last line');
  const titled = old.title !== undefined;
  const opened = old.sections[countBefore(old.sections, HEADING, previous.range.start)];
  if (opened?.heading.start === previous.range.start && opened.level === 0) return declined('the title before the last line');
  const prior = bodyOf(oldText, previous);
  const third = old.paragraphs[k - 2];
  const beforePrior = third && plainSpace(oldText, third.range.end, previous.range.start) ? bodyOf(oldText, third) : undefined;
  const wasPlace = was && lastLinePlace(was.text, prior, beforePrior, titled);
  if (wasPlace !== (wasParagraph ? 'paragraph' : oldCaption ? 'caption' : undefined)) return declined("the last line's place in the structure");
  const place = is && lastLinePlace(is.text, prior, beforePrior, titled);
  if (is && !place) return declined("the last line's place in the structure");
  if (!sameMeta(old, now)) return declined("the report's metadata");

  // Its paragraph now: in the section open at the report's end (the last one opened), with its figures in place.
  let paragraph: Paragraph | undefined;
  let figures: readonly Figure[] = [];
  const first = countBefore(old.figures, START, a);
  const result = place === 'paragraph' ? paragraphResult(is.text, options, MAX_FIGURES_PER_DOCUMENT - first) : undefined;
  if (result) {
    if (result.skipped.length > 0) return declined('a warning');
    const section = old.sections[old.sections.length - 1];
    const range = { start: a + is.start, end: a + is.end };
    paragraph = section ? { id: `p${k + 1}`, sectionId: section.id, range } : { id: `p${k + 1}`, range };
    figures = placedFigures(old, old.meta, is.text, result, paragraph, first, listBefore(oldText, old.paragraphs, k), options.cache);
  }
  const caption: Caption | undefined = place === 'caption' ? { kind: 'caption', text: is.text, range: { start: a + is.start, end: a + is.end } } : undefined;

  const line: EditedLine = {
    from: a,
    oldEnd: a + (was?.end ?? 0),
    newEnd: a + (is?.end ?? 0),
    oldNames: wasParagraph ? options.cache.get(was.text)?.projectNames : [],
    names: result ? result.projectNames : [],
    replaced: { from: k, to: n, by: paragraph ? [paragraph] : [] },
    // (Read as collectProjects reads a line between paragraphs: trimmed by String.prototype.trim, which keeps a
    // zero-width space the structure trims.)
    captionNamesChanged: !sameNames(
      oldCaption ? captionLineNames(oldText.slice(a, b).trim(), options.cache.projects) : [],
      caption ? captionLineNames(now.slice(a, b + edit.shift).trim(), options.cache.projects) : [],
    ),
  };
  const projects = projectsPatch(before, text, now, edit, line, options);
  if (!projects) return declined('the projects');
  if (projects.counts) options.cache.nameCounts = projects.counts;

  const { from, to, shift } = edit;
  return {
    patch: {
      // (Nothing follows the line: no id after it is renumbered.)
      move: { edits: [{ from, to, shift }], ids: { s: [], p: [], f: [] } },
      ...patchFields(old, from, shift),
      sections: movedFrom(old.sections, (s) => s.range.end, from),
      paragraphs: spliced(old.paragraphs, k, n, paragraph ? [paragraph] : []),
      figures: spliced(old.figures, first, old.figures.length, figures),
      captions: spliced(old.captions, c, old.captions.length, caption ? [caption] : []),
      projects: projects.patch,
    },
  };
}
