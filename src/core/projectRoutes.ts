// What a project name holds on its right and, for lines, on its left (spec.md, "Projects"): phases,
// sections and building work after the facility word (大数据产业园一期, 荣乌高速涞源段, 机场三期扩建), and the
// first end of a line named by its two ends (崇左至凭祥铁路, 西演至肃宁公路).
import { FUNCTION_CHARS, GENERIC, LEADING_TRIM } from './projectWords';
import { isHan, isHanCode, wordBefore, type Lexicon } from './projectLexicon';
import { charBits } from './projectWords';

/** A phase (二期, 3期). */
export const PHASE_RE = /^第?(?:[一二三四五六七八九十]|\d+)期/;
/** After a road, rail line or canal: the section of it (荣乌高速涞源段, 京港高铁阜阳至黄冈段, 中州渠渠首段, 建新大街北段). */
const SECTION_RE = /^(?:[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}|(?!示范|试验|重点|部分|路)[\u4e00-\u9fff]{2,3}|[东西南北中])段/;
const ROAD_ENDS_RE = /(?:路|大道|街)(?:至|段)/;
const SECTION_AFTER = /(?:路|公路|高速|高铁|铁路|城际|渠|大道|快速路|大街|环|(?<![生产])线(?:工程)?)$/; // (保沧线高阳段, G109线, 南水北调中线工程河北段; not 生产线)
/** Building work named with its facility (机场西路扩建, 玻璃厂路改扩建, 西街小学迁建, 黔桂铁路增建二线, 秦皇岛西港东迁). */
const WORKS_AFTER_RE = /^(?:(?:改扩建|扩建|扩容|加固|迁建|改建|增建[二三四]线|拓宽|[东西南北]延(?:[东西南北]延)?|[东西南北]迁)(?:工程|项目)?|(?:升级改造|改造提升|提升改造|整治提升|提升|改造|整治)(?:工程|项目))/;
/**
 * A unit of a plant or a second runway or line of a facility (宁德核电6号机组, 桃仙国际机场二跑道, 秦沈高铁二通道), or the
 * cluster the facility heads (张家口数据中心集群).
 */
const UNIT_RE = /^(?:[\d一二三四五六七八九十]{1,2}号(?:机组|泊位)|第?[二三四](?:跑道|通道)|集群)/;
/** Facility words of lines that may be named by their two ends. */
export const ROUTE_WORDS = new Set(['铁路', '公路', '高速公路', '高速', '高铁', '城际', '城际铁路', '航道', '运河', '快速路', '快速通道', '管道', '线']);
// (海南热带雨林国家公园管理局: the park's administration, not a mention of the park.)
const INSTITUTIONS = ['研究院', '研究所', '研究中心', '实验室', '交易所', '管理局', '管委会', '办公室'];

/** An institution within six Han characters after the facility word: the facility names where it is (凤凰谷零碳研究院). */
export function institutionAfter(text: string, e: number, hi: number): boolean {
  for (let k = e; k < hi && k <= e + 5; k++) {
    const code = text.charCodeAt(k);
    if (!isHanCode(code)) break;
    // (A loop, not some() with a closure over k: that made a context for every character read.)
    if ((AFTER_CHARS[code] & INSTITUTION_FIRST) !== 0) for (const w of INSTITUTIONS) if (text.startsWith(w, k)) return true;
  }
  return false;
}
/**
 * A road's extension follows at e (东风路|东延, 北三环|东延西延): the facility word ends a name there. (By codes, 延
 * first, the rarer: extendsAt runs for most one-character facility words.)
 */
export function extendsAt(text: string, e: number): boolean {
  if (text.charCodeAt(e + 1) !== 0x5ef6 /* 延 */) return false;
  const c = text.charCodeAt(e);
  return c === 0x4e1c /* 东 */ || c === 0x897f /* 西 */ || c === 0x5357 /* 南 */ || c === 0x5317 /* 北 */;
}
const MAX_END = 4;
const ROAD_END_WORDS = new Set(['大道', '大街', '公路']);
/**
 * The second end of such a line, right before its facility word: 至 (or 直达, or a dash: 黎塘——湛江线) and two to four
 * characters; after 至 or 到 maybe with 的 (宝鸡到成都的铁路, the 1950s reports' form).
 */
export const ROUTE_END_RE = /(?:(?:至|到)([^至—，。、；：\s（）()的]{2,4})的|(?:至|到|直达|——|—|－－)([^至—，。、；：\s（）()]{2,4}))$/;
/** The same with what the line carries between the second end and the facility word (赤峰至锦州输氢氨醇管道). */
export const CARRIED_RE = /至([^至，。、；：\s（）()]{2,4})(?:输|运)[\u4e00-\u9fff]{1,4}$/;

/**
 * What follows `at`, read from a short window: phases, units, sections and works are a few characters long. (A
 * function, not a closure in sectionEnd: that made a context and a function at every call.)
 */
const windowAt = (text: string, hi: number, at: number) => text.slice(at, Math.min(hi, at + 16));

/**
 * The characters the patterns after a facility word can start with, and those SECTION_AFTER's words end with: a
 * pattern is tried (on a slice) only where one of them is (most facility words are followed by none).
 */
// (As bits of one table: the few characters read after a facility word are each one cache line, not one per table.)
export const PHASE_FIRST = 1;
const UNIT_FIRST = 2;
const WORKS_FIRST = 4;
const SECTION_LAST = 8;
/** INSTITUTIONS' first characters: most places after a facility word start none of them. */
const INSTITUTION_FIRST = 16;
export const AFTER_CHARS = charBits([
  ['第一二三四五六七八九十0123456789', PHASE_FIRST],
  ['0123456789一二三四五六七八九十第集', UNIT_FIRST],
  ['改扩加迁增拓东西南北升提整', WORKS_FIRST],
  ['路速铁际渠道街环线程', SECTION_LAST],
  [INSTITUTIONS.map((w) => w[0]).join(''), INSTITUTION_FIRST],
]);
/** PHASE_RE at `at`, read from a window up to hi. */
const phaseAt = (text: string, hi: number, at: number) => (at < hi && (AFTER_CHARS[text.charCodeAt(at)] & PHASE_FIRST) !== 0 ? PHASE_RE.exec(windowAt(text, hi, at)) : null);

/** Where the name whose facility word ends at e ends: after its phase, section or building work. */
export function sectionEnd(text: string, lo: number, hi: number, e: number): number {
  let end = e;
  const phase = phaseAt(text, hi, end);
  if (phase) {
    // (青藏直流二期扩建, 机场三期扩建: the building work of the phase.)
    // (昌江核电二期三号机组: a unit of the phase.)
    const next = windowAt(text, hi, end + phase[0].length);
    const then = WORKS_AFTER_RE.exec(next) ?? UNIT_RE.exec(next);
    return end + phase[0].length + (then ? then[0].length : 0);
  }
  const unit = end < hi && (AFTER_CHARS[text.charCodeAt(end)] & UNIT_FIRST) !== 0 ? UNIT_RE.exec(windowAt(text, hi, end)) : null;
  if (unit) return end + unit[0].length;
  // (Only the name's last characters decide whether it is a line: SECTION_AFTER is anchored at the end.)
  const section = (AFTER_CHARS[text.charCodeAt(end - 1)] & SECTION_LAST) !== 0 && SECTION_AFTER.test(text.slice(Math.max(lo, end - 4), end)) ? SECTION_RE.exec(windowAt(text, hi, end)) : null;
  // (涧滨北路周山大道至衡山路段: a section between two other roads is the road's, not part of its name.)
  if (section && !ROAD_ENDS_RE.test(section[0])) end += section[0].length;
  const works = end < hi && (AFTER_CHARS[text.charCodeAt(end)] & WORKS_FIRST) !== 0 ? WORKS_AFTER_RE.exec(windowAt(text, hi, end)) : null;
  if (works) {
    end += works[0].length;
    // (洞庭湖区重点垸堤防加固二期: the phase of the works.)
    const then = phaseAt(text, hi, end);
    if (then) end += then[0].length;
  }
  return end;
}

/**
 * The start of the first end of a line (崇左 of 崇左至凭祥铁路) when 至 is at `at`: a place or characters the
 * dictionary does not join, two to four of them, with the clause start, punctuation, a function character or a
 * verb before them; -1 when there is none.
 */
export function routeStart(lex: Lexicon, text: string, lo: number, at: number): number {
  let pos = at;
  while (pos > lo && at - pos < MAX_END) {
    const t = wordBefore(lex, text, pos, lo);
    if (!isHan(t.word[0]) || FUNCTION_CHARS.has(t.word)) break;
    // (将军庙/nx: a rare noun is a name; 羊山大道至母瑞山公路: the first end may be a road.)
    const road = pos === at && ROAD_END_WORDS.has(t.word);
    if (t.word.length > 1 && !road && (!/^(?:ns|nr|nz|nx|j|x)/.test(t.tag) || GENERIC.has(t.word) || LEADING_TRIM.has(t.word))) break; // (省道/nx opens no name)
    pos = t.start;
  }
  return at - pos >= 2 && at - pos <= MAX_END ? pos : -1;
}
