// What users hand us: JSON saved with a byte order mark, UTF-16 text, dates that are not dates, and files
// far beyond the size limit (read from real files on disk).
import assert from 'node:assert/strict';
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AnnotationStore } from '../../src/core/annotations';
import { stripBom } from '../../src/core/bom';
import { buildAnnotationSet, buildDocumentExport } from '../../src/core/exportSet';
import { importAnnotationSet } from '../../src/core/importSet';
import { decodeReport, MAX_REPORT_BYTES, readReportFile, ReportInputError } from '../../src/core/reportInput';
import { parseAnnotationSet, SchemaError } from '../../src/core/schema';
import { readSidecar, serializeSidecar } from '../../src/core/sidecar';
import type { DocumentAnalysis } from '../../src/core/types';
import { tempDir } from '../tempDir';

const TEXT = '𡌶城区政府工作报告\n\n　　招商引资成效显著。全年签约项目85个。\n';
const BOM = '\uFEFF';
const EMPTY: DocumentAnalysis = { sections: [], paragraphs: [], figures: [], projects: [], captions: [], segmentation: { available: false } };
const scratch = () => tempDir('report-annotator-inputs-');

function tagged(): AnnotationStore {
  const store = new AnnotationStore([], { now: () => new Date(0), newId: () => 'a1' });
  const start = TEXT.indexOf('招商引资');
  store.tagParagraphs(TEXT, [{ start, end: TEXT.indexOf('\n', start) }], ['招商引资']);
  return store;
}

describe('byte order marks', () => {
  test('stripBom drops one leading U+FEFF and nothing else', () => {
    assert.equal(stripBom(`${BOM}文本`), '文本');
    assert.equal(stripBom('文本'), '文本');
    assert.equal(stripBom(`文${BOM}本`), `文${BOM}本`);
    assert.equal(stripBom(''), '');
  });

  test('an AnnotationSet saved with a BOM imports', () => {
    const doc = buildDocumentExport({ uri: 'a.txt', text: TEXT, analysis: EMPTY, annotations: tagged().list() });
    const json = BOM + JSON.stringify(buildAnnotationSet([doc], new Date(0)), null, 2);
    const [imported] = importAnnotationSet(json, () => TEXT);
    assert.deepEqual(imported.annotations.map((a) => a.tags), [['招商引资']]);
  });

  test('a sidecar saved with a BOM loads', async () => {
    const file = join(scratch(), 'a.txt.annotations.json');
    writeFileSync(file, BOM + serializeSidecar(TEXT, tagged().list()));
    const loaded = await readSidecar(file, TEXT);
    assert.equal(loaded?.annotations[0].target.exact, '招商引资成效显著。全年签约项目85个。');
    assert.equal(loaded?.textChanged, false);
  });
});

describe('dates', () => {
  test('created and modified must be ISO 8601 dates and times', () => {
    const doc = buildDocumentExport({ uri: 'a.txt', text: TEXT, analysis: EMPTY, annotations: tagged().list() });
    const set = JSON.parse(JSON.stringify(buildAnnotationSet([doc], new Date(0))));
    for (const bad of ['0', '2024', 'yesterday', '2026-13-01T00:00:00Z']) {
      set.documents[0].annotations[0].created = bad;
      assert.throws(() => parseAnnotationSet(set), (e: unknown) => e instanceof SchemaError && /annotations\[0\]\.created/.test(e.message), bad);
    }
    for (const good of ['2026-01-01T00:00:00.000Z', '2026-01-01T08:00:00+08:00', '2026-01-01T00:00:00Z']) {
      set.documents[0].annotations[0].created = good;
      assert.doesNotThrow(() => parseAnnotationSet(set), good);
    }
  });
});

describe('report input', () => {
  const utf16le = (s: string) => Buffer.from(s, 'utf16le');
  test('UTF-16 (with or without a byte order mark) is named, with how to convert it', () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('政府工作报告\n一、工作回顾\n')]);
    const bigEndian = Buffer.from(withBom).swap16();
    const noBom = utf16le('2024 report\nGDP grew 5.2%.\n政府工作报告\n');
    for (const bytes of [withBom, bigEndian, noBom]) {
      assert.throws(
        () => decodeReport(bytes, 'r.txt'),
        (e: unknown) => e instanceof ReportInputError && /r\.txt: the file is UTF-16 text/.test(e.message) && /iconv -f UTF-16 -t UTF-8/.test(e.message),
      );
    }
    // A binary file with NUL bytes here and there is still binary.
    assert.throws(() => decodeReport(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'x.png'), /binary/);
  });

  test('a file beyond the limit is refused by its size, before it is read', async () => {
    const file = join(scratch(), 'huge.txt');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1024 ** 3); // sparse: 1 GiB on paper, nothing on disk
    closeSync(fd);
    await assert.rejects(readReportFile(file), /huge\.txt: the file is 1024\.0 MiB; reports larger than 32 MiB/);
  });

  test('a device that never ends is read only up to the limit, then refused', async () => {
    await assert.rejects(readReportFile('/dev/zero'), /\/dev\/zero: the file holds more than 32 MiB/);
    assert.ok(MAX_REPORT_BYTES === 32 * 1024 * 1024);
  });

  test('readReportFile reads a report and says which file it is', async () => {
    const file = join(scratch(), 'r.txt');
    writeFileSync(file, BOM + TEXT);
    const read = await readReportFile(file);
    assert.equal(read.text, TEXT);
    assert.ok(read.ino > 0);
    await assert.rejects(readReportFile(join(scratch(), 'missing.txt')), /missing\.txt: no such file/);
    await assert.rejects(readReportFile(scratch()), /is a directory, not a report/);
  });
});
