// Units that measure the same thing in different sizes, so that one indicator's series can be drawn in one unit:
// grain in 万吨, 亿斤 and 亿公斤 (national reports of different decades), land in 亩 and 公顷. Units of money are
// never converted: 美元 and 元 are different series.
import type { FigureKind } from '../types';

/** Each convertible unit: the unit of its family and how many of that one of it makes. */
const IN_FAMILY: Readonly<Record<string, readonly [string, number]>> = {
  吨: ['公斤', 1000], 公斤: ['公斤', 1], 千克: ['公斤', 1], 斤: ['公斤', 0.5], 克: ['公斤', 0.001], 公担: ['公斤', 100], 担: ['公斤', 50],
  公里: ['米', 1000], 千米: ['米', 1000], 米: ['米', 1], 公尺: ['米', 1], 厘米: ['米', 0.01], 毫米: ['米', 0.001],
  平方米: ['平方米', 1], 平米: ['平方米', 1], 平方公尺: ['平方米', 1], '㎡': ['平方米', 1], 平方公里: ['平方米', 1e6], 平方千米: ['平方米', 1e6], 公顷: ['平方米', 1e4], 亩: ['平方米', 1e4 / 15],
  立方米: ['立方米', 1], 立方公尺: ['立方米', 1], 升: ['立方米', 0.001],
  千瓦时: ['千瓦时', 1], 千瓦小时: ['千瓦时', 1], 度: ['千瓦时', 1], 度电: ['千瓦时', 1], 兆瓦时: ['千瓦时', 1e3], 吉瓦时: ['千瓦时', 1e6],
  千瓦: ['千瓦', 1], 兆瓦: ['千瓦', 1e3], 吉瓦: ['千瓦', 1e6],
  // Latin symbols, as written (units.ts).
  kW: ['千瓦', 1], KW: ['千瓦', 1], kw: ['千瓦', 1], MW: ['千瓦', 1e3], GW: ['千瓦', 1e6],
  kWh: ['千瓦时', 1], KWh: ['千瓦时', 1], kwh: ['千瓦时', 1], Kwh: ['千瓦时', 1], MWh: ['千瓦时', 1e3], GWh: ['千瓦时', 1e6], TWh: ['千瓦时', 1e9],
  km: ['米', 1000], KM: ['米', 1000], Km: ['米', 1000], t: ['公斤', 1000], kg: ['公斤', 1],
  'm³': ['立方米', 1], 'm²': ['平方米', 1], 'km²': ['平方米', 1e6],
};

/** The family of a unit: 公斤 for 吨, 斤 and 公斤; a unit that converts to no other is its own family (元, 美元, 人). */
export const unitFamily = (unit: string): string => IN_FAMILY[unit]?.[0] ?? unit;

/** How many `to` one `from` makes (吨 → 斤: 2000), undefined across families. */
export function unitFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = IN_FAMILY[from];
  const b = IN_FAMILY[to];
  return a && b && a[0] === b[0] ? a[1] / b[1] : undefined;
}

/** The family most figures of a kind are in, which a series id need not name. */
export const USUAL_FAMILY: Partial<Record<FigureKind, string>> = {
  currency: '元', percent: '%', percentagePoint: '百分点', mass: '公斤', area: '平方米', length: '米', volume: '立方米',
};
