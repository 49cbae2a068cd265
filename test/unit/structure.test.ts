// Sections, paragraphs and captions (spec.md, "Sections"). Expectations were written by reading the
// corpus texts, not by running the parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStructure, type DocumentStructure } from '../../src/core/structure';
import type { Section } from '../../src/core/types';
import { corpusText } from './corpus';

const R002 = '002_395ec08d707c8053.txt';
const R000 = '000_1e31b28fa2d96c08.txt';
const R001 = '001_644dbfd378649ff3.txt';
const R003 = '003_89d403a9849428ca.txt';

const titles = (s: DocumentStructure, level: number, parent?: Section) =>
  s.sections.filter((x) => x.level === level && (!parent || x.parentId === parent.id)).map((x) => x.title);
const section = (s: DocumentStructure, title: string) => {
  const found = s.sections.find((x) => x.title === title);
  assert.ok(found, `no section ${title}`);
  return found;
};
const paragraphTexts = (text: string, s: DocumentStructure) => s.paragraphs.map((p) => text.slice(p.range.start, p.range.end));

/** Invariants every parse keeps: spans match the text, ids run in order, ranges nest. */
function checkInvariants(text: string, s: DocumentStructure): void {
  s.sections.forEach((x, i) => {
    assert.equal(x.id, `s${i + 1}`);
    assert.equal(text.slice(x.heading.start, x.heading.end), x.title);
    assert.equal(x.title, x.title.trim());
    assert.ok(x.range.start === x.heading.start && x.range.end >= x.heading.end && x.range.end <= text.length);
    if (x.parentId) {
      const parent = s.sections.find((p) => p.id === x.parentId)!;
      assert.ok(parent.level < x.level, `${x.id} is deeper than its parent`);
      assert.ok(parent.range.start <= x.range.start && x.range.end <= parent.range.end, `${x.id} lies inside its parent`);
    }
  });
  let last = -1;
  s.paragraphs.forEach((p, i) => {
    assert.equal(p.id, `p${i + 1}`);
    const body = text.slice(p.range.start, p.range.end);
    assert.ok(body.length > 0 && body === body.trim(), `p${i + 1} is trimmed`);
    assert.ok(p.range.start > last, 'paragraphs are in order');
    last = p.range.end;
    if (p.sectionId) {
      const sec = s.sections.find((x) => x.id === p.sectionId)!;
      assert.ok(sec.range.start <= p.range.start && p.range.start < sec.range.end);
    }
  });
  for (const c of s.captions) assert.equal(text.slice(c.range.start, c.range.end), c.text);
}

test('work report 002: title after the forum header, numbered headings, lead-ins', () => {
  const text = corpusText(R002);
  const s = parseStructure(text);
  checkInvariants(text, s);

  assert.equal(s.title, '2020年洛阳市西工区政府工作报告');
  const root = s.sections[0];
  assert.equal(root.level, 0);
  assert.equal(root.parentId, undefined);
  // The real title line, not the forum's copy in "[河南] 2020年…".
  assert.equal(root.heading.start, text.indexOf('2020年洛阳市西工区政府工作报告', text.indexOf('本帖最后由')));
  assert.equal(root.range.end, text.length);

  assert.deepEqual(titles(s, 1), ['一、2019年工作回顾', '二、2020年总体工作部署', '三、2020年重点工作', '四、努力建设人民满意的服务型政府']);
  assert.ok(s.sections.filter((x) => x.level === 1).every((x) => x.parentId === root.id));
  const review = section(s, '一、2019年工作回顾');
  assert.equal(review.range.end, section(s, '二、2020年总体工作部署').heading.start);

  const tasks = section(s, '三、2020年重点工作');
  assert.deepEqual(titles(s, 2, tasks), [
    '(一)全力抓好经济运行,在对冲疫情、补欠稳增上谋取新突破',
    '(二)全力实施“商务强区”战略,在洛阳建设区域经济中心中实现新作为',
    '(三)全力实施“工业强区”战略,在洛阳建设全国先进制造业基地中展现新担当',
    '(四)全力实施“文旅强区”战略,在洛阳建设国际人文交往中心中培育新优势',
    '(五)全力打赢三大攻坚战,在补齐发展短板上夺取新胜利',
    '(六)全力提升城区能级,在洛阳都市圈建设中做出新贡献',
    '(七)全力推进改革开放创新,在深化“三力联动”上积蓄新势能',
    '(八)全力保障和改善民生,在福民惠民上实现新提升',
  ]);
  // (一) headings that run on stop at their first 。
  assert.deepEqual(titles(s, 2, section(s, '四、努力建设人民满意的服务型政府')), [
    '(一)加强政治建设,始终坚持对党忠诚。',
    '(二)加强法治建设,始终坚持依法行政。',
    '(三)加强作风建设,始终坚持勤政为民。',
    '(四)加强廉政建设,始终坚持廉洁从政。',
  ]);
  const economy = section(s, '(一)全力抓好经济运行,在对冲疫情、补欠稳增上谋取新突破');
  assert.deepEqual(titles(s, 3, economy), ['狠抓重点项目建设。', '狠抓消费促进行动。', '狠抓营商环境优化。']);
  assert.deepEqual(titles(s, 3, section(s, '(四)全力实施“文旅强区”战略,在洛阳建设国际人文交往中心中培育新优势')), [
    '打造精品线路,做强“历史文化游”。',
    '提升休闲体验,做特“红山生态游”。',
    '加强文旅融合,做活“都市商务游”。',
  ]);
  // The review's 一年来,我们…。 series names each paragraph's subject (spec.md level 3; this test used to say
  // otherwise); a narrative opening on its own (2019年是…, 各位代表,一年来,…) is not a lead-in.
  assert.deepEqual(titles(s, 3, review), [
    '一年来,我们稳增量、提质量,经济运行稳中向好。',
    '一年来,我们强根基、育优势,转型升级成效显著。',
    '一年来,我们抓统筹、补短板,承载能力大幅提升。',
    '一年来,我们强机制、抓攻坚,生态环境明显改善。',
    '一年来,我们抓改革、促开放,发展势能更加强劲。',
    '一年来,我们惠民生、保稳定,群众获得感不断提高。',
    '一年来,我们转作风、提效能,自身建设持续加强。',
  ]);
  assert.ok(!s.sections.some((x) => x.title.startsWith('2019年是') || x.title.startsWith('各位代表')));

  // Paragraphs: a heading line is a paragraph of its own section; body text belongs to the deepest section.
  const paras = paragraphTexts(text, s);
  assert.equal(paras[0], '2020年洛阳市西工区政府工作报告');
  const headingPara = s.paragraphs[paras.indexOf('一、2019年工作回顾')];
  assert.equal(headingPara.sectionId, review.id);
  const lead = s.paragraphs[paras.findIndex((p) => p.startsWith('狠抓重点项目建设。'))];
  assert.equal(lead.sectionId, section(s, '狠抓重点项目建设。').id);
  const intro = s.paragraphs[paras.findIndex((p) => p.startsWith('统筹疫情防控和经济发展'))];
  assert.equal(intro.sectionId, economy.id);
  const speaker = paras.indexOf('西工区人民政府代理区长\u00a0\u00a0史千灵'); // two no-break spaces inside
  assert.equal(s.paragraphs[speaker].sectionId, root.id);

  // Forum furniture is boilerplate, never a paragraph.
  const boiler = s.captions.filter((c) => c.kind === 'boilerplate').map((c) => c.text);
  for (const b of ['设为首页收藏本站', '[河南] 2020年洛阳市西工区政府工作报告', '[复制链接]', '• 签到天数: 4 天', '快速回复 返回顶部 返回列表']) {
    assert.ok(boiler.includes(b), `${b} is boilerplate`);
  }
  for (const p of paras) assert.ok(!/设为首页|签到天数|快速回复|复制链接|发表于|查看: 1847|Powered by/.test(p), `${p} is not body text`);
  assert.ok(paras[paras.length - 1].startsWith('各位代表!奋斗创造历史'), 'the report ends before the footer');
});

test('news feature 000: stand-alone titles at level 1, lead-ins and 一是… at level 3, byline and captions apart', () => {
  const text = corpusText(R000);
  const s = parseStructure(text);
  checkInvariants(text, s);

  assert.equal(s.title, undefined);
  assert.deepEqual(titles(s, 1), ['对标对表讲政治 筑牢发展压舱石', '众志成城同心干 重点工作成果丰', '全心全意惠民生 撑起群众幸福伞']);
  assert.ok(s.sections.filter((x) => x.level === 1).every((x) => x.parentId === undefined));
  assert.deepEqual(titles(s, 3, section(s, '对标对表讲政治 筑牢发展压舱石')), ['思想引领不断强化。', '基层堡垒不断夯实。', '发展路径不断明晰。']);
  assert.deepEqual(titles(s, 3, section(s, '众志成城同心干 重点工作成果丰')), [
    '招商开放成效显著。',
    '项目建设实现新突破。',
    '一是做深项目谋划。',
    '二是做实项目推进。',
    '三是做好项目保障。',
    '产业创新迈上新起点。',
    '城市名片展现新风采。',
  ]);
  // 一是… inside the paragraph starts a section there.
  const first = section(s, '一是做深项目谋划。');
  assert.equal(first.heading.start, text.indexOf('一是做深项目谋划。'));

  const byKind = (kind: string) => s.captions.filter((c) => c.kind === kind).map((c) => c.text);
  assert.deepEqual(byKind('byline'), ['■文/娄晓榕 包宇涵 图/本报记者 焦海洋', '版式/李树森']);
  assert.ok(byKind('caption').includes('月湾湖公园'));
  assert.ok(byKind('caption').includes('配置丰富功能齐全的西城区'));
  const paras = paragraphTexts(text, s);
  for (const c of s.captions) assert.ok(!paras.includes(c.text));
  assert.ok(paras[0].startsWith('2024年,西城区在市委'));
});

test('news feature 001: headline after the masthead, broken line is not a lead-in, caption list under the story', () => {
  const text = corpusText(R001);
  const s = parseStructure(text);
  checkInvariants(text, s);

  assert.deepEqual(titles(s, 1), ['数智赋能 生态先行 匠心打造宜居宜业宜养之城']);
  assert.deepEqual(titles(s, 3), ['大数据产业加速培育。', '新城“窗口”亮丽出彩。', '项目支撑强劲有力。', '发展动能加快转换。', '民生福祉持续增进。']);
  // "…全面启动大楼魏" / "整村拆迁工作。…" is one sentence broken over two lines.
  const paras = paragraphTexts(text, s);
  const broken = s.paragraphs[paras.findIndex((p) => p.startsWith('整村拆迁工作。'))];
  assert.equal(broken.sectionId, section(s, '项目支撑强劲有力。').id);

  const captions = s.captions.map((c) => `${c.kind}:${c.text}`);
  for (const c of ['byline:■文/包宇涵 版式/付广亚', 'caption:漯河市大数据产业园效果图', 'caption:人力资源服务产业园', 'caption:全国乡村治理示范村——水坑赵村', 'caption:本版图片由西城区管委会提供', 'caption:西城区鸟瞰']) {
    assert.ok(captions.includes(c), c);
  }
  assert.ok(paras.every((p) => p.length > 30 || p === '数智赋能 生态先行 匠心打造宜居宜业宜养之城'));
});

test('news feature 003: comma titles, ——lead-ins, photo captions with 摄 and the reporter byline', () => {
  const text = corpusText(R003);
  const s = parseStructure(text);
  checkInvariants(text, s);

  assert.deepEqual(titles(s, 1), ['以干为先谱新卷 干必出彩奏华章', '坚持党建引领,凝聚奋进合力', '坚持高质量发展,加快产业转型升级', '坚持民生为本,绘就幸福画卷']);
  assert.deepEqual(titles(s, 3, section(s, '坚持党建引领,凝聚奋进合力')), [
    '——突出思想政治建设。',
    '——创新党建引领形式。',
    '——强化队伍建设。',
    '——扛稳管党治党责任。',
  ]);
  assert.deepEqual(titles(s, 3, section(s, '坚持民生为本,绘就幸福画卷')), ['确保城市安全、群众安康。', '推进城乡融合提质。']);
  // An opening like 岁月流金,党旗飘扬。 is not a heading.
  assert.ok(!s.sections.some((x) => x.title.startsWith('岁月流金')));

  const kinds = new Map(s.captions.map((c) => [c.text, c.kind]));
  assert.equal(kinds.get('朝阳社区工作人员和群众合唱《没有共产党就没有新中国》 本报记者 姜涛 摄'), 'caption');
  assert.equal(kinds.get('特色商业区——怡购城片区 岳磊 摄'), 'caption');
  assert.equal(kinds.get('湛河乌江河口公园水清河畅、岸绿景美 岳磊 摄'), 'caption');
  assert.equal(kinds.get('(本报记者 毛玺玺)'), 'byline');
  const paras = paragraphTexts(text, s);
  assert.ok(!paras.some((p) => p.endsWith('摄') || p.includes('毛玺玺')));
});

test('national report 2016: full-width indents, eight (一) headings, two-clause lead-ins, no aphorisms', () => {
  const text = corpusText('national-2016.txt');
  const s = parseStructure(text);
  checkInvariants(text, s);

  assert.equal(s.title, '2016政府工作报告');
  assert.deepEqual(titles(s, 1), ['一、2015年工作回顾', '二、"十三五"时期主要目标任务和重大举措', '三、2016年重点工作']);
  const level2 = titles(s, 2, section(s, '三、2016年重点工作'));
  assert.equal(level2.length, 8);
  assert.equal(level2[0], '(一)稳定和完善宏观经济政策，保持经济运行在合理区间。');
  assert.equal(level2[6], '(七)切实保障改善民生，加强社会建设。');
  const government = section(s, '(八)加强政府自身建设，提高施政能力和服务水平。');
  assert.deepEqual(titles(s, 3, government).slice(0, 3), [
    '坚持依法履职，把政府活动全面纳入法治轨道。',
    '坚持廉洁履职，深入推进反腐倡廉。',
    '坚持勤勉履职，提高执行力和公信力。',
  ]);
  assert.ok(titles(s, 3).includes('——经济运行保持在合理区间。'));
  assert.ok(titles(s, 3).includes('一是着力稳增长调结构防风险，创新宏观调控方式。'));
  for (const not of ['上下同欲者胜。', '今年要重点做好八个方面工作。', '奋斗才能赢得未来。']) {
    assert.ok(!s.sections.some((x) => x.title === not), `${not} is not a heading`);
  }
  // The speaker line is front matter of the report, kept as a paragraph.
  const paras = paragraphTexts(text, s);
  assert.ok(paras.includes('国务院总理 李克强'));
  assert.equal(s.captions.length, 0);
  // Indented with full-width spaces: paragraphs start at the text.
  assert.ok(paras.every((p) => !p.startsWith('　')));
});

test('offsets are UTF-16 indices and stay right after characters outside the BMP (𡌶)', () => {
  const text = '\uFEFF𡌶𡌶村2024年政府工作报告\r\n\r\n一、𡌶村2023年工作回顾\r\n　　(一)建设𡌶村产业园。新建厂房3栋。\r\n　　招商引资成效显著。𡌶村签约项目5个。\r\n(资料图片)\r\n';
  const s = parseStructure(text);
  checkInvariants(text, s);
  assert.equal(s.title, '𡌶𡌶村2024年政府工作报告');
  assert.deepEqual(
    s.sections.map((x) => [x.level, x.title, x.parentId ?? null]),
    [
      [0, '𡌶𡌶村2024年政府工作报告', null],
      [1, '一、𡌶村2023年工作回顾', 's1'],
      [2, '(一)建设𡌶村产业园。', 's2'],
      [3, '招商引资成效显著。', 's3'],
    ],
  );
  assert.equal(s.sections[0].heading.start, 1); // after the BOM
  assert.equal(s.sections[0].heading.end, 1 + '𡌶𡌶村2024年政府工作报告'.length); // 𡌶 counts two
  assert.equal(s.sections[2].heading.start, text.indexOf('(一)'));
  assert.deepEqual(paragraphTexts(text, s), [
    '𡌶𡌶村2024年政府工作报告',
    '一、𡌶村2023年工作回顾',
    '(一)建设𡌶村产业园。新建厂房3栋。',
    '招商引资成效显著。𡌶村签约项目5个。',
  ]);
  assert.deepEqual(s.captions, [{ kind: 'caption', text: '(资料图片)', range: { start: text.indexOf('(资料'), end: text.indexOf('(资料') + 6 } }]);
});

test('empty and blank texts have no structure', () => {
  for (const t of ['', '\n\n', '　 \r\n\t']) assert.deepEqual(parseStructure(t), { sections: [], paragraphs: [], captions: [] });
});

test('a 2 MB text (one report 40 times) keeps every paragraph and one title', () => {
  const one = corpusText('national-2014.txt');
  const many = Array.from({ length: 40 }, () => one).join('\n'); // ~2 MB
  const s = parseStructure(many);
  const single = parseStructure(one);
  assert.equal(s.paragraphs.length, single.paragraphs.length * 40);
  // Only the first copy's title is the report's title; later copies are stand-alone lines.
  assert.equal(s.sections.filter((x) => x.level === 0).length, 1);
});

test('a title with a note of what the text is: （摘要）', () => {
  const text = '\n1964年国务院政府工作报告（摘要）\n\n一、国民经济的成就\n\n调整国民经济的任务已经基本完成。\n';
  const s = parseStructure(text);
  checkInvariants(text, s);
  assert.equal(s.title, '1964年国务院政府工作报告（摘要）');
  assert.deepEqual(titles(s, 1), ['一、国民经济的成就']);
  // A headline about the session stays one with the note: …作政府工作报告（摘要） is no title.
  assert.equal(parseStructure('\n周恩来总理在第三届全国人民代表大会第一次会议上作政府工作报告（摘要）\n\n一、国民经济的成就\n').title, undefined);
});
