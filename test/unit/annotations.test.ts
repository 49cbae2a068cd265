import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextChange } from '../../src/core/anchoring';
import { AnnotationStore, type AnnotationStoreEvent, type StoredAnnotation } from '../../src/core/annotations';
import type { Span } from '../../src/core/types';

const TEXT = '一、工作回顾\n\n　　招商引资成效显著。全年签约项目85个。\n\n　　项目建设加快推进。新开工项目42个。\n\n　　民生保障持续加强。\n';

function paragraph(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: text.indexOf('\n', start) };
}

/** A store with a clock that ticks a second per stamp and ids a1, a2, … */
function makeStore() {
  let tick = 0;
  let id = 0;
  const events: AnnotationStoreEvent[] = [];
  const store = new AnnotationStore([], {
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
    newId: () => `a${++id}`,
  });
  store.onDidChange((e) => events.push(e));
  return { store, events };
}

const apply = (text: string, c: TextChange) => text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);

describe('AnnotationStore', () => {
  test('tags paragraphs, merging into an existing annotation instead of duplicating', () => {
    const { store, events } = makeStore();
    const p1 = paragraph(TEXT, '招商引资');
    const p2 = paragraph(TEXT, '项目建设');
    const [a] = store.tagParagraphs(TEXT, [p1], ['招商引资', ' 招商引资 ', '']);
    assert.deepEqual(a.tags, ['招商引资']);
    assert.equal(a.target.exact, '招商引资成效显著。全年签约项目85个。');
    assert.equal(a.target.prefix, '一、工作回顾\n\n　　');
    assert.equal(a.created, '2026-01-01T00:00:00.000Z');

    const both = store.tagParagraphs(TEXT, [p1, p2], ['项目建设']);
    assert.equal(both.length, 2);
    assert.equal(store.list().length, 2);
    assert.deepEqual(store.get('a1')?.tags, ['招商引资', '项目建设']);
    assert.equal(store.get('a1')?.created, a.created);
    assert.notEqual(store.get('a1')?.modified, a.modified);
    assert.deepEqual(events, [
      { added: ['a1'], updated: [], removed: [] },
      { added: ['a2'], updated: ['a1'], removed: [] },
    ]);
    // Nothing new: no event, no new stamp.
    const modified = store.get('a1')?.modified;
    store.tagParagraphs(TEXT, [p1], ['招商引资']);
    assert.equal(events.length, 2);
    assert.equal(store.get('a1')?.modified, modified);
  });

  test('uses random UUIDs by default', () => {
    const store = new AnnotationStore();
    const [a] = store.tagParagraphs(TEXT, [paragraph(TEXT, '民生')], ['民生']);
    assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(!Number.isNaN(Date.parse(a.created)));
  });

  test('removing the last tag of an annotation without a note removes it', () => {
    const { store, events } = makeStore();
    const [a] = store.tagParagraphs(TEXT, [paragraph(TEXT, '招商引资')], ['招商引资', '财政']);
    assert.deepEqual(store.removeTag(a.id, '财政')?.tags, ['招商引资']);
    assert.equal(store.removeTag(a.id, '不存在')?.tags.length, 1);
    store.setNote(a.id, '要核对85个的口径');
    assert.deepEqual(store.removeTag(a.id, '招商引资')?.tags, []);
    assert.equal(store.list().length, 1, 'the note keeps it');
    assert.equal(store.setNote(a.id, '  '), undefined);
    assert.equal(store.list().length, 0);
    assert.deepEqual(events.at(-1), { added: [], updated: [], removed: [a.id] });
  });

  test('notes: set, edit, clear, and a note on an untagged paragraph', () => {
    const { store } = makeStore();
    const p = paragraph(TEXT, '项目建设');
    const a = store.setParagraphNote(TEXT, p, '新开工42个');
    assert.deepEqual([a?.tags, a?.note], [[], '新开工42个']);
    assert.equal(store.setParagraphNote(TEXT, p, '新开工42个，同比增加')?.id, a?.id);
    assert.equal(store.get(a!.id)?.note, '新开工42个，同比增加');
    assert.equal(store.setParagraphNote(TEXT, paragraph(TEXT, '民生'), ''), undefined);
    assert.equal(store.list().length, 1);
  });

  test('finds annotations touching a range or a cursor', () => {
    const { store } = makeStore();
    const p1 = paragraph(TEXT, '招商引资');
    const p2 = paragraph(TEXT, '项目建设');
    store.tagParagraphs(TEXT, [p1, p2], ['x']);
    assert.deepEqual(store.findInRange(p1.start + 3, p1.start + 3).map((a) => a.id), ['a1']);
    assert.deepEqual(store.findInRange(p1.end, p1.end).map((a) => a.id), ['a1']);
    assert.deepEqual(store.findInRange(p1.end, p2.start).map((a) => a.id), []);
    assert.deepEqual(store.findInRange(0, TEXT.length).map((a) => a.id), ['a1', 'a2']);
  });

  test('recent tags: latest use first, each once', () => {
    const { store } = makeStore();
    store.tagParagraphs(TEXT, [paragraph(TEXT, '招商引资')], ['招商引资', '财政']);
    store.tagParagraphs(TEXT, [paragraph(TEXT, '民生')], ['民生']);
    store.tagParagraphs(TEXT, [paragraph(TEXT, '项目建设')], ['项目建设', '招商引资']);
    assert.deepEqual(store.recentTags(), ['招商引资', '项目建设', '民生', '财政']);
    assert.deepEqual(store.recentTags(2), ['招商引资', '项目建设']);
  });

  test('follows edits: shifts, grows, and orphans (keeps) an annotation whose text was deleted', () => {
    const { store, events } = makeStore();
    let text = TEXT;
    const p1 = paragraph(text, '招商引资');
    const p2 = paragraph(text, '项目建设');
    store.tagParagraphs(text, [p1, p2], ['x']);
    const edits: TextChange[] = [
      { rangeOffset: 0, rangeLength: 0, text: '（草稿）' },
      { rangeOffset: p1.start + 4 + 4, rangeLength: 0, text: '，特别是下半年' },
    ];
    for (const e of edits) {
      text = apply(text, e);
      store.applyEdits([e]);
    }
    store.sync(text);
    assert.equal(store.get('a1')?.target.exact, '招商引资，特别是下半年成效显著。全年签约项目85个。');
    assert.equal(store.get('a2')?.target.exact, '项目建设加快推进。新开工项目42个。');
    assert.equal(store.get('a2')?.target.prefix.slice(-4), '\n\n　　');

    const p2now = paragraph(text, '项目建设');
    const del: TextChange = { rangeOffset: p2now.start, rangeLength: p2now.end - p2now.start, text: '' };
    text = apply(text, del);
    store.applyEdits([del]);
    assert.equal(store.get('a2')?.orphaned, true);
    assert.deepEqual(events.at(-1), { added: [], updated: ['a2'], removed: [] });
    store.sync(text);
    assert.equal(store.list().length, 2, 'the orphan is kept');
    assert.equal(store.size, 2, 'size counts the orphan too');
    assert.deepEqual(store.anchored().map((a) => a.id), ['a1']);
    assert.deepEqual(store.findInRange(0, text.length).map((a) => a.id), ['a1']);

    // Undo brings the text back, and sync the annotation.
    const undo: TextChange = { rangeOffset: p2now.start, rangeLength: 0, text: '项目建设加快推进。新开工项目42个。' };
    text = apply(text, undo);
    store.applyEdits([undo]);
    store.sync(text);
    assert.equal(store.get('a2')?.orphaned, undefined);
    assert.equal(store.get('a2')?.target.exact, '项目建设加快推进。新开工项目42个。');
  });

  test('a line replaced by a diff (as VS Code reports a change on disk) is found again', () => {
    const { store } = makeStore();
    const long = '招商引资成效显著。全年签约项目85个，总投资260亿元，其中超亿元项目32个，引进省外资金120亿元。';
    let text = `一、工作回顾\n\n　　${long}\n\n　　民生保障持续加强。\n`;
    store.tagParagraphs(text, [paragraph(text, '招商引资')], ['招商引资']);
    const p = paragraph(text, '招商引资');
    const replace: TextChange = { rangeOffset: p.start - 2, rangeLength: p.end - p.start + 2, text: `　　${long.replace('85', '86')}` };
    text = apply(text, replace);
    store.applyEdits([replace]);
    assert.equal(store.get('a1')?.orphaned, true);
    store.sync(text);
    assert.equal(store.get('a1')?.orphaned, undefined);
    assert.equal(store.get('a1')?.target.exact, long.replace('85', '86'));
  });

  test('reanchorAll finds every annotation in a changed text and returns the orphans', () => {
    const { store, events } = makeStore();
    store.tagParagraphs(TEXT, [paragraph(TEXT, '招商引资'), paragraph(TEXT, '民生')], ['x']);
    const changed = `前言。\n\n${TEXT.replace('　　民生保障持续加强。\n', '')}`;
    const orphans = store.reanchorAll(changed);
    assert.deepEqual(orphans.map((a) => a.id), ['a2']);
    assert.equal(store.get('a1')?.target.start, paragraph(changed, '招商引资').start);
    assert.deepEqual(events.at(-1), { added: [], updated: ['a1', 'a2'], removed: [] });
    // Same text again: nothing changes, nothing fires.
    store.reanchorAll(changed);
    assert.equal(events.length, 2);
    // The text comes back: so does the orphan.
    assert.deepEqual(store.reanchorAll(TEXT), []);
    assert.equal(store.get('a2')?.target.exact, '民生保障持续加强。');
  });

  test('merge: same id replaces, same span merges, others are added', () => {
    const { store, events } = makeStore();
    const p1 = paragraph(TEXT, '招商引资');
    const [a] = store.tagParagraphs(TEXT, [p1], ['招商引资']);
    store.setNote(a.id, '甲');
    const later = '2027-01-01T00:00:00.000Z';
    store.merge([
      { ...a, id: 'other', tags: ['财政', '招商引资'], note: '乙', modified: later },
      { ...a, id: 'new', target: { ...a.target, start: 0, end: 6, exact: '一、工作回顾' } },
    ]);
    assert.deepEqual(store.list().map((x) => x.id), ['new', 'a1']);
    const merged = store.get('a1')!;
    assert.deepEqual([merged.tags, merged.note, merged.modified], [['招商引资', '财政'], '甲\n\n乙', later]);
    assert.deepEqual(events.at(-1), { added: ['new'], updated: ['a1'], removed: [] });
    store.merge([{ ...merged, tags: ['民生'] }]);
    assert.deepEqual(store.get('a1')?.tags, ['民生']);
  });

  test('merge looks at each annotation a bounded number of times (a large import stays near-linear)', () => {
    // Counts reads of `target` instead of timing: a lookup per incoming annotation in a sorted copy of the
    // store read every stored target again and again (32k annotations took seconds).
    let reads = 0;
    const counted = (i: number, id: string): StoredAnnotation => {
      const target = { start: i * 10, end: i * 10 + 8, exact: '招商引资成效显著', prefix: '', suffix: '' };
      const a = { id, tags: ['民生'], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
      return Object.defineProperty(a, 'target', { enumerable: true, get: () => (reads++, target) }) as StoredAnnotation;
    };
    const n = 2000;
    const store = new AnnotationStore(Array.from({ length: n }, (_, i) => counted(i, `old${i}`)));
    store.merge(Array.from({ length: n }, (_, i) => counted(i + (i % 2) * n, `new${i}`)));
    assert.equal(store.size, n + n / 2, 'half join an existing annotation on the same span, half are added');
    assert.ok(reads < 20 * n, `${reads} reads of target for ${n} + ${n} annotations`);
  });

  test('reattach: an orphan is anchored where the user says, or joins the annotation already there', () => {
    const { store, events } = makeStore();
    const [a, b] = store.tagParagraphs(TEXT, [paragraph(TEXT, '招商引资'), paragraph(TEXT, '民生')], ['招商引资']);
    store.setNote(a.id, '甲');
    // The 招商引资 paragraph is rewritten beyond recognition: its annotation is orphaned.
    const old = paragraph(TEXT, '招商引资');
    const text = `${TEXT.slice(0, old.start)}引进外资项目十个。${TEXT.slice(old.end)}`;
    store.applyEdits([{ rangeOffset: old.start, rangeLength: old.end - old.start, text: '引进外资项目十个。' }]);
    store.sync(text);
    assert.equal(store.get(a.id)?.orphaned, true);

    const at = paragraph(text, '引进外资');
    const moved = store.reattach(a.id, text, at)!;
    assert.equal(moved.id, a.id);
    assert.equal(moved.orphaned, undefined);
    assert.deepEqual([moved.target.start, moved.target.end, moved.target.exact], [at.start, at.end, '引进外资项目十个。']);
    assert.equal(moved.target.prefix, text.slice(0, at.start), 'the quote has its new context');
    assert.deepEqual([moved.tags, moved.note, moved.created], [['招商引资'], '甲', a.created]);
    assert.notEqual(moved.modified, a.modified);
    assert.deepEqual(events.at(-1), { added: [], updated: [a.id], removed: [] });
    assert.deepEqual(store.findInRange(at.start, at.start).map((x) => x.id), [a.id]);

    // Onto the span of another annotation: one annotation, tags and notes joined.
    store.setNote(b.id, '乙');
    const there = store.get(b.id)!.target;
    const merged = store.reattach(a.id, text, { start: there.start, end: there.end })!;
    assert.equal(merged.id, b.id);
    assert.deepEqual([merged.tags, merged.note], [['招商引资'], '乙\n\n甲']);
    assert.equal(store.get(a.id), undefined);
    assert.equal(store.size, 1);
    assert.deepEqual(events.at(-1), { added: [], updated: [b.id], removed: [a.id] });

    assert.equal(store.reattach('missing', text, at), undefined);
    assert.throws(() => store.reattach(b.id, text, { start: at.start, end: at.start }), RangeError);
    assert.throws(() => store.reattach(b.id, text, { start: 0, end: text.length + 1 }), RangeError);
  });

  test('listeners can stop listening', () => {
    const { store } = makeStore();
    let calls = 0;
    const stop = store.onDidChange(() => calls++);
    store.tagParagraphs(TEXT, [paragraph(TEXT, '民生')], ['民生']);
    stop();
    store.tagParagraphs(TEXT, [paragraph(TEXT, '项目建设')], ['民生']);
    assert.equal(calls, 1);
  });
});
