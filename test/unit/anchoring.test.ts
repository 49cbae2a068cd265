import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CONTEXT_LENGTH,
  makeTarget,
  reanchor,
  rebaseOnEdits,
  targetFromCodePoints,
  targetToCodePoints,
  type TextChange,
} from '../../src/core/anchoring';
import { AnnotationStore } from '../../src/core/annotations';
import { OffsetMap } from '../../src/core/offsets';
import type { Span } from '../../src/core/types';
import { corpusText } from './corpus';

const REPORT = corpusText('national-2016.txt');

/** The span of the line that contains `needle`, without its indentation. */
function paragraphOf(text: string, needle: string): Span {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  let start = text.lastIndexOf('\n', at) + 1;
  while (/[ \u3000]/.test(text[start])) start++;
  const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  return { start, end };
}

const edit = (text: string, at: number, length: number, insert: string) => text.slice(0, at) + insert + text.slice(at + length);
const textOf = (text: string, span: Span | undefined) => span && text.slice(span.start, span.end);

describe('makeTarget', () => {
  test('takes 32 code points of context each side, never half an astral character', () => {
    const text = `${'𡌶'.repeat(40)}中间${'𠀀'.repeat(40)}`;
    const t = makeTarget(text, 80, 82);
    assert.equal(t.exact, '中间');
    assert.equal(t.prefix, '𡌶'.repeat(CONTEXT_LENGTH));
    assert.equal(t.suffix, '𠀀'.repeat(CONTEXT_LENGTH));
  });

  test('context stops at the text edges', () => {
    assert.deepEqual(makeTarget('abc', 0, 3), { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' });
    assert.throws(() => makeTarget('abc', 2, 4), RangeError);
  });

  test('converts to code points and back', () => {
    const text = '𡌶𡌶甲乙丙𡌶';
    const map = new OffsetMap(text);
    const t = makeTarget(text, 4, 7);
    const cp = targetToCodePoints(t, map);
    assert.deepEqual([cp.start, cp.end], [2, 5]);
    assert.equal([...text].slice(cp.start, cp.end).join(''), t.exact);
    assert.deepEqual(targetFromCodePoints(cp, map), t);
    assert.equal(targetFromCodePoints({ ...cp, start: 99, end: 100 }, map).end, text.length);
  });
});

describe('reanchor', () => {
  const p = paragraphOf(REPORT, '——经济运行保持在合理区间');
  const target = makeTarget(REPORT, p.start, p.end);

  test('an unchanged text keeps the position', () => {
    assert.deepEqual(reanchor(REPORT, target), p);
  });

  test('text inserted or deleted elsewhere shifts it', () => {
    const before = edit(REPORT, 10, 0, '新增一段文字。\n\n');
    assert.deepEqual(reanchor(before, target), { start: p.start + 9, end: p.end + 9 });
    const after = edit(REPORT, p.end + 100, 50, '');
    assert.deepEqual(reanchor(after, target), p);
    const removed = edit(REPORT, 0, 200, '');
    assert.deepEqual(reanchor(removed, target), { start: p.start - 200, end: p.end - 200 });
  });

  test('a moved paragraph is found where it went', () => {
    const body = REPORT.slice(p.start, p.end);
    const moved = edit(edit(REPORT, p.start, p.end - p.start, ''), 5000, 0, `${body}\n`);
    assert.equal(textOf(moved, reanchor(moved, target)), body);
  });

  test('of two copies of a quote, the one with its context wins, then the nearer', () => {
    const text = '开头。\n重复的句子。\n中间的内容比较长一些。\n前文不同。\n重复的句子。\n结尾。';
    const second = text.lastIndexOf('重复的句子。');
    const t = makeTarget(text, second, second + 6);
    const shifted = `插入${text}`;
    assert.deepEqual(reanchor(shifted, t), { start: second + 2, end: second + 8 });
    // Both copies lose their context: the nearer is taken only for a quote long enough to be distinctive.
    const long = '这是一个足够长的、可以区分开来的重复句子，它比上下文还要长一些才行。';
    const bare = `甲${long}乙……丙${long}丁`;
    const far = bare.lastIndexOf(long);
    const lt = { ...makeTarget(bare, far, far + long.length), prefix: '别的前文', suffix: '别的后文' };
    assert.deepEqual(reanchor(bare, lt), { start: far, end: far + long.length });
    assert.equal(reanchor(shifted, { ...t, prefix: '别的前文', suffix: '别的后文' }), undefined);
  });

  test('a paragraph with small edits is found, covering its whole line', () => {
    let text = edit(REPORT, p.start + 20, 2, '有所'); // replace two characters
    text = edit(text, p.start + 60, 0, '（新增的说明）'); // insert
    text = edit(text, p.start + 5, 3, ''); // delete
    assert.deepEqual(reanchor(text, target), paragraphOf(text, '经济运在合理'));
  });

  test('an edit at the start of the paragraph still covers the whole paragraph', () => {
    const text = edit(REPORT, p.start, 2, '我们的');
    assert.deepEqual(reanchor(text, target), paragraphOf(text, '我们的经济运行'));
  });

  test('a deleted paragraph is orphaned, not moved to a similar one', () => {
    const text = edit(REPORT, p.start, p.end - p.start, '');
    assert.equal(reanchor(text, target), undefined);
    // A heading like 一、2015年工作回顾 resembles 二、2016年工作总体部署; deleting it must not move it there.
    const h = paragraphOf(REPORT, '一、2015年工作回顾');
    const heading = makeTarget(REPORT, h.start, h.end);
    assert.equal(reanchor(edit(REPORT, h.start, h.end - h.start, ''), heading), undefined);
  });

  test('a short quote whose context is gone is orphaned when it occurs more than once', () => {
    const text = '甲。\n短句。\n乙。';
    const t = makeTarget(text, 3, 6);
    assert.deepEqual(reanchor(text, t), { start: 3, end: 6 });
    assert.equal(reanchor('完全不同的内容。\n短句。\n另外的结尾。短句。', t), undefined);
    // Once only, it is that paragraph, moved among new text.
    assert.deepEqual(reanchor('完全不同的内容。\n短句。\n另外的结尾。', t), { start: 9, end: 12 });
  });

  test('a short phrase whose own place was deleted is not moved to its one other mention (it was not a line of its own)', () => {
    const before = '一、经济发展\n全年地区生产总值增长5.2%，稳增长取得成效。\n二、明年工作\n坚持稳增长，推动高质量发展。\n';
    const after = before.replace('，稳增长取得成效', '');
    const at = before.indexOf('稳增长');
    const t = makeTarget(before, at, at + 3);
    assert.equal(reanchor(after, t), undefined, 'a text of unknown history');
    // An orphan (the editor's edit deleted its text) found again when the text changes on disk (reanchorAll): still an orphan.
    const store = new AnnotationStore([{ id: 'a', tags: ['成效'], target: t, created: '', modified: '', orphaned: true }]);
    store.reanchorAll(after + '另一段。\n');
    assert.equal(store.list()[0].orphaned, true, 'not moved to 坚持稳增长');
    // A phrase of eight characters or more, found once, is still believed (its paragraph may have moved).
    const long = makeTarget(before, before.indexOf('推动高质量发展'), before.indexOf('推动高质量发展') + 7);
    assert.equal(reanchor('新的开头。\n坚持稳增长，推动高质量发展。', long), undefined, 'seven characters: short');
  });

  test('line endings, indentation and swapped paragraphs orphan nothing whose text is still there once', () => {
    const lines = REPORT.split('\n');
    const spans: Span[] = [];
    for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) {
      const body = lines[i].replace(/^[ \u3000]+/, '').trimEnd();
      const start = at + (lines[i].length - lines[i].replace(/^[ \u3000]+/, '').length);
      if (body.length === 0) continue;
      spans.push({ start, end: start + body.length });
      // Short quotes, which need their context most: each line's first sentence.
      const sentence = body.indexOf('。') + 1;
      if (sentence > 0 && sentence < 32 && sentence < body.length) spans.push({ start, end: start + sentence });
    }
    assert.ok(spans.filter((s) => s.end - s.start < 32).length > 40, 'short quotes in the report');
    const targets = spans.map((s) => makeTarget(REPORT, s.start, s.end));
    const once = targets.filter((t) => REPORT.indexOf(t.exact) === REPORT.lastIndexOf(t.exact));
    const swapped = [...lines];
    for (let i = 0; i + 3 < swapped.length; i += 4) [swapped[i], swapped[i + 2]] = [swapped[i + 2], swapped[i]];
    const variants: [string, string][] = [
      ['CRLF', REPORT.split('\n').join('\r\n')],
      ['re-indented', lines.map((l) => l.replace(/^[ \u3000]+/, '    ')).join('\n')],
      ['blank lines between paragraphs', lines.join('\n\n')],
      ['swapped paragraphs', swapped.join('\n')],
    ];
    for (const [what, text] of variants) {
      const lost = once.filter((t) => textOf(text, reanchor(text, t)) !== t.exact);
      assert.deepEqual(lost.map((t) => t.exact), [], `${what}: ${lost.length} of ${once.length} orphaned or misplaced`);
    }
  });

  test('fuzzy: false finds only verbatim quotes', () => {
    const text = edit(REPORT, p.start + 20, 2, '有所');
    assert.equal(reanchor(text, target, { fuzzy: false }), undefined);
    assert.deepEqual(reanchor(edit(REPORT, 0, 0, '前言'), target, { fuzzy: false }), { start: p.start + 2, end: p.end + 2 });
  });

  test('astral characters: found whole, never split', () => {
    const text = '第一段𡌶𡌶文字。\n\n第二段包含𡌶字和更多的文字内容，用来测试。\n\n第三段。';
    const s = text.indexOf('第二段');
    const e = text.indexOf('\n', s);
    const t = makeTarget(text, s, e);
    const edited = edit(text, s + 5, 2, '𠀀'); // 𡌶 → 𠀀
    const found = reanchor(`𪚥${edited}`, t);
    assert.equal(textOf(`𪚥${edited}`, found), '第二段包含𠀀字和更多的文字内容，用来测试。');
    const cut = reanchor(edit(text, s, 0, '𪚥'), t);
    assert.ok(cut && !/^[\udc00-\udfff]/.test(text.slice(cut.start)));
  });

  test('an empty quote is never found', () => {
    assert.equal(reanchor('abc', { start: 1, end: 1, exact: '', prefix: 'a', suffix: 'bc' }), undefined);
  });

  test('is fast on a 1 MB text', (t) => {
    // A megabyte of report-like text that does not repeat: corpus characters in random order.
    const chars = [...new Set(REPORT)].filter((c) => c !== '\n');
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lines: string[] = [];
    let length = 0;
    while (length < 1_000_000) {
      let line = '　　';
      const n = 50 + Math.floor(random() * 400);
      for (let i = 0; i < n; i++) line += chars[Math.floor(random() * chars.length)];
      lines.push(line);
      length += line.length + 1;
    }
    const text = lines.join('\n');
    const tagged = Array.from({ length: 50 }, (_, i) => Math.floor((i * lines.length) / 50));
    const targets = tagged.map((line) => {
      const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + 2;
      return makeTarget(text, start, start + lines[line].length - 2);
    });
    // Every tagged paragraph edited (and shifted), the first 10 deleted outright.
    const editedLines = [...lines];
    tagged.forEach((line, i) => {
      editedLines[line] = i < 10 ? '' : edit(lines[line], 12, 3, '改动');
    });
    const edited = `新的开头\n${editedLines.join('\n')}`;
    const t0 = performance.now();
    const found = targets.map((target) => reanchor(edited, target));
    const ms = performance.now() - t0;
    assert.equal(found.filter((f) => !f).length, 10);
    for (const [i, f] of found.entries()) if (f) assert.equal(edited.slice(f.start, f.start + 10), targets[i].exact.slice(0, 10));
    t.diagnostic(`50 paragraphs re-anchored in a 1 MB text (40 edited, 10 deleted): ${ms.toFixed(0)} ms`);
    assert.ok(ms < 2000, `${ms} ms`);
  });
});

describe('rebaseOnEdits', () => {
  const span = { start: 10, end: 20 };
  const rebase = (...changes: TextChange[]) => rebaseOnEdits([span], changes)[0];
  const change = (rangeOffset: number, rangeLength: number, text: string): TextChange => ({ rangeOffset, rangeLength, text });

  test('edits before shift it, edits after leave it', () => {
    assert.deepEqual(rebase(change(2, 3, 'abcdef')), { start: 13, end: 23 });
    assert.deepEqual(rebase(change(5, 5, '')), { start: 5, end: 15 });
    assert.deepEqual(rebase(change(20, 5, 'x')), { start: 10, end: 20 });
    assert.deepEqual(rebase(change(25, 0, 'x')), { start: 10, end: 20 });
  });

  test('typing inside or at either edge grows it; a new line at an edge stays outside', () => {
    assert.deepEqual(rebase(change(15, 0, 'abc')), { start: 10, end: 23 });
    assert.deepEqual(rebase(change(10, 0, 'ab')), { start: 10, end: 22 });
    assert.deepEqual(rebase(change(20, 0, 'ab')), { start: 10, end: 22 });
    assert.deepEqual(rebase(change(10, 0, '新段落\n')), { start: 14, end: 24 });
    assert.deepEqual(rebase(change(20, 0, '\n新段落')), { start: 10, end: 20 });
  });

  test('deleting part shrinks it; deleting or replacing all of it orphans it', () => {
    assert.deepEqual(rebase(change(12, 3, '')), { start: 10, end: 17 });
    assert.deepEqual(rebase(change(5, 8, '')), { start: 5, end: 12 });
    assert.deepEqual(rebase(change(5, 8, 'xy')), { start: 7, end: 14 });
    assert.deepEqual(rebase(change(15, 10, 'xy')), { start: 10, end: 17 });
    assert.equal(rebase(change(10, 10, '')), undefined);
    assert.equal(rebase(change(8, 15, 'replacement')), undefined);
  });

  test('applies one event’s changes in order, and leaves a no-op alone', () => {
    assert.deepEqual(rebase(change(30, 0, 'x'), change(0, 0, 'ab'), change(12, 1, '')), { start: 12, end: 21 });
    assert.deepEqual(rebase(change(15, 0, '')), { start: 10, end: 20 });
  });
});
