// Names the scan reads that are no project's (spec.md, "Projects": campaigns and slogans are not projects):
// checks on a name once its words are known, kept apart from the scan itself (projectScan.ts).
import { charBits, GENERIC, OPERATING, PREDICATE } from './projectWords';

/** A word of a name as the scan read it. */
export interface NameWord {
  word: string;
  tag: string;
  kind: string;
}

/** 县县通高速, 乡乡基本通三级以上公路: a slogan of coverage, whatever facility word ends it. */
const COVERAGE_RE = /^([县乡村镇市户组])\1/;
/**
 * What a campaign of works does (农村电商高质量发展工程, 文明乡风建设工程, 湖湘文化精品创作工程): works named by
 * such a verb with no facility in the name are a programme of a department, not a project.
 */
const CAMPAIGN_VERBS = new Set([
  '发展', '建设', '提质', '提升', '创作', '引育', '惠民', '保护', '培育', '振兴', '焕新', '提档', '育人', '树人', '利用', '圆梦', '助学', '巩固', '示范', '美化',
]);

/** Whether `before` ends in one of CAMPAIGN_VERBS (its last two or four characters: no array and closure per name). */
const campaignEnding = (before: string) => CAMPAIGN_VERBS.has(before.slice(-2)) || CAMPAIGN_VERBS.has(before.slice(-4));

/** What a market is for when it is no marketplace: a region or a scope (拉美市场, RCEP成员国市场, 国内国际双循环市场). */
const WORLD_REGIONS = new Set(['拉美', '欧美', '美欧', '东盟', '非洲', '中东', '中亚', '日韩', '欧盟', '欧洲', '东南亚', '东北亚', '南亚', '全球', '京津', '京津冀', '长三角', '珠三角', '国内外', '省内外']);
const MARKET_SCOPE = new Set(['成员国', '国内', '国际', '海外', '境外', '新兴', '传统', '资本', '要素', '消费', '循环', '双循环', '金融', '劳动力', '水权', '水']);

/** Designated zones: named by a place or a proper name, else a kind of zone (改革开放先导区, 营商环境示范区). */
const DESIGNATED_ZONE = new Set(['示范区', '先行区', '先导区', '试验区', '实验区', '引领区', '先行试验区']);

/** Whether a place, or a proper name of two characters or more tagged as `tags` has it, is among the words. */
const namedBy = (words: readonly NameWord[], tags: RegExp) => words.some((t) => t.tag === 'ns' || (t.kind === 'proper' && t.word.length > 1 && tags.test(t.tag)));

// 京津冀国家技术创新中心河北中心, 国家技术转移海南中心, 西安交通大学国际化区域创新中心: a national designation of science
// and technology, or a university's innovation centre, is an institution (中关村创新中心 is a place's).
const SCIENCE_DESIGNATION_RE = /国家[\u4e00-\u9fff]{0,6}(?:技术|创新)[\u4e00-\u9fff]{0,8}(?:中心|基地)$|(?:大学|学院)[\u4e00-\u9fff]{0,10}创新中心$/;
/** 省图书馆, 省文化馆, 新县医院: the province's or the county's own, named by its level only (GUIDELINES.md; 河北博物馆 is named). */
const LEVEL_ONLY_RE =
  /^新?[省市县区](?:人民|中心|第[一二三四五六七八九十]人民)?(?:文化馆|图书馆|博物馆|美术馆|科技馆|体育馆|体育场|体育中心|医院|中医院|妇幼保健院|档案馆|大剧院|剧院|会展中心)(?:[一二三四五六七八九十]期)?$/;
/** Whether a name is an institution's, not a project's: a designation of science and technology, or a level's own facility (with its phase: 省图书馆二期). */
// (Each pattern only where its last or first characters allow it: most names end in neither 中心 nor 基地.)
export const institutionOnly = (name: string) =>
  (endsInCentreOrBase(name) && SCIENCE_DESIGNATION_RE.test(name)) || ((CHARS[name.charCodeAt(name.charCodeAt(0) === NEW_CODE ? 1 : 0)] & LEVEL_FIRST) !== 0 && LEVEL_ONLY_RE.test(name));
const NEW_CODE = '新'.charCodeAt(0);

/** Whether `name` ends in 中心 or 基地 (what SCIENCE_DESIGNATION_RE's names end in). */
function endsInCentreOrBase(name: string): boolean {
  const n = name.length;
  const last = name.charCodeAt(n - 1);
  return n > 2 && ((last === 0x5fc3 /* 心 */ && name.charCodeAt(n - 2) === 0x4e2d) /* 中 */ || (last === 0x5730 /* 地 */ && name.charCodeAt(n - 2) === 0x57fa /* 基 */));
}

/** Whether a place or a facility is among the words: works named by what they do need one to be named. */
const placeOrFacility = (words: readonly NameWord[]) => words.some((t) => t.kind === 'suffix' || t.tag === 'ns');

// notAProject's patterns, as constants: a regular expression literal in a function body is a new object at every call.
const LEVEL_END_RE = /[省市县区镇乡村]$/;
const RANK_OR_ROLE_RE = /世界级|重要|最大|先行先试|制度改革|类国家|^中国特色/;
const RATED_FACTORY_RE = /(?:(?<!超)级|5G|智能|数字化)工厂$/;
const PLANT_NAME_TAGS = /^(?:nr|nz|nt|j)/;
const NUMBERED_PLANT_RE = /^第[一二三四五六七八九十][\u4e00-\u9fff]{3}/;
const LINE_NAME_TAGS = /^(?:nr|nz|nt|j|x)/;
const BASE_NAME_TAGS = /^(?:nz|nr|nt|j|x|eng|quote)/;
const LIST_END_RE = /(?<![高中初])等/;
const INSTITUTION_BASE_RE = /(?:实验室|研究院|研究所)[\u4e00-\u9fff]{0,4}(?:基地|分中心|中心)$/;
const PROGRAMME_SUPPORT_RE = /^(?:[东西南北][电气水煤油粮][东西南北][送输调运]|引[\u4e00-\u9fff][济入补][\u4e00-\u9fff])配套(?:工程|项目)$/;
const LINE_REACHED_RE = /(?:全部|全面|均|都|已|基本|[村乡镇县户])通$/;
const GRADE_RE = /^[\dA-Z]*[A-Z]级/;
const DIRECTIONS_RE = /^[东西南北中]+$/;
/** Bits of CHARS: LEVEL_ONLY_RE's, GRADE_RE's and DIRECTIONS_RE's first characters; COUNT_BEFORE_RE's last and COUNT_AFTER_RE's first. */
const LEVEL_FIRST = 1;
const GRADE_FIRST = 2;
const DIRECTION_FIRST = 4;
const COUNT_LAST = 8;
const COUNT_FIRST = 16;
/** As bits of one table: the characters the patterns' names start or end with (the patterns are tried only on them). */
const CHARS = charBits([
  ['省市县区', LEVEL_FIRST],
  ['0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', GRADE_FIRST],
  ['东西南北中', DIRECTION_FIRST],
  // (What COUNT_BEFORE_RE's matches end with, and COUNT_AFTER_RE's start with.)
  ['个家座处所条大瓦吨伏批干', COUNT_LAST],
  ['0123456789０１２３４５６７８９一二三四五六七八九十两百千', COUNT_FIRST],
]);

/** Whether the name read from `words` (facility word last, not among them) names no project. */
export function notAProject(name: string, words: NameWord[], suffix: string): boolean {
  if (name.charCodeAt(0) === name.charCodeAt(1) && COVERAGE_RE.test(name)) return true;
  // (永靖县项目建设: a county's projects in general; a place alone names no works.)
  if ((suffix === '项目' || suffix === '工程') && words.length === 1 && words[0].tag === 'ns' && LEVEL_END_RE.test(words[0].word)) return true;
  // (北海涠洲岛, 黑瞎子岛, 珠海横琴岛: an island named by a proper name is land; 智慧岛, 国际旅游岛, 中原智慧岛漯河岛 are built.)
  if (suffix === '岛' && words.length > 0 && words[words.length - 1].kind === 'proper' && !words.some((t) => t.kind === 'suffix')) return true;
  // (世界级菱镁产业基地, 西南重要国际物流枢纽, 最大港口客滚综合枢纽, CEPA先行先试示范基地, 中国特色自由贸易港: a rank, a
  // role or a policy trial described, not a name.)
  if (RANK_OR_ROLE_RE.test(name)) return true;
  if (name.endsWith('工厂') && RATED_FACTORY_RE.test(name)) return true; // (领航级智能工厂, 工信部5G工厂: a factory's rating)
  // (A plant is named by its place or a proper name, 吉林肥料厂, 北京国棉二厂, or by its number, 第一汽车制造厂; not by its
  // kind, 滚珠轴承厂, 土炼油厂, 出口专厂.)
  if ((suffix === '厂' || suffix === '矿') && !namedBy(words, PLANT_NAME_TAGS) && !NUMBERED_PLANT_RE.test(name)) return true;
  // (浮法、高级镀膜玻璃生产线: a line of a product is named by a place or a company, 彩虹咸阳…玻璃生产线, not by its kind.)
  if (suffix === '生产线' && !namedBy(words, LINE_NAME_TAGS)) return true;
  // (玉米制种基地, 优质冷水鱼供应基地: a base of a product is named by a place or a proper name, not by pieces.)
  if (suffix === '基地' && !namedBy(words, BASE_NAME_TAGS) && !words.some((t) => t.kind === 'numeric')) return true;
  // (算电协同|等智能新基建工程: 等 ends a list, no name holds it but 高等, 中等; 怀柔实验室新疆基地: an institution's.)
  if ((name.includes('等') && LIST_END_RE.test(name)) || (endsInCentreOrBase(name) && INSTITUTION_BASE_RE.test(name))) return true;
  // (南水北调配套工程: the programme's supporting works are the programme, 南水北调.)
  if (name.length === 8 && PROGRAMME_SUPPORT_RE.test(name)) return true;
  // (中心城市全部通高铁, 建制村通公路: a line reached, no line named.)
  if (name.charCodeAt(name.length - suffix.length - 1) === 0x901a /* 通 */ && LINE_REACHED_RE.test(name.slice(0, name.length - suffix.length))) return true;
  // A grade is a designation, not a name (A级旅游景区, 5A级景区, S级滑雪场提升工程); directions alone name no line
  // (东西南北大通道).
  // (西大街, 南大街: a street named by its direction is a name.)
  if (((CHARS[name.charCodeAt(0)] & GRADE_FIRST) !== 0 && GRADE_RE.test(name)) || ((CHARS[name.charCodeAt(0)] & DIRECTION_FIRST) !== 0 && DIRECTIONS_RE.test(name.slice(0, name.length - suffix.length)) && !(suffix === '大街' && name.length === 3))) return true;
  // Economic zones are regions (北部湾经济区, 海西经济区), but around an airport they are built (洛阳空港经济区,
  // 北京新机场临空经济区): a facility inside the name.
  if (suffix === '经济区' && !name.includes('临空') && !words.some((t) => t.kind === 'suffix')) return true;
  // (打造临空经济区: one around no airport named.)
  if (suffix === '经济区' && !words.some((t) => (t.kind === 'proper' && t.word !== '临空') || t.kind === 'suffix')) return true;
  // (The dictionary's rare nouns, nx, are no names here: 改革开放, 营商环境 read as such.)
  if (DESIGNATED_ZONE.has(suffix) && !words.some((t) => t.kind === 'proper' && t.tag !== 'nx')) return true;
  // 国家绿色算电协同发展示范区: a national designation with no place in it (a place names one: 国家…青海湖示范区).
  if (DESIGNATED_ZONE.has(suffix) && name.startsWith('国家') && !words.some((t) => t.tag === 'ns')) return true;
  // A marketplace is named by its goods (七一路海鲜市场, 紫金城机电市场), not by a region, a scope or a verb.
  if (suffix === '市场' && words.length > 0) {
    const last = words[words.length - 1];
    // (Not by the dictionary's tags: it has 海鲜 for a place.)
    if (MARKET_SCOPE.has(last.word) || WORLD_REGIONS.has(last.word) || last.kind === 'verb' || last.tag.startsWith('v')) return true;
  }
  if (suffix === '工程' && words.length > 0) {
    const last = words[words.length - 1];
    const before = name.slice(0, name.length - suffix.length);
    const campaign = campaignEnding(before) || last.tag === 'i' || (last.tag === 'l' && last.word.length >= 4);
    // (A facility in the name makes it works on that facility: 花溪湿地文化旅游设施建设工程, 庞口大道整治提升工程.)
    if (campaign && !words.some((t) => t.kind === 'suffix')) return true;
  }
  if (institutionOnly(name)) return true;
  // (哲学社会科学创新工程, 知识创新工程: national programmes named by what they do; a place names one.)
  if (suffix === '工程' && name.endsWith('创新工程') && !placeOrFacility(words)) return true;
  // 防沙治沙成果巩固项目: works named by what a campaign does, with no place or facility in the name.
  if (suffix === '项目' && words.length > 0) {
    const before = name.slice(0, name.length - suffix.length);
    if (campaignEnding(before) && !placeOrFacility(words)) return true;
  }
  return false;
}

const COUNT_BEFORE_RE = /(?:[\d０-９一二三四五六七八九十两百千]+(?:个|家|座|处|所|条|大)(?:[\d.]+万?(?:千瓦|吨|千伏))?|一批|多个|若干)$/;
// (After the name the count ends the clause: 中科院金属研究所创新港14个项目落户 counts projects, …保定医院两个国家
// 区域医疗中心 the list's items.)
const COUNT_AFTER_RE = /^[\d０-９一二三四五六七八九十两百千]+(?:个|家|座|处|所)(?:以上)?(?:$|[，。、；）)])/;
/**
 * A kind counted (23个山海协作产业园, 培育跨境电商产业园14个, 新建70个…实训基地): a number of places of one kind, no
 * project's name; the clause is text[lo, hi), the name [start, end).
 */
export function countedKind(text: string, lo: number, hi: number, start: number, end: number, words: NameWord[]): boolean {
  // (Each pattern is tried only where the character next to the name may be its last or first: most names have no count.)
  const before = start > lo && (CHARS[text.charCodeAt(start - 1)] & COUNT_LAST) !== 0 ? COUNT_BEFORE_RE.exec(text.slice(Math.max(lo, start - 10), start)) : null;
  // (2家维也纳酒店: a brand's hotels or shops counted are still named by it.)
  const brand = before !== null && before[0].endsWith('家') && words.some((t) => t.kind === 'proper' && t.tag !== 'nx');
  return (before !== null && !brand) || (end < hi && (CHARS[text.charCodeAt(end)] & COUNT_FIRST) !== 0 && COUNT_AFTER_RE.test(text.slice(end, Math.min(hi, end + 5))));
}

/**
 * A predicate that carries out nothing by itself inside a programme's name, read leftwards (`before` is the word
 * left of it): its first word after the verb that acts on it (深入实施|优化营商环境改进提升三年行动: 'first'), or a
 * word within it after a noun or its own verb (完成营商环境|优化|提升三年行动, 公共法律服务|规范|提升三年行动: 'inner').
 */
export function programmeOwnVerb(t: NameWord, before: NameWord | undefined): 'first' | 'inner' | undefined {
  if (t.kind !== 'verb' || !PREDICATE.has(t.word) || OPERATING.has(t.word) || !before) return undefined;
  if (before.kind === 'verb') return PREDICATE.has(before.word) ? 'first' : 'inner';
  return before.kind === 'noun' || before.kind === 'proper' ? 'inner' : undefined;
}

/**
 * One character the dictionary keeps apart, as the only name-like word of works, right before a generic word or last:
 * a material (铝|产业链一体化项目), no name (史家|湾安全饮水工程, 保|满市郊氢能轨道项目 are names).
 */
export function materialPiece(words: NameWord[]): boolean {
  const k = words.findIndex((t) => t.kind === 'proper' && t.word.length === 1);
  const next = words[k + 1];
  return k >= 0 && (!next || (next.kind === 'noun' && GENERIC.has(next.word)));
}

/** Kinds of park and square, which a common word before 公园 or 广场 may name (城市公园, 口袋公园); kinds of bridge. */
const PARK_KINDS = /^(?:国家|城市|口袋|主题|湿地|森林|体育|郊野|社区|文化|生态|遗址|地质|海洋|农业|休闲|街头|中心|市民|文体|游乐|滨水|滨河|沿河|公共)$/;
const BRIDGE_KINDS = /^(?:公路|铁路|跨海|跨江|跨河|过江|钢架|石拱|人行|景观|铁索|悬索|斜拉|双层|城市|高速|立交|拱桥|钢铁|混凝土)$/;

/** A park, square or bridge named by one common word (烈士公园, 爱情广场, 人民公园, 紫金大桥), which is no kind of one. */
export function namedByOneWord(suffix: string, words: readonly NameWord[]): boolean {
  const kinds = suffix === '公园' || suffix === '广场' ? PARK_KINDS : suffix === '大桥' ? BRIDGE_KINDS : undefined;
  if (!kinds || words.length !== 1) return false;
  const [w] = words;
  return w.kind === 'noun' && w.word.length === 2 && !GENERIC.has(w.word) && !kinds.test(w.word);
}
