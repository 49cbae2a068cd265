// Indicators across the corpus and their per-year series: under each indicator (and kind of figure: the GDP
// growth rate in % apart from the GDP in 元), per report and year the target (with its bound) and the result.
// The same points feed the Indicators view, the timeline chart and its table.
import type { FigureBound, FigureKind, FigureRole } from '../types';
import type { CorpusReport } from './grouping';
import type { FigureSummary } from './summary';
import { unitFactor, unitFamily, USUAL_FAMILY } from './seriesUnits';

/**
 * An indicator measured by figures of one kind and one family of units: gdp in percent (growth) is not gdp in
 * currency (level), and trade in 美元 is not trade in 元; grain in 万吨 and in 亿斤 are one series (unitFamily).
 */
export interface SeriesKey {
  indicatorKey: string;
  kind: FigureKind;
  /** The family of the points' units (公斤 for 吨, 斤 and 公斤; 元; 美元; 人). */
  family: string;
}

/** gdp:percent, grainOutput:mass; the family is named only where it is not the kind's usual one (trade:currency:美元) nor none (a count, 290万). */
export const seriesId = (k: SeriesKey): string =>
  USUAL_FAMILY[k.kind] === k.family || k.family === '' ? `${k.indicatorKey}:${k.kind}` : `${k.indicatorKey}:${k.kind}:${k.family}`;

export function parseSeriesId(id: string): SeriesKey | undefined {
  const m = /^([A-Za-z][\w.-]*):(\w+)(?::(.+))?$/.exec(id);
  if (!m) return undefined;
  const kind = m[2] as FigureKind;
  return { indicatorKey: m[1], kind, family: m[3] ?? USUAL_FAMILY[kind] ?? '' };
}

/** The series `id` names; an id without a family its kind has no usual one of (a count) names the largest such series. */
export function findSeries(all: readonly IndicatorSeries[], id: string): IndicatorSeries | undefined {
  const exact = all.find((s) => seriesId(s) === id);
  if (exact) return exact;
  const key = parseSeriesId(id);
  return key && id === `${key.indicatorKey}:${key.kind}` ? all.find((s) => s.indicatorKey === key.indicatorKey && s.kind === key.kind) : undefined;
}

/** One target or result of one year, from one report. */
export interface SeriesPoint {
  year: number;
  role: FigureRole;
  region: string;
  value: number;
  high?: number;
  bound: FigureBound;
  unit: string;
  text: string;
  sentence: string;
  /** The indicator as this report writes it (国内生产总值, 地区生产总值). */
  indicator?: string;
  /** The report it is stated in. */
  uri: string;
  report: string;
  reportYear?: number;
  start: number;
  end: number;
}

export interface IndicatorSeries extends SeriesKey {
  /** The indicator's name as the reports write it most often (国内生产总值). */
  name: string;
  /** Every target and result with a year, by year then role; at most one per region, year and role. */
  points: SeriesPoint[];
  /** How many reports state it. */
  reports: number;
}

/**
 * The year a figure is about: as the analysis says; else a target is for the report's year. A result without a
 * year is left out: the analysis leaves the year off spans (五年来, 比2002年增长65.5%), not single years.
 */
export function figureYear(f: FigureSummary, reportYear: number | undefined): number | undefined {
  if (f.year !== undefined) return f.year;
  return f.role === 'target' ? reportYear : undefined;
}

/**
 * Every indicator of the corpus with its points. When several reports give the same region's target or result
 * for one year (a five-year review restates it), the report nearest that year wins (the year's own report for
 * a target, the next year's for a result), then the first statement in the text.
 */
export function indicatorSeries(reports: readonly CorpusReport[], unknownRegion = '?'): IndicatorSeries[] {
  const byId = new Map<string, { key: SeriesKey; names: Map<string, number>; best: Map<string, [number, SeriesPoint]>; reports: Set<string> }>();
  const countUnits = countUnitOf(reports);
  for (const r of reports) {
    const meta = r.summary.meta;
    const region = meta?.region ?? unknownRegion;
    for (const f of r.summary.figures) {
      if (!f.indicatorKey || f.change) continue;
      // (城镇新增就业1100万以上 counts the 人 of 城镇新增就业1100万人: one series, in 人.)
      const unit = f.kind === 'count' && f.unit === '' ? (countUnits.get(f.indicatorKey) ?? '') : f.unit;
      const key = { indicatorKey: f.indicatorKey, kind: f.kind, family: unitFamily(unit) };
      const id = seriesId(key);
      let acc = byId.get(id);
      if (!acc) byId.set(id, (acc = { key, names: new Map(), best: new Map(), reports: new Set() }));
      if (f.indicator) acc.names.set(f.indicator, (acc.names.get(f.indicator) ?? 0) + 1);
      acc.reports.add(r.uri);
      const year = figureYear(f, meta?.year);
      if (!f.role || year === undefined) continue;
      const expected = f.role === 'target' ? year : year + 1;
      const distance = meta?.year === undefined ? 100 : Math.abs(meta.year - expected);
      const slot = `${region}|${year}|${f.role}`;
      const before = acc.best.get(slot);
      if (before && before[0] <= distance) continue;
      acc.best.set(slot, [
        distance,
        {
          year, role: f.role, region, value: f.value, ...(f.high !== undefined && { high: f.high }), bound: f.bound, unit,
          text: f.text, sentence: f.sentence, ...(f.indicator !== undefined && { indicator: f.indicator }), uri: r.uri, report: r.summary.title ?? r.name, reportYear: meta?.year, start: f.start, end: f.end,
        },
      ]);
    }
  }
  return [...byId.values()]
    .map(({ key, names, best, reports: rs }) => ({
      ...key,
      name: [...names.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key.indicatorKey,
      points: inOneUnit([...best.values()].map(([, p]) => p)).sort((a, b) => a.year - b.year || a.region.localeCompare(b.region) || a.role.localeCompare(b.role)),
      reports: rs.size,
    }))
    .sort((a, b) => b.points.length - a.points.length || seriesId(a).localeCompare(seriesId(b)));
}

/**
 * For each indicator whose counts are all written in one unit (人, 户), that unit: a count of it written without one
 * (新增就业290万) is of that unit. An indicator counted in two (人 and 人次) leaves its counts without a unit apart.
 */
function countUnitOf(reports: readonly CorpusReport[]): Map<string, string> {
  const units = new Map<string, Set<string>>();
  for (const r of reports) {
    for (const f of r.summary.figures) {
      // (As the series read them: a change, 增加50万人次, is in none and says nothing of their unit.)
      if (!f.indicatorKey || f.kind !== 'count' || f.unit === '' || f.change) continue;
      const seen = units.get(f.indicatorKey) ?? units.set(f.indicatorKey, new Set()).get(f.indicatorKey)!;
      seen.add(f.unit);
    }
  }
  const out = new Map<string, string>();
  for (const [key, seen] of units) if (seen.size === 1) out.set(key, [...seen][0]);
  return out;
}

/** The points in the unit most of them are written in (万吨 and 亿斤 of grain in 吨), values converted; `text` stays as written. */
function inOneUnit(points: SeriesPoint[]): SeriesPoint[] {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.unit, (counts.get(p.unit) ?? 0) + 1);
  const unit = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (unit === undefined || counts.size === 1) return points;
  return points.map((p) => {
    const factor = unitFactor(p.unit, unit);
    if (p.unit === unit || factor === undefined) return p;
    const convert = (v: number) => Number((v * factor).toPrecision(12));
    return { ...p, value: convert(p.value), ...(p.high !== undefined && { high: convert(p.high) }), unit };
  });
}

/** A year's row of the timeline's table: the target and the result of one region. */
export interface SeriesRow {
  year: number;
  region: string;
  target?: SeriesPoint;
  result?: SeriesPoint;
}

export function seriesRows(points: readonly SeriesPoint[]): SeriesRow[] {
  const rows = new Map<string, SeriesRow>();
  for (const p of points) {
    const k = `${p.year}|${p.region}`;
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { year: p.year, region: p.region }));
    row[p.role] = p;
  }
  return [...rows.values()].sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));
}

export const SERIES_COLUMNS = ['year', 'region', 'target', 'targetHigh', 'bound', 'result', 'unit', 'targetReport', 'resultReport', 'targetSentence', 'resultSentence'] as const;

/** The table under the chart as cells, in SERIES_COLUMNS order (for the CSV). */
export function seriesTableCells(rows: readonly SeriesRow[]): (string | number | undefined)[][] {
  return rows.map((r) => [
    r.year, r.region, r.target?.value, r.target?.high, r.target?.bound, r.result?.value, (r.target ?? r.result)?.unit,
    r.target?.report, r.result?.report, r.target?.sentence, r.result?.sentence,
  ]);
}
