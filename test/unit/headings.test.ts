// Heading classes of older reports and news pages (spec.md, "Sections"), each on a small input that shows
// it, and structure on messy pages built from the corpus-local texts (web-page navigation, no title, a news
// page about the session).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { HEAD_CHARS, looksLikeReport } from '../../src/core/detection';
import { parseStructure } from '../../src/core/structure';
import { CORPUS_DIR } from './corpus';

const heads = (text: string) => parseStructure(text).sections.map((s) => `${s.level} ${s.title}`);
const captions = (text: string) => parseStructure(text).captions.map((c) => `${c.kind}:${c.text}`);
const LOCAL_DIR = resolve(CORPUS_DIR, '..', 'corpus-local');
const local = (name: string) => readFileSync(resolve(LOCAL_DIR, name), 'utf8');

const body = '今年以来，全区上下攻坚克难，新建厂房12栋，签约项目8个。各项工作取得新进展。';

test('news sub-titles: a short line between paragraphs is level 1, also when it opens with a year', () => {
  const text = ['区政府召开全体会议', body, '2022年政府工作回顾', body, '阔步迈上新征程', body].join('\n');
  assert.deepEqual(heads(text), ['1 区政府召开全体会议', '1 2022年政府工作回顾', '1 阔步迈上新征程']);
});

test('photo captions and 图片来源 lines are captions, not headings', () => {
  const text = ['数字经济加快发展', body, '图片来源：新华社', body, '小南湖湿地公园', body, '市民在湿地公园休闲健身', body, '产业园鸟瞰效果图', body, '（图片来源：区委宣传部）', body].join('\n');
  assert.deepEqual(heads(text), ['1 数字经济加快发展']);
  for (const c of ['图片来源：新华社', '小南湖湿地公园', '市民在湿地公园休闲健身', '产业园鸟瞰效果图', '（图片来源：区委宣传部）']) {
    assert.ok(captions(text).includes(`caption:${c}`), c);
  }
});

test('一是… inside a paragraph: items of a lead-in paragraph are headings, items of a list after a statement are not', () => {
  const lead = '项目建设实现新突破。一是做深项目谋划。储备项目120个。二是做实项目推进。开工项目45个。';
  const list = '在肯定成绩的同时，我们也看到还有不少问题。一是实体经济动能不足。部分企业减产。二是营商环境有待优化。办事效率不高。';
  assert.deepEqual(heads(['一、工作回顾', lead, list].join('\n')), [
    '1 一、工作回顾',
    '3 项目建设实现新突破。',
    '3 一是做深项目谋划。',
    '3 二是做实项目推进。',
  ]);
  // At a paragraph's start 一是 is a lead-in wherever it stands.
  assert.deepEqual(heads('一是实体经济动能不足。部分企业减产。'), ['3 一是实体经济动能不足。']);
});

test('bare numerals alone on a line and 第一部分 headings are level 1', () => {
  const text = ['1960年政府工作报告', '一', '一九五九年国民经济计划执行得很好。工业总产值增长很快。', '二', body, '第三部分　关于外交工作', body].join('\n');
  assert.deepEqual(heads(text), ['0 1960年政府工作报告', '1 一', '1 二', '1 第三部分　关于外交工作']);
});

test('a spaced title is the report title; a news headline about the report is not', () => {
  assert.deepEqual(heads(['政 府 工 作 报 告', '2017年2月23日在高阳县第十七届人民代表大会第一次会议上', body].join('\n')), ['0 政 府 工 作 报 告']);
  assert.deepEqual(heads(['县长闫向阳作政府工作报告', body].join('\n')), ['1 县长闫向阳作政府工作报告']);
});

test('stand-alone 第一，… lines are level 2 with lead-ins under them; 第一，…。 opening a paragraph is a lead-in', () => {
  const text = [
    '二、关于今年政府工作的建议',
    '第一，进一步稳定和加强农业',
    '农业事关全局，决不能放松农业。粮食产量稳定在一万亿斤。',
    '继续加强农业基础设施建设。水利建设要因地制宜。',
    '第二，深化国有企业改革。',
    '推进重点行业的改革和发展。以纺织行业为突破口。',
    '三、几点体会',
    '第一，坚持解放思想、实事求是的思想路线。改革开放必须从国情出发。',
    '第二，妥善处理改革、发展、稳定的关系。改革是发展的动力。',
  ].join('\n');
  assert.deepEqual(heads(text), [
    '1 二、关于今年政府工作的建议',
    '2 第一，进一步稳定和加强农业',
    '3 继续加强农业基础设施建设。',
    '2 第二，深化国有企业改革。',
    '3 推进重点行业的改革和发展。',
    '1 三、几点体会',
    '3 第一，坚持解放思想、实事求是的思想路线。',
    '3 第二，妥善处理改革、发展、稳定的关系。',
  ]);
  // A line the source broke after 第四， is not a heading.
  assert.deepEqual(heads(['一、任务', '第四，', '合理组织劳动，节约使用劳动力。'].join('\n')), ['1 一、任务']);
});

test('where some 第一，… lines of a part stand alone, the ones that run on are level 2 too', () => {
  const text = ['三、促进国民经济发展', '第一，确保农业稳定增长。', body, '第二，积极推进产业结构的调整。加快发展服务业。', '第三，促进区域经济协调发展。', body].join('\n');
  assert.deepEqual(heads(text).slice(1), ['2 第一，确保农业稳定增长。', '2 第二，积极推进产业结构的调整。', '2 第三，促进区域经济协调发展。']);
});

test('lead-ins without a marker: topic sentences of older reports, series of review openings', () => {
  const text = [
    '一、过去一年工作回顾',
    '一年来，我们稳增量、提质量，经济运行稳中向好。全区生产总值增长6%。',
    '一年来，我们强根基、育优势，转型升级成效显著。新增规上企业12家。',
    '这次宏观调控是从加强农业入手的。主要措施是减免农业税。',
    '国家创新体系和基层科技工作进一步加强。新建重点实验室10个。',
    '注重结构调整，加大对农业、水利和社会事业的投资力度。西气东输管道全线贯通。',
    '以建设疾病预防控制体系为重点，加快公共卫生事业发展。县级疾控中心全部建成。',
    '投资规模的适度增长，是经济持续发展的重要条件。今年投资预定增长10%。',
    '要彻底改变计划经济的传统观念和做法。各级政府要为市场主体服务。',
    '党的十九大描绘了现代化建设的宏伟蓝图。我们要奋力前行。',
  ].join('\n');
  assert.deepEqual(heads(text), [
    '1 一、过去一年工作回顾',
    '3 一年来，我们稳增量、提质量，经济运行稳中向好。',
    '3 一年来，我们强根基、育优势，转型升级成效显著。',
    '3 国家创新体系和基层科技工作进一步加强。',
    '3 注重结构调整，加大对农业、水利和社会事业的投资力度。',
    '3 以建设疾病预防控制体系为重点，加快公共卫生事业发展。',
  ]);
  // One narrative opening alone is not a series.
  assert.deepEqual(heads(['一、回顾', '一年来，我们克难攻坚，取得了新成绩。全区生产总值增长6%。'].join('\n')), ['1 一、回顾']);
  // 是 statements after a series prefix count only in a longer series (这五年是…的五年。 ×3, not １９９１年是… ×2).
  const copula = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}是发展变化第${i + 1}大的五年。具体表现在多个方面。`);
  assert.equal(heads(['一、回顾', ...copula(3, '这五年')].join('\n')).length, 4);
  assert.equal(heads(['一、回顾', ...copula(2, '１９９１年')].join('\n')).length, 1);
});

test('review lead-ins of three or more clauses count in a run of such paragraphs, not alone', () => {
  const review = [
    '以协同发展为统揽，全力服务雄安，主动对接京津，京津保联动发展势头更加强劲。新开工项目58个。',
    '着力打造协同创新共同体，用好三大创新发动机，引领高端发展，创新活力持续迸发。新增高新技术企业80家。',
    '持续打好污染治理组合拳，综合施策，科学防治，生态建设成效显现。空气优良天数增加30天。',
  ];
  assert.equal(heads(['一、回顾', ...review].join('\n')).length, 4);
  assert.equal(heads(['一、回顾', review[0], '2017年，是里程碑意义的一年。各项工作成效明显。'].join('\n')).length, 1);
});

test('a —— date line and the speaker of a report without a title are front matter, not headings or captions', () => {
  const text = ['——2020年5月22日在西工区第十四届人民代表大会第五次会议上', '保定市人民政府市长 李谦', '各位代表：', '现在，我代表区人民政府向大会报告工作。', '一、2019年工作回顾', body].join('\n');
  const s = parseStructure(text);
  assert.deepEqual(heads(text), ['1 一、2019年工作回顾']);
  assert.equal(s.captions.length, 0);
  assert.equal(s.paragraphs.length, 6);
});

test('a numbered heading that runs on after a space ends at the space; spaced digits do not cut it', () => {
  assert.deepEqual(heads('（二）坚持有保有压方针，优化投资结构 积极支持符合国家产业政策的重点项目。全年新开工项目90个。'), [
    '2 （二）坚持有保有压方针，优化投资结构',
  ]);
  assert.deepEqual(heads('二、关于1 9 9 8 年政府工作的建议'), ['1 二、关于1 9 9 8 年政府工作的建议']);
});

test('messy page: a provincial site with navigation before and after the report (corpus-local hebei-2010)', () => {
  const text = local('hebei-2010.txt');
  assert.ok(looksLikeReport(text.slice(0, HEAD_CHARS)));
  const s = parseStructure(text);
  assert.equal(s.title, '政府工作报告');
  const boiler = new Set(s.captions.filter((c) => c.kind === 'boilerplate').map((c) => c.text));
  for (const b of ['中国政府网', '领导之窗', '当前位置：', '>>', '字体：', '繁體中文']) assert.ok(boiler.has(b), b);
  // Navigation is neither a heading nor a paragraph.
  const paras = s.paragraphs.map((p) => text.slice(p.range.start, p.range.end));
  assert.ok(!paras.some((p) => /^(?:中国政府网|领导之窗|首页|政务服务)$/.test(p)));
  assert.ok(s.sections.some((x) => x.level === 1 && x.title === '一、2009年工作回顾'));
  assert.ok(!s.sections.some((x) => /政府网|领导之窗|当前位置/.test(x.title)));
});

test('messy page: a report with no title line starts at its date line (corpus-local baoding-2010)', () => {
  const text = local('baoding-2010.txt');
  assert.ok(looksLikeReport(text.slice(0, HEAD_CHARS)));
  const s = parseStructure(text);
  assert.equal(s.title, undefined);
  const top = s.sections.filter((x) => x.level <= 1).map((x) => x.title);
  assert.deepEqual(top.slice(0, 3), ['一、2009年工作回顾', '二、2010年面临的形势和总体要求', '三、2010年主要工作任务']);
  // The date and speaker lines are the report's front matter: paragraphs, not headings or captions.
  const paras = s.paragraphs.map((p) => text.slice(p.range.start, p.range.end));
  assert.ok(paras[0].startsWith('2010年1月26日在保定市'));
  assert.equal(s.captions.length, 0);
});

test('messy page: a news page about the session, with sub-titles and an editor line (corpus-local baoding-2023)', () => {
  const text = local('baoding-2023.txt');
  assert.ok(looksLikeReport(text.slice(0, HEAD_CHARS)));
  const s = parseStructure(text);
  assert.deepEqual(
    s.sections.filter((x) => x.level === 1).map((x) => x.title),
    ['2022年政府工作回顾', '阔步迈上新征程', '2023年主要工作'],
  );
  assert.equal(s.sections.filter((x) => x.level === 2).length, 10);
  assert.ok(s.captions.some((c) => c.kind === 'boilerplate' && c.text === '（责任编辑：石兰兰）'));
});

test('messy page: a work report page with a photo caption under the date line (corpus-local hebei-2024)', () => {
  const text = local('hebei-2024.txt');
  const s = parseStructure(text);
  assert.ok(s.captions.some((c) => c.kind === 'caption' && c.text === '王正谱作政府工作报告。河北日报记者 霍艳恩 摄'));
  assert.ok(!s.sections.some((x) => x.title.includes('霍艳恩')));
  assert.ok(s.sections.some((x) => x.level === 1 && x.title === '一、2023年工作回顾'));
});
