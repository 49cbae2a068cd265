// What the timeline panel draws: the message the extension posts to its webview (media/timeline/), built
// here so it is tested without a webview. One chart: x = year; for an indicator the result as a line and the
// target as a mark showing its bound, one series per region; for a search term, its hits per 10,000 characters per year.
import { MAGNITUDE_EXPONENTS } from '../numerals';
import type { FigureBound, FigureRole } from '../types';
import type { IndicatorSeries } from './series';
import { termYears, type ReportHits, type SearchedReport, type TermYear } from './kwic';

export interface ChartPoint {
  x: number;
  /** The value; for a range target the low end, `y2` the high end. */
  y: number;
  y2?: number;
  series: string;
  /** target/result for an indicator, count for a term. */
  role: FigureRole | 'count';
  bound?: FigureBound;
  label: string;
  /** Shown on hover: the sentence (or the reports) and the report. */
  detail: string;
  report?: string;
  /** Where a click goes. */
  uri?: string;
  start?: number;
  end?: number;
}

export interface ChartData {
  title: string;
  yLabel: string;
  points: ChartPoint[];
  /** The table under the chart. */
  columns: string[];
  /** A series' line stops where years are missing (a term's chart: no report of those years was searched). */
  breakGaps?: boolean;
  rows: (string | number)[][];
}

/** The indicator's wording most of `points` use (a national chart says 国内生产总值, a provincial one 地区生产总值). */
function mostWritten(points: readonly IndicatorSeries['points'][number][]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of points) if (p.indicator) counts.set(p.indicator, (counts.get(p.indicator) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A region of an indicator's points, with how many it has and whether the chart shows it. */
export interface RegionChoice {
  /** The region, or ALL_REPORTS for all the reports of a term's chart (kept in the panel's state, whatever the UI's language). */
  name: string;
  /** What its checkbox and line are called, when not its name. */
  label?: string;
  points: number;
  selected: boolean;
}

/** At most this many regions are shown until the user chooses: twenty lines in one chart say nothing. */
const DEFAULT_REGIONS = 4;

/**
 * The regions of a series, most points first, and which are shown: those `chosen` (that still have points);
 * without a choice, the region with the most points and those with at least half as many, up to four.
 */
export function regionChoices(s: IndicatorSeries, chosen?: readonly string[]): RegionChoice[] {
  const counts = new Map<string, number>();
  for (const p of s.points) counts.set(p.region, (counts.get(p.region) ?? 0) + 1);
  const regions = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const wanted = new Set((chosen ?? []).filter((r) => counts.has(r)));
  if (wanted.size === 0) {
    const most = regions[0]?.[1] ?? 0;
    for (const [name, n] of regions.slice(0, DEFAULT_REGIONS)) if (n * 2 >= most) wanted.add(name);
  }
  return regions.map(([name, points]) => ({ name, points, selected: wanted.has(name) }));
}

/**
 * The chart of an indicator: its points, the series being regions (only `regions` when given). `labels` are
 * the column names shown, and `boundName` a bound's name in the table (the bound itself without it).
 */
export function indicatorChart(
  s: IndicatorSeries,
  labels: { year: string; region: string; target: string; bound: string; result: string; report: string; boundName?: (bound: FigureBound) => string; indicatorName?: string },
  regions?: ReadonlySet<string>,
): ChartData {
  if (regions) s = { ...s, points: s.points.filter((p) => regions.has(p.region)), name: mostWritten(s.points.filter((p) => regions.has(p.region))) ?? s.name };
  // (Values are in the unit, 元 or 人; drawn in the magnitude the reports write them in, 亿元 or 万人.)
  const [magnitude, magnitudeName] = displayMagnitude(s.points.map((p) => p.value));
  const scaled = (v: number) => (magnitude === 1 ? v : Number((v / magnitude).toPrecision(12)));
  const unit = `${magnitudeName}${s.points[0]?.unit ?? ''}`;
  const points: ChartPoint[] = s.points.map((p) => ({
    x: p.year,
    y: scaled(p.value),
    ...(p.high !== undefined && { y2: scaled(p.high) }),
    series: p.region,
    role: p.role,
    bound: p.bound,
    label: `${p.year} ${p.role === 'target' ? labels.target : labels.result}: ${p.text}`,
    detail: p.sentence,
    report: p.report,
    uri: p.uri,
    start: p.start,
    end: p.end,
  }));
  const rows = new Map<string, (string | number)[]>();
  for (const p of s.points) {
    const k = `${p.year}|${p.region}`;
    const row = rows.get(k) ?? [p.year, p.region, '', '', '', '', ''];
    if (p.role === 'target') {
      row[2] = p.high !== undefined ? `${scaled(p.value)}–${scaled(p.high)}` : scaled(p.value);
      row[3] = labels.boundName?.(p.bound) ?? p.bound;
      row[5] = p.report;
    } else {
      row[4] = scaled(p.value);
      row[6] = p.report;
    }
    rows.set(k, row);
  }
  return {
    // (Its name in the UI's other language, none in Chinese: the key is for exports and the command line.)
    title: [s.name, labels.indicatorName, unit || s.kind].filter((x) => !!x).join(' · '),
    yLabel: unit,
    points,
    // (The values' unit in their headings: the CSV saved from the table has no axis to say it.)
    columns: [labels.year, labels.region, withUnit(labels.target, unit), labels.bound, withUnit(labels.result, unit), `${labels.report} (${labels.target})`, `${labels.report} (${labels.result})`],
    rows: [...rows.values()],
  };
}

const withUnit = (heading: string, unit: string) => (unit ? `${heading} (${unit})` : heading);

/** The magnitudes a chart is drawn in, largest first: those the reports write large numbers in. */
const MAGNITUDES: readonly [number, string][] = ['万亿', '亿', '万'].map((word) => [10 ** MAGNITUDE_EXPONENTS.get(word)!, word]);

/** The magnitude to draw `values` in: the largest the median of their sizes reaches (1 and '' for none). */
function displayMagnitude(values: readonly number[]): [number, string] {
  const sizes = values.map(Math.abs).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  return MAGNITUDES.find(([m]) => median >= m) ?? [1, ''];
}

/** Column names and texts of a term's chart, in the UI's language. */
export interface TermChartLabels {
  year: string;
  /** The line's column when regions are drawn apart. */
  region: string;
  /** The y axis and the rate's column: hits per 10,000 characters. */
  rate: string;
  hits: string;
  /** Reports with hits; reports searched; their characters. */
  reports: string;
  searched: string;
  characters: string;
  /** The point's text on hover: the year's hits, reports and characters. */
  describe: (year: TermYear) => string;
}

/**
 * A rate as the chart and its table show it: three significant digits (once in 30,000 characters is 0.333; once in
 * the 6 million characters of a year's 300 county reports 0.00167, which two decimals showed as 0, a year without hits).
 */
const rateShown = (rate: number) => Number(rate.toPrecision(3));

/** The name of the choice of all the reports in a term's chart (no region is called so). */
export const ALL_REPORTS = '*';

/**
 * The lines a term's chart may draw: all the reports pooled (`all`, its name in the UI's language), then each region
 * with reports of a year, most years first; which are drawn: those `chosen`, else the pool alone. None when the
 * reports are of one region (the pool is that region).
 */
export function termRegionChoices(searched: readonly SearchedReport[], all: string, chosen?: readonly string[]): RegionChoice[] {
  // (`all` is the pool's label; its name is ALL_REPORTS.)
  const years = new Map<string, Set<number>>();
  for (const r of searched) if (r.year !== undefined && r.region !== undefined) (years.get(r.region) ?? years.set(r.region, new Set()).get(r.region)!).add(r.year);
  if (years.size < 2) return [];
  const pooled = new Set(searched.flatMap((r) => (r.year !== undefined ? [r.year] : [])));
  const choices: RegionChoice[] = [{ name: ALL_REPORTS, label: all, points: pooled.size, selected: false }, ...[...years].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([name, ys]) => ({ name, points: ys.size, selected: false }))];
  const wanted = new Set(chosen ?? []);
  if (!choices.some((c) => wanted.has(c.name))) wanted.add(ALL_REPORTS);
  for (const c of choices) c.selected = wanted.has(c.name);
  return choices;
}

/**
 * The chart of a search term: its hits per 10,000 characters of each year's reports (`searched`: every report the
 * search read, with or without hits); a year whose reports never use it is 0, a year without reports is a gap in
 * the line. One line, all reports pooled, named after the term; with `regions` (termRegionChoices), a line for each
 * chosen (the pool by its label), and the table's rows by year and line.
 */
export function termChart(
  term: string,
  reports: readonly ReportHits[],
  searched: readonly SearchedReport[],
  labels: TermChartLabels,
  regions?: readonly RegionChoice[],
): ChartData {
  const lines = regions?.filter((c) => c.selected).map((c) => ({ series: c.label ?? c.name, region: c.name === ALL_REPORTS ? undefined : c.name })) ?? [{ series: term, region: undefined }];
  const points: ChartPoint[] = [];
  const rows: (string | number)[][] = [];
  for (const { series, region } of lines) {
    for (const y of termYears(reports, searched, region)) {
      const hits = reports.filter((r) => r.year === y.year && r.count > 0 && (region === undefined || r.region === region));
      const rate = rateShown(y.rate);
      points.push({
        x: y.year,
        y: rate,
        series,
        role: 'count',
        label: `${y.year}${regions ? ` ${series}` : ''}: ${rate}`,
        detail: [labels.describe(y), ...hits.map((r) => `${r.title ?? r.name} (${r.count})`)].join('\n'),
      });
      rows.push([y.year, ...(regions ? [series] : []), rate, y.count, y.reports, y.searched, y.characters]);
    }
  }
  return {
    title: term,
    yLabel: labels.rate,
    breakGaps: true,
    points,
    columns: [labels.year, ...(regions ? [labels.region] : []), labels.rate, labels.hits, labels.reports, labels.searched, labels.characters],
    // (By year, then the lines in the order chosen.)
    rows: rows.sort((a, b) => (a[0] as number) - (b[0] as number)),
  };
}
