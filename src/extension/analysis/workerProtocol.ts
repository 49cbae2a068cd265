// The messages between the extension host (analysisService.ts) and the analysis worker (analysisWorker.ts),
// in a module of their own so that each side imports only the protocol, not the other side.
import type { DocumentAnalysis } from '../../core/types';
import type { AnalysisRunStats } from '../api';

export type WorkerRequest =
  /** `key` names the document whose paragraph cache to use; without one, nothing is cached (a one-off). */
  | { type: 'analyze'; id: number; key?: string; text: string }
  /** The document was closed: drop its cache. */
  | { type: 'forget'; key: string };

/** What the worker measures of one analysis (the rest of AnalysisRunStats is the service's). */
export type AnalysisStats = Pick<AnalysisRunStats, 'analyzeMs' | 'segmenterLoadMs' | 'cacheHits' | 'cacheMisses'>;

export type WorkerResponse =
  | { id: number; analysis: DocumentAnalysis; stats: AnalysisStats }
  | { id: number; error: string };
