// Project names that do not end in their own facility word (spec.md, "Projects"):
// - members of a list of projects, written short before the shared facility word (荣乌、西阜、津石高速公路;
//   三峡工程、西电东送、南水北调等重大建设; 平漯周、焦济洛平、郑州南站等高铁项目);
// - the short form of a project later in the text (平漯周高铁项目 … 平漯周高铁).
// Which items of a list are names is projectMembers.ts.
import { institutionOnly } from './projectFilters';
import { charTable, indexOfAny } from './text';
import { HIGHWAY_NAME_RE } from './projectHighways';
import { DIVERSION_FORM, NAMED_PLAN_FORM, PUDONG_FORM } from './projectProgrammes';
import type { Lexicon } from './projectLexicon';
import { SUFFIX_CLASS } from './projectWords';
import { SpanIndex } from './spanIndex';
import { COMPANY_RE, companyProject, facilityEnd, facilityMember, kindMember, kindOfFacility, memberName, ROUTE_MEMBER_RE, sectorItem, siblingProject, trimLeading, vouchedMembers } from './projectMembers';
import type { Span } from './types';

/** What a list's other items end with when they are no facility: a region, a cluster, a trial, a laboratory, an event. */
const NOT_SIBLING_END_RE = /(?:经济带|圈|集群|试点|实验室|火灾|事故)$/;
/** A list: items separated by 、 inside one clause. */
/** …等遗址, 等景区: a list of sites. */
const SITES_RE = /^等(?:[一二三四五六七八九十\d]+[个处座])?(?:重要|重点|大遗址|考古|创建国家5A级旅游|创建国家级旅游|创建5A级)?(?:遗址|遗迹|景区|景点|古迹)/;
/** What ends a clause for a list. */
const CLAUSE_BREAK = charTable('，。；！？：,;!?:');
const ETC_WORKS_RE = /等(?:(?:一批|[\d一二三四五六七八九十]+个)?(?:重大|重点)?项目|(?:重要|重点|考古|创建国家5A级旅游)?(?:遗址|遗迹|景区|景点|古迹)|一批[^，。、]{0,8}?项目|(?:省际)?(?:公路|铁路|高速|高铁|大通道)|特高压|[\d一二三四五六七八九十]+[条座处个](?:煤矿|气田|油田|遗址|水库|机场|高铁|铁路|高速)|\d+千伏)/y;
/** The index in `etcs` (the places of the text's 等, in order) of the first from etcs[k] on that opens 等项目, 等一批重大项目, …; etcs.length when none does. */
function nextEtcWorks(text: string, etcs: readonly number[], k: number): number {
  for (; k < etcs.length; k++) {
    ETC_WORKS_RE.lastIndex = etcs[k];
    if (ETC_WORKS_RE.test(text)) return k;
  }
  return k;
}
/**
 * …等 + what the items are: lines, zones, sites (not companies, products or brands), or works of a kind
 * (等高铁项目, 等安置房项目; 等一批重大项目 says nothing: 中食数联、…等一批大项目 has a company in it).
 */
const LIST_CLASS_RE =
  /^(?:高铁|铁路|高速|公路|城际|航道|灌区|园区|产业园|产业带|遗址|遗迹|景区|景点|港口|机场|枢纽|水库|场馆|基地|酒店|商圈|街区|楼盘|地块|楼宇|专业市场|批发市场|煤矿|露天矿|气田|油田|电站|水电站|抽水蓄能电站|大通道|特高压|客运专线|码头|港区|电厂|变电站|蓄滞洪区|(?!开发建设)(?:[\u4e00-\u9fff]{1,4}?(?:项目|工程)|(?![\u4e00-\u9fff]?[县市区乡镇村]建设)[\u4e00-\u9fff]{2,4}?建设))/;
/** What may stand between 等 and the kind of works: a count, a qualifier. */
const LIST_COUNT_RE = /^等(?:一批|[\d一二三四五六七八九十—-]+[个项条座处家所大])?(?:\d+千伏)?(?:全市|全省|重大|重点|大型|大|基础设施|公共服务|民生|基础|国省干线|干线|省际|国省道)*/;

/** Sectors and goods before 项目 or 工程 (领域项目, 有色金属项目): no works of a kind. */
const SECTOR_WORKS_RE = /^[\u4e00-\u9fff]{0,4}?(?:领域|行业|金属|材料)(?:项目|工程)/;
/** Whether the text from 等 on says the items are works of a kind. */
function isWorksClass(rest: string): boolean {
  const after = rest.slice(LIST_COUNT_RE.exec(rest)![0].length);
  // (风电光伏、新一代煤电、新型储能等11个重点领域项目; 铝镁、黄金等有色金属项目: sectors and goods, not works.)
  if (SECTOR_WORKS_RE.test(after)) return false;
  return LIST_CLASS_RE.test(after);
}
/** A count of lines or sites right after the last item (台黑4条高速, 西十2条高铁). */
const COUNTED_KIND_RE = /(?<=[\u4e00-\u9fff])[\d一二三四五六七八九十]+[条座处个](?=高铁|铁路|高速|公路|城际|机场|水库|枢纽|港口|抽水蓄能电站|水电站)/;
/** The unit and kind every such count holds: the look-behind above is tried at every character, this is found fast. */
const COUNTED_KIND_CORE_RE = /[条座处个](?:高铁|铁路|高速|公路|城际|机场|水库|枢纽|港口|抽水蓄能电站|水电站)/;
/** 等11处, 等4条 (a count of the kind), 等500千伏 (a power line's or substation's voltage). */
const COUNTED_ETC_RE = /等(?:[\d一二三四五六七八九十]+[条座处个]|\d+千伏)/;
/**
 * What after a 等 makes a clause without 、 worth reading: sites (等遗址, 等4处景区), works (等项目, 等重大项目, 等一批),
 * a count of a kind or a voltage (等11处, 等500千伏), lines (等省际公路, 等高铁). Read at each 等 (sticky), not
 * searched for over the paragraph once per form.
 */
const SINGLE_ETC_RE =
  /等(?:(?:[一二三四五六七八九十\d]+[个处座])?(?:重要|重点|考古|创建国家5A级旅游)?(?:遗址|遗迹|景区|景点|古迹)|项目|重大项目|重点项目|一批|[\d一二三四五六七八九十]+[条座处个]|\d+千伏|(?:省际)?(?:公路|铁路|高速|高铁|大通道|特高压|客运专线))/y;
/** Whether a 等 of `text` (at `etcs`) opens one of SINGLE_ETC_RE's forms. */
function hasSingleEtc(text: string, etcs: readonly number[]): boolean {
  for (let k = 0; k < etcs.length; k++) {
    SINGLE_ETC_RE.lastIndex = etcs[k];
    if (SINGLE_ETC_RE.test(text)) return true;
  }
  return false;
}
/** 等 and a kind of places: 等地区, 等12个省份, 等重点流域. */
const PLACES_ETC_RE = /^等(?:[\d一二三四五六七八九十]+个)?(?:重点|沿线)?(?:地区|区域|流域|省份|省区|城市|地市|县市|市县|市州|地方)/;


/** 等11处煤矿, 等水电站, 4个抽水蓄能电站: kinds of plants and mines, whose members are named by words the dictionary reads otherwise. */
const VOUCHING_KIND_RE = /^(?:煤矿|露天矿|气田|油田|(?:抽水蓄能|水|火|光热)?电站|水库|机场|变电站|(?:电网|输变电)工程)/;
/** Whether the text from 等 (or a count) on names such a kind. */
const vouches = (tail: string) => VOUCHING_KIND_RE.test(tail.slice(LIST_COUNT_RE.exec(tail)![0].length));

/**
 * Sets in `table`, for the caller's pass over a paragraph (findProjectNames in projects.ts): `listBreak` at what ends a
 * list's clause, `comma` at 、, `etc` at 等. From their places listMembers reads the paragraph's lists without a
 * search of its own for 、 and 等 and a walk to each clause's ends.
 */
export function markListChars(table: Uint8Array, listBreak: number, comma: number, etc: number): Uint8Array {
  for (let c = 0; c < CLAUSE_BREAK.length; c++) if (CLAUSE_BREAK[c] !== 0) table[c] |= listBreak;
  table[0x3001 /* 、 */] |= comma;
  table[0x7b49 /* 等 */] |= etc;
  return table;
}

/**
 * Members of the lists whose last item is a project found in the paragraph (spans) or that end in 等 and a
 * kind of works: the items before it, as written. `lists`: the clauses that hold a 、 (start and end in turn, ends
 * as CLAUSE_BREAK or the text's end gives them); `etcs`: the places of 等; both in text order, from the caller's pass.
 */
export function listMembers(text: string, spans: readonly Span[], lex: Lexicon, lists: readonly number[], etcs: readonly number[]): string[] {
  const out: string[] = [];
  const single = hasSingleEtc(text, etcs);
  if (lists.length === 0 && !single) return out;
  const found = new SpanIndex(spans);
  // The clauses that hold a 、 or (one company project) 等…项目, in order: lists[l] is the next list's start, etcs[b]
  // the next 等…项目, etcs[e] the first 等 at or after the clause's start (each passed once).
  let b = single ? nextEtcWorks(text, etcs, 0) : etcs.length;
  let e = 0;
  let l = 0;
  for (let from = 0; ; ) {
    while (l < lists.length && lists[l] < from) l += 2;
    if (b < etcs.length && etcs[b] < from) {
      let k = b + 1;
      while (k < etcs.length && etcs[k] < from) k++;
      b = nextEtcWorks(text, etcs, k);
    }
    const atEtc = b < etcs.length ? etcs[b] : -1;
    let base: number;
    let end: number;
    if (atEtc >= 0 && (l >= lists.length || atEtc < lists[l])) {
      // (A 等…项目 before the next list, in a clause of its own.)
      base = atEtc;
      while (base > 0 && !CLAUSE_BREAK[text.charCodeAt(base - 1)]) base--;
      end = atEtc;
      while (end < text.length && !CLAUSE_BREAK[text.charCodeAt(end)]) end++;
    } else if (l < lists.length) {
      base = lists[l];
      end = lists[l + 1];
    } else break;
    from = end + 1;
    while (e < etcs.length && etcs[e] < base) e++;
    const nextEtc = e < etcs.length ? etcs[e] : text.length;
    // (A list with no 等, no project found in it and no count of a kind: listClause would return at once. Told
    // here from the characters, without slicing the clause; most lists are of sectors or goods.)
    if (nextEtc >= end && !found.startsIn(base, end) && indexOfAny(COUNT_UNITS, text, base, end) < 0) continue;
    // 推进石武、津秦等客运专线及大广、保阜等高速公路建设: two lists, each ending in 等 and its kind, joined.
    // (Only a clause with a 、 after its first 等 is matched: the pattern needs both.)
    const joined = nextEtc < end && text.lastIndexOf('、', end - 1) > nextEtc ? JOINED_LISTS_RE.exec(text.slice(base, end)) : null;
    if (joined && isWorksClass(joined[0].replace(/(?:及|和|以及|与)$/, ''))) {
      const cut = base + joined.index + joined[0].length;
      listClause(text, base, text.slice(base, cut - (joined[0].endsWith('以及') ? 2 : 1)), found, lex, out);
      listClause(text, cut, text.slice(cut, end), found, lex, out);
    } else listClause(text, base, text.slice(base, end), found, lex, out);
  }
  return out;
}

/**
 * The items of a list clause, between its 、: clause.split('、') as slices. (V8 puts the strings split makes into its
 * table of internalized strings, a look-up and an insertion each, and the clause's items are new text each time.)
 */
function itemsOf(clause: string): string[] {
  const items: string[] = [];
  let from = 0;
  for (let at = clause.indexOf('、'); at >= 0; at = clause.indexOf('、', from)) {
    items.push(clause.slice(from, at));
    from = at + 1;
  }
  items.push(clause.slice(from));
  return items;
}

/** …等 and, a few characters on, projects or works: a list of works (等重大项目, 等一批农业重点产业项目). */
const WORKS_ETC_RE = /^等[^，。]{0,8}(?:项目|工程)/;

/** 等 and its kind, then a conjunction and another list (…等客运专线及大广、…). */
const JOINED_LISTS_RE = /等[^、，。等]{0,10}?(?:及|和|以及|与)(?=[^、]+、)/;
/** …等 and problems or companies (等一批历史遗留难题, 等一批央企项目): no works. */
const PROBLEMS_ETC_RE = /^等[^，。]{0,10}(?:难题|问题|企业|单位|央企|国企|民企|外企)/;

/** The units a count of a kind takes (COUNTED_KIND_CORE_RE). */
const COUNT_UNITS = charTable('条座处个');

/** The members of the lists of one clause (text[base, base + clause.length)), onto `out`. */
function listClause(text: string, base: number, clause: string, found: SpanIndex, lex: Lexicon, out: string[]): void {
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
      const tail = clause.slice(one.index);
      const item = clause.slice(0, one.index).split(/[和及与]|项目|工程/).pop()!;
      const m = isWorksClass(tail) ? (memberName(item, lex, counted) ?? (vouches(tail) ? vouchedMembers(item, lex)[0] : undefined)) : undefined;
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
  if (!clause.includes('等') && !found.startsIn(base, base + clause.length) && !(COUNTED_KIND_CORE_RE.test(clause) && COUNTED_KIND_RE.test(clause))) return;
  // With no project found in it (none starts in it, nor at the few characters after it that a last item's may), a list
  // whose last item holds 等 names members only when the 等 opens a kind of works or sites: told from that tail alone,
  // before the clause is split and its other tests are made (most lists with 等 end in sectors: 等领域, 等方面).
  if (!found.startsIn(base, base + clause.length + 4)) {
    const etc = clause.indexOf('等', clause.lastIndexOf('、') + 1);
    if (etc >= 0) {
      const tail = clause.slice(etc);
      if (!WORKS_ETC_RE.test(tail) && !SITES_RE.test(tail) && !isWorksClass(tail)) return;
    }
  }
  let items = itemsOf(clause);
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
  const counted = last.includes('等') || !COUNTED_KIND_CORE_RE.test(last) ? null : COUNTED_KIND_RE.exec(last);
  const etc = counted ? counted.index : last.indexOf('等');
  const tail = counted ? `等${last.slice(etc)}` : last.slice(etc);
  let isList = false;
  const worksList = etc >= 0 && WORKS_ETC_RE.test(tail);
  const sites = etc >= 0 && SITES_RE.test(tail);
  // (宝硕、依棉、外贸印刷厂、金昌大厦等一批历史遗留难题; 兵装、国电等一批央企项目: problems or companies, not works.)
  if (etc >= 0 && PROBLEMS_ETC_RE.test(tail)) return;
  // (长江上游、黄河上中游等地区的天然林保护工程: the places where the works are, not works; zones named with a
  // facility word stay members, 曹妃甸工业区、渤海新区等地区.)
  if (etc >= 0 && PLACES_ETC_RE.test(tail) && !items.some((x, k) => facilityEnd(k === items.length - 1 ? x.slice(0, etc) : x, 1) !== undefined)) return;
  // (新疆昆仑山、罗布人村寨等创建国家5A级旅游景区: a list of sites.)
  // (全季酒店、航空大厦等6家酒店: items that end in a facility word in a list of that kind are names.)
  const kindList = etc >= 0 && isWorksClass(tail);
  if (etc >= 0 && (worksList || kindList || sites)) {
    isList = kindList || sites;
    last = last.slice(0, etc);
  }
  const plants = kindList && vouches(tail);
  // The last item is a project found by its facility word, from the item's start (津石高速公路), or two
  // items are (三峡工程、西电东送、青藏铁路、南水北调等重大建设).
  const lastFound = found.first(lastStart, lastStart + 4, lastStart + last.length + 6);
  if (lastFound) isList = true;
  if (found.countWithin(base, base + clause.length) >= 2) isList = true;
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
  let next = base;
  for (const item of members) {
    const at = next;
    next += item.length + 1;
    // Items that hold a project of their own are mentions already; what follows it after 和 may be one
    // (京雄石城际和保忻、保张、保沧铁路).
    const insideEnd = found.overlapEnd(at, at + item.length); // (the end of the last project inside the item)
    let rest = item;
    if (insideEnd !== -Infinity) {
      anyNamed = true; // (a project of its own: the list is of projects)
      const after = insideEnd - at;
      const conj = /^(?:和|及|与|以及)/.exec(item.slice(after));
      if (!conj) continue;
      rest = item.slice(after + conj[0].length);
    }
    const name = companiesOnly
      ? (companyProject(rest, lex) ?? facilityMember(rest, lex)) // (京雄快线、国贸中心等工程: a facility among works)
      : (memberName(rest, lex, sites) ?? (worksList ? companyProject(rest, lex) : undefined) ?? (kindList || worksList ? facilityMember(rest, lex) : undefined));
    const names = name ? [name] : plants ? vouchedMembers(rest, lex) : [];
    for (const n of names) if (!institutionOnly(n)) out.push(n);
    if (names.length > 0) anyNamed = true;
    else missed.push(rest);
  }
  // A list of works that holds company projects, or projects found by their facility words, holds more of them,
  // whatever their first words (亿纬锂能沈阳工厂, 人和集团新能源材料, 榆能百万吨煤制芳烃 beside a member read as one;
  // 中能建绿色醇油基地 beside 庄河核电一期).
  // (In a list of facilities that holds one found by its facility word, a sibling of the kind above too: 均和艺创谷 beside
  // 凤凰谷产业园; not an item that describes, 的 or 和 inside, a superlative, a region, a cluster or a trial.)
  if ((worksList || isList) && (anyNamed || lastFound)) for (const rest of missed) {
    if (!worksList && (/[的和等最与及]/.test(rest) || NOT_SIBLING_END_RE.test(rest) || institutionOnly(rest))) continue;
    const name = siblingProject(rest, lex);
    if (name) out.push(name);
  }
}

/**
 * 世界闽南文化交流中心、妈祖文化中心、两岸流行文化中心建设: in a list without 等, items that end in the facility word of a
 * project found among them (text[base, end)) are of its kind; every item must end in that word.
 */
function sameKindMembers(text: string, base: number, end: number, items: string[], found: SpanIndex, lex: Lexicon, out: string[]): void {
  const one = found.first(base, end, end);
  const k = one && facilityEnd(text.slice(one.start, one.end), 1);
  if (!one || !k) return;
  const word = text.slice(one.end - k, one.end);
  const last = items[items.length - 1];
  const cut = [...items.slice(0, -1), last.slice(0, last.lastIndexOf(word) + word.length)];
  if (!cut.every((x) => x.endsWith(word))) return;
  let at = base;
  for (const item of cut) {
    const holds = found.overlapEnd(at, at + item.length) !== -Infinity;
    const name = trimLeading(item, lex);
    if (!holds && kindMember(name.slice(0, -word.length), lex) && !kindOfFacility(name, lex) && !institutionOnly(name)) out.push(name);
    at += item.length + 1;
  }
}

const SITE_RE = /^([\u4e00-\u9fff]{2,4}[宫寺塔楼阁殿园])(?:文化园|文化公园|遗址公园|景区|文化旅游区|旅游区|古城|小镇)$/;
/** The last characters of SITE_RE's matches, and of WORKS_NAME_RE's (项目, 工程): the patterns are tried only on names ending in one. */
const SITE_LAST = 1;
const WORKS_LAST = 2;
const NAME_LAST = charTable('目程', WORKS_LAST, charTable('园区城镇', SITE_LAST));
const WORKS_NAME_RE = /^(.{3,})(?:项目|工程)$/;
/** 平漯周高铁项目 → 平漯周高铁: a name without 项目/工程 when what is left still ends in a facility word. */
export function shortForms(names: string[]): string[] {
  const out: string[] = [];
  // (Loops and patterns made once: a pattern literal here was a new object for each name, and the tails an array and a closure.)
  for (let k = 0; k < names.length; k++) {
    const n = names[k];
    const last = n.charCodeAt(n.length - 1);
    // 上阳宫文化园 → 上阳宫: a site named by a one-character facility word inside a park or town named after it.
    const site = NAME_LAST[last] === SITE_LAST ? SITE_RE.exec(n) : null;
    if (site && !SUFFIX_CLASS.has(site[1].slice(-2))) out.push(site[1]);
    const m = NAME_LAST[last] === WORKS_LAST ? WORKS_NAME_RE.exec(n) : null;
    if (!m) continue;
    const rest = m[1];
    let tail: string | undefined;
    for (let j = 2; j <= 4 && tail === undefined; j++) {
      const t = rest.slice(-j);
      if (SUFFIX_CLASS.get(t) === 'proper') tail = t;
    }
    if (tail && rest.length > tail.length + 1) out.push(rest);
  }
  return out;
}

// For collectProjects (projects.ts): whether a name it finds again is a list member's short form, a mention only in a list.
const PROGRAMME_FORM_RE = new RegExp(
  `^(?:[东西南北][电气水煤油粮][东西南北][送输调运]|${DIVERSION_FORM}|退[耕牧田渔]还[林草湖海]|[疆宁青陇蒙晋陕川藏黔滇甘皖鄂湘赣豫冀鲁辽吉黑][电煤气]入[\\u4e00-\\u9fff]|([村户组镇乡])\\1通|${NAMED_PLAN_FORM}|${PUDONG_FORM})$`,
);
/** A name that ends in no facility word and is no programme's form: a list member. */
function isBare(name: string): boolean {
  if (PROGRAMME_FORM_RE.test(name) || HIGHWAY_NAME_RE.test(name)) return false;
  // 中印尼“两国双园”: a quoted name ends in its facility word inside the closing quote.
  if (name.endsWith('”') || name.endsWith('"')) name = name.slice(0, -1);
  for (let k = Math.min(6, name.length); k >= 1; k--) if (SUFFIX_CLASS.has(name.slice(-k))) return false;
  return !/(?:段|期|扩建|迁建|改建|[东西南北]延|[一二三四五六外]环|环路|[一二三四]线)$/.test(name);
}

/** isBare, kept by name in `bare` (a name's mentions ask again and again). */
export function bareName(name: string, bare: Map<string, boolean>): boolean {
  let is = bare.get(name);
  if (is === undefined) bare.set(name, (is = isBare(name)));
  return is;
}
