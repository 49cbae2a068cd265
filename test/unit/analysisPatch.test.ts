// Only what changed crosses from the worker to the host: a patch of the previous analysis rebuilds the new one
// exactly, for edits anywhere in real reports, and holds few items for a small edit.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AnalysisCache, analyzeText } from '../../src/core/analyze';
import { applyAnalysisPatch, applyAnalysisPatchInSteps, diffAnalysis, patchSize, STEP_ITEMS } from '../../src/core/analysisPatch';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import { applyAnalysisPatchInPlace } from '../../src/core/analysisPatchInPlace';
import { composedEdits, EditedText, movedOffset, textEdits, type TextChangeLike, type TextReader } from '../../src/core/textEdits';
import { applyChanges } from '../../src/extension/analysis/changeLog';
import { CORPUS_DIR } from './corpus';

const segmenter = loadJiebaSegmenter();
const REPORTS = ['002_395ec08d707c8053.txt', 'national-2016.txt'].map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));

/** Edits of several kinds at a place: typed characters, a figure, a new paragraph, a deletion, a new heading. */
const EDITS: ((text: string, at: number) => string)[] = [
  (t, at) => t.slice(0, at) + '字' + t.slice(at),
  (t, at) => t.slice(0, at) + '，增长6.5%' + t.slice(at),
  (t, at) => t.slice(0, at) + '\n新的一段，建设沙河大桥。\n' + t.slice(at),
  (t, at) => t.slice(0, at) + t.slice(at + 40),
  (t, at) => t.slice(0, at) + '\n三、新的标题\n' + t.slice(at),
  (t) => t,
  // Items added at one place and removed at another between two analyses.
  (t, at) => {
    const later = Math.floor(t.length * 0.9);
    return t.slice(0, at) + '，增长6.5%，建设沙河大桥' + t.slice(at, later) + t.slice(later + 300);
  },
  // Typing at three places between two analyses.
  (t, at) => {
    const places = [at, Math.floor(t.length * 0.85), Math.floor(t.length * 0.95)].sort((x, y) => y - x);
    return places.reduce((s, p, i) => s.slice(0, p) + '增长'.repeat(i + 1) + s.slice(p), t);
  },
];

/** The one edit the changes make at one place (composedEdits' one-place case), else undefined. */
const oneEdit = (before: string, changes: TextChangeLike[]) => composedEdits(before, changes, 1)?.[0];

describe('text edits', () => {
  test('edits at several places are found, and every untouched offset moves to its place', () => {
    const rng = (() => {
      let x = 7;
      return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    const text = REPORTS[1];
    for (let round = 0; round < 30; round++) {
      const places = [...Array(1 + Math.floor(rng() * 4))].map(() => Math.floor(rng() * text.length)).sort((x, y) => y - x);
      let edited = text;
      const touched: [number, number][] = [];
      for (const p of places) {
        const cut = Math.floor(rng() * 5);
        edited = edited.slice(0, p) + '新'.repeat(Math.floor(rng() * 4)) + edited.slice(p + cut);
        touched.push([p, p + cut]);
      }
      const edits = textEdits(text, edited);
      assert.ok(edits.length <= places.length, `${edits.length} edits for ${places.length} places`);
      for (let k = 0; k < 200; k++) {
        const x = Math.floor(rng() * text.length);
        // Away from the edited places (an anchor may take a neighbouring character for part of an edit).
        if (touched.some(([s, e]) => x >= s - 40 && x <= e + 40)) continue;
        assert.equal(edited[movedOffset(edits, x)], text[x], `offset ${x}`);
      }
    }
    assert.deepEqual(textEdits(text, text), []);
    assert.deepEqual(textEdits('', 'abc'), [{ from: 0, to: 0, shift: 3 }]);
    assert.deepEqual(textEdits('abc', ''), [{ from: 0, to: 3, shift: -3 }]);
  });

  test('the text after one edit, read through the text before it (itself read through edits: several places), reads as the new string does', () => {
    let x = 5;
    const rng = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(rng() * n);
    for (const text of ['', '字', 'ab\ncd', REPORTS[0].slice(0, 400)]) {
      for (let round = 0; round < 60; round++) {
        // One to three edits, each read through the view of the ones before.
        let view: TextReader = text;
        let edited = text;
        for (let n = 1 + pick(3); n > 0; n--) {
          const from = pick(edited.length + 1);
          const to = from + pick(Math.min(4, edited.length - from) + 1);
          const put = ['', '\n', '新', '新\n字', 'x'.repeat(pick(6))][pick(5)];
          edited = edited.slice(0, from) + put + edited.slice(to);
          view = new EditedText(view, { from, to, shift: put.length - (to - from), text: put });
        }
        assert.equal(view.length, edited.length);
        for (let i = -1; i <= edited.length; i++) assert.equal(view.charCodeAt(i), edited.charCodeAt(i), `charCodeAt(${i})`);
        for (let k = 0; k < 20; k++) {
          const a = pick(edited.length + 3) - 1;
          const b = pick(edited.length + 3) - 1;
          assert.equal(view.slice(a, b), edited.slice(a, b), `slice(${a}, ${b}) of ${JSON.stringify(edited)}`);
          for (const c of ['\n', '新', 'x']) {
            assert.equal(view.indexOf(c, a), edited.indexOf(c, a), `indexOf(${c}, ${a})`);
            assert.equal(view.lastIndexOf(c, a), edited.lastIndexOf(c, a), `lastIndexOf(${c}, ${a}) of ${JSON.stringify(edited)}`);
          }
        }
        for (const c of ['\n', '新']) assert.equal(view.lastIndexOf(c), edited.lastIndexOf(c));
        assert.equal(view.slice(), edited);
      }
    }
    assert.throws(() => new EditedText('abc', { from: 1, to: 2, shift: 0, text: 'xy' }), /shift/);
  });

  test('keystrokes at one place between two analyses are one edit, found from the changes; changes at two places are not', () => {
    let x = 11;
    const rng = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(rng() * n);
    const text = REPORTS[0].slice(0, 3000);
    let composed = 0;
    for (let round = 0; round < 400; round++) {
      // Typing, deleting back and typing over a selection at one place, as keystrokes do.
      const changes: TextChangeLike[] = [];
      let current = text;
      let at = 1 + pick(text.length - 1);
      for (let k = 1 + pick(8); k > 0; k--) {
        const back = rng() < 0.3 && at > 0;
        const change = back ? { offset: at - 1, length: 1, text: '' } : { offset: at, length: pick(Math.min(2, current.length - at) + 1), text: ['新', '字x', '\n', '。'][pick(4)] };
        changes.push(change);
        current = applyChanges(current, [change]);
        at = change.offset + change.text.length;
      }
      const edit = oneEdit(text, changes);
      assert.ok(edit || current === text, JSON.stringify(changes));
      if (!edit) continue;
      composed++;
      assert.equal(new EditedText(text, edit).slice(), current, JSON.stringify(changes));
      assert.equal(edit.text.length - (edit.to - edit.from), edit.shift);
      // Trimmed (unless it changes nothing): what it replaces and what it puts in differ at its first character or at its last.
      assert.ok(current === text || edit.from === edit.to || edit.text === '' || text[edit.from] !== edit.text[0] || text[edit.to - 1] !== edit.text[edit.text.length - 1]);
    }
    assert.ok(composed > 350, `${composed} of 400 composed`);
    // Two places: no one edit.
    assert.equal(oneEdit('abcdefgh', [{ offset: 1, length: 0, text: 'x' }, { offset: 6, length: 0, text: 'y' }]), undefined);
    assert.deepEqual(oneEdit('abcdefgh', [{ offset: 2, length: 0, text: 'x' }, { offset: 3, length: 0, text: 'y' }, { offset: 4, length: 1, text: '' }]), {
      from: 2,
      to: 3,
      shift: 1,
      text: 'xy',
    });
    // Typed, then deleted back: nothing.
    assert.equal(oneEdit('abc', [{ offset: 1, length: 0, text: 'x' }, { offset: 1, length: 1, text: '' }]), undefined);
    // A character typed over by itself (a closing bracket the editor put in): the change as it was, not nothing.
    assert.deepEqual(oneEdit('a）c', [{ offset: 1, length: 1, text: '）' }]), { from: 1, to: 2, shift: 0, text: '）' });
  });

  test('keystrokes at several places (cursors, and places typed at in turn): one edit for each place, together the text they make', () => {
    let x = 11;
    const rng = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(rng() * n);
    const text = REPORTS[1].slice(0, 2000);
    const counts = new Map<number, number>();
    for (let round = 0; round < 400; round++) {
      const changes: TextChangeLike[] = [];
      let current = text;
      const places = Array.from({ length: 1 + pick(5) }, () => pick(text.length));
      for (let k = 2 + pick(10); k > 0; k--) {
        // (At one of the places, moved by what was typed before it; some changes reach over into a neighbour's text.)
        const at = Math.min(current.length, places[pick(places.length)] + (current.length - text.length));
        const change = rng() < 0.3 && at > 0 ? { offset: at - 1, length: 1 + pick(Math.min(3, current.length - at + 1)), text: '' } : { offset: at, length: pick(2), text: ['新', '字x', '\n', '5%'][pick(4)] };
        change.length = Math.min(change.length, current.length - change.offset);
        changes.push(change);
        current = applyChanges(current, [change]);
      }
      const edits = composedEdits(text, changes, 64);
      assert.ok(edits || current === text, JSON.stringify(changes));
      if (!edits) continue;
      counts.set(edits.length, (counts.get(edits.length) ?? 0) + 1);
      let made = '';
      let at = 0;
      for (const [k, e] of edits.entries()) {
        assert.ok(e.to >= e.from && (k === 0 ? e.from >= 0 : e.from > at), `apart and in order: ${JSON.stringify(edits)}`);
        made += text.slice(at, e.from) + e.text;
        at = e.to;
      }
      assert.equal(made + text.slice(at), current, JSON.stringify(changes));
      assert.equal(edits[edits.length - 1].shift, current.length - text.length, 'the shifts summed');
      // At most `maxPlaces` places, else none.
      assert.equal(composedEdits(text, changes, edits.length - 1), edits.length > 1 ? undefined : composedEdits(text, changes, 0));
    }
    assert.ok([2, 3, 4].every((n) => (counts.get(n) ?? 0) > 20), JSON.stringify([...counts]));
  });
});

describe('analysis patches', () => {
  test('applying the patch of an edit gives exactly the new analysis, and leaves the old one as it was', () => {
    for (const text of REPORTS) {
      const cache = new AnalysisCache();
      const before = analyzeText(text, { segmenter, cache });
      const frozen = JSON.stringify(before);
      for (const [k, edit] of EDITS.entries()) {
        for (const place of [0.001, 0.3, 0.7, 0.999]) {
          const edited = edit(text, Math.floor(text.length * place));
          const after = analyzeText(edited, { segmenter, cache });
          const patch = diffAnalysis(before, after, text, edited);
          const rebuilt = applyAnalysisPatch(structuredClone(before), patch);
          // The same JSON (moved figures carry every key, the absent ones as undefined: one shape for them all).
          assert.equal(JSON.stringify(rebuilt), JSON.stringify(after), `edit ${k} at ${place}`);
          assert.equal(JSON.stringify(applyAnalysisPatch(before, patch)), JSON.stringify(after));
          assert.equal(JSON.stringify(before), frozen, 'the analysis patched is not changed');
          // In place (the host's own analysis): the same JSON, the same arrays, the kept items the same objects.
          const owned = structuredClone(before);
          const { figures, paragraphs } = owned;
          const kept = new Set<unknown>([...figures, ...paragraphs, ...patch.figures.items, ...patch.paragraphs.items]);
          assert.ok(applyAnalysisPatchInPlace(owned, patch));
          assert.equal(JSON.stringify(owned), JSON.stringify(after), `in place: edit ${k} at ${place}`);
          assert.ok(owned.figures === figures && owned.paragraphs === paragraphs);
          assert.ok([...owned.figures, ...owned.paragraphs].every((item) => kept.has(item)), 'no copies');
        }
      }
    }
  });

  test('an analysis made with the cache is the analysis made without it, edit after edit', () => {
    // The cache hands back the figures of unchanged paragraphs that did not move as the objects it gave before.
    const cache = new AnalysisCache();
    let text = REPORTS[0];
    analyzeText(text, { segmenter, cache });
    for (const [k, edit] of EDITS.entries()) {
      for (const place of [0.3, 0.001, 0.999, 0.7]) {
        text = edit(text, Math.floor(text.length * place));
        const cached = analyzeText(text, { segmenter, cache });
        assert.equal(JSON.stringify(cached), JSON.stringify(analyzeText(text, { segmenter })), `edit ${k} at ${place}`);
      }
    }
  });

  test('in place: a patch that names an old item twice, or does not fit, changes nothing', () => {
    const before = analyzeText(REPORTS[0], { segmenter });
    const frozen = JSON.stringify(before);
    const patch = diffAnalysis(before, before, REPORTS[0], REPORTS[0]);
    const n = before.paragraphs.length;
    // One more paragraph than before, the last two both the old last one.
    const twice = { ...patch, paragraphs: { runs: [0, n, 3, 1], items: [] } };
    assert.equal(applyAnalysisPatchInPlace(before, twice), false);
    assert.equal(JSON.stringify(before), frozen);
    const tooLong = { ...patch, figures: { runs: [0, before.figures.length + 1], items: [] } };
    assert.throws(() => applyAnalysisPatchInPlace(before, tooLong), /does not fit/);
    assert.equal(JSON.stringify(before), frozen);
  });

  test('one typed character in the middle of a report sends a handful of items', () => {
    const text = REPORTS[1];
    const cache = new AnalysisCache();
    const before = analyzeText(text, { segmenter, cache });
    const at = before.paragraphs[before.paragraphs.length >> 1].range.end;
    const edited = text.slice(0, at) + '字' + text.slice(at);
    const patch = diffAnalysis(before, analyzeText(edited, { segmenter, cache }), text, edited);
    const { sent, total } = patchSize(patch);
    assert.ok(total > 300 && sent <= 2, `${sent} of ${total} items sent`);
    // A figure added near the start and one removed near the end: the items between are renumbered, not sent.
    const a = before.paragraphs[Math.floor(before.paragraphs.length * 0.2)].range.end;
    const b = before.figures[Math.floor(before.figures.length * 0.8)].range;
    const twice = text.slice(0, a) + '增长6.5%' + text.slice(a, b.start) + text.slice(b.end);
    const after2 = analyzeText(twice, { segmenter, cache });
    const p2 = diffAnalysis(before, after2, text, twice);
    assert.equal(JSON.stringify(applyAnalysisPatch(before, p2)), JSON.stringify(after2));
    assert.ok(patchSize(p2).sent <= 10, `${patchSize(p2).sent} items sent for two edits that changed the count of figures`);
    // An unchanged text sends nothing but the small fields.
    assert.equal(patchSize(diffAnalysis(before, analyzeText(text, { segmenter, cache }), text, text)).sent, 0);
  });

  test('typing at three places of a 1 MB report, a character at a time, sends the changed items only', () => {
    // As the 5 MB integration test types: numerals among the characters (they make and unmake figures), CRLF text.
    const texts = readdirSync(CORPUS_DIR)
      .filter((n) => /^(national-\d{4}|\d{3}_[0-9a-f]+)\.txt$/.test(n))
      .sort()
      .map((n) => readFileSync(join(CORPUS_DIR, n), 'utf8').trimEnd());
    const parts: string[] = [];
    for (let i = 0, n = 0; n < 400_000; i++) n += parts[parts.push(texts[i % texts.length]) - 1].length;
    let text = parts.join('\r\n\r\n');
    const cache = new AnalysisCache();
    let before = analyzeText(text, { segmenter, cache });
    const places = [0.1, 0.5, 0.8].map((f) => before.paragraphs[Math.floor(before.paragraphs.length * f)].range.end);
    let shift = 0;
    let worst = 0;
    for (const [i, typed] of ['键入文字甲一二三', '键入文字乙四五六', '键入文字丙七八九'].entries()) {
      let at = places[i] + shift;
      for (const ch of typed) {
        const edited = text.slice(0, at) + ch + text.slice(at);
        const after = analyzeText(edited, { segmenter, cache });
        const patch = diffAnalysis(before, after, text, edited);
        worst = Math.max(worst, patchSize(patch).sent);
        assert.equal(JSON.stringify(applyAnalysisPatch(before, patch)), JSON.stringify(after));
        [before, text] = [after, edited];
        at++;
      }
      shift += typed.length;
    }
    assert.ok(worst <= 10, `at most ${worst} items sent for one typed character`);
    // The host applies a patch a slice at a time: the steps pause every STEP_ITEMS items and end in the same analysis.
    const edited = text.slice(0, 100) + '字' + text.slice(100);
    const after = analyzeText(edited, { segmenter, cache });
    const patch = diffAnalysis(before, after, text, edited);
    const steps = applyAnalysisPatchInSteps(before, patch);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    assert.equal(pauses, Math.floor(patchSize(patch).total / STEP_ITEMS));
    assert.equal(JSON.stringify(step.value), JSON.stringify(after));
  });

  test('a patch that does not fit the analysis it is applied to is refused', () => {
    const a = analyzeText(REPORTS[0], { segmenter });
    const patch = diffAnalysis(a, a, REPORTS[0], REPORTS[0]);
    assert.throws(() => applyAnalysisPatch({ ...a, figures: [] }, patch), /does not fit/);
  });

  test('an analysis that was patched is diffed against a fresh one as the same items (undefined keys are absent ones)', () => {
    // Typing gives the worker a patched analysis whose moved figures carry every key; a line break then makes it read
    // the whole text and diff: only what changed is sent, as from an analysis made afresh.
    const text = REPORTS[1];
    const before = analyzeText(text, { segmenter });
    const at = Math.floor(text.length * 0.1);
    const typed = text.slice(0, at) + '字' + text.slice(at);
    const patched = applyAnalysisPatch(before, diffAnalysis(before, analyzeText(typed, { segmenter }), text, typed));
    assert.ok(patched.figures.some((f) => 'high' in f && f.high === undefined), 'moved figures carry every key');
    const mid = Math.floor(typed.length * 0.5);
    const broken = typed.slice(0, mid) + '\n' + typed.slice(mid);
    const fresh = analyzeText(broken, { segmenter });
    const fromPatched = patchSize(diffAnalysis(patched, fresh, typed, broken));
    const fromFresh = patchSize(diffAnalysis(analyzeText(typed, { segmenter }), fresh, typed, broken));
    assert.equal(fromPatched.sent, fromFresh.sent, `${fromPatched.sent} items sent after a patch, ${fromFresh.sent} after a whole analysis`);
    assert.equal(JSON.stringify(applyAnalysisPatch(patched, diffAnalysis(patched, fresh, typed, broken))), JSON.stringify(fresh));
  });
});
