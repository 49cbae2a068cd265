// Import fuzz: random mutations of a valid export, hostile uris among them. Whatever the file holds, the
// import command returns a result (never throws), writes nothing outside the workspace, and when it
// refuses, nothing changed: not the stores in memory, not a file on disk.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExportResult, ImportResult } from '../../../src/extension/annotating/exportImport';
import { closeAll, openNewReport, sampleReport, scratch, tagParagraphsWith, WORKSPACE } from './helpers';
import { tempDir } from '../../tempDir';
import { seededRandom } from '../../seededRandom';

/** Every file below `dir` with its content (sidecars, reports), to see that nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== '.vscode') walk(path); // settings: other suites' configuration writes land late
      }
      else if (name.endsWith('.json') || name.endsWith('.txt')) out.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

suite('import fuzz', () => {
  suiteTeardown(closeAll);

  test('300 mutated exports: a result every time, nothing outside the workspace, nothing changed on refusal', async function () {
    this.timeout(300_000);
    const { api, doc } = await openNewReport('import-fuzz.txt', sampleReport());
    await tagParagraphsWith(api, doc, ['招商引资成效显著', '民生保障持续改善'], ['招商引资']);
    const exportPath = scratch(`ra-fuzz-base-${process.pid}.json`);
    const exported = await vscode.commands.executeCommand<ExportResult>('reportAnnotator.exportAnnotations', { uri: doc.uri, target: exportPath });
    assert.equal(exported.error, undefined, exported.error);
    const base = JSON.parse(readFileSync(exportPath, 'utf8'));

    const outside = tempDir('ra-fuzz-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'TOKEN=abcdef0123456789\n');
    const hostileUris = [
      '../../../../etc/passwd',
      join(outside, 'secret.txt'),
      vscode.Uri.file(join(outside, 'secret.txt')).toString(),
      'http://example.invalid/x.txt',
      'untitled:Untitled-1',
      `reports/../../${outside.split(/[\\/]/).pop()}/secret.txt`,
      '',
      'reports/import-fuzz.txt\u0000.txt',
    ];
    const pick = <T>(rnd: () => number, xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const junk = [null, -1, 1e308, 'x', '', true, [], {}, 2 ** 53, 0.5, '0', '2026-13-45T99:99:99Z'];

    /** One to three random changes at random places of the JSON tree. */
    const mutate = (rnd: () => number): string => {
      const set = structuredClone(base);
      const target = set.documents[0];
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
        const roll = rnd();
        // An earlier change may have replaced the list with junk: then there is no annotation to change.
        const list = Array.isArray(target.annotations) ? target.annotations : [];
        const a = list[Math.floor(rnd() * list.length)];
        if (roll < 0.2) target.uri = pick(rnd, hostileUris);
        else if (roll < 0.3) set.documents.push({ ...structuredClone(target), uri: pick(rnd, hostileUris) });
        else if (roll < 0.45 && a) a.target[pick(rnd, ['start', 'end', 'exact', 'prefix', 'suffix'])] = pick(rnd, junk);
        else if (roll < 0.55 && a) a[pick(rnd, ['id', 'tags', 'note', 'created', 'modified'])] = pick(rnd, junk);
        else if (roll < 0.6 && a) delete a[pick(rnd, ['id', 'tags', 'target', 'created'])];
        else if (roll < 0.7) target[pick(rnd, ['sha256', 'length', 'annotations', 'uri'])] = pick(rnd, junk);
        else if (roll < 0.75) set[pick(rnd, ['format', 'version', 'offsetEncoding', 'documents'])] = pick(rnd, junk);
        else if (roll < 0.85 && a) {
          const shift = Math.floor(rnd() * 400) - 200;
          a.target.start = Math.max(0, a.target.start + shift);
          a.target.end = Math.max(a.target.start, a.target.end + shift);
        } else if (roll < 0.9) list.push(structuredClone(list[0] ?? {}));
        else if (roll < 0.95) target.sha256 = '0'.repeat(64);
        else return JSON.stringify(set).slice(0, Math.floor(rnd() * 400)); // cut short
      }
      return (rnd() < 0.1 ? '\uFEFF' : '') + JSON.stringify(set);
    };

    // Pending sidecar writes of the tagging above land now, not during a case.
    await api.annotations.flush();
    const rnd = seededRandom(20261130);
    const source = scratch(`ra-fuzz-${process.pid}.json`);
    let refused = 0;
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const json = mutate(rnd);
      writeFileSync(source, json);
      const before = snapshot(WORKSPACE);
      const memory = api.annotations.all(doc.uri).map((a) => JSON.stringify(a));
      let result: ImportResult;
      try {
        result = await vscode.commands.executeCommand<ImportResult>('reportAnnotator.importAnnotations', { source });
      } catch (err) {
        assert.fail(`case ${i} threw: ${String(err)}\n${json.slice(0, 500)}`);
      }
      assert.ok(result && typeof result === 'object', `case ${i}: a result`);
      assert.deepEqual(readdirSync(outside), ['secret.txt'], `case ${i}: nothing written outside the workspace`);
      assert.ok(!existsSync('/etc/passwd.annotations.json'));
      if (result.error) {
        refused++;
        assert.deepEqual(api.annotations.all(doc.uri).map((a) => JSON.stringify(a)), memory, `case ${i}: memory unchanged on refusal`);
        assert.deepEqual(snapshot(WORKSPACE), before, `case ${i}: disk unchanged on refusal (${result.error})`);
      } else {
        accepted++;
      }
    }
    console.log(`import fuzz: ${refused} refused, ${accepted} accepted of 300`);
    assert.ok(refused > 100 && accepted > 5, `both outcomes exercised: ${refused} refused, ${accepted} accepted`);
  });
});
