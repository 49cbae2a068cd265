// Issue 9, the workspace as a corpus, in a real VS Code on the shared corpus folders (runTests.ts builds the
// workspace: ~77 reports, 3,000 text files that are not reports, a broken report, excluded copies). Numbers
// (times, event-loop delay, memory) are printed, not asserted.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { corpus, ms, withLoopDelay } from './corpusHelpers';
import { extensionApi, sleep, tag, waitFor, WORKSPACE } from '../suite/helpers';

suite('corpus', () => {
  suiteSetup(async function () {
    this.timeout(300_000);
    const { index, startedAt } = await corpus();
    const stats = await index.whenReady();
    const filled = performance.now() - startedAt;
    console.log(`      [numbers] first start (nothing remembered): views filled ${ms(filled)} after activation; ${stats?.reports} reports of ${stats?.files} files, ${stats?.analysed} analysed, ${stats?.cached} cached, index run ${ms(stats?.ms ?? 0)} (finding the files ${ms(stats?.discoverMs ?? 0)})`);
  });

  test('1. index: every report of the folders, excluded ones left out, cached on disk, restarted from the cache', async function () {
    this.timeout(300_000);
    const { index } = await corpus();
    const names = index.all().map((r) => r.name);
    assert.ok(names.length >= 70, `${names.length} reports`);
    assert.ok(names.some((n) => n.startsWith('corpus-national/')) && names.some((n) => n.startsWith('corpus-provinces-2026/')));
    assert.ok(!names.some((n) => n.startsWith('notes/')), 'notes are not reports');
    assert.ok(!names.some((n) => n.startsWith('drafts/')), 'reportAnnotator.corpus.exclude');
    assert.ok(!names.some((n) => n.startsWith('hidden/')), 'files.exclude');
    // The host keeps summaries: meta, counts, figures with roles.
    const r2010 = index.all().find((r) => r.name === 'corpus-national/national-2010.txt')!;
    assert.equal(r2010.summary.meta?.level, 'national');
    assert.ok(r2010.summary.figures.some((f) => f.role === 'target'));
    // From the cache (a restart reads it instead of analysing).
    const cached = await withLoopDelay('indexing from the cache', () => index.reindex());
    console.log(
      `      [numbers] from the cache: views filled in ${ms(cached.filledMs)} (the reports remembered from the last run, read from the cache); ` +
        `${cached.reports} reports of ${cached.files} files checked against findFiles in ${ms(cached.ms)} (finding the files ${ms(cached.discoverMs)}; ${cached.cached} cached, ${cached.analysed} analysed)`,
    );
    assert.deepEqual(index.all().map((r) => r.name).sort(), [...names].sort(), 'the same reports as the first run');
    const again = await index.reindex();
    console.log(`      [numbers] from the cache, non-reports remembered: ${again.reports} reports in ${ms(again.ms)} (finding the files ${ms(again.discoverMs)})`);
    const idle = await withLoopDelay('idle for comparison (2 s)', () => sleep(2000));
    void idle;
    assert.equal(cached.analysed, 0);
    assert.equal(cached.cached, cached.reports);
  });

  test('1. index: a remembered list that is out of date is corrected by what findFiles finds', async function () {
    this.timeout(120_000);
    const { index } = await corpus();
    const dir = (index as unknown as { cacheDir: string }).cacheDir;
    const keys = index.all().map((r) => r.uri);
    const left = keys.find((k) => k.endsWith('national-2010.txt'))!;
    const gone = vscode.Uri.file(join(WORKSPACE, 'corpus', 'deleted-while-closed.txt')).toString();
    // As if national-2010 had been added and deleted-while-closed removed while VS Code was closed.
    writeFileSync(join(dir, 'reports.json'), JSON.stringify([...keys.filter((k) => k !== left), gone]));
    const stats = await index.reindex();
    assert.ok(index.get(left), 'the report findFiles found is indexed');
    assert.ok(!index.get(gone) && !index.failed().some((f) => f.uri.toString() === gone), 'the vanished file is not listed');
    assert.equal(stats.reports, keys.length);
    const remembered = JSON.parse(readFileSync(join(dir, 'reports.json'), 'utf8')) as string[];
    assert.ok(remembered.includes(left) && !remembered.includes(gone), 'the corrected list is remembered');
  });

  test('1. index: analysing everything afresh keeps the host responsive', async function () {
    this.timeout(300_000);
    const { index } = await corpus();
    const dir = (index as unknown as { cacheDir: string }).cacheDir;
    rmSync(dir, { recursive: true, force: true });
    const fresh = await withLoopDelay('indexing, every report analysed', () => index.reindex());
    console.log(`      [numbers] analysed afresh: ${fresh.reports} reports in ${ms(fresh.ms)}`);
    assert.equal(fresh.cached, 0);
    const entries = readdirSync(dir, { withFileTypes: true }).filter((v) => v.isDirectory()).flatMap((v) => readdirSync(join(dir, v.name)));
    assert.ok(entries.length >= fresh.reports - 1, `${entries.length} cache entries`);
  });

  test('1. index: creations, changes, renames and deletions update it', async function () {
    this.timeout(60_000);
    const { index } = await corpus();
    const source = join(WORKSPACE, 'corpus-national', 'national-2011.txt');
    const added = join(WORKSPACE, 'corpus', 'added-2011.txt');
    copyFileSync(source, added);
    await waitFor('the new report', () => index.all().some((r) => r.name === 'corpus/added-2011.txt'), 20_000);
    const before = index.get(vscode.Uri.file(added))!.summary.hash;
    writeFileSync(added, readFileSync(source, 'utf8') + '\n各位代表！\n');
    await waitFor('the changed report', () => index.get(vscode.Uri.file(added))?.summary.hash !== before, 20_000);
    const renamed = join(WORKSPACE, 'corpus', 'renamed-2011.txt');
    renameSync(added, renamed);
    await waitFor('the renamed report', () => index.get(vscode.Uri.file(renamed)) && !index.get(vscode.Uri.file(added)), 20_000);
    rmSync(renamed);
    await waitFor('the deleted report gone', () => !index.get(vscode.Uri.file(renamed)), 20_000);
  });

  test("1. index: a report tagged while the index reads it has the tag (the index waited for the editor's analysis)", async function () {
    this.timeout(120_000);
    const api = await extensionApi();
    const { index } = api.corpus;
    // (A text of its own: one the index has in its cache is not analysed, and waits for nothing.)
    const source = `${readFileSync(join(WORKSPACE, 'corpus-national', 'national-2012.txt'), 'utf8')}\n补充：${Date.now()}。\n`;
    const path = join(WORKSPACE, 'corpus', 'tagged-while-read.txt');
    const uri = vscode.Uri.file(path);
    // The editor's analyses in flight keep the corpus worker waiting (the report in front of the user first): a large
    // text analysed again and again, while the index reads the new report and the report is tagged.
    const large = Array.from({ length: 30 }, () => source).join('\n');
    let busy = true;
    const keepBusy = (async () => {
      while (busy) await api.analysis.analyzeText(large);
    })();
    try {
      await sleep(300);
      writeFileSync(path, source);
      await sleep(2500); // (the index has seen the file and begun to read it)
      const doc = await vscode.workspace.openTextDocument(uri);
      const paragraph = (await api.analysis.analyzeSnapshot(doc)).analysis.paragraphs[3];
      const tagged = await tag({ uri, ranges: [paragraph.range], tags: ['边读边标'] });
      assert.equal(tagged.annotationIds.length, 1);
      await sleep(1500); // (the sidecar written, its watcher's event come)
    } finally {
      busy = false;
      await keepBusy;
    }
    try {
      await waitFor("the report in the index with the sidecar's tag", () => index.get(uri)?.tags?.['边读边标'] === 1, 30_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(path, { force: true });
      rmSync(`${path}.annotations.json`, { force: true });
    }
  });

  test('1. index: an open report is read again once the user pauses; a half-written report is not dropped', async function () {
    this.timeout(60_000);
    const { index } = await corpus();
    const source = readFileSync(join(WORKSPACE, 'corpus-national', 'national-2010.txt'), 'utf8');
    const path = join(WORKSPACE, 'corpus', 'edited-2010.txt');
    const uri = vscode.Uri.file(path);
    writeFileSync(path, source);
    try {
      await waitFor('the new report', () => index.get(uri) !== undefined, 20_000);
      // Written as a large save is: empty first, the text a moment later. The index keeps the report meanwhile.
      const first = index.get(uri)!.summary.hash;
      let dropped = 0;
      const watch = setInterval(() => (index.get(uri) && !index.failed().some((f) => f.uri.toString() === uri.toString())) || dropped++, 20);
      try {
        writeFileSync(path, '');
        await sleep(900); // past the queue's 300 ms: the empty file is read
        writeFileSync(path, `${source}\n补充一句。\n`);
        await waitFor('the rewritten report', () => index.get(uri)?.summary.hash !== first, 20_000);
        await index.whenIdle();
      } finally {
        clearInterval(watch);
      }
      assert.equal(dropped, 0, 'the report stayed in the index while it was half written');

      // Open and edited: saved at once, read only once its text has been still for two seconds.
      const editor = await vscode.window.showTextDocument(uri);
      const before = index.get(uri)!.summary.hash;
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '（修订稿）')));
      const editedAt = performance.now();
      await editor.document.save(); // (false when auto save, on in this workbench, got there first)
      await waitFor('the report saved', () => !editor.document.isDirty, 10_000);
      await sleep(1200);
      if (performance.now() - editedAt < 2000) assert.equal(index.get(uri)?.summary.hash, before, 'not read while the user is at work');
      await waitFor('the saved text indexed', () => index.get(uri)?.summary.hash !== before, 20_000);
      console.log(`      [numbers] an edited, saved report was read again ${ms(performance.now() - editedAt)} after the edit`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(path, { force: true });
    }
  });

  test('2. Corpus view: grouped by level and region, ordered by year, with counts; a click opens the report', async () => {
    const { corpusTree } = await corpus();
    const levels = corpusTree.getChildren();
    const labels = levels.map((n) => corpusTree.getTreeItem(n).label);
    assert.equal(labels[0], 'National');
    assert.ok(labels.includes('Provinces'));
    const national = corpusTree.getChildren(levels[0]);
    const reports = corpusTree.getChildren(national[0]);
    const years = reports.map((n) => (n.kind === 'report' ? n.report.summary.meta?.year ?? 0 : 0));
    assert.deepEqual(years, [...years].sort((a, b) => a - b));
    const last = reports[reports.length - 1];
    assert.ok(last.kind === 'report');
    const item = corpusTree.getTreeItem(last);
    assert.match(String(item.description), new RegExp(`^${years[years.length - 1]} \\d+ figures · \\d+ targets · \\d+ results · \\d+ tags$`));
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor('the report open', () => vscode.window.activeTextEditor?.document.uri.toString() === last.report.uri);
  });

  test('3. Indicators: targets with bounds and results per year; a click reveals the sentence', async () => {
    const { indicatorTree } = await corpus();
    const gdp = indicatorTree.getChildren().find((n) => n.kind === 'series' && n.series.indicatorKey === 'gdp' && n.series.kind === 'percent');
    assert.ok(gdp);
    // Its English name in an English UI, not its key; the key (for exports and the CLI) in the tooltip.
    const series = indicatorTree.getTreeItem(gdp);
    assert.match(String(series.description), /^Gross domestic product \(GDP\) · % · \d+ reports$/);
    assert.match(String(series.tooltip), /key gdp in exports/);
    const rows = indicatorTree.getChildren(gdp);
    const row2009 = rows.find((n) => n.kind === 'row' && n.row.year === 2009)!;
    // The 2009 and 2010 reports write full-width digits (８％左右, ８．７％).
    assert.match(String(indicatorTree.getTreeItem(row2009).description), /^target [8８][%％]左右 \(about\) · result (8\.7|８．７)[%％]$/);
    const target = indicatorTree.getChildren(row2009).find((n) => n.kind === 'point' && n.point.role === 'target')!;
    const item = indicatorTree.getTreeItem(target);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the 2009 report at the target', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('national-2009.txt') && !e.selection.isEmpty ? e : undefined;
    });
    assert.ok(target.kind === 'point');
    assert.equal(editor.document.getText(editor.selection), target.point.text);
  });

  test("3. Indicators: the user's indicator entries (the setting) are used by the corpus as by the editor", async function () {
    this.timeout(300_000);
    const { index } = await corpus();
    const steel = () => index.all().filter((r) => r.summary.figures.some((f) => f.indicatorKey === 'steelOutput'));
    assert.equal(steel().length, 0, 'no such key in the shipped table');
    const config = vscode.workspace.getConfiguration('reportAnnotator');
    await config.update('indicators', [{ key: 'steelOutput', name: '钢产量', synonyms: ['钢产量'], kinds: ['mass'] }], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('steel output in the corpus', () => steel().length > 0, 240_000);
      await index.whenIdle();
      console.log(`      [numbers] steelOutput (a user's entry) found in ${steel().length} reports, e.g. ${steel()[0].name}`);
    } finally {
      await config.update('indicators', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the shipped table again', () => !index.indexing && steel().length === 0, 120_000);
  });

  test('4. timeline: GDP growth target and result over the years, drawn, saved as SVG, PNG and CSV', async function () {
    this.timeout(60_000);
    const { timeline } = await corpus();
    const result = (await vscode.commands.executeCommand('reportAnnotator.corpus.showTimeline', { series: 'gdp:percent' })) as { chart?: { points: { series: string }[] } };
    assert.ok(result.chart && result.chart.points.length >= 20, `${result.chart?.points.length} points`);
    // Many regions state a GDP growth target: the chart starts with those that have the most points.
    const shown = timeline.regions.filter((r) => r.selected).map((r) => r.name);
    assert.ok(timeline.regions.length >= 5 && shown[0] === '中国' && shown.length <= 4, JSON.stringify(timeline.regions));
    assert.ok(result.chart.points.every((p) => shown.includes(p.series)));
    await timeline.whenRendered();
    const two = await timeline.chooseRegions(['中国', '河北省']);
    assert.deepEqual(new Set(two?.points.map((p) => p.series)), new Set(['中国', '河北省']));
    const drawn = await timeline.whenRendered();
    assert.ok(drawn.marks > drawn.points, `${drawn.marks} marks for ${drawn.points} points`);
    for (const format of ['svg', 'png', 'csv'] as const) {
      const target = join(WORKSPACE, `gdp.${format}`);
      const saved = (await vscode.commands.executeCommand('reportAnnotator.corpus.saveTimeline', { format, target })) as { bytes?: number };
      assert.ok(saved.bytes && saved.bytes > 100, `${format}: ${JSON.stringify(saved)}`);
    }
    assert.match(readFileSync(join(WORKSPACE, 'gdp.svg'), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.deepEqual([...readFileSync(join(WORKSPACE, 'gdp.png')).subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const csv = readFileSync(join(WORKSPACE, 'gdp.csv'), 'utf8');
    assert.match(csv, /^\uFEFFYear,Region,Target \(%\),Bound,Result \(%\),/);
    assert.match(csv, /\r\n2009,中国,8,about,8\.7,/);
    // What the serializer restores after a restart: the webview keeps the state it was given.
    assert.deepEqual(timeline.state, { kind: 'indicator', series: 'gdp:percent', regions: ['中国', '河北省'] });
  });

  test('5. the workspace annotations table: spec columns, one row per tag, code point offsets', async function () {
    this.timeout(60_000);
    const file = join(WORKSPACE, 'corpus-national', 'national-2005.txt');
    const document = await vscode.workspace.openTextDocument(file);
    const start = document.getText().indexOf('各位代表');
    const tagged = (await vscode.commands.executeCommand('reportAnnotator.tagParagraphs', { uri: document.uri, ranges: [{ start, end: start + 4 }], tags: ['开场', '代表'] })) as { annotationIds: string[] };
    assert.equal(tagged.annotationIds.length, 1);
    const target = join(WORKSPACE, 'annotations.csv');
    const out = (await vscode.commands.executeCommand('reportAnnotator.corpus.exportAnnotationsTable', { target })) as { rows: number };
    assert.ok(out.rows >= 2, JSON.stringify(out));
    const lines = readFileSync(target, 'utf8').split('\r\n');
    assert.equal(lines[0], 'document,id,tag,note,start,end,exact,created,modified');
    const mine = lines.filter((l) => l.startsWith('corpus-national/national-2005.txt,'));
    assert.deepEqual(mine.map((l) => l.split(',')[2]), ['开场', '代表']);
  });

  test('7. bad cases: a report that fails is listed with its reason; a corrupted cache entry is dropped and re-analysed', async function () {
    this.timeout(120_000);
    const { index, corpusTree } = await corpus();
    const failed = index.failed();
    assert.ok(failed.some((f) => f.name === 'broken.govreport'), JSON.stringify(failed));
    const group = corpusTree.getChildren().find((n) => n.kind === 'failures')!;
    assert.ok(group);
    assert.ok(String(corpusTree.getTreeItem(corpusTree.getChildren(group)[0]).description).length > 0);
    const dir = (index as unknown as { cacheDir: string }).cacheDir;
    const version = readdirSync(dir)[0];
    const hash = index.all()[0].summary.hash;
    writeFileSync(join(dir, version, `${hash}.json`), '{"version":1,"summary":{"hash":');
    const stats = await index.reindex();
    assert.equal(stats.droppedCacheEntries, 1);
    assert.equal(stats.analysed, 1);
    assert.ok(index.all().some((r) => r.summary.hash === hash));
    await sleep(10);
  });

  test('memory: 1,000 generated reports (REPORT_ANNOTATOR_CORPUS_BENCH=1)', async function () {
    if (!process.env.REPORT_ANNOTATOR_CORPUS_BENCH) this.skip();
    this.timeout(900_000);
    const { index } = await corpus();
    const gen = join(WORKSPACE, 'generated');
    const sources = ['corpus', 'corpus-national', 'corpus-local', 'corpus-provinces-2026'].flatMap((d) => readdirSync(join(WORKSPACE, d)).filter((f) => f.endsWith('.txt')).map((f) => join(WORKSPACE, d, f)));
    // A full collection before each reading, so that the heap holds what is kept, not garbage (the extension
    // host does not expose gc: the flag is set now and gc taken from a fresh context).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    require('node:fs').mkdirSync(gen);
    for (let i = 0; i < 1000; i++) writeFileSync(join(gen, `r${i}.txt`), `${readFileSync(sources[i % sources.length], 'utf8')}\n（第${i}号副本）\n`);
    const stats = await withLoopDelay('indexing 1,000 generated reports', () => index.reindex());
    gc();
    const after = process.memoryUsage();
    console.log(`      [numbers] 1,000 generated reports: ${stats.reports} reports indexed in ${ms(stats.ms)}; host heap ${(before.heapUsed / 1048576).toFixed(0)} → ${(after.heapUsed / 1048576).toFixed(0)} MB, rss ${(before.rss / 1048576).toFixed(0)} → ${(after.rss / 1048576).toFixed(0)} MB`);
  });
});
