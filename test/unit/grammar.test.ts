// The TextMate grammar VS Code loads (dist/govreport.tmLanguage.json, made by the build from
// syntaxes/govreport.tmLanguage.json), tokenized with vscode-textmate + vscode-oniguruma as VS Code does: every
// figure kind gets its scope on exactly its span, exclusions stay plain, headings, captions and bylines are
// recognised, whole corpus files tokenize without pathological backtracking. (The grammar file and its merging:
// grammarMerge.test.ts.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StateStack } from 'vscode-textmate';
import { corpusText } from './corpus';
import { ADVERSARIAL_LINES, dumpTokens, hasScope, loadGrammar, spans, tokenizeLine, tokensOf, type Token } from './grammarHelper';

const S = {
  currency: 'constant.numeric.currency.govreport',
  area: 'constant.numeric.area.govreport',
  length: 'constant.numeric.length.govreport',
  mass: 'constant.numeric.mass.govreport',
  volume: 'constant.numeric.volume.govreport',
  energy: 'constant.numeric.energy.govreport',
  percent: 'constant.numeric.percent.govreport',
  pp: 'constant.numeric.percentage-point.govreport',
  count: 'constant.numeric.count.govreport',
  duration: 'constant.numeric.duration.govreport',
  rank: 'constant.numeric.rank.govreport',
  fraction: 'constant.numeric.fraction.govreport',
  numeric: 'constant.numeric',
  unit: 'keyword.other.unit.govreport',
  magnitude: 'keyword.other.unit.magnitude.govreport',
  approx: 'keyword.other.approx.govreport',
  growth: 'markup.inserted.growth.govreport',
  decline: 'markup.deleted.decline.govreport',
  comparison: 'keyword.other.comparison.govreport',
  date: 'constant.other.date.govreport',
  time: 'constant.other.time.govreport',
  h0: 'markup.heading.0.govreport',
  h1: 'markup.heading.1.govreport',
  h2: 'markup.heading.2.govreport',
  h3: 'markup.heading.3.govreport',
  heading: 'markup.heading',
  section: 'entity.name.section.govreport',
  headingMarker: 'punctuation.definition.heading.govreport',
  dq: 'string.quoted.double.govreport',
  title: 'string.quoted.other.title.govreport',
  caption: 'comment.line.caption.govreport',
  byline: 'comment.line.byline.govreport',
  bylineInline: 'comment.block.byline.govreport',
  boilerplate: 'comment.line.boilerplate.govreport',
} as const;

async function tokens(line: string): Promise<Token[]> {
  return tokenizeLine(await loadGrammar(), line).tokens;
}

/** `text` is exactly one span scoped `scope` in `line` (nothing before or after it in the same scope). */
async function expectSpan(line: string, text: string, scope: string): Promise<void> {
  const t = await tokens(line);
  assert.ok(spans(t, scope).includes(text), `expected “${text}” as a ${scope} span in: ${line}\n${dumpTokens(t)}`);
}

/** Every character of `text` carries `scope` (the span may be longer). */
async function expectInside(line: string, text: string, scope: string, occurrence = 0): Promise<void> {
  const t = await tokens(line);
  const covered = tokensOf(t, line, text, occurrence);
  assert.ok(covered.length > 0 && covered.every((x) => hasScope(x, scope)), `expected “${text}” inside ${scope}: ${line}\n${dumpTokens(t)}`);
}

/** No character of `text` carries `scope`. */
async function expectNot(line: string, text: string, scope: string, occurrence = 0): Promise<void> {
  const t = await tokens(line);
  const bad = tokensOf(t, line, text, occurrence).filter((x) => hasScope(x, scope));
  assert.equal(bad.length, 0, `expected “${text}” not ${scope}: ${line}\n${dumpTokens(t)}`);
}

function corpusLine(file: string, containing: string): string {
  const line = corpusText(file).split(/\r?\n/).find((l) => l.includes(containing));
  assert.ok(line, `${file} has a line with ${containing}`);
  return line;
}

type SpanCase = [line: string, text: string, scope: string];

describe('figures get their kind on exactly their span', () => {
  const cases: SpanCase[] = [
    // currency
    ['一般公共预算收入完成51593万元，同比(下同)增长34.2%', '51593万元', S.currency],
    ['万达广场仅开业一个月时间累计营业额就达1.05亿元', '1.05亿元', S.currency],
    ['外资2.39亿美元,均超额完成目标任务', '2.39亿美元', S.currency],
    ['实际使用境外资金30万美元，到位省外资金7亿元', '30万美元', S.currency],
    ['城乡居民基本医保财政补助标准增加到人均280元', '280元', S.currency],
    ['国内生产总值达到56.9万亿元，比上年增长7.7%', '56.9万亿元', S.currency],
    ['全国居民人均可支配收入新增4万多亿元', '4万多亿元', S.currency],
    ['完成投资１２３４万元', '１２３４万元', S.currency],
    ['全年完成税收53亿元左右', '53亿元左右', S.currency],
    // area, length, mass, volume, energy
    ['新增集中供热面积40万平方米', '40万平方米', S.area],
    ['流转土地5200亩，新增造林300公顷', '5200亩', S.area],
    ['流转土地5200亩，新增造林300公顷', '300公顷', S.area],
    ['规划面积12.5平方公里', '12.5平方公里', S.area],
    ['建成滨河慢行系统20公里', '20公里', S.length],
    ['改造农村公路13.6公里、农村公厕6座', '13.6公里', S.length],
    ['新建高速公路1900公里', '1900公里', S.length],
    ['年处理固废450吨', '450吨', S.mass],
    ['淘汰落后钢铁产能2700万吨', '2700万吨', S.mass],
    ['日处理污水5万立方米', '5万立方米', S.volume],
    ['新增装机容量12万千瓦', '12万千瓦', S.energy],
    ['年发电量3000万千瓦时', '3000万千瓦时', S.energy],
    // percent and percentage points
    ['税收收入完成46181万元，增长37.1%', '37.1%', S.percent],
    ['城镇新增就业人数达到年度目标任务的206.2％', '206.2％', S.percent],
    ['力争降低百分之十', '百分之十', S.percent],
    ['国内生产总值增长7%左右', '7%左右', S.percent],
    // a range is one figure
    ['增幅控制在3-5%', '3-5%', S.percent],
    ['国内生产总值增长6%－6.5%', '6%－6.5%', S.percent],
    ['国内生产总值增长6%至6.5%', '6%至6.5%', S.percent],
    ['国内生产总值增长6.5%-7%', '6.5%-7%', S.percent],
    ['地区生产总值增长4.5%—5%', '4.5%—5%', S.percent],
    ['提高5到8个百分点', '5到8个百分点', S.pp],
    ['用3至5年时间', '3至5年', 'constant.numeric.range.govreport'],
    ['每户补助1万-5万元', '1万-5万元', 'constant.numeric.range.govreport'],
    ['吸纳就业10万—20万人', '10万—20万人', 'constant.numeric.range.govreport'],
    ['培训1-2万人', '1-2万人', 'constant.numeric.range.govreport'],
    ['较上年提高6.6个百分点', '6.6个百分点', S.pp],
    ['分别下降4.2和0.7个百分点', '4.2', S.pp],
    ['分别下降4.2和0.7个百分点', '0.7个百分点', S.pp],
    // counts
    ['新签约项目12个、引进企业12家', '12家', S.count],
    ['接待顾客331.7万人次', '331.7万人次', S.count],
    ['引进金融类企业二十多家', '二十多家', S.count],
    ['开展专项督导十余次', '十余次', S.count],
    ['组织1300余名机关党员', '1300余名', S.count],
    ['开展集中宣讲85轮', '85轮', S.count],
    ['惠及1240万农村人口', '1240万', S.count],
    ['新解决农村6300多万人饮水安全问题', '6300多万人', S.count],
    // durations
    ['社会消费品零售总额连续16年位居全市第一', '16年', S.duration],
    ['实施基础教育高质量发展三年行动', '三年', S.duration],
    ['县级干部分包督导、24小时攻坚调度', '24小时', S.duration],
    ['今年前8个月，新华区', '8个月', S.duration],
    // ranks
    ['增速均位居全市第一。', '第一', S.rank],
    ['增长8.2%,居八城区第三;', '第三', S.rank],
    ['空气质量排名居城区前三。', '前三', S.rank],
    ['跻身全国百强区和全省十强', '十强', S.rank],
    ['始终将党的政治建设摆在首位', '首位', S.rank],
    ['创设全省首家“办不成事”反映窗口', '全省首家', S.rank],
    ['吸引世界500强企业落户', '500强', S.rank],
    ['经济总量居世界第二位，', '第二位', S.rank],
    // fractions (kind other)
    ['专项资金减少1/3以上', '1/3', S.fraction],
    ['中央预算内投资减少三分之一', '三分之一', S.fraction],
    // growth, decline, comparison
    ['同比增长12.3%', '同比增长', S.growth],
    ['一般公共预算收入增长7.5%', '增长', S.growth],
    ['城镇化率提高1.2个百分点', '提高', S.growth],
    ['服务业比重上升到63%', '上升', S.growth],
    ['能源消耗强度下降3.7%', '下降', S.decline],
    ['农村贫困人口减少1650万人', '减少', S.decline],
    ['贫困发生率降低至0.01%', '降低', S.decline],
    ['中央财政收入一度出现负增长', '负增长', S.decline],
    ['同比(下同)增长34.2%', '同比', S.comparison],
    ['环比下降2%', '环比下降', S.decline],
    // approximation markers: outside the span before it, inside it after it
    ['组织约30万名群众参与', '约', S.approx],
    ['组织约30万名群众参与', '30万名', S.count],
    ['粮食产量超过1.2万亿斤', '超过', S.approx],
    ['粮食产量超过1.2万亿斤', '1.2万亿斤', S.mass],
    ['旅游综合收入近150亿元', '近', S.approx],
    ['纳税超100万元的企业', '超', S.approx],
  ];
  for (const [line, text, scope] of cases) {
    test(`${text} → ${scope.replace('.govreport', '')}  (${line})`, () => expectSpan(line, text, scope));
  }

  test('the unit and magnitude inside a figure are keyword.other.unit, 余/多/左右 keyword.other.approx', async () => {
    await expectSpan('完成51593万元', '元', S.unit);
    await expectSpan('完成51593万元', '万', S.magnitude);
    await expectSpan('引进1300余名', '余', S.approx);
    await expectSpan('增长7%左右', '左右', S.approx);
    await expectNot('组织约30万名群众参与', '约', S.count);
  });

  test('a figure after a character outside the BMP keeps its span (UTF-16 offsets)', () =>
    expectSpan('𡌶村新建道路3条，投资𡌶200万元', '200万元', S.currency));
});

describe('kinds do not bleed into each other', () => {
  const cases: SpanCase[] = [
    ['提高6.6个百分点', '6.6个百分点', S.percent],
    ['提高6.6个百分点', '6.6个百分点', S.count],
    ['2024年,西城区', '2024年', S.duration],
    ['2024年,西城区', '2024年', S.count],
    ['规划面积12.5平方公里', '12.5平方公里', S.length],
    ['今年前8个月', '8个月', S.count],
    ['今年前8个月', '前8', S.rank],
    ['签约3个项目', '签约', S.approx],
    ['力争降低百分之十', '百分之十', S.fraction],
    ['规模以上工业增加值增长8.4%', '增加值', S.growth],
    ['培育新的增长点', '增长点', S.growth],
    ['城乡二元结构', '二元', S.currency],
    ['发展2020/7/14', '2020/7/14', S.fraction],
  ];
  for (const [line, text, scope] of cases) {
    test(`${text} is not ${scope.replace('.govreport', '')}  (${line})`, () => expectNot(line, text, scope));
  }
});

describe('dates and times', () => {
  const cases: SpanCase[] = [
    ['2024年,西城区在市委、市政府的坚强引领下', '2024年', S.date],
    ['——2020年5月22日在西工区第十四届人民代表大会', '2020年5月22日', S.date],
    ['活动于8月9日至12日举行', '8月9日至12日', S.date],
    ['发表于 2020-7-14 10:33:28 | 显示全部楼层', '2020-7-14', S.date],
    ['发表于 2020-7-14 10:33:28 | 显示全部楼层', '10:33:28', S.time],
    ['完成工业园区2020—2030年发展规划', '2020—2030年', S.date],
    ['从5月1日起，将试点范围扩大到建筑业', '5月1日', S.date],
  ];
  for (const [line, text, scope] of cases) {
    test(`${text} → ${scope.replace('.govreport', '')}`, () => expectSpan(line, text, scope));
  }
  test('a date is not a figure', async () => {
    await expectNot('2020年5月22日在西工区', '2020年5月22日', S.numeric);
    await expectNot('活动于8月9日至12日举行', '8月9日至12日', S.numeric);
  });
});

describe('exclusions: names and slogans with numbers are not figures', () => {
  const cases: [line: string, text: string][] = [
    ['动态谋划入库“十四五”项目245个', '十四五'],
    ['坚持“1251”发展思路', '1251'],
    ['建成5G基站300个', '5G'],
    ['认真组织开展党的二十大集中宣讲', '二十大'],
    ['深入学习贯彻党的十九届六中全会精神', '十九届六中全会'],
    ['南水北调东线一期工程提前通水', '一期工程'],
    ['确保PM2.5年均浓度控制在54微克/立方米以下', 'PM2.5'],
    ['中食数联等一批大项目签约落地', '一批'],
    ['采取一系列既利当前、更惠长远的举措', '一系列'],
    ['第一时间响应群众诉求', '第一时间'],
    ['荣获省科技进步一等奖', '一等奖'],
    ['加快地铁1号线3期建设', '1号线3期'],
    ['增强四个意识、坚定四个自信', '四个意识'],
    ['第十二届全国人民代表大会第二次会议', '第二次会议'],
    ['市十三届人大二次会议', '二次会议'],
    ['推进区域一体化发展', '一体化'],
    ['千方百计稳定经济运行', '千方百计'],
    ['让幸福伞稳稳撑在百姓心上', '百姓'],
    ['十三五期间主要目标', '十三五'],
    ['加快安置房二期建设', '二期'],
    ['一年来，我们稳增量、提质量', '一年'],
    ['出台《中国制造2025》实施意见', '2025'],
  ];
  for (const [line, text] of cases) {
    test(`${text} stays plain  (${line})`, () => expectNot(line, text, S.numeric));
  }
  test('quoted text is string.quoted.double and the figures around it still count', async () => {
    await expectInside('动态谋划入库“十四五”项目245个', '十四五', S.dq);
    await expectSpan('动态谋划入库“十四五”项目245个', '245个', S.count);
    await expectInside('特色商业区连续六年位列全省"十强"', '十强', 'string.quoted.double');
    await expectNot('特色商业区连续六年位列全省"十强"', '十强', S.rank);
    await expectInside('出台《中国制造2025》实施意见', '中国制造2025', S.title);
  });
});

describe('headings', () => {
  test('level 0: the report title', async () => {
    await expectInside('    2020年洛阳市西工区政府工作报告', '2020年洛阳市西工区政府工作报告', S.h0);
    await expectInside('1964年国务院政府工作报告（摘要）', '1964年国务院政府工作报告（摘要）', S.h0);
  });
  test('level 1: 一、… with the marker as punctuation and a date inside', async () => {
    const line = '    一、2019年工作回顾';
    await expectSpan(line, '一、2019年工作回顾', S.h1);
    await expectSpan(line, '一、', S.headingMarker);
    await expectSpan(line, '2019年工作回顾', S.section);
    await expectSpan(line, '2019年', S.date);
  });
  test('level 1: a feature title of parallel phrases, not a name line', async () => {
    await expectSpan('对标对表讲政治 筑牢发展压舱石', '对标对表讲政治 筑牢发展压舱石', S.h1);
    await expectNot('西工区人民政府代理区长  史千灵', '史千灵', S.heading);
  });
  test('level 2: （一）… and (一)… up to the first 。', async () => {
    await expectSpan('    （一）推动重要领域改革取得新突破。', '（一）推动重要领域改革取得新突破。', S.h2);
    const line = '　　(一)稳定和完善宏观经济政策，保持经济运行在合理区间。我们宏观调控';
    await expectSpan(line, '(一)稳定和完善宏观经济政策，保持经济运行在合理区间。', S.h2);
    await expectNot(line, '我们宏观调控', S.heading);
  });
  test('level 3: 一是/二是 lead-ins at a line start; mid-paragraph only the marker word', async () => {
    await expectInside('    一是做深项目谋划。对标市委书记', '一是做深项目谋划。', S.h3);
    await expectSpan('    一是做深项目谋划。对标市委书记', '一是', S.headingMarker);
    const line = '项目建设实现新突破。一是做深项目谋划。对标市委书记。二是做实项目推进。4个省';
    await expectSpan(line, '一是', 'keyword.other.lead-in');
    await expectSpan(line, '二是', 'keyword.other.lead-in');
    await expectNot(line, '做深项目谋划', S.heading);
    await expectNot(line, '做实项目推进', S.heading);
    await expectNot(line, '对标市委书记', S.heading);
    await expectNot('坚持全国一盘棋，统一是前提', '一是', S.heading);
    await expectNot('坚持全国一盘棋，统一是前提', '一是', 'keyword.other.lead-in');
  });
  test('level 3: 第一，…, ——… lead-ins and short lead-in sentences', async () => {
    await expectSpan('    第一，向深化改革要动力。改革是', '第一，向深化改革要动力。', S.h3);
    await expectSpan('    ——经济运行稳中向好。国内生产总值达到56.9万亿元', '——经济运行稳中向好。', S.h3);
    await expectSpan('招商开放成效显著。新签约项目12个', '招商开放成效显著。', S.h3);
    await expectSpan('招商开放成效显著。新签约项目12个', '12个', S.count);
  });
  test('a dash subtitle without 。 is not a heading', () =>
    expectNot('——2014年3月5日在第十二届全国人民代表大会第二次会议上', '在第十二届', S.heading));
});

describe('captions, bylines and page chrome are comments', () => {
  test('photo caption ending in 摄 (corpus 003)', async () => {
    const line = corpusLine('003_89d403a9849428ca.txt', '姜涛 摄');
    await expectInside(line, line.trim(), S.caption);
    await expectNot(line, line.trim(), S.heading);
  });
  test('本版图片由…提供 and …效果图 (corpus 001)', async () => {
    await expectInside('本版图片由西城区管委会提供', '本版图片由西城区管委会提供', S.caption);
    await expectInside('漯河市大数据产业园效果图', '漯河市大数据产业园效果图', S.caption);
  });
  test('■文/ byline and 版式/ credit (corpus 000)', async () => {
    await expectInside('■文/娄晓榕 包宇涵 图/本报记者 焦海洋', '娄晓榕', S.byline);
    await expectInside('版式/李树森', '李树森', S.byline);
    await expectInside('工作取得实效(通讯员 王小明)', '(通讯员 王小明)', S.bylineInline);
  });
  test('forum boilerplate is a comment; its timestamp still reads as a date', async () => {
    await expectInside('设为首页收藏本站', '设为首页收藏本站', S.boilerplate);
    const line = '    发表于 2020-7-14 10:33:28 | 显示全部楼层 |阅读模式';
    await expectInside(line, '显示全部楼层', S.boilerplate);
    await expectSpan(line, '2020-7-14', S.date);
  });
});

describe('real corpus lines', () => {
  test('西工区 2019 review line: money, percent, rank, growth', async () => {
    const line = corpusLine('002_395ec08d707c8053.txt', '305.8亿元');
    const t = await tokens(line);
    assert.deepEqual(spans(t, S.currency).slice(0, 3), ['305.8亿元', '18.1亿元', '16.7亿元']);
    assert.deepEqual(spans(t, S.percent).slice(0, 3), ['8.9%', '8.2%', '10.2%']);
    assert.ok(spans(t, S.rank).includes('第二'), dumpTokens(t));
    assert.ok(spans(t, S.duration).includes('16年'), dumpTokens(t));
    assert.ok(spans(t, S.growth).length >= 5, dumpTokens(t));
  });
  test('national 2014: 56.9万亿元, 7.7%, 1310万人, 4万亿美元', async () => {
    const line = corpusLine('national-2014.txt', '56.9万亿元');
    const t = await tokens(line);
    assert.ok(spans(t, S.h3).includes('——经济运行稳中向好。'), dumpTokens(t));
    assert.ok(spans(t, S.currency).includes('56.9万亿元'), dumpTokens(t));
    assert.ok(spans(t, S.currency).includes('4万亿美元'), dumpTokens(t));
    assert.ok(spans(t, S.percent).includes('7.7%'), dumpTokens(t));
    assert.ok(spans(t, S.count).includes('1310万人'), dumpTokens(t));
  });
  test('corpus 000: quoted slogans are strings, 10万余人次 a count', async () => {
    const line = corpusLine('000_1e31b28fa2d96c08.txt', '基层堡垒不断夯实');
    const t = await tokens(line);
    assert.ok(spans(t, S.count).includes('10万余人次'), dumpTokens(t));
    assert.ok(spans(t, S.percent).includes('70%'), dumpTokens(t));
    await expectNot(line, '四个100', S.numeric);
  });
});

describe('performance guard', () => {
  const files = ['000_1e31b28fa2d96c08.txt', '001_644dbfd378649ff3.txt', '002_395ec08d707c8053.txt', '003_89d403a9849428ca.txt', 'national-2014.txt', 'national-2016.txt'];
  test('whole corpus files tokenize line by line without catastrophic backtracking', { timeout: 120_000 }, async () => {
    const grammar = await loadGrammar();
    for (const file of files) {
      const lines = corpusText(file).split(/\r?\n/);
      let state: StateStack | undefined;
      let slowest = { ms: 0, line: 0 };
      const t0 = performance.now();
      let figures = 0;
      for (let i = 0; i < lines.length; i++) {
        const s = performance.now();
        const r = tokenizeLine(grammar, lines[i], state);
        state = r.state;
        const ms = performance.now() - s;
        if (ms > slowest.ms) slowest = { ms, line: i + 1 };
        figures += spans(r.tokens, S.numeric).length;
        assert.equal(r.tokens.map((x) => x.text).join(''), lines[i], `${file}:${i + 1} tokens cover the line`);
      }
      console.log(
        `grammar: ${file} ${lines.length} lines in ${(performance.now() - t0).toFixed(1)} ms, slowest line ${slowest.line} ${slowest.ms.toFixed(2)} ms, ${figures} figure spans`,
      );
    }
  });
  test('adversarial lines (long digit runs, numerals, unclosed quotes, repeated markers) finish', { timeout: 120_000 }, async () => {
    const grammar = await loadGrammar();
    for (const line of ADVERSARIAL_LINES) {
      const s = performance.now();
      const r = tokenizeLine(grammar, line);
      assert.equal(r.tokens.map((x) => x.text).join(''), line);
      console.log(`grammar: adversarial ${JSON.stringify(line.slice(0, 12))}… ${line.length} chars in ${(performance.now() - s).toFixed(1)} ms`);
    }
  });
});
