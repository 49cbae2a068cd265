// The pure logic behind the editor features, tested without VS Code: report detection, the paragraphs a
// selection touches, and where tagged paragraphs are painted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { HEAD_CHARS, looksLikeReport, reportScore } from '../../src/core/detection';
import { touchedParagraphs } from '../../src/core/paragraphs';
import { NOTE_KEY, planTagDecorations } from '../../src/core/tagRanges';
import type { Annotation, Paragraph } from '../../src/core/types';
import { CORPUS_DIR, corpusText } from './corpus';

const SHARED = resolve(CORPUS_DIR, '..');
const head = (text: string) => text.slice(0, HEAD_CHARS);

describe('report detection', () => {
  test('every report of the corpus folders is recognised from its beginning', () => {
    const folders = ['corpus', 'corpus-national', 'corpus-local', 'corpus-provinces-2026'];
    let seen = 0;
    for (const folder of folders) {
      const dir = join(SHARED, folder);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        seen++;
        const text = readFileSync(join(dir, name), 'utf8');
        assert.ok(looksLikeReport(head(text)), `${folder}/${name} scores ${reportScore(head(text))}`);
      }
    }
    assert.ok(seen >= 60, `${seen} reports`);
  });

  test('ordinary notes, English and code are not reports', () => {
    for (const text of [
      'Shopping list: milk, eggs, bread.\nCall the plumber on Monday.\n',
      '今天天气很好，我们去公园散步，然后吃了午饭。晚上看了一部电影，很有意思。明天还要上班，早点睡觉。'.repeat(3),
      'function add(a, b) {\n  return a + b; // 加法\n}\n'.repeat(20),
      '',
    ]) {
      assert.equal(looksLikeReport(text), false, text.slice(0, 30));
    }
  });

  test('a report without its title, or behind a web page’s navigation, is still one', () => {
    const report = corpusText('002_395ec08d707c8053.txt');
    const untitled = report.slice(report.indexOf('\n', 10) + 1);
    assert.ok(looksLikeReport(head(untitled)), `untitled: ${reportScore(head(untitled))}`);
    const nav = '首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流\n当前位置：首页 > 政务公开 > 政府工作报告\n字号：大 中 小 打印本页 关闭窗口\n\n';
    assert.ok(looksLikeReport(head(nav + report)), `behind navigation: ${reportScore(head(nav + report))}`);
  });
});

describe('touched paragraphs', () => {
  const p = (id: string, start: number, end: number): Paragraph => ({ id, range: { start, end } });
  const paragraphs = [p('p1', 0, 10), p('p2', 12, 20), p('p3', 22, 30)];
  const ids = (sel: { start: number; end: number }[]) => touchedParagraphs(paragraphs, sel).map((x) => x.id);

  test('a caret touches the paragraph it is in or at an edge of; between paragraphs, none', () => {
    assert.deepEqual(ids([{ start: 5, end: 5 }]), ['p1']);
    assert.deepEqual(ids([{ start: 10, end: 10 }]), ['p1']);
    assert.deepEqual(ids([{ start: 12, end: 12 }]), ['p2']);
    assert.deepEqual(ids([{ start: 11, end: 11 }]), []);
  });

  test('a selection touches what it overlaps, not a paragraph it ends at the start of; each once, in order', () => {
    assert.deepEqual(ids([{ start: 5, end: 25 }]), ['p1', 'p2', 'p3']);
    assert.deepEqual(ids([{ start: 0, end: 12 }]), ['p1']);
    assert.deepEqual(ids([{ start: 25, end: 5 }]), ['p1', 'p2', 'p3'], 'a backwards selection');
    assert.deepEqual(ids([{ start: 23, end: 24 }, { start: 1, end: 2 }, { start: 3, end: 3 }]), ['p1', 'p3']);
  });
});

describe('tag paint', () => {
  const a = (id: string, start: number, end: number, tags: string[], note?: string): Annotation => ({
    id,
    tags,
    ...(note !== undefined && { note }),
    target: { start, end, exact: '', prefix: '', suffix: '' },
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  });
  const colors: Record<string, string> = { 民生: '#5cb85c', 财政: '#d9534f', 社保: '#5cb85c' };
  const colorOf = (t: string) => colors[t] ?? '#8a8f3c';

  test('one paint per colour; one label per annotation with its tags', () => {
    const { paint, labels } = planTagDecorations([a('x', 10, 40, ['民生', '财政', '社保'])], colorOf);
    assert.deepEqual([...paint.keys()].sort(), ['#5cb85c', '#d9534f']);
    assert.deepEqual(paint.get('#5cb85c'), [{ start: 10, end: 40 }], 'two tags of one colour paint once');
    assert.deepEqual(labels, [{ span: { start: 10, end: 40 }, tags: ['民生', '财政', '社保'], text: '⟨民生 · 财政 · 社保⟩' }]);
  });

  test('a note adds ✎; a note without tags is painted under NOTE_KEY; an empty annotation, nothing', () => {
    const { paint, labels } = planTagDecorations([a('y', 8, 12, [], '只有备注'), a('x', 0, 5, ['民生'], '核对'), a('z', 20, 30, [])], colorOf);
    assert.deepEqual(labels.map((l) => [l.text, l.note]), [['⟨民生⟩ ✎', '核对'], ['✎', '只有备注']], 'in document order');
    assert.deepEqual(paint.get(NOTE_KEY), [{ start: 8, end: 12 }]);
    assert.equal(paint.size, 2);
  });
});
