// Find in reports: a word, phrase or regular expression across the corpus, each hit as a keyword-in-context
// line (left context | match | right context), counted per report and per year.
import { codePointsBack, codePointsForward, splitsPair } from '../offsets';

export interface FindQuery {
  pattern: string;
  /** The pattern is a regular expression (JavaScript syntax, Unicode mode). */
  regex?: boolean;
  caseSensitive?: boolean;
}

export interface KwicHit {
  /** UTF-16 offsets into the report's text. */
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

/** Characters of context on each side of a hit. */
export const KWIC_CONTEXT = 18;
/** Hits kept per report: a pattern such as 的 would otherwise fill memory; the count stays exact. */
export const MAX_HITS_PER_REPORT = 500;

/** A query that cannot be searched for: empty, or not a regular expression (`detail`: what JavaScript says is wrong, "Unterminated group"). */
export class FindQueryError extends Error {
  constructor(
    readonly reason: 'empty' | 'syntax',
    readonly detail = '',
  ) {
    super(reason === 'empty' ? 'the search term is empty' : detail);
  }
}

/** The query as a global regular expression; an error naming the problem for a bad one or an empty pattern. */
export function compileQuery(query: FindQuery): RegExp {
  if (query.pattern === '') throw new FindQueryError('empty');
  const source = query.regex ? query.pattern : query.pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  try {
    return new RegExp(source, `gu${query.caseSensitive ? '' : 'i'}`);
  } catch (err) {
    // (V8 says "Invalid regular expression: /国内(生产/giu: Unterminated group": the pattern and our flags are the user's business no more.)
    const message = err instanceof Error ? err.message : String(err);
    throw new FindQueryError('syntax', message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, ''));
  }
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The next match of `re` (global) in `text` from its lastIndex that is not empty: an empty one (a lookahead, x*) has
 * nothing to show, and is stepped over by a whole character. (In Unicode mode exec moves a lastIndex inside a
 * surrogate pair back to the pair's start: a step of one code unit before 𡌶 matched the same place for ever.)
 */
function nextHit(re: RegExp, text: string): RegExpExecArray | null {
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] !== '') return m;
    re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

/** Every hit of `re` (global) in `text`, one at a time (a table of all of them need not hold them all at once). */
export function* hitSpans(text: string, re: RegExp): Generator<{ start: number; end: number }> {
  re.lastIndex = 0;
  for (let m = nextHit(re, text); m; m = nextHit(re, text)) yield { start: m.index, end: m.index + m[0].length };
}

/** The hits of `re` (global) in `text`: the first MAX_HITS_PER_REPORT as KWIC lines, and how many there are. */
export function findHits(text: string, re: RegExp, context = KWIC_CONTEXT, limit = MAX_HITS_PER_REPORT): { hits: KwicHit[]; count: number } {
  const hits: KwicHit[] = [];
  let count = 0;
  for (const { start, end } of hitSpans(text, re)) {
    count++;
    if (hits.length < limit) {
      hits.push({
        start,
        end,
        left: flat(text.slice(codePointsBack(text, start, context), start)), // (in characters: never half of 𡌶)
        match: flat(text.slice(start, end)),
        right: flat(text.slice(end, codePointsForward(text, end, context))),
      });
    }
  }
  return { hits, count };
}

/** A KWIC line with the left context padded to `width` characters (ideographic spaces), so matches align. */
export function kwicLine(hit: KwicHit, width = KWIC_CONTEXT): { text: string; matchStart: number; matchEnd: number } {
  const cut = hit.left.length - width;
  const left = cut >= 0 ? hit.left.slice(splitsPair(hit.left, cut) ? cut + 1 : cut) : '\u3000'.repeat(-cut) + hit.left;
  const text = `${left} ${hit.match} ${hit.right}`;
  return { text, matchStart: left.length + 1, matchEnd: left.length + 1 + hit.match.length };
}

export interface ReportHits {
  uri: string;
  name: string;
  title?: string;
  year?: number;
  region?: string;
  count: number;
  hits: KwicHit[];
}

/** A report as a search term's rate counts it: its year, and how many characters it has (countedCharacters). */
export interface SearchedReport {
  year?: number;
  region?: string;
  characters: number;
}

/** The characters a rate per 10,000 characters (每万字) is of: code points that are neither white space (\s) nor control characters. */
export function countedCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && c <= 0xa0) || WIDE_SPACE.has(c)) continue;
    // (The second half of a surrogate pair: one code point with the first.)
    if (splitsPair(text, i)) continue;
    n++;
  }
  return n;
}
/** White space above Latin-1, as \s has it. */
const WIDE_SPACE = new Set([0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** One year of a search term's use: hits, the reports with hits of those searched, their characters, hits per 10,000 characters. */
export interface TermYear {
  year: number;
  count: number;
  /** Reports of the year with a hit. */
  reports: number;
  /** Reports of the year searched. */
  searched: number;
  characters: number;
  /** Hits per 10,000 characters of the year's reports (all searched, those without a hit too). */
  rate: number;
}

/**
 * The term's use per year (in `region`'s reports only, when given), over every year a report was searched in (a year
 * whose reports never use it: 0 hits), years in order; reports without a year are left out. Reports of one year are pooled: the year's hits over all its
 * reports' characters. (Raw counts summed over the reports of a year rose with how many reports the corpus held.)
 */
export function termYears(reports: readonly ReportHits[], searched: readonly SearchedReport[], region?: string): TermYear[] {
  const years = new Map<number, TermYear>();
  const yearOf = (year: number) => years.get(year) ?? years.set(year, { year, count: 0, reports: 0, searched: 0, characters: 0, rate: 0 }).get(year)!;
  if (region !== undefined) {
    // (One region's reports only: its own line in the chart.)
    reports = reports.filter((r) => r.region === region);
    searched = searched.filter((r) => r.region === region);
  }
  for (const r of searched) {
    if (r.year === undefined) continue;
    const y = yearOf(r.year);
    y.searched++;
    y.characters += r.characters;
  }
  for (const r of reports) {
    if (r.year === undefined || r.count === 0) continue;
    const y = yearOf(r.year);
    y.count += r.count;
    y.reports++;
  }
  for (const y of years.values()) y.rate = y.characters > 0 ? (10_000 * y.count) / y.characters : 0;
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/**
 * The indices of the paragraphs (spans in order, not overlapping) that hold a hit of `re` (global) in `text`; a hit
 * counts for the first paragraph it overlaps. (The matches are read in turn, with no KWIC line made for each: a
 * pattern such as 的 has hits in every paragraph.)
 */
export function paragraphsHit(text: string, re: RegExp, paragraphs: readonly { start: number; end: number }[]): number[] {
  const out: number[] = [];
  let i = 0;
  for (const { start, end } of hitSpans(text, re)) {
    if (i >= paragraphs.length) break;
    while (i < paragraphs.length && paragraphs[i].end <= start) i++;
    if (i < paragraphs.length && paragraphs[i].start < end && out[out.length - 1] !== i) out.push(i);
  }
  return out;
}
