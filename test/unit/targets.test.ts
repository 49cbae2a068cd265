// Targets and results (spec.md, "Targets and results"): each expectation below was read off the report's text
// by hand (the sentence, its section heading and the report's date line), not copied from the tool's output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import type { DocumentAnalysis, Figure, FigureBound, FigureRole } from '../../src/core/types';
import { CORPUS_DIR } from './corpus';

const SHARED = resolve(CORPUS_DIR, '..');
const analyses = new Map<string, { text: string; analysis: DocumentAnalysis }>();

function analysed(file: string) {
  let a = analyses.get(file);
  if (!a) {
    const text = readFileSync(join(SHARED, file), 'utf8');
    a = { text, analysis: analyzeText(text) };
    analyses.set(file, a);
  }
  return a;
}

/** The figure written `figureText` inside the first occurrence of `at` in `file`. */
function figureIn(file: string, at: string, figureText: string): Figure {
  const { text, analysis } = analysed(file);
  const index = text.indexOf(at);
  assert.ok(index >= 0, `${file} contains ${at}`);
  const start = index + at.indexOf(figureText);
  const f = analysis.figures.find((x) => x.range.start === start);
  assert.ok(f, `a figure at ${figureText} in ${at} (${file})`);
  assert.equal(f.text, figureText, `span in ${at}`);
  return f;
}

interface Expected {
  file: string;
  at: string;
  text: string;
  key: string;
  value: number;
  high?: number;
  bound: FigureBound;
  role?: FigureRole;
  year?: number;
}

const N = (y: number) => (y === 2014 || y === 2016 ? `corpus/national-${y}.txt` : `corpus-national/national-${y}.txt`);
const g = (y: number, at: string, text: string, value: number, bound: FigureBound, role: FigureRole, year: number, key = 'gdp', high?: number): Expected => ({
  file: N(y), at, text, key, value, bound, role, year, ...(high !== undefined && { high }),
});

// The growth target and the growth achieved of the national reports (GNP before 1994, GDP since).
const NATIONAL_GROWTH: Expected[] = [
  g(1989, '按可比价格计算比上年增长１１．２％', '１１．２％', 11.2, 'exact', 'result', 1988, 'gnp'),
  g(1990, '国民生产总值１５６７７亿元，比上年增长百分之三点九', '百分之三点九', 3.9, 'exact', 'result', 1989, 'gnp'),
  g(1990, '今年的国民生产总值比上年增长百分之五', '百分之五', 5, 'exact', 'target', 1990, 'gnp'),
  g(1991, '全年国民生产总值一万七千四百亿元，比上年增长５％', '５％', 5, 'exact', 'result', 1990, 'gnp'),
  g(1991, '国民生产总值增长４．５％', '４．５％', 4.5, 'exact', 'target', 1991, 'gnp'),
  g(1992, '１９９１年国民生产总值比上年增长百分之七', '百分之七', 7, 'exact', 'result', 1991, 'gnp'),
  g(1992, '国民生产总值增长百分之六', '百分之六', 6, 'exact', 'target', 1992, 'gnp'),
  g(1993, '国民生产总值比上年增长百分之十二点八', '百分之十二点八', 12.8, 'exact', 'result', 1992, 'gnp'),
  g(1993, '今年国民生产总值计划增长百分之八', '百分之八', 8, 'exact', 'target', 1993, 'gnp'),
  g(1994, '比上年增长百分之十三点四', '百分之十三点四', 13.4, 'exact', 'result', 1993),
  g(1994, '今年计划国内生产总值增长百分之九', '百分之九', 9, 'exact', 'target', 1994),
  g(1995, '比上年增长百分之十一点八', '百分之十一点八', 11.8, 'exact', 'result', 1994),
  g(1995, '定为百分之八至九', '百分之八至九', 8, 'range', 'target', 1995, 'gdp', 9),
  g(1996, '国内生产总值比上年增长１０．２％', '１０．２％', 10.2, 'exact', 'result', 1995),
  g(1999, '国内生产总值比上年增长7.8％', '7.8％', 7.8, 'exact', 'result', 1998),
  g(1999, '今年的经济增长预期为7％左右', '7％左右', 7, 'about', 'target', 1999),
  g(2001, '国内生产总值2000年达89404亿元', '89404亿元', 89404, 'exact', 'result', 2000),
  g(2002, '比上年增长７．３％', '７．３％', 7.3, 'exact', 'result', 2001),
  g(2003, '今年经济增长预期目标为７％左右', '７％左右', 7, 'about', 'target', 2003),
  g(2004, '国内生产总值比上年增长９．１％', '９．１％', 9.1, 'exact', 'result', 2003),
  g(2004, '中央提出今年经济增长预期目标为７％左右', '７％左右', 7, 'about', 'target', 2004),
  g(2005, '比上年增长9．5％', '9．5％', 9.5, 'exact', 'result', 2004),
  g(2005, '国内生产总值增长8％左右；城镇', '8％左右', 8, 'about', 'target', 2005),
  g(2006, '比上年增长9.9%', '9.9%', 9.9, 'exact', 'result', 2005),
  g(2006, '国内生产总值增长8%左右，单位', '8%左右', 8, 'about', 'target', 2006),
  g(2007, '比上年增长10.7%', '10.7%', 10.7, 'exact', 'result', 2006),
  g(2007, '国内生产总值增长8%左右；城镇新增', '8%左右', 8, 'about', 'target', 2007),
  g(2008, '国内生产总值达到24.66万亿元', '24.66万亿元', 24.66, 'exact', 'result', 2007),
  g(2008, '国内生产总值增长8%左右；居民', '8%左右', 8, 'about', 'target', 2008),
  g(2009, '比上年增长９％', '９％', 9, 'exact', 'result', 2008),
  g(2009, '国内生产总值增长８％左右，经济结构', '８％左右', 8, 'about', 'target', 2009),
  g(2010, '比上年增长８．７％', '８．７％', 8.7, 'exact', 'result', 2009),
  g(2010, '国内生产总值增长８％左右；城镇新增', '８％左右', 8, 'about', 'target', 2010),
  g(2011, '国内生产总值增长10.3%', '10.3%', 10.3, 'exact', 'result', 2010),
  g(2011, '国内生产总值增长8%左右；经济结构', '8%左右', 8, 'about', 'target', 2011),
  g(2012, '比上年增长9．2%', '9．2%', 9.2, 'exact', 'result', 2011),
  g(2012, '国内生产总值增长7．5%；', '7．5%', 7.5, 'exact', 'target', 2012),
  g(2014, '比上年增长7.7%', '7.7%', 7.7, 'exact', 'result', 2013),
  g(2014, '国内生产总值增长7.5%左右', '7.5%左右', 7.5, 'about', 'target', 2014),
  g(2016, '国内生产总值达到67.7万亿元，增长6.9%', '6.9%', 6.9, 'exact', 'result', 2015),
  g(2016, '国内生产总值增长6.5%-7%', '6.5%-7%', 6.5, 'range', 'target', 2016, 'gdp', 7),
];

const P = (name: string) => `corpus-provinces-2026/${name}-2026.txt`;
const X = (file: string, at: string, text: string, key: string, value: number, bound: FigureBound, role?: FigureRole, year?: number, high?: number): Expected => ({
  file, at, text, key, value, bound, ...(role && { role }), ...(year !== undefined && { year }), ...(high !== undefined && { high }),
});
const XIGONG = 'corpus/002_395ec08d707c8053.txt';
const N2014 = 'corpus/national-2014.txt';

// Other indicators, the district report, and the provinces' 2026 targets and 2025 results.
const OTHERS: Expected[] = [
  // 2014 national: the 2013 review and the 2014 plan
  X(N2014, '居民消费价格涨幅控制在2.6%', '2.6%', 'cpi', 2.6, 'exact', 'result', 2013),
  X(N2014, '城镇登记失业率4.1%', '4.1%', 'urbanUnemployment', 4.1, 'exact', 'result', 2013),
  X(N2014, '城镇新增就业1310万人', '1310万人', 'newUrbanJobs', 1310, 'exact', 'result', 2013),
  X(N2014, '进出口总额突破4万亿美元', '4万亿美元', 'foreignTrade', 4, 'atLeast', 'result', 2013),
  X(N2014, '农村居民人均纯收入实际增长9.3%', '9.3%', 'ruralDisposableIncome', 9.3, 'exact', 'result', 2013),
  X(N2014, '农村贫困人口减少1650万人', '1650万人', 'povertyReduction', 1650, 'exact', 'result', 2013),
  X(N2014, '财政收入增长10.1%', '10.1%', 'fiscalRevenue', 10.1, 'exact', 'result', 2013),
  X(N2014, '粮食产量超过1.2万亿斤', '1.2万亿斤', 'grainOutput', 1.2, 'atLeast', 'result', 2013),
  X(N2014, '居民消费价格涨幅控制在3.5%左右', '3.5%左右', 'cpi', 3.5, 'about', 'target', 2014),
  X(N2014, '城镇新增就业1000万人以上', '1000万人', 'newUrbanJobs', 1000, 'atLeast', 'target', 2014),
  X(N2014, '城镇登记失业率控制在4.6%以内', '4.6%', 'urbanUnemployment', 4.6, 'atMost', 'target', 2014),
  X(N2014, '今年拟安排财政赤字13500亿元', '13500亿元', 'fiscalDeficit', 13500, 'exact', 'target', 2014),
  X(N2014, '今年进出口总额预期增长7.5%左右', '7.5%左右', 'foreignTrade', 7.5, 'about', 'target', 2014),
  X(N2014, '今年再减少农村贫困人口1000万人以上', '1000万人', 'povertyReduction', 1000, 'atLeast', 'target', 2014),
  // 2016 national: the 2016 plan
  X('corpus/national-2016.txt', '居民消费价格涨幅3%左右', '3%左右', 'cpi', 3, 'about', 'target', 2016),
  X('corpus/national-2016.txt', '城镇登记失业率4.5%以内', '4.5%', 'urbanUnemployment', 4.5, 'atMost', 'target', 2016),
  // 2020 Xigong district report (一、2019年工作回顾; 2020年…主要预期目标为)
  X(XIGONG, '公共财政预算收入18.1亿元', '18.1亿元', 'fiscalRevenue', 18.1, 'exact', 'result', 2019),
  X(XIGONG, '公共财政预算收入18.1亿元,增长8.2%', '8.2%', 'fiscalRevenue', 8.2, 'exact', 'result', 2019),
  X(XIGONG, '固定资产投资142.5亿元', '142.5亿元', 'fixedAssetInvestment', 142.5, 'exact', 'result', 2019),
  X(XIGONG, '社会消费品零售总额422.7亿元', '422.7亿元', 'retailSales', 422.7, 'exact', 'result', 2019),
  X(XIGONG, '农村居民人均可支配收入1.9万元', '1.9万元', 'ruralDisposableIncome', 1.9, 'exact', 'result', 2019),
  X(XIGONG, '实现外贸进出口11.2亿元', '11.2亿元', 'foreignTrade', 11.2, 'exact', 'result', 2019),
  X(XIGONG, '新增城镇就业1.2万余人', '1.2万余人', 'newUrbanJobs', 1.2, 'atLeast', 'result', 2019),
  X(XIGONG, '地区生产总值增长7.8%', '7.8%', 'gdp', 7.8, 'exact', 'target', 2020),
  X(XIGONG, '一般公共预算收入增长7.5%', '7.5%', 'fiscalRevenue', 7.5, 'exact', 'target', 2020),
  X(XIGONG, '固定资产投资增长11%', '11%', 'fixedAssetInvestment', 11, 'exact', 'target', 2020),
  X(XIGONG, '新增城镇就业1.2万人以上', '1.2万人', 'newUrbanJobs', 1.2, 'atLeast', 'target', 2020),
  // Henan 2026: the 2025 results, the 2026 targets, and a “十五五” target with no single year
  X(P('henan'), '生产总值增长5.6%，规上', '5.6%', 'gdp', 5.6, 'exact', 'result', 2025),
  X(P('henan'), '规上工业增加值增长8.4%，工业投资', '8.4%', 'industrialValueAdded', 8.4, 'exact', 'result', 2025),
  X(P('henan'), '粮食产量1350.97亿斤', '1350.97亿斤', 'grainOutput', 1350.97, 'exact', 'result', 2025),
  X(P('henan'), '城镇新增就业121.7万人', '121.7万人', 'newUrbanJobs', 121.7, 'exact', 'result', 2025),
  X(P('henan'), '经济增长5%左右、在实际', '5%左右', 'gdp', 5, 'about', 'target', 2026),
  X(P('henan'), '城镇新增就业500万人以上', '500万人', 'newUrbanJobs', 500, 'atLeast', 'target'),
  // Provinces' 2026 GDP targets, every bound and range form
  X(P('hebei'), '地区生产总值增长5%以上', '5%', 'gdp', 5, 'atLeast', 'target', 2026),
  X(P('xizang'), '地区生产总值增长7%以上', '7%', 'gdp', 7, 'atLeast', 'target', 2026),
  X(P('heilongjiang'), '地区生产总值增长4.5-5%', '4.5-5%', 'gdp', 4.5, 'range', 'target', 2026, 5),
  X(P('jiangxi'), '地区生产总值增长5%-5.5%', '5%-5.5%', 'gdp', 5, 'range', 'target', 2026, 5.5),
  X(P('shanxi'), '地区生产总值增长4.5%—5%', '4.5%—5%', 'gdp', 4.5, 'range', 'target', 2026, 5),
  X(P('xinjiang'), '主要预期目标是：地区生产总值增长5.5%—6%', '5.5%—6%', 'gdp', 5.5, 'range', 'target', 2026, 6),
  X(P('liaoning'), '地区生产总值增长4.5%左右', '4.5%左右', 'gdp', 4.5, 'about', 'target', 2026),
  // and their 2025 results
  X(P('fujian'), '2025年全省地区生产总值60199.45亿元', '60199.45亿元', 'gdp', 60199.45, 'exact', 'result', 2025),
  X(P('qinghai'), '地区生产总值增长4.1%', '4.1%', 'gdp', 4.1, 'exact', 'result', 2025),
  X(P('shaanxi'), '地区生产总值增长5.1％', '5.1％', 'gdp', 5.1, 'exact', 'result', 2025),
  X(P('shanxi'), '全年GDP增长4%', '4%', 'gdp', 4, 'exact', 'result', 2025),
  X(P('guizhou'), '全省地区生产总值突破2万亿元', '2万亿元', 'gdp', 2, 'atLeast', 'result', 2025),
  // five-year averages have no single year
  X(P('liaoning'), '地区生产总值年均增长4.5%', '4.5%', 'gdp', 4.5, 'exact', 'result'),
];

function check(e: Expected): void {
  const f = figureIn(e.file, e.at, e.text);
  const label = `${e.text} in ${e.at} (${e.file})`;
  assert.equal(f.indicatorKey, e.key, `${label}: indicatorKey`);
  assert.equal(f.value, e.value, `${label}: value`);
  assert.equal(f.high?.value, e.high, `${label}: high`);
  assert.equal(f.bound, e.bound, `${label}: bound`);
  assert.equal(f.role, e.role, `${label}: role`);
  assert.equal(f.year, e.year, `${label}: year`);
}

test(`the GDP (GNP) growth target and result of ${new Set(NATIONAL_GROWTH.map((e) => e.file)).size} national reports`, () => {
  assert.ok(new Set(NATIONAL_GROWTH.map((e) => e.file)).size >= 20);
  for (const e of NATIONAL_GROWTH) check(e);
});

test(`${OTHERS.length} targets and results of other indicators, the district report and the provinces`, () => {
  assert.ok(OTHERS.length >= 40);
  for (const e of OTHERS) check(e);
});

test('no role where the text does not say: a news page without cues, a count of places', () => {
  const news = 'corpus/000_1e31b28fa2d96c08.txt';
  for (const [at, text] of [['休闲农旅等4条产业带', '4条'], ['古郾等5个服务阵地', '5个'], ['外贸进出口额3700万元', '3700万元']]) {
    const f = figureIn(news, at, text);
    assert.equal(f.role, undefined, `${text}: no role`);
    assert.equal(f.year, undefined, `${text}: no year`);
  }
  assert.equal(figureIn(news, '外贸进出口额3700万元', '3700万元').indicatorKey, 'foreignTrade');
  // a share of a target is what was done
  assert.equal(figureIn(news, '达到年度目标任务的206.2%', '206.2%').role, 'result');
});

test('every range form is one figure with high; every bound word', () => {
  const cases: [string, string, number, number | undefined, number, number | undefined, string][] = [
    ['增长6%－6.5%', '6%－6.5%', 6, 6.5, 6, 6.5, 'range'],
    ['增长6%至6.5%', '6%至6.5%', 6, 6.5, 6, 6.5, 'range'],
    ['增长6.5%-7%', '6.5%-7%', 6.5, 7, 6.5, 7, 'range'],
    ['用3至5年时间', '3至5年', 3, 5, 3, 5, 'range'],
    ['每户补助1万-5万元', '1万-5万元', 1, 5, 1e4, 5e4, 'range'],
    ['提高5到8个百分点', '5到8个百分点', 5, 8, 5, 8, 'range'],
    ['吸纳10万—20万人', '10万—20万人', 10, 20, 1e5, 2e5, 'range'],
    ['培训1-2万人', '1-2万人', 1, 2, 1e4, 2e4, 'range'],
    ['增长百分之八至九', '百分之八至九', 8, 9, 8, 9, 'range'],
    ['增长7%左右', '7%左右', 7, undefined, 7, undefined, 'about'],
    ['约5000亿元', '5000亿元', 5000, undefined, 5e11, undefined, 'about'],
    ['新增1000万人以上', '1000万人', 1000, undefined, 1e7, undefined, 'atLeast'],
    ['不低于60%', '60%', 60, undefined, 60, undefined, 'atLeast'],
    ['超过30万亿元', '30万亿元', 30, undefined, 3e13, undefined, 'atLeast'],
    ['突破3万亿元', '3万亿元', 3, undefined, 3e12, undefined, 'atLeast'],
    ['控制在4.6%以内', '4.6%', 4.6, undefined, 4.6, undefined, 'atMost'],
    ['5.5%以下', '5.5%', 5.5, undefined, 5.5, undefined, 'atMost'],
    ['不超过3%', '3%', 3, undefined, 3, undefined, 'atMost'],
    ['建成12个', '12个', 12, undefined, 12, undefined, 'exact'],
  ];
  for (const [sentence, text, value, high, baseValue, highBase, bound] of cases) {
    const [f] = analyzeText(`简报\n${sentence}。\n`).figures;
    assert.deepEqual([f.text, f.value, f.high?.value, f.baseValue, f.high?.baseValue, f.bound], [text, value, high, baseValue, highBase, bound], sentence);
  }
  // Not ranges: a pair, a change from one value to another, calendar years.
  assert.deepEqual(analyzeText('简报\n分别提高4.2和0.7个百分点。\n').figures.map((f) => f.text), ['4.2', '0.7个百分点']);
  assert.deepEqual(analyzeText('简报\n从3%到5%。\n').figures.map((f) => f.bound), ['exact', 'exact']);
  assert.deepEqual(analyzeText('简报\n2020—2030年规划。\n').figures, []);
});

test('year: 今年 is the report\'s year, 过去一年 the year before, an explicit year wins, 五年来 has none', () => {
  const report = (body: string) => analyzeText(`2024年某市政府工作报告\n——2024年1月20日在某市第十届人民代表大会第三次会议上\n${body}\n`);
  const [a] = report('今年主要预期目标是：地区生产总值增长5%左右。').figures;
  assert.deepEqual([a.role, a.year], ['target', 2024]);
  const [b] = report('过去一年，地区生产总值增长5.2%。').figures;
  assert.deepEqual([b.role, b.year], ['result', 2023]);
  const [c] = report('2019年地区生产总值完成800亿元。').figures;
  assert.deepEqual([c.role, c.year], ['result', 2019]);
  const d = report('五年来，地区生产总值年均增长6%。').figures.find((f) => f.text === '6%')!;
  assert.deepEqual([d.role, d.year], ['result', undefined]);
  // a list introduced by a clause in an earlier paragraph
  const list = report('今年主要预期目标是：\n地区生产总值增长5%左右；\n一般公共预算收入增长4%。').figures;
  assert.deepEqual(list.map((f) => [f.indicatorKey, f.role, f.year]), [['gdp', 'target', 2024], ['fiscalRevenue', 'target', 2024]]);
});

test('sections: 一、2019年工作回顾 gives results of 2019, 二、2020年工作安排 targets of 2020', () => {
  const text = '2020年某区政府工作报告\n一、2019年工作回顾\n一般公共预算收入完成5亿元，增长6%。\n二、2020年工作安排\n一般公共预算收入增长5%，新建道路20公里。\n';
  const figures = analyzeText(text).figures;
  assert.deepEqual(figures.map((f) => [f.text, f.role, f.year]), [
    ['5亿元', 'result', 2019],
    ['6%', 'result', 2019],
    ['5%', 'target', 2020],
    ['20公里', 'target', 2020],
  ]);
});

test('a list of targets opened by 预期目标是： stays targets past a verb of either kind (实现正增长)', () => {
  const list = '今年主要预期目标是：地区生产总值增长5%左右；固定资产投资实现正增长；社会消费品零售总额增长4.5%以上；粮食产量615亿斤左右。\n';
  assert.deepEqual(analyzeText(list).figures.map((f) => [f.text, f.role]), [['5%左右', 'target'], ['4.5%', 'target'], ['615亿斤左右', 'target']]);
  // Without the colon a review sentence keeps its result: 完成…目标任务，实现….
  const review = '一、2025年工作回顾\n\n过去一年，我们圆满完成全年目标任务，实现地区生产总值增长6%。\n';
  assert.deepEqual(analyzeText(review).figures.map((f) => [f.text, f.role]), [['6%', 'result']]);
});
