// Named projects, parks, facilities and programmes (spec.md, "Projects").
//
// A name ends in a facility or programme word (projectWords.ts: 项目, 工程, 产业园, 高铁, 大道, 路, …) and
// reaches left over name-like words until punctuation, a function word or a verb that acts on the project
// (projectScan.ts). Words come from a dictionary lookup (projectLexicon.ts), not from segmenting the clause.
// Names made only of generic words (重点项目, 城市更新项目) are dropped; most facility words also need a place
// or a proper name (汉江西路, 郑州机场). Members of a list of projects (荣乌、西阜、津石高速公路), programmes
// named by their form (南水北调) and short forms (平漯周高铁 of 平漯周高铁项目) are in projectLists.ts.
import { countBefore } from './analysisPatch';
import { RecentMap } from './recentMap';
import { charTable, nextIndexOf, ownCopy, ownPieces } from './text';
import { isHan, lexiconFor, type Lexicon, MAX_WORD, wordAfter, wordBefore } from './projectLexicon';
import { highwayNames, LINE_WORD, NUMBERED_ROAD, RING_ROAD, ROAD_NOTE_CHARS, roadNoteAt, ROUTE_NUMBER, routePairs } from './projectHighways';
import { bareName, listMembers, markListChars, shortForms } from './projectLists';
import { markProgrammeTriggers, programmeNames } from './projectProgrammes';
import { MAX_ENDS, namesAmong } from './projectClauses';
import { addFacilityWord, facilityPlaceEndingAt, facilityWords, markFacilityEnds } from './projectSuffixes';
import { NameMatcher } from './projectNameMatcher';
import { regionalWorks } from './projectRegions';
import { SUFFIX_CLASS, SUFFIXES } from './projectWords';
import type { Segmenter } from './segmenter';
import type { Paragraph, Project, Span } from './types';

const CLAUSE_END = 1;
const FACILITY_END = 2;
const PROGRAMME = 4;
const ROAD_NOTE = 8;
const LIST_BREAK = 16;
const COMMA = 32;
const ETC = 64;
/**
 * By character code, as bits: what ends a clause (parentheses and quotes stay inside: 秦创原(秦都)创新促进中心,
 * 沙颍河“通港达园”项目), what may end a facility word, what programmeNames, roadNoteAt or listMembers reads from; one
 * look-up per character.
 */
const SCAN = markListChars(
  markProgrammeTriggers(markFacilityEnds(charTable('，。；！？、：,;!?:《》【】 \t\n\r\u3000', CLAUSE_END), FACILITY_END), PROGRAMME),
  LIST_BREAK,
  COMMA,
  ETC,
);
for (const c of ROAD_NOTE_CHARS) SCAN[c.charCodeAt(0)] |= ROAD_NOTE;

/** Candidate project names found in one paragraph's text (cached per paragraph by the analyzer). */
export function findProjectNames(paragraphText: string, segmenter: Segmenter | undefined): string[] {
  const lex = lexiconFor(paragraphText, segmenter);
  return lex ? namesOfScan(scanParagraph(paragraphText, lex)) : [];
}

/** What findProjectNames's pass over a paragraph found: the names at its facility words, and what its other readings start from. */
export type ParagraphScan = { paragraphText: string; lex: Lexicon; spans: Span[]; roads: number; lists: number[]; etcs: number[]; programmeAt: number[] };

/**
 * The facility words of the clause scanParagraph reads (start and end in turn), one store for every clause: made
 * again for each, it was most of the pass's garbage. (The pass is not re-entered.)
 */
const ENDS: number[] = [];
/** The place in SUFFIXES of each facility word of ENDS (ENDS[2k, 2k + 2)'s at k): namesAmong reads the word from it. */
const PLACES: number[] = [];
/**
 * What the pass collects, in stores it writes over for each paragraph; the scan keeps copies of their exact length
 * (arrays grown by push held room for 17 or more, most of the pass's garbage with ENDS's), or NO_PLACES for none
 * (most paragraphs hold no 等, many no list). (NO_PLACES is not frozen: a frozen array, of its own kind of elements,
 * made the readers' loops polymorphic, and their iterators allocated. Its readers take it read only.)
 */
const SPANS: Span[] = [];
const PROGRAMME_AT: number[] = [];
const LISTS: number[] = [];
const ETCS: number[] = [];
const NO_PLACES: number[] = [];
/** scanParagraph's blocks: the marked characters of one, as (place in the block << MARK_BITS) | mark (SCAN's bits). */
const BLOCK = 4096;
const MARK_BITS = 7;
const MARK_MASK = (1 << MARK_BITS) - 1;
const MARKED = new Int32Array(BLOCK + 1);
/** store[0, count) as an array of its own, NO_PLACES when empty. */
const placesOf = (store: number[], count: number): number[] => (count === 0 ? NO_PLACES : store.slice(0, count));

/** findProjectNames's pass over a paragraph (`lex`: lexiconFor it); namesOfScan reads on. */
export function scanParagraph(paragraphText: string, lex: Lexicon): ParagraphScan {
  const spans = SPANS;
  spans.length = 0;
  const n = paragraphText.length;
  // One pass over the paragraph: clause ends and facility words together; a clause without a facility word is not
  // read again. The clause's facility words are ENDS[0, ends).
  let ends = 0;
  let programmes = 0;
  let roads = 0;
  // For listMembers: the clauses of lists, those with a 、 between two of LIST_BREAK (start and end in turn), and the 等.
  let lists = 0;
  let etcs = 0;
  let listFrom = 0;
  let listed = false;
  // Read in blocks: first the block's marked characters, each as its place in the block and its mark in one number,
  // written at every character and kept by moving on only past a marked one (no branch per character, which most
  // characters of a paragraph took the same way but the processor could not foresee); then only those.
  let lo = 0;
  for (let from = 0; ; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    const last = to === n;
    let marked = 0;
    for (let i = from; i < to; i++) {
      const mark = SCAN[paragraphText.charCodeAt(i)];
      MARKED[marked] = ((i - from) << MARK_BITS) | mark;
      marked += mark === 0 ? 0 : 1;
    }
    if (last) MARKED[marked++] = ((n - from) << MARK_BITS) | CLAUSE_END | LIST_BREAK; // (the paragraph's end ends its last clause)
    for (let m = 0; m < marked; m++) {
      const mark = MARKED[m] & MARK_MASK;
      const i = from + (MARKED[m] >>> MARK_BITS);
      if ((mark & PROGRAMME) !== 0) PROGRAMME_AT[programmes++] = i;
      if ((mark & ROAD_NOTE) !== 0) roads |= roadNoteAt(paragraphText, i);
      if ((mark & ETC) !== 0) ETCS[etcs++] = i;
      if ((mark & CLAUSE_END) === 0) {
        if ((mark & FACILITY_END) !== 0) {
          const place = facilityPlaceEndingAt(paragraphText, lo, i) - 1;
          if (place >= 0) {
            ends = addFacilityWord(ENDS, ends, i + 1, SUFFIXES[place].length);
            PLACES[(ends >> 1) - 1] = place;
          }
        }
        continue;
      }
      if ((mark & COMMA) !== 0) listed = true;
      else if ((mark & LIST_BREAK) !== 0) {
        if (listed) (LISTS[lists++] = listFrom), (LISTS[lists++] = i);
        listFrom = i + 1;
        listed = false;
      }
      for (let k = 0; k < ends; k += 2 * MAX_ENDS) namesAmong(lex, paragraphText, lo, i, ENDS, PLACES, k, Math.min(ends, k + 2 * MAX_ENDS), spans);
      ends = 0;
      lo = i + 1;
    }
    if (last) break;
  }
  const scan = {
    paragraphText,
    lex,
    spans: spans.slice(),
    roads,
    lists: placesOf(LISTS, lists),
    etcs: placesOf(ETCS, etcs),
    programmeAt: placesOf(PROGRAMME_AT, programmes),
  };
  // (A crafted paragraph's places are not kept in the worker until it ends: tens of MB for millions of 等 or 公园.)
  for (const store of STORES) if (store.length > MAX_KEPT_PLACES) store.length = 0;
  return scan;
}
const STORES = [ENDS, PLACES, LISTS, ETCS, PROGRAMME_AT];
const MAX_KEPT_PLACES = 1 << 14;

/**
 * namesOfScan's names in order, one store for every paragraph (NAMES[0, nameCount)), told apart by comparing them:
 * a paragraph names a few, and a Set emptied for each (a new table, by a call into the runtime) and hashing every new
 * slice cost more than the comparisons. Past MAX_COMPARED names (a crafted paragraph) MANY holds them. (namesOfScan
 * is not re-entered.)
 */
const NAMES: string[] = [];
let nameCount = 0;
const MAX_COMPARED = 32;
const MANY = new Set<string>();
/** Adds `name` to NAMES unless it is there. */
function addName(name: string): void {
  if (nameCount < MAX_COMPARED) {
    for (let k = 0; k < nameCount; k++) if (NAMES[k] === name) return;
  } else {
    if (MANY.size === 0) {
      for (let k = 0; k < nameCount; k++) MANY.add(NAMES[k]);
    }
    if (MANY.has(name)) return;
    MANY.add(name);
  }
  NAMES[nameCount++] = name;
}

/** The names of a paragraph, from what scanParagraph found in it: those at facility words, in lists, of roads and programmes. */
export function namesOfScan({ paragraphText, lex, spans, roads, lists, etcs, programmeAt }: ParagraphScan): string[] {
  nameCount = 0;
  if (MANY.size > 0) MANY.clear();
  for (let k = 0; k < spans.length; k++) addName(paragraphText.slice(spans[k].start, spans[k].end));
  // Roads named by numbers (七一路, 经二路) hold no word the scan can read as a name.
  // (七一路海鲜市场: with the facility named after it that follows.)
  if ((roads & NUMBERED_ROAD) !== 0) for (const m of paragraphText.matchAll(NUMBERED_ROAD_RE)) {
    const end = m.index! + m[0].length;
    const after = spans.find((sp) => sp.start === end)?.end ?? facilityOnRoad(lex, paragraphText, end);
    addName(after ? paragraphText.slice(m.index!, after) : m[0]);
  }
  if ((roads & RING_ROAD) !== 0) {
    for (const m of paragraphText.matchAll(RING_ROAD_RE)) {
      // 北京南六环: a city's ring road with the city's name before it.
      const place = m.index! > 1 ? wordBefore(lex, paragraphText, m.index!, Math.max(0, m.index! - MAX_WORD)) : undefined;
      addName(place && place.tag === 'ns' && place.word.length >= 2 && place.word.length <= 3 ? place.word + m[0] : m[0]);
    }
  }
  if ((roads & ROUTE_NUMBER) !== 0) for (const n of highwayNames(paragraphText)) addName(n);
  if ((roads & LINE_WORD) !== 0) for (const n of routePairs(paragraphText, lex, SCAN, CLAUSE_END)) addName(n);
  for (const n of listMembers(paragraphText, spans, lex, lists, etcs)) addName(n);
  for (const n of programmeNames(paragraphText, programmeAt)) addName(n);
  for (const n of regionalWorks(paragraphText, lex, programmeAt)) addName(n);
  if (nameCount === 0) return []; // (most paragraphs name nothing)
  let names = NAMES.slice(0, nameCount);
  const short = shortForms(names);
  if (short.length > 0) {
    for (const n of short) addName(n);
    names = NAMES.slice(0, nameCount);
  }
  // (A crafted paragraph's names are not kept in the worker until it ends.)
  if (nameCount > MAX_COMPARED) {
    NAMES.length = 0;
    MANY.clear();
  }
  return names;
}

/**
 * The end of a facility named after the numbered road it stands on, by one common noun and a facility word
 * (七一路|海鲜|市场) or a facility word alone (纬三路|小学), which name no facility without the road; undefined when none follows the road.
 */
function facilityOnRoad(lex: Lexicon, text: string, end: number): number | undefined {
  const noun = wordAfter(lex, text, end, Math.min(text.length, end + MAX_WORD));
  if (!noun || noun.word.length < 2 || !noun.tag.startsWith('n')) return undefined;
  const from = end + noun.word.length;
  if (SUFFIX_CLASS.has(noun.word)) return from; // (纬三路|小学)
  const [first] = facilityWords(text, from, Math.min(text.length, from + 5));
  return first && first[0] === from ? first[1] : undefined;
}

// Ring roads (东二环, 北三环, 大外环, 高速南外环) likewise; with the phase, section, extension or approach that
// follows (经四路一期, 北二环东段, 七一路西延, 七一路引线).
const NUMBERED_ROAD_RE =
  /(?<![一二三四五六七八九十\d第])(?:[经纬][一二三四五六七八九十]{1,2}|[一二三四五六七八九十]{2})[路街](?![网线口面况径])(?:[一二三四五六七八九]期|[东西南北]段|[东西南北]延|引线)?/g;
const RING_ROAD_RE = /(?:[东西南北][一二三四五六]环(?:路)?|(?:高速[东西南北]?|[大东西南北])外环(?:路)?(?![境])|(?<![\u4e00-\u9fff])[东西南北]环路)(?:[一二三四五六七八九]期|[东西南北]段)?/g;
const LIST_BEFORE = new Set([...'、和及与']);
/**
 * What makes a name before it part of another's: a region, an event (a race named by its road: 环广西公路自行车世巡赛),
 * a law or plan, the body that runs it (海南热带雨林国家公园管理局), or a goal beyond it (打造“中国电谷”升级版).
 */
const REGION_OR_EVENT_AFTER =
  /^(?:经济带|经济圈|经济走廊|[\u4e00-\u9fff]{0,4}(?:论坛|博览会|峰会)|(?:自行车|马拉松|半程马拉松|越野赛|汽车拉力|摩托车|帆船)|法(?!院)|法规|条例|(?:建设)?总体方案|国际服务门户|(?:合作)?办公室|管理局|管委会|指挥部|”?升级版)/;
/** 成立 or 组建 (and the level: 省, 市, 县) before a name. */
const FORMED_BEFORE_RE = /(?:成立|组建)[省市县]?$/;
const LIST_AFTER = new Set([...'、和及与等（(']);
/** Whether `at` is inside 《…》 on its line. */
function inBookTitle(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 40; i--) {
    const c = text[i];
    if (c === '《') return true;
    if (c === '》' || c === '\n') return false;
  }
  return false;
}

/** Captions hold a name or two: short lines only (navigation and footers are not read). */
const MAX_CAPTION = 60;

/** Names in the short lines between paragraphs (captions, labels). */
function namesOutside(text: string, paragraphs: Paragraph[], cache: ProjectMatchCache | undefined): string[] {
  const out: string[] = [];
  const lf = { at: -1 };
  let pos = 0;
  for (const p of paragraphs) {
    if (p.range.start > pos) captionNames(text, pos, p.range.start, cache, out, lf);
    pos = Math.max(pos, p.range.end);
  }
  if (pos < text.length) captionNames(text, pos, text.length, cache, out, lf);
  return out;
}

/**
 * The names in the caption lines of text[from, to), onto `out`, line by line with indexOf. `lf.at`: the next \n,
 * searched for again once passed (in a file of \r line ends alone, each gap searched the rest of the text).
 */
function captionNames(text: string, from: number, to: number, cache: ProjectMatchCache | undefined, out: string[], lf: { at: number }): void {
  for (let at = from; at < to; ) {
    lf.at = nextIndexOf(text, '\n', at, lf.at);
    const eol = Math.min(lf.at, to);
    const t = eol > at ? text.slice(at, eol).trim() : ''; // (a \r before the break is trimmed)
    at = eol + 1;
    for (const n of captionLineNames(t, cache)) out.push(n);
  }
}

/** The names one line between paragraphs gives, trimmed (none for a long line or a byline's form). */
export function captionLineNames(t: string, cache: ProjectMatchCache | undefined): readonly string[] {
  if (!t || t.length > MAX_CAPTION || /^[■(（]|[/／]/.test(t)) return [];
  let found = cache?.captions.get(t);
  if (!found) {
    found = findProjectNames(t, undefined);
    cache?.captions.set(t, found);
  }
  return found;
}

export interface Hit {
  name: string;
  span: Span;
}

/**
 * What collectProjects keeps between analyses of one document (an AnalysisCache holds one): the names' matcher,
 * each line's mentions while the names stay the same, and the names found in caption lines. Names never hold a
 * line break, so a line's mentions depend on the line alone; after an edit only the changed lines are read again.
 */
export class ProjectMatchCache {
  key = '';
  /** The names (analyzeEdit asks whether there are any). */
  matcher?: NameMatcher;
  /** A line's mentions, from the last two analyses. */
  readonly lines = new RecentMap<Hit[]>();
  captions = new Map<string, string[]>();
  /** Whether a name is bare (isBare), for the names of `matcher`. */
  bare = new Map<string, boolean>();

  /** After an analysis: lines not seen in the last two are forgotten (captions are few and kept, up to a bound). */
  sweep(): void {
    this.lines.sweep();
    if (this.captions.size > 10_000) this.captions.clear();
  }

  /** The names changed: every line is matched again. */
  reset(key: string, matcher: NameMatcher): void {
    this.key = key;
    this.matcher = matcher;
    this.lines.clear();
    this.bare.clear();
  }
}

/** The length of the proper facility word (高速公路, 铁路) at `at`, longest first, else undefined. */
function properSuffixAt(line: string, at: number): number | undefined {
  // (A loop, not [4, 3, 2].find(…): the closure over the caller's loop variables made V8 allocate a scope for every character of every line.)
  for (let n = 4; n >= 2; n--) if (SUFFIX_CLASS.get(line.slice(at, at + n)) === 'proper') return n;
  return undefined;
}

/** The mentions of the names (`matcher`) in one line, offsets within the line; `bare`: isBare by name. */
function lineHits(line: string, matcher: NameMatcher, bare: Map<string, boolean>): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; (i = matcher.nextStart(line, i)) < line.length; ) {
    const found = matcher.nameAt(line, i);
    if (found === undefined) {
      i++;
      continue;
    }
    const at = i;
    let end = at + found.length;
    let name = found;
    i = end;
    // 西康、西十高铁: a list member written with the facility word this time.
    if (LIST_BEFORE.has(line[at - 1]) && bareName(name, bare)) {
      const k = properSuffixAt(line, end);
      if (k) {
        name += line.slice(end, end + k);
        end += k;
      }
    }
    // A name without its facility word (荣乌 of 荣乌、西阜、…高速公路) is a mention where it stands in a list.
    if (!LIST_BEFORE.has(line[at - 1]) && !LIST_AFTER.has(line[end]) && bareName(name, bare)) continue;
    // Inside a book title (《河北雄安新区总体规划》) a name is part of the plan's title; before 经济带, 经济圈 or an
    // event's name it names a region or an event (平陆运河经济带, 中欧班列经济圈, 第二届中欧班列国际合作论坛), before
    // 法, 条例 or 总体方案 a law or a plan (海南自由贸易港法).
    if (inBookTitle(line, at) || REGION_OR_EVENT_AFTER.test(line.slice(end, end + 8))) continue;
    // 成立省足球运动管理中心, 组建河北博物院: an organisation being formed, not a facility built.
    if (FORMED_BEFORE_RE.test(line.slice(Math.max(0, at - 3), at))) continue;
    // 武夷山国家公园（江西片区）: a parenthesis that qualifies the name before it is no mention of its own.
    if ((line[at - 1] === '（' || line[at - 1] === '(') && (line[end] === '）' || line[end] === ')') && isHan(line[at - 2] ?? '')) continue;
    hits.push({ name, span: { start: at, end } });
  }
  return hits;
}

/** Every occurrence of each name in the text, as projects j1, j2, … in order of first occurrence. */
export function collectProjects(text: string, names: Iterable<string>, paragraphs: Paragraph[], cache?: ProjectMatchCache, pieces?: (start: number, end: number) => string): Project[] {
  // Names are searched in the whole text: a caption naming a project is an occurrence too, and a project
  // named only in a caption (漯河市大数据产业园效果图) is one.
  const all = new Set(names);
  if (paragraphs.length > 0) for (const n of namesOutside(text, paragraphs, cache)) all.add(n);
  names = all;
  const hits: Hit[] = [];
  // At each place the longest name that starts there (大数据产业园一期工程, not 大数据产业园 inside it); line by
  // line, each line's mentions kept in the cache.
  const list = [...new Set(names)].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  if (list.length > 0) {
    const key = list.join('\n');
    const matches = cache ?? new ProjectMatchCache();
    if (matches.key !== key || !matches.matcher) matches.reset(key, new NameMatcher(list));
    // (A cache kept across analyses keys lines by their slices: see mentionsByLine.)
    mentionsByLine(text, matches, hits, cache ? undefined : (pieces ?? ownPieces(text)));
    matches.sweep();
  } else if (cache) {
    // No names: the matcher of names since gone must not be taken for this text's (analyzeEdit reads it).
    cache.key = '';
    cache.matcher = undefined;
  }
  const kept = longestFirst(hits);
  const byName = new Map<string, Span[]>();
  for (const h of kept) {
    const list = byName.get(h.name);
    if (list) list.push(h.span);
    else byName.set(h.name, [h.span]);
  }
  return [...byName].map(([name, occurrences], i) => ({ id: `j${i + 1}`, name, occurrences }));
}

/**
 * The mentions of the names of `matches` in `text`, line by line (split at \n), onto `hits`: offsets within `text`. Lines
 * are read as strings of their own: `lineOf`'s (ownPieces of `text`), else slices, copied only when not yet in `matches`.
 */
export function mentionsByLine(text: string, matches: ProjectMatchCache, hits: Hit[], lineOf?: (start: number, end: number) => string): void {
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) {
      for (const h of lineMentions(lineOf ? lineOf(from, to) : text.slice(from, to), matches, !lineOf)) hits.push({ name: h.name, span: { start: h.span.start + from, end: h.span.end + from } });
    }
    from = to + 1;
  }
}

/** One line's mentions of the names of `matches` (its matcher set), offsets within the line; kept in the cache (read from a copy when `copy`). */
function lineMentions(line: string, matches: ProjectMatchCache, copy: boolean): Hit[] {
  let found = matches.lines.get(line);
  if (!found) matches.lines.set(line, (found = lineHits(copy ? ownCopy(line) : line, matches.matcher!, matches.bare)));
  return found;
}

/**
 * Where names overlap the longest wins (大数据产业园 inside 大数据产业园一期工程 is not another mention); the mentions
 * kept, in text order. Names hold no line break, so the mentions of one line are decided by that line alone.
 */
export function longestFirst(hits: Hit[]): Hit[] {
  // (Mentions come in text order and seldom overlap: when none does, all are kept as they come, without the sorts.)
  let k = 1;
  while (k < hits.length && hits[k].span.start >= hits[k - 1].span.end) k++;
  if (k >= hits.length) return hits;
  hits.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  const taken: Span[] = []; // sorted by start, disjoint
  const kept: typeof hits = [];
  for (const h of hits) {
    const lo = countBefore(taken, spanStart, h.span.start);
    if ((lo > 0 && taken[lo - 1].end > h.span.start) || (lo < taken.length && taken[lo].start < h.span.end)) continue;
    taken.splice(lo, 0, h.span);
    kept.push(h);
  }

  kept.sort((a, b) => a.span.start - b.span.start);
  return kept;
}
const spanStart = (s: Span) => s.start;
