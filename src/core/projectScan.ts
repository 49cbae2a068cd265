// The scan for one project name (spec.md, "Projects"): from a facility word leftwards over name-like words
// (places, unknown words, nouns, numbers, a short parenthesis, a quoted name) until punctuation, a function
// word or a verb that acts on the project (the words as projectTokens.ts reads them); then whether what was read
// names something particular.
import { countedKind, materialPiece, notAProject, namedByOneWord, programmeOwnVerb } from './projectFilters';
import { AFTER_CHARS, CARRIED_RE, extendsAt, institutionAfter, PHASE_FIRST, PHASE_RE, ROUTE_END_RE, ROUTE_WORDS, routeStart, sectionEnd } from './projectRoutes';
import { charTag, isHanCode, tagAt, tagOf, wordBefore, type Lexicon } from './projectLexicon';
import { endsInNotFacility, facilityEnding, facilityWordAt } from './projectSuffixes';
import { commonWord, longerWordAt, ordinalInName, ORDINAL_RE, placeWith, PROPER_TAGS, shorterRead, splitsWords, wordAfterEnd } from './projectWordsAt';
import { CONTINUATION, FUNCTION_CHARS, STOP_WORDS, SUFFIX_CLASS, charBits, TAG_OVERRIDES, type SuffixClass } from './projectWords';
import {
  DASH_WORD,
  FUNCTION_WORD,
  GENERIC_WORD,
  INTERNAL_VERB,
  isNameLike,
  isNameWord,
  isProperTag,
  LEADING_WORD,
  LeftTokens,
  lexTag,
  LINKING_VERB,
  MAGNITUDE_WORD,
  namedAfterDash,
  NUMBERED_NAME_RE,
  NUMERAL_WORD,
  placePiece,
  PREDICATE_WORD,
  PROGRAMME_PERSON,
  STATION_WORD,
  type Tok,
  useLexicon,
  wordFlags,
} from './projectTokens';
import { CharGroups, LastSeen } from './text';
import type { Span } from './types';
const MAX_PAREN = 8;
/** Tags of a character that is a noun on its own (豫南中心|仓). */
const NOUN_CHAR_TAGS = new Set(['n', 'ng', 'x', 'zg']);
/** Measure words that count facilities (a table look-up, not a pattern tried on every one-character word). */
const COUNTER = 1;
/** GARDEN_RE's characters; those ROUTE_END_RE's matches hold one of (至, 到, 直达, a dash); digits and plus (sloganQuoted). */
const GARDEN = 2;
const ROUTE_MARK = 4;
const SLOGAN_MARK = 8;
const ROUTE_LAST = 16; // (the last characters of ROUTE_WORDS: the Set is asked only for a facility word that ends in one)
/** The scan's characters by code, as bits of one table (each character read is one cache line, not one per table). */
const CHARS = charBits([
  ['项个座所条家批类种大', COUNTER],
  ['园苑宫谷岛坊', GARDEN],
  ['至到达—－', ROUTE_MARK],
  ['0123456789+＋', SLOGAN_MARK],
  [[...ROUTE_WORDS].map((w) => w[w.length - 1]).join(''), ROUTE_LAST],
]);
/** What a numbered unit (一号) follows in a name: a name's word, a measure word read as one (兴安|台), another unit. */
const NUMBERED_AFTER = new Set(['proper', 'measure', 'break']);
/** Dates that name plants and places (八一 of 1 August, 二七, 五一, 七一, 五四). */
const DATE_NAME_RE = /^(?:八一|二七|五一|七一|五四|六一|三八)$/;
// (The scan's patterns are constants: a regular expression literal in a function body is a new object at every call,
// and scanLeft tries these on every word of two characters. A pattern is tried only on words of its length: a call of
// the pattern costs more than the comparison.)
const NUMBERED_UNIT_RE = /^[一二三四五六七八九十]号$/;
const DISTANCE_RE = /^[一二三四五六七八九十]里$/;
const NAMING_TAG_RE = /^(?:ns|nr|nz)/;
const HALF_ROAD_RE = /^[东西南北中][路街]$/;
const ROAD_OR_STREET_RE = /[路街]$/;
const MIN_NAME = 3;
const AT_CODE = '在'.charCodeAt(0);
const OF_CODE = '的'.charCodeAt(0);
const TO_CODE = '至'.charCodeAt(0);
/** The last 至 before a facility word in its clause (a section named by its ends: …至青城山路段). */
const LAST_TO = new LastSeen((text, i) => text.charCodeAt(i) === TO_CODE);
const SECTION_CODE = '段'.charCodeAt(0);
const CLOSE_QUOTE_CODE = '”'.charCodeAt(0);
const OPEN_QUOTE_CODE = '“'.charCodeAt(0);
const NUMBER_CODE = '号'.charCodeAt(0);
const LI_CODE = '里'.charCodeAt(0);
const ORDINAL_CODE = '第'.charCodeAt(0);
const WORKS_WORDS = new Set(['工程', '项目']);
const CLASS_RANK: Record<SuffixClass, number> = { programme: 0, content: 1, works: 1, proper: 2, strict: 3 };
/** 高速 that says how fast (物流业高速发展), not a road (京雄高速直达…). */
export const FAST_RE = /^(?:发展|增长|运转|推进|扩张|前进|运行|行驶|成长|崛起|铁路|公路|列车|动车|磁浮|磁悬|度)/;

/**
 * CONTINUATION (two-character words) by the code of their first character. (Not a set of pairAt numbers: two Han
 * characters' codes make a number too large to be held unboxed, made on the heap and hashed at every look-up.)
 */
const CONTINUATION_BY_FIRST = new CharGroups(CONTINUATION, (w) => w.charCodeAt(0));
/** Whether one of CONTINUATION is text[at, at + 2). */
function continuationAt(text: string, at: number): boolean {
  const words = CONTINUATION_BY_FIRST.of(text.charCodeAt(at));
  if (words) for (const w of words) if (w.charCodeAt(1) === text.charCodeAt(at + 1)) return true;
  return false;
}
/** The words of the name left of a facility word in the clause, in order; a programme keeps its verbs (促进居民增收三年行动). */
function scanLeft(left: LeftTokens, suffix: string, cls: SuffixClass): Tok[] {
  const words: Tok[] = [];
  let verbRun = true; // still in the verbs right before the facility word (疏通检测修复|项目)
  const programme = cls === 'programme';
  for (let i = 0; ; ) {
    const t = left.at(i);
    if (!t) break;
    if (t.kind === 'close') {
      // 秦创原(秦都)创新促进中心: a short parenthesis between name words.
      let j = i + 1;
      let inner = 0;
      while (left.at(j) && j - i <= 4 && (left.at(j)!.kind === 'proper' || left.at(j)!.kind === 'noun')) inner += left.at(j++)!.word.length;
      if (left.at(j)?.kind !== 'open' || inner === 0 || inner > MAX_PAREN || !isNameWord(left.at(j + 1))) break;
      for (let k = i; k <= j; k++) words.push({ ...left.at(k)!, kind: k === i || k === j ? 'noun' : left.at(k)!.kind });
      i = j + 1;
      verbRun = false;
      continue;
    }
    // 淮军公所一期|古城: a phase closes the name before it, unless the works of that phase follow (…一期工程).
    if (t.kind === 'phase' && !WORKS_WORDS.has(suffix)) break;
    // 八|廓古城, 三|峡: a numeral before a one-character piece of a name opens the name.
    if (t.kind === 'break' && (t.flags & NUMERAL_WORD) !== 0 && i > 0 && left.at(i - 1)!.kind === 'proper' && left.at(i - 1)!.word.length === 1) {
      t.kind = 'proper';
    }
    // ，和昌中央城邦: a conjunction cannot open a clause, nor join a verb to a noun (运作|和昌中央城邦); before a character the dictionary keeps apart it is the first of a name's (和|昌).
    if (t.kind === 'break' && (t.word === '和' || t.word === '与') && i > 0 && left.at(i - 1)!.kind === 'proper' && left.at(i - 1)!.word.length === 1) {
      const before = left.at(i + 1);
      if (!before) t.kind = 'proper';
      else if (before.tag.startsWith('v') && before.word.length > 1) {
        words.push({ ...t, kind: 'proper' }); // (the name opens here)
        break;
      }
    }
    // (亿纬锂|能沈阳工厂: 能 after one character of a name is energy, 锂能, not the modal verb.)
    if (t.kind === 'break' && t.word === '能' && i > 0 && left.at(i + 1)?.kind === 'proper' && left.at(i + 1)!.word.length === 1) t.kind = 'proper';
    // 中国—东盟: a dash between two names joins them (东盟 an abbreviation the dictionary has).
    if (t.kind === 'break' && t.tag === 'j' && ((left.at(i + 1)?.flags ?? 0) & DASH_WORD) !== 0) t.kind = 'proper';
    // (中国—东盟国家…: the name after the dash may open a longer word the dictionary has, 东盟|国家.)
    if (t.kind === 'break' && (t.flags & DASH_WORD) !== 0 && i > 0 && namedAfterDash(left.at(i - 1)!) && isNameLike(left.at(i + 1))) {
      t.kind = 'noun';
    }
    // 对表|雄安新区: a one-character verb after a function character is a word with it, no piece of a name.
    // (做火|海北环线: after 做 one character is the verb's complement, 做优, 做强, 做火.)
    // (和|保沧高速: before a place's one character it is another place's, two places' characters naming a road.)
    if (t.kind === 'proper' && t.word.length === 1 && (t.tag === 'v' || left.at(i + 1)?.word === '做') && ((left.at(i + 1)?.flags ?? 0) & FUNCTION_WORD) !== 0 && (i === 0 || !placePiece(left.at(i - 1)))) break;
    // A measure word after a number ends the name (10家, 20项); without one it is a piece of it (姜家).
    // (The patterns on one word are tried only on words of their length: most words have none of them.)
    if (t.word.length === 1 && (CHARS[t.word.charCodeAt(0)] & COUNTER) !== 0 && left.at(i + 1)?.kind === 'numeric') break;
    if ((t.word === '大' || t.word === '小') && ((left.at(i + 1)?.flags ?? 0) & NUMERAL_WORD) !== 0) break; // 三|大运营商: a count
    if (t.word === '中' && left.at(i + 1)?.kind === 'suffix') break; // 33个重点工程中|东海大道: among them
    // 第一|中心医院, 京雄保|一号|旅游风景道, 兴安台|一号|立井, 谢家集|二号三号|立井; 三里|洞 (a place named by its distance).
    // (The patterns are tried only on words that end in 号 or 里: half the words have two characters.)
    const numbered = t.word.length === 2 && t.word.charCodeAt(1) === NUMBER_CODE && NUMBERED_UNIT_RE.test(t.word) && NUMBERED_AFTER.has(left.at(i + 1)?.kind ?? '');
    const distance = t.word.length === 2 && t.word.charCodeAt(1) === LI_CODE && DISTANCE_RE.test(t.word) && i > 0 && left.at(i - 1)!.kind === 'proper' && left.at(i - 1)!.word.length === 1 && left.at(i + 1)?.kind === 'proper';
    if (t.kind === 'break' && (ordinalInName(t.word, i > 0 ? left.at(i - 1)!.word : suffix, suffix) || numbered || distance)) t.kind = 'numeric';
    // 乌鲁木齐|八一|钢铁厂, 北京|二七|机车厂: a date that names a plant, after its city.
    if (t.kind === 'break' && t.word.length === 2 && DATE_NAME_RE.test(t.word) && /^ns/.test(left.at(i + 1)?.tag ?? '')) t.kind = 'numeric';
    if (t.kind === 'measure') {
      const before = left.at(i + 1);
      if (before !== undefined && (before.kind === 'numeric' || before.kind === 'break')) break;
      t.kind = 'proper';
    }
    if (programme && t.kind === 'break' && (t.flags & PROGRAMME_PERSON) !== 0) t.kind = 'noun'; // 居民增收
    const own = programme && words.length > 0 ? programmeOwnVerb(t, left.at(i + 1)) : undefined; // 优化|营商环境…三年行动
    if (own) { words.push({ ...t, kind: 'noun' }); if (own === 'first') break; i++; continue; }
    // (words[-1] is no element but a slow look-up of the property "-1": the last word is read only where there is one.)
    const piece = words.length > 0 ? words[words.length - 1] : undefined; // 兴化|府历史文化街区: a city's name the dictionary has as a verb, before a name's one character
    if (t.kind === 'verb' && piece?.kind === 'proper' && piece.word.length === 1 && placeWith(lexTag, t.word, '市')) t.kind = 'proper';
    if (t.kind === 'verb' && programme && (t.flags & PREDICATE_WORD) === 0) {
      verbRun = false;
    } else if (t.kind === 'verb') {
      if ((t.flags & INTERNAL_VERB) === 0) break;
      // (北京共建|曹妃甸现代产业实验区, 外商投资开发|洋浦经济开发区: before a place or a proper name the verb acts on
      // the facility it names; 腾格里沙漠基地送电江西工程: one that links two places is inside the name.)
      if (piece && piece.kind === 'proper' && piece.word.length > 1 && NAMING_TAG_RE.test(piece.tag) && (t.flags & LINKING_VERB) === 0) break;
      if ((t.flags & PREDICATE_WORD) !== 0 && (!verbRun || !isNameWord(left.at(i + 1)))) break;
      // (营口片区|建设陆港: a facility before the verb is what does the building, unless works follow.)
      if ((t.flags & PREDICATE_WORD) !== 0 && left.at(i + 1)?.kind === 'suffix' && !WORKS_WORDS.has(suffix)) break;
    } else if (isNameWord(t) || t.kind === 'numeric') {
      verbRun = false;
    } else {
      break;
    }
    words.push(t);
    i++;
  }
  // What cannot open a name: verbs, numbers, qualifiers, generic one-character words.
  for (let trimmed = false; words.length; trimmed = true) {
    const t = words[words.length - 1];
    // (An adjective before a place: 丰富|长株潭…, 健全|福州新区.)
    const next = words.length > 1 ? words[words.length - 2] : undefined;
    const adjective = t.tag === 'a' && t.word.length > 1 && next?.kind === 'proper' && next.word.length > 1;
    const stray = t.kind === 'proper' && t.word.length === 1 && (((next?.flags ?? 0) & LEADING_WORD) !== 0 || next?.tag === 'r' || (trimmed && t.tag === 'v')); // 于|各类…学校; 北侧起点|接|环城北路
    const programmeVerb = programme && t.kind === 'verb' && (t.flags & PREDICATE_WORD) === 0;
    // (330千伏果洛玉树第二回线路工程: a named line's voltage opens its name; 110千伏变电站 names none.)
    if (t.kind === 'numeric' && (next?.word === '千伏' || next?.word === '万伏') && words.some((w) => w.kind === 'proper')) break;
    if (((t.flags & MAGNITUDE_WORD) !== 0 && next?.kind === 'proper' && next.word.length === 1) || (t.word.charCodeAt(0) === ORDINAL_CODE && ORDINAL_RE.test(t.word))) break; // (亿|纬锂能: a name's first character; 第一|中心医院)
    if (!((t.kind === 'verb' && !programmeVerb) || t.kind === 'numeric' || (t.flags & LEADING_WORD) !== 0 || adjective || stray)) break;
    words.pop();
  }
  return words.reverse();
}

/** Whether text[from, to) holds one of ROUTE_MARK (ROUTE_END_RE is tried only then). */
function routeMarkBefore(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((CHARS[text.charCodeAt(i)] & ROUTE_MARK) !== 0) return true;
  return false;
}

/** Whether one of the first `count` words is a proper name of two characters or more, not 中国. */
function someNamed(words: readonly Tok[], count: number): boolean {
  for (let k = 0; k < count; k++) if (words[k].kind === 'proper' && words[k].word.length > 1 && words[k].word !== '中国') return true;
  return false;
}

const t0IsGenericNoun = (t: Tok) => t.kind === 'noun' && t.word.length > 1 && (t.flags & GENERIC_WORD) !== 0;

/** Whether the words before the facility word (with its own part, 数据中心 → 数据) name something particular. */
function isSpecific(words: Tok[], cls: SuffixClass, road = false): boolean {
  const strictClass = cls === 'strict';
  const works = cls === 'works';
  let proper = 0;
  let places = 0;
  let content = 0;
  let generic = 0;
  let longContent = false;
  let innerSuffix = -1;
  let properChars = 0;
  const facility = cls === 'proper' || cls === 'strict';
  // (Loops, not forEach with a counting closure: a closure over these counters made a context and three functions per call.)
  let lastProper = -1;
  for (let k = 0; k < words.length; k++) if (words[k].kind === 'proper' || words[k].kind === 'numeric') lastProper = k;
  for (let k = 0; k < words.length; k++) {
    const t = words[k];
    // Generic words before a place modify it (小南湖); after it they describe (新华区招商引资项目).
    // (广安门医院保定医院: a generic facility word before a place too; 南宁国家植物园: 国家 after a place.)
    if (k < lastProper && (t.kind === 'noun' || t.kind === 'suffix') && (t.flags & GENERIC_WORD) !== 0) continue;
    if (k > 0 && t.word === '国家' && words[k - 1].kind === 'proper' && words[k - 1].tag === 'ns') continue;
    const word = t.word;
    let kind = t.kind;
    // A quoted word names a programme (“两基”攻坚计划), not a facility (“三甲”医院); a numbered one is a name (“雅江1号”智算中心), so is one before what the facility is (“双环”旅游公路), not a pattern or coverage (“城—镇—村”, “组组通”).
    if (kind === 'proper' && t.tag === 'quote' && facility && (k === words.length - 1 || /[—－-]|通”$/.test(word)) && !NUMBERED_NAME_RE.test(word)) kind = 'noun';
    if (kind === 'proper' || kind === 'numeric') {
      properChars += word.length;
      proper++; // 润宝4亿克拉人造金刚石项目, 轨道交通1号线: numbers make a name particular too
      if (t.tag === 'ns') places++;
    } else if (kind === 'noun' || kind === 'suffix') {
      if ((t.flags & GENERIC_WORD) !== 0) generic++;
      else if (word.length >= 2) {
        content++;
        longContent ||= word.length >= 4;
      }
    } else if (kind === 'verb' && word.length >= 2 && (facility || cls === 'content') && (t.flags & PREDICATE_WORD) === 0) content++; // 塔城重点开发开放试验区
    if (t.kind === 'suffix') {
      innerSuffix = k;
      if (cls === 'works') cls = 'programme'; // 大数据产业园一期工程: the park decides
      // 生态停车场项目 is as particular as 生态停车场: the strictest facility word in the name decides.
      const inner = SUFFIX_CLASS.get(t.word) ?? SUFFIX_CLASS.get(facilityEnding(t.word)!)!;
      if (CLASS_RANK[inner] > CLASS_RANK[cls] && inner !== 'strict') cls = inner;
    }
  }
  // 红星爱琴海购物广场部分主体工程: works described by generic words after a facility are part of it.
  // (雄安新区道路整治提升工程: a generic noun after the facility makes it a modifier, whatever is done to it.)
  if (works && innerSuffix >= 0 && innerSuffix < words.length - 1) {
    const after = words.slice(innerSuffix + 1);
    // (长沙机场改扩建主体工程: verbs and generic nouns after it, the works are the facility's.)
    if (after.every((t) => t.kind === 'verb' || (t.kind === 'noun' && (t.flags & GENERIC_WORD) !== 0)) && after.some(t0IsGenericNoun)) return false;
  }
  // 新华区招商引资项目, 京津合作项目: works of a place described by generic words only; a park, zone or airport so
  // described is named (京南现代产业基地, 北京新机场). (A programme of a place is named by what it does: 长江大保护三年行动.)
  if (proper > 0 && proper === places && content === 0 && generic > 0 && (works || strictClass)) return false;
  // 双中心, 链项目: one character alone is too little to name a facility or works; 保交楼: for a one-character
  // facility word, two characters the dictionary keeps apart are too little too.
  let pieces = 0;
  let strong = false;
  // (Roads are often named by two places' characters: 边庞路, 城冯路, 高保路.)
  let namePieces = 0;
  for (const t of words) {
    if (t.kind === 'proper' && t.word.length === 1) {
      pieces++;
      if (road && !t.tag.startsWith('v')) namePieces++;
    }
    strong ||= (t.kind === 'proper' && (t.word.length > 1 || t.tag === 'ns')) || t.kind === 'numeric';
  }
  if (strictClass && !strong && pieces < 3 && !(road && namePieces >= 2)) return false;
  // 校企协同示范成果转化项目, 低效益项目: works with no facility need a name that is no rare noun (nx) of the dictionary.
  if (works && cls === 'works' && !words.some((t) => (t.kind === 'proper' && t.tag !== 'nx') || t.kind === 'numeric')) return false;
  if (works && cls === 'works' && !strong && pieces === 1 && materialPiece(words)) return false; // 铝产业链一体化项目
  // (One one-character piece alone is too little for a content facility too: 全|季酒店.)
  if (proper > 0 && (properChars > 1 || cls === 'programme' || words.length > 1)) return true;
  // 高铁广场, 火车站综合交通枢纽: a facility named after the city's station or airport it serves.
  if (cls === 'proper' && words.length > 0 && (words[0].flags & STATION_WORD) !== 0 && words.slice(1).every((t) => t.kind === 'noun' && (t.flags & GENERIC_WORD) !== 0)) return true;
  // 项目, 工程 with no facility in them: a description that could name works anywhere (社保惠民工程).
  if (cls === 'proper' || cls === 'strict' || cls === 'works') return false;
  if (cls === 'programme') return content >= 1 || (generic >= 1 && words.length >= 2); // 教育振兴行动计划
  return content >= 2 || longContent;
}

/** In a clause, the last “, and the last digit or plus that is not a number's (not before 号). */
const LAST_OPEN_QUOTE = new LastSeen((text, i) => text.charCodeAt(i) === OPEN_QUOTE_CODE);
const LAST_SLOGAN_MARK = new LastSeen((text, i) => (CHARS[text.charCodeAt(i)] & SLOGAN_MARK) !== 0 && text.charCodeAt(i + 1) !== NUMBER_CODE);

/**
 * Whether the facility word ending at `e`, before a closing quote, ends a quote (from the last “ in the clause) that
 * holds a digit or a plus (not a number's 号). (Facility words are Han characters: no “ is inside one.)
 */
export function sloganQuoted(text: string, lo: number, e: number): boolean {
  const open = LAST_OPEN_QUOTE.before(text, lo, e);
  return open >= 0 && LAST_SLOGAN_MARK.before(text, lo, e) > open;
}

/**
 * Why nameAt last returned no name, and the start the scan had read by then (-1 before the scan): features of
 * the learned choice (projectModel.ts), which may still take a name the rules reject.
 */
export const scanVerdict = { reason: '', start: -1 };
/** The reader of the words left of a facility word, reset for each (nameAt is not re-entered). */
const LEFT = new LeftTokens(undefined as unknown as Lexicon, '', 0, 0);
const reject = (reason: string): undefined => {
  scanVerdict.reason = reason;
  return undefined;
};

/**
 * Where the facility word at [s, e) of the clause text[lo, hi) ends a name: the name's span, else undefined. `suffix`:
 * the facility word as facilityWordAt gives it, when the caller has it (its class was looked up by it).
 */
export function nameAt(lex: Lexicon, text: string, lo: number, hi: number, s: number, e: number, cls: SuffixClass, suffix = facilityWordAt(text, s, e)): Span | undefined {
  useLexicon(lex);
  scanVerdict.reason = '';
  scanVerdict.start = -1;
  if (cls === 'strict') {
    // Cheap first (most one-character facility words are in common words): 城市, 路网 | 道路, 县城, 一线.
    if (e < hi && tagAt(lex, text, s, e + 1 - s) !== undefined && !extendsAt(text, e)) return reject('strictWord');
    const pair = s > lo ? tagAt(lex, text, s - 1, e + 1 - s) : undefined;
    if (pair !== undefined && !PROPER_TAGS.has(pair)) return reject('strictPair');
  }
  // The facility word inside a longer word (路网, 中心城区, 豫南中心仓): not the end of a name.
  // (A programme's 任务, 工作 are still the programme: 完成…三年行动任务.)
  // (发挥…上海浦东新区作用: a new area's role is the named area's; 枢纽作用, 中心地位 are roles, no facility.)
  if (cls !== 'programme' && e + 2 <= hi && continuationAt(text, e)) {
    const next = text.slice(e, e + 2);
    if (!(suffix === '新区' && (next === '作用' || next === '地位'))) return reject('continuation');
  }
  // A noun character glued on (豫南中心仓): it starts no word of its own.
  // (The characters after the facility word by their codes: text[e] is a new string for every Han character read.)
  const nextCode = e < hi ? text.charCodeAt(e) : NaN;
  if (isHanCode(nextCode) && NOUN_CHAR_TAGS.has(charTag(lex, nextCode) ?? 'x') && !extendsAt(text, e)) {
    if (wordAfterEnd(lex, text, e, hi)?.word.length === 1) return reject('gluedChar');
  }
  // 包头钢铁公司、武汉钢铁公司 (the works of the 1950s, in lists of them); not the company acting or owning (鞍山钢铁公司在…, 本溪钢铁公司的生产工人).
  if ((nextCode === AT_CODE || nextCode === OF_CODE) && suffix.endsWith('公司')) return reject('company');
  if (longerWordAt(lex, text, s, e, hi)) return reject('longerWord');
  // 物流业高速发展: 高速 before a verb says how fast.
  if (suffix === '高速' && FAST_RE.test(text.slice(e, e + 2))) return reject('fast');
  if (splitsWords(lex, text, lo, hi, s, e)) return reject('splitWord');
  // 凌云山路至青城山路段: roads named as the end points of a section are not mentions.
  if (nextCode === TO_CODE || (nextCode === SECTION_CODE && LAST_TO.before(text, lo, s) >= 0)) return reject('routeEnd');
  if (endsInNotFacility(text, Math.max(lo, e - 6), e, suffix)) return reject('notFacility');
  // “4+4科创工程”: a slogan in quotes that ends in a facility word.
  // (“六小工程” is a programme; “北驾祁连·9号公路” a road.)
  if (text.charCodeAt(e) === CLOSE_QUOTE_CODE && sloganQuoted(text, lo, e)) return reject('sloganQuote');
  // 凤凰谷零碳研究院: the facility word names where an institution is.
  if (institutionAfter(text, e, hi) && !/^v/.test(wordAfterEnd(lex, text, e, hi)?.tag ?? '')) return reject('institution');

  // The word that holds the facility word: 长江路 (a place: its own part is a name), 数据中心 (its own part is
  // content), 道路 and 香港 (common or too short for a one-character facility word).
  let holder = wordBefore(lex, text, e, lo);
  // (巨|大水库 is 巨大|水库: the holder read again as the words before it are.)
  if (holder.start > lo && holder.start < s) holder = shorterRead(lex, text, holder, wordBefore(lex, text, holder.start, lo)) ?? holder;
  const holderTag = (holder.word.length > 1 ? TAG_OVERRIDES.get(holder.word) : undefined) ?? holder.tag; // (重建家园/ns is a phrase; none of one character)
  if (holder.start < s && holderTag.startsWith('v')) return reject('verbHolder'); // (…人民|重返家园: a verb's object)
  // (Before the scan where nothing between can give another answer: a one-character facility word's holder may still
  // be a place that the rules' learned choice reads, below.)
  const stopWord = holder.word.length > 1 && STOP_WORDS.has(holder.word); // (none of one character: not looked up)
  if (cls !== 'strict' && stopWord) return reject('stopWord');
  let holderWord: Tok | undefined; // (the part of the holder before the facility word, the name's last word)
  let from = s;
  if (holder.start < s) {
    // (Rare or unknown whole words that hold a facility word are compounds, not names: 重点项目/nx.)
    // (nt: the dictionary's institutions are mostly kinds of them: 公立医院.) (高速铁路/nz: a generic word and the facility word make no name.)
    // (高楼大厦/nz, 重建家园/ns, 拖拉机站/nz: a common word and the facility word, whatever the dictionary's tag.)
    const prefix = text.slice(holder.start, s); // (the name's last word: holderWord)
    // (刘家峡水电站/nt: an institution of the dictionary named by a place is named.)
    const placed = holderTag === 'nt' && /^ns/.test(lexTag(prefix) ?? '');
    const flags = wordFlags(prefix);
    const proper = placed || (isProperTag(holderTag, holder.word) && holderTag !== 'nx' && holderTag !== 'x' && holderTag !== 'nt' && !(prefix.length > 1 && ((flags & GENERIC_WORD) !== 0 || commonWord(lex, prefix))));
    if (cls === 'strict' && !proper) return reject('strictHolder');
    holderWord = { word: prefix, tag: holderTag, kind: proper ? 'proper' : 'noun', start: holder.start, flags };
    from = holder.start;
  }
  const words = scanLeft(LEFT.reset(lex, text, lo, from), suffix, cls);
  const scannedCount = words.length; // (the scan's own words: the holder's part is added after them)
  if (holderWord) words.push(holderWord);
  const start = words.length ? words[0].start : s;
  scanVerdict.start = start;
  // A place of two characters holding a one-character facility word (香港, 西城) is a place, not a facility;
  // with a proper name before it, it is part of a facility's name (长江|支|路桥; not 中国|廊坊). 西路, 中路 are half a road.
  // (唐|山港: read from the right the holder takes a place's last character; 唐山 is the place, 港 the facility.)
  if (cls === 'strict' && holder.word.length === 2 && holder.start < s && !HALF_ROAD_RE.test(holder.word) && !(holder.start > 0 && tagAt(lex, text, holder.start - 1, s - holder.start + 1) === 'ns')) {
    if (!someNamed(words, scannedCount)) return reject(start === holder.start && SUFFIX_CLASS.has(holder.word) ? 'nothingBefore' : 'placeHolder'); // (大|街: a facility word alone)
  }
  if (stopWord) return reject('stopWord');
  // 崇左至凭祥铁路, 石家庄直达沧州高铁: a line named by its two ends (a place may hold a function character: 西宁至成都铁路).
  if ((CHARS[suffix.charCodeAt(suffix.length - 1)] & ROUTE_LAST) !== 0 && ROUTE_WORDS.has(suffix)) {
    let to = routeMarkBefore(text, Math.max(lo, s - 6), s) ? ROUTE_END_RE.exec(text.slice(Math.max(lo, s - 6), s)) : null;
    let at = to ? s - to[0].length : -1;
    if (!to && suffix === '管道') {
      const w = text.slice(Math.max(lo, s - 10), s);
      to = CARRIED_RE.exec(w);
      if (to) at = s - w.length + to.index;
    }
    const second = to ? (to[1] ?? to[2]) : undefined;
    const from = second && (/^ns/.test(tagOf(lex, second) ?? '') || ![...second].some((c) => FUNCTION_CHARS.has(c))) ? routeStart(lex, text, lo, at) : -1;
    if (from >= 0) return { start: from, end: sectionEnd(text, lo, hi, e) };
  }
  // 防城港, 海南岛: a place, no facility; 秦皇岛港, 天津港: a place's port, no city (防城港市 is one). (No city ends in 路, 街.)
  const port = suffix === '港' && lexTag(holder.word.slice(0, -1)) === 'ns' && !placeWith(lexTag, holder.word, '市');
  if (cls === 'strict' && holderTag === 'ns' && holder.word.length >= 3 && start === holder.start && !ROAD_OR_STREET_RE.test(suffix) && !port) return reject('city');
  // “引金入洛”工程, “小升高”工程: a slogan made works, no project (科技型中小企业“小升高”工程 too: no name before the slogan).
  if (cls === 'works' && words.length > 0 && words[words.length - 1].tag === 'quote' && !words.some((t) => t.kind === 'proper' && t.tag !== 'quote')) return reject('sloganWorks');
  // (虞公港二期: a phase after a one-character facility word says works are meant; two pieces of a name do.)
  const phased = cls === 'strict' && e < hi && (AFTER_CHARS[text.charCodeAt(e)] & PHASE_FIRST) !== 0 && PHASE_RE.test(text.slice(e, Math.min(hi, e + 3)));
  const street = cls === 'proper' && holderTag === 'ns' && holder.start === start && holder.word.endsWith(suffix); // 西大街, a place
  if (start >= s) return reject('nothingBefore');
  if (!(street || namedByOneWord(suffix, words) || isSpecific(words, phased ? 'proper' : cls, suffix === '路' || suffix === '街') || (suffix.length === 1 && (CHARS[suffix.charCodeAt(0)] & GARDEN) !== 0 && words.some((t) => t.kind === 'noun' && t.word.length >= 3)))) {
    return reject('notSpecific');
  }

  const end = sectionEnd(text, lo, hi, e);
  if (notAProject(text.slice(start, end), words, suffix)) return reject('notAProject');
  if (countedKind(text, lo, hi, start, end, words)) return reject('counted');
  return end - start >= MIN_NAME ? { start, end } : reject('short');
}
