// Typing inside a paragraph: the patch analyzeEdit works out from the paragraph alone, applied to the previous
// analysis, is exactly the analysis of the whole new text, for random edits of every kind in real reports (news
// pages, old and new reports), one after another as the worker gets them; and most typing takes that path.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, test } from 'node:test';
import { AnalysisCache, analyzeText } from '../../src/core/analyze';
import { type Analysed, analyzeEdit } from '../../src/core/analyzeEdit';
import { applyAnalysisPatch } from '../../src/core/analysisPatch';
import { applyAnalysisPatchInPlace } from '../../src/core/analysisPatchInPlace';
import { opensHeading } from '../../src/core/editParts';
import { opening } from '../../src/core/headingLeadIns';
import type { EditWithText } from '../../src/core/textEdits';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import { CORPUS_DIR } from './corpus';

const segmenter = loadJiebaSegmenter();
const SHARED = resolve(CORPUS_DIR, '..');
const REPORTS = ['corpus/000_1e31b28fa2d96c08.txt', 'corpus/national-2016.txt', 'corpus-local/gaoyang-2017.txt', 'corpus-national/national-1959.txt'];

/** Characters typed or pasted: Han, digits and units (figures come and go), punctuation that ends or lists, line breaks and indents. */
const TYPED = ['字', '6', '5%', '万元', '。', '：', '，', '增长8.5%', '一是', '建设', '大桥', '项目', ' ', '工作报告', '\n', '\n\n', '\r\n', '\n　　', '　　'];

function rng(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** The first place two analyses differ, as a path, for the failure's message. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return `${path}: key order`;
}

/** One edit of a random kind at a random place of `text`: the new text, and the edit as the editor reports it. */
function randomEdit(text: string, next: () => number): { text: string; edit: EditWithText } {
  let at = Math.floor(next() * text.length);
  const kind = next();
  // A quarter of the edits at a line's end, where new sentences are typed.
  if (kind < 0.125 || kind > 0.875) at = Math.max(0, text.indexOf('\n', at));
  const typed = kind < 0.5 || kind >= 0.8 ? TYPED[Math.floor(next() * TYPED.length)] : '';
  const removed = kind < 0.5 ? 0 : kind < 0.8 ? Math.min(text.length - at, 1 + Math.floor(next() * 3)) : Math.min(text.length - at, 1);
  // (Made as the worker makes it, by slicing and joining.)
  const edited = text.slice(0, at) + typed + text.slice(at + removed);
  return { text: edited, edit: { from: at, to: at + removed, shift: typed.length - removed, text: typed } };
}

/**
 * White space typed or deleted between lines, as Enter and Backspace do it in a file whose lines end in `eol`: a line
 * break (and an indent) at a line's end or start, a blank line removed, an indent removed.
 */
function spacingEdit(text: string, next: () => number, eol: string): { text: string; edit: EditWithText } {
  const breaks = [...text.matchAll(new RegExp(eol, 'g'))].map((m) => m.index!);
  const at = breaks[Math.floor(next() * breaks.length)];
  const kind = Math.floor(next() * 4);
  const edit = (from: number, to: number, typed: string) => ({
    text: text.slice(0, from) + typed + text.slice(to),
    edit: { from, to, shift: typed.length - (to - from), text: typed },
  });
  if (kind === 0) return edit(at, at, eol); // Enter at a line's end
  const start = at + eol.length;
  if (kind === 1) return edit(start, start, eol + '　　'); // Enter at a line's start, indented
  // A blank line removed (Backspace on it), else the indent of the line after.
  const blank = text.indexOf(eol + eol, at);
  if (kind === 2 && blank >= 0) return edit(blank, blank + eol.length, '');
  let end = start;
  while (end < text.length && /[ \t　]/.test(text[end])) end++;
  return end > start ? edit(start, end, '') : edit(at, at, eol + eol);
}

/**
 * analyzeEdit given the edit with its text, and the new text as a string that throws when read: it is read only when
 * the projects of every line are matched again (collectProjects), and then the call is made again with the text.
 */
function editUnread(state: Analysed, text: string, cache: AnalysisCache, edit: EditWithText): ReturnType<typeof analyzeEdit> {
  const unread = new Proxy(new String(text), {
    get(target, key) {
      throw new Error(`the new text was read (${String(key)})`);
    },
  }) as unknown as string;
  try {
    return analyzeEdit(state, unread, { segmenter, cache }, [edit]);
  } catch (err) {
    assert.match((err as Error).stack ?? '', /collectProjects/, `the new text was read outside collectProjects: ${(err as Error).stack}`);
    return analyzeEdit(state, text, { segmenter, cache }, [edit]);
  }
}

/** A text with its analysis, made with `cache` as the worker makes it. */
const analysed = (text: string, cache: AnalysisCache): Analysed => ({ text, analysis: analyzeText(text, { segmenter, cache }) });

/** A report of the shared corpora (its lines ending in `eol`), analysed with `cache`. */
const opened = (name: string, cache: AnalysisCache, eol = '\n'): Analysed => analysed(readFileSync(join(SHARED, name), 'utf8').replace(/\r?\n/g, eol), cache);

/** `typed` put into `text` at `at`: the new text, and the edit as the editor reports it. */
function inserted(text: string, at: number, typed: string): { text: string; edit: EditWithText } {
  return { text: text.slice(0, at) + typed + text.slice(at), edit: { from: at, to: at, shift: typed.length, text: typed } };
}

/**
 * One edit as the worker gets it (with its text when `n` is even, else found by comparing the texts), its patch, where
 * there is one, checked against the whole analysis of the new text: the next state, and whether it was patched.
 */
function step(state: Analysed, text: string, cache: AnalysisCache, edit: EditWithText, n: number, what: string): { state: Analysed; patched: boolean; declined?: string } {
  const { patch, declined } = n % 2 === 0 ? editUnread(state, text, cache, edit) : analyzeEdit(state, text, { segmenter, cache });
  if (!patch) return { state: { text, analysis: analyzeText(text, { segmenter, cache }) }, patched: false, declined };
  const analysis = applyAnalysisPatch(state.analysis, patch);
  const whole = analyzeText(text, { segmenter });
  const diff = firstDifference(analysis, whole);
  assert.equal(diff, undefined, `${what}: the patched analysis differs from the whole one at ${diff}`);
  // As the extension host applies it: sent (structured clone), to the analysis it was sent before, in place.
  const host = deserialize(serialize(state.analysis));
  assert.ok(applyAnalysisPatchInPlace(host, deserialize(serialize(patch))), `${what}: the patch applies in place`);
  assert.equal(firstDifference(host, whole), undefined, `${what}: applied in place`);
  return { state: { text, analysis }, patched: true };
}

describe('analysis of an edit inside a paragraph', () => {
  for (const [r, name] of REPORTS.entries()) {
    test(`${name}: 60 random edits in a row, each patch equal to the whole analysis`, () => {
      const next = rng(11 + r);
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      let taken = 0;
      const why = new Map<string, number>();
      for (let n = 0; n < 60; n++) {
        const edited = randomEdit(state.text, next);
        // Every other edit as the worker has it, with what it put in (the new text read through the old one), the
        // others found by comparing the texts.
        const done = step(state, edited.text, cache, edited.edit, n, `edit ${n}`);
        if (done.declined) why.set(done.declined, (why.get(done.declined) ?? 0) + 1);
        if (done.patched) taken++;
        state = done.state;
      }
      // Random places fall between paragraphs, in headings and in project names too; most are inside sentences.
      if (process.env.ANALYZE_EDIT_LOG) console.log(name, taken, JSON.stringify([...why]));
      assert.ok(taken >= 25, `only ${taken} of 60 edits were analysed from their paragraph; the others: ${JSON.stringify([...why])}`);
    });
  }

  test('line breaks and indents between lines only move the analysis: equal to the whole analysis, never declined', () => {
    for (const [r, name] of REPORTS.entries()) {
      const next = rng(101 + r);
      const cache = new AnalysisCache();
      // (One report with Windows line ends, as VS Code keeps them.)
      const eol = r === 1 ? '\r\n' : '\n';
      let state = opened(name, cache, eol);
      for (let n = 0; n < 30; n++) {
        const edited = spacingEdit(state.text, next, eol);
        const done = step(state, edited.text, cache, edited.edit, n, `${name}, edit ${n}`);
        assert.ok(done.patched, `${name}, edit ${n} (${JSON.stringify(edited.edit)}) declined: ${done.declined}`);
        state = done.state;
      }
    }
  });

  test('a new paragraph typed a character at a time: each patch equal to the whole analysis, most keystrokes answered from it', () => {
    const typed = ['\n', ...'今年全市经济运行稳中有进，地区生产总值增长5.5%，建设沙河大桥。'];
    for (const [r, name] of REPORTS.entries()) {
      const next = rng(201 + r);
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      let taken = 0;
      let firsts = 0; // (the first character, in the blank line: newLineEdit.ts)
      for (let place = 0; place < 3; place++) {
        const paragraphs = state.analysis.paragraphs;
        let at = paragraphs[Math.floor(next() * paragraphs.length)].range.end;
        for (const [n, ch] of typed.entries()) {
          const { text, edit } = inserted(state.text, at, ch);
          at += ch.length;
          const done = step(state, text, cache, edit, n, `${name}, place ${place}, keystroke ${n}`);
          if (n === 1 && done.patched) firsts++;
          else if (n === 1 && process.env.ANALYZE_EDIT_LOG) console.log(name, 'the first character declined:', done.declined);
          if (done.patched) taken++;
          state = done.state;
        }
      }
      // (A news page without a title makes a short line a caption, no paragraph: fewer are answered there. Elsewhere
      // a line of 6 characters or more without a sentence before a paragraph is a title until a comma or 。 ends it.)
      const titled = state.analysis.sections.some((s) => s.level === 0);
      assert.ok(taken >= (titled ? 2 : 1) * typed.length, `${name}: ${taken} of ${3 * typed.length} keystrokes answered from the paragraph`);
      if (titled) assert.ok(firsts >= 1, `${name}: no first character was answered from its line`);
    }
  });

  test('a paragraph typed at the end of a part, before a numbered heading: every keystroke answered from its line, equal to the whole analysis', () => {
    // (Before a heading a short line without a sentence is no title: the line stays a paragraph as it is written, while
    // what decides a line's place changes at its sixth character, at a comma and at its 。.)
    const typed = ['\n', ...'今年全市经济运行稳中有进，地区生产总值增长5.5%，建设沙河大桥。'];
    for (const name of ['corpus/national-2016.txt', 'corpus-local/hebei-2024.txt', 'corpus-provinces-2026/liaoning-2026.txt']) {
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      const { paragraphs, sections } = state.analysis;
      // The middle part's last paragraph: the one before the heading of a part (（二）) in the middle of the report.
      const heading = sections.filter((s) => s.level === 2 && s.heading.start > paragraphs[paragraphs.length >> 2].range.start)[0];
      let at = paragraphs.filter((p) => p.range.end < heading.heading.start).pop()!.range.end;
      for (const [n, ch] of typed.entries()) {
        const { text, edit } = inserted(state.text, at, ch);
        at += ch.length;
        const done = step(state, text, cache, edit, n, `${name}, keystroke ${n}`);
        assert.ok(done.patched, `${name}, keystroke ${n} (${JSON.stringify(ch)}) declined: ${done.declined}`);
        state = done.state;
      }
    }
  });

  test('a word typed into a new blank line between paragraphs: each patch equal to the whole analysis', () => {
    let taken = 0;
    for (const [r, name] of REPORTS.entries()) {
      const next = rng(301 + r);
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      for (let n = 0; n < 20; n++) {
        const paragraphs = state.analysis.paragraphs;
        const at = paragraphs[Math.floor(next() * paragraphs.length)].range.end;
        const word = TYPED[Math.floor(next() * 14)]; // (not the line breaks and indents at its end)
        for (const [i, typed] of ['\n', word].entries()) {
          const { text, edit } = inserted(state.text, at + i, typed);
          const done = step(state, text, cache, edit, n, `${name}, ${JSON.stringify(word)} at ${at}`);
          if (i === 1 && done.patched) taken++;
          state = done.state;
        }
      }
    }
    // (A short word alone on a line is a caption in a news page, and a line of six characters or more a title.)
    assert.ok(taken >= 25, `${taken} of 80 words answered from their line`);
  });

  test('a new line typed with white space before its text, just before a heading: the section it is in is the one before the heading', () => {
    // (Its text then starts, in the new text, past where the heading started in the old one.)
    let taken = 0;
    for (const name of REPORTS) {
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      // (The last first: a paragraph inserted renumbers those after it.)
      const before = [...state.analysis.paragraphs.keys()].filter((k) => k > 0 && k + 1 < state.analysis.paragraphs.length && opensHeading(state.analysis, k + 1)).slice(0, 5).reverse();
      for (const [n, k] of before.entries()) {
        const at = state.analysis.paragraphs[k].range.end;
        for (const [i, typed] of ['\n', ' 　 　 　，，'].entries()) {
          const { text, edit } = inserted(state.text, at + i, typed);
          const done = step(state, text, cache, edit, n, `${name}, ${JSON.stringify(typed)} after paragraph ${k}`);
          if (i === 1 && done.patched) taken++;
          state = done.state;
        }
      }
    }
    assert.ok(taken >= 5, `${taken} answered from their line`);
  });

  test('a line typed into a run of review openings, which it cuts: the patch is declined or equal to the whole analysis', () => {
    // A report's paragraph whose opening reviews a result, three times in a row: three lead-ins (a run of three).
    const source = readFileSync(join(SHARED, REPORTS[1]), 'utf8');
    const review = source.split('\n').find((line) => opening(line.trim())?.kind === 'review')!.trim();
    assert.ok(review, 'the report has a review opening');
    const text = `2016年政府工作报告\n\n一、过去一年的工作\n\n${review}\n\n${review}\n\n${review}\n\n二、今年的任务\n\n全面完成各项任务。\n`;
    const cache = new AnalysisCache();
    let state = analysed(text, cache);
    const leadIns = () => state.analysis.sections.filter((s) => s.level === 3 && review.startsWith(s.title)).length;
    assert.equal(leadIns(), 3, 'three lead-ins');
    const at = state.analysis.paragraphs[2].range.end; // (after the first of the three)
    for (const [i, typed] of ['\n', '建设'].entries()) {
      const { text: now, edit } = inserted(state.text, at + i, typed);
      state = step(state, now, cache, edit, 0, `${JSON.stringify(typed)} in a run of review openings`).state;
    }
    assert.equal(leadIns(), 0, 'the run is cut: no lead-in');
  });

  test("what a line's surroundings decide: a navigation run, zero-width spaces, a lone carriage return: the patches equal to the whole analysis", () => {
    /** Each edit in turn: the patch, where there is one, equal to the whole analysis of the new text. */
    const check = (text: string, edits: [number, number, string][], what: string) => {
      const cache = new AnalysisCache();
      let state = analysed(text, cache);
      for (const [from, to, typed] of edits) {
        const now = state.text.slice(0, from) + typed + state.text.slice(to);
        state = step(state, now, cache, { from, to, shift: typed.length - (to - from), text: typed }, 0, what).state;
      }
    };
    // A line without a sentence shortened to a navigation item's length (12) beside a run of them, the next line a
    // stand-alone title or a lead-in alone, or the report's title: the run becomes furniture.
    const line = '一二三四五六七八九十甲乙丙';
    for (const next of ['乡村振兴见实效', '一是加强基础设施']) {
      const text = `2020年某县政府工作报告\n全市经济运行稳中有进，各项事业取得新成绩。\n${line}\n${next}\n首页\n打印\n今年我们要做好以下工作。\n`;
      check(text, [[text.indexOf('丙'), text.indexOf('丙') + 1, '']], `a navigation run before ${next}`);
    }
    const titled = `全市经济运行稳中有进，各项事业取得新成绩。\n${line}\n2020年政府工作报告\n首页\n打印\n今年我们要做好以下工作。\n加强建设，推动发展。\n`;
    check(titled, [[titled.indexOf('丙'), titled.indexOf('丙') + 1, '']], 'a navigation run before the title');
    // A caption of 60 characters (the longest read for names), a zero-width space before it: 61 to the projects' lines.
    const caption = ('图为正在建设中的沙河大桥' + '施工现场'.repeat(20)).slice(0, 55) + ' 张三 摄';
    const news = `2020年某县政府工作报告\n今年经济平稳运行。\n${caption}\n继续努力。\n`;
    check(news, [[news.indexOf(caption), news.indexOf(caption), '\u200b']], 'a zero-width space');
    // A last line opening with a zero-width space: its names as a caption are read as the projects' lines read it.
    const zw = '全市经济运行稳中有进，各项事业取得新成绩。\n\u200b（沙河大桥';
    check(zw, [[zw.length, zw.length, '路']], 'a zero-width space before the last line');
    // A \r left alone: a line break to the structure, none to the projects' lines (《 then reads on).
    const cr = '今年要建设沙河大桥，加快发展。\n《交通发展规划\r\n\r\n沙河大桥建成通车。\n';
    check(cr, [[cr.indexOf('\r') + 1, cr.indexOf('\r') + 4, '']], 'a lone carriage return');
  });

  test('a paragraph split by Enter after one of its sentences: each patch equal to the whole analysis', () => {
    let taken = 0;
    let tried = 0;
    for (const [r, name] of REPORTS.entries()) {
      const next = rng(401 + r);
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      for (let n = 0; n < 25; n++) {
        // After a 。 inside a random paragraph (or, one time in four, anywhere in it), Enter and its indent.
        const p = state.analysis.paragraphs[Math.floor(next() * state.analysis.paragraphs.length)];
        const stop = state.text.indexOf('。', p.range.start + Math.floor(next() * (p.range.end - p.range.start)));
        const at = next() < 0.25 || stop < 0 || stop + 1 >= p.range.end ? p.range.start + 1 + Math.floor(next() * (p.range.end - p.range.start - 1)) : stop + 1;
        const { text, edit } = inserted(state.text, at, n % 3 === 0 ? '\n　　' : '\n');
        const done = step(state, text, cache, edit, n, `${name}, a line break at ${at}`);
        tried++;
        if (done.patched) taken++;
        state = done.state;
      }
    }
    // (A paragraph that opens with a lead-in or a candidate for one, or splits into a half without a sentence, is declined.)
    assert.ok(taken >= 15, `${taken} of ${tried} splits answered from the paragraph`);
  });

  test('Enter after a sentence of paragraphs that open a lead-in, a numbered heading or items (一是…), the second half leading in or not: each patch equal to the whole analysis', () => {
    let taken = 0;
    let tried = 0;
    for (const [r, name] of ['corpus-local/gaoyang-2019.txt', 'corpus-local/baoding-2018.txt', 'corpus-local/baoding-2010.txt'].entries()) {
      const next = rng(501 + r);
      const cache = new AnalysisCache();
      let state = opened(name, cache);
      for (let n = 0; n < 40; n++) {
        // A paragraph that opens a heading, cut after one of its sentences (runs of review lead-ins, items in both halves).
        const { paragraphs, sections } = state.analysis;
        const heads = paragraphs.filter((p) => sections.some((s) => s.heading.start === p.range.start));
        const p = heads[Math.floor(next() * heads.length)];
        const stops = [...state.text.slice(p.range.start, p.range.end).matchAll(/。(?=.)/g)].map((m) => p.range.start + m.index! + 1);
        if (stops.length === 0) continue;
        const { text, edit } = inserted(state.text, stops[Math.floor(next() * stops.length)], '\n');
        const done = step(state, text, cache, edit, n, `${name}, Enter at ${edit.from}`);
        tried++;
        if (done.patched) taken++;
        state = done.state;
      }
    }
    assert.ok(taken >= tried / 3, `${taken} of ${tried} answered from the paragraph`);
    // A second half that leads in lengthens a run of two review openings to three: they become lead-ins too.
    const review = '2023年某县政府工作报告\n一、过去一年的工作\n城乡面貌焕然一新，基础设施日益完善。全年新建道路。\n生态环境明显好转，空气质量持续改善。完成造林。大力发展现代农业。粮食产量稳定。\n我们完成了全年目标任务，各项事业取得新成绩。\n';
    const cache = new AnalysisCache();
    const { text, edit } = inserted(review, review.indexOf('大力'), '\n');
    step(analysed(review, cache), text, cache, edit, 0, 'a run of review openings lengthened');
    // No section before the paragraph (an untitled text), figures in the second half: they have no section's cue.
    for (const untitled of ['我们坚持稳中求进，各项工作扎实推进。加强基础设施建设。完成投资12亿元。', '我们坚持稳中求进，各项工作扎实推进。加强基础设施建设。完成投资12亿元。\n二、2025年工作安排\n预计增长6%左右。']) {
      const split = inserted(untitled, untitled.indexOf('加强'), '\n');
      step(analysed(untitled, cache), split.text, cache, split.edit, 1, 'a lead-in in an untitled text');
    }
  });

  test('a new part written at the end of a report, some of it deleted again: each patch equal to the whole analysis, most keystrokes answered from the last line', () => {
    // A heading, then paragraphs with figures, a project, a list cue, a lead-in and a caption's form, each after Enter.
    const lines = ['三、加快建设现代化产业体系', '今年全市经济运行稳中有进，地区生产总值增长5.5%，建设沙河大桥。', '西城区鸟瞰', '一是加强基础设施建设。', '预期目标是：城镇新增就业10万人以上，居民人均可支配收入增长6%。'];
    for (const [r, name] of REPORTS.entries()) {
      const cache = new AnalysisCache();
      // (Without its final line break, so that the first Enter is typed at the text's end; one report with Windows line ends.)
      const eol = r === 1 ? '\r\n' : '\n';
      let state = analysed(readFileSync(join(SHARED, name), 'utf8').replace(/\r?\n/g, eol).trimEnd(), cache);
      const endsInParagraph = state.analysis.captions.every((c) => c.range.start < state.analysis.paragraphs[state.analysis.paragraphs.length - 1].range.end);
      let taken = 0;
      let tried = 0;
      const edit = (from: number, to: number, typed: string, what: string) => {
        const now = state.text.slice(0, from) + typed + state.text.slice(to);
        const done = step(state, now, cache, { from, to, shift: typed.length - (to - from), text: typed }, tried++, `${name}: ${what}`);
        if (done.patched) taken++;
        else if (process.env.ANALYZE_EDIT_LOG) console.log(name, what, 'declined:', done.declined);
        state = done.state;
      };
      for (const line of lines) for (const typed of [eol, ...line]) edit(state.text.length, state.text.length, typed, `${JSON.stringify(typed)} of ${line}`);
      // Backspace over the last 。 and a few characters before it, then the whole line taken out.
      for (let n = 0; n < 8; n++) edit(state.text.length - 1, state.text.length, '', `backspace ${n}`);
      edit(state.text.lastIndexOf('\n') + 1, state.text.length, '', 'the last line deleted');
      // (A report that ends in furniture or a byline has lines between the edit and its last paragraph: declined.)
      if (endsInParagraph) assert.ok(taken >= 0.8 * tried, `${name}: ${taken} of ${tried} keystrokes answered from the last line`);
    }
    // A numbered heading after a caption: once the line below the heading holds a sentence the caption is read anew.
    const cache = new AnalysisCache();
    let state = analysed('2020年某县政府工作报告\n今年经济平稳运行。\n交通建设\n三、加快建设\n', cache);
    for (const [n, typed] of [...lines[1]].entries()) {
      const { text, edit } = inserted(state.text, state.text.length, typed);
      state = step(state, text, cache, edit, n, `${typed} below a heading after a caption`).state;
    }
  });

  test('what it declines: a new line, a new heading, a changed title; a new project name is taken', () => {
    const text = readFileSync(join(SHARED, REPORTS[0]), 'utf8');
    const cache = new AnalysisCache();
    const state: Analysed = { text, analysis: analyzeText(text, { segmenter, cache }) };
    const heading = state.analysis.sections.find((s) => s.level === 1)!;
    // A paragraph (no numbered heading) whose first sentence is short enough for one.
    const body = state.analysis.paragraphs.find((p) => {
      const stop = text.slice(p.range.start, p.range.end).indexOf('。');
      return stop > 5 && stop < 30 && p.range.end - p.range.start > 100 && !state.analysis.sections.some((s) => s.heading.start === p.range.start && s.level < 3);
    })!;
    const mid = (body.range.start + body.range.end) >> 1;
    const at = (offset: number, s: string) => text.slice(0, offset) + s + text.slice(offset);
    // (A paragraph whose opening may lead in, split inside that opening: the first half is no sentence.)
    const inSentence = body.range.start + 3;
    assert.match(analyzeEdit(state, at(inSentence, '\n'), { segmenter, cache }).declined ?? '', /^a line break/);
    assert.match(editUnread(state, at(inSentence, '\n'), cache, { from: inSentence, to: inSentence, shift: 1, text: '\n' }).declined ?? '', /^a line break/, "with the editor's change");
    assert.match(analyzeEdit(state, at(heading.heading.start + 2, '\n'), { segmenter, cache }).declined ?? '', /^a line break/, 'a heading split');
    assert.equal(analyzeEdit(state, at(body.range.start, '一、'), { segmenter, cache }).declined, 'its place in the structure', 'a new heading');
    // A new project name: every line is matched again with the new names, all projects sent.
    const named = at(mid, '，建设沙河大桥，');
    const withName = analyzeEdit(state, named, { segmenter, cache });
    assert.ok(withName.patch, withName.declined);
    const projects = applyAnalysisPatch(state.analysis, withName.patch).projects;
    assert.ok(projects.some((p) => p.name === '沙河大桥'));
    assert.equal(JSON.stringify(projects), JSON.stringify(analyzeText(named, { segmenter }).projects));
    assert.notEqual(analyzeEdit(state, text.replace('工作报告', '工作汇报'), { segmenter, cache }).declined, undefined, 'the title');
    assert.ok(analyzeEdit(state, at(mid, '字'), { segmenter, cache }).patch, 'one character inside a sentence');
    // (White space inside a line is an edit of its paragraph, not a move: spacingEdit.ts leaves it.)
    for (const space of [' ', '　']) assert.ok(editUnread(state, at(mid, space), cache, { from: mid, to: mid, shift: 1, text: space }).patch, `${JSON.stringify(space)} inside a sentence`);
  });
});
