// Sections (heading tree), paragraphs and captions of a report (spec.md, "Sections"). Runs on every
// (debounced) keystroke, so it is a few linear passes over the lines with anchored patterns, no segmentation.
//
// Two styles are handled: work reports (title line, 一、/(一)/第一， headings, bare numerals of older
// reports, lead-in sentences) and news features (headlines and stand-alone sub-titles between paragraphs,
// photo captions, bylines and web-page furniture). Line, heading and sentence patterns are in structureLines,
// lead-ins in headingLeadIns; what the edit paths of the analysis ask of a line's place, in structurePlaces.
import { isCircled, MAX_CIRCLED_LEAD, MAX_MID_LEAD, midLeadStarts, opening, resolveLeadIns, type Opening } from './headingLeadIns';
import { CaptionRecord, ParagraphRecord, SectionRecord, SpanRecord } from './records';
import {
  FOOTER_RE,
  FRONT_MATTER_RE,
  isBroken,
  type Line,
  MAX_ORDINAL_LINE,
  navigationItem,
  NEWS_ABOUT_RE,
  numberedLevel,
  ORDINAL_RE,
  patternKind,
  SENTENCE_RE,
  splitLines,
  standAlone,
  TITLE_RE,
  titleForm,
} from './structureLines';
import type { Caption, Paragraph, Section, SectionLevel, Span } from './types';

export interface DocumentStructure {
  title?: string;
  sections: Section[];
  paragraphs: Paragraph[];
  captions: Caption[];
}

/**
 * Where some 第一，… lines of a part stand alone (level 2), the others that run on into their paragraph
 * are their siblings, not lead-ins: level 2 up to the first 。 (national-1996 第一，…。⏎ 第二，…。…).
 */
function alignOrdinals(lines: Line[]): void {
  // Parts end at 一、 and (一) headings: the 第一， lines of another part are another list.
  const boundary = (l: Line) => l.level !== undefined && (l.level <= 1 || !ORDINAL_RE.test(l.text));
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && !boundary(lines[j])) j++;
    const part = lines.slice(i, j).filter((l) => l.kind === 'body' && ORDINAL_RE.test(l.text));
    if (part.some((l) => l.level === 2)) {
      for (const l of part) {
        const stop = l.text.indexOf('。');
        if (l.level === undefined && stop > 0 && stop < MAX_ORDINAL_LINE) [l.level, l.headingLength] = [2, stop + 1];
      }
    }
    i = j;
  }
}

const MIN_NAV_RUN = 4;

/**
 * A web page's navigation: a run of short lines without sentences (中国政府网 / 首页 / 领导之窗 / >> / …)
 * holding some recognised furniture is furniture throughout. The title line stays.
 */
function markNavigation(lines: Line[], titleIndex: number): void {
  const short = (l: Line) => navigationItem(l.text);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && short(lines[j])) j++;
    const run = lines.slice(i, j);
    if (run.length >= MIN_NAV_RUN && run.filter((l) => l.kind === 'boilerplate').length >= 2) {
      for (let k = i; k < j; k++) if (k !== titleIndex) lines[k].kind = 'boilerplate';
    }
    i = Math.max(j, i + 1);
  }
}

// ---- the passes ---------------------------------------------------------------------------------------

/** Classifies every line: captions, bylines, boilerplate, and heading levels 0–2 of the body lines. */
function classify(lines: Line[]): void {
  for (const line of lines) line.kind = patternKind(line.text);

  // Level 0: the first title line outside the boilerplate ([河南] 2020年…工作报告 is the forum's copy).
  const titleIndex = lines.findIndex((l) => {
    if (l.kind !== 'body') return false;
    const bare = titleForm(l.text);
    return TITLE_RE.test(bare) && !NEWS_ABOUT_RE.test(bare);
  });
  markNavigation(lines, titleIndex);
  if (titleIndex >= 0) {
    const title = lines[titleIndex];
    title.level = 0;
    title.headingLength = title.text.length;
    // A web page's header: everything above the title goes when any of it is forum furniture.
    if (lines.slice(0, titleIndex).some((l) => l.kind === 'boilerplate')) {
      for (let i = 0; i < titleIndex; i++) lines[i].kind = 'boilerplate';
    }
  }

  // The page footer: from the first footer marker after the last sentence-bearing line to the end.
  let lastBody = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].kind === 'body' && SENTENCE_RE.test(lines[i].text)) {
      lastBody = i;
      break;
    }
  }
  const footer = lines.findIndex((l, i) => i > lastBody && FOOTER_RE.test(l.text));
  if (footer >= 0) for (let i = footer; i < lines.length; i++) lines[i].kind = 'boilerplate';

  for (const line of lines) {
    if (line.kind !== 'body' || line.level !== undefined) continue;
    const numbered = numberedLevel(line.text);
    if (numbered) [line.level, line.headingLength] = numbered;
  }
  alignOrdinals(lines);

  // The report's front matter (date line, speaker) sits between the title and the first sentence; with no
  // title, the date and speaker lines at the top are recognised by their form.
  const firstSentence = lines.findIndex((l) => l.kind === 'body' && SENTENCE_RE.test(l.text));
  const front = new Set<number>();
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'body' && (l.level !== undefined || SENTENCE_RE.test(l.text) || /[：:]$/.test(l.text))) break;
    if (titleIndex >= 0 || (l.kind === 'body' && FRONT_MATTER_RE.test(l.text))) front.add(i);
  }

  // Stand-alone title lines (news features) are followed by running text (bylines may sit between);
  // other short lines without sentences are captions and labels. Walk backwards to know what follows.
  let nextIsSentence = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.kind === 'caption') nextIsSentence = false; // 月湾湖公园 / 核心提示 / text: a photo caption
    if (l.kind !== 'body') continue;
    const hasSentence = SENTENCE_RE.test(l.text);
    if (l.level === undefined && !hasSentence && !front.has(i)) {
      const verdict = standAlone(l.text, { nextIsSentence, headline: i < firstSentence, titled: titleIndex >= 0, afterLastBody: i > lastBody });
      if (verdict === 'title') {
        l.level = 1;
        l.headingLength = l.text.length;
      } else if (verdict === 'caption') {
        l.kind = 'caption';
        nextIsSentence = false;
        continue;
      }
    }
    nextIsSentence = hasSentence && l.level === undefined;
  }
}

class SectionBuilder {
  readonly sections: Section[] = [];
  private open: Section[] = [];

  constructor(private readonly text: string) {}

  add(level: SectionLevel, heading: Span): void {
    while (this.open.length && this.open[this.open.length - 1].level >= level) {
      this.open.pop()!.range.end = heading.start;
    }
    const parent = this.open[this.open.length - 1];
    // Records, not literals: they live as long as the analysis (records.ts says why that matters).
    const section: Section = new SectionRecord({
      id: `s${this.sections.length + 1}`,
      parentId: parent?.id,
      level,
      title: this.text.slice(heading.start, heading.end),
      heading,
      range: new SpanRecord(heading.start, this.text.length),
    });
    this.sections.push(section);
    this.open.push(section);
  }

  /** The deepest open section. */
  get current(): Section | undefined {
    return this.open[this.open.length - 1];
  }
}

/** The commas (，,) in text[from, to). */
function countCommas(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) n++;
  }
  return n;
}

/**
 * Lead-in lengths of the body lines, indexed like `lines` (0: none). Openings are resolved per run of
 * paragraphs between two numbered or title headings, where a series can be seen.
 */
function leadIns(lines: Line[]): number[] {
  const out = new Array<number>(lines.length).fill(0);
  let run: number[] = [];
  let openings: (Opening | undefined)[] = [];
  const flush = () => {
    resolveLeadIns(openings).forEach((len, k) => (out[run[k]] = len));
    run = [];
    openings = [];
  };
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'body') continue;
    if (line.level !== undefined) flush();
    else {
      // …全面启动大楼魏 / 整村拆迁工作。…: the second line's first sentence is not a lead-in.
      run.push(i);
      let o = continued ? undefined : opening(line.text);
      // 围绕以上目标，重点抓好八个方面工作。⏎（一）…: a sentence alone before a heading introduces it, it heads nothing.
      if (o && o.kind !== 'marked' && o.length === line.text.length && nextBodyIsHeading(lines, i)) o = undefined;
      openings.push(o);
    }
    continued = isBroken(line.text);
  }
  flush();
  return out;
}

function nextBodyIsHeading(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].kind === 'body') return lines[j].level !== undefined;
  return false;
}

/**
 * The headings a body line opens, [level, start, end] within the line: its numbered heading or lead-in (`lead`:
 * the lead-in's length, 0 for none), then the items 一是… inside a paragraph that opened with either.
 */
export function lineHeadings(text: string, level: 0 | 1 | 2 | undefined, headingLength: number | undefined, lead: number): [SectionLevel, number, number][] {
  const out: [SectionLevel, number, number][] = [];
  if (level !== undefined) out.push([level, 0, headingLength!]);
  else if (lead > 0) out.push([3, 0, lead]);
  // 一是…。 inside a paragraph subdivides a paragraph that opened with a lead-in or a (一) heading (项目建设实现
  // 新突破。一是做深项目谋划。…二是…); after a plain sentence they are a list's items (…还存在不少问题。一是…).
  if (lead > 0 || level === 2) {
    for (const at of midLeadStarts(text)) {
      const o = opening(text.slice(at));
      // A circled item's first sentence names its subject even with a comma (①强力支持…更新，依靠…转型。).
      const circled = isCircled(text, at);
      if (o && (circled ? o.length <= MAX_CIRCLED_LEAD && countCommas(text, at, at + o.length) <= 2 : o.length <= MAX_MID_LEAD && countCommas(text, at, at + o.length) === 0)) {
        out.push([3, at, at + o.length]);
      }
    }
  }
  return out;
}

export function parseStructure(text: string): DocumentStructure {
  const lines = splitLines(text);
  classify(lines);
  const leads = leadIns(lines);

  const builder = new SectionBuilder(text);
  const paragraphs: Paragraph[] = [];
  const captions: Caption[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'body') {
      // Records, not literals: the literals were pretenured (records.ts), some 0.5 µs each.
      captions.push(new CaptionRecord(line.kind, line.text, new SpanRecord(line.start, line.end)));
      continue;
    }
    const headings = lineHeadings(line.text, line.level, line.headingLength, leads[i]);
    // The paragraph belongs to the heading that opens its line; items inside it come after.
    const opens = headings.length > 0 && headings[0][1] === 0;
    if (opens) builder.add(headings[0][0], new SpanRecord(line.start, line.start + headings[0][2]));
    const range = new SpanRecord(line.start, line.end);
    paragraphs.push(new ParagraphRecord({ id: `p${paragraphs.length + 1}`, sectionId: builder.current?.id, range }));
    for (let h = opens ? 1 : 0; h < headings.length; h++) builder.add(headings[h][0], new SpanRecord(line.start + headings[h][1], line.start + headings[h][2]));
  }

  const title = builder.sections.find((s) => s.level === 0)?.title;
  return { ...(title !== undefined ? { title } : {}), sections: builder.sections, paragraphs, captions };
}
