// The worker of one search or one tagging of its hits (bundled to dist/findWorker.js; findInReports.ts starts one
// for each and stops it after): reads the reports as saved and finds the query's hits in each, or finds which
// paragraphs of a text hold hits. Its own small bundle, not the corpus worker's: it starts in a few tens of
// milliseconds, without the analysis.
import { promises as fs } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { compileQuery, findHits, paragraphsHit } from '../../core/corpus/kwic';
import { decodeReport } from '../../core/reportInput';
import { errorMessage } from '../../core/text';
import type { CorpusRequest, CorpusResponse } from './corpusProtocol';

const post = (m: CorpusResponse) => parentPort!.postMessage(m);

async function find(request: Extract<CorpusRequest, { type: 'find' }>): Promise<void> {
  const re = compileQuery(request.query);
  const reports: { key: string; count: number; hits: ReturnType<typeof findHits>['hits'] }[] = [];
  const errors: { key: string; error: string }[] = [];
  for (const file of request.files) {
    try {
      const text = decodeReport(await fs.readFile(file.path), file.path);
      const { hits, count } = findHits(text, re);
      if (count > 0) reports.push({ key: file.key, count, hits });
    } catch (err) {
      errors.push({ key: file.key, error: errorMessage(err) });
    }
  }
  post({ type: 'found', id: request.id, reports, errors });
}

async function paragraphs(request: Extract<CorpusRequest, { type: 'paragraphsHit' }>): Promise<void> {
  post({ type: 'paragraphsHit', id: request.id, paragraphs: paragraphsHit(request.text, compileQuery(request.query), request.paragraphs) });
}

parentPort?.on('message', (request: CorpusRequest) => {
  if (request.type !== 'find' && request.type !== 'paragraphsHit') return;
  (request.type === 'find' ? find(request) : paragraphs(request)).catch((err: unknown) => post({ type: 'error', id: request.id, error: errorMessage(err) }));
});
