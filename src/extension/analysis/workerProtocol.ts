// The messages between the extension host (analysisService.ts) and the analysis worker (analysisWorker.ts),
// in a module of their own so that each side imports only the protocol, not the other side.
import type { BundleTimes } from '../common/codeCache';
import type { IndicatorEntry } from '../../core/indicators';
import type { AnalysisPatch } from '../../core/analysisPatch';
import type { DocumentAnalysis } from '../../core/types';
import type { AnalysisRunStats } from '../api';
import type { TextChange } from './changeLog';

export type WorkerRequest =
  /** `key` names the document whose paragraph cache to use; without one, nothing is cached (a one-off). */
  /** `complete`: with projects, loading the segmenter first if it has not loaded yet (exports want them). */
  /** `base`: the `seq` of the last analysis of `key` the host holds; the answer may then be a patch of it. */
  /** `changes` instead of `text`: the edits since the text of `base` (the worker holds it), `length` the new text's. */
  | { type: 'analyze'; id: number; key?: string; text: string; complete?: boolean; base?: number }
  | { type: 'analyze'; id: number; key: string; changes: TextChange[]; length: number; base: number; complete?: undefined; text?: undefined }
  /** The document was closed: drop its cache. */
  | { type: 'forget'; key: string }
  /** Load the word segmenter now, while nothing waits (the extension just activated). */
  | { type: 'warmUp' }
  /** Users' indicator entries, merged into the shipped table; the caches are dropped (their keys may change). */
  | { type: 'indicators'; entries: IndicatorEntry[][] };

/** What the worker measures of one analysis (the rest of AnalysisRunStats is the service's). */
export type AnalysisStats = Pick<AnalysisRunStats, 'analyzeMs' | 'cacheHits' | 'cacheMisses' | 'diffMs' | 'paragraphOnly' | 'places' | 'wholeText'>;

/**
 * An analysis, whole or as a patch of the one numbered `base` (what the host said it holds). `seq` numbers the
 * analyses of a document (`key`) so that the next request can name its base.
 */
export type WorkerResponse =
  | { id: number; seq?: number; analysis: DocumentAnalysis; stats: AnalysisStats }
  /** `patches`: applied in turn (one for each place edited, when the edits at several places were answered in turn). */
  | { id: number; seq: number; base: number; patches: AnalysisPatch[]; stats: AnalysisStats }
  | { id: number; error: string }
  /** The worker does not hold the text the changes apply to (or they did not fit it): send the text. */
  | { id: number; resend: true };

/** Told once, unasked: the segmenter has loaded (or failed to); analyses with projects pending can be redone. */
export interface SegmenterReady {
  type: 'segmenterReady';
  loadMs: number;
  error?: string;
  /** How the worker's bundle was loaded (with or without its code cache), when its entry says. */
  bundle?: BundleTimes;
  /** The project scan's words were read back from where an earlier start kept them, not built (core/lexiconCache). */
  wordsKept?: boolean;
}

/** For the log: how the segmenter's load went, where its words came from and how the worker's bundle was compiled. */
export function describeSegmenterReady({ error, loadMs, wordsKept, bundle }: SegmenterReady): string {
  const words = wordsKept ? ' (its words read back from the last start)' : '';
  const compiled = bundle ? `; the worker's bundle compiled ${bundle.cache === 'used' ? 'from its code cache' : `without a code cache (${bundle.cache})`} in ${bundle.compileMs.toFixed(1)} ms` : '';
  return `word segmenter ${error ? `failed to load: ${error}` : 'loaded'} in ${loadMs.toFixed(0)} ms${words}${compiled}`;
}
