// The coding exchange in a workspace of two folders, each with its own reports/2024.txt: the .qdpx holds both
// under their folders' names, and an import puts each report's annotations and memo back in its own folder.
// (Until the thirty-third round both were reports/2024.txt: the export named two sources alike, and the import
// kept one of the two texts and put the other folder's memo in the first folder's codebook.)
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CODEBOOK_FILE } from '../../../src/core/coding/codebookSchema';
import type { CodingExportResult, CodingImportResult } from '../../../src/extension/coding/codingExports';
import { tempDir } from '../../tempDir';
import { extensionApi, openReport, sampleReport, sidecarOf, tagParagraphsWith } from '../suite/helpers';

const run = <T>(id: string, args?: object) => vscode.commands.executeCommand<T>(`reportAnnotator.${id}`, args);

suite('a workspace of two folders', () => {
  test('the coding exchange keeps each folder’s reports/2024.txt apart, both ways', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), ['东城', '西城'], 'the window shows the two folders');
    const api = await extensionApi();
    const reports = folders.map((f) => join(f.uri.fsPath, 'reports', '2024.txt'));
    const docs: vscode.TextDocument[] = [];
    for (const [i, path] of reports.entries()) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, sampleReport(`2024年${folders[i].name}区政府工作报告`));
      const editor = await openReport(path);
      docs.push(editor.document);
      await tagParagraphsWith(api, editor.document, [i === 0 ? '招商引资成效显著' : '项目建设加快推进'], [i === 0 ? '码东' : '码西']);
      await run('editReportMemo', { uri: editor.document.uri, text: `${folders[i].name}的备忘录` });
    }
    await api.annotations.flush();
    const memosOf = (f: vscode.WorkspaceFolder) => {
      const file = join(f.uri.fsPath, CODEBOOK_FILE);
      const memos: { report?: string; text: string }[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).memos : [];
      return memos.filter((m) => m.report !== undefined).map((m) => [m.report, m.text]);
    };
    for (const f of folders) assert.deepEqual(memosOf(f), [['reports/2024.txt', `${f.name}的备忘录`]], `${f.name}'s codebook holds its own report's memo`);
    // Both codebooks with a memo on 码东, as two folders' codebooks may have: the first folder's is the one exported.
    for (const f of folders) {
      const file = join(f.uri.fsPath, CODEBOOK_FILE);
      const codebook = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...codebook, memos: [...codebook.memos, { tag: '码东', text: `${f.name}说码东` }] }, null, 2));
    }
    api.coding.codebooks.reload();

    const target = join(tempDir('multiroot-'), 'both.qdpx');
    const exported = await run<CodingExportResult>('exportQdpx', { target, uris: docs.map((d) => d.uri) });
    assert.equal(exported.reports, 2, exported.message);
    const { unzipSync, strFromU8 } = await import('fflate');
    const qde = strFromU8(unzipSync(readFileSync(target))['project.qde']);
    const sources = [...qde.matchAll(/<TextSource [^>]*name="([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(sources, ['东城/reports/2024.txt', '西城/reports/2024.txt']);
    assert.match(qde, /东城的备忘录/);
    assert.match(qde, /西城的备忘录/);
    assert.match(qde, /东城说码东/);
    assert.doesNotMatch(qde, /西城说码东/, 'one memo for the tag both codebooks hold');
    assert.equal([...qde.matchAll(/<Code [^>]*name="码东"/g)].length, 1, 'the tag once');

    // The codebooks taken away, then the file imported again: each annotation goes back to its own report (the same id
    // replaces it: one each, with its own tag), each memo to its own folder's codebook.
    for (const f of folders) rmSync(join(f.uri.fsPath, CODEBOOK_FILE));
    api.coding.codebooks.reload();
    const imported = await run<CodingImportResult>('importCoding', { source: target });
    assert.equal(imported.added, 2, imported.message);
    assert.deepEqual(imported.unmatchedSources, []);
    await api.annotations.flush();
    for (const [i, f] of folders.entries()) {
      const sidecar = JSON.parse(readFileSync(sidecarOf(reports[i]), 'utf8'));
      assert.deepEqual(sidecar.annotations.map((a: { tags: string[] }) => a.tags), [[i === 0 ? '码东' : '码西']], `${f.name}'s report has its own annotation, once`);
    }
    for (const f of folders) assert.deepEqual(memosOf(f), [['reports/2024.txt', `${f.name}的备忘录`]], `the import put ${f.name}'s memo back in its codebook`);
  });
});
