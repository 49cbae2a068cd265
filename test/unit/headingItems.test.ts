// Headings found in the new tune documents (figures-accuracy work): circled items, a one-sentence paragraph before
// a heading, long one-sentence numbered lines, series openings that state figures or copulas, stances, captions
// ending in 摄影. Small inputs, each read by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStructure } from '../../src/core/structure';

const heads = (text: string) => parseStructure(text).sections.map((s) => `${s.level} ${s.title}`);

test('circled items right after a lead-in are level 3; after ： or ； they are a list', () => {
  // Two 一年来，我们… paragraphs make the series of lead-ins the items hang on.
  const review = [
    '一年来，我们认真落实各项要求，提供了有力保障。①加强房地产管控。坚持定位。②加强规划管控，对标雄安新区。全面对标。',
    '一年来，我们狠抓污染防治，空气质量得到改善。①坚决打赢气代煤攻坚战。按时完成。',
  ].join('\n');
  assert.deepEqual(heads(review), [
    '3 一年来，我们认真落实各项要求，提供了有力保障。',
    '3 ①加强房地产管控。',
    '3 ②加强规划管控，对标雄安新区。',
    '3 一年来，我们狠抓污染防治，空气质量得到改善。',
    '3 ①坚决打赢气代煤攻坚战。',
  ]);
  const list = '一是在加强污染防治上持续用力。其中涉及5项，分别是：①污水处理厂深度治理工程。抓紧提标；②污水处理厂三期工程。加紧推进。';
  assert.deepEqual(heads(list), ['3 一是在加强污染防治上持续用力。']);
});

test('a sentence alone on its line right before a heading introduces it and heads nothing', () => {
  const text = ['三、2026年重点工作', '围绕以上目标，重点抓好八个方面工作。', '（一）立足长治久安，建设更高水平平安西藏', '坚决维护社会大局稳定。深入开展反分裂斗争。'].join('\n');
  assert.deepEqual(heads(text), ['1 三、2026年重点工作', '2 （一）立足长治久安，建设更高水平平安西藏', '3 坚决维护社会大局稳定。']);
});

test('a numbered line of one long sentence alone is a heading, the whole line', () => {
  const line = '一、维护世界和平是我国对外政策的主要目标，我们要坚持不懈地为缓和国际紧张局势、停止军备竞赛、促进实现裁军、防止世界战争而努力。';
  assert.deepEqual(heads([line, '中国要和平，不要战争。我们需要和平的环境。'].join('\n')), [`1 ${line}`]);
});

test('series openings: a figure makes one data, a copula after a comma a statement; stances are no lead-ins', () => {
  const text = [
    '二、我们的任务',
    '一九五九年是执行第二个五年计划的第二年。我们要继续努力。',
    '一九五九年的国民经济计划，是一个继续大跃进的计划。计划规定了各项指标。',
    '一九五九年基本建设投资总额，拟定为二百七十亿元，比上年增长百分之二十六。其中重点建设占多数。',
    '中国赞同核裁军应与常规裁军结合进行的主张。我们一贯主张全面禁止核武器。',
  ].join('\n');
  assert.deepEqual(heads(text), ['1 二、我们的任务']);
});

test('a photo caption ending in 摄影 is a caption, not a lead-in', () => {
  const text = ['一、工作回顾', '新区建设现场。记者 王强 摄影', '全区经济稳中有进。地区生产总值增长5%。'].join('\n');
  assert.deepEqual(heads(text), ['1 一、工作回顾', '3 全区经济稳中有进。']);
  assert.deepEqual(
    parseStructure(text).captions.map((c) => c.kind),
    ['caption'],
  );
});
