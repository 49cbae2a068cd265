// What the edit paths of the analysis (analyzeEdit.ts, newLineEdit.ts, splitEdit.ts, tailEdit.ts) ask of the
// structure: whether an edited or a new line leaves every other line's place as it was, so that the structure need
// not be read again. Each answer follows what structure.ts's passes read of a line; the unit tests compare the
// patches with the whole analysis.
import { opening } from './headingLeadIns';
import {
  CAPTION_LINE_RE,
  FOOTER_RE,
  FRONT_MATTER_RE,
  isBroken,
  lineLength,
  MAX_NAV_ITEM,
  MAX_NEWS_TITLE,
  MIN_HEADLINE,
  MIN_NEWS_TITLE,
  navigationItem,
  NOT_TITLE_RE,
  numberedLevel,
  ORDINAL_RE,
  patternKind,
  SENTENCE_RE,
  standAlone,
  TITLE_RE,
  titleForm,
} from './structureLines';

/** What structure.ts's passes read of a body line, for analyzeEdit: its numbered heading, and all that decides the rest. */
export interface LinePlace {
  /** Equal for two texts of the line: the rest of the structure is the same with either (lead-in lengths too). */
  key: string;
  level?: 1 | 2;
  headingLength?: number;
  /** The length of its opening sentence, its lead-in's when the run makes it one (headingLeadIns). */
  openingLength?: number;
  /**
   * A line without a sentence or a number: a paragraph, or a stand-alone title (a level-1 heading of the whole line)
   * when the lines after it make it one; which of the two the analysis shows, the key keeps (bareKey).
   */
  bare?: true;
}

/** A line the others are read against, which no edit path takes: no body line (a caption, byline or furniture by its form), a 第一， line, the title. */
const readAgainst = (text: string): boolean => patternKind(text) !== 'body' || ORDINAL_RE.test(text) || TITLE_RE.test(titleForm(text));

/** What analyzeEdit knows of a line's surroundings, which makes some of what the passes read of it moot. */
export interface LineContext {
  /** The report has a title line (a caption by its form is looked for in news pages only). */
  titled: boolean;
  /** The paragraphs before and after it are the lines right beside it (no caption, byline or furniture between). */
  adjacent: boolean;
  /** The next paragraph's text, whatever it heads (a title or a lead-in alone may be a navigation item). */
  nextLine?: string;
}

/**
 * What the passes read of a line without a sentence or a number (classify's walk: title, caption or paragraph;
 * markNavigation's short lines; the front matter's end): equal for two texts of the line, the verdict is the same.
 * (After a sentence right before it the line is no headline nor front matter; between two lines that are no
 * navigation items, none itself; in a report with a title, no scene's caption.)
 */
function bareKey(text: string, previous: string | undefined, context: LineContext): (boolean | string | null)[] {
  const len = lineLength(text);
  const afterSentence = context.adjacent && previous !== undefined && SENTENCE_RE.test(previous);
  const front = afterSentence ? null : /[：:]$/.test(text);
  // (Too long for a title, a caption or a navigation item: only what ends the front matter is read.)
  if (len > MAX_NEWS_TITLE) return ['long', front, FRONT_MATTER_RE.test(text)];
  const navigation = context.adjacent && previous !== undefined && !navigationItem(previous) && context.nextLine !== undefined && !navigationItem(context.nextLine);
  return [
    afterSentence ? null : len >= MIN_HEADLINE,
    len >= MIN_NEWS_TITLE,
    /[：:，,]$/.test(text),
    front,
    context.titled ? null : CAPTION_LINE_RE.test(text),
    NOT_TITLE_RE.test(text),
    /^[—―]/.test(text),
    FRONT_MATTER_RE.test(text),
    navigation ? null : text.length <= MAX_NAV_ITEM,
  ];
}

/**
 * A body line's place in the structure, when an edit of it can leave the rest of the structure as it is (the edit
 * path of the analysis, analyzeEdit.ts); undefined for the lines other lines are read against: the title, 第一，
 * lines. (A line without a sentence is keyed by what decides whether it is a title, a caption or a paragraph, and
 * whether it is part of a page's navigation: the lines around it are the same, so is the verdict.) `previous`: the body line
 * before it; `headingNext`: the next body line is a numbered or title heading (nextBodyIsHeading); `next`: that
 * line's text when it heads nothing (undefined: unknown, or a heading).
 */
export function linePlace(
  text: string,
  previous: string | undefined,
  headingNext: boolean,
  next?: string,
  context: LineContext = { titled: false, adjacent: false },
): LinePlace | undefined {
  if (readAgainst(text)) return undefined;
  const numbered = numberedLevel(text);
  // A numbered heading is no title or caption candidate; whether it holds a sentence moves the footer's search.
  const sentence = SENTENCE_RE.test(text);
  const bare = !numbered && !sentence;
  let o = numbered || (previous !== undefined && isBroken(previous)) ? undefined : opening(text);
  if (o && o.kind !== 'marked' && o.length === text.length && headingNext) o = undefined;
  // The lead-ins of a run are resolved from the openings' kinds and prefixes (a length is only its own heading's,
  // as a numbered heading's is).
  const kind = o && [o.kind, o.prefix ?? null, o.copula ?? null];
  // Whether the line is broken decides the next line's opening: it matters only when that line could lead in.
  const broken = next === undefined || opening(next) !== undefined ? isBroken(text) : null;
  const key = JSON.stringify([numbered?.[0] ?? null, kind ?? null, broken, sentence, FOOTER_RE.test(text), bare ? bareKey(text, previous, context) : null]);
  if (numbered) return { key, level: numbered[0], headingLength: numbered[1] };
  return { key, ...(o && { openingLength: o.length }), ...(bare && { bare }) };
}

/**
 * Whether a line typed into a blank one between two body lines that hold sentences (`previous`, `next`: no line
 * between them and it) is a paragraph that opens no heading and leaves every other line's place as it was (the edit
 * path of the analysis: newLineEdit.ts). `titled`: the report has a title line; `nextHeading`: `next` opens a
 * numbered heading. (With sentences on both sides it is neither the front matter nor the footer, a headline nor part
 * of a page's navigation, and the lines before it are read as they were.)
 */
export function plainLineBetween(
  text: string,
  previous: string,
  next: string,
  titled: boolean,
  nextHeading: boolean,
  /** Whether the run of openings `previous` and `next` stand in holds a review opening (reviewInRun): asked when both have one. */
  reviewRun: () => boolean,
): boolean {
  if (!SENTENCE_RE.test(previous) || !SENTENCE_RE.test(next)) return false;
  if (readAgainst(text) || numberedLevel(text)) return false;
  // No opening of its own (lead-ins: leadIns), none cut from its run (a run of review openings), none changed after it.
  if (!isBroken(previous) && opening(text) !== undefined) return false;
  const before = opening(previous);
  const after = opening(next);
  if (before !== undefined && after !== undefined && reviewRun()) return false;
  if (after !== undefined && isBroken(text) !== isBroken(previous)) return false;
  // (A sentence alone before a heading heads nothing: the heading is no longer right after it.)
  if (nextHeading && before !== undefined && before.kind !== 'marked' && before.length === previous.length) return false;
  if (SENTENCE_RE.test(text)) return true;
  // Without a sentence: neither a stand-alone title nor a caption (classify's walk backwards).
  return standAlone(text, { nextIsSentence: !nextHeading, headline: false, titled, afterLastBody: false }) === undefined;
}

/**
 * What a paragraph (`body`) split by a line break into `first` and `second` leaves of the structure (the edit path of
 * the analysis: splitEdit.ts, which checks the headings inside the paragraph itself): the second half's lead-in length
 * (0: none), or undefined when another line's place may change. Both halves hold sentences (so neither is a title, a
 * caption, a navigation item or part of the front matter, and the walk reads the lines before as it did), neither is
 * the title or a 第一， line, the first keeps the paragraph's numbered heading or opening (a lead-in stays one, of the
 * same length and kind in its run), and the second opens no numbered heading and a lead-in only of a kind that is one
 * whatever its run (resolveLeadIns: 'lead', 'marked'). `next`: the next body line, whose opening follows the broken
 * line before it; `nextIsHeading`: it opens a numbered or title heading. (Runs of openings cut or joined: reviewInRun.)
 */
export function splitLeadIn(body: string, first: string, second: string, next: string | undefined, nextIsHeading: boolean): number | undefined {
  for (const line of [body, first, second]) if (!SENTENCE_RE.test(line) || readAgainst(line)) return undefined;
  if (numberedLevel(second) || JSON.stringify(numberedLevel(first) ?? null) !== JSON.stringify(numberedLevel(body) ?? null)) return undefined;
  if (JSON.stringify(opening(first) ?? null) !== JSON.stringify(opening(body) ?? null)) return undefined;
  if (next !== undefined && opening(next) !== undefined && isBroken(second) !== isBroken(body)) return undefined;
  // As leadIns reads it: not after a broken line; a sentence alone before a heading heads nothing.
  let o = isBroken(first) ? undefined : opening(second);
  if (o && o.kind !== 'marked' && o.length === second.length && nextIsHeading) o = undefined;
  if (o && o.kind !== 'lead' && o.kind !== 'marked') return undefined;
  return o ? o.length : 0;
}

/**
 * What a line is when it is the report's last (only white space after it) and `previous`, the paragraph right before
 * it, holds a sentence or is a numbered heading right after `beforePrevious`, which holds one (三、… typed, then its
 * first paragraph; undefined: none right before it); else undefined (the edit path of the analysis: tailEdit.ts).
 * A caption (classify's walk: a short line after the last sentence), or a paragraph that opens no heading; undefined
 * when it is a line the others are read against, a numbered heading, the footer's first line, or a paragraph whose
 * opening could lead in. (After the last sentence it is neither the front matter nor a headline, nor one of a run of
 * navigation items; nothing follows it; the heading between is no walk's verdict and no footer either way.)
 */
export function lastLinePlace(text: string, previous: string, beforePrevious: string | undefined, titled: boolean): 'caption' | 'paragraph' | undefined {
  const afterSentence =
    SENTENCE_RE.test(previous) || (numberedLevel(previous) !== undefined && !FOOTER_RE.test(previous) && beforePrevious !== undefined && SENTENCE_RE.test(beforePrevious));
  if (!afterSentence || readAgainst(text) || numberedLevel(text) || FOOTER_RE.test(text)) return undefined;
  if (!SENTENCE_RE.test(text) && standAlone(text, { nextIsSentence: false, headline: false, titled, afterLastBody: true }) === 'caption') return 'caption';
  // (A paragraph after a broken line carries it on: its opening is not read.)
  return isBroken(previous) || opening(text) === undefined ? 'paragraph' : undefined;
}

/** How far reviewInRun reads a run of openings each way before it gives up (and says yes). */
const MAX_RUN_READ = 40;

/**
 * Whether the run of paragraphs with an opening that holds paragraphs[k - 1] and paragraphs[k] (both with one) holds
 * a review opening, whose lead-in depends on the run's length (resolveLeadIns); `heading(i)`: paragraph i opens a
 * numbered or title heading, which ends a run.
 */
export function reviewInRun(bodies: (i: number) => string | undefined, heading: (i: number) => boolean, k: number): boolean {
  for (const [from, step] of [[k - 1, -1], [k, 1]]) {
    for (let i = from, read = 0; ; i += step, read++) {
      const body = bodies(i);
      if (body === undefined || heading(i)) break;
      if (read === MAX_RUN_READ) return true;
      const o = opening(body);
      if (!o) break;
      if (o.kind === 'review') return true;
    }
  }
  return false;
}
