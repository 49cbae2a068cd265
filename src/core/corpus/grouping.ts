// The Corpus view's order: reports grouped by level (national first), then by region, each group by year.
import { REPORT_LEVELS, type ReportLevel } from '../types';
import type { ReportSummary } from './summary';

/** One report of the corpus: where it is (a URI string and a name for people) and its summary. */
export interface CorpusReport {
  uri: string;
  /** The path inside the workspace, for labels and tables. */
  name: string;
  summary: ReportSummary;
  /** Tag → how many annotations carry it (from the report's sidecar). */
  tags?: Record<string, number>;
}

export interface RegionGroup {
  region: string;
  reports: CorpusReport[];
}

export interface LevelGroup {
  /** undefined: the level is not known (news features, reports without a title line). */
  level?: ReportLevel;
  regions: RegionGroup[];
  count: number;
}

// Made on first use: a collator loads ICU's locale data, which loading the extension need not wait for.
let collator: Intl.Collator | undefined;

/** Reports by level (national, province, city, district, county, unknown), region (by name), year (then name). */
export function groupReports(reports: readonly CorpusReport[], unknownRegion = '?'): LevelGroup[] {
  const levels = new Map<ReportLevel | undefined, Map<string, CorpusReport[]>>();
  for (const r of reports) {
    const level = r.summary.meta?.level;
    const region = r.summary.meta?.region ?? unknownRegion;
    let regions = levels.get(level);
    if (!regions) levels.set(level, (regions = new Map()));
    let list = regions.get(region);
    if (!list) regions.set(region, (list = []));
    list.push(r);
  }
  const order = (l: ReportLevel | undefined) => (l === undefined ? REPORT_LEVELS.length : REPORT_LEVELS.indexOf(l));
  return [...levels.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([level, regions]) => {
      const groups = [...regions.entries()]
        .sort(([a], [b]) => (collator ??= new Intl.Collator('zh-CN')).compare(a, b))
        .map(([region, list]) => ({ region, reports: [...list].sort(byYear) }));
      return { level, regions: groups, count: groups.reduce((n, g) => n + g.reports.length, 0) };
    });
}

export function byYear(a: CorpusReport, b: CorpusReport): number {
  const ya = a.summary.meta?.year ?? Number.MAX_SAFE_INTEGER;
  const yb = b.summary.meta?.year ?? Number.MAX_SAFE_INTEGER;
  return ya - yb || a.name.localeCompare(b.name);
}
