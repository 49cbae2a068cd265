// The analysis model. Offsets here are JavaScript string indices (UTF-16 code units), the same as
// VS Code positions; the export converts them to code points at the boundary (see offsets.ts).

/** A half-open range [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export const FIGURE_KINDS = [
  'currency',
  'area',
  'length',
  'mass',
  'volume',
  'energy',
  'percent',
  'percentagePoint',
  'count',
  'duration',
  'rank',
  'other',
] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface FigureChange {
  direction: ChangeDirection;
  /** The figure that states the size of the change (增长34.2% → the 34.2% figure), when there is one. */
  figureId?: string;
}

/** How a figure's number is meant (spec.md, "Targets and results"). */
export const FIGURE_BOUNDS = ['exact', 'about', 'atLeast', 'atMost', 'range'] as const;
export type FigureBound = (typeof FIGURE_BOUNDS)[number];

export const FIGURE_ROLES = ['target', 'result'] as const;
/** target: a goal set for the future; result: what was achieved. */
export type FigureRole = (typeof FIGURE_ROLES)[number];

/** The high end of a range (6%－6.5% → 6.5, 1万-5万元 → 5, 50000). */
export interface FigureHigh {
  value: number;
  baseValue: number;
}

export interface Figure {
  id: string;
  /** The text of the span: number, magnitude and unit (51593万元). */
  text: string;
  range: Span;
  kind: FigureKind;
  /** The number as written, without the magnitude (二十多家 → 20, 1.05亿元 → 1.05). */
  value: number;
  /** 1, 1e3, 1e4, 1e8 or 1e12 (also 100 for 百). */
  magnitude: number;
  /** value × magnitude, computed exactly in decimal. */
  baseValue: number;
  /** The unit without the magnitude (万元 → 元, 万平方米 → 平方米, 12家 → 家). */
  unit: string;
  approx: boolean;
  /** The high end when the figure is a range (bound "range"); value/magnitude/baseValue are the low end. */
  high?: FigureHigh;
  /** exact, about (左右, 约), atLeast (以上, 不低于, 超过, 突破), atMost (以内, 以下, 不超过), range. */
  bound: FigureBound;
  /** What the figure measures, e.g. 一般公共预算收入. */
  indicator?: string;
  /** The canonical key of the indicator, from the indicator table (gdp, fiscalRevenue …). */
  indicatorKey?: string;
  /** A goal (target) or an achievement (result), when the text says. */
  role?: FigureRole;
  /** The calendar year the figure is about, when the text makes it clear. */
  year?: number;
  /** For a percent/percentagePoint figure: the direction word before it (增长 → up, 下降 → down). */
  direction?: ChangeDirection;
  /** A change stated right after this figure (51593万元，增长34.2% → up, figureId of 34.2%). */
  change?: FigureChange;
  paragraphId?: string;
}

export type SectionLevel = 0 | 1 | 2 | 3;

export interface Section {
  id: string;
  parentId?: string;
  level: SectionLevel;
  /** The heading text, trimmed (一、2019年工作回顾). */
  title: string;
  /** The span of the heading text itself. */
  heading: Span;
  /** From the heading to the next heading of the same or a higher level (or the end of the text). */
  range: Span;
}

export interface Paragraph {
  id: string;
  sectionId?: string;
  /** The paragraph's text without leading/trailing white space. */
  range: Span;
}

export type CaptionKind = 'caption' | 'byline' | 'boilerplate';

/** Lines that are not part of the report's body: photo captions, bylines, web-page boilerplate. */
export interface Caption {
  kind: CaptionKind;
  text: string;
  range: Span;
}

export interface Project {
  id: string;
  name: string;
  occurrences: Span[];
}

export interface SegmentationStatus {
  /** true when nodejieba loaded and projects were searched. */
  available: boolean;
  /** Why it is not available, for the user. */
  error?: string;
  /** It is still loading: projects follow in a later analysis (the editor shows the rest at once). */
  pending?: boolean;
}

/** Something in the text the analysis could not represent, and left out (a number beyond a double). */
export interface AnalysisWarning {
  range: Span;
  message: string;
}

export const REPORT_LEVELS = ['national', 'province', 'city', 'district', 'county'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];
export type ReportGenre = 'workReport' | 'news';

/** Who gave the report and when, from its title and first lines (spec.md, "Report metadata"). */
export interface ReportMeta {
  /** The year the report is given in (its date line), not the year it reviews. */
  year?: number;
  /** 中国, 河北省, 洛阳市西工区 … */
  region?: string;
  level?: ReportLevel;
  genre: ReportGenre;
}

export interface DocumentAnalysis {
  /** The report's title (the level-0 section's title), if found. */
  title?: string;
  /** Absent only where no analysis ran (an empty stand-in). */
  meta?: ReportMeta;
  sections: Section[];
  paragraphs: Paragraph[];
  figures: Figure[];
  projects: Project[];
  captions: Caption[];
  segmentation: SegmentationStatus;
  /** What was left out of the analysis, and why; absent when nothing was. */
  warnings?: AnalysisWarning[];
}

/** A W3C Web Annotation style target: position (UTF-16 here) plus quote with context, for re-anchoring. */
export interface AnnotationTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** A user's tags and note on a stretch of text (usually one paragraph). */
export interface Annotation {
  id: string;
  tags: string[];
  note?: string;
  target: AnnotationTarget;
  /** ISO 8601. */
  created: string;
  modified: string;
}
