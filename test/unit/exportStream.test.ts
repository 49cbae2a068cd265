// The streaming AnnotationSet writer: the same text as JSON.stringify of the whole set, handed over in
// bounded chunks, each element checked by the schema on the way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, MAX_FIGURES_PER_DOCUMENT } from '../../src/core/analyze';
import { AnnotationStore } from '../../src/core/annotations';
import { buildAnnotationSet, buildDocumentExport, type DocumentInput } from '../../src/core/exportSet';
import { AnnotationSetWriter, writeDocumentLine } from '../../src/core/exportStream';
import { extractFigures, TooManyFiguresError } from '../../src/core/figures';
import { SchemaError } from '../../src/core/schema';
import { corpusText } from './corpus';

async function streamed(documents: DocumentInput[], now: Date): Promise<string[]> {
  const chunks: string[] = [];
  const writer = new AnnotationSetWriter({ write: async (chunk) => void chunks.push(chunk) }, now);
  await writer.begin();
  for (const d of documents) await writer.document(d);
  await writer.end();
  return chunks;
}

test('the streamed set is byte for byte JSON.stringify(buildAnnotationSet(...), null, 2), in bounded chunks', async () => {
  const text = corpusText('001_644dbfd378649ff3.txt').repeat(8); // big enough for several chunks
  const store = new AnnotationStore([], { now: () => new Date(0), newId: () => 'a1' });
  const p = analyzeText(text).paragraphs[3];
  store.tagParagraphs(text, [p.range], ['民生']);
  const documents = [
    { uri: 'reports/a.txt', text, analysis: analyzeText(text), annotations: store.list() },
    { uri: 'b.txt', text: '𡌶\n', analysis: analyzeText('𡌶\n'), annotations: [] },
  ];
  const now = new Date(Date.UTC(2026, 0, 2));
  const chunks = await streamed(documents, now);
  const whole = `${JSON.stringify(buildAnnotationSet(documents.map(buildDocumentExport), now), null, 2)}\n`;
  assert.equal(chunks.join(''), whole);
  assert.ok(chunks.length > 1 && chunks.every((c) => c.length < 128 * 1024), 'never one giant string');
  assert.equal((await streamed([], now)).join(''), `${JSON.stringify(buildAnnotationSet([], now), null, 2)}\n`);
});

test('an invalid element is refused with its path before it is written', async () => {
  const text = '简报\n新建厂房3栋。\n';
  const analysis = analyzeText(text);
  analysis.figures[0].value = Number.POSITIVE_INFINITY;
  await assert.rejects(streamed([{ uri: 'a.txt', text, analysis, annotations: [] }], new Date(0)), (e: unknown) =>
    e instanceof SchemaError && /documents\[0\]\.figures\[0\]\.value/.test(e.message));
});

test('a JSON line is the set\'s document, compact, in bounded chunks; an invalid element is refused with its path within the line', async () => {
  const text = corpusText('001_644dbfd378649ff3.txt').repeat(8);
  const document = { uri: 'a.txt', text, analysis: analyzeText(text), annotations: [] };
  const chunks: string[] = [];
  await writeDocumentLine({ write: async (chunk) => void chunks.push(chunk) }, document);
  const line = chunks.join('');
  assert.ok(line.endsWith('}\n') && !line.slice(0, -1).includes('\n'), 'one line');
  // (The same fields and values; their order is the schema's, which the writer's validation gives.)
  assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(buildDocumentExport(document))));
  assert.ok(chunks.length > 1 && chunks.every((c) => c.length < 128 * 1024), 'never one giant string');
  document.analysis.figures[2].value = Number.NaN;
  await assert.rejects(writeDocumentLine({ write: async () => {} }, document), (e: unknown) =>
    e instanceof SchemaError && /^figures\[2\]\.value/.test(e.issues[0].path));
});

test('more figures than the limit is a clear error, raised while scanning', () => {
  assert.equal(extractFigures('1万'.repeat(5), { maxFigures: 5 }).length, 5);
  assert.throws(() => extractFigures('1万'.repeat(6), { maxFigures: 5 }), (e: unknown) =>
    e instanceof TooManyFiguresError && /more than 5 figures in one document/.test(e.message));
  assert.ok(MAX_FIGURES_PER_DOCUMENT >= 2_100_000, '8 MB of 1万 (two million figures) is still analysed');
});
