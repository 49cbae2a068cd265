// Project names that do not end in their own facility word (spec.md, "Projects"):
// - members of a list of projects, written short before the shared facility word (荣乌、西阜、津石高速公路;
//   三峡工程、西电东送、南水北调等重大建设; 平漯周、焦济洛平、郑州南站等高铁项目);
// - the short form of a project later in the text (平漯周高铁项目 … 平漯周高铁).
import { charTable } from './text';
import { anyWordAfter, wordAfter, type LexToken, type Lexicon } from './projectLexicon';
import { FUNCTION_CHARS, GENERIC, LEADING_TRIM, PREDICATE, STOP_WORDS, SUFFIX_CLASS, TAG_OVERRIDES } from './projectWords';
import type { Span } from './types';

/** A list: items separated by 、 inside one clause. */
/** …等遗址, 等景区: a list of sites. */
const SITES_RE = /^等(?:[一二三四五六七八九十\d]+[个处座])?(?:重要|重点|大遗址|考古|创建国家5A级旅游|创建国家级旅游|创建5A级)?(?:遗址|遗迹|景区|景点|古迹)/;
/** What ends a clause for a list. */
const CLAUSE_BREAK = charTable('，。；！？：,;!?:');
const ETC_WORKS_RE = /等(?:(?:一批|[\d一二三四五六七八九十]+个)?(?:重大|重点)?项目|(?:重要|重点|考古|创建国家5A级旅游)?(?:遗址|遗迹|景区|景点|古迹)|一批[^，。、]{0,8}?项目|(?:省际)?(?:公路|铁路|高速|高铁|大通道)|特高压|[\d一二三四五六七八九十]+[条座处个](?:煤矿|气田|油田|遗址|水库|机场|高铁|铁路|高速)|\d+千伏)/y;
/** The next 等 from `from` that opens 等项目, 等一批重大项目, …; -1 when there is none. */
function nextEtcWorks(text: string, from: number): number {
  for (let i = text.indexOf('等', from); i >= 0; i = text.indexOf('等', i + 1)) {
    ETC_WORKS_RE.lastIndex = i;
    if (ETC_WORKS_RE.test(text)) return i;
  }
  return -1;
}
/**
 * …等 + what the items are: lines, zones, sites (not companies, products or brands), or works of a kind
 * (等高铁项目, 等安置房项目; 等一批重大项目 says nothing: 中食数联、…等一批大项目 has a company in it).
 */
const LIST_CLASS_RE =
  /^(?:高铁|铁路|高速|公路|城际|航道|灌区|园区|产业园|产业带|遗址|遗迹|景区|景点|港口|机场|枢纽|水库|场馆|基地|酒店|商圈|街区|楼盘|地块|楼宇|专业市场|批发市场|煤矿|气田|油田|电站|水电站|抽水蓄能电站|大通道|特高压|客运专线|码头|港区|电厂|变电站|(?!开发建设)(?:[\u4e00-\u9fff]{1,4}?(?:项目|工程)|(?![\u4e00-\u9fff]?[县市区乡镇村]建设)[\u4e00-\u9fff]{2,4}?建设))/;
/** What may stand between 等 and the kind of works: a count, a qualifier. */
const LIST_COUNT_RE = /^等(?:一批|[\d一二三四五六七八九十—-]+[个项条座处家所])?(?:\d+千伏)?(?:全市|全省|重大|重点|大型|大|基础设施|公共服务|民生|基础|国省干线|干线|省际|国省道)*/;

/** Whether the text from 等 on says the items are works of a kind. */
function isWorksClass(rest: string): boolean {
  const after = rest.slice(LIST_COUNT_RE.exec(rest)![0].length);
  // (风电光伏、新一代煤电、新型储能等11个重点领域项目; 铝镁、黄金等有色金属项目: sectors and goods, not works.)
  if (/^[\u4e00-\u9fff]{0,4}?(?:领域|行业|金属|材料)(?:项目|工程)/.test(after)) return false;
  return LIST_CLASS_RE.test(after);
}
/** A count of lines or sites right after the last item (台黑4条高速, 西十2条高铁). */
const COUNTED_KIND_RE = /(?<=[\u4e00-\u9fff])[\d一二三四五六七八九十]+[条座处个](?=高铁|铁路|高速|公路|城际|机场|水库|枢纽|港口|抽水蓄能电站|水电站)/;
/** 等11处, 等4条 (a count of the kind), 等500千伏 (a power line's or substation's voltage). */
const COUNTED_ETC_RE = /等(?:[\d一二三四五六七八九十]+[条座处个]|\d+千伏)/;
const ETC_LINES_RE = /等(?:省际)?(?:公路|铁路|高速|高铁|大通道|特高压|客运专线)/;
const MIN_MEMBER = 2;
const MEMBER_WORKS_RE = /(?:改扩建|扩建|扩容|[一二三四五六七八九十]期)$/;
const MAX_MEMBER = 8;
const HAN_ONLY_RE = /^[\u4e00-\u9fff“”"·]+$/;
/** Items that name regions, sectors, companies or a facility of their own kind are not list members. */
const COMPANY_RE = /(?:公司|集团|银行|企业|股份|商会|协会)$/;
const NOT_MEMBER_END_RE = /(?:地区|企业|行业|领域|市场|产业|公司|集团|银行|大学|学院|医院|中学|小学|高中|政府|部门)$/;

/** A line named by its two ends (黄桶至百色), a trailing parenthesis (（南宁至北海段）) left out. */
const ROUTE_MEMBER_RE = /^([\u4e00-\u9fff]{2,4})至([\u4e00-\u9fff]{2,4})(?:[（(][^）)]*[）)])?$/;
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

function trimLeading(item: string, lex: Lexicon): string {
  let s = item.trim().replace(INVESTMENT_RE, '');
  for (;;) {
    const w = wordAfter(lex, s, 0);
    if (!w || w.word.length >= s.length) break;
    if (!(PREDICATE.has(w.word) || LEADING_TRIM.has(w.word) || (w.word.length > 1 && (w.tag.startsWith('v') || w.tag === 'd')) || w.tag === 'p' || w.tag === 'c' || w.tag.startsWith('u'))) break;
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
function companyProject(item: string, lex: Lexicon): string | undefined {
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
const facilityEnd = (s: string, rest: number) => [4, 3, 2, 1].find((n) => n + rest <= s.length && SUFFIX_CLASS.has(s.slice(-n)));

/** 等 and a kind of places: 等地区, 等12个省份, 等重点流域. */
const PLACES_ETC_RE = /^等(?:[\d一二三四五六七八九十]+个)?(?:重点|沿线)?(?:地区|区域|流域|省份|省区|城市|地市|县市|市县|市州|地方)/;

/**
 * A member that is one common noun of the dictionary names a kind, not a facility: 图书馆、科技馆、博物馆等设施
 * (a named one is a proper noun there, 故宫博物院/ns, or no word of it, 全季酒店).
 */
function kindOfFacility(s: string, lex: Lexicon): boolean {
  return lex.tags.get(s) === 'n';
}

/** Common words of a sector or a kind of works (智能电网, 引水调水, 高效节水灌溉), no name among them. */
const SECTOR_TAGS = new Set(['n', 'v', 'vn', 'a', 'an', 'b', 'd', 'ad']);
const sectorItem = (s: string, lex: Lexicon) =>
  s.length > 0 && !anyWordAfter(lex, s, 0, s.length, (w) => w.word.length === 1 || !SECTOR_TAGS.has(TAG_OVERRIDES.get(w.word) ?? w.tag));

/** The item with its leading verbs and qualifiers dropped (建成汉江西路 → 汉江西路), or undefined if it is no name. */
function memberName(item: string, lex: Lexicon, sites = false): string | undefined {
  // 京哈（扩建）: the parenthesis left out; 京哈改扩建, 川州二期: building work or a phase after a member is in its name.
  // (“两国双园”: a whole quoted name without its quotes.)
  const s0 = trimLeading(item, lex).replace(/[（(][^）)]{1,6}[）)]$/, '').replace(/^“([^“”]{2,8})”$/, '$1');
  const works = MEMBER_WORKS_RE.exec(s0);
  if (works && works.index >= MIN_MEMBER) {
    const name = memberName(s0.slice(0, works.index), lex, sites);
    return name === undefined ? undefined : name + works[0];
  }
  const s = s0;
  // (建新大街南延 with the verb trimmed: 大街 alone names nothing.)
  if (SUFFIX_CLASS.has(s.replace(/[东西南北]延$/, '')) || kindOfFacility(s, lex)) return undefined;
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
      if (/^(?:a|ad|d|p|c|u|r)/.test(w.tag)) common++;
      else {
        proper++;
        strong = true;
      }
      // (服装/vn of 鞍山西柳服装: a verbal noun is a noun here; verbs are not.)
    } else if ((w.tag.startsWith('v') && w.tag !== 'vn') || w.tag === 'd' || w.tag === 'r' || w.tag === 'm' || w.tag === 'i' || w.tag === 'l') {
      return undefined;
    } else if (/^(?:ns|nz|nt|x|eng)$/.test(w.tag) || (w.tag === 'j' && w.word.length <= 2) || (w.tag.startsWith('nr') && w.word.length <= 3)) {
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
  if (!sites && whole && whole.word === s && (whole.tag === 'ns' || whole.tag.startsWith('nr'))) return undefined;
  return s;
}

/**
 * An item of a list of facilities of a kind (全季酒店、航空大厦等6家酒店; 环保巷、光华皮件厂等35个问题楼盘) that ends
 * in a facility word: a name even when its words are common ones, for the list says these are named places.
 */
function facilityMember(item: string, lex: Lexicon): string | undefined {
  const s = trimLeading(item, lex);
  if (s.length > MAX_MEMBER + 2 || !/^[\u4e00-\u9fff]+$/.test(s) || kindOfFacility(s, lex)) return undefined;
  // (秦皇岛、天津、连云港等十五个港口: a city, 秦皇岛市 in the lexicon, is no facility of its last character.)
  if (/^ns/.test(lex.tags.get(s + '市') ?? '')) return undefined;
  const k = facilityEnd(s, 2);
  if (k === undefined) return undefined;
  const rest = s.slice(0, -k);
  if (GENERIC.has(rest) || STOP_WORDS.has(rest) || SUFFIX_CLASS.has(rest)) return undefined;
  const unnamed = (w: LexToken) => PREDICATE.has(w.word) || GENERIC.has(w.word) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word)) || (w.word.length > 1 && w.tag.startsWith('v'));
  return anyWordAfter(lex, rest, 0, rest.length, unnamed) ? undefined : s;
}

/**
 * Members of the lists whose last item is a project found in the paragraph (spans) or that end in 等 and a
 * kind of works: the items before it, as written.
 */
export function listMembers(text: string, found: Span[], lex: Lexicon): string[] {
  const out: string[] = [];
  const lists = text.includes('、');
  const single = text.includes('等') && (/等(?:[一二三四五六七八九十\d]+[个处座])?(?:重要|重点|考古|创建国家5A级旅游)?(?:遗址|遗迹|景区|景点|古迹)/.test(text) || text.includes('等项目') || text.includes('等重大项目') || text.includes('等重点项目') || text.includes('等一批') || COUNTED_ETC_RE.test(text) || ETC_LINES_RE.test(text));
  if (!lists && !single) return out;
  // The clauses that hold a 、 or (one company project) 等…项目, found from those characters, not by
  // splitting the whole paragraph.
  for (let from = 0; ; ) {
    const a = lists ? text.indexOf('、', from) : -1;
    const b = single ? nextEtcWorks(text, from) : -1;
    const at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (at < 0) break;
    let base = at;
    while (base > 0 && !CLAUSE_BREAK[text.charCodeAt(base - 1)]) base--;
    let end = at;
    while (end < text.length && !CLAUSE_BREAK[text.charCodeAt(end)]) end++;
    from = end + 1;
    // 推进石武、津秦等客运专线及大广、保阜等高速公路建设: two lists, each ending in 等 and its kind, joined.
    const joined = /等[^、，。等]{0,10}?(?:及|和|以及|与)(?=[^、]+、)/.exec(text.slice(base, end));
    if (joined && isWorksClass(joined[0].replace(/(?:及|和|以及|与)$/, ''))) {
      const cut = base + joined.index + joined[0].length;
      listClause(text, base, text.slice(base, cut - (joined[0].endsWith('以及') ? 2 : 1)), found, lex, out);
      listClause(text, cut, text.slice(cut, end), found, lex, out);
    } else listClause(text, base, text.slice(base, end), found, lex, out);
  }
  return out;
}

/** The members of the lists of one clause (text[base, base + clause.length)), onto `out`. */
function listClause(text: string, base: number, clause: string, found: Span[], lex: Lexicon, out: string[]): void {
  if (!clause.includes('、')) {
    // 法士特新能源汽车传动系统等项目开工建设: one company project before 等项目.
    const etc = /等(?:一批|[\d一二三四五六七八九十]+个)?(?:重大|重点)?项目/.exec(clause); // (金龙羽特高压电缆等10个重点项目)
    const name = etc ? companyProject(clause.slice(0, etc.index), lex) : undefined;
    if (name) out.push(name);
    // 可可盖等11处煤矿: one member before 等 and a count of the kind (川州二期等500千伏输变电工程: or a voltage).
    // (…项目和黄百等4个在建铁路项目: the member after the last works or conjunction before 等.)
    let member: string | undefined;
    for (const one of clause.matchAll(new RegExp(COUNTED_ETC_RE, 'g'))) {
      // (A place alone is a member of a count of mines or sites, 可可盖等11处煤矿, not of works by voltage: 张家口等500千伏…工程.)
      const counted = !one[0].endsWith('千伏');
      const m = isWorksClass(clause.slice(one.index)) ? memberName(clause.slice(0, one.index).split(/[和及与]|项目|工程/).pop()!, lex, counted) : undefined;
      if (m) out.push((member = m));
    }
    // 易水湖等景区景点: one site before 等 and the kind of sites.
    const site = clause.indexOf('等');
    const oneSite = site > 0 && SITES_RE.test(clause.slice(site)) ? memberName(clause.slice(0, site), lex, true) : undefined;
    if (oneSite) out.push(oneSite);
    // 乌江寨等一批存量旅游项目: a name before 等一批…项目.
    const batch = /等一批[^，。]{0,8}项目/.exec(clause);
    // (君乐宝3万吨乳粉等一批农业重点产业项目: a company's project with its capacity.)
    const before = batch && !name ? clause.slice(0, batch.index) : undefined;
    const named = before !== undefined ? (memberName(before, lex) ?? companyProject(before, lex)) : undefined;
    if (named) out.push(named);
    // 开工同德至玛沁等公路项目: one line named by its two ends before 等 and a kind of works.
    const etcAt = clause.indexOf('等');
    if (!member && etcAt > 0 && isWorksClass(clause.slice(etcAt))) {
      const route = ROUTE_MEMBER_RE.exec(trimLeading(clause.slice(0, etcAt), lex));
      if (route) out.push(`${route[1]}至${route[2]}`);
    }
    return;
  }
  // Most lists are of sectors or goods: with no 等, no count of a kind and no project found in it there is nothing to read.
  if (!clause.includes('等') && !found.some((f) => f.start >= base && f.start <= base + clause.length) && !COUNTED_KIND_RE.test(clause)) return;
  let items = clause.split('、');
  // 卡阳、松如沟等14个750千伏电网工程、青疆联网通道建设: a list that ends in 等 and its kind before the clause does.
  if (!items[items.length - 1].includes('等')) {
    const k = items.findIndex((x, i) => i < items.length - 1 && x.includes('等') && isWorksClass(x.slice(x.indexOf('等'))));
    if (k >= 0) {
      items = items.slice(0, k + 1);
      clause = items.join('、');
    }
  }
  if (!items[items.length - 1].includes('等')) sameKindMembers(text, base, base + clause.length, items, found, lex, out);
  let last = items[items.length - 1];
  const lastStart = base + clause.length - last.length;
  // (凌绥、台黑4条高速: a count of the kind ends the list as 等 does.)
  const counted = last.includes('等') ? null : COUNTED_KIND_RE.exec(last);
  const etc = counted ? counted.index : last.indexOf('等');
  const tail = counted ? `等${last.slice(etc)}` : last.slice(etc);
  let isList = false;
  const worksList = etc >= 0 && /^等[^，。]{0,8}(?:项目|工程)/.test(tail);
  const sites = etc >= 0 && SITES_RE.test(tail);
  // (宝硕、依棉、外贸印刷厂、金昌大厦等一批历史遗留难题; 兵装、国电等一批央企项目: problems or companies, not works.)
  if (etc >= 0 && /^等[^，。]{0,10}(?:难题|问题|企业|单位|央企|国企|民企|外企)/.test(tail)) return;
  // (长江上游、黄河上中游等地区的天然林保护工程: the places where the works are, not works; zones named with a
  // facility word stay members, 曹妃甸工业区、渤海新区等地区.)
  if (etc >= 0 && PLACES_ETC_RE.test(tail) && !items.some((x, k) => facilityEnd(k === items.length - 1 ? x.slice(0, etc) : x, 1) !== undefined)) return;
  // (新疆昆仑山、罗布人村寨等创建国家5A级旅游景区: a list of sites.)
  if (etc >= 0 && (worksList || isWorksClass(tail) || sites)) {
    isList = isWorksClass(tail) || sites;
    last = last.slice(0, etc);
  }
  // (全季酒店、航空大厦等6家酒店: items that end in a facility word in a list of that kind are names.)
  const kindList = etc >= 0 && isWorksClass(tail);
  // The last item is a project found by its facility word, from the item's start (津石高速公路), or two
  // items are (三峡工程、西电东送、青藏铁路、南水北调等重大建设).
  const lastFound = found.find((f) => f.start >= lastStart && f.start <= lastStart + 4 && f.end <= lastStart + last.length + 6);
  if (lastFound) isList = true;
  if (found.filter((f) => f.start >= base && f.end <= base + clause.length).length >= 2) isList = true;
  // 芯业时代8英寸半导体、比亚迪新能源汽车动力电池、…等项目: a list of company projects only.
  const companiesOnly = !isList && worksList;
  if (!isList && !worksList) return;
  items[items.length - 1] = last;
  const members = items.slice(0, lastFound ? -1 : undefined);
  // A list with a company or an institution in it is a list of those (中食数联、邮储银行等项目).
  if (items.some((x) => COMPANY_RE.test(x))) return;
  // A list of works with a common noun in it is one of sectors or goods (化纤、洗涤剂等建设项目).
  if (worksList && !lastFound && items.some((x) => kindOfFacility(trimLeading(x, lex), lex))) return;
  // (水电核电、特高压输电、智能电网、油气管网、城市轨道交通等重大项目: two items or more of common words only.)
  if (worksList && !lastFound && items.filter((x) => sectorItem(trimLeading(x, lex), lex)).length >= 2) return;
  // (疆电入湘、湘粤和湘黔背靠背联网工程: a member before 和 in the last item, whose works are named after it.)
  const head = lastFound ? /^(.+?)(?:以及|和|及|与)$/.exec(text.slice(lastStart, lastFound.start)) : null;
  const headName = head ? memberName(head[1], lex) : undefined;
  if (headName) out.push(headName);
  let anyNamed = false;
  const missed: string[] = [];
  for (const [k, item] of members.entries()) {
    // Items that hold a project of their own are mentions already; what follows it after 和 may be one
    // (京雄石城际和保忻、保张、保沧铁路).
    const at = base + items.slice(0, k).reduce((n, x) => n + x.length + 1, 0);
    const inside = found.filter((f) => f.start < at + item.length && at < f.end);
    let rest = item;
    if (inside.length) {
      const after = Math.max(...inside.map((f) => f.end)) - at;
      const conj = /^(?:和|及|与|以及)/.exec(item.slice(after));
      if (!conj) continue;
      rest = item.slice(after + conj[0].length);
    }
    const name = companiesOnly
      ? (companyProject(rest, lex) ?? facilityMember(rest, lex)) // (京雄快线、国贸中心等工程: a facility among works)
      : (memberName(rest, lex, sites) ?? (worksList ? companyProject(rest, lex) : undefined) ?? (kindList || worksList ? facilityMember(rest, lex) : undefined));
    if (name) {
      out.push(name);
      anyNamed = true;
    } else missed.push(rest);
  }
  // A list of works that holds company projects holds more of them, whatever their first words (亿纬锂能沈阳工厂,
  // 人和集团新能源材料, 榆能百万吨煤制芳烃 beside a member read as one).
  if (worksList && (anyNamed || lastFound)) for (const rest of missed) {
    const name = siblingProject(rest, lex);
    if (name) out.push(name);
  }
}

/**
 * 世界闽南文化交流中心、妈祖文化中心、两岸流行文化中心建设: in a list without 等, items that end in the facility word of a
 * project found among them (text[base, end)) are of its kind; every item must end in that word.
 */
function sameKindMembers(text: string, base: number, end: number, items: string[], found: Span[], lex: Lexicon, out: string[]): void {
  const one = found.find((f) => f.start >= base && f.end <= end);
  const k = one && facilityEnd(text.slice(one.start, one.end), 1);
  if (!one || !k) return;
  const word = text.slice(one.end - k, one.end);
  const last = items[items.length - 1];
  const cut = [...items.slice(0, -1), last.slice(0, last.lastIndexOf(word) + word.length)];
  if (!cut.every((x) => x.endsWith(word))) return;
  let at = base;
  for (const item of cut) {
    const holds = found.some((f) => f.start < at + item.length && at < f.end);
    const name = trimLeading(item, lex);
    if (!holds && kindMember(name.slice(0, -word.length), lex) && !kindOfFacility(name, lex)) out.push(name);
    at += item.length + 1;
  }
}

/** A word that acts on a name rather than being part of it: a predicate, a verb (not a verbal noun), an adverb, a pronoun, a conjunction, a preposition. */
const acting = (w: LexToken) => PREDICATE.has(w.word) || (w.word.length > 1 && /^(?:v|d|r|c|p)/.test(w.tag) && w.tag !== 'vn');

/** What names a member of such a list: a noun that is no generic one (妈祖, not 交流|合作), and no verb or function character. */
function kindMember(rest: string, lex: Lexicon): boolean {
  const actingOrFunction = (w: LexToken) => acting(w) || (w.word.length === 1 && FUNCTION_CHARS.has(w.word));
  return rest.length >= 2 && !anyWordAfter(lex, rest, 0, rest.length, actingOrFunction) && anyWordAfter(lex, rest, 0, rest.length, (w) => w.word.length > 1 && !GENERIC.has(w.word) && /^(?:n|j|x)/.test(w.tag));
}

const COUNTED_IN_RE = /[\d一二三四五六七八九十两]+[个家座项条处]/;
/** A member of a list of works beside company projects: a name of a few words that is no kind, sector or company. */
function siblingProject(item: string, lex: Lexicon): string | undefined {
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

const SITE_RE = /^([\u4e00-\u9fff]{2,4}[宫寺塔楼阁殿园])(?:文化园|文化公园|遗址公园|景区|文化旅游区|旅游区|古城|小镇)$/;
/** 平漯周高铁项目 → 平漯周高铁: a name without 项目/工程 when what is left still ends in a facility word. */
export function shortForms(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    // 上阳宫文化园 → 上阳宫: a site named by a one-character facility word inside a park or town named after it.
    const site = SITE_RE.exec(n);
    if (site && !SUFFIX_CLASS.has(site[1].slice(-2))) out.push(site[1]);
    const m = /^(.{3,})(?:项目|工程)$/.exec(n);
    if (!m) continue;
    const rest = m[1];
    const tail = [2, 3, 4].map((k) => rest.slice(-k)).find((t) => SUFFIX_CLASS.get(t) === 'proper');
    if (tail && rest.length > tail.length + 1) out.push(rest);
  }
  return out;
}
