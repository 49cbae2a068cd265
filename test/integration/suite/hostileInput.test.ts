// Hostile and broken input (issue 12): a workspace export gives every report its real analysis; an import
// or a command argument never reaches outside the workspace folders; a sidecar's offsets are checked
// against its quotes; line endings and indentation orphan nothing; an unreadable sidecar is left alone
// until the user annotates.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { makeTarget } from '../../../src/core/anchoring';
import { sha256 } from '../../../src/core/exportSet';
import { type AnnotationSet, schemas } from '../../../src/core/schema';
import { serializeSidecar } from '../../../src/core/sidecar';
import type { ExportResult, ImportResult } from '../../../src/extension/annotating/exportImport';
import { closeAll, extensionApi, openReport, paragraphWith, readIfExists, sampleReport, scratch, sidecarOf, sleep, tag, waitFor, WORKSPACE, writeReport } from './helpers';
import { tempDir } from '../../tempDir';

const REPO = resolve(__dirname, '..', '..', '..', '..');
const SHARED = process.env.REPORT_CORPUS_DIR ? dirname(resolve(process.env.REPORT_CORPUS_DIR)) : resolve(REPO, '..', 'shared');
const readSet = (path: string): AnnotationSet => schemas().AnnotationSetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

suite('hostile and broken input', () => {
  suiteTeardown(closeAll);

  test('a workspace export of twelve fresh reports gives each the CLI’s analysis, on every run', async function () {
    this.timeout(240_000);
    await extensionApi();
    // Reports no editor has opened: the export must not open them (detection would switch their language,
    // closing and reopening each document under it).
    const dir = join(WORKSPACE, 'national');
    mkdirSync(dir, { recursive: true });
    const names = readdirSync(join(SHARED, 'corpus-national')).filter((n) => n.endsWith('.txt')).slice(-12);
    assert.equal(names.length, 12);
    for (const n of names) cpSync(join(SHARED, 'corpus-national', n), join(dir, n));

    const cliOut = scratch(`ra-cli-${process.pid}.json`);
    execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'analyze', ...names.map((n) => join('national', n)), '--out', cliOut], {
      cwd: WORKSPACE,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const cli = new Map(readSet(cliOut).documents.map((d) => [d.uri, d]));
    assert.equal(cli.size, 12);

    for (let run = 1; run <= 3; run++) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const target = scratch(`ra-ws-export-${process.pid}-${run}.json`);
      const result = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportWorkspaceAnnotations', { target });
      assert.equal(result.error, undefined, result.error);
      const exported = new Map(readSet(target).documents.map((d) => [d.uri, d]));
      for (const [uri, expected] of cli) {
        const got = exported.get(uri);
        assert.ok(got, `run ${run}: ${uri} exported`);
        assert.ok(got.paragraphs.length > 0, `run ${run}: ${uri} has its paragraphs`);
        const { annotations: _a, ...analysis } = got;
        const { annotations: _b, ...wanted } = expected;
        assert.deepEqual(analysis, wanted, `run ${run}: ${uri} is exported with the CLI's analysis`);
      }
    }
  });

  test('an analysis asked for while its document closes and reopens (a language change) is a real one', async () => {
    const api = await extensionApi();
    const path = writeReport('hostile-reopen.txt', sampleReport());
    const doc = await vscode.workspace.openTextDocument(path);
    const pending = api.analysis.analyze(doc);
    await vscode.languages.setTextDocumentLanguage(doc, doc.languageId === 'govreport' ? 'plaintext' : 'govreport');
    const analysis = await pending;
    assert.ok(analysis.paragraphs.length >= 8, `paragraphs: ${analysis.paragraphs.length}`);
    assert.ok(analysis.figures.length > 0);
    assert.notEqual(analysis.segmentation.error, 'closed');
  });

  test('an import naming files outside the workspace is refused, field named, nothing read or written', async () => {
    const api = await extensionApi();
    const outside = tempDir('ra-outside-');
    const secret = join(outside, 'secret.txt');
    const secretText = 'API_KEY=sk-very-secret-value-1234567890\nsecond line\n';
    writeFileSync(secret, secretText);
    // A link inside the workspace that leads out of it.
    const link = join(WORKSPACE, 'reports', 'hostile-link.txt');
    rmSync(link, { force: true });
    symlinkSync(secret, link);
    const relativeOut = join('..', '..', ...outside.split(/[\\/]/).filter(Boolean).slice(-1), 'secret.txt');
    const hostile = [relativeOut, secret, vscode.Uri.file(secret).toString(), 'reports/hostile-link.txt', 'untitled:Untitled-1'];
    const inside = writeReport('hostile-import.txt', sampleReport());
    const insideText = readFileSync(inside, 'utf8');
    const before = readdirSync(join(WORKSPACE, 'reports')).sort();
    for (const [i, uri] of hostile.entries()) {
      const target = makeTarget(secretText, 0, 10);
      const set = {
        format: 'report-annotator.annotation-set',
        version: 1,
        offsetEncoding: 'codepoint',
        generator: { name: 'report-annotator', version: '0.1.0' },
        exportedAt: new Date().toISOString(),
        documents: [
          // A good document first: the whole import must still change nothing.
          { uri: 'reports/hostile-import.txt', sha256: sha256(insideText), length: [...insideText].length, sections: [], paragraphs: [], figures: [], projects: [], annotations: [] },
          { uri, sha256: sha256(secretText), length: [...secretText].length, sections: [], paragraphs: [], figures: [], projects: [], annotations: [{ id: `h${i}`, tags: ['x'], target, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }] },
        ],
      };
      const source = scratch(`ra-hostile-${process.pid}-${i}.json`);
      writeFileSync(source, JSON.stringify(set));
      const result = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
      assert.ok(result.error, `${uri}: refused`);
      assert.match(result.error, /documents\[1\]\.uri/, `${uri}: the field is named: ${result.error}`);
      assert.equal(result.documents, 0);
    }
    assert.equal(existsSync(sidecarOf(secret)), false, 'nothing written beside the outside file');
    assert.deepEqual(readdirSync(outside), ['secret.txt']);
    assert.deepEqual(readdirSync(join(WORKSPACE, 'reports')).sort(), before, 'nothing written in the workspace either');
    assert.equal(api.annotations.list(vscode.Uri.file(inside)).length, 0);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === secret), 'the outside file was never opened');

    // The same rule for a command's uri argument.
    const r = await tag({ uri: vscode.Uri.file(secret), ranges: [{ start: 0, end: 10 }], tags: ['x'] });
    assert.equal(r.annotationIds.length, 0);
    assert.match(r.message ?? '', /not in the workspace/);
    const viaLink = await tag({ uri: link, ranges: [{ start: 0, end: 10 }], tags: ['x'] });
    assert.equal(viaLink.annotationIds.length, 0);
    const exported = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportAnnotations', {
      uri: secret,
      target: scratch(`ra-hostile-export-${process.pid}.json`),
    });
    assert.match(exported.error ?? '', /not in the workspace/);
    assert.equal(existsSync(sidecarOf(secret)), false);
    rmSync(link, { force: true });
  });

  test('a sidecar whose hash matches but whose offsets point elsewhere is re-anchored by its quotes', async () => {
    const api = await extensionApi();
    const text = sampleReport();
    const path = writeReport('hostile-offsets.txt', text);
    const span = (needle: string) => {
      const start = text.indexOf(needle);
      return { start, end: text.indexOf('\n', start) };
    };
    const [a, b] = [span('招商引资成效显著'), span('民生保障持续改善')];
    const stamp = '2026-01-01T00:00:00.000Z';
    const good = JSON.parse(
      serializeSidecar(text, [
        { id: 'a', tags: ['招商引资'], target: makeTarget(text, a.start, a.end), created: stamp, modified: stamp },
        { id: 'b', tags: ['民生'], target: makeTarget(text, b.start, b.end), created: stamp, modified: stamp },
      ]),
    );
    // Swap the two annotations' offsets, and send a third past the end: the hash still matches the text.
    const [x, y] = good.annotations;
    [x.target.start, x.target.end, y.target.start, y.target.end] = [y.target.start, y.target.end, x.target.start, x.target.end];
    good.annotations.push({ ...x, id: 'c', target: { ...x.target, start: 90000, end: 90010 } });
    writeFileSync(sidecarOf(path), JSON.stringify(good));
    const { document: doc } = await openReport(path);
    await waitFor('the annotations to load', () => api.annotations.all(doc.uri).length === 3);
    const byId = new Map(api.annotations.all(doc.uri).map((n) => [n.id, n]));
    for (const id of ['a', 'c']) assert.ok(doc.getText().slice(byId.get(id)!.target.start).startsWith('招商引资成效显著'), `${id} is on its own paragraph`);
    assert.ok(doc.getText().slice(byId.get('b')!.target.start).startsWith('民生保障持续改善'));
    await api.annotations.flush(doc.uri);
    const saved = JSON.parse(readFileSync(sidecarOf(path), 'utf8'));
    const tagOf = new Map(saved.annotations.map((n: { id: string; tags: string[]; target: { exact: string } }) => [n.id, n]));
    assert.match((tagOf.get('a') as { target: { exact: string } }).target.exact, /^招商引资成效显著/, 'the quote was not overwritten with another paragraph');
  });

  test('a change of line endings or indentation outside VS Code orphans no annotation', async () => {
    const api = await extensionApi();
    const text = sampleReport();
    const path = writeReport('hostile-crlf.txt', text);
    const { document: doc } = await openReport(path);
    const needles = ['招商引资成效显著', '项目建设加快推进', '民生保障持续改善', '坚持生态优先', '深化改革创新', '一、2022年工作回顾', '二、2023年工作安排'];
    for (const n of needles) {
      const p = await paragraphWith(api, doc, n);
      await tag({ uri: doc.uri, ranges: [p.range], tags: ['检验'] });
    }
    assert.equal(api.annotations.list(doc.uri).length, needles.length);
    await api.annotations.flush(doc.uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    for (const [what, changed] of [
      ['CRLF', text.split('\n').join('\r\n')],
      ['re-indented, blank lines doubled', text.replace(/\u3000\u3000/g, '    ').split('\n').join('\n\n')],
    ] as const) {
      writeFileSync(path, changed);
      const reopened = (await openReport(path)).document;
      await waitFor(`${what}: the reopened text`, () => reopened.getText().replace(/\r\n/g, '\n') === changed.replace(/\r\n/g, '\n'));
      await waitFor(`${what}: every annotation placed`, () => {
        const all = api.annotations.all(reopened.uri);
        const t = reopened.getText();
        return all.length === needles.length && all.every((n) => !n.orphaned && t.slice(n.target.start, n.target.end) === n.target.exact);
      });
      assert.equal(api.annotations.orphans(reopened.uri).length, 0, `${what}: no orphans`);
      await api.annotations.flush(reopened.uri);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('an unreadable sidecar is left alone when only the report changes, and set aside once the user annotates', async () => {
    const api = await extensionApi();
    const path = writeReport('hostile-invalid.txt', sampleReport());
    const sidecar = sidecarOf(path);
    const bad = '{ "format": "report-annotator.sidecar", "annotations": [ oops ] }';
    writeFileSync(sidecar, bad);
    const { document: doc } = await openReport(path);
    await waitFor('the sidecar to be found invalid', () => api.annotations.invalidSidecar(doc.uri));
    // The report changes on disk (another editor, git), while open and while closed: re-anchoring has
    // nothing to write.
    const changed = sampleReport('2023年示范区政府工作报告（修订稿）');
    writeFileSync(path, changed);
    await waitFor('the document to reload', () => doc.getText() === changed, 15_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    writeFileSync(path, sampleReport('2023年示范区政府工作报告（二稿）'));
    await sleep(600);
    await openReport(path);
    await sleep(1000);
    assert.equal(readIfExists(sidecar), bad, 'left as it is, as the message says');
    assert.deepEqual(readdirSync(dirname(path)).filter((f) => f.startsWith(`${basename(path)}.annotations.invalid-`)), []);
    // The user annotates: now it is set aside, and kept.
    const now = (await openReport(path)).document;
    const p = await paragraphWith(api, now, '民生保障持续改善');
    await tag({ uri: now.uri, ranges: [p.range], tags: ['民生'] });
    await api.annotations.flush(now.uri);
    const aside = readdirSync(dirname(path)).filter((f) => f.startsWith(`${basename(path)}.annotations.invalid-`));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(dirname(path), aside[0]), 'utf8'), bad);
  });
});
