// The coding workbench in a real VS Code: the codebook as the source of tag colours, the workspace Tags
// view, rename and merge across every sidecar (all or nothing, the stores reloaded), a bad codebook as a
// problem with nothing rewritten, memos, the matrix, the exports and the import, agreement, and the
// keyboard workflow. Tags here start with "码" so other suites' sidecars are never touched; the codebook
// is removed at the end, so later suites see the setting as before.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { makeTarget } from '../../../src/core/anchoring';
import { CODEBOOK_FILE } from '../../../src/core/coding/codebookSchema';
import { serializeSidecar } from '../../../src/core/sidecar';
import type { TagsNode } from '../../../src/extension/coding/tagsView';
import type { TagCommandResult } from '../../../src/extension/coding/tagCommands';
import type { MatrixResult } from '../../../src/extension/coding/matrixPanel';
import type { CodingExportResult, CodingImportResult } from '../../../src/extension/coding/codingExports';
import type { AgreementCommandResult } from '../../../src/extension/coding/agreementReport';
import type { NavigationResult } from '../../../src/extension/coding/navigation';
import { extensionApi, openNewReport, paragraphWith, readOut, sampleReport, sidecarOf, sleep, tag, tagParagraphsWith, waitFor, WORKSPACE, type TestApi } from './helpers';
import { tempDir } from '../../tempDir';

const CODEBOOK = join(WORKSPACE, CODEBOOK_FILE);
const run = <T>(id: string, args?: object) => vscode.commands.executeCommand<T>(`reportAnnotator.${id}`, args);

function tagNodes(api: TestApi): Extract<TagsNode, { kind: 'tag' }>[] {
  const out: Extract<TagsNode, { kind: 'tag' }>[] = [];
  const walk = (nodes: readonly TagsNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'tag') out.push(n);
      if (n.kind === 'tag' || n.kind === 'unlistedGroup') walk(n.children);
    }
  };
  walk(api.coding.tagsView.rootNodes);
  return out;
}

async function settle(api: TestApi): Promise<void> {
  await api.annotations.flush();
  await sleep(200);
  await api.coding.workspaceTags.settled();
  api.coding.tagsView.rebuild();
}

suite('coding', () => {
  let api: TestApi;
  let a: { path: string; doc: vscode.TextDocument };
  let b: { path: string; doc: vscode.TextDocument };

  suiteSetup(async () => {
    api = await extensionApi();
    rmSync(CODEBOOK, { force: true });
    const first = await openNewReport('coding-a.txt', sampleReport('2021年示范区政府工作报告'));
    a = first;
    await tagParagraphsWith(api, first.doc, ['招商引资成效显著', '民生保障持续改善'], ['码民生']);
    await tagParagraphsWith(api, first.doc, ['民生保障持续改善'], ['码财政']);
    const second = await openNewReport('coding-b.txt', sampleReport('2022年样例县政府工作报告'));
    b = second;
    await tagParagraphsWith(api, second.doc, ['项目建设加快推进'], ['码民生', '码预算']);
    await settle(api);
  });

  suiteTeardown(async () => {
    rmSync(CODEBOOK, { force: true });
    api.coding.codebooks.reload();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Create Codebook seeds it from the setting and the tags in use; the codebook then gives the colours', async () => {
    const result = await run<TagCommandResult>('createCodebook');
    assert.ok(existsSync(CODEBOOK), result.message);
    const file = JSON.parse(readFileSync(CODEBOOK, 'utf8'));
    const names = file.tags.map((t: { name: string }) => t.name);
    for (const s of ['招商引资', '民生']) assert.ok(names.includes(s), `${s} from the setting`);
    for (const s of ['码民生', '码财政', '码预算']) assert.ok(names.includes(s), `${s} in use`);
    await waitFor('the codebook to be read', () => api.coding.codebooks.present);
    // Recolour: written into the codebook, not the setting; the picker and decorations follow.
    await run('setTagColor', { tag: '码民生', color: '#123456' });
    assert.equal(JSON.parse(readFileSync(CODEBOOK, 'utf8')).tags.find((t: { name: string }) => t.name === '码民生').color, '#123456');
    // (tagSettings is read through the extension's own module: the decorations show what it gives.)
    await waitFor('a decoration in the new colour', () => api.tagDecorations.colors.includes('#123456'));
  });

  test('the Tags view: hierarchy with counts across the workspace → reports → paragraphs; sort and filter', async () => {
    await run('newTag', { name: '码经济', color: '#336699' });
    await run('moveTag', { tag: '码财政', parent: '码经济' });
    await run('describeTag', { tag: '码经济', description: '经济与财政' });
    await settle(api);
    const economy = tagNodes(api).find((n) => n.tag === '码经济')!;
    assert.ok(economy, 'the new tag is shown');
    assert.equal(economy.description, '经济与财政');
    const fiscal = economy.children.find((c): c is Extract<TagsNode, { kind: 'tag' }> => c.kind === 'tag' && c.tag === '码财政');
    assert.ok(fiscal, '码财政 is under 码经济');
    const people = tagNodes(api).find((n) => n.tag === '码民生')!;
    assert.equal(people.count, 3, 'two paragraphs of A, one of B');
    const reports = people.children.filter((c) => c.kind === 'report');
    assert.equal(reports.length, 2);
    const reportItem = api.coding.tagsView.getTreeItem(reports[0]);
    assert.match(readOut(reportItem), /^([^,]+\.txt), \d+, .*\1$/, `a report's row is read out with its paragraphs and then its path: ${readOut(reportItem)}`);
    const paragraphs = api.coding.tagsView.getChildren(reports[0]);
    assert.ok(paragraphs.every((p) => p.kind === 'paragraph'));
    const item = api.coding.tagsView.getTreeItem(paragraphs[0]);
    assert.equal(item.command?.command, 'reportAnnotator.openTaggedParagraph');
    const opened = await vscode.commands.executeCommand<NavigationResult>(item.command!.command, ...(item.command!.arguments ?? []));
    assert.ok(opened.annotationId, opened.message);

    await run('tagsSortByCount');
    const roots = api.coding.tagsView.rootNodes.filter((n): n is Extract<TagsNode, { kind: 'tag' }> => n.kind === 'tag');
    for (let i = 1; i < roots.length; i++) assert.ok(roots[i - 1].total >= roots[i].total, 'by count, most first');
    await run('filterTags', { text: 'coding-b' });
    const filtered = tagNodes(api).map((n) => n.tag);
    assert.ok(filtered.includes('码预算') && !filtered.includes('码财政'), `only tags of coding-b: ${filtered.join(', ')}`);
    await run('filterTags', { text: '码财' });
    assert.deepEqual(
      tagNodes(api).map((n) => n.tag),
      ['码经济', '码财政'],
      'a tag and its parent',
    );
    await run('clearTagsFilter');
    await run('tagsSortByName');
  });

  test('rename across the sidecars: preview, all written, stores reloaded; merge keeps one tag', async () => {
    // A report in a hidden folder, which the Tags view counts: renamed with the others (a walk of the disk skipped it).
    const hidden = join(WORKSPACE, '.review', 'c.txt');
    mkdirSync(join(WORKSPACE, '.review'), { recursive: true });
    const text = sampleReport();
    writeFileSync(hidden, text);
    const at = text.indexOf('深化改革创新');
    const t0 = '2026-01-01T00:00:00.000Z';
    writeFileSync(sidecarOf(hidden), serializeSidecar(text, [{ id: 'hidden-1', tags: ['码民生'], target: makeTarget(text, at, at + 6), created: t0, modified: t0 }]));
    let preview = '';
    api.coding.tagCommands.confirm = async (message) => ((preview = message), true);
    const renamed = await run<TagCommandResult>('renameTag', { from: '码民生', to: '码民生保障' });
    assert.match(preview, /4 annotations in 3 reports/, preview);
    assert.equal(renamed.annotations, 4, renamed.message);
    for (const p of [a.path, b.path, hidden]) assert.ok(!readFileSync(sidecarOf(p), 'utf8').includes('"码民生"'), `${p} rewritten`);
    rmSync(join(WORKSPACE, '.review'), { recursive: true, force: true });
    assert.ok(api.annotations.list(b.doc.uri)[0].tags.includes('码民生保障'), 'the store in memory was read again');
    assert.ok(JSON.parse(readFileSync(CODEBOOK, 'utf8')).tags.some((t: { name: string; color: string }) => t.name === '码民生保障' && t.color === '#123456'));

    const merged = await run<TagCommandResult>('mergeTags', { from: ['码预算'], into: '码民生保障', confirm: false });
    assert.equal(merged.annotations, 1);
    assert.deepEqual(api.annotations.list(b.doc.uri)[0].tags, ['码民生保障']);
    // Cancelled at the preview: nothing changes.
    const before = readFileSync(sidecarOf(a.path), 'utf8');
    api.coding.tagCommands.confirm = async () => false;
    assert.equal((await run<TagCommandResult>('renameTag', { from: '码财政', to: '码税收' })).message, 'cancelled');
    assert.equal(readFileSync(sidecarOf(a.path), 'utf8'), before);
  });

  test('tags in sidecars but not in the codebook are listed and can be adopted; width and spaces make no new tag', async () => {
    await tagParagraphsWith(api, a.doc, ['深化改革创新'], ['码改革']);
    // The new tag went into the codebook by itself (a first use); take it out again to see it unlisted.
    const file = JSON.parse(readFileSync(CODEBOOK, 'utf8'));
    file.tags = file.tags.filter((t: { name: string }) => t.name !== '码改革');
    writeFileSync(CODEBOOK, JSON.stringify(file, null, 2));
    api.coding.codebooks.reload();
    await settle(api);
    // The sidecar's watcher event and the index's debounce may land after settle() on a busy machine.
    const unlisted = await waitFor('the tag listed as not in the codebook', () => {
      api.coding.tagsView.rebuild();
      const group = api.coding.tagsView.rootNodes.find((n) => n.kind === 'unlistedGroup');
      return group && group.kind === 'unlistedGroup' && group.children.some((c) => c.kind === 'tag' && c.tag === '码改革') && group;
    });
    assert.ok(unlisted.kind === 'unlistedGroup');
    assert.equal(api.coding.tagsView.getTreeItem(unlisted.children[0]).contextValue, 'unlistedTag');
    assert.match(readOut(api.coding.tagsView.getTreeItem(unlisted)), /^Not in the codebook, \d+, Tags used in annotations/);
    await run('adoptTag', unlisted.children.find((c) => c.kind === 'tag' && c.tag === '码改革'));
    await settle(api);
    await waitFor('nothing left unlisted', () => {
      api.coding.tagsView.rebuild();
      return !api.coding.tagsView.rootNodes.some((n) => n.kind === 'unlistedGroup');
    });
    // Full-width and spaced names are the same tag: no second entry, and tagging with one takes the known name.
    const refused = await run<TagCommandResult>('newTag', { name: '码 改革' });
    assert.match(refused.message ?? '', /already/);
    await tagParagraphsWith(api, a.doc, ['坚持生态优先'], ['码 改 革']);
    const eco = api.annotations.list(a.doc.uri).find((x) => x.target.exact.includes('坚持生态优先'));
    assert.deepEqual(eco?.tags, ['码改革']);
  });

  test('a bad codebook is a problem on its entry, shown in the view, and nothing is rewritten', async () => {
    const good = readFileSync(CODEBOOK, 'utf8');
    const bad = JSON.parse(good);
    bad.tags.push({ name: '码孤儿', color: '#000000', parent: '码不存在' });
    writeFileSync(CODEBOOK, JSON.stringify(bad, null, 2));
    api.coding.codebooks.reload();
    const diagnostics = await waitFor('a problem on the codebook', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(CODEBOOK));
      return d.length > 0 && d;
    });
    assert.match(diagnostics[0].message, /tags\[\d+\]\.parent: no tag 码不存在/);
    const text = readFileSync(CODEBOOK, 'utf8');
    const line = text.split('\n')[diagnostics[0].range.start.line];
    assert.match(line, /parent/, 'the problem sits on the entry');
    api.coding.tagsView.rebuild();
    assert.ok(api.coding.tagsView.rootNodes.some((n) => n.kind === 'problem' && /码不存在/.test(n.message)));
    const sidecar = readFileSync(sidecarOf(a.path), 'utf8');
    const refused = await run<TagCommandResult>('renameTag', { from: '码财政', to: '码税收', confirm: false });
    assert.match(refused.message ?? '', /problems/);
    assert.equal(readFileSync(sidecarOf(a.path), 'utf8'), sidecar);
    assert.equal(readFileSync(CODEBOOK, 'utf8'), text);
    // A cycle names its tags.
    const cycle = JSON.parse(good);
    cycle.tags.find((t: { name: string }) => t.name === '码经济').parent = '码财政';
    writeFileSync(CODEBOOK, JSON.stringify(cycle, null, 2));
    api.coding.codebooks.reload();
    assert.ok(api.coding.codebooks.all()[0].problems?.some((p) => /cycle/.test(p)));
    writeFileSync(CODEBOOK, good);
    api.coding.codebooks.reload();
    await waitFor('the problems to go', () => vscode.languages.getDiagnostics(vscode.Uri.file(CODEBOOK)).length === 0);
  });

  test('memos on a tag and on a report: in the codebook, in the view, in the .qdpx', async () => {
    await run('editTagMemo', { tag: '码财政', text: '财政相关段落' });
    await run('editReportMemo', { uri: a.doc.uri, text: '这份报告的备忘录' });
    const file = JSON.parse(readFileSync(CODEBOOK, 'utf8'));
    assert.deepEqual(
      file.memos.map((m: { tag?: string; report?: string; text: string }) => [m.tag ?? m.report, m.text]),
      [
        ['码财政', '财政相关段落'],
        ['reports/coding-a.txt', '这份报告的备忘录'],
      ],
    );
    await settle(api);
    assert.equal(tagNodes(api).find((n) => n.tag === '码财政')?.memo, '财政相关段落');
    assert.ok(api.coding.tagsView.rootNodes.some((n) => n.kind === 'memosGroup'));
    const target = join(tempDir('coding-'), 'two.qdpx');
    const result = await run<CodingExportResult>('exportQdpx', { target, uris: [a.doc.uri, b.doc.uri] });
    assert.equal(result.reports, 2, result.message);
    const { unzipSync, strFromU8 } = await import('fflate');
    const qde = strFromU8(unzipSync(readFileSync(target))['project.qde']);
    assert.match(qde, /财政相关段落/);
    assert.match(qde, /这份报告的备忘录/);
    assert.match(qde, /name="码经济"[^>]*>[\s\S]*name="码财政"/, 'the hierarchy as nested codes');
  });

  test('the matrix: tag × report, × year, co-occurrence; CSV; a cell opens its paragraphs', async () => {
    const dir = tempDir('coding-matrix-');
    const byReport = await run<MatrixResult>('showTagMatrix', { axis: 'report', csv: join(dir, 'm.csv'), uris: [a.doc.uri, b.doc.uri] });
    assert.ok(api.coding.matrix.panel, 'the webview is open');
    assert.deepEqual(byReport.columns, ['reports/coding-a.txt', 'reports/coding-b.txt']);
    const row = byReport.rows.indexOf('码民生保障');
    assert.deepEqual(byReport.counts[row], [2, 1]);
    const csv = readFileSync(join(dir, 'm.csv'), 'utf8');
    assert.match(csv, /^tag\\report,reports\/coding-a.txt,reports\/coding-b.txt\r\n/);
    const byYear = await run<MatrixResult>('showTagMatrix', { axis: 'year', uris: [a.doc.uri, b.doc.uri] });
    assert.deepEqual(byYear.columns.filter((c) => c !== ''), ['2021', '2022'].filter((y) => byYear.columns.includes(y)));
    const co = await run<MatrixResult>('showTagMatrix', { axis: 'cooccurrence', uris: [a.doc.uri] });
    const i = co.rows.indexOf('码民生保障');
    const j = co.rows.indexOf('码财政');
    assert.equal(co.counts[i][j], 1, 'one paragraph of A has both');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.coding.matrix.openCell(i, j);
    const editor = await waitFor('the paragraph to open', () => vscode.window.activeTextEditor);
    const p = await paragraphWith(api, editor.document, '民生保障持续改善');
    assert.equal(editor.document.offsetAt(editor.selection.active), p.range.start);
  });

  test('exports of the current report and the workspace: JSON-LD and the CSV table', async () => {
    await vscode.window.showTextDocument(a.doc);
    const dir = tempDir('coding-export-');
    const jsonld = await run<CodingExportResult>('exportWebAnnotations', { target: join(dir, 'a.jsonld'), scope: 'current' });
    assert.equal(jsonld.reports, 1);
    const collection = JSON.parse(readFileSync(join(dir, 'a.jsonld'), 'utf8'));
    assert.equal(collection.type, 'AnnotationCollection');
    const csv = await run<CodingExportResult>('exportAnnotationTable', { target: join(dir, 'all.csv'), scope: 'workspace' });
    assert.ok(csv.reports >= 2, csv.message);
    const text = readFileSync(join(dir, 'all.csv'), 'utf8');
    assert.match(text, /^document,id,tag,note,start,end,exact,created,modified\r\n/);
    assert.match(text, /reports\/coding-a.txt,[^,]+,码财政,/);
  });

  test('import: a .qdpx from another tool brings codes and selections in; a bad file is refused whole', async () => {
    // Export A's work, then import it into a fresh copy of the report under another name.
    const dir = tempDir('coding-import-');
    const qdpx = join(dir, 'a.qdpx');
    await run('exportQdpx', { target: qdpx, uris: [a.doc.uri] });
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(readFileSync(qdpx));
    // Another tool's project: its code 码外来, its source the text of coding-c (A's with a line added at the end).
    const text = `${readFileSync(a.path, 'utf8')}\n　　附件：无。\n`;
    files['project.qde'] = strToU8(strFromU8(files['project.qde']).replace(/reports\/coding-a\.txt/g, 'reports/coding-c.txt').replace(/码财政/g, '码外来'));
    for (const name of Object.keys(files)) if (name.startsWith('sources/')) files[name] = strToU8(text);
    writeFileSync(qdpx, zipSync(files));
    writeFileSync(join(WORKSPACE, 'reports', 'coding-c.txt'), text);
    await api.coding.workspaceTags.refresh();
    const result = await run<CodingImportResult>('importCoding', { source: qdpx });
    assert.ok(result.added >= 2, result.message);
    assert.ok(JSON.parse(readFileSync(CODEBOOK, 'utf8')).tags.some((t: { name: string }) => t.name === '码外来'), 'its codes join the codebook');
    assert.ok(existsSync(sidecarOf(join(WORKSPACE, 'reports', 'coding-c.txt'))));

    const before = readFileSync(CODEBOOK, 'utf8');
    writeFileSync(join(dir, 'bad.qdpx'), 'not a zip at all');
    const bad = await run<CodingImportResult>('importCoding', { source: join(dir, 'bad.qdpx') });
    assert.match(bad.message ?? '', /Nothing was imported/);
    assert.match(bad.message ?? '', /zip/);
    writeFileSync(join(dir, 'empty.qdpx'), zipSync({ 'readme.txt': strToU8('hi') }));
    const empty = await run<CodingImportResult>('importCoding', { source: join(dir, 'empty.qdpx') });
    assert.match(empty.message ?? '', /project\.qde/);
    // Malformed JSON-LD: said as Import Annotations says it, once (it repeated the parser's own position in English).
    writeFileSync(join(dir, 'bad.jsonld'), '{"type": "AnnotationCollection",');
    const badJson = await run<CodingImportResult>('importCoding', { source: join(dir, 'bad.jsonld') });
    assert.match(badJson.message ?? '', /^Nothing was imported: bad\.jsonld is not valid JSON \(line 1, column \d+\)\.$/);
    assert.equal(readFileSync(CODEBOOK, 'utf8'), before, 'nothing changed');
  });

  test('import of Web Annotations (JSON-LD): placed by position and quote; what names no report is listed', async () => {
    const dir = tempDir('coding-jsonld-');
    await vscode.window.showTextDocument(a.doc);
    await run('exportWebAnnotations', { target: join(dir, 'a.jsonld'), scope: 'current' });
    copyFileSync(a.path, join(WORKSPACE, 'reports', 'coding-d.txt'));
    const collection = JSON.parse(readFileSync(join(dir, 'a.jsonld'), 'utf8').replace(/reports\/coding-a\.txt/g, 'reports/coding-d.txt'));
    const items = collection.first.items;
    // The report's memo is an annotation on the whole report (a string target): it comes back as a memo.
    const placed = items.filter((i: { target: unknown }) => typeof i.target === 'object').length;
    items.push({ ...items[0], id: 'urn:uuid:00000000-0000-4000-8000-000000000001', target: { ...items[0].target, source: 'reports/nowhere.txt' } });
    writeFileSync(join(dir, 'd.jsonld'), JSON.stringify(collection));
    const result = await run<CodingImportResult>('importCoding', { source: join(dir, 'd.jsonld') });
    assert.equal(result.added, placed, result.message);
    assert.equal(result.unplaced.length, 1);
    assert.match(result.unplaced[0], /nowhere/);
    const sidecar = JSON.parse(readFileSync(sidecarOf(join(WORKSPACE, 'reports', 'coding-d.txt')), 'utf8'));
    assert.equal(sidecar.annotations.length, placed);
  });

  test('agreement between two sidecar folders: kappa and alpha, and which reports were compared or left out', async () => {
    const root = tempDir('coding-agree-');
    for (const coder of ['A', 'B']) mkdirSync(join(root, coder));
    for (const coder of ['A', 'B']) copyFileSync(a.path, join(root, coder, 'r.txt'));
    copyFileSync(sidecarOf(a.path), join(root, 'A', 'r.txt.annotations.json'));
    copyFileSync(sidecarOf(a.path), join(root, 'B', 'r.txt.annotations.json'));
    copyFileSync(b.path, join(root, 'A', 'only-a.txt'));
    const result = await run<AgreementCommandResult>('compareCoders', { a: join(root, 'A'), b: join(root, 'B'), preview: false });
    assert.deepEqual(result.result?.compared, ['r.txt']);
    assert.deepEqual(result.result?.leftOut.map((l) => l.report), ['only-a.txt']);
    assert.equal(result.result?.overall.kappa, 1);
    assert.match(result.markdown ?? '', /Cohen/);
    assert.match(result.markdown ?? '', /only-a\.txt/);
  });

  test('keyboard: recent tags on 1–9, next/previous tagged paragraph, Repeat Last Tag', async () => {
    const { doc, editor } = await openNewReport('coding-keys.txt', sampleReport());
    const first = await paragraphWith(api, doc, '招商引资成效显著');
    editor.selection = new vscode.Selection(doc.positionAt(first.range.start), doc.positionAt(first.range.start));
    await tag({ tags: ['码键盘'] });
    const project = await paragraphWith(api, doc, '项目建设加快推进');
    editor.selection = new vscode.Selection(doc.positionAt(project.range.start), doc.positionAt(project.range.start));
    const running = vscode.commands.executeCommand('reportAnnotator.tagParagraphs');
    const qp = await waitFor('the quick pick', () => api.annotationCommands.quickPick);
    const one = qp.items.find((i) => i.digit === 1);
    assert.equal(one?.tag, '码键盘', 'the last tag is number 1');
    assert.equal(one?.description, '1', 'its digit');
    const icon = one?.iconPath;
    assert.ok(icon instanceof vscode.Uri && /tag-[0-9a-f]{6}\.svg$/.test(icon.path), `its colour as its icon: ${String(icon)}`);
    qp.value = '1';
    await running;
    assert.deepEqual(api.annotations.list(doc.uri).map((x) => x.tags.join()), ['码键盘', '码键盘']);

    const eco = await paragraphWith(api, doc, '坚持生态优先');
    editor.selection = new vscode.Selection(doc.positionAt(eco.range.start), doc.positionAt(eco.range.start));
    await run('repeatLastTag');
    assert.equal(api.annotations.list(doc.uri).length, 3);
    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(0));
    const n1 = await run<NavigationResult>('nextTaggedParagraph');
    assert.equal(editor.document.offsetAt(editor.selection.active), first.range.start, n1.message);
    await run('nextTaggedParagraph');
    assert.equal(editor.document.offsetAt(editor.selection.active), project.range.start);
    await run('previousTaggedParagraph');
    assert.equal(editor.document.offsetAt(editor.selection.active), first.range.start);
    const wrapped = await run<NavigationResult>('previousTaggedParagraph');
    assert.equal(wrapped.wrapped, true);
    assert.equal(editor.document.offsetAt(editor.selection.active), eco.range.start);
  });
});
