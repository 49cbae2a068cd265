// Units and measure words that may follow a number, and the kind of figure each makes (spec.md, "Figures").
import { CharGroups, codesOf } from './text';
import type { FigureKind } from './types';

export interface UnitEntry {
  /** As written after the number. */
  written: string;
  /** As reported in Figure.unit (个百分点 → 百分点, ％ → %). */
  unit: string;
  kind: FigureKind;
  /**
   * Whether the unit may follow a Chinese numeral. Measure words such as 层, 只, 张, 支 mostly make words
   * after Chinese numerals (一张蓝图, 两只手), so they count only after Arabic digits.
   */
  afterChinese: boolean;
  /** Characters that, right after the unit, show it is part of a longer word (三项目, 二次创业, 五年级). */
  notBefore?: string;
  /** A Latin symbol (MW, kWh, km): it needs a number in Arabic digits and no Latin letter after it (5Gbps). */
  latin?: boolean;
}

const u = (kind: FigureKind, afterChinese: boolean, words: string, notBefore?: Record<string, string>): UnitEntry[] =>
  words.split(' ').map((written) => ({
    written,
    unit: written,
    kind,
    afterChinese,
    notBefore: notBefore?.[written],
  }));

// The inventory of measure words and units in the reports (national 1954–2012, provinces, cities, counties):
// 口 and 眼 for wells, 台套, 架次, 艘, 辆次, 宗, 枚, 吨公里, 标箱, 蒸吨, 吨标准煤, 担 (older reports' grain and cotton).
const ENTRIES: UnitEntry[] = [
  ...u('currency', true, '元 美元 欧元 港元 日元 英镑 韩元 澳元 美金 卢布 新卢布 马克 法郎 人民币', { 元: '结化素论首', 马克: '思' }),
  ...u('area', true, '平方米 平米 平方公里 平方千米 亩 公顷 平方公尺'),
  ...u('area', false, '㎡'),
  ...u('length', true, '公里 千米 米 厘米 毫米 公尺'),
  ...u('mass', true, '吨 斤 公斤 千克 克 克拉 毫克 微克 吨公里 蒸吨 吨标准煤 吨标煤 担 公担', { 担: '任当负子保心忧纲起责'}),
  ...u('volume', true, '立方米 立方公尺 升 土方 土石方 石方', { 升: '级值高降' }),
  // 度 (kWh) only after a magnitude: 二十四亿度, not 一度, 两度 (figureAt).
  ...u('energy', true, '千瓦 千瓦时 千瓦小时 兆瓦 兆瓦时 吉瓦 吉瓦时 度电 度 马力 匹马力', { 度: '假过量数日' }),
  { written: '%', unit: '%', kind: 'percent', afterChinese: false },
  { written: '％', unit: '%', kind: 'percent', afterChinese: false },
  { written: '‰', unit: '‰', kind: 'other', afterChinese: false },
  { written: '个百分点', unit: '百分点', kind: 'percentagePoint', afterChinese: true },
  { written: '百分点', unit: '百分点', kind: 'percentagePoint', afterChinese: true },
  ...u('duration', true, '年 个月 个多月 天 小时 分钟 岁', { 年: '级度代轻龄鉴', 天: '然津空下', 小时: '候' }),
  ...u('duration', false, '周 秒', { 周: '年边' }),
  ...u('count', true, '个 家 人 人次 名 位 项 件 次 场 场次 轮 条 座 所 户 套 台 台套 辆 辆次 栋 幢 处 批 批次 类 种 起 部 部分 篇 份 艘 架次 班次 口 枚 步 人公里 标箱', {
    个: '体性别案税',
    人: '员民',
    名: '单称义牌',
    位: '置于',
    项: '目',
    件: '大',
    次: '序要数生创产元',
    场: '所景面地',
    轮: '车',
    条: '件例款腿',
    座: '谈',
    所: '以有在得属谓',
    台: '阶湾',
    处: '理置于在罚分长',
    类: '似水',
    种: '植子',
    起: '来步点草',
    部: '署分长位门',
    份: '额',
    口: '岸径号罩碑味子袋头',
    枚: '举',
    步: '伐骤入行棋走',
  }),
  ...u('count', false, '层 只 头 张 块 片 支 株 棵 例 宗 笔 册 架 门 眼 间 盏 羽 匹 趟 列 对 款 标准箱 重量箱 户次 车次', {
    支: '持出撑部付',
    片: '区',
    头: '部',
    门: '槛类',
    眼: '光界睛前',
    间: '隔距断',
    列: '入车为出举',
    对: '外接比标于应话象称口待照',
    款: '项',
  }),
  { written: '人口', unit: '人', kind: 'count', afterChinese: true },
  ...u('other', true, '倍'),
  // Latin unit symbols after Arabic digits (120MW, 3亿kWh, 30万TEU, 20km, 5万t).
  ...latin('energy', 'kW KW kw kWh KWh kwh Kwh MW MWh GW GWh TWh MWp GWp kWp'),
  ...latin('length', 'km KM Km'),
  ...latin('mass', 't kg'),
  ...latin('volume', 'm³'),
  ...latin('area', 'm² km²'),
  ...latin('count', 'TEU'),
];

function latin(kind: FigureKind, words: string): UnitEntry[] {
  return words.split(' ').map((written) => ({ written, unit: written, kind, afterChinese: false, latin: true }));
}

const BY_WRITTEN = new Map(ENTRIES.map((e) => [e.written, e]));

/** A unit as character codes, compared in place (startsWith and one-character strings cost more, per number). */
interface CodedUnit {
  entry: UnitEntry;
  codes: number[];
  notBefore: number[];
}

/** The written forms by their first code unit, longest first, so 平方公里 wins over 公里 and 千瓦时 over 千瓦. */
const BY_FIRST = new CharGroups(
  [...BY_WRITTEN.values()].sort((a, b) => b.written.length - a.written.length).map((entry): CodedUnit => ({ entry, codes: codesOf(entry.written), notBefore: codesOf(entry.notBefore) })),
  (unit) => unit.codes[0],
);

/** The coded unit written at `pos`, if any (the longest). */
function codedUnitAt(text: string, pos: number): CodedUnit | undefined {
  const units = BY_FIRST.of(text.charCodeAt(pos));
  if (!units) return undefined;
  next: for (const unit of units) {
    const { codes } = unit;
    for (let k = 1; k < codes.length; k++) if (text.charCodeAt(pos + k) !== codes[k]) continue next;
    return unit;
  }
  return undefined;
}

/** The unit written at `pos`, if it is one that may follow this kind of numeral and is not the start of a word. */
export function unitAt(text: string, pos: number, afterChineseNumeral: boolean): UnitEntry | undefined {
  const unit = codedUnitAt(text, pos);
  if (!unit) return undefined;
  const { entry } = unit;
  if (afterChineseNumeral && !entry.afterChinese) return undefined;
  const after = text.charCodeAt(pos + unit.codes.length); // NaN past the end
  if (entry.latin && isLatinLetter(after)) return undefined; // 5Gbps, 3kmh
  if (unit.notBefore.length > 0 && unit.notBefore.includes(after)) return undefined;
  return entry;
}

/** ASCII letters (NaN, past the end of the text, is none). */
function isLatinLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Whether a Latin unit symbol starts at `pos` (a number followed by Latin letters is otherwise a name: 5G, C919). */
export function latinUnitAt(text: string, pos: number): boolean {
  return unitAt(text, pos, false)?.latin === true;
}
