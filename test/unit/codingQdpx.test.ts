// REFI-QDA project exchange (.qdpx): what we write validates against the REFI-QDA Project schema
// (test/fixtures/refi-qda/Project-mrt2019.xsd, checked with xmllint), reads back as the same annotations,
// tags and memos, and a file from elsewhere is placed by position, checked by quote, and refused whole when
// it is not a zip, has no project.qde, does not validate or unpacks beyond the bounds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { AnnotationStore, type StoredAnnotation } from '../../src/core/annotations';
import { analyzeText } from '../../src/core/analyze';
import { parseCodebook } from '../../src/core/coding/codebookSchema';
import type { CodingProject } from '../../src/core/coding/codedReport';
import { loadCodedReport } from '../../src/core/coding/codingWorkspace';
import { buildQdpx } from '../../src/core/coding/qdpxExport';
import { importQdpx, QdpxError } from '../../src/core/coding/qdpxImport';
import { sidecarOfReport } from '../../src/core/coding/tagOperations';
import { serializeSidecar } from '../../src/core/sidecar';
import { CORPUS_DIR, REPO_ROOT } from './corpus';
import { tempDir } from '../tempDir';
import { hashColor } from '../../src/core/tagColors';

const XSD = join(REPO_ROOT, 'test', 'fixtures', 'refi-qda', 'Project-mrt2019.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const NO_XMLLINT = 'xmllint is not installed (Debian: apt-get install -y libxml2-utils); the REFI-QDA schema check is skipped';

/** xmllint's verdict on project.qde against the REFI-QDA schema. */
function validate(xml: string): { ok: boolean; output: string } {
  const dir = tempDir('qde-');
  const file = join(dir, 'project.qde');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stderr };
}

const TEXT_A = '2020年某区政府工作报告\n发展经济，财政收入增长𡌶5%。\n保障民生 & <就业>，"稳"字当头。\n';
const TEXT_B = '简报\n新建道路20公里。\n招商引资成效显著。\n';

/** The span of line `n` (0-based) of the text, without its line break. */
function line(text: string, n: number) {
  let start = 0;
  for (let i = 0; i < n; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

function project(): CodingProject {
  let n = 0;
  const store = (text: string) => new AnnotationStore([], { now: () => new Date('2026-01-02T03:04:05.000Z'), newId: () => `0000000${n}-0000-4000-8000-00000000000${n++}` });
  const a = store(TEXT_A);
  a.tagParagraphs(TEXT_A, [line(TEXT_A, 1)], ['财政', '经济']);
  a.tagParagraphs(TEXT_A, [line(TEXT_A, 2)], ['民生']);
  a.setNote(a.list()[1].id, '备注：含"引号"与 & 符号\n第二行');
  const b = store(TEXT_B);
  b.tagParagraphs(TEXT_B, [line(TEXT_B, 1)], ['未入码本']);
  b.setParagraphNote(TEXT_B, line(TEXT_B, 2), '只有备注');
  const orphan: StoredAnnotation = { ...b.list()[0], id: 'not-a-guid', orphaned: true };
  return {
    name: '测试项目',
    codebook: parseCodebook({
      tags: [
        { name: '经济', color: '#ff0000', description: '经济发展 <总>' },
        { name: '财政', color: '#00ff00', parent: '经济' },
        { name: '民生', color: '#0000ff' },
      ],
      memos: [{ tag: '财政', text: '收入与支出' }, { report: 'r/a.txt', text: '这份报告的备忘' }],
    }),
    reports: [
      { path: 'r/a.txt', text: TEXT_A, annotations: a.list(), meta: { year: 2020, region: '某区', level: 'district', genre: 'workReport' } },
      { path: 'r/b.txt', text: TEXT_B, annotations: [...b.list(), orphan] },
    ],
  };
}

test('project.qde validates against the REFI-QDA Project schema (Project-mrt2019.xsd)', { skip: !hasXmllint && NO_XMLLINT }, () => {
  const { projectXml, skipped } = buildQdpx(project(), new Date(0));
  const v = validate(projectXml);
  assert.ok(v.ok, v.output);
  assert.deepEqual(skipped, [{ report: 'r/b.txt', id: 'not-a-guid', reason: 'its text is not in the report (orphaned)' }]);
  // The schema check itself bites: a selection without its positions does not validate.
  assert.equal(validate(projectXml.replace(/ startPosition="\d+"/, '')).ok, false);
});

test('positions are code points into the source text in the zip', () => {
  const p = project();
  const qdpx = buildQdpx(p);
  const a = p.reports[0].annotations[0];
  const cps = (s: string) => [...s].length;
  assert.match(qdpx.projectXml, new RegExp(`startPosition="${cps(TEXT_A.slice(0, a.target.start))}" endPosition="${cps(TEXT_A.slice(0, a.target.end))}"`));
  assert.deepEqual(qdpx.sources.map((s) => s.file), qdpx.sources.map((s) => `sources/${s.guid}.txt`));
});

test('export → import: the same annotations, tags (colour, description, hierarchy) and memos', () => {
  const p = project();
  const { bytes } = buildQdpx(p);
  const back = importQdpx(bytes, p.reports.map(({ path, text }) => ({ path, text })));
  assert.deepEqual(back.unplaced, []);
  assert.deepEqual(back.unmatchedSources, []);
  assert.deepEqual(back.tags, [
    { name: '经济', color: '#ff0000', description: '经济发展 <总>' },
    { name: '财政', color: '#00ff00', parent: '经济' },
    { name: '民生', color: '#0000ff' },
    { name: '未入码本', color: hashColor('未入码本') },
  ]);
  assert.deepEqual(back.memos.map((m) => [m.tag ?? m.report, m.text]), [['财政', '收入与支出'], ['r/a.txt', '这份报告的备忘']]);
  // A tag the codebook lacks keeps the colour the editor gives it (the setting's), where the project says which.
  const coloured = importQdpx(buildQdpx({ ...p, colorOf: () => '#123456' }).bytes, p.reports.map(({ path, text }) => ({ path, text })));
  assert.equal(coloured.tags.find((t) => t.name === '未入码本')?.color, '#123456');
  assert.equal(coloured.tags.find((t) => t.name === '民生')?.color, '#0000ff', 'the codebook decides its own tags');
  for (const [i, report] of p.reports.entries()) {
    const expected = report.annotations.filter((a) => !a.orphaned).map(({ orphaned: _o, ...a }) => a);
    assert.equal(back.reports[i].path, report.path);
    assert.equal(back.reports[i].textChanged, false);
    assert.deepEqual(back.reports[i].annotations, expected);
  }
});

test('a report edited since: selections re-anchored by quote, and those whose text is gone listed with the reason', () => {
  const p = project();
  const { bytes } = buildQdpx(p);
  const edited = `前言一行。\n${TEXT_A.replace('保障民生 & <就业>，"稳"字当头。', '这一段已经完全改写了。')}`;
  const back = importQdpx(bytes, [{ path: 'r/a.txt', text: edited }, { path: 'r/b.txt', text: TEXT_B }]);
  const a = back.reports.find((r) => r.path === 'r/a.txt')!;
  assert.equal(a.textChanged, true);
  assert.equal(a.annotations.length, 1);
  assert.equal(edited.slice(a.annotations[0].target.start, a.annotations[0].target.end), '发展经济，财政收入增长𡌶5%。');
  assert.equal(back.unplaced.length, 1);
  assert.match(back.unplaced[0].reason, /its text is not in the report \(保障民生/);
  assert.equal(back.unplaced[0].quote, '保障民生 & <就业>，"稳"字当头。');
});

/** A .qdpx as another tool writes one: braced upper-case GUIDs, #rgb colours, a code name used twice,
 * the text inline (PlainTextContent), a note in a selection's Description, a source no report matches. */
function foreignQdpx(qde?: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml =
    qde ??
    `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Other tool" origin="MAXQDA">
  <CodeBook><Codes>
    <Code guid="{A0000000-0000-0000-0000-000000000001}" name="经济" isCodable="true" color="#F00">
      <Code guid="A0000000-0000-0000-0000-000000000002" name="其他" isCodable="true"/>
    </Code>
    <Code guid="A0000000-0000-0000-0000-000000000003" name="其他" isCodable="false"><Description>杂项</Description></Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="B0000000-0000-0000-0000-000000000001" name="b.txt">
      <PlainTextContent>${TEXT_B.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</PlainTextContent>
      <PlainTextSelection guid="C0000000-0000-0000-0000-000000000001" startPosition="3" endPosition="12" creationDateTime="2021-05-06T07:08:09Z">
        <Description>看这里</Description>
        <Coding guid="D0000000-0000-0000-0000-000000000001"><CodeRef targetGUID="{a0000000-0000-0000-0000-000000000002}"/></Coding>
        <Coding guid="D0000000-0000-0000-0000-000000000002"><CodeRef targetGUID="A0000000-0000-0000-0000-000000000003"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="C0000000-0000-0000-0000-000000000002" startPosition="13" endPosition="999"/>
    </TextSource>
    <TextSource guid="B0000000-0000-0000-0000-000000000002" name="missing.txt" plainTextPath="internal://B0000000-0000-0000-0000-000000000002.txt">
      <PlainTextSelection guid="C0000000-0000-0000-0000-000000000003" startPosition="0" endPosition="2"/>
    </TextSource>
  </Sources>
</Project>`;
  return zipSync({ 'project.qde': strToU8(xml), 'sources/B0000000-0000-0000-0000-000000000002.txt': strToU8('别的报告'), ...extra });
}

test("a .qdpx from another tool: codes, selections and notes in; what cannot be placed is reported", () => {
  const back = importQdpx(foreignQdpx(), [{ path: 'reports/b.txt', text: TEXT_B }], { now: new Date(0) });
  assert.deepEqual(back.tags, [
    { name: '经济', color: '#ff0000' },
    { name: '其他', color: '#9e9e9e', parent: '经济' },
    { name: '其他 (3)', color: '#9e9e9e', description: '杂项' },
  ]);
  assert.equal(back.projectName, 'Other tool');
  assert.deepEqual(back.reports[0].annotations, [
    {
      id: 'c0000000-0000-0000-0000-000000000001',
      tags: ['其他', '其他 (3)'],
      note: '看这里',
      target: { start: 3, end: 12, exact: TEXT_B.slice(3, 12), prefix: TEXT_B.slice(0, 3), suffix: TEXT_B.slice(12) },
      created: '2021-05-06T07:08:09.000Z',
      modified: '2021-05-06T07:08:09.000Z',
    },
  ]);
  assert.deepEqual(back.unmatchedSources, ['missing.txt']);
  assert.deepEqual(
    back.unplaced.map((u) => [u.selection, u.reason]),
    [
      ['C0000000-0000-0000-0000-000000000002', "its end 999 is beyond the source's text (23 characters)"],
      ['C0000000-0000-0000-0000-000000000003', 'no report in the workspace matches the source missing.txt'],
    ],
  );
});

test('bad input is refused with the reason and nothing imported', () => {
  const reports = [{ path: 'b.txt', text: TEXT_B }];
  const refused = (bytes: Uint8Array, reason: RegExp, limits?: object) =>
    assert.throws(() => importQdpx(bytes, reports, { limits }), (err: unknown) => err instanceof QdpxError && reason.test(err.message));
  refused(strToU8('<Project/>'), /refused: not a zip file/);
  refused(foreignQdpx().subarray(0, 200), /refused: not a complete zip file/);
  refused(zipSync({ 'readme.txt': strToU8('hi') }), /refused: there is no project\.qde in the file/);
  refused(foreignQdpx('<Project name="x"><Sources>'), /refused: project\.qde is not well-formed XML \(line 1/);
  refused(foreignQdpx('<Project name="x"/>'), /refused: project\.qde does not validate: Project is not in the namespace urn:QDA-XML:project:1\.0/);
  refused(foreignQdpx('<Other xmlns="urn:QDA-XML:project:1.0"/>'), /its root element is not Project/);
  refused(
    foreignQdpx(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="B0000000-0000-0000-0000-000000000001"><PlainTextSelection guid="C0000000-0000-0000-0000-000000000001" startPosition="three" endPosition="4"/></TextSource></Sources></Project>`),
    /does not validate: Project\.Sources\.TextSource\[0\]\.PlainTextSelection\[0\]\.@startPosition: not an integer/,
  );
  refused(
    foreignQdpx(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="nope" name="a" isCodable="true"/></Codes></CodeBook></Project>`),
    /Project\.CodeBook\.Codes\.Code\[0\]\.@guid: not a GUID/,
  );
  refused(foreignQdpx('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project xmlns="urn:QDA-XML:project:1.0" name="&a;"/>'), /DOCTYPE/);
  refused(zipSync({ 'project.qde': new Uint8Array([0xff, 0xfe, 0x00]) }), /project\.qde is not UTF-8/);
  // A zip bomb: 60 MB of zeros in a few tens of kilobytes, refused by its declared size, and by its
  // actual size when the header lies about it.
  const bomb = zipSync({ 'project.qde': strToU8('<x/>'), 'sources/big.txt': new Uint8Array(60_000_000) }, { level: 9 });
  assert.ok(bomb.length < 200_000);
  refused(bomb, /big\.txt declares 57\.2 MiB unpacked, more than the 16 MiB allowed for one entry/, { maxEntryBytes: 16 * 1024 * 1024 });
  const lying = bomb.slice();
  const at = Buffer.from(lying).indexOf('sources/big.txt') - 30; // its local header
  lying.set([0x10, 0, 0, 0], at + 22); // declares 16 bytes
  refused(lying, /big\.txt unpacks to more than the 16 bytes it declares/);
  refused(bomb, /it unpacks to more than the 1 MiB allowed in all/, { maxTotalBytes: 1024 * 1024 });
  refused(zipSync({ 'project.qde': strToU8('<x/>'), a: strToU8('1'), b: strToU8('2') }), /more than 2 entries/, { maxEntries: 2 });
});

test('the .qdpx of the whole corpus workspace (with sidecars in a temp copy) validates against the schema', { skip: !hasXmllint && NO_XMLLINT }, async () => {
  const dir = tempDir('qdpx-corpus-');
  cpSync(CORPUS_DIR, dir, { recursive: true });
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= 4);
  // Sidecars on a few reports: every third paragraph tagged, one with a note.
  for (const [i, f] of files.slice(0, 3).entries()) {
    const text = (await loadCodedReport(join(dir, f), dir)).text;
    const store = new AnnotationStore();
    const paragraphs = analyzeText(text).paragraphs.filter((_, k) => k % 3 === i % 3);
    store.tagParagraphs(text, paragraphs.map((p) => p.range), ['民生', i === 1 ? '财政' : '经济']);
    store.setNote(store.list()[0].id, `第${i}份：<注意> & "引号"`);
    writeFileSync(sidecarOfReport(join(dir, f)), serializeSidecar(text, store.list()));
  }
  const reports = [];
  for (const f of files) reports.push(await loadCodedReport(join(dir, f), dir));
  const codebook = parseCodebook({ tags: [{ name: '经济', color: '#aa0000' }, { name: '财政', color: '#00aa00', parent: '经济' }, { name: '民生', color: '#0000aa' }] });
  const { projectXml, bytes } = buildQdpx({ name: 'corpus', codebook, reports });
  assert.ok(reports.reduce((n, r) => n + r.annotations.length, 0) > 10);
  const v = validate(projectXml);
  assert.ok(v.ok, v.output);
  const back = importQdpx(bytes, reports);
  assert.deepEqual(back.unplaced, []);
  assert.deepEqual(back.reports.map((r) => r.annotations.length), reports.map((r) => r.annotations.length));
});
