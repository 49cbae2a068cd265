// The worker of one search or one tagging of its hits (bundled to dist/findWorker.js; findInReports.ts starts one
// for each and stops it after): reads the reports as saved and finds the query's hits in each, finds which
// paragraphs of a text hold hits, or writes every hit as a table. Its own small bundle, not the corpus worker's: it starts in a few tens of
// milliseconds, without the analysis.
import { promises as fs } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { compileQuery, findHits, hitSpans, paragraphsHit } from '../../core/corpus/kwic';
import { decodeReport } from '../../core/reportInput';
import { AtomicOutput } from '../../core/atomicWrite';
import { csvRecord, HIT_COLUMNS, hitRows } from '../../core/tables';
import { writeRecords } from '../../core/exportStream';
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

/** The hits table of every hit, a report at a time, streamed to a temporary file that replaces the target once whole. */
async function exportHits(request: Extract<CorpusRequest, { type: 'exportHits' }>): Promise<void> {
  const re = compileQuery(request.query);
  const out = await AtomicOutput.open(request.target);
  const errors: { key: string; error: string }[] = [];
  let rows = 0;
  let reports = 0;
  try {
    await out.write(csvRecord(HIT_COLUMNS));
    for (const file of request.files) {
      let text: string;
      try {
        text = decodeReport(await fs.readFile(file.path), file.path);
      } catch (err) {
        errors.push({ key: file.key, error: errorMessage(err) });
        continue;
      }
      // (Every hit, a piece at a time: the Find view keeps the first MAX_HITS_PER_REPORT of a report.)
      const written = await writeRecords(out, hitRows(file.report, text, hitSpans(text, re)), csvRecord);
      rows += written;
      if (written > 0) reports++;
    }
  } catch (err) {
    await out.abort();
    throw err;
  }
  await out.commit();
  post({ type: 'exportedHits', id: request.id, rows, reports, errors });
}

async function paragraphs(request: Extract<CorpusRequest, { type: 'paragraphsHit' }>): Promise<void> {
  post({ type: 'paragraphsHit', id: request.id, paragraphs: paragraphsHit(request.text, compileQuery(request.query), request.paragraphs) });
}

parentPort?.on('message', (request: CorpusRequest) => {
  if (request.type !== 'find' && request.type !== 'paragraphsHit' && request.type !== 'exportHits') return;
  const work = request.type === 'find' ? find(request) : request.type === 'paragraphsHit' ? paragraphs(request) : exportHits(request);
  work.catch((err: unknown) => post({ type: 'error', id: request.id, error: errorMessage(err) }));
});
