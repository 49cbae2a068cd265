// Report metadata on every file of the four corpora (read off each file's title and date line by hand), and
// the indicator table: the shipped entries, synonyms, users' additions, and a broken table file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { extractFigures } from '../../src/core/figures';
import { IndicatorTableError, loadIndicatorTable, readIndicatorFile, shippedEntries, shippedIndicators } from '../../src/core/indicators';
import { reportMeta } from '../../src/core/metadata';
import { parseStructure } from '../../src/core/structure';
import { CORPUS_DIR } from './corpus';
import { tempDir } from '../tempDir';

const SHARED = resolve(CORPUS_DIR, '..');
const meta = (file: string) => {
  const text = readFileSync(join(SHARED, file), 'utf8');
  return reportMeta(text, parseStructure(text).title);
};

const PROVINCES: Record<string, string> = {
  fujian: '福建省', guangxi: '广西壮族自治区', guizhou: '贵州省', hainan: '海南省', hebei: '河北省', heilongjiang: '黑龙江省',
  henan: '河南省', hunan: '湖南省', jiangxi: '江西省', liaoning: '辽宁省', qinghai: '青海省', shaanxi: '陕西省', shanxi: '山西省',
  xinjiang: '新疆维吾尔自治区', xizang: '西藏自治区',
};

test('meta of every national report: level national, region 中国, year of the date line', () => {
  const files = readdirSync(join(SHARED, 'corpus-national')).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 40);
  for (const f of [...files.map((x) => `corpus-national/${x}`), 'corpus/national-2014.txt', 'corpus/national-2016.txt']) {
    const year = Number(/national-(\d{4})/.exec(f)![1]);
    assert.deepEqual(meta(f), { year, region: '中国', level: 'national', genre: 'workReport' }, f);
  }
});

test('meta of every provincial 2026 report (web page furniture above the title)', () => {
  const files = readdirSync(join(SHARED, 'corpus-provinces-2026')).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, 15);
  for (const f of files) {
    const region = PROVINCES[f.replace('-2026.txt', '')];
    assert.deepEqual(meta(`corpus-provinces-2026/${f}`), { year: 2026, region, level: 'province', genre: 'workReport' }, f);
  }
});

test('meta of the local reports and the district news pages', () => {
  const expected: Record<string, object> = {
    'corpus-local/baoding-2010.txt': { year: 2010, region: '保定市', level: 'city', genre: 'workReport' },
    'corpus-local/baoding-2014.txt': { year: 2014, region: '保定市', level: 'city', genre: 'workReport' },
    // no date line: the year after the one its first part reviews (一、2017年工作回顾)
    'corpus-local/baoding-2018.txt': { year: 2018, region: '保定市', level: 'city', genre: 'workReport' },
    'corpus-local/baoding-2023.txt': { year: 2023, region: '保定市', level: 'city', genre: 'workReport' },
    'corpus-local/gaoyang-2017.txt': { year: 2017, region: '高阳县', level: 'county', genre: 'workReport' },
    'corpus-local/gaoyang-2019.txt': { year: 2019, region: '高阳县', level: 'county', genre: 'workReport' },
    // a news page about the session (发布时间：2023-01-12)
    'corpus-local/gaoyang-2023.txt': { year: 2023, region: '高阳县', level: 'county', genre: 'news' },
    'corpus-local/hebei-2005.txt': { year: 2005, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus-local/hebei-2010.txt': { year: 2010, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus-local/hebei-2012.txt': { year: 2012, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus-local/hebei-2015.txt': { year: 2015, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus-local/hebei-2019.txt': { year: 2019, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus-local/hebei-2024.txt': { year: 2024, region: '河北省', level: 'province', genre: 'workReport' },
    'corpus/000_1e31b28fa2d96c08.txt': { region: '西城区', level: 'district', genre: 'news' },
    'corpus/001_644dbfd378649ff3.txt': { region: '西城区', level: 'district', genre: 'news' },
    'corpus/002_395ec08d707c8053.txt': { year: 2020, region: '洛阳市西工区', level: 'district', genre: 'workReport' },
    'corpus/003_89d403a9849428ca.txt': { region: '新华区', level: 'district', genre: 'news' },
  };
  for (const dir of ['corpus-local', 'corpus']) {
    for (const f of readdirSync(join(SHARED, dir)).filter((x) => x.endsWith('.txt') && !x.startsWith('national'))) {
      assert.ok(expected[`${dir}/${f}`], `an expectation for ${dir}/${f}`);
    }
  }
  for (const [f, m] of Object.entries(expected)) assert.deepEqual(meta(f), m, f);
  assert.deepEqual(analyzeText('2020年洛阳市西工区政府工作报告\n各位代表：\n').meta, { year: 2020, region: '洛阳市西工区', level: 'district', genre: 'workReport' });
});

test('the shipped indicator table covers the spec\'s keys and parses; synonyms give one key', () => {
  const keys = shippedIndicators().map((e) => e.key);
  // What the analysis starts from without validating it (shippedEntries) is what validation gives.
  assert.deepEqual(shippedEntries(), shippedIndicators());
  for (const k of ['gdp', 'gdpPerCapita', 'cpi', 'newUrbanJobs', 'urbanUnemployment', 'surveyedUnemployment', 'fiscalRevenue', 'taxRevenue',
    'fiscalDeficit', 'deficitRatio', 'fixedAssetInvestment', 'retailSales', 'industrialValueAdded', 'foreignTrade', 'exports', 'imports',
    'actualForeignInvestment', 'urbanDisposableIncome', 'ruralDisposableIncome', 'disposableIncome', 'grainOutput', 'energyIntensity',
    'rdSpending', 'urbanisationRate', 'povertyReduction', 'registeredBusinesses', 'tourismRevenue']) {
    assert.ok(keys.includes(k), k);
  }
  const key = (s: string) => extractFigures(s)[0]?.indicatorKey;
  for (const s of ['国内生产总值增长7%', '地区生产总值增长7%', '全区生产总值增长7%', '生产总值增长7%', 'GDP增长7%', '全年国内生产总值增长7%']) assert.equal(key(s), 'gdp', s);
  assert.equal(key('一般公共预算收入增长5%'), 'fiscalRevenue');
  assert.equal(key('公共财政预算收入18.1亿元'), 'fiscalRevenue');
  assert.equal(key('地方一般公共预算收入3723亿元'), 'fiscalRevenue');
  assert.equal(key('城镇登记失业率4.5%'), 'urbanUnemployment');
  assert.equal(key('城镇调查失业率5.5%'), 'surveyedUnemployment');
  assert.equal(key('赤字率3%'), 'deficitRatio');
  assert.equal(key('财政赤字13500亿元'), 'fiscalDeficit');
  // What the old attribution got wrong: the verb or time word, and a longer indicator that holds GDP.
  assert.deepEqual(extractFigures('提出国内生产总值增长８％左右').map((f) => [f.indicator, f.indicatorKey]), [['国内生产总值', 'gdp']]);
  assert.equal(extractFigures('现在国内生产总值每增长1个百分点的增量')[0].indicator, '国内生产总值');
  const energy = extractFigures('单位国内生产总值能耗由前三年分别上升4.9％').find((f) => f.text === '4.9％')!;
  assert.deepEqual([energy.indicator, energy.indicatorKey], ['单位国内生产总值能耗', 'energyIntensity']);
  // Other indicators that contain a GDP name are not GDP.
  assert.equal(key('服务业增加值占国内生产总值比重达到50%'), undefined);
  assert.equal(key('海洋生产总值增长6%'), undefined);
  assert.equal(key('机电产品出口增长8%'), undefined);
  assert.equal(key('城镇和农村居民人均可支配收入分别增长5%'), undefined);
  // A kind of figure the indicator does not take: GDP is money or a percentage, not a count.
  assert.equal(key('国内生产总值12个'), undefined);
});

test('users extend the table: new keys and synonyms merged; a broken file names the entry', () => {
  const dir = tempDir('report-annotator-ind-');
  const good = join(dir, 'report-annotator.indicators.json');
  writeFileSync(good, JSON.stringify({ indicators: [
    { key: 'greenArea', name: '绿地面积', nameEn: 'Green space', synonyms: ['新增绿地'], kinds: ['area'] },
    { key: 'gdp', name: '国内生产总值', synonyms: ['经济规模'], kinds: ['currency', 'percent'] },
  ] }));
  const table = loadIndicatorTable(readIndicatorFile(good));
  assert.ok(table.keys.includes('greenArea'));
  assert.equal(extractFigures('新增绿地120万平方米', { indicators: table })[0].indicatorKey, 'greenArea');
  assert.equal(extractFigures('经济规模增长6%', { indicators: table })[0].indicatorKey, 'gdp');
  assert.equal(extractFigures('地区生产总值增长6%', { indicators: table })[0].indicatorKey, 'gdp', 'the shipped synonyms stay');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify([{ key: 'ok', name: '好', kinds: ['count'] }, { key: 'roads', name: '道路', kinds: ['road'] }]));
  assert.throws(() => readIndicatorFile(bad), (err: Error) => err instanceof IndicatorTableError && /bad\.json: indicator entry 1 \("roads"\): kinds\.0/.test(err.message));
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"indicators": [');
  assert.throws(() => readIndicatorFile(broken), /broken\.json: line 1, column/);
});
