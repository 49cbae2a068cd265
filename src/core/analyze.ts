// Puts the analysis together: structure, then figures and project names per paragraph. The per-paragraph
// work is cached by paragraph text, so re-analysing after an edit only redoes the paragraphs that changed.
import { extractFigures } from './figures';
import { collectProjects, findProjectNames } from './projects';
import type { Segmenter } from './segmenter';
import { parseStructure } from './structure';
import type { DocumentAnalysis, Figure } from './types';

interface ParagraphResult {
  figures: Figure[];
  /** undefined when no segmenter was given. */
  projectNames?: string[];
}

/** Per-paragraph results keyed by paragraph text. Keep one per open document. */
export class AnalysisCache {
  private entries = new Map<string, ParagraphResult>();
  private previous = new Map<string, ParagraphResult>();
  hits = 0;
  misses = 0;

  get(text: string): ParagraphResult | undefined {
    const hit = this.entries.get(text) ?? this.previous.get(text);
    if (hit) {
      this.hits++;
      this.entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, result: ParagraphResult): void {
    this.misses++;
    this.entries.set(text, result);
  }

  /** Called after each full pass: forget paragraphs that were not seen in the last two passes. */
  sweep(): void {
    this.previous = this.entries;
    this.entries = new Map();
  }
}

export interface AnalyzeOptions {
  /** Word segmentation for projects; without it projects are empty. */
  segmenter?: Segmenter;
  /** Why the segmenter is missing, reported in `segmentation.error`. */
  segmenterError?: string;
  cache?: AnalysisCache;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const { segmenter, cache } = options;
  const structure = parseStructure(text);
  const figures: Figure[] = [];
  const names = new Set<string>();

  for (const paragraph of structure.paragraphs) {
    const body = text.slice(paragraph.range.start, paragraph.range.end);
    let result = cache?.get(body);
    if (!result || (segmenter && !result.projectNames)) {
      result = {
        figures: result?.figures ?? extractFigures(body),
        projectNames: segmenter ? findProjectNames(body, segmenter) : undefined,
      };
      cache?.set(body, result);
    }
    // Local ids (f1…) become document ids; change.figureId follows.
    const base = figures.length;
    const rename = (local: string) => `f${base + Number(local.slice(1))}`;
    for (const f of result.figures) {
      figures.push({
        ...f,
        id: rename(f.id),
        range: { start: f.range.start + paragraph.range.start, end: f.range.end + paragraph.range.start },
        change: f.change && { ...f.change, figureId: f.change.figureId && rename(f.change.figureId) },
        paragraphId: paragraph.id,
      });
    }
    for (const n of result.projectNames ?? []) names.add(n);
  }
  cache?.sweep();

  return {
    title: structure.title,
    sections: structure.sections,
    paragraphs: structure.paragraphs,
    captions: structure.captions,
    figures,
    projects: segmenter ? collectProjects(text, names, structure.paragraphs) : [],
    segmentation: segmenter
      ? { available: true }
      : { available: false, error: options.segmenterError ?? 'word segmentation was not requested' },
  };
}
