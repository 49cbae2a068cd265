// What makes an item of a list a project's name (spec.md, "Projects"): its words once the verbs and qualifiers
// that open it are dropped; a company's project, a facility of the list's kind, a member of a list of plants or
// mines. The lists themselves, and which of their items are read, are projectLists.ts.
import { anyWordAfter, tagAt, tagOf, wordAfter, type LexToken, type Lexicon } from './projectLexicon';
import { FUNCTION_CHARS, GENERIC, LEADING_TRIM, PREDICATE, PROVINCE_CHARS, STOP_WORDS, SUFFIX_CLASS, TAG_OVERRIDES } from './projectWords';
import { placeWith } from './projectWordsAt';

export const MIN_MEMBER = 2;
const MEMBER_WORKS_RE = /(?:改扩建|扩建|扩容|[一二三四五六七八九十]期)$/;
const MAX_MEMBER = 8;
const HAN_ONLY_RE = /^[\u4e00-\u9fff“”"·]+$/;
/** Items that name regions, sectors, companies or a facility of their own kind are not list members. */
export const COMPANY_RE = /(?:公司|集团|银行|企业|股份|商会|协会)$/;
const NOT_MEMBER_END_RE = /(?:地区|企业|行业|领域|市场|产业|公司|集团|银行|大学|学院|医院|中学|小学|高中|政府|部门)$/;

/** A line named by its two ends (黄桶至百色), a trailing parenthesis (（南宁至北海段）) left out. */
export const ROUTE_MEMBER_RE = /^([\u4e00-\u9fff]{2,4})至([\u4e00-\u9fff]{2,4})(?:[（(][^）)]*[）)])?$/;
/** A port and its berths' size (防城港30万吨级, 北海20万吨级). */
const BERTH_MEMBER_RE = /^[\u4e00-\u9fff]{2,4}\d+万吨级$/;
/** A power line by its voltage and ends (750千伏定靖西, 330千伏沣渭). */
const VOLTAGE_MEMBER_RE = /^\d+千伏[\u4e00-\u9fff]{2,4}$/;
/** A company's project in a list of projects (京阳新型线缆, 宏润20万吨印染): a name, then what it makes. */
const COMPANY_PROJECT_RE = /^[\u4e00-\u9fff]{2}[\u4e00-\u9fff\dA-Za-z.]{3,18}$/;
/** Whether an item is long enough for a company's project and names no sector, region or company itself. */
const companyProjectShaped = (s: string) => COMPANY_PROJECT_RE.test(s) && !NOT_MEMBER_END_RE.test(s) && !COMPANY_RE.test(s);

/** What a project cost before its name in a list (投资28.1亿元的南郊电厂, 总投资约5亿元的…). */
// (With the verbs before it: 加快推进投资60亿元的英利多晶硅太阳能电池.)
const INVESTMENT_RE = /^.{0,8}?(?:总)?投资(?:约|近|超过?)?[\d.]+多?[万亿]?(?:美)?元(?:以上|左右)?的/;

/**
 * The last items trimmed and what was left of them: a list's tests trim the same item again each (kindOfFacility,
 * sectorItem, memberName, companyProject, facilityMember: two thirds of the calls were repeats in a clause), and each
 * trim reads the item's first words from the lexicon again.
 */
const TRIMMED = 8;
const trimmedItems: string[] = new Array<string>(TRIMMED).fill('');
const trimmedKeeps = new Int32Array(TRIMMED).fill(-1);
const trimmedResults: string[] = new Array<string>(TRIMMED).fill('');
let trimmedLex: Lexicon | undefined;
let trimmedNext = 0;

/** The item without the verbs, qualifiers and function words that open it, keeping at least `keep` characters. */
export function trimLeading(item: string, lex: Lexicon, keep = 1): string {
  if (lex !== trimmedLex) {
    trimmedLex = lex;
    trimmedKeeps.fill(-1);
  }
  for (let i = 0; i < TRIMMED; i++) if (trimmedKeeps[i] === keep && trimmedItems[i] === item) return trimmedResults[i];
  const s = trimmed(item, lex, keep);
  trimmedItems[trimmedNext] = item;
  trimmedKeeps[trimmedNext] = keep;
  trimmedResults[trimmedNext] = s;
  trimmedNext = (trimmedNext + 1) % TRIMMED;
  return s;
}

/** trimLeading, worked out. */
function trimmed(item: string, lex: Lexicon, keep: number): string {
  let s = item.trim();
  if (s.includes('投资')) s = s.replace(INVESTMENT_RE, ''); // (the pattern only where it can match: this runs for every item)
  for (;;) {
    const w = wordAfter(lex, s, 0);
    if (!w || w.word.length + keep > s.length) break;
    // (继|青藏: a one-character verb that is a function character opens no name before a place; 建强 is a company's.)
    const oneVerb = w.word.length === 1 && w.tag.startsWith('v') && FUNCTION_CHARS.has(w.word) && /^ns/.test(wordAfter(lex, s, 1)?.tag ?? '');
    if (!(PREDICATE.has(w.word) || LEADING_TRIM.has(w.word) || (w.word.length > 1 && (w.tag.startsWith('v') || w.tag === 'd')) || oneVerb || w.tag === 'p' || w.tag === 'c' || w.tag.startsWith('u'))) break;
    // (建成尖扎至贵德: the word before 至 is a line's first end, whatever the dictionary's tag.)
    if (s[w.word.length] === '至') break;
    s = s.slice(w.word.length);
  }
  return s;
}

/**
 * An item of a list of company projects (…等一批重点项目): it opens with a name the dictionary does not know
 * as a common word (京阳, 宏润, 庞口) and holds no function character; companies themselves are not.
 */
export function companyProject(item: string, lex: Lexicon): string | undefined {
  const s = trimLeading(item, lex);
  // (坡耕地治理, 低阶煤热解联产分质分级利用: what is done, not whose project.)
  if (!companyProjectShaped(s)) return undefined;
  const first = wordAfter(lex, s, 0)!;
  // (坡耕地治理: what is done, not whose project; 国能煤炭综合利用 is a company's.)
  if (/(?:治理|整治)$/.test(s) && !/^(?:ns|nz|nr|j)/.test(first.tag)) return undefined;
  const second = first.word.length === 1 ? wordAfter(lex, s, 1)! : undefined;
  // (Not an adjective or a generic word read apart: 新|质生产力.)
  const piece = (w: { word: string; tag: string }) => w.word.length === 1 && !FUNCTION_CHARS.has(w.word) && !GENERIC.has(w.word);
  // (中铝, 中能建: a company's abbreviation opens one too.)
  // (中小/j of 中小河流治理 is no company's.)
  const opens = first.word.length === 1 ? piece(first) && piece(second!) : !GENERIC.has(first.word) && (/^(?:ns|nz|nr|x|nx)/.test(first.tag) || (first.tag === 'j' && first.word.length <= 3));
  if (!opens) return undefined;
  let prevPiece = false;
  const work = buildingWork(s);
  for (let at = 0; at < s.length - work.length; ) {
    const w = wordAfter(lex, s, at)!;
    // (凌宇犀地, 鼎际得: 地, 得 after a character the dictionary keeps apart are a brand's, not function words.)
    const brandChar = prevPiece && (w.word === '地' || w.word === '得');
    if (PREDICATE.has(w.word) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word) && !brandChar)) return undefined;
    prevPiece = w.word.length === 1 && !FUNCTION_CHARS.has(w.word);
    at += w.word.length;
  }
  return withoutRenovation(s, work);
}

/**
 * Building work that ends a company's project in a list (邯钢西区扩建, 唐山高速动车组扩能二期, 长城汽车综合改造升级): part
 * of the project, not a verb acting on it, after a name of four characters or more (not 城中村改造).
 */
const BUILDING_WORK_RE = /(?:改扩建|迁扩建|扩建|迁建|改建|扩能|扩容|技改|(?:综合|技术)?(?:升级改造|改造升级|改造))(?:[一二三四五六七八九十]期)?$/;
const buildingWork = (s: string) => {
  const work = BUILDING_WORK_RE.exec(s)?.[0] ?? '';
  return s.length - work.length >= 4 ? work : '';
};
/** Renovation after a facility is not in its name (GUIDELINES.md: X大道改造 → X大道); after anything else it is. */
const withoutRenovation = (s: string, work: string) =>
  work.includes('改造') && facilityEnd(s.slice(0, s.length - work.length), 1) !== undefined ? s.slice(0, s.length - work.length) : s;

/** The length of the (longest) facility word `s` ends in, with at least `rest` characters before it; undefined if none. */
export function facilityEnd(s: string, rest: number): number | undefined {
  for (let n = 4; n >= 1; n--) if (n + rest <= s.length && SUFFIX_CLASS.has(s.slice(-n))) return n; // (no array and closure per call)
  return undefined;
}

/**
 * A member that is one common noun of the dictionary names a kind, not a facility: 图书馆、科技馆、博物馆等设施
 * (a named one is a proper noun there, 故宫博物院/ns, or no word of it, 全季酒店).
 */
export function kindOfFacility(s: string, lex: Lexicon): boolean {
  return tagAt(lex, s, 0, s.length) === 'n'; // (most items are no word: answered without a look-up in the large map)
}

/** Common words of a sector or a kind of works (智能电网, 引水调水, 高效节水灌溉), no name among them. */
const SECTOR_TAGS = new Set(['n', 'v', 'vn', 'a', 'an', 'b', 'd', 'ad']);
export const sectorItem = (s: string, lex: Lexicon) =>
  s.length > 0 && !anyWordAfter(lex, s, 0, s.length, (w) => w.word.length === 1 || !SECTOR_TAGS.has(TAG_OVERRIDES.get(w.word) ?? w.tag));

/**
 * A member of a list of plants or mines that memberName rejects: two to four characters that are no place, kind or
 * common word and hold no adverb, pronoun, numeral or predicate of two characters. The list's kind vouches for words
 * the dictionary reads as a verb (可可盖: 可可/v), a person (尔多/nrt) or function characters (哇让, 松如沟).
 */
function vouchedMember(item: string, lex: Lexicon, trim = true): string | undefined {
  const s = trim ? trimLeading(item, lex, MIN_MEMBER) : item;
  if (s.length < MIN_MEMBER || s.length > 4 || !/^[\u4e00-\u9fff]+$/.test(s) || kindOfFacility(s, lex) || SUFFIX_CLASS.has(s)) return undefined;
  // (同德、德令哈: the places they are in, which the dictionary has with 县, 市 or 省; a river's name is a station's, 新安江.)
  if (placeWith((w) => tagOf(lex, w), s, '市县区省')) return undefined;
  // (One character the scan takes for a verb is a piece of the name here: 以礼河.)
  const unnamed = (w: LexToken) => STOP_WORDS.has(w.word) || (w.word.length > 1 && (PREDICATE.has(w.word) || GENERIC.has(w.word) || /^(?:d|r|m|c|p|u)/.test(w.tag)));
  return anyWordAfter(lex, s, 0, s.length, unnamed) ? undefined : s;
}

/**
 * The members in one item of a list of plants or mines: the region that opens it left out (浙江的新安江, 四川灌县的紫坪铺),
 * two joined by 和, 及 or 与 apart (桓仁和大伙房).
 */
export function vouchedMembers(item: string, lex: Lexicon): string[] {
  const parts = item.split(/[和及与]/);
  const members = parts.length > 1 && parts.every((x) => x.length >= MIN_MEMBER) ? parts : [item];
  return members.flatMap((x) => {
    const s = trimLeading(x, lex, MIN_MEMBER);
    const region = /^[\u4e00-\u9fff]{2,6}?的/.exec(s);
    // (After the region the words are the name's own: 以礼河, not 以 trimmed as a preposition.)
    if (region && wordAfter(lex, region[0], 0)!.tag.startsWith('ns')) {
      const rest = s.slice(region[0].length);
      return vouchedMember(rest, lex, false) ?? memberName(rest, lex) ?? [];
    }
    return memberName(x, lex) ?? vouchedMember(x, lex) ?? [];
  });
}

/** memberName's tags, per word read (constants: a regular expression literal in a loop is a new object each time). */
const QUALIFIER_TAG_RE = /^(?:a|ad|d|p|c|u|r)/;
const PROPER_TAG_RE = /^(?:ns|nz|nt|x|eng)$/;

/** The item with its leading verbs and qualifiers dropped (建成汉江西路 → 汉江西路), or undefined if it is no name. */
export function memberName(item: string, lex: Lexicon, sites = false): string | undefined {
  // 京哈（扩建）: the parenthesis left out; 京哈改扩建, 川州二期: building work or a phase after a member is in its name.
  // (“两国双园”: a whole quoted name without its quotes.)
  // (Each pattern only where its last or first character is: most items have neither.)
  let s0 = trimLeading(item, lex);
  if (s0.endsWith('）') || s0.endsWith(')')) s0 = s0.replace(/[（(][^）)]{1,6}[）)]$/, '');
  if (s0.startsWith('“')) s0 = s0.replace(/^“([^“”]{2,8})”$/, '$1');
  const works = MEMBER_WORKS_RE.exec(s0);
  if (works && works.index >= MIN_MEMBER) {
    const name = memberName(s0.slice(0, works.index), lex, sites);
    return name === undefined ? undefined : name + works[0];
  }
  const s = s0;
  // (建新大街南延 with the verb trimmed: 大街 alone names nothing.)
  if (SUFFIX_CLASS.has(s.endsWith('延') ? s.replace(/[东西南北]延$/, '') : s) || kindOfFacility(s, lex)) return undefined;
  const route = ROUTE_MEMBER_RE.exec(s);
  if (route) return `${route[1]}至${route[2]}`;
  if (BERTH_MEMBER_RE.test(s) || VOLTAGE_MEMBER_RE.test(s)) return s;
  if (s.length < MIN_MEMBER || s.length > MAX_MEMBER || !HAN_ONLY_RE.test(s) || NOT_MEMBER_END_RE.test(s)) return undefined;
  // A name has no verb of two characters or more and no function character; it is mostly proper words or
  // characters the dictionary does not join (荣乌, 焦济洛平, 京九), not common words (钢铁, 高中, 房地产).
  let proper = 0;
  let common = 0;
  let strong = false; // a place, a proper name or characters the dictionary does not join, not a rare noun only
  let prevPiece = false;
  for (let at = 0; at < s.length; ) {
    const w = wordAfter(lex, s, at)!;
    if (STOP_WORDS.has(w.word) || (w.word.length > 1 && GENERIC.has(w.word))) return undefined;
    if (w.word.length === 1) {
      // (凌宇犀地: 地 after a character the dictionary keeps apart ends a name, as in companyProject.)
      const brandChar = prevPiece && (w.word === '地' || w.word === '得') && at + 1 === s.length;
      if (FUNCTION_CHARS.has(w.word) && !brandChar) return undefined;
      prevPiece = !FUNCTION_CHARS.has(w.word);
      if (QUALIFIER_TAG_RE.test(w.tag)) common++;
      else {
        proper++;
        strong = true;
      }
      // (服装/vn of 鞍山西柳服装: a verbal noun is a noun here; verbs are not.)
    } else if ((w.tag.startsWith('v') && w.tag !== 'vn') || w.tag === 'd' || w.tag === 'r' || w.tag === 'm' || w.tag === 'i' || w.tag === 'l') {
      return undefined;
    } else if (PROPER_TAG_RE.test(w.tag) || (w.tag === 'j' && w.word.length <= 2) || (w.tag.startsWith('nr') && w.word.length <= 3)) {
      proper += w.word.length;
      strong = true;
    } else if (w.tag === 'nx') proper += w.word.length;
    else common += w.word.length;
    if (w.word.length > 1) prevPiece = false;
    at += w.word.length;
  }
  // (大广: two characters the dictionary does not join and no function character, read as two places' first
  // characters, 大庆 and 广州; a list member already, so the list's kind vouches for it.)
  const pieces = s.length === 2 && wordAfter(lex, s, 0)!.word.length === 1 && !FUNCTION_CHARS.has(s[1]);
  if (!pieces && (!strong || common > proper || SUFFIX_CLASS.has(s))) return undefined;
  // A city, a county or a person the dictionary knows (石家庄、唐山等机场), not a project: members are
  // abbreviations it does not know (荣乌, 焦济洛平) or names it has as such (京九).
  const whole = wordAfter(lex, s, 0);
  // (In a list of sites a place is one: 仰韶村、双槐树、贾湖等遗址.)
  // (青藏、康藏公路: two provinces' one-character names are a line's, not a region's, in a list.)
  const provinces = s.length === 2 && PROVINCE_CHARS.includes(s[0]) && PROVINCE_CHARS.includes(s[1]);
  if (!sites && !provinces && whole && whole.word === s && (whole.tag === 'ns' || whole.tag.startsWith('nr'))) return undefined;
  return s;
}

/**
 * An item of a list of facilities of a kind (全季酒店、航空大厦等6家酒店; 环保巷、光华皮件厂等35个问题楼盘) that ends
 * in a facility word: a name even when its words are common ones, for the list says these are named places.
 */
export function facilityMember(item: string, lex: Lexicon): string | undefined {
  const s = trimLeading(item, lex);
  if (s.length > MAX_MEMBER + 2 || !/^[\u4e00-\u9fff]+$/.test(s) || kindOfFacility(s, lex)) return undefined;
  // (秦皇岛、天津、连云港等十五个港口: a city, 秦皇岛市 in the lexicon, is no facility of its last character.)
  if (placeWith((w) => tagOf(lex, w), s, '市')) return undefined;
  const k = facilityEnd(s, 2);
  if (k === undefined) return undefined;
  const rest = s.slice(0, -k);
  if (GENERIC.has(rest) || STOP_WORDS.has(rest) || SUFFIX_CLASS.has(rest)) return undefined;
  const unnamed = (w: LexToken) => PREDICATE.has(w.word) || GENERIC.has(w.word) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word)) || (w.word.length > 1 && w.tag.startsWith('v'));
  return anyWordAfter(lex, rest, 0, rest.length, unnamed) ? undefined : s;
}

/** A word that acts on a name rather than being part of it: a predicate, a verb (not a verbal noun), an adverb, a pronoun, a conjunction, a preposition. */
const acting = (w: LexToken) => PREDICATE.has(w.word) || (w.word.length > 1 && ACTING_TAG_RE.test(w.tag) && w.tag !== 'vn');
const ACTING_TAG_RE = /^(?:v|d|r|c|p)/;

/** What names a member of such a list: a noun that is no generic one (妈祖, not 交流|合作), and no verb or function character. */
export function kindMember(rest: string, lex: Lexicon): boolean {
  const actingOrFunction = (w: LexToken) => acting(w) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word));
  return rest.length >= 2 && !anyWordAfter(lex, rest, 0, rest.length, actingOrFunction) && anyWordAfter(lex, rest, 0, rest.length, (w) => w.word.length > 1 && !GENERIC.has(w.word) && /^(?:n|j|x)/.test(w.tag));
}

const COUNTED_IN_RE = /[\d一二三四五六七八九十两]+[个家座项条处]/;
/** A member of a list of works beside company projects: a name of a few words that is no kind, sector or company. */
export function siblingProject(item: string, lex: Lexicon): string | undefined {
  const s = trimLeading(item, lex);
  // (省|人民医院南院: named by the province only; 准东3个煤制气: a count of projects.)
  if (/[省市县]$/.test(item.slice(0, item.length - s.length)) || COUNTED_IN_RE.test(s)) return undefined;
  if (!companyProjectShaped(s) || kindOfFacility(s, lex)) return undefined;
  const first = wordAfter(lex, s, 0)!;
  const nameTag = /^(?:n|x)/.test(first.tag) || (first.tag === 'j' && first.word.length <= 3); // (建成投产/j is none)
  if (GENERIC.has(first.word) || LEADING_TRIM.has(first.word) || STOP_WORDS.has(first.word) || (first.word.length > 1 && !nameTag)) return undefined;
  const work = buildingWork(s);
  return anyWordAfter(lex, s, 0, s.length - work.length, acting) ? undefined : withoutRenovation(s, work);
}
