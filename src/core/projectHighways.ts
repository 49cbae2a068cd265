// Roads named by their national or provincial route number (spec.md, "Projects"): G109 and G219 in a list of
// roads, G225乐东至三亚段 and G679线乌拉斯台至奇台 (a section between two places), G98环岛高速大三亚段扩容工程 (an
// expressway with its section and works). The number is the name; the words the project scan reads hold none.
// Lines named by two places' first characters (佳同铁路).
import { type Lexicon, tagOf } from './projectLexicon';
import { FAST_RE } from './projectScan';
import { PREDICATE } from './projectWords';

/** A route number: G or S and one to four digits, not inside a Latin word or a number (5G; S100发动机 is excluded by what follows). */
const CODE = '(?<![A-Za-z0-9０-９])[GS]\\d{1,4}(?![\\d.%．])';
/**
 * One character of a section's end: a Han character or a parenthesis (禾木（吉克普林）), not 至 or 等, and not the
 * first of the words that say what is done to the road or that it is no place (建设, 提质, 工程, 落实…).
 */
const END_CHAR = '(?:(?!至|等|高速|工程|项目|建设|提质|改造|扩容|落实|出口|延伸|通车|开工)[\\u4e00-\\u9fff（）()])';
/** 至 as "to", not 至今, 至此, 至少. */
const TO = '至(?![今此少])';
const STOP_AFTER = '(?=[，。；、：和及与等,;:]|$|建设|提质|改造|开工|项目|工程)';
/** G679线乌拉斯台至奇台, G214加卡至邦达机场段, G315线若羌至和田段. */
const SECTION = `${CODE}线?${END_CHAR}{1,12}?${TO}${END_CHAR}{1,10}?(?:段|${STOP_AFTER})`;
/** G98环岛高速大三亚段扩容工程, G4京港澳高速衡阳至耒阳段改扩建工程, G98环岛高速提档扩容工程, G9812高速延长线. */
const EXPRESSWAY =
  `${CODE}[\\u4e00-\\u9fff]{0,6}?(?:高速公路|高速|国道|省道)(?:(?:[\\u4e00-\\u9fff]{1,4}${TO}[\\u4e00-\\u9fff]{1,4}?|[\\u4e00-\\u9fff]{1,4}?)段)?` +
  '(?:(?:提档扩容|扩容|改扩建|扩建|提质改造|改造)(?:工程|项目)?|延长线|联络线|连接线)?';
/** G109、G219: the number alone, where a list item or the work done on it follows. */
const BARE = `${CODE}线?(?=[、，,和及与等]|提质|改造|改扩建|扩建|建设)`;
// (An expressway first: G4京港澳高速衡阳至耒阳段改扩建工程 is one name with its works, not a section of "京港澳高速衡阳".)
const HIGHWAY_RE = new RegExp(`${EXPRESSWAY}|${SECTION}|${BARE}`, 'g');

/** A name that starts with a route number (a list member though it ends in no facility word). */
export const HIGHWAY_NAME_RE = new RegExp(`^${CODE}`);

/** The roads named by route number in `text`. */
export function highwayNames(text: string): string[] {
  if (!/[GS]\d/.test(text)) return [];
  return [...text.matchAll(HIGHWAY_RE)].map((m) => m[0]);
}

/**
 * What the road patterns of findProjectNames (projects.ts) need, noted in its one pass over a paragraph as bits, instead
 * of a search of the paragraph for each: a numbered road (a numeral and 路 or 街), a ring road (环), a route number (G1, S1),
 * a line word (铁路, 高铁, 高速, 城际). ROAD_NOTE_CHARS: the characters roadNoteAt reads at.
 */
export const NUMBERED_ROAD = 1;
export const RING_ROAD = 2;
export const ROUTE_NUMBER = 4;
export const LINE_WORD = 8;
export const ROAD_NOTE_CHARS = '路街环GS铁速际';
/** By character code: the numerals of a numbered road (七一路), and what a ring road's 环 follows (东二环, 大外环, 东环路). */
const ROAD_NUMERALS = codeSet('一二三四五六七八九十');
const BEFORE_RING = codeSet('一二三四五六外东西南北');
/**
 * The bits of what text[i], one of ROAD_NOTE_CHARS, ends or opens. (By character codes: text[i] made a string of a Han
 * character for every one read.)
 */
export function roadNoteAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (c === 0x8def /* 路 */) return (ROAD_NUMERALS.has(before) ? NUMBERED_ROAD : 0) | (before === 0x94c1 /* 铁 */ ? LINE_WORD : 0);
  if (c === 0x8857 /* 街 */) return ROAD_NUMERALS.has(before) ? NUMBERED_ROAD : 0;
  // (环 of 环境, 环保 is most of them: RING_ROAD_RE, which is slow to run over a paragraph, can match only after these.)
  if (c === 0x73af /* 环 */) return BEFORE_RING.has(before) ? RING_ROAD : 0;
  if (c === 0x47 /* G */ || c === 0x53 /* S */) {
    const d = text.charCodeAt(i + 1);
    return d >= 0x30 && d <= 0x39 ? ROUTE_NUMBER : 0; // (\d)
  }
  if (c === 0x94c1 /* 铁 */ || c === 0x901f /* 速 */) return before === 0x9ad8 /* 高 */ ? LINE_WORD : 0;
  return before === 0x57ce /* 城 */ ? LINE_WORD : 0; // 际
}

function codeSet(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

// 佳同铁路, 本庄高速: a line named by two places' first characters, which the dictionary does not join, at a clause's
// start or after a verb that acts on it (加快|佳同铁路). (Not 高速发展, 高速度: fast; not 这是高速: a pronoun and a verb.)
const LINE_WORDS = ['高速铁路', '高速公路', '城际铁路', '铁路', '高铁', '高速', '城际'];
const ROUTE_PAIR_RE = new RegExp(`([\\u4e00-\\u9fff]{2})(?:${LINE_WORDS.join('|')})`, 'g');
/** (修筑川黔和黔桂铁路: a pair before 和 and another line of the kind.) */
const JOINED_PAIR_RE = new RegExp(`([\\u4e00-\\u9fff]{2})[和与及](?=[\\u4e00-\\u9fff]{2}(?:${LINE_WORDS.join('|')}))`, 'g');
/** Characters that are no place's (pronouns, particles, the copula), in either place of the pair. */
const NOT_ROUTE_CHAR = new Set([...'这那其此该每各某的地得了着过在是']);
/**
 * Lines named by two characters, from the places at their ends (see ROUTE_PAIR_RE); text holds a line word (LINE_WORD).
 * `clauseEnds`: the characters that end a clause, those of the caller's table with bit `clauseEnd` set.
 */
export function routePairs(text: string, lex: Lexicon, clauseEnds: Uint8Array, clauseEnd: number): string[] {
  const out: string[] = [];
  const acted = (at: number) => at === 0 || (clauseEnds[text.charCodeAt(at - 1)] & clauseEnd) !== 0 || text[at - 1] === '“' || [2, 3, 4].some((k) => at >= k && PREDICATE.has(text.slice(at - k, at)));
  const placeChars = (pair: string) => !NOT_ROUTE_CHAR.has(pair[0]) && !NOT_ROUTE_CHAR.has(pair[1]);
  const isPair = (pair: string) => placeChars(pair) && tagOf(lex, pair) === undefined;
  // (One of two joined may be a pair the dictionary has as a name or an abbreviation: 川黔/j, 京汉/ns.)
  const named = (pair: string) => {
    const tag = tagOf(lex, pair);
    return placeChars(pair) && (tag === undefined || /^(?:j|ns|nz|nr)$/.test(tag));
  };
  for (const m of text.matchAll(ROUTE_PAIR_RE)) {
    const at = m.index!;
    if (!isPair(m[1])) continue;
    if (m[0].endsWith('高速') && FAST_RE.test(text.slice(at + m[0].length, at + m[0].length + 2))) continue;
    // (A pair after another and 和 is acted on as that one is: 修筑川黔和|黔桂铁路.)
    if (acted(at) || (at >= 3 && /[和与及]/.test(text[at - 1]) && named(text.slice(at - 3, at - 1)) && acted(at - 3))) out.push(m[0]);
  }
  for (const m of text.matchAll(JOINED_PAIR_RE)) if (named(m[1]) && acted(m.index!) && named(text.slice(m.index! + 3, m.index! + 5))) out.push(m[1]);
  return out;
}
