// What the timeline panel draws: the message the extension posts to its webview (media/timeline/), built
// here so it is tested without a webview. One chart: x = year; for an indicator the result as a line and the
// target as a mark showing its bound, one series per region; for a search term, its hits per year.
import type { FigureBound, FigureRole } from '../types';
import type { IndicatorSeries } from './series';
import type { ReportHits } from './kwic';
import { countsPerYear } from './kwic';

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
  rows: (string | number)[][];
}

/** The chart of an indicator: its points, the series being regions. `labels` are the column names shown. */
export function indicatorChart(s: IndicatorSeries, labels: { year: string; region: string; target: string; bound: string; result: string; report: string }): ChartData {
  const unit = s.points[0]?.unit ?? '';
  const points: ChartPoint[] = s.points.map((p) => ({
    x: p.year,
    y: p.value,
    ...(p.high !== undefined && { y2: p.high }),
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
      row[2] = p.high !== undefined ? `${p.value}–${p.high}` : p.value;
      row[3] = p.bound;
      row[5] = p.report;
    } else {
      row[4] = p.value;
      row[6] = p.report;
    }
    rows.set(k, row);
  }
  return {
    title: `${s.name} (${s.indicatorKey}, ${unit || s.kind})`,
    yLabel: unit,
    points,
    columns: [labels.year, labels.region, labels.target, labels.bound, labels.result, `${labels.report} (${labels.target})`, `${labels.report} (${labels.result})`],
    rows: [...rows.values()],
  };
}

/** The chart of a search term: hits per year, one series. */
export function termChart(term: string, reports: readonly ReportHits[], labels: { year: string; hits: string; reports: string }): ChartData {
  const years = countsPerYear(reports);
  return {
    title: term,
    yLabel: labels.hits,
    points: years.map((y) => ({
      x: y.year,
      y: y.count,
      series: term,
      role: 'count' as const,
      label: `${y.year}: ${y.count}`,
      detail: reports.filter((r) => r.year === y.year && r.count > 0).map((r) => `${r.title ?? r.name} (${r.count})`).join('\n'),
    })),
    columns: [labels.year, labels.hits, labels.reports],
    rows: years.map((y) => [y.year, y.count, y.reports]),
  };
}
