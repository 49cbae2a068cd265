// Typing with several cursors: the edits at several places, answered in turn each from its paragraph, give patches
// that, applied in turn as the host applies them, are exactly the whole analysis of the new text; where one is
// declined, what the ones before it made is the analysis of the text they made, and the whole text is read from there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, test } from 'node:test';
import { AnalysisCache, analyzeText } from '../../src/core/analyze';
import { applyAnalysisPatchInPlace, appliesInPlace } from '../../src/core/analysisPatchInPlace';
import { analyzeEditsInTurn } from '../../src/core/severalPlaces';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import type { EditWithText } from '../../src/core/textEdits';
import type { DocumentAnalysis } from '../../src/core/types';
import { applyInSlices, applyPatches } from '../../src/extension/analysis/patchInSlices';
import { CORPUS_DIR } from './corpus';

const segmenter = loadJiebaSegmenter();
const REPORTS = ['corpus/national-2016.txt', 'corpus-local/gaoyang-2017.txt', 'corpus-provinces-2026/fujian-2026.txt'];
/** What is typed at each cursor: mostly what stays in a paragraph, sometimes a line break (declined). */
const TYPED = ['字', '增长6.5%', '，', '12亿元', '建设', '大桥项目', '', '\n'];

const copy = (a: DocumentAnalysis): DocumentAnalysis => deserialize(serialize(a));

describe('edits at several places answered in turn', () => {
  for (const [r, name] of REPORTS.entries()) {
    test(`${name}: 40 requests of 2–5 cursors each, the patches in turn equal to the whole analysis`, () => {
      let x = 7 + r;
      const rng = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const cache = new AnalysisCache();
      let text = readFileSync(join(resolve(CORPUS_DIR, '..'), name), 'utf8');
      let analysis = analyzeText(text, { segmenter, cache });
      let answered = 0;
      for (let n = 0; n < 40; n++) {
        // Cursors at random places (a deletion before some), apart, in order.
        const places = [...new Set(Array.from({ length: 2 + Math.floor(rng() * 4) }, () => 2 + Math.floor(rng() * (text.length - 4))))].sort((a, b) => a - b);
        const edits: EditWithText[] = [];
        let shift = 0;
        for (const at of places) {
          if (edits.length > 0 && at <= edits[edits.length - 1].to) continue;
          const typed = TYPED[Math.floor(rng() * TYPED.length)];
          const to = at + (typed === '' || rng() < 0.2 ? 1 : 0);
          shift += typed.length - (to - at);
          edits.push({ from: at, to, shift, text: typed });
        }
        let edited = '';
        let at = 0;
        for (const e of edits) [edited, at] = [edited + text.slice(at, e.from) + e.text, e.to];
        edited += text.slice(at);
        const host = copy(analysis);
        const turn = analyzeEditsInTurn({ text, analysis }, edits, { segmenter, cache });
        for (const patch of turn.patches) assert.ok(applyAnalysisPatchInPlace(host, deserialize(serialize(patch))), `request ${n}: applies in place`);
        // What the patches made is the analysis of the text they led to (the whole new text, unless declined).
        assert.equal(JSON.stringify(host), JSON.stringify(turn.reached.analysis), `request ${n}: the host's analysis is the worker's`);
        assert.equal(JSON.stringify(turn.reached.analysis), JSON.stringify(analyzeText(turn.reached.text, { segmenter })), `request ${n}: the whole analysis of the text reached`);
        if (!turn.declined) {
          assert.equal(turn.reached.text, edited);
          answered++;
        } else assert.ok(turn.patches.length < edits.length);
        text = edited;
        analysis = analyzeText(text, { segmenter, cache });
      }
      if (process.env.SEVERAL_LOG) console.log(name, answered);
      assert.ok(answered >= 15, `only ${answered} of 40 requests answered in turn`);
    });
  }

  test('on the host: the patches applied in turn to a snapshot someone holds leave it as it was; to its own analysis, in place', async () => {
    const text = readFileSync(join(resolve(CORPUS_DIR, '..'), REPORTS[0]), 'utf8');
    const cache = new AnalysisCache();
    const analysis = analyzeText(text, { segmenter, cache });
    // One character typed at two cursors (paragraphs 10 and 40): the second patch moves items the first kept.
    const edits: EditWithText[] = [10, 40].map((k, i) => ({ from: analysis.paragraphs[k].range.start + 2, to: analysis.paragraphs[k].range.start + 2, shift: i + 1, text: '字' }));
    const turn = analyzeEditsInTurn({ text, analysis: copy(analysis) }, edits, { segmenter, cache });
    assert.equal(turn.declined, undefined);
    const whole = JSON.stringify(turn.reached.analysis);
    const snapshot = copy(analysis);
    const held = JSON.stringify(snapshot);
    const copied = await applyPatches(snapshot, turn.patches, false, applyInSlices);
    assert.equal(JSON.stringify(snapshot), held, 'the snapshot is unchanged');
    assert.equal(JSON.stringify(copied.analysis), whole);
    assert.deepEqual([copied.sent > 0, copied.total], [true, turn.reached.analysis.paragraphs.length + turn.reached.analysis.sections.length + turn.reached.analysis.figures.length + turn.reached.analysis.captions.length + turn.reached.analysis.projects.length]);
    const own = copy(analysis);
    assert.equal(appliesInPlace(own, turn.patches), true);
    const inPlace = await applyPatches(own, turn.patches, true, () => assert.fail('no copy'));
    assert.equal(inPlace.analysis, own, 'the same object, patched in place');
    assert.equal(JSON.stringify(own), whole);
    // A second patch that names an old paragraph twice (kept, then again as the one after it) applies to a copy only:
    // then the first goes to a copy too, and the analysis held is left as it was, not between the two.
    const named = turn.reached.analysis.paragraphs.length;
    const twice = { ...turn.patches[1], paragraphs: { runs: [0, named, 3, 1], items: [] } };
    const mine = copy(analysis);
    assert.equal(appliesInPlace(mine, [turn.patches[0], twice]), false);
    const copiedBoth = await applyPatches(mine, [turn.patches[0], twice], true, applyInSlices);
    assert.notEqual(copiedBoth.analysis, mine);
    assert.equal(JSON.stringify(mine), held, 'the analysis held is unchanged');
  });
});
