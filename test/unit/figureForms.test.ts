// Figure forms beyond the unit table's first cut (figures-accuracy work): spaced digits, measure words and
// Latin unit symbols, ordinals as ranks, round hundreds and thousands, and the numerals that are not figures
// (terms, time offsets, group names). Synthetic sentences, each read by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures } from '../../src/core/figures';

/** text, kind and value of each figure found in `sentence`. */
const found = (sentence: string) => extractFigures(sentence).map((f) => [f.text, f.kind, f.value]);

test('digits spaced one by one (a PDF-extraction artefact; first seen in national-1998, a test document)', () => {
  assert.deepEqual(found('国内生产总值达到7 4 7 7 2 亿元，比上年增长8 ．8 ％。'), [
    ['7 4 7 7 2 亿元', 'currency', 74772],
    ['8 ．8 ％', 'percent', 8.8],
  ]);
  const [gdp] = extractFigures('达到7 4 7 7 2 亿元');
  assert.equal(gdp.baseValue, 7477200000000);
  assert.deepEqual(found('年均增长1 5 ．3 ％，覆盖率达到8 5 ％以上，粮食产量4 9 2 5 0 万吨。'), [
    ['1 5 ．3 ％', 'percent', 15.3],
    ['8 5 ％', 'percent', 85],
    ['4 9 2 5 0 万吨', 'mass', 49250],
  ]);
  const [over] = extractFigures('达到8 5 ％以上');
  assert.equal(over.bound, 'atLeast');
  // Calendar years and dates stay non-figures; two numbers in a row are not one spaced number.
  assert.deepEqual(found('1 9 9 7 年3 月5 日，1 9 9 8 年'), []);
  assert.deepEqual(found('提高4 ．2 和0 ．7 个百分点'), [
    ['4 ．2', 'percentagePoint', 4.2],
    ['0 ．7 个百分点', 'percentagePoint', 0.7],
  ]);
  assert.deepEqual(found('编号12 34 56'), []);
  assert.deepEqual(found('3.5 亿元'), []); // not spaced digits: the space is not part of a figure
});

test('spaced digits stay linear on hostile input', () => {
  for (const text of ['1 '.repeat(200_000), '1 ．'.repeat(100_000), '1 2 ％'.repeat(50_000)]) {
    const start = performance.now();
    extractFigures(text);
    const ms = performance.now() - start;
    assert.ok(ms < 2000, `${text.slice(0, 6)}… took ${ms.toFixed(0)} ms`);
  }
});

test('measure words of the reports and Latin unit symbols', () => {
  assert.deepEqual(found('新打油井120口，新增设备50台套，航班起降2万架次，新增船舶15艘，运送旅客30万辆次。'), [
    ['120口', 'count', 120],
    ['50台套', 'count', 50],
    ['2万架次', 'count', 2],
    ['15艘', 'count', 15],
    ['30万辆次', 'count', 30],
  ]);
  assert.deepEqual(found('打机井200眼，出让土地12宗，货物周转量300亿吨公里，集装箱吞吐量50万标箱，奖牌111枚。'), [
    ['200眼', 'count', 200],
    ['12宗', 'count', 12],
    ['300亿吨公里', 'mass', 300],
    ['50万标箱', 'count', 50],
    ['111枚', 'count', 111],
  ]);
  assert.deepEqual(found('装机容量120MW，光伏5GW，储能2GWh，发电量3亿kWh，吞吐量30万TEU，修路20km，产量5万t。'), [
    ['120MW', 'energy', 120],
    ['5GW', 'energy', 5],
    ['2GWh', 'energy', 2],
    ['3亿kWh', 'energy', 3],
    ['30万TEU', 'count', 30],
    ['20km', 'length', 20],
    ['5万t', 'mass', 5],
  ]);
  assert.deepEqual(found('借款共计十四亿零六百万新卢布，贷款3000万人民币。'), [
    ['十四亿零六百万新卢布', 'currency', 140600],
    ['3000万人民币', 'currency', 3000],
  ]);
  // Latin letters that are no unit keep the number out: 5G, 4A级, PM2.5, C919, 5Gbps.
  assert.deepEqual(found('建成5G基站，4A级景区，PM2.5浓度，C919大飞机，带宽5Gbps。'), []);
  // A compound unit is one span; the kind is the first unit's.
  const [pm] = extractFigures('PM2.5平均浓度76微克/立方米');
  assert.deepEqual([pm.text, pm.kind, pm.unit], ['76微克/立方米', 'mass', '微克/立方米']);
  // 近八亿人口: a bare magnitude, without the noun.
  assert.deepEqual(found('近八亿人口'), [['八亿', 'count', 8]]);
});

test('ordinals as ranks: a scope word or a rank verb before them, the measure word of the thing ranked', () => {
  assert.deepEqual(found('这是全省第二家上市公司，建成全国首个智慧港口，建成全市第三座污水处理厂。'), [
    ['第二家', 'rank', 2],
    ['首个', 'rank', 1],
    ['第三座', 'rank', 3],
  ]);
  assert.deepEqual(found('总量、增幅全省第一，位列全国第39位，首条国际海缆建成，新引进国内外500强。'), [
    ['第一', 'rank', 1],
    ['第39位', 'rank', 39],
    ['首条', 'rank', 1],
    ['500强', 'rank', 500],
  ]);
  assert.deepEqual(found('区域创新能力由全国第12位跃升至第9位，把就业摆在第一位。'), [
    ['第12位', 'rank', 12],
    ['第9位', 'rank', 9],
  ]);
  // Not ranks: the first Five-Year Plan, an article of a law, batches, editions, 首台（套）, group names.
  assert.deepEqual(found('我国第一个五年计划，宪法第四条，首批项目，首届论坛，第一时间，完善首台（套）政策，摆在首位。'), []);
  assert.deepEqual(found('跻身全国百强县，百强城市，全国100强县。'), []);
});

test('round hundreds and thousands without a digit, half a year, a month', () => {
  assert.deepEqual(found('上百万赤脚医生，近千万知识青年，近百个国家，突破百万吨大关，跨越两个千亿元台阶。'), [
    ['百万', 'count', 100],
    ['千万', 'count', 1000],
    ['百个', 'count', 100],
    ['百万吨', 'mass', 100],
    ['两个', 'count', 2],
    ['千亿元', 'currency', 1000],
  ]);
  const [million] = extractFigures('突破百万大关');
  assert.equal(million.baseValue, 1e6);
  assert.deepEqual(found('百姓千方百计，千家万户，数百万人，百万市民，百年大计。'), []);
  assert.deepEqual(found('暂停半年审批，开业一个月时间，今年上半年，一年来。'), [
    ['半年', 'duration', 0.5],
    ['一个月', 'duration', 1],
  ]);
});

test('numerals that are not quantities: terms, time offsets', () => {
  assert.deepEqual(found('购置三轮车，修缮四合院，二十四节气，普及九年义务教育，九年一贯制学校，每周五天工作制。'), []);
  assert.deepEqual(found('第四个五年计划，五年计划和年度计划，八类严重暴力犯罪，两条腿走路，三类水质。'), []);
  assert.deepEqual(found('三年前这里还是荒地，5年后将建成，两年以后，两个多月前。'), []);
  const [months] = extractFigures('工期两个多月，发电量５８２０亿千瓦小时');
  assert.deepEqual([months.text, months.kind, months.unit, months.approx], ['两个多月', 'duration', '个月', true]);
  assert.equal(extractFigures('发电量５８２０亿千瓦小时')[0].text, '５８２０亿千瓦小时');
  // How long stays a duration: 三年来, 用十五年时间, 十年长远规划.
  assert.deepEqual(found('三年来关系改进，用十五年时间，制订十年长远规划。'), [
    ['三年', 'duration', 3],
    ['十五年', 'duration', 15],
    ['十年', 'duration', 10],
  ]);
});

test('compound Chinese numerals with an inner 亿 before the final 万 (national-1959)', () => {
  const [gross, coal, land] = extractFigures('达到了一千三百八十七亿四千万元，原煤一亿四千万吨，耕地二亿八千六百七十七万亩');
  assert.deepEqual([gross.text, gross.value, gross.magnitude, gross.baseValue], ['一千三百八十七亿四千万元', 13874000, 1e4, 138740000000]);
  assert.deepEqual([coal.value, coal.baseValue], [14000, 140000000]);
  assert.deepEqual([land.value, land.baseValue], [28677, 286770000]);
  const [whole] = extractFigures('七百六十一万三千亩');
  assert.deepEqual([whole.value, whole.baseValue], [7613000, 7613000]);
});

test('per mille in words and in a sign: 千分之十三, 10.06‰ (kind other)', () => {
  assert.deepEqual(found('四川省由千分之二十九降到千分之六点一，控制在千分之十三以下，出生率10.06‰。'), [
    ['千分之二十九', 'other', 29],
    ['千分之六点一', 'other', 6.1],
    ['千分之十三', 'other', 13],
    ['10.06‰', 'other', 10.06],
  ]);
  assert.equal(extractFigures('千分之十三')[0].unit, '‰');
});

test('a middle dot as decimal point (19·5％), 千亿/百亿 after digits, 对 and 款 as measure words', () => {
  assert.deepEqual(found('全年增长19·5％，投资增长14·1％。廊坊“5·18”经贸洽谈会。'), [
    ['19·5％', 'percent', 19.5],
    ['14·1％', 'percent', 14.1],
  ]);
  const [big] = extractFigures('产值突破9千亿元');
  assert.deepEqual([big.text, big.value, big.baseValue], ['9千亿元', 9, 9e11]);
  assert.deepEqual(found('国际友城达137对，2款一类创新药。'), [
    ['137对', 'count', 137],
    ['2款', 'count', 2],
  ]);
});

test('full-width thousands separators between full-width digits; 千百万 and 三步走 are not figures', () => {
  assert.deepEqual(found('收入合计２７，２０３，３１９，０００元，达到３，５５６万担。'), [
    ['２７，２０３，３１９，０００元', 'currency', 27203319000],
    ['３，５５６万担', 'mass', 3556],
  ]);
  assert.deepEqual(found('１９７８，１９７９年，关系到千百万群众，三步走战略。'), []);
});

test('万 alone for its magnitude after a word of size; vague and idiomatic numerals stay out', () => {
  assert.deepEqual(found('进出口总额首次突破万亿元，近万名干部，万余人，分为三部分。'), [
    ['万亿元', 'currency', 1],
    ['万名', 'count', 1],
    ['万余人', 'count', 1],
    ['三部分', 'count', 3],
  ]);
  assert.equal(extractFigures('突破万亿元')[0].baseValue, 1e12);
  assert.deepEqual(found('投资几十亿元，数亿元，数十万人，开展“万人助万企”活动，万众一心，牵涉到千家万户，一部分企业，大部分地区。'), []);
});

test('older reports: 度 (kWh) after a magnitude, 立方公尺, 土方, 马力, measure words after large Chinese numbers', () => {
  assert.deepEqual(found('发电量三十二亿五千万度，电力增产了二十四亿度，一度出现困难，两度获得。'), [
    ['三十二亿五千万度', 'energy', 325000],
    ['二十四亿度', 'energy', 24],
  ]);
  assert.deepEqual(found('木材增产约五百二十万立方公尺，兴修八亿土方，拖拉机五十四匹马力。'), [
    ['五百二十万立方公尺', 'volume', 520],
    ['八亿土方', 'volume', 8],
    ['五十四匹马力', 'energy', 54],
  ]);
  assert.deepEqual(found('猪增加了约三千万头，新增病床一千多张，两只手，一张蓝图，三块牌子。'), [
    ['三千万头', 'count', 3000],
    ['一千多张', 'count', 1000],
  ]);
  // 一亿一千七百多万亩: the inner 亿 counts in units of the 万 after 多.
  const [irrigated] = extractFigures('已经完成一亿一千七百多万亩');
  assert.deepEqual([irrigated.text, irrigated.value, irrigated.baseValue], ['一亿一千七百多万亩', 11700, 117000000]);
});
