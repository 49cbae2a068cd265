// The analysis worker thread (bundled to dist/analysisWorker.js). Analysis is synchronous CPU work and
// the project scan's word list takes a third of a second to read, so both run here, off the extension host's
// thread. Requests are answered in order; one AnalysisCache per document keeps re-analysis incremental.
// Nothing waits for the segmenter: until it has loaded, analyses come without projects (marked pending),
// and it loads when the worker is idle; then the host is told, and asks again for the projects.
import { parentPort } from 'node:worker_threads';
import { AnalysisCache, analyzeText } from '../../core/analyze';
import { analyzeEdit } from '../../core/analyzeEdit';
import { analyzeEditsInTurn, type EditsInTurn } from '../../core/severalPlaces';
import { diffAnalysis } from '../../core/analysisPatch';
import { patchOwnAnalysis } from '../../core/analysisPatchInPlace';
import { type EditWithText, readWhole } from '../../core/textEdits';
import { changedText } from './changeLog';
import type { DocumentAnalysis } from '../../core/types';
import { loadIndicatorTable, type IndicatorTable } from '../../core/indicators';
import { lexiconCacheFile, readLexiconCache, writeLexiconCache } from '../../core/lexiconCache';
import { adoptLexicon, lexiconSources, loadLexicon, loadLexiconInSteps, prepareLexicon } from '../../core/projectLexicon';
import { loadJiebaSegmenter, type Segmenter } from '../../core/segmenter';
import { errorMessage } from '../../core/text';
import type { SegmenterReady, WorkerRequest, WorkerResponse } from './workerProtocol';
import type { BundleTimes } from '../common/codeCache';
import { warmUpAnalysis } from './warmUp';

let segmenter: { value?: Segmenter; error?: string } | undefined;
/** How the entry loaded this bundle (analysisWorkerEntry.ts), told the host with the segmenter's load. */
let bundleTimes: BundleTimes | undefined;
/** Makes the entry's code cache: called once, when idle after the first answer with projects (the functions it holds are compiled by then). */
let whenWarm: (() => void) | undefined;

/**
 * Whether an analysis has run with the segmenter settled, its projects searched (or their failure told): the code cache
 * is made after one, so that it holds the project scan compiled.
 */
let settledAnswered = false;
/** Where the entry keeps what this bundle made (its code cache): the project scan's words go there too. */
let storage: { dir: string; bundleHash: string } | undefined;

/** Called by the entry that loaded this bundle. */
export function loadedWith(times: BundleTimes, warm: () => void, kept?: { dir: string; bundleHash: string }): void {
  bundleTimes = times;
  whenWarm = warm;
  storage = kept;
}

/** Whether a text was analysed yet (else the worker warms its code up when it is first idle: warmUp.ts). */
let analysed = false;
/** The project scan's words being read a step at a time, and since when (loadSegmenterSoon). */
let loading: { since: number; kept?: boolean } | undefined;
const caches = new Map<string, AnalysisCache>();
/** The last analysis sent for each document, numbered, for the patch of the next one. */
const sent = new Map<string, { seq: number; text: string; analysis: DocumentAnalysis }>();
let nextSeq = 1;
/** The shipped table with users' entries (undefined: the shipped one). */
let indicators: IndicatorTable | undefined;

/** Loads the segmenter and the project scan's words now (once; what loadSegmenterSoon has read is not waited for) and tells the host. */
function loadSegmenter(): void {
  if (segmenter) return;
  const t0 = loading?.since ?? performance.now();
  try {
    segmenter = { value: loadJiebaSegmenter() };
    prepareLexicon(segmenter.value);
  } catch (err) {
    segmenter = { error: errorMessage(err) };
  }
  const ready: SegmenterReady = {
    type: 'segmenterReady',
    loadMs: performance.now() - t0,
    ...(loading?.kept && { wordsKept: true }),
    ...(segmenter.error && { error: segmenter.error }),
    ...(bundleTimes && { bundle: bundleTimes }),
  };
  parentPort?.postMessage(ready);
}

/**
 * Reads the project scan's words a step of about 10 ms at a time, answering the requests that arrive in between
 * (without projects, until it is done), then loads the segmenter. (Read in one piece, they held back for 0.3 s the
 * first results of a report opened just after the worker started: the usual case, as the worker starts on activation.)
 */
function loadSegmenterSoon(): void {
  if (segmenter || loading) return;
  loading = { since: performance.now() };
  // (Where the dictionary file cannot be read, loadSegmenter falls back as it did: prepareLexicon tries the segmenter's words.)
  void loadWords().then(loadSegmenter, loadSegmenter);
}

/**
 * The project scan's words: read back from where an earlier start of this bundle kept them (core/lexiconCache; about
 * a third of building them), else read a step at a time and kept there once the worker is idle.
 */
async function loadWords(): Promise<void> {
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  await pause(); // (the requests already waiting first)
  const file = storage && lexiconCacheFile(storage.dir, storage.bundleHash, lexiconSources());
  const kept = file && (await readLexiconCache(file));
  if (kept) {
    adoptLexicon(kept);
    loading!.kept = true;
    return;
  }
  await loadLexiconInSteps(pause);
  if (file) whenIdle(() => void writeLexiconCache(file, loadLexicon()).catch(() => undefined));
}

/** Edits analysed from their paragraph since the last whole analysis of a document, which sweeps its caches. */
const paragraphEdits = new Map<string, number>();
/** After so many, the whole text is read again (the caches' passes end only there). */
const MAX_PARAGRAPH_EDITS = 256;
/**
 * After so many, the whole text is read when the worker is next idle (the user paused): the caches are swept then,
 * not at the keystroke that reaches MAX_PARAGRAPH_EDITS (a 5 MB report read whole takes 100–250 ms).
 */
const SWEEP_WHEN_IDLE = 64;

/** A document's text read whole for its caches' sake; the analysis is the one the patches made, so it is not kept. */
function sweepCaches(key: string): void {
  rebuildNow();
  const held = sent.get(key);
  const cache = caches.get(key);
  if (!held || !cache || (paragraphEdits.get(key) ?? 0) < SWEEP_WHEN_IDLE) return;
  // (With projects when the analysis the host holds has them: their counts are kept in the cache too.)
  analyzeText(held.text, { segmenter: held.analysis.segmentation.available ? segmenter?.value : undefined, cache, indicators });
  paragraphEdits.delete(key);
}

/**
 * The worker's own copy of the analysis it sent as a patch, still to be made (the host waits for the response,
 * not for this). It is made a little later, not while the host applies the same patch: on two cores the two
 * would compete with each other and with the editor; a request that comes sooner makes it first.
 */
let rebuild: (() => void) | undefined;
let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
const REBUILD_AFTER_MS = 40;

function rebuildNow(): void {
  clearTimeout(rebuildTimer);
  const run = rebuild;
  rebuild = undefined;
  run?.();
}

function handle(request: WorkerRequest): WorkerResponse | undefined {
  rebuildNow();
  if (request.type === 'forget') {
    caches.delete(request.key);
    sent.delete(request.key);
    paragraphEdits.delete(request.key);
    return undefined;
  }
  if (request.type === 'warmUp') {
    // (After the requests already waiting, which warm the code as well; before the words' first step.)
    setImmediate(() => analysed || warmUpAnalysis());
    loadSegmenterSoon();
    return undefined;
  }
  if (request.type === 'indicators') {
    indicators = request.entries.length > 0 ? loadIndicatorTable(...request.entries) : undefined;
    caches.clear();
    sent.clear();
    return undefined;
  }
  analysed = true;
  try {
    if (request.complete) loadSegmenter();
    let cache = request.key === undefined ? new AnalysisCache() : caches.get(request.key);
    if (!cache) caches.set(request.key!, (cache = new AnalysisCache()));
    let [hits, misses] = [cache.hits, cache.misses];
    const t0 = performance.now();
    const previous = request.key === undefined ? undefined : sent.get(request.key);
    // A document's first analysis comes without projects even when the segmenter is there: sections, paragraphs and
    // figures at once (the project scan run cold took it three times as long), the projects next (the host asks at once).
    const projectsNext = !request.complete && request.key !== undefined && !previous && segmenter?.value !== undefined;
    const options = { segmenter: projectsNext ? undefined : segmenter?.value, segmenterError: segmenter?.error, cache, indicators };
    if (segmenter && !projectsNext) settledAnswered = true;
    const base = previous && previous.seq === request.base ? previous : undefined;
    // After typing only the changes come: the text is the one of `base` with them applied.
    let text: string;
    let edits: EditWithText[] | undefined;
    if (request.text !== undefined) text = request.text;
    else {
      if (!base) return { id: request.id, resend: true };
      // (Keystrokes typed at one place since the last analysis are one edit, at a few places (cursors) one each: the
      // answer reads them, not the whole text.)
      const changed = changedText(base.text, request.changes);
      text = changed.text;
      if (text.length !== request.length) return { id: request.id, resend: true };
      edits = changed.edits;
    }
    let wholeText = !base ? 'no analysis the host holds' : request.complete ? 'projects asked for' : undefined;
    if (base && !wholeText && (paragraphEdits.get(request.key!) ?? 0) >= MAX_PARAGRAPH_EDITS) wholeText = 'the caches are swept';
    const key = request.key!;
    /** Counts the paragraphs answered (one for each place edited) toward the next sweep of the caches. */
    const paragraphEdited = (places = 1) => {
      const before = paragraphEdits.get(key) ?? 0;
      const count = before + places;
      paragraphEdits.set(key, count);
      if (before < SWEEP_WHEN_IDLE && count >= SWEEP_WHEN_IDLE) whenIdle(() => sweepCaches(key));
      if (!segmenter) loadSegmenterSoon();
    };
    // Typing at several places: each edit's patch from its paragraph, in turn. The worker's analysis is patched as it
    // goes (so it is not the host's until the answer is taken: dropped meanwhile, should anything throw).
    let inTurn: EditsInTurn | undefined;
    if (base && !wholeText && edits && edits.length > 1) {
      sent.delete(key);
      inTurn = analyzeEditsInTurn(base, edits, options);
      if (!inTurn.declined) {
        const seq = nextSeq++;
        const { reached, patches } = inTurn;
        sent.set(key, { seq, ...reached });
        paragraphEdited(edits.length);
        rebuild = () => readWhole(reached.text);
        const stats = { analyzeMs: performance.now() - t0, cacheHits: cache.hits - hits, cacheMisses: cache.misses - misses, paragraphOnly: true, places: edits.length };
        return { id: request.id, seq, base: base.seq, patches, stats };
      }
    }
    // Typing inside a paragraph: its patch from the paragraph alone; the analysis itself is made after posting (rebuild).
    const edit = base && !wholeText && !inTurn ? analyzeEdit(base, text, options, edits) : undefined;
    if (base && edit?.patch) {
      const seq = nextSeq++;
      const patch = edit.patch;
      paragraphEdited();
      rebuild = () => {
        // The answer read the old text and the change (EditedText); the new text is made one piece here, after it,
        // not at the next keystroke's read of it (about 3 ms per MB).
        readWhole(text);
        // Its analysis patched in place, as the host patches its own (a copy of every item after the edit took 31 ms in
        // 5 MB, in place 1 ms). (Should it fail, the document's next request finds no analysis it is based on and asks
        // for the text.)
        try {
          sent.set(key, { seq, text, analysis: patchOwnAnalysis(base.analysis, patch) });
        } catch {
          sent.delete(key);
        }
      };
      const stats = { analyzeMs: performance.now() - t0, cacheHits: cache.hits - hits, cacheMisses: cache.misses - misses, paragraphOnly: true };
      return { id: request.id, seq, base: base.seq, patches: [patch], stats };
    }
    // (The cache's counts of the whole reading alone, not of the places answered before it.)
    [hits, misses] = [cache.hits, cache.misses];
    const analysis = analyzeText(text, options);
    if (request.key !== undefined) paragraphEdits.delete(request.key);
    if (!segmenter || projectsNext) {
      analysis.segmentation = { available: false, pending: true, error: projectsNext ? 'projects follow' : 'the word segmenter is loading' };
      loadSegmenterSoon();
    }
    const why = wholeText ?? edit?.declined ?? inTurn?.declined;
    const stats = { analyzeMs: performance.now() - t0, cacheHits: cache.hits - hits, cacheMisses: cache.misses - misses, ...(why && { wholeText: why }) };
    if (request.key === undefined) return { id: request.id, analysis, stats };
    // Only what changed crosses to the host, when it holds the analysis this one is compared with.
    const seq = nextSeq++;
    sent.set(request.key, { seq, text, analysis });
    if (base) {
      const t1 = performance.now();
      // (From where the edits answered in turn, if any, led: the worker's analysis was patched so far.)
      const from = inTurn?.reached ?? base;
      const patches = [...(inTurn?.patches ?? []), diffAnalysis(from.analysis, analysis, from.text, text)];
      return { id: request.id, seq, base: base.seq, patches, stats: { ...stats, diffMs: performance.now() - t1 } };
    }
    return { id: request.id, seq, analysis, stats };
  } catch (err) {
    return { id: request.id, error: (err instanceof Error && err.stack) || errorMessage(err) };
  }
}

/**
 * Work that waits until no request has come for IDLE_MS: writing the caches (the words' 9 MB copied into one buffer
 * took 47-61 ms here, the code cache a few) is not done while a user waits for the first analyses of a report.
 */
const IDLE_MS = 1000;
const idleWork: (() => void)[] = [];
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function whenIdle(work: () => void): void {
  idleWork.push(work);
  restartIdle();
}

function restartIdle(): void {
  clearTimeout(idleTimer);
  if (idleWork.length > 0) idleTimer = setTimeout(() => idleWork.splice(0).forEach((work) => work()), IDLE_MS);
}

parentPort?.on('message', (request: WorkerRequest) => {
  const response = handle(request);
  if (response) parentPort!.postMessage(response);
  if (rebuild) rebuildTimer = setTimeout(rebuildNow, REBUILD_AFTER_MS);
  if (whenWarm && response && settledAnswered) {
    whenIdle(whenWarm);
    whenWarm = undefined;
  }
  restartIdle();
});
