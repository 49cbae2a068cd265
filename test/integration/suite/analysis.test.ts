// The analysis service: off the main thread, debounced, incremental, and safe on what is not a report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentAnalysis, Paragraph } from '../../../src/core/types';
import { extensionApi, nextAnalysis, openReport, reportPath, sleep, waitFor } from './helpers';

/** A report opened and analysed with its projects (its first analysis may come without them, which follow in an analysis of the same version). */
async function openWithProjects(name: string) {
  const api = await extensionApi();
  const editor = await openReport(reportPath(name));
  await api.analysis.analyze(editor.document);
  await waitFor('the analysis with projects', () => api.analysis.peek(editor.document.uri)?.segmentation.pending !== true);
  return { api, editor, document: editor.document };
}

function paragraphTexts(doc: vscode.TextDocument, analysis: DocumentAnalysis): string[] {
  const text = doc.getText();
  return analysis.paragraphs.map((p: Paragraph) => text.slice(p.range.start, p.range.end));
}

suite('analysis service', () => {
  test('a report is analysed into ordered, trimmed paragraphs with figures inside them', async () => {
    const api = await extensionApi();
    const { document } = await openReport(reportPath('national-2016.txt'));
    const t0 = Date.now();
    const analysis = await api.analysis.analyze(document);
    const run = api.analysis.lastRun(document.uri);
    console.log(
      `    national-2016 first analysis: ${Date.now() - t0} ms wall, ${run?.analyzeMs.toFixed(1)} ms analyse, ` +
        `segmenter load ${run?.segmenterLoadMs?.toFixed(0) ?? '(earlier)'} ms, ${analysis.paragraphs.length} paragraphs, ` +
        `${analysis.figures.length} figures, ${analysis.sections.length} sections, ${analysis.projects.length} projects`,
    );
    assert.ok(analysis.paragraphs.length > 50, 'a national report has many paragraphs');
    const texts = paragraphTexts(document, analysis);
    let end = 0;
    for (const [i, p] of analysis.paragraphs.entries()) {
      assert.ok(p.range.start >= end && p.range.end > p.range.start, `paragraph ${p.id} is in order`);
      assert.equal(texts[i], texts[i].trim(), `paragraph ${p.id} is trimmed`);
      end = p.range.end;
    }
    assert.ok(analysis.figures.length > 20, 'a national report states many figures');
    for (const f of analysis.figures) assert.equal(document.getText().slice(f.range.start, f.range.end), f.text);
    assert.equal(api.analysis.peek(document.uri), analysis);
    assert.ok(analysis.segmentation.available || (analysis.segmentation.error ?? '').length > 0, 'a missing segmenter says why');
  });

  test('an edit is re-analysed after the delay, reusing the unchanged paragraphs', async () => {
    const api = await extensionApi();
    const editor = await openReport(reportPath('national-2016.txt'));
    const { document } = editor;
    // (The document's own analysis follows its edits in place, as the document does: kept as it was, a copy.)
    const before = structuredClone(await api.analysis.analyze(document));
    const textsBefore = paragraphTexts(document, before);
    const target = Math.floor(before.paragraphs.length / 2);
    const insertAt = document.positionAt(before.paragraphs[target].range.end);
    const added = '另新增投资12345万元。';

    const analysed = nextAnalysis(api, document, document.version + 1);
    const t0 = Date.now();
    assert.ok(await editor.edit((b) => b.insert(insertAt, added)));
    const after = (await analysed).analysis;
    const latency = Date.now() - t0;
    const run = api.analysis.lastRun(document.uri)!;
    console.log(
      `    edit → analysis event: ${latency} ms (delay 300 ms + round trip ${run.roundTripMs.toFixed(1)} ms, ` +
        `analyse ${run.analyzeMs.toFixed(1)} ms; ${run.cacheHits} paragraphs reused, ${run.cacheMisses} analysed)`,
    );
    try {
      assert.ok(latency >= 250, 'the analysis waits for the typing to stop');
      assert.equal(after.paragraphs.length, before.paragraphs.length);
      const textsAfter = paragraphTexts(document, after);
      for (let i = 0; i < textsBefore.length; i++) {
        assert.equal(textsAfter[i], i === target ? textsBefore[i] + added : textsBefore[i], `paragraph ${i}`);
      }
      assert.ok(run.cacheMisses <= 1, `only the edited paragraph is analysed again (${run.cacheMisses})`);
      // Typed inside one paragraph: the worker read that paragraph alone (analyzeEdit); else every other one
      // came from its cache.
      assert.ok(run.paragraphOnly || run.cacheHits >= before.paragraphs.length - 1, `${run.wholeText}: ${run.cacheHits} paragraphs reused`);
      // Figures outside the edited paragraph are the same figures, shifted past the edit.
      const shift = added.length;
      const editEnd = before.paragraphs[target].range.end;
      const moved = (f: { range: { start: number } }) => (f.range.start >= editEnd ? f.range.start + shift : f.range.start);
      const outside = (a: DocumentAnalysis) => a.figures.filter((f) => f.paragraphId !== a.paragraphs[target].id);
      assert.deepEqual(
        outside(after).map((f) => [f.text, f.kind, f.range.start]),
        outside(before).map((f) => [f.text, f.kind, moved(f)]),
      );
      assert.ok(after.figures.some((f) => f.text === '12345万元' && f.kind === 'currency'), 'the new figure is found');
    } finally {
      await editor.edit((b) => b.delete(new vscode.Range(insertAt, insertAt.translate(0, added.length))));
      await vscode.commands.executeCommand('workbench.action.files.save');
    }
  });

  test('typing with several cursors: each place answered from its paragraph, in turn; the analysis is the whole text\'s', async () => {
    const { api, editor, document } = await openWithProjects('national-2014.txt');
    try {
      // Three cursors after a comma in paragraphs spread over the report.
      const text = document.getText();
      const long = api.analysis.peek(document.uri)!.paragraphs.filter((p) => text.slice(p.range.start, p.range.end).indexOf('，') > 0);
      const places = [0.2, 0.5, 0.8].map((f) => long[Math.floor(long.length * f)]).map((p) => p.range.start + text.slice(p.range.start, p.range.end).indexOf('，') + 1);
      editor.selections = places.map((at) => new vscode.Selection(document.positionAt(at), document.positionAt(at)));
      const runs = [];
      for (const ch of ['增', '长', '5%']) {
        await vscode.commands.executeCommand('type', { text: ch });
        await nextAnalysis(api, document, document.version);
        runs.push(api.analysis.lastRun(document.uri)!);
      }
      console.log(`    three cursors, ${runs.length} keystrokes: ${runs.map((r) => `${r.analyzeMs.toFixed(1)} ms${r.paragraphOnly ? ` from ${r.places} paragraphs` : ` (whole text: ${r.wholeText})`}`).join(', ')}`);
      assert.deepEqual(runs.map((r) => [r.paragraphOnly, r.places]), runs.map(() => [true, 3]), 'each keystroke answered from the three paragraphs');
      // The same text analysed whole, afresh (nothing cached): the same analysis.
      const whole = await api.analysis.analyzeText(document.getText());
      assert.equal(JSON.stringify(api.analysis.peek(document.uri)), JSON.stringify(whole));
      // (The i-th place moved by what was typed at the places before it.)
      for (const [i, at] of places.entries()) assert.ok(whole.figures.some((f) => f.text === '5%' && f.range.start === at + 4 * i + 2), `the figure typed at place ${i}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('rapid edits are analysed once, for the last version only', async () => {
    const { api, editor, document } = await openWithProjects('national-2014.txt');
    const versions: number[] = [];
    const sub = api.analysis.onDidAnalyze((e) => e.document === document && versions.push(e.version));
    // When each version came, as the service hears of it (its delay starts there, not when editor.edit returns: on a
    // busy machine the edit's round trip through the window took longer than the pause between edits).
    const changed: { version: number; at: number }[] = [];
    const changes = vscode.workspace.onDidChangeTextDocument((e) => e.document === document && changed.push({ version: e.document.version, at: performance.now() }));
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      for (let i = 0; i < 5; i++) {
        await editor.edit((b) => b.insert(end.translate(0, i), '。'));
        await sleep(40);
      }
      // A version followed by a pause longer than the delay (a busy machine) may be analysed: its own run.
      const delay = vscode.workspace.getConfiguration('reportAnnotator').get<number>('analysisDelay', 300);
      const paused = new Set(changed.filter((c, i) => i + 1 < changed.length && changed[i + 1].at - c.at >= delay).map((c) => c.version));
      const last = document.version;
      // Asking while the delay runs waits for it, rather than analysing each version typed.
      await api.analysis.analyze(document);
      await sleep(400);
      assert.equal(versions.at(-1), last, 'the last version is announced');
      assert.deepEqual(versions.filter((v) => v !== last && !paused.has(v)), [], `no analysis is announced for the intermediate versions (${versions.join(', ')})`);
    } finally {
      sub.dispose();
      changes.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('an empty report gives an empty analysis', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument({ language: 'govreport', content: '' });
    const analysis = await api.analysis.analyze(doc);
    assert.deepEqual([analysis.paragraphs, analysis.sections, analysis.figures, analysis.projects], [[], [], [], []]);
  });

  test('a text with NUL characters is not analysed, and nothing hangs', async () => {
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument({ language: 'govreport', content: '政府工作报告\0\0增长34.2%。\n' });
    const analysis = await api.analysis.analyze(doc);
    assert.equal(analysis.figures.length, 0);
    assert.match(analysis.segmentation.error ?? '', /NUL/);
  });
});
