// Export of the current report and of the workspace (validated by the zod schema, code point offsets on a
// text with 𡌶), and import: a valid set merges into the stores; an invalid one says which field is wrong
// and changes nothing, neither in memory nor on disk.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import { sha256 } from '../../../src/core/exportSet';
import { type AnnotationSet, schemas } from '../../../src/core/schema';
import type { ExportResult, ImportResult } from '../../../src/extension/annotating/exportImport';
import { closeAll, extensionApi, openNewReport, paragraphWith, readIfExists, reportPath, sampleReport, scratch, sidecarOf, sleep, tag, tagParagraphsWith, waitFor, WORKSPACE } from './helpers';

const ASTRAL = '𡌶';
/** A report with 𡌶 (outside the BMP: two UTF-16 units, one code point) before and inside the tagged paragraph. */
const astralReport = () =>
  sampleReport('2023年𡌶州区政府工作报告', [
    `　　${ASTRAL}州区地处${ASTRAL}江之滨，${ASTRAL}山${ASTRAL}水，全区面积1900平方公里，常住人口331.7万人。`,
    '',
  ]).replace('民生保障持续改善。', `民生保障持续改善。${ASTRAL}州新城学校建成，`);

const out = (name: string) => scratch(`report-annotator-${process.pid}-${name}`);
/** A symbolic link out(name) → `target` (as written: relative to the link's folder or absolute). */
function linked(name: string, target: string): string {
  rmSync(out(name), { force: true });
  symlinkSync(target, out(name));
  return out(name);
}

function readSet(path: string): AnnotationSet {
  return schemas().AnnotationSetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Python-style slicing: code points. */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

function checkDocument(doc: AnnotationSet['documents'][number], text: string): void {
  assert.equal(doc.sha256, sha256(text));
  assert.equal(doc.length, [...text].length);
  for (const a of doc.annotations) assert.equal(slice(text, a.target.start, a.target.end), a.target.exact, `annotation ${a.id}`);
  for (const p of doc.paragraphs) assert.equal(slice(text, p.range.start, p.range.end), slice(text, p.range.start, p.range.end).trim());
  for (const f of doc.figures) assert.equal(slice(text, f.range.start, f.range.end), f.text, `figure ${f.id}`);
}

suite('export and import', () => {
  suiteTeardown(closeAll);

  test('exports the current report: zod-valid, code point offsets on a text with 𡌶', async () => {
    const { api, editor, doc } = await openNewReport('export-astral.txt', astralReport());
    const p = await paragraphWith(api, doc, '民生保障持续改善');
    editor.selection = new vscode.Selection(doc.positionAt(p.range.start + 2), doc.positionAt(p.range.start + 2));
    await tag({ tags: ['民生'] });
    await vscode.commands.executeCommand('reportAnnotator.editNote', { note: `${ASTRAL}州新城学校：核实开学时间` });

    const target = out('current.json');
    const result = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportAnnotations', { target });
    assert.equal(result.error, undefined, result.error);
    assert.deepEqual([result.documents, result.annotations], [1, 1]);
    const set = readSet(target);
    assert.equal(set.offsetEncoding, 'codepoint');
    const [d] = set.documents;
    assert.equal(d.uri, 'reports/export-astral.txt');
    const text = doc.getText();
    checkDocument(d, text);
    const [a] = d.annotations;
    assert.deepEqual(a.tags, ['民生']);
    assert.equal(a.note, `${ASTRAL}州新城学校：核实开学时间`);
    assert.ok(a.target.exact.includes(ASTRAL));
    const before = [...text.slice(0, p.range.start)].length;
    assert.equal(a.target.start, before, 'start counts code points');
    assert.equal(text.slice(0, p.range.start).length - before, 5, 'five 𡌶 before the paragraph: UTF-16 counts 5 more');
    assert.deepEqual(readdirSync(dirname(out('current.json'))).filter((f) => f.startsWith(`.report-annotator-${process.pid}-current.json`)), [], 'no temporary file left');
  });

  test('an export is never written over a sidecar, the codebook or a report, nor to a file of another kind: refused, the file unchanged', async () => {
    const { api, doc } = await openNewReport('export-guard.txt', sampleReport('2022年示范区政府工作报告'));
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
    await api.annotations.flush(doc.uri);
    const sidecar = sidecarOf(doc.uri.fsPath);
    const codebook = join(WORKSPACE, 'report-annotator.codebook.json');
    const files = [sidecar, doc.uri.fsPath, codebook];
    const before = files.map(readIfExists);
    const attempts: [string, string][] = [
      ['reportAnnotator.exportAnnotations', sidecar],
      ['reportAnnotator.exportAnnotations', doc.uri.fsPath],
      ['reportAnnotator.exportWorkspaceAnnotations', codebook],
      ['reportAnnotator.exportWebAnnotations', sidecar],
      ['reportAnnotator.exportAnnotationTable', doc.uri.fsPath],
      ['reportAnnotator.exportQdpx', out('guard.json')],
      // Through links: named as a CSV but a report; through a folder that does not exist (the writer resolves the .. by name).
      ['reportAnnotator.exportAnnotationTable', linked('link.csv', doc.uri.fsPath)],
      ['reportAnnotator.exportWebAnnotations', linked('through.json', `nosuchdir/../${relative(dirname(out('x')), sidecar)}`)],
      // A timeline's format is checked, not only typed: "txt" wrote a PNG over the report.
      ['reportAnnotator.corpus.saveTimeline', doc.uri.fsPath],
    ];
    for (const [command, target] of attempts) {
      const result = (await vscode.commands.executeCommand(command, { target, uri: doc.uri, scope: 'current', format: 'txt' })) as { error?: string; message?: string; path?: string };
      const said = result.error ?? result.message ?? '';
      assert.match(said, /Nothing was written/, `${command} → ${target}: ${JSON.stringify(result)}`);
      assert.ok(said.includes(command.endsWith('saveTimeline') ? '“txt”' : target), `the message names the file: ${said}`);
    }
    assert.deepEqual(files.map(readIfExists), before, 'the sidecar, the report and the codebook are as they were');
    assert.ok(!existsSync(out('guard.json')));
    // Web Annotations may be saved as .json (JSON-LD is JSON); a name like the workspace export's default is no sidecar.
    const jsonld = (await vscode.commands.executeCommand('reportAnnotator.exportWebAnnotations', { target: out('guard.json'), scope: 'current' })) as { path?: string; message?: string };
    assert.equal(jsonld.path, out('guard.json'), JSON.stringify(jsonld));
    const set = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportAnnotations', { target: out('guard.report-annotations.json'), uri: doc.uri });
    assert.equal(set.error, undefined, set.error);
  });

  test('exports every report of the workspace', async () => {
    const api = await extensionApi();
    const path = reportPath('export-astral.txt');
    const target = out('workspace.json');
    const result = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportWorkspaceAnnotations', { target });
    assert.equal(result.error, undefined, result.error);
    const set = readSet(target);
    const uris = set.documents.map((d) => d.uri);
    // The corpus reports (copied into the workspace) and ours; other suites add files of their own.
    const corpus = readdirSync(process.env.REPORT_CORPUS_DIR ?? join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus'));
    assert.ok(corpus.length >= 4);
    for (const name of [...corpus, 'export-astral.txt']) assert.ok(uris.includes(`reports/${name}`), `${name} is exported`);
    assert.ok(!uris.includes('notes.txt') && !uris.includes('empty.txt'), 'files that are not reports are not');
    for (const d of set.documents) {
      const text = (vscode.workspace.textDocuments.find((t) => t.uri.fsPath === join(WORKSPACE, d.uri)) ?? (await vscode.workspace.openTextDocument(join(WORKSPACE, d.uri)))).getText();
      checkDocument(d, text);
    }
    const astral = set.documents.find((d) => d.uri === 'reports/export-astral.txt')!;
    assert.equal(astral.annotations.length, api.annotations.list(vscode.Uri.file(path)).length);
    assert.ok(set.documents.some((d) => d.figures.length > 0), 'with the analysis');
    assert.ok(set.documents.some((d) => d.projects.length > 0), 'and projects: nodejieba loaded');
  });

  test('imports a valid set: new annotations are added, the same id replaces', async () => {
    const text = astralReport().replace('2023年', '2024年');
    const { api, path, doc } = await openNewReport('import-target.txt', text);
    await tagParagraphsWith(api, doc, ['民生保障持续改善'], ['民生']);
    const [existing] = api.annotations.list(doc.uri);

    // Code point offsets of two paragraphs, as another tool (Python) would write them.
    const cps = [...text];
    const cpOf = (utf16: number) => [...text.slice(0, utf16)].length;
    const span = (needle: string) => {
      const s = text.indexOf(needle);
      const e = text.indexOf('\n', s);
      return { start: cpOf(s), end: cpOf(e), exact: text.slice(s, e) };
    };
    const eco = span('坚持生态优先');
    const first = span(`${ASTRAL}州区地处`);
    const stamp = new Date().toISOString();
    const ann = (id: string, tags: string[], s: { start: number; end: number; exact: string }, note?: string) => ({
      id,
      tags,
      ...(note && { note }),
      target: { start: s.start, end: s.end, exact: s.exact, prefix: cps.slice(Math.max(0, s.start - 32), s.start).join(''), suffix: cps.slice(s.end, s.end + 32).join('') },
      created: stamp,
      modified: stamp,
    });
    const newId = randomUUID();
    const set = {
      format: 'report-annotator.annotation-set',
      version: 1,
      offsetEncoding: 'codepoint',
      generator: { name: 'python-script', version: '1' },
      exportedAt: stamp,
      documents: [
        {
          uri: 'reports/import-target.txt',
          sha256: sha256(text),
          length: cps.length,
          sections: [],
          paragraphs: [],
          figures: [],
          projects: [],
          annotations: [
            ann(newId, ['生态环境'], eco, '导入的批注'),
            ann(randomUUID(), ['概况'], first),
            ann(existing.id, ['民生', '社会保障'], span('民生保障持续改善'), '替换后的批注'),
          ],
        },
      ],
    };
    const source = out('import-valid.json');
    writeFileSync(source, JSON.stringify(set));
    const result = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
    assert.equal(result.error, undefined, result.error);
    assert.deepEqual([result.documents, result.added, result.replaced, result.orphaned], [1, 2, 1, 0]);
    const list = api.annotations.list(doc.uri);
    assert.equal(list.length, 3);
    const imported = list.find((a) => a.id === newId)!;
    assert.deepEqual(imported.tags, ['生态环境']);
    assert.equal(imported.note, '导入的批注');
    assert.equal(doc.getText().slice(imported.target.start, imported.target.end), eco.exact, 'UTF-16 in memory');
    const replaced = list.find((a) => a.id === existing.id)!;
    assert.deepEqual(replaced.tags, ['民生', '社会保障']);
    assert.equal(replaced.note, '替换后的批注');
    const astralParagraph = list.find((a) => a.tags.includes('概况'))!;
    assert.ok(astralParagraph.target.exact.startsWith(`${ASTRAL}州区地处`));
    await waitFor('the sidecar to hold the import', () => readIfExists(sidecarOf(path))?.includes(newId));
  });

  test('an invalid file (bad JSON, a wrong field, an unknown report) names the problem and changes nothing', async () => {
    const api = await extensionApi();
    const uri = vscode.Uri.file(reportPath('import-target.txt'));
    await api.annotations.flush();
    const snapshot = () => ({
      memory: api.annotations.loadedReports().map((u) => [u.toString(), JSON.stringify(api.annotations.all(u))]),
      disk: readdirSync(join(WORKSPACE, 'reports')).filter((f) => f.endsWith('.annotations.json')).map((f) => [f, readFileSync(reportPath(f), 'utf8')]),
    });
    const before = snapshot();
    assert.ok(api.annotations.list(uri).length === 3, 'the earlier import is there');

    const good = JSON.parse(
      readFileSync(out('import-valid.json'), 'utf8'),
    ) as { documents: { uri: string; annotations: { id: string; tags: string[]; target: { start: unknown } }[] }[] };
    for (const a of good.documents[0].annotations) a.tags = [...a.tags, '不应出现'];

    const cases: [string, string, RegExp][] = [
      ['bad JSON', '{"format": "report-annotator.annotation-set", "documents": [', /JSON/],
      ['wrong type', JSON.stringify({ ...good, documents: [{ ...good.documents[0], annotations: good.documents[0].annotations.map((a, i) => (i === 2 ? { ...a, target: { ...a.target, start: '12' } } : a)) }] }), /documents\[0\]\.annotations\[2\]\.target\.start/],
      ['unknown report', JSON.stringify({ ...good, documents: [good.documents[0], { ...good.documents[0], uri: 'reports/no-such-report.txt' }] }), /In \S*import-bad-unknown-report\.json, documents\[1\]\.uri names a report that is not in the workspace\./],
      ['quote not at its offsets', JSON.stringify({ ...good, documents: [{ ...good.documents[0], annotations: good.documents[0].annotations.map((a, i) => (i === 1 ? { ...a, target: { ...a.target, start: 3 } } : a)) }] }), /documents\[0\]\.annotations\[1\]\.target\.exact/],
      ['not an annotation set', JSON.stringify({ hello: 'world' }), /format/],
    ];
    for (const [name, body, expected] of cases) {
      const source = out(`import-bad-${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(source, body);
      const result = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
      assert.ok(result.error, `${name}: an error`);
      assert.match(result.error, expected, `${name}: ${result.error}`);
      assert.equal(result.added + result.replaced, 0);
    }
    await sleep(700); // longer than the save delay
    assert.deepEqual(snapshot(), before, 'nothing changed in memory or on disk');
    assert.ok(api.annotations.list(uri).every((a) => !a.tags.includes('不应出现')));

    const missing = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source: out('does-not-exist.json') });
    assert.match(missing.error ?? '', /ENOENT|no such file/);
    assert.ok(!existsSync(out('does-not-exist.json')));
  });
});
