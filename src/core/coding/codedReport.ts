// What the exports and imports of coding work take: the codebook and the reports with their annotations.
// Offsets are UTF-16, as the sidecar and AnnotationStore give them; the formats convert to code points.
import type { StoredAnnotation } from '../annotations';
import type { Codebook } from './codebookSchema';

/** A report's metadata (spec.md "Report metadata"), where the analysis found it. */
export interface ReportMeta {
  year?: number;
  region?: string;
  level?: string;
  genre?: string;
}

export interface CodedReport {
  /** Its path from the workspace folder, with / (what memos and exports call it). */
  path: string;
  text: string;
  /** UTF-16 offsets into `text`. Orphans are left out of the exports (and counted in `skipped`). */
  annotations: readonly StoredAnnotation[];
  meta?: ReportMeta;
}

export interface CodingProject {
  /** The project's name (the workspace folder's). */
  name: string;
  codebook: Codebook;
  reports: readonly CodedReport[];
  /** The colour of a tag the codebook does not list, as the editor draws it (the setting's); else its hashColor, as the editor's fallback. */
  colorOf?: (tag: string) => string;
}

/** An annotation an export left out, and why. */
export interface SkippedAnnotation {
  report: string;
  id: string;
  reason: string;
}

/** A report and its text, for an import to find places in. */
export interface ReportText {
  path: string;
  text: string;
}

/** The metadata of an analysis, if it has any (DocumentAnalysis gains `meta` where the analysis finds it). */
export function metaOf(analysis: object): ReportMeta | undefined {
  const meta = (analysis as { meta?: unknown }).meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const m = meta as Record<string, unknown>;
  const out: ReportMeta = {};
  if (typeof m.year === 'number' && Number.isInteger(m.year)) out.year = m.year;
  for (const key of ['region', 'level', 'genre'] as const) if (typeof m[key] === 'string' && m[key] !== '') out[key] = m[key] as string;
  return Object.keys(out).length > 0 ? out : undefined;
}
