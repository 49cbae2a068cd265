// Keystrokes typed faster than the analysis delay reach the worker in one request, as the editor's changes since the
// version it holds. Until the twenty-fourth round the worker applied them one after another, each slicing the text the
// one before made (V8 copies such a text into one piece before slicing it), then found their edit by comparing the old
// text with the new one (core/textEdits), which reads the new text whole again; now the changes are one edit when they
// touch one place (composedEdits), and the new text is made from it. Keystrokes at several cursors were read in the
// whole text until the thirty-ninth round; now each place is answered from its paragraph in turn (core/severalPlaces).
import { performance } from 'node:perf_hooks';
import { type AnalysisCache, analyzeText } from '../src/core/analyze';
import { analyzeEdit } from '../src/core/analyzeEdit';
import { applyAnalysisPatch, diffAnalysis } from '../src/core/analysisPatch';
import { analyzeEditsInTurn } from '../src/core/severalPlaces';
import { readWhole, type TextChangeLike } from '../src/core/textEdits';
import type { loadJiebaSegmenter } from '../src/core/segmenter';
import { applyChanges, changedText } from '../src/extension/analysis/changeLog';
import { median } from './measure';

const TYPED = ['增', '长', '6', '.', '5'];

type Segmenter = ReturnType<typeof loadJiebaSegmenter>;
/** The text analysed with a cache of its own, as the worker holds a document. */
type Editing = (s: Segmenter, t: string) => { cache: AnalysisCache; analysis: ReturnType<typeof analyzeText> };

/** The two ways compared, each with its own cache (the first to analyse a typed paragraph would leave it cached for the other). */
function twoWays(segmenter: Segmenter, text: string, editing: Editing) {
  return [editing(segmenter, text), editing(segmenter, text)].map(({ cache, analysis }) => ({ cache, state: { text, analysis } }));
}

/** The worker's answer to five keystrokes at the end of a sentence in each of 15 paragraphs, both ways. */
export function keystrokesBench(
  segmenter: Segmenter,
  text: string,
  editing: Editing,
): void {
  const ways = twoWays(segmenter, text, editing);
  const composed: number[] = [];
  const compared: number[] = [];
  let declined = 0;
  for (let n = 0; n < 15; n++) {
    const { text: before, analysis } = ways[0].state;
    const p = analysis.paragraphs[Math.floor(analysis.paragraphs.length * ((n + 1) / 16))];
    const at = before.lastIndexOf('。', p.range.end - 1);
    if (at <= p.range.start) continue;
    const changes: TextChangeLike[] = TYPED.map((ch, k) => ({ offset: at + k, length: 0, text: ch }));
    const times: number[] = [];
    const patches = ways.map((way, w) => {
      const before = way.state.text;
      const t0 = performance.now();
      let edited: string;
      let patch;
      if (w === 0) {
        // Now: the changes as one edit, and the new text made from it (the worker's own changedText).
        const changed = changedText(before, changes);
        edited = changed.text;
        patch = analyzeEdit(way.state, edited, { segmenter, cache: way.cache }, changed.edits!).patch;
      } else {
        // Before: each change applied in turn (each slice of the text the last one made copies it whole first), then the
        // edit found by comparing the texts.
        edited = applyChanges(before, changes);
        patch = analyzeEdit(way.state, edited, { segmenter, cache: way.cache }).patch;
      }
      times.push(performance.now() - t0);
      readWhole(edited);
      if (patch) way.state = { text: edited, analysis: applyAnalysisPatch(way.state.analysis, patch) };
      return patch;
    });
    if (!patches[0] || !patches[1]) {
      declined++;
      break;
    }
    composed.push(times[0]);
    compared.push(times[1]);
  }
  const mb = (Buffer.byteLength(text) / (1024 * 1024)).toFixed(1);
  console.log(
    `analysis: five keystrokes at one place in one request (typed within the analysis delay) in ${mb} MB (median of ${composed.length} places; ${declined} declined): ` +
      `the worker answers in ${median(composed).toFixed(2)} ms with the changes as one edit vs ${median(compared).toFixed(1)} ms applying them in turn and finding the edit by comparing the texts (until the twenty-fourth round) ` +
      `= ${(median(compared) / median(composed)).toFixed(0)}× sooner`,
  );
}

/**
 * The worker's answer to one keystroke at each of `cursors` places (the end of a sentence in paragraphs spread over the
 * text), 12 times: each place from its paragraph in turn, against reading the whole text with the cache and diffing.
 */
export function cursorsBench(
  segmenter: Segmenter,
  text: string,
  cursors: number,
  editing: Editing,
): void {
  const ways = twoWays(segmenter, text, editing);
  const inTurn: number[] = [];
  const whole: number[] = [];
  let declined = 0;
  for (let n = 0; n < 12; n++) {
    const { text: before, analysis } = ways[0].state;
    const ps = analysis.paragraphs;
    const places = Array.from({ length: cursors }, (_, c) => ps[Math.floor(ps.length * ((n + 1 + 13 * c) % (13 * cursors)) / (13 * cursors))])
      .map((p) => before.lastIndexOf('。', p.range.end - 1))
      .filter((at, k, all) => at > 0 && all.indexOf(at) === k)
      .sort((a, b) => b - a);
    // As VS Code reports a keystroke at several cursors: the last place first, offsets in the text before it.
    const changes: TextChangeLike[] = places.map((at) => ({ offset: at, length: 0, text: '字' }));
    const [now, then] = ways;
    let t0 = performance.now();
    const changed = changedText(before, changes);
    const turn = analyzeEditsInTurn(now.state, changed.edits!, { segmenter, cache: now.cache });
    const ms = performance.now() - t0;
    if (turn.declined) {
      declined++;
      now.state = { text: changed.text, analysis: analyzeText(changed.text, { segmenter, cache: now.cache }) };
    } else now.state = turn.reached;
    readWhole(now.state.text);
    t0 = performance.now();
    const edited = applyChanges(then.state.text, changes);
    const after = analyzeText(edited, { segmenter, cache: then.cache });
    diffAnalysis(then.state.analysis, after, then.state.text, edited);
    whole.push(performance.now() - t0);
    then.state = { text: edited, analysis: after };
    if (!turn.declined) inTurn.push(ms);
  }
  const mb = (Buffer.byteLength(text) / (1024 * 1024)).toFixed(1);
  console.log(
    `analysis: one keystroke at ${cursors} cursors in ${mb} MB (median of ${inTurn.length} requests; ${declined} declined): the worker answers in ${median(inTurn).toFixed(1)} ms, ` +
      `each place from its paragraph in turn, vs ${median(whole).toFixed(1)} ms reading the whole text with the cache and diffing (until the thirty-ninth round) = ${(median(whole) / median(inTurn)).toFixed(0)}× sooner`,
  );
}
