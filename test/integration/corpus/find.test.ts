// Issue 9's Find in reports, in the corpus window (corpus.test.ts has the index, views, indicators and tables): the
// KWIC lines and their counts, the chart, tagging every hit and undoing it, and searches that backtrack for ever.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../../../src/extension/api';
import { extensionApi, insertFirstLine, removeFirstLine, tag, WORKSPACE } from '../suite/helpers';
import { parseCsv } from '../../csv';
import { decodeReport } from '../../../src/core/reportInput';
import { HIT_COLUMNS } from '../../../src/core/tables';
import { corpus } from './corpusHelpers';

suite('corpus: find in reports', () => {
  suiteSetup(async function () {
    this.timeout(300_000);
    await (await corpus()).index.whenReady();
  });

  test('6. Find in reports: KWIC lines, counts per report and year, the frequency chart, tag all hits and undo', async function () {
    this.timeout(120_000);
    const { findView, timeline } = await corpus();
    const found = (await vscode.commands.executeCommand('reportAnnotator.corpus.find', { query: '小康' })) as { total: number; reports: { uri: string; year?: number; count: number }[] };
    assert.ok(found.total > 50 && found.reports.length > 10, JSON.stringify({ total: found.total, reports: found.reports.length }));
    // Every hit as a table (the view keeps the first 500 of a report, the table all), offsets in code points.
    const hitsCsv = join(WORKSPACE, 'xiaokang-hits.csv');
    const exported = (await vscode.commands.executeCommand('reportAnnotator.corpus.exportHits', { target: hitsCsv })) as { rows: number; reports: number };
    assert.deepEqual([exported.rows, exported.reports], [found.total, found.reports.length]);
    const table = parseCsv(readFileSync(hitsCsv, 'utf8'));
    assert.deepEqual(table[0], [...HIT_COLUMNS]);
    assert.equal(table.length - 1, found.total);
    const index = (await corpus()).index;
    for (const row of table.slice(1)) {
      const path = join(WORKSPACE, row[0]);
      const [document, year, region, level, title, start, end, left, match, right, sentence] = row;
      const text = decodeReport(readFileSync(path), path);
      assert.equal([...text].slice(Number(start), Number(end)).join(''), '小康', `${document} ${start}`);
      // The report's metadata as the corpus has it; the context and the sentence around the hit.
      const meta = index.get(vscode.Uri.file(path))?.summary.meta;
      assert.deepEqual([year, region, level], [String(meta?.year ?? ''), meta?.region ?? '', meta?.level ?? ''], document);
      assert.equal(title, index.get(vscode.Uri.file(path))?.summary.title ?? '');
      assert.ok([...left].length <= 30 && [...right].length <= 30 && text.includes(left + match + right), `${document} ${start}: ${left}|${match}|${right}`);
      assert.ok(sentence.includes('小康'), sentence);
    }
    rmSync(hitsCsv);
    const nodes = findView.getChildren();
    const summary = findView.getTreeItem(nodes[0]);
    assert.match(String(summary.label), /“小康”: \d+ hits in \d+ reports/);
    assert.ok(findView.getChildren(nodes[0]).length > 5, 'counts per year');
    const hit = findView.getTreeItem(findView.getChildren(nodes[1])[0]);
    const label = hit.label as vscode.TreeItemLabel;
    assert.equal(label.label.slice(label.highlights![0][0], label.highlights![0][1]), '小康');
    const regex = (await vscode.commands.executeCommand('reportAnnotator.corpus.find', { query: '全面(建成|建设)小康社会', regex: true })) as { total: number };
    assert.ok(regex.total > 0 && regex.total < found.total);
    const folder = (await vscode.commands.executeCommand('reportAnnotator.corpus.find', { query: '小康', folder: vscode.Uri.file(join(WORKSPACE, 'corpus-local')) })) as { reports: { uri: string }[] };
    assert.ok(folder.reports.every((r) => r.uri.includes('/corpus-local/')));
    await vscode.commands.executeCommand('reportAnnotator.corpus.find', { query: '小康', folder: vscode.Uri.file(join(WORKSPACE, 'corpus-local')) });
    const chart = (await vscode.commands.executeCommand('reportAnnotator.corpus.showTermTimeline')) as { chart: { points: { x: number; y: number }[]; columns: string[]; rows: (number | string)[][] } };
    assert.ok(chart.chart.points.length > 1);
    // Hits per 10,000 characters of every report of the year in the folder, those without hits too (the folder's
    // reports are of several regions: the table has a column of the line, all the reports by default).
    const inFolder = (await corpus()).index.all().filter((r) => r.uri.includes('/corpus-local/') && r.summary.meta?.year !== undefined);
    const column = (name: string) => chart.chart.columns.indexOf(name);
    const [year, region, rate, hits, searched, characters] = ['Year', 'Region', 'Hits per 10,000 characters', 'Hits', 'Reports', 'Characters'].map(column);
    assert.ok([year, region, rate, hits, searched, characters].every((k) => k >= 0), chart.chart.columns.join());
    assert.ok(chart.chart.rows.every((row) => row[region] === 'All reports'));
    assert.equal(chart.chart.rows.reduce((n, row) => n + (row[searched] as number), 0), inFolder.length, 'every report of the folder with a year is counted');
    for (const row of chart.chart.rows) {
      assert.equal(row[characters], inFolder.filter((r) => r.summary.meta!.year === row[year]).reduce((n, r) => n + r.summary.characters, 0));
      assert.equal(row[rate], Number(((1e4 * (row[hits] as number)) / (row[characters] as number)).toPrecision(3)), `${row[year]}: ${row[hits]} hits in ${row[characters]} characters`);
    }
    await timeline.whenRendered();
    // Over the whole corpus: the national reports before 小康 was a goal use it 0 times, drawn at 0, not left out.
    const national = await timeline.show({ kind: 'term', query: { pattern: '小康' } });
    assert.ok(national.rows.some((row) => (row[0] as number) < 1979 && row[national.columns.indexOf('Hits')] === 0), JSON.stringify(national.rows.slice(0, 5)));
    assert.equal(national.breakGaps, true);
    await timeline.whenRendered();
    // The reports of several regions: all of them in one line, a region chosen in a line of its own beside it.
    assert.deepEqual(timeline.regions.filter((r) => r.selected).map((r) => r.label ?? r.name), ['All reports']);
    const both = await timeline.chooseRegions([timeline.regions[0].name, '中国']);
    assert.deepEqual([...new Set(both!.points.map((p) => p.series))], ['All reports', '中国']);
    assert.equal(both!.columns[1], 'Region');
    await timeline.whenRendered();
    // Tag the paragraphs of all hits, then undo exactly that.
    const api = await extensionApi();
    const sidecars = () => folder.reports.map((r) => vscode.Uri.parse(r.uri).fsPath + '.annotations.json').filter(existsSync).length;
    assert.equal(sidecars(), 0);
    const tagged = (await vscode.commands.executeCommand('reportAnnotator.corpus.tagHits', { tag: '小康' })) as { annotations: number; reports: number };
    assert.ok(tagged.annotations > 0 && tagged.reports === folder.reports.length, JSON.stringify(tagged));
    const counted = folder.reports.reduce((n, r) => n + api.annotations.list(vscode.Uri.parse(r.uri)).length, 0);
    assert.equal(counted, tagged.annotations);
    assert.equal(sidecars(), folder.reports.length);
    const undone = (await vscode.commands.executeCommand('reportAnnotator.corpus.undoTagHits')) as { removed: number };
    assert.equal(undone.removed, tagged.annotations);
    assert.equal(folder.reports.reduce((n, r) => n + api.annotations.list(vscode.Uri.parse(r.uri)).length, 0), 0);
    assert.equal(sidecars(), 0, 'the undo leaves no sidecar of nothing behind');
    // A term's chart drawn (or redrawn as the corpus changes) for another term than the Find view's search leaves
    // that search in the view: tagging its hits after a chart of 小康 was open showed 小康's hits again.
    const local = vscode.Uri.file(join(WORKSPACE, 'corpus-local'));
    // (Once the chart open above has been redrawn for the sidecars the tagging wrote and removed.)
    await (await corpus()).index.whenIdle();
    await timeline.whenRendered();
    await vscode.commands.executeCommand('reportAnnotator.corpus.find', { query: '粮食', folder: local });
    const other = await timeline.show({ kind: 'term', query: { pattern: '小康' }, folder: local.toString() });
    assert.ok(other.points.length > 1);
    assert.equal(findView.result?.query.pattern, '粮食');
  });

  test('6b. a search that backtracks for ever stops at its time limit or at the next search, and the searches after it run', async function () {
    this.timeout(120_000);
    const { findView } = await corpus();
    // (Nested repetition over a run of Han characters without the Q that would end it: exponential in the run's length.)
    const runaway = { pattern: '([\\u4e00-\\u9fff]+)+Q', regex: true };
    await assert.rejects(findView.find(runaway, undefined, 2_000), (err: Error) => /stopped after 2 s.*nested repetition/.test(err.message));
    // A newer search stops the one running: the first gives no result, the second its hits.
    const stopped = findView.find(runaway, undefined, 60_000);
    const next = await findView.find({ pattern: '小康' });
    assert.equal(await stopped, undefined);
    assert.ok(next && next.total > 50, JSON.stringify(next?.total));
    assert.equal(findView.result, next);
    // Writing every hit of such a pattern stops at its limit too: nothing is written, and no temporary file is left
    // (the worker is stopped while writing; its file is removed once its thread has ended).
    findView.result = { ...next, query: { pattern: '小康|([\\u4e00-\\u9fff]+)+Q', regex: true } };
    const target = join(WORKSPACE, 'runaway-hits.csv');
    await assert.rejects(findView.exportHits(target, 2_000), (err: Error) => /stopped after 2 s, and nothing was written/.test(err.message));
    assert.deepEqual(readdirSync(WORKSPACE).filter((f) => f.includes('runaway-hits')), [], 'no table, no temporary file');
    await findView.find({ pattern: '小康' });
  });

  test('6c. tagging the hits of a pattern that backtracks for ever on an unsaved edit stops at its limit, tags nothing and leaves the editor free', async function () {
    this.timeout(120_000);
    // (Auto save, on in this workbench, would save the edits below: they stay unsaved here, as on the desktop.)
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.workspaceValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const { findView } = await corpus();
      const api = await extensionApi();
      // (Fast on the reports as saved, which hold no long run of a; exponential on the run of a typed into one.)
      const found = await findView.find({ pattern: '小康|(?:a+)+Q', regex: true }, vscode.Uri.file(join(WORKSPACE, 'corpus-local')));
      assert.ok(found && found.reports.length > 1, JSON.stringify(found?.total));
      const uris = found.reports.map((r) => vscode.Uri.parse(r.uri));
      const counted = () => uris.reduce((n, u) => n + api.annotations.list(u).length, 0);
      const before = counted();
      const document = await vscode.workspace.openTextDocument(uris[1]);
      assert.ok(await insertFirstLine(document, 'a'.repeat(40)));
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 50);
      try {
        await assert.rejects(findView.tagHits('失控', 2_000), (err: Error) => /stopped after 2 s, and nothing was tagged.*nested repetition/.test(err.message));
      } finally {
        clearInterval(ticker);
        await removeFirstLine(document);
      }
      // The host ran its timers while the worker backtracked; no report was tagged, not even those before the edited one.
      assert.ok(ticks > 0, `the extension host was blocked: ${ticks} ticks`);
      assert.equal(counted(), before);
      // The same search without the runaway part tags as before.
      await findView.find({ pattern: '小康' }, vscode.Uri.file(join(WORKSPACE, 'corpus-local')));
      const tagged = await findView.tagHits('小康');
      assert.ok(tagged && tagged.annotations > 0 && tagged.reports === uris.length, JSON.stringify(tagged));
      assert.equal((await findView.undoTagHits()).removed, tagged.annotations);
      assert.equal(counted(), before);
      // A report edited while the paragraphs are found is tagged on its text as edited: each tag's quote is the text at its place.
      // (The edit comes when the second report is read: after the first one's paragraphs were found, before the tagging.)
      const edited = await vscode.workspace.openTextDocument(uris[0]);
      const analysis = (findView as unknown as { analysis: ReportAnalysisProvider }).analysis;
      const snapshot = analysis.analyzeSnapshot;
      analysis.analyzeSnapshot = async (document, options) => {
        if (document.uri.toString() === uris[1].toString() && edited.lineAt(0).text !== '编辑中插入的一行。') assert.ok(await insertFirstLine(edited, '编辑中插入的一行。'));
        return snapshot.call(analysis, document, options);
      };
      const again = await findView.tagHits('小康').finally(() => (analysis.analyzeSnapshot = snapshot));
      assert.equal(edited.lineAt(0).text, '编辑中插入的一行。');
      assert.ok(again && again.annotations === tagged.annotations, JSON.stringify({ again, tagged }));
      const misplaced = api.annotations.list(edited.uri).filter((a) => edited.getText(new vscode.Range(edited.positionAt(a.target.start), edited.positionAt(a.target.end))) !== a.target.exact);
      assert.deepEqual(misplaced, []);
      assert.equal((await findView.undoTagHits()).removed, again.annotations);
      await removeFirstLine(edited);
      assert.equal(counted(), before);
    } finally {
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
    }
  });
});
