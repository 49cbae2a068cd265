// The analysis worker (dist/analysisWorker.js, the bundle the extension runs): nothing waits for the word
// segmenter. The first analysis comes at once without projects (pending); the segmenter loads when the
// worker is idle and says so; the next analysis has the projects. A `complete` request loads it first.
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { AnalysisCache, analyzeText } from '../../src/core/analyze';
import { type AnalysisPatch, applyAnalysisPatch } from '../../src/core/analysisPatch';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import type { DocumentAnalysis } from '../../src/core/types';
import { applyChanges, type TextChange } from '../../src/extension/analysis/changeLog';
import type { AnalysisStats } from '../../src/extension/analysis/workerProtocol';
import { corpusText, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';

type Message = {
  id?: number;
  type?: string;
  seq?: number;
  analysis?: DocumentAnalysis;
  patches?: AnalysisPatch[];
  stats?: AnalysisStats;
  loadMs?: number;
  bundle?: { cache: string };
  wordsKept?: boolean;
};

/** The worker's patches applied in turn, as the host applies them. */
const patched = (analysis: DocumentAnalysis, patches: AnalysisPatch[]) => patches.reduce(applyAnalysisPatch, analysis);

function worker(codeCacheDir?: string): {
  post(m: object): void;
  next(pred: (m: Message) => boolean): Promise<Message>;
  /** The messages in the order they arrived. */
  arrived: Message[];
  stop(): Promise<number>;
} {
  const w = new Worker(join(REPO_ROOT, 'dist', 'analysisWorker.js'), { workerData: { codeCacheDir } });
  const seen: Message[] = [];
  const waiting: { pred: (m: Message) => boolean; resolve(m: Message): void }[] = [];
  const arrived: Message[] = [];
  w.on('message', (m: Message) => {
    arrived.push(m);
    const i = waiting.findIndex((x) => x.pred(m));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
    else seen.push(m);
  });
  return {
    post: (m) => w.postMessage(m),
    arrived,
    next: (pred) => {
      const i = seen.findIndex(pred);
      if (i >= 0) return Promise.resolve(seen.splice(i, 1)[0]);
      return new Promise((resolve) => waiting.push({ pred, resolve }));
    },
    stop: () => w.terminate(),
  };
}

describe('analysis worker', () => {
  const text = corpusText('002_395ec08d707c8053.txt');

  /** The report analysed with projects as document `a` (what the host holds), and a place mid-paragraph to type at. */
  async function followed(w: ReturnType<typeof worker>) {
    w.post({ type: 'analyze', id: 1, key: 'a', text, complete: true });
    const first = await w.next((m) => m.id === 1);
    const paragraph = first.analysis!.paragraphs.find((p) => p.range.end - p.range.start > 200)!;
    return { first, paragraph, middle: (paragraph.range.start + paragraph.range.end) >> 1 };
  }

  /** The text typed into as a host follows it: the analysis it holds, patched, and the worker's sequence; typing at `at`. */
  async function typingAt(w: ReturnType<typeof worker>) {
    const { first, middle } = await followed(w);
    return { held: first.analysis!, seq: first.seq, edited: text, at: middle };
  }

  /** Makes the changes to `typed.edited` and sends them, as the host does; applies the worker's patch; its stats. */
  async function sendChanges(w: ReturnType<typeof worker>, typed: Awaited<ReturnType<typeof typingAt>>, id: number, changes: TextChange[]) {
    typed.edited = applyChanges(typed.edited, changes);
    return send(w, typed, id, { changes, length: typed.edited.length });
  }

  /** Sends a request based on the analysis `typed` holds (its changes, or its whole text); applies the worker's patch; its stats. */
  async function send(w: ReturnType<typeof worker>, typed: Awaited<ReturnType<typeof typingAt>>, id: number, body: { changes: TextChange[]; length: number } | { text: string }) {
    w.post({ type: 'analyze', id, key: 'a', ...body, base: typed.seq });
    const answer = await w.next((m) => m.id === id);
    assert.ok(answer.patches, `request ${id}: a patch`);
    typed.held = patched(typed.held, answer.patches);
    typed.seq = answer.seq;
    return answer.stats!;
  }

  /** What the worker's patches must rebuild: the whole analysis of the text, made here. */
  const wholeAnalysis = (edited: string) => analyzeText(edited, { segmenter: loadJiebaSegmenter(), cache: new AnalysisCache() });

  test('first results at once, projects pending; the segmenter loads when idle; then projects', async () => {
    const w = worker();
    try {
      const t0 = performance.now();
      w.post({ type: 'analyze', id: 1, key: 'a', text });
      const first = await w.next((m) => m.id === 1);
      const firstMs = performance.now() - t0;
      assert.equal(first.analysis!.segmentation.pending, true);
      assert.equal(first.analysis!.projects.length, 0);
      assert.ok(first.analysis!.figures.length > 100, 'figures at once');
      const ready = await w.next((m) => m.type === 'segmenterReady');
      w.post({ type: 'analyze', id: 2, key: 'a', text });
      const second = await w.next((m) => m.id === 2);
      assert.equal(second.analysis!.segmentation.available, true);
      assert.ok(second.analysis!.projects.length > 10, 'projects follow');
      console.log(`    first results ${firstMs.toFixed(0)} ms after the request (a cold worker); segmenter loaded in ${ready.loadMs!.toFixed(0)} ms after that`);
    } finally {
      await w.stop();
    }
  });

  test('a request that arrives while the project scan\'s words load is answered in between, without projects', async () => {
    const w = worker();
    try {
      w.post({ type: 'analyze', id: 1, key: 'a', text });
      await w.next((m) => m.id === 1); // (the words start loading now)
      await new Promise((r) => setTimeout(r, 100));
      w.post({ type: 'analyze', id: 2, key: 'b', text: `${text}\n` });
      const answer = await w.next((m) => m.id === 2);
      const ready = await w.next((m) => m.type === 'segmenterReady');
      if (w.arrived.indexOf(ready) < w.arrived.indexOf(answer)) {
        console.log('    (the words had loaded within 100 ms: nothing to interleave on this machine)');
        return;
      }
      assert.equal(answer.analysis!.segmentation.pending, true, 'answered before the words were read, without projects');
      assert.ok(answer.analysis!.figures.length > 100);
      w.post({ type: 'analyze', id: 3, key: 'b', text: `${text}\n` });
      assert.equal((await w.next((m) => m.id === 3)).analysis!.segmentation.available, true, 'then with projects');
    } finally {
      await w.stop();
    }
  });

  test('with a directory for it, a worker keeps its code cache and the project scan\'s words there; the next one starts from them', async () => {
    const dir = tempDir('worker-cache-');
    try {
      const first = worker(dir);
      first.post({ type: 'warmUp' });
      const ready = await first.next((m) => m.type === 'segmenterReady');
      assert.equal(ready.bundle?.cache, 'absent');
      assert.equal(ready.wordsKept, undefined, 'the words built');
      first.post({ type: 'analyze', id: 1, key: 'a', text });
      assert.equal((await first.next((m) => m.id === 1)).analysis!.segmentation.pending, true, 'a first analysis: projects next');
      first.post({ type: 'analyze', id: 2, key: 'a', text });
      assert.equal((await first.next((m) => m.id === 2)).analysis!.segmentation.available, true);
      // (Each is written to a temporary file, then renamed: it is there when its name is.)
      const kept = () => readdirSync(dir).filter((f) => f.endsWith('.v8cache') || (f.startsWith('lexicon-') && f.endsWith('.bin')));
      for (let waited = 0; kept().length < 2 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      await first.stop();
      assert.equal(kept().length, 2, 'one code cache, written once warm, and the words');
      const second = worker(dir);
      second.post({ type: 'warmUp' });
      const again = await second.next((m) => m.type === 'segmenterReady');
      assert.equal(again.bundle?.cache, 'used');
      assert.equal(again.wordsKept, true, 'the words read back');
      second.post({ type: 'analyze', id: 1, key: 'a', text, complete: true });
      assert.deepEqual((await second.next((m) => m.id === 1)).analysis!.projects, wholeAnalysis(text).projects, 'the projects the words built find');
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a complete request (an export) loads the segmenter first and has the projects', async () => {
    const w = worker();
    try {
      w.post({ type: 'analyze', id: 1, text, complete: true });
      const done = await w.next((m) => m.id === 1);
      assert.equal(done.analysis!.segmentation.available, true);
      assert.ok(done.analysis!.projects.length > 10);
    } finally {
      await w.stop();
    }
  });

  test('typing: each edit inside a paragraph is answered from that paragraph, and the patches rebuild the whole analysis', async () => {
    const w = worker();
    try {
      const { first, paragraph, middle } = await followed(w);
      let held = first.analysis!;
      let seq = first.seq;
      let edited = text;
      let at = middle;
      const typed = '在此键入一句话增长6.5%';
      const answers: AnalysisStats[] = [];
      for (const [i, ch] of [...typed].entries()) {
        edited = edited.slice(0, at) + ch + edited.slice(at);
        at += ch.length;
        w.post({ type: 'analyze', id: 10 + i, key: 'a', text: edited, base: seq });
        const answer = await w.next((m) => m.id === 10 + i);
        assert.deepEqual(answer.patches?.length, 1, 'a patch of the analysis the host holds');
        held = patched(held, answer.patches!);
        seq = answer.seq;
        answers.push(answer.stats!);
      }
      assert.equal(JSON.stringify(held), JSON.stringify(wholeAnalysis(edited)));
      assert.ok(answers.every((s) => s.paragraphOnly), JSON.stringify(answers.filter((s) => !s.paragraphOnly)));
      assert.ok(held.figures.some((f) => f.range.start > paragraph.range.start && f.range.end <= at && f.unit === '%'), 'the typed figure');
    } finally {
      await w.stop();
    }
  });

  test('a long burst of typing with a pause in it: the caches are swept while the worker is idle, no keystroke reads the whole text', async () => {
    const w = worker();
    try {
      const typed = await typingAt(w);
      const answers: AnalysisStats[] = [];
      // 100 keystrokes, a pause longer than the worker's idle wait (1 s), then 200 more: past the 256 after which the
      // whole text is read at a keystroke, unless the pause swept the caches.
      for (let i = 0; i < 300; i++) {
        if (i === 100) await new Promise((r) => setTimeout(r, 1500));
        const ch = i % 10 === 9 ? '，' : '字';
        answers.push(await sendChanges(w, typed, 100 + i, [{ offset: typed.at, length: 0, text: ch }]));
        typed.at += 1;
      }
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
      const whole = answers.map((s, i) => [i, s.wholeText]).filter(([, why]) => why);
      assert.deepEqual(whole, [], 'every keystroke answered from its paragraph');
    } finally {
      await w.stop();
    }
  });

  test('keystrokes typed faster than the analysis delay come in one request: they are one edit, answered from the paragraph', async () => {
    const w = worker();
    try {
      const typed = await typingAt(w);
      // Requests of three to five keystrokes each, one of them a backspace over what was typed.
      for (let r = 0; r < 6; r++) {
        const changes: TextChange[] = [];
        for (const ch of ['增', '长', r % 2 ? '6' : '7', '\b', '%'].slice(0, 3 + (r % 3))) {
          const change = ch === '\b' ? { offset: typed.at - 1, length: 1, text: '' } : { offset: typed.at, length: 0, text: ch };
          typed.at = change.offset + change.text.length;
          changes.push(change);
        }
        const stats = await sendChanges(w, typed, 300 + r, changes);
        assert.equal(stats.paragraphOnly, true, `request ${r}: from the paragraph (${stats.wholeText})`);
      }
      // A character typed over by itself (a closing bracket the editor put in) changes nothing: still from the paragraph.
      const same = await sendChanges(w, typed, 310, [{ offset: typed.at - 1, length: 1, text: typed.edited[typed.at - 1] }]);
      assert.equal(same.paragraphOnly, true, `typed over by itself: from the paragraph (${same.wholeText})`);
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
    } finally {
      await w.stop();
    }
  });

  test('typing, deleting back and reading the whole text in turn at several places: the worker\'s own analysis, patched in place, stays the text\'s', async () => {
    const w = worker();
    try {
      const typed = await typingAt(w);
      let x = 3;
      const rng = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const paragraphs = typed.held.paragraphs.filter((p) => p.range.end - p.range.start > 60);
      // Places mid-paragraph, by paragraph index: they move with what is typed before them.
      const places = [0.15, 0.4, 0.7, 0.9].map((f) => paragraphs[Math.floor(paragraphs.length * f)].id);
      const typedAt = new Map<string, number>(); // (characters typed at each place and not deleted)
      for (let r = 0; r < 80; r++) {
        const id = places[Math.floor(rng() * places.length)];
        const p = typed.held.paragraphs.find((q) => q.id === id)!;
        const at = ((p.range.start + p.range.end) >> 1) + (typedAt.get(id) ?? 0) - ((typedAt.get(id) ?? 0) >> 1);
        const op = rng();
        if (op < 0.15) {
          // The whole text (as after an edit the host could not log): read whole, the figures' cache handed out again.
          await send(w, typed, 500 + r, { text: typed.edited });
        } else {
          const back = op < 0.5 && (typedAt.get(id) ?? 0) > 0;
          const put = ['增长5%', '字', '12亿元', '项目'][Math.floor(rng() * 4)];
          const change = back ? { offset: at - 1, length: 1, text: '' } : { offset: at, length: 0, text: put };
          // (A deletion takes back the last character typed there: the place's text is as it was after enough of them.)
          typedAt.set(id, (typedAt.get(id) ?? 0) + change.text.length - change.length);
          await sendChanges(w, typed, 500 + r, [change]);
        }
        if (r % 20 === 19) assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)), `after request ${r}`);
      }
    } finally {
      await w.stop();
    }
  });

  test('typing with several cursors: the edits at each place answered in turn from their paragraphs, the patches rebuild the whole analysis', async () => {
    const w = worker();
    try {
      const typed = await typingAt(w);
      const long = typed.held.paragraphs.filter((p) => p.range.end - p.range.start > 60);
      const middles = (n: number) => long.slice(0, n).map((p) => (p.range.start + p.range.end) >> 1);
      // Keystrokes at three cursors, as VS Code reports them (the last place first, offsets in the text before the event);
      // two events in one request, the second a backspace at each cursor.
      const cursors = (at: number[], change: (a: number) => TextChange) => [...at].reverse().map(change);
      const three = middles(3);
      const typedAt = three.map((a, i) => a + 2 * i); // (after the first event)
      const first = [...cursors(three, (a) => ({ offset: a, length: 0, text: '增长' })), ...cursors(typedAt.map((a) => a + 2), (a) => ({ offset: a - 1, length: 1, text: '' }))];
      const stats = await sendChanges(w, typed, 800, [...first]);
      assert.equal(stats.paragraphOnly, true, `three places: from their paragraphs (${stats.wholeText})`);
      assert.equal(stats.places, 3);
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
      // A figure typed at two places at once, then a new heading at the first of two (not answered from its paragraph:
      // the whole text is read after the second's patch): each time the patches rebuild the analysis.
      const two = middles(2);
      await sendChanges(w, typed, 801, cursors(two, (a) => ({ offset: a, length: 0, text: '12亿元' })));
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
      const broken = await sendChanges(w, typed, 802, [{ offset: two[1], length: 0, text: '字' }, { offset: two[0], length: 0, text: '\n一、新的部分\n' }]);
      assert.ok(broken.wholeText, 'a new heading: the whole text read');
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
      // More places than are answered in turn: the whole text.
      const many = await sendChanges(w, typed, 803, cursors(middles(40), (a) => ({ offset: a, length: 0, text: '字' })));
      assert.equal(many.paragraphOnly, undefined);
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(typed.edited)));
    } finally {
      await w.stop();
    }
  });

  test('a paragraph typed into and restored after the text before it moved and moved back: its figures are where it is', async () => {
    // The figures the cache keeps for a paragraph's text were moved in place with the worker's analysis until the
    // paragraph was typed into; once the text before it and the paragraph are both back, they must not be handed out
    // where they were when the paragraph was left.
    const w = worker();
    try {
      const typed = await typingAt(w);
      const withFigures = typed.held.paragraphs.filter((p) => typed.held.figures.some((f) => f.paragraphId === p.id));
      const [q, p] = [withFigures[Math.floor(withFigures.length * 0.3)], withFigures[Math.floor(withFigures.length * 0.6)]];
      const inQ = (q.range.start + q.range.end) >> 1;
      const inP = (p.range.start + p.range.end) >> 1;
      const steps = [
        { offset: inQ, length: 0, text: '甲' },
        { offset: inP + 1, length: 0, text: '乙' },
        { offset: inQ, length: 1, text: '' },
        { offset: inP, length: 1, text: '' },
      ];
      for (const [i, change] of steps.entries()) await sendChanges(w, typed, 700 + i, [change]);
      assert.equal(typed.edited, text);
      assert.equal(JSON.stringify(typed.held), JSON.stringify(wholeAnalysis(text)));
    } finally {
      await w.stop();
    }
  });

  test('after typing only the edits are sent: the worker applies them to the text it holds, or asks for the text', async () => {
    const w = worker();
    try {
      const { first, middle: at } = await followed(w);
      const changes = [
        { offset: at, length: 0, text: '新增' },
        { offset: at + 2, length: 1, text: '投资12345万元' },
      ];
      const edited = text.slice(0, at) + '新增' + '投资12345万元' + text.slice(at + 1);
      // Another base than the worker's, or a length that does not fit: the text is asked for.
      w.post({ type: 'analyze', id: 2, key: 'a', changes, length: edited.length, base: first.seq! + 100 });
      assert.deepEqual(await w.next((m) => m.id === 2), { id: 2, resend: true });
      w.post({ type: 'analyze', id: 3, key: 'a', changes, length: edited.length + 1, base: first.seq });
      assert.deepEqual(await w.next((m) => m.id === 3), { id: 3, resend: true });
      w.post({ type: 'analyze', id: 4, key: 'a', changes, length: edited.length, base: first.seq });
      const answer = await w.next((m) => m.id === 4);
      assert.ok(answer.patches, 'a patch');
      const held = patched(first.analysis!, answer.patches);
      assert.equal(JSON.stringify(held), JSON.stringify(wholeAnalysis(edited)));
      assert.ok(held.figures.some((f) => f.text === '12345万元'), 'the typed figure');
    } finally {
      await w.stop();
    }
  });
});
