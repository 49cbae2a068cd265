import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { extractFigures } from '../../src/core/figures';
import { FIGURE_KINDS, type Figure, type FigureKind } from '../../src/core/types';
import { CORPUS_DIR, corpusText } from './corpus';

const XICHENG_2024 = '000_1e31b28fa2d96c08.txt';
const XICHENG_2021 = '001_644dbfd378649ff3.txt';
const XIGONG_2020 = '002_395ec08d707c8053.txt';
const XINHUA = '003_89d403a9849428ca.txt';
const NATIONAL_2014 = 'national-2014.txt';
const NATIONAL_2016 = 'national-2016.txt';

interface Located {
  figure: Figure;
  figures: Figure[];
}

/**
 * Finds `at` (which must occur once) in a corpus file and returns the figure that starts where `figureText`
 * starts inside it, extracted from the paragraph (line) around it as analyzeText does.
 */
function locate(file: string, at: string, figureText: string): Located {
  const text = corpusText(file);
  const index = text.indexOf(at);
  assert.ok(index >= 0, `${file} contains ${at}`);
  assert.equal(text.indexOf(at, index + 1), -1, `${at} occurs once in ${file}`);
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const offset = at.indexOf(figureText);
  assert.ok(offset >= 0, `${figureText} is inside ${at}`);
  const start = index - lineStart + offset;
  const figures = extractFigures(line);
  const figure = figures.find((f) => f.range.start === start);
  assert.ok(figure, `a figure starts at ${figureText} in ${at}; found ${figures.map((f) => f.text).join(' ')}`);
  assert.equal(figure.text, figureText, `span of the figure in ${at}`);
  assert.equal(line.slice(figure.range.start, figure.range.end), figure.text);
  return { figure, figures };
}

interface Expected {
  file: string;
  at: string;
  text: string;
  kind: FigureKind;
  value: number;
  magnitude?: number;
  baseValue?: number;
  unit: string;
  approx?: boolean;
  /** null: no indicator; undefined: not checked. */
  indicator?: string | null;
  direction?: 'up' | 'down' | null;
}

// Each row was read off the corpus text by hand.
const EXPECTED: Expected[] = [
  // 000: 西城区 2024
  { file: XICHENG_2024, at: '占比达70%', text: '70%', kind: 'percent', value: 70, unit: '%' },
  { file: XICHENG_2024, at: '灵活就业10万余人次', text: '10万余人次', kind: 'count', value: 10, magnitude: 1e4, baseValue: 100000, unit: '人次', approx: true },
  { file: XICHENG_2024, at: '新签约项目12个、总投资20亿元', text: '12个', kind: 'count', value: 12, unit: '个', indicator: '新签约项目' },
  { file: XICHENG_2024, at: '新签约项目12个、总投资20亿元', text: '20亿元', kind: 'currency', value: 20, magnitude: 1e8, baseValue: 2e9, unit: '元', indicator: '总投资' },
  { file: XICHENG_2024, at: '实际使用境外资金30万美元', text: '30万美元', kind: 'currency', value: 30, magnitude: 1e4, baseValue: 300000, unit: '美元', indicator: '实际使用境外资金' },
  { file: XICHENG_2024, at: '外贸进出口额3700万元', text: '3700万元', kind: 'currency', value: 3700, magnitude: 1e4, baseValue: 37000000, unit: '元', indicator: '外贸进出口额' },
  { file: XICHENG_2024, at: '招商活动十余次', text: '十余次', kind: 'count', value: 10, magnitude: 1, baseValue: 10, unit: '次', approx: true },
  { file: XICHENG_2024, at: '会见重要客商100余次', text: '100余次', kind: 'count', value: 100, unit: '次', approx: true, indicator: '会见重要客商' },
  { file: XICHENG_2024, at: '收集招商线索180余条', text: '180余条', kind: 'count', value: 180, unit: '条', approx: true, indicator: '收集招商线索' },
  { file: XICHENG_2024, at: '累计营业额就达1.05亿元', text: '1.05亿元', kind: 'currency', value: 1.05, magnitude: 1e8, baseValue: 105000000, unit: '元', approx: false, indicator: '营业额' },
  { file: XICHENG_2024, at: '接待顾客331.7万人次', text: '331.7万人次', kind: 'count', value: 331.7, magnitude: 1e4, baseValue: 3317000, unit: '人次', indicator: '接待顾客' },
  { file: XICHENG_2024, at: '在全国513家万达', text: '513家', kind: 'count', value: 513, unit: '家' },
  { file: XICHENG_2024, at: '客流排名第一', text: '第一', kind: 'rank', value: 1, unit: '' },
  { file: XICHENG_2024, at: '培育规模以上企业80余家', text: '80余家', kind: 'count', value: 80, unit: '家', approx: true, indicator: '规模以上企业' },
  { file: XICHENG_2024, at: '企业营业收入53亿元左右', text: '53亿元左右', kind: 'currency', value: 53, magnitude: 1e8, baseValue: 5.3e9, unit: '元', approx: true },
  { file: XICHENG_2024, at: '12家企业成功申报', text: '12家', kind: 'count', value: 12, unit: '家', approx: false },
  { file: XICHENG_2024, at: '新改建农村公路3公里', text: '3公里', kind: 'length', value: 3, unit: '公里', indicator: '新改建农村公路' },
  { file: XICHENG_2024, at: '全年优良天数220天', text: '220天', kind: 'duration', value: 220, unit: '天', indicator: '优良天数' },
  // 001: 西城区 2021
  { file: XICHENG_2021, at: '一般公共预算收入完成51593万元', text: '51593万元', kind: 'currency', value: 51593, magnitude: 1e4, baseValue: 515930000, unit: '元', indicator: '一般公共预算收入' },
  { file: XICHENG_2021, at: '税收收入完成46181万元', text: '46181万元', kind: 'currency', value: 46181, magnitude: 1e4, baseValue: 461810000, unit: '元', indicator: '税收收入' },
  { file: XICHENG_2021, at: '大数据科技类企业二十多家', text: '二十多家', kind: 'count', value: 20, magnitude: 1, baseValue: 20, unit: '家', approx: true },
  { file: XICHENG_2021, at: '税收突破3000万元', text: '3000万元', kind: 'currency', value: 3000, magnitude: 1e4, baseValue: 30000000, unit: '元', indicator: '税收' },
  { file: XICHENG_2021, at: '营业收入超10亿元', text: '10亿元', kind: 'currency', value: 10, magnitude: 1e8, baseValue: 1e9, unit: '元', approx: true, indicator: '营业收入' },
  { file: XICHENG_2021, at: '新增供热面积40万平方米', text: '40万平方米', kind: 'area', value: 40, magnitude: 1e4, baseValue: 400000, unit: '平方米', indicator: '新增供热面积' },
  { file: XICHENG_2021, at: '休闲乐道20公里', text: '20公里', kind: 'length', value: 20, unit: '公里' },
  { file: XICHENG_2021, at: '前瞻30年', text: '30年', kind: 'duration', value: 30, unit: '年' },
  { file: XICHENG_2021, at: '总投资约413.4亿元', text: '413.4亿元', kind: 'currency', value: 413.4, magnitude: 1e8, baseValue: 41340000000, unit: '元', approx: true, indicator: '总投资' },
  { file: XICHENG_2021, at: '征收土地2066亩', text: '2066亩', kind: 'area', value: 2066, unit: '亩', indicator: '征收土地' },
  { file: XICHENG_2021, at: '办结率达100%', text: '100%', kind: 'percent', value: 100, unit: '%', indicator: '区级问题办结率' },
  { file: XICHENG_2021, at: '连续四年被评为', text: '四年', kind: 'duration', value: 4, unit: '年' },
  // 002: 西工区 2020
  { file: XIGONG_2020, at: '完成区本级生产总值305.8亿元', text: '305.8亿元', kind: 'currency', value: 305.8, magnitude: 1e8, baseValue: 30580000000, unit: '元', indicator: '区本级生产总值' },
  // Exact base values where a float multiplication would be off (18.1 × 1e8 = 1810000000.0000002).
  { file: XIGONG_2020, at: '公共财政预算收入18.1亿元', text: '18.1亿元', kind: 'currency', value: 18.1, magnitude: 1e8, baseValue: 1810000000, unit: '元', indicator: '公共财政预算收入' },
  { file: XICHENG_2021, at: '化解归还各类债务4.4亿元', text: '4.4亿元', kind: 'currency', value: 4.4, magnitude: 1e8, baseValue: 440000000, unit: '元' },
  { file: NATIONAL_2016, at: '拟安排财政赤字2.18万亿元', text: '2.18万亿元', kind: 'currency', value: 2.18, magnitude: 1e12, baseValue: 2180000000000, unit: '元', indicator: '财政赤字' },
  { file: XIGONG_2020, at: '8.2%,居八城区第三', text: '第三', kind: 'rank', value: 3, unit: '' },
  { file: XIGONG_2020, at: '总量连续16年位居全市第一', text: '16年', kind: 'duration', value: 16, unit: '年' },
  { file: XIGONG_2020, at: '总量连续16年位居全市第一', text: '第一', kind: 'rank', value: 1, unit: '' },
  { file: XIGONG_2020, at: '农村居民人均可支配收入1.9万元', text: '1.9万元', kind: 'currency', value: 1.9, magnitude: 1e4, baseValue: 19000, unit: '元', indicator: '农村居民人均可支配收入' },
  { file: XIGONG_2020, at: '位列全省“十强”', text: '十强', kind: 'rank', value: 10, unit: '' },
  { file: XIGONG_2020, at: '全市首家奥特莱斯', text: '首家', kind: 'rank', value: 1, unit: '' },
  { file: XIGONG_2020, at: '楼宇总面积突破130万平方米', text: '130万平方米', kind: 'area', value: 130, magnitude: 1e4, baseValue: 1300000, unit: '平方米', indicator: '楼宇总面积' },
  { file: XIGONG_2020, at: '新增绿化3.8万平方米', text: '3.8万平方米', kind: 'area', value: 3.8, magnitude: 1e4, baseValue: 38000, unit: '平方米' },
  { file: XIGONG_2020, at: '新增绿化造林422亩', text: '422亩', kind: 'area', value: 422, unit: '亩', indicator: '新增绿化造林' },
  { file: XIGONG_2020, at: '外资2.39亿美元', text: '2.39亿美元', kind: 'currency', value: 2.39, magnitude: 1e8, baseValue: 239000000, unit: '美元', indicator: '外资' },
  { file: XIGONG_2020, at: '新增小微企业1.4万余家', text: '1.4万余家', kind: 'count', value: 1.4, magnitude: 1e4, baseValue: 14000, unit: '家', approx: true, indicator: '新增小微企业' },
  { file: XIGONG_2020, at: '参保人数突破12万', text: '12万', kind: 'count', value: 12, magnitude: 1e4, baseValue: 120000, unit: '' },
  { file: XIGONG_2020, at: '经费下降14.8%', text: '14.8%', kind: 'percent', value: 14.8, unit: '%', direction: 'down', indicator: '“三公”经费' },
  { file: XIGONG_2020, at: '跃居城区前三', text: '前三', kind: 'rank', value: 3, unit: '' },
  { file: XIGONG_2020, at: '文化惠民活动1300余场次', text: '1300余场次', kind: 'count', value: 1300, unit: '场次', approx: true },
  { file: XIGONG_2020, at: '3500余名机关党员', text: '3500余名', kind: 'count', value: 3500, unit: '名', approx: true },
  { file: XIGONG_2020, at: '24小时攻坚调度', text: '24小时', kind: 'duration', value: 24, unit: '小时' },
  { file: XIGONG_2020, at: '每立方米54微克', text: '54微克', kind: 'mass', value: 54, unit: '微克' },
  { file: XIGONG_2020, at: '发放1000万元消费券', text: '1000万元', kind: 'currency', value: 1000, magnitude: 1e4, baseValue: 1e7, unit: '元' },
  // A range is one figure (spec.md, "Targets and results"): value is the low end.
  { file: XIGONG_2020, at: '3—5个样板工程', text: '3—5个', kind: 'count', value: 3, unit: '个' },
  { file: XIGONG_2020, at: '6个行政村16.2公里', text: '16.2公里', kind: 'length', value: 16.2, unit: '公里' },
  { file: XIGONG_2020, at: '地区生产总值增长7.8%', text: '7.8%', kind: 'percent', value: 7.8, unit: '%', direction: 'up', indicator: '地区生产总值' },
  // 降低至: the level reached, not the size of a change.
  { file: XIGONG_2020, at: '贫困发生率降低至0.01%', text: '0.01%', kind: 'percent', value: 0.01, unit: '%', direction: null, indicator: '贫困发生率' },
  { file: XIGONG_2020, at: '新增城镇就业1.2万余人', text: '1.2万余人', kind: 'count', value: 1.2, magnitude: 1e4, baseValue: 12000, unit: '人', approx: true, indicator: '新增城镇就业' },
  { file: XIGONG_2020, at: '民生支出占公共预算支出的75%', text: '75%', kind: 'percent', value: 75, unit: '%', indicator: '民生支出' },
  { file: XIGONG_2020, at: '接近90%', text: '90%', kind: 'percent', value: 90, unit: '%', approx: true },
  // 003: 新华区
  { file: XINHUA, at: '提高6.6个百分点', text: '6.6个百分点', kind: 'percentagePoint', value: 6.6, unit: '百分点', direction: 'up' },
  { file: XINHUA, at: '干警近1714人次', text: '1714人次', kind: 'count', value: 1714, unit: '人次', approx: true },
  { file: XINHUA, at: '全区返乡创业3600多人', text: '3600多人', kind: 'count', value: 3600, unit: '人', approx: true },
  { file: XINHUA, at: '创设全省首家', text: '首家', kind: 'rank', value: 1, unit: '' },
  { file: XINHUA, at: '今年前8个月', text: '8个月', kind: 'duration', value: 8, unit: '个月' },
  { file: XINHUA, at: '新建农村公路13.6公里', text: '13.6公里', kind: 'length', value: 13.6, unit: '公里' },
  { file: XINHUA, at: '日产100万支', text: '100万支', kind: 'count', value: 100, magnitude: 1e4, baseValue: 1e6, unit: '支' },
  // 2014 national report
  { file: NATIONAL_2014, at: '国内生产总值达到56.9万亿元', text: '56.9万亿元', kind: 'currency', value: 56.9, magnitude: 1e12, baseValue: 56900000000000, unit: '元', indicator: '国内生产总值' },
  { file: NATIONAL_2014, at: '城镇新增就业1310万人', text: '1310万人', kind: 'count', value: 1310, magnitude: 1e4, baseValue: 13100000, unit: '人', indicator: '城镇新增就业' },
  { file: NATIONAL_2014, at: '粮食产量超过1.2万亿斤', text: '1.2万亿斤', kind: 'mass', value: 1.2, magnitude: 1e12, baseValue: 1.2e12, unit: '斤', approx: true, indicator: '粮食产量' },
  { file: NATIONAL_2014, at: '减轻企业负担1500多亿元', text: '1500多亿元', kind: 'currency', value: 1500, magnitude: 1e8, baseValue: 1.5e11, unit: '元', approx: true },
  { file: NATIONAL_2014, at: '分别下降3.5%、2.9%', text: '3.5%', kind: 'percent', value: 3.5, unit: '%', direction: 'down' },
  { file: NATIONAL_2014, at: '分别下降3.5%、2.9%', text: '2.9%', kind: 'percent', value: 2.9, unit: '%', direction: 'down' },
  { file: NATIONAL_2014, at: '居世界首位', text: '首位', kind: 'rank', value: 1, unit: '' },
  { file: NATIONAL_2014, at: '国内生产总值增长7.5%左右', text: '7.5%左右', kind: 'percent', value: 7.5, unit: '%', approx: true, direction: 'up', indicator: '国内生产总值' },
  { file: NATIONAL_2014, at: '要减少三分之一', text: '三分之一', kind: 'other', value: 1 / 3, unit: '' },
  { file: NATIONAL_2014, at: '脱硝改造1.3亿千瓦', text: '1.3亿千瓦', kind: 'energy', value: 1.3, magnitude: 1e8, baseValue: 130000000, unit: '千瓦' },
  { file: NATIONAL_2014, at: '淘汰钢铁2700万吨', text: '2700万吨', kind: 'mass', value: 2700, magnitude: 1e4, baseValue: 27000000, unit: '吨' },
  { file: NATIONAL_2014, at: '经过今明两年', text: '两年', kind: 'duration', value: 2, unit: '年' },
  // bare magnitude: the counted noun (中国人) follows
  { file: NATIONAL_2014, at: '13亿中国人', text: '13亿', kind: 'count', value: 13, magnitude: 1e8, baseValue: 1.3e9, unit: '' },
  // A bare magnitude without its noun (eval/GUIDELINES.md: 十亿人口 → 十亿).
  { file: NATIONAL_2014, at: '十几亿人口', text: '十几亿', kind: 'count', value: 10, magnitude: 1e8, baseValue: 1e9, unit: '', approx: true },
  // 2016 national report
  { file: NATIONAL_2016, at: '新增4万多亿元', text: '4万多亿元', kind: 'currency', value: 4, magnitude: 1e12, baseValue: 4e12, unit: '元', approx: true },
  // (相当于5年前1.5个百分点、10年前2.5个百分点: a time offset says when, it is no indicator.)
  { file: NATIONAL_2016, at: '10年前2.5个百分点', text: '2.5个百分点', kind: 'percentagePoint', value: 2.5, unit: '百分点', indicator: null },
  { file: NATIONAL_2016, at: '30多年', text: '30多年', kind: 'duration', value: 30, unit: '年', approx: true },
  { file: NATIONAL_2016, at: '9000多万吨', text: '9000多万吨', kind: 'mass', value: 9000, magnitude: 1e4, baseValue: 9e7, unit: '吨', approx: true },
  { file: NATIONAL_2016, at: '减少1亿多', text: '1亿多', kind: 'count', value: 1, magnitude: 1e8, baseValue: 1e8, unit: '', approx: true },
  { file: NATIONAL_2016, at: '增长6.5%-7%，居民', text: '6.5%-7%', kind: 'percent', value: 6.5, unit: '%', direction: 'up' },
  { file: NATIONAL_2016, at: '人均预期寿命提高1岁', text: '1岁', kind: 'duration', value: 1, unit: '岁' },
  { file: NATIONAL_2016, at: '分别提高5%和8%', text: '8%', kind: 'percent', value: 8, unit: '%', direction: 'up' },
  // 位 is in the span, as in 首位 (spec.md) and 居世界第四位 (eval/GUIDELINES.md).
  { file: NATIONAL_2016, at: '稳居世界第二位', text: '第二位', kind: 'rank', value: 2, unit: '' },
  { file: NATIONAL_2014, at: '3500万标准箱', text: '3500万标准箱', kind: 'count', value: 3500, magnitude: 1e4, baseValue: 3.5e7, unit: '标准箱' },
];

test(`${EXPECTED.length} figures read by hand from the corpus`, () => {
  assert.ok(EXPECTED.length >= 60);
  for (const e of EXPECTED) {
    const { figure: f } = locate(e.file, e.at, e.text);
    const label = `${e.text} in ${e.at}`;
    assert.equal(f.kind, e.kind, `${label}: kind`);
    assert.equal(f.value, e.value, `${label}: value`);
    assert.equal(f.magnitude, e.magnitude ?? 1, `${label}: magnitude`);
    assert.equal(f.baseValue, e.baseValue ?? e.value, `${label}: baseValue`);
    assert.equal(f.unit, e.unit, `${label}: unit`);
    assert.equal(f.approx, e.approx ?? false, `${label}: approx`);
    if (e.indicator !== undefined) assert.equal(f.indicator, e.indicator ?? undefined, `${label}: indicator`);
    if (e.direction !== undefined) assert.equal(f.direction, e.direction ?? undefined, `${label}: direction`);
  }
});

test('a change stated after a figure points at the figure that sizes it', () => {
  const gdp = locate(NATIONAL_2014, '国内生产总值达到56.9万亿元，比上年增长7.7%', '56.9万亿元');
  const growth = gdp.figures.find((f) => f.text === '7.7%')!;
  assert.deepEqual(gdp.figure.change, { direction: 'up', figureId: growth.id });
  assert.equal(growth.direction, 'up');
  assert.equal(growth.change, undefined);

  // 同比(下同)增长: the parenthesis does not hide the direction word.
  const revenue = locate(XICHENG_2021, '一般公共预算收入完成51593万元', '51593万元');
  const r = revenue.figures.find((f) => f.text === '34.2%')!;
  assert.deepEqual(revenue.figure.change, { direction: 'up', figureId: r.id });
  const tax = locate(XICHENG_2021, '税收收入完成46181万元', '46181万元');
  assert.deepEqual(tax.figure.change, { direction: 'up', figureId: tax.figures.find((f) => f.text === '37.1%')!.id });

  // 落地率25.5%,较2018年至2020年的18.9%提高6.6个百分点: 18.9% is the comparison base.
  const rate = locate(XINHUA, '落地率25.5%', '25.5%');
  const base = rate.figures.find((f) => f.text === '18.9%')!;
  const points = rate.figures.find((f) => f.text === '6.6个百分点')!;
  assert.deepEqual(rate.figure.change, { direction: 'up', figureId: points.id });
  assert.equal(base.change, undefined);
  assert.equal(base.indicator, undefined);

  // 财政赤字2.18万亿元，比去年增加5600亿元: a currency change, too.
  const deficit = locate(NATIONAL_2016, '财政赤字2.18万亿元', '2.18万亿元');
  assert.deepEqual(deficit.figure.change, { direction: 'up', figureId: deficit.figures.find((f) => f.text === '5600亿元')!.id });

  // No change where the next figure is a rank or in another sentence.
  const rank = locate(XIGONG_2020, '增长8.9%,居全市第二', '8.9%');
  assert.equal(rank.figure.change, undefined);
  assert.equal(locate(XICHENG_2024, '外贸进出口额3700万元', '3700万元').figure.change, undefined);
});

test('"4.2和0.7个百分点" is two percentage-point figures; a range 1—2家 is one', () => {
  const figures = extractFigures('城镇和农村居民收入增速分别提高4.2和0.7个百分点');
  assert.deepEqual(
    figures.map((f) => [f.text, f.kind, f.value, f.unit, f.direction]),
    [
      ['4.2', 'percentagePoint', 4.2, '百分点', 'up'],
      ['0.7个百分点', 'percentagePoint', 0.7, '百分点', 'up'],
    ],
  );
  const range = extractFigures('培育1—2家知名企业');
  assert.deepEqual(range.map((f) => [f.text, f.unit, f.value, f.high, f.bound]), [['1—2家', '家', 1, { value: 2, baseValue: 2 }, 'range']]);
});

test('numbers in other writings: full-width digits and percent sign, thousands separators, 百分之, fractions', () => {
  const [a] = extractFigures('完成投资１２．５亿元');
  assert.deepEqual([a.text, a.value, a.magnitude, a.baseValue, a.unit], ['１２．５亿元', 12.5, 1e8, 1250000000, '元']);
  const [b] = extractFigures('覆盖率达到８５％');
  assert.deepEqual([b.text, b.kind, b.value, b.unit], ['８５％', 'percent', 85, '%']);
  const [c] = extractFigures('创造就业岗位24,000个');
  assert.deepEqual([c.text, c.value, c.unit], ['24,000个', 24000, '个']);
  const [d] = extractFigures('增长百分之十');
  assert.deepEqual([d.text, d.kind, d.value, d.direction], ['百分之十', 'percent', 10, 'up']);
  const [e] = extractFigures('约占总量的1/3');
  assert.deepEqual([e.text, e.kind, e.value], ['1/3', 'other', 1 / 3]);
  const [f] = extractFigures('新增就业两千万人');
  assert.deepEqual([f.text, f.value, f.magnitude, f.baseValue, f.unit], ['两千万人', 2000, 1e4, 2e7, '人']);
  const [g] = extractFigures('建成一百二十个站点');
  assert.deepEqual([g.text, g.value], ['一百二十个', 120]);
  const [h] = extractFigures('开展三年行动');
  assert.deepEqual([h.text, h.kind, h.value, h.unit], ['三年', 'duration', 3, '年']);
});

test('约, 近, 超, 超过 make a figure approximate but stay outside its span; 签约 does not', () => {
  for (const [sentence, span] of [
    ['总投资约50亿元', '50亿元'],
    ['旅游收入近150亿元', '150亿元'],
    ['营业收入超10亿元', '10亿元'],
    ['粮食产量超过1.2万亿斤', '1.2万亿斤'],
  ]) {
    const [f] = extractFigures(sentence);
    assert.equal(f.text, span, sentence);
    assert.equal(f.approx, true, sentence);
  }
  const [signed] = extractFigures('新签约12个项目');
  assert.equal(signed.text, '12个');
  const [contract] = extractFigures('合同签约10亿元');
  assert.equal(contract.approx, false);
  assert.equal(extractFigures('节约10吨')[0].approx, false);
});

test('not figures: dates, list markers, names and slogans, words made with numerals', () => {
  const none = [
    '2024年,西城区在市委的坚强引领下',
    '二〇二〇年工作安排',
    '２０２４年全区',
    '——2020年5月22日在西工区第十四届人民代表大会',
    '8月9日至12日,新华区九次党代会召开',
    '一、2019年工作回顾',
    '一是做深项目谋划。二是做实项目推进。',
    '(一)全力抓好经济运行',
    '（二）开创高水平对外开放新局面。',
    '第一，向深化改革要动力。',
    '坚持“1251”发展思路',
    '高质量编制“十四五”规划',
    '5G通信基础设施建设',
    '地铁1号线3期',
    '轨道交通2号线',
    '迎接党的二十大胜利召开',
    '党的十九届六中全会精神',
    '做好“六稳”工作，落实“六保”任务',
    '切实增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    '大数据产业园一期工程试桩工作已完成',
    'PM2.5年均浓度达到每立方米',
    '国产C919大型客机',
    '一批大项目签约落地',
    '采取一系列举措',
    '推进长三角地区经济一体化',
    '第一时间吹响防疫“集结号”',
    '荣获一等奖',
    '一年来，我们稳增量',
    '干成了一大批打基础的大事',
    '一些地区大气污染严重',
    '一起抓',
    '地方就近统一指挥',
    '大众创业、万众创新',
    '千方百计稳定经济运行',
    '飞入寻常百姓家',
    '十分重要',
    '一直走在前列',
    '进一步优化营商环境',
    '省委十届十次全会',
    '第十二届全国人民代表大会第二次会议',
    '全面贯彻中央八项规定精神',
    '破除城乡二元结构',
    '关键零部件',
    '将党的政治建设摆在首位',
    '服务业成为第一大产业',
    '新中国成立70周年',
    '中国20世纪建筑遗产名录',
    '丰富“15分钟”医疗服务圈内涵',
    '加快七一路海鲜市场疏解外迁',
    '孙周通团队入选第四批河洛英才计划',
    '把问题一个一个解决到位',
    '完成工业园区2020—2030年发展规划修编',
    '在“四个100”评选活动中',
    '培育壮大数字经济、楼宇经济“四强”产业',
    '第十三个五年规划纲要',
    '出台促进中部地区崛起新十年规划',
    '国务院对十年规划纲要作了进一步的补充和修订',
    '发表于 2020-7-14 10:33:28',
    '在线时间:9:00-18:00 联系电话:010-63691786',
  ];
  for (const text of none) {
    assert.deepEqual(extractFigures(text).map((f) => f.text), [], text);
  }
});

test('a plan named by its years is no figure, a plan to build in years is', () => {
  assert.deepEqual(extractFigures('对国家今后八年计划建设的一百二十个大型项目').map((f) => f.text), ['八年', '一百二十个']);
  assert.deepEqual(extractFigures('按照十年规划，到一九八五年，粮食产量达到八千亿斤').map((f) => f.text), ['八千亿斤']);
});

test('a five-year period before the indicator is not part of it', () => {
  const [growth] = extractFigures('“十五五”时期地区生产总值年均增长5％左右');
  assert.equal(growth?.indicator, '地区生产总值');
  assert.equal(extractFigures('"十三五"时期经济年均增长保持在6.5%以上')[0]?.indicator, '经济');
});

/** Every figure found in the corpus, with the paragraph it came from. */
function corpusFigures(): { file: string; paragraph: string; figures: Figure[] }[] {
  const out: { file: string; paragraph: string; figures: Figure[] }[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt'))) {
    for (const paragraph of corpusText(file).split(/\r?\n/)) {
      if (paragraph.trim()) out.push({ file, paragraph, figures: extractFigures(paragraph) });
    }
  }
  return out;
}

test('no false positives of known shapes anywhere in the corpus', () => {
  const forbidden: [RegExp, string][] = [
    [/^[0-9０-９]{4}年/, 'a calendar year'],
    [/^[0-9０-９]{1,2}[月日]/, 'a date'],
    [/(?:(?<!个)月|[日号届期级])$/, 'a date, line number, session or phase'],
    [/^一(?:个|批|些|起|年|次|项|家|系列)$/, 'the article 一'],
    [/^[二三四五六七八九十]+次$/, 'a meeting number (十次全会)'],
  ];
  let total = 0;
  for (const { file, paragraph, figures } of corpusFigures()) {
    for (const f of figures) {
      total++;
      for (const [re, what] of forbidden) assert.doesNotMatch(f.text, re, `${file}: ${f.text} looks like ${what}`);
      const before = paragraph.slice(Math.max(0, f.range.start - 2), f.range.start);
      assert.ok(!/[A-Za-z]$/.test(before), `${file}: ${f.text} continues a Latin code (${before}${f.text})`);
      if (f.kind !== 'rank') assert.ok(!before.endsWith('第'), `${file}: ${f.text} is an ordinal`);
      if (MEETING.test(paragraph.slice(f.range.end, f.range.end + 3))) assert.fail(`${file}: ${f.text} names a meeting`);
    }
  }
  assert.ok(total > 500, `the corpus has hundreds of figures (${total})`);
});
const MEETING = /^(?:全会|党代会|会议)/;

test('figures are well formed: spans, ids, exact base values, change targets', () => {
  for (const { file, paragraph, figures } of corpusFigures()) {
    let end = 0;
    figures.forEach((f, i) => {
      const where = `${file}: ${f.text}`;
      assert.equal(f.id, `f${i + 1}`, where);
      assert.equal(paragraph.slice(f.range.start, f.range.end), f.text, where);
      assert.ok(f.range.start >= end, `${where} does not overlap the previous figure`);
      end = f.range.end;
      assert.ok(FIGURE_KINDS.includes(f.kind), where);
      assert.ok([1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e12].includes(f.magnitude), `${where}: magnitude ${f.magnitude}`);
      assert.ok(Number.isFinite(f.value) && f.value > 0, `${where}: value ${f.value}`);
      assert.ok(Math.abs(f.baseValue - f.value * f.magnitude) <= 1e-9 * f.baseValue, `${where}: baseValue`);
      if (f.kind !== 'other') assert.ok(!/e/.test(String(f.baseValue)) || f.baseValue >= 1e21, `${where}: baseValue is a plain decimal`);
      if (f.kind === 'percentagePoint') assert.equal(f.unit, '百分点', where);
      if (f.kind === 'percent') assert.equal(f.unit, '%', where);
      if (f.direction) assert.ok(f.kind === 'percent' || f.kind === 'percentagePoint', where);
      if (f.change?.figureId) {
        const target = figures.find((g) => g.id === f.change!.figureId);
        assert.ok(target && target.range.start > f.range.start, `${where}: change points at a later figure`);
      }
      if (f.indicator !== undefined) assert.ok(f.indicator.length >= 2 && f.indicator.length <= 16, `${where}: indicator ${f.indicator}`);
    });
  }
});

test('offsets are UTF-16 offsets into the given text, also after characters outside the BMP', () => {
  const text = '𡌶村新增就业1310万人，𡌶𡌶镇增长8.5%';
  const figures = extractFigures(text);
  assert.deepEqual(figures.map((f) => text.slice(f.range.start, f.range.end)), ['1310万人', '8.5%']);
  assert.equal(figures[0].range.start, 7); // 𡌶 is two UTF-16 code units
});

test('linear on hostile input (no catastrophic backtracking)', () => {
  const hostile = [
    '一'.repeat(200_000),
    '1'.repeat(200_000),
    '1,'.repeat(100_000),
    '第一'.repeat(100_000),
    '“1'.repeat(100_000),
    '增长1%，'.repeat(50_000),
    '居'.repeat(100_000) + '第一',
  ];
  for (const text of hostile) {
    const start = performance.now();
    extractFigures(text);
    const ms = performance.now() - start;
    assert.ok(ms < 2000, `${text.slice(0, 6)}… took ${ms.toFixed(0)} ms`);
  }
});
