import { PROVINCE_CHARS } from './projectWords';
import { allMatches, CharGroups, charIs, charTable } from './text';

// National programmes named by their form, not by a facility word (spec.md, "Projects"): 南水北调, 西气东输,
// 引汉济渭, 退耕还林, 村村通, 天然林保护工程, the national cultural parks, “三北”工程, 中马“两国双园”. Read from
// characters they always hold, not by a regular expression over every paragraph.

/** 南水北调, 西电东送, 西气东输(三线陕西段), 北煤南运; 引汉济渭(二期), 引黄入冀; 退耕还林, 退牧还草; 村村通, 户户通. */
// (南水北调中线河北段: a route's section in one province.)
// (西气东输二线西段工程, 西气东输东段工程: a section by its direction, with its works.)
const PROGRAMME_TAIL = '(?:[一二三四五六]期|[一二三四]线(?:[\\u4e00-\\u9fff]{2}段|[东西南北中]段工程)?|[东中西]线[\\u4e00-\\u9fff]{2}段|[东西南北中]段工程)?';
const TRANSFER = new RegExp(`[东西南北][电气水煤油粮][东西南北][送输调运]${PROGRAMME_TAIL}`, 'y');
// (引黄入冀补淀干渠, 引江济淮工程: with its canal or works; 引黄入冀补淀: with what it also feeds.)
/** A diversion's own name (引江济淮, 引黄入冀补淀), also read by isBare in projects.ts. */
export const DIVERSION_FORM = '引[汉黄江滦洮嫩湘渭淮丹长][济入补][\\u4e00-\\u9fff](?:补[\\u4e00-\\u9fff])?';
const DIVERSION = new RegExp(`${DIVERSION_FORM}(?:(?:(?![等和及与])[\\u4e00-\\u9fff]){0,3}?(?:总干渠|干渠|工程))?${PROGRAMME_TAIL}`, 'y');
const POWER_IN = /[疆宁青陇蒙晋陕川藏黔滇甘皖鄂湘赣豫冀鲁辽吉黑][电煤气]入[湘豫冀鲁苏浙闽粤桂琼渝鄂赣皖京津沪川](?:工程)?/y;
/**
 * Each form by a character it always holds and where: the text is searched for that character (indexOf, fast)
 * and the form read from where it would start, not a regular expression run over every paragraph.
 */
const DIRECTION = charTable('东西南北');
/** The national reports' short form of 上海浦东新区, also read by isBare in projects.ts. */
export const PUDONG_FORM = '上海浦东';
/** The national plans with a proper name, also read by isBare in projects.ts. */
export const NAMED_PLAN_FORM =
  '(?:(?:星火|火炬|燎原|丰收|攀登|春晖)|“(?:星火|火炬|燎原|丰收|攀登|春晖)”)计划|(?:“(?:863|973|８６３|９７３)”|863|973|８６３|９７３)计划|(?:“八七”|八七)扶贫攻坚(?:计划)?';
const NAMED_PLAN = new RegExp(NAMED_PLAN_FORM, 'y');
/** Each form: the character, where it stands, a cheap check of the text before it, the form. */
const PROGRAMME_FORMS: [string, number, (t: string, i: number) => boolean, RegExp][] = [
  ...[...'送输调运'].map((c): [string, number, (t: string, i: number) => boolean, RegExp] => [c, 3, (t, i) => DIRECTION[t.charCodeAt(i - 1)] === 1, TRANSFER]),
  ['济', 2, (t, i) => charIs(t, i - 2, '引'), DIVERSION],
  ['入', 2, (t, i) => charIs(t, i - 2, '引'), DIVERSION],
  ['补', 2, (t, i) => charIs(t, i - 2, '引'), DIVERSION], // 引黄补淀
  ['入', 2, (t, i) => charIs(t, i - 1, '电') || charIs(t, i - 1, '煤') || charIs(t, i - 1, '气'), POWER_IN],
  // (The national programmes 退耕还林, 退牧还草(工程); 退田还湖, 退耕还湖 are flood-control policies.)
  ['还', 2, (t, i) => charIs(t, i - 2, '退'), /退(?:耕还林|牧还草)(?:工程)?/y],
  ['通', 2, (t, i) => t.charCodeAt(i - 1) === t.charCodeAt(i - 2), /([村户组镇乡])\1通/y],
  // National ecological and education works named by what they do, in a dozen national reports of 1999–2012:
  // 天然林保护(工程), 天然林资源保护二期工程; 京津风沙源治理(工程); 农村中小学现代远程教育工程.
  ['林', 2, (t, i) => charIs(t, i - 1, '然') && charIs(t, i - 2, '天'), /天然林(?:资源)?保护(?:[一二三]期)?(?:工程(?:[一二三]期)?)?/y],
  ['沙', 3, (t, i) => charIs(t, i - 1, '风') && charIs(t, i - 2, '津'), /京津风沙源治理(?:[一二三]期)?(?:工程(?:[一二三]期)?)?/y],
  ['远', 2, (t, i) => charIs(t, i - 1, '代') && charIs(t, i + 3, '育'), /现代远程教育工程/y],
  // The national family-planning works in the west (少生快富工程, 2003–2012).
  ['快', 2, (t, i) => charIs(t, i - 1, '生') && charIs(t, i - 2, '少') && charIs(t, i + 1, '富'), /少生快富工程/y],
  ['快', 3, (t, i) => charIs(t, i - 3, '“') && charIs(t, i - 2, '少') && charIs(t, i + 2, '”'), /“少生快富”工程/y], // (n2007)
  // The national plans with a proper name (星火计划, “863”计划, “八七”扶贫攻坚(计划)), not those named by what they
  // do (学生营养改善计划) nor the five-year plans (“八五”计划).
  // (“星火”计划, “火炬”计划: the proper part quoted; ８６３计划 in full-width digits.)
  ...[...'星火燎丰攀春'].flatMap((c): (typeof PROGRAMME_FORMS)[number][] => [
    [c, 0, (t, i) => charIs(t, i + 2, '计') && charIs(t, i + 3, '划'), NAMED_PLAN],
    [c, 1, (t, i) => charIs(t, i - 1, '“') && charIs(t, i + 2, '”') && charIs(t, i + 3, '计'), NAMED_PLAN],
  ]),
  ...[...'89８９'].flatMap((c): (typeof PROGRAMME_FORMS)[number][] => [
    [c, 1, (t, i) => charIs(t, i - 1, '“') && charIs(t, i + 3, '”'), NAMED_PLAN],
    [c, 0, (t, i) => charIs(t, i + 3, '计'), NAMED_PLAN],
  ]),
  // 上海浦东: the national reports' short form of 上海浦东新区 (开发开放上海浦东; with 新区 the scan finds the zone).
  ['浦', 2, (t, i) => charIs(t, i - 1, '海') && charIs(t, i - 2, '上') && charIs(t, i + 1, '东'), new RegExp(`${PUDONG_FORM}(?!新区|机场|国际机场)`, 'y')],
  ['八', 1, (t, i) => charIs(t, i - 1, '“') && charIs(t, i + 1, '七') && charIs(t, i + 2, '”'), NAMED_PLAN],
  ['八', 0, (t, i) => charIs(t, i + 1, '七') && charIs(t, i + 2, '扶'), NAMED_PLAN],
];
/** The forms by the character code they are read from; TRIGGERS marks those characters and the opening quote. */
const FORMS_AT = new CharGroups(PROGRAMME_FORMS, (form) => form[0].charCodeAt(0));
const QUOTE = '“'.charCodeAt(0);
const FORM = 1;
/** The last characters of the words that the patterns after the pass need (中心, 国家文化公园, “三北”, 东数西算, ”第). */
const WORD_END = 2;
const TRIGGERS = charTable('“' + PROGRAMME_FORMS.map((f) => f[0]).join(''), FORM);
// (As a bit of its own: a character may one day both open a form and end such a word.)
for (const c of '心园北算第') TRIGGERS[c.charCodeAt(0)] |= WORD_END;

/**
 * Sets `bit` in `table` for the characters programmeNames reads from, for a caller's own pass over a paragraph
 * (findProjectNames in projects.ts): it gives their places, and the paragraph is not read again here.
 */
export function markProgrammeTriggers(table: Uint8Array, bit: number): Uint8Array {
  for (let c = 0; c < TRIGGERS.length; c++) if (TRIGGERS[c] !== 0) table[c] |= bit;
  return table;
}
/** The national cultural parks (长城、大运河、长征、黄河、长江国家文化公园), whose themes are no places. */
const CULTURAL_PARK_RE = /(?:长城|大运河|长征|黄河|长江)国家文化公园(?:[\u4e00-\u9fff]{2}段)?/g;
/** The Three-North shelterbelt works (“三北”工程, “三北”六期工程, “三北”工程六期, “三北”防护林二期工程). */
const THREE_NORTH_RE = /“三北”(?:[一二三四五六七八]期)?(?:防护林(?:[一二三四五六七八]期)?)?工程(?:[一二三四五六七八]期)?/g;
/**
 * A quoted name after the places it joins (中马“两国双园”, 中印尼“两国双园”, 渝黔桂“氢走廊”): a country pair
 * (中 and one or two characters) or two or three provinces' one-character names, then a quoted facility.
 * (collectProjects in projects.ts takes a name ending in ” for a bare list member: such a name is a mention only
 * where a list holds it, until isBare there looks inside the closing quote.)
 */
const JOINED_QUOTE_RE = new RegExp(
  `(?:(?<![\\u4e00-\\u9fff])中[\\u4e00-\\u9fff]{1,2}|(?<![\\u4e00-\\u9fff])[${PROVINCE_CHARS}]{2,3})“[^“”，。]{1,6}(?:园|走廊|中心|港|基地)”`,
);
const JOINED_LAST = charTable(PROVINCE_CHARS);
/** National programmes of medical centres (国家医学中心, 国家儿童区域医疗中心, 国家医学分中心). */
// (国家和省级区域医疗中心: two kinds of centre, none named.)
const NATIONAL_CENTRE_RE = /国家(?:[^\P{Script=Han}和与及省市]{1,4}?)?(?:医学分?中心|区域医疗中心)/gu;
/** The characters before 中心 in those names (医学|中心, 医学分|中心, 区域医疗|中心). */
const CENTRE_KIND_END = charTable('学分疗');

/** The programmes named in `text`; `triggers`: the places of the characters markProgrammeTriggers marks, in order. */
export function programmeNames(text: string, triggers: readonly number[]): string[] {
  const out: string[] = [];
  // The words the patterns below need, seen in the pass (a search of the paragraph for each was a pass each).
  let centre = false;
  let culturalPark = false;
  let threeNorth = false;
  let eastData = false;
  let numberedLine = false;
  // Every form's character and the opening quote, from the caller's pass (a search per form was a pass each).
  for (let k = 0; k < triggers.length; k++) {
    const i = triggers[k];
    const code = text.charCodeAt(i);
    const mark = TRIGGERS[code];
    if ((mark & WORD_END) !== 0) {
      // (医学中心, 医学分中心, 区域医疗中心 end every centre NATIONAL_CENTRE_RE names: not every 中心 of a paragraph.)
      if (charIs(text, i, '心')) centre ||= charIs(text, i - 1, '中') && CENTRE_KIND_END[text.charCodeAt(i - 2)] === 1;
      else if (charIs(text, i, '园')) culturalPark ||= i >= 5 && text.startsWith('国家文化公', i - 5);
      else if (charIs(text, i, '北')) threeNorth ||= charIs(text, i - 1, '三') && charIs(text, i - 2, '“') && charIs(text, i + 1, '”');
      else if (charIs(text, i, '算')) eastData ||= i >= 3 && text.startsWith('东数西', i - 3);
      else numberedLine ||= charIs(text, i - 1, '”'); // 第
      if ((mark & FORM) === 0) continue;
    }
    if (code === QUOTE) {
      // (Read only around each opening quote, not over the whole paragraph.)
      if (i < 2 || (JOINED_LAST[text.charCodeAt(i - 1)] !== 1 && !charIs(text, i - 2, '中') && !charIs(text, i - 3, '中'))) continue;
      const from = Math.max(0, i - 4);
      const m = JOINED_QUOTE_RE.exec(text.slice(from, i + 10));
      if (m && from + m.index + m[0].indexOf('“') === i) out.push(m[0]);
      continue;
    }
    // (A table by code and a loop by index, not a Map's look-up and an iterator at every trigger.)
    const forms = FORMS_AT.of(code)!;
    for (let f = 0; f < forms.length; f++) {
      const form = forms[f]; // (read by index: a destructuring reads through the array's iterator)
      const offset = form[1];
      const re = form[3];
      if (i < offset || !form[2](text, i)) continue;
      re.lastIndex = i - offset;
      const m = re.exec(text);
      if (m) out.push(m[0]);
    }
  }
  if (centre) for (const m of allMatches(NATIONAL_CENTRE_RE, text)) out.push(m[0]);
  if (culturalPark) for (const m of text.matchAll(CULTURAL_PARK_RE)) out.push(m[0]);
  if (threeNorth) for (const m of text.matchAll(THREE_NORTH_RE)) out.push(m[0]);
  if (eastData) for (const m of text.matchAll(/“东数西算”工程|东数西算(?:工程)?/g)) out.push(m[0]);
  // “疆电外送”第三通道, “西气东输”第四通道: a programme's numbered line.
  if (numberedLine) for (const m of text.matchAll(/“(?:[东西南北][电气水煤油粮][东西南北][送输调运]|[疆蒙宁青陇晋陕川藏黔滇甘][电煤气]外送)”第[一二三四五六七八九十]通道/g)) out.push(m[0]);
  return out;
}
