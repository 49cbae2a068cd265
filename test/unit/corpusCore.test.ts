// The corpus's pure logic (src/core/corpus): summaries and their cache entries, grouping, indicator series
// across reports, KWIC lines and per-year counts, the timeline's chart data. Real national reports where the
// behaviour depends on the analysis.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { ALL_REPORTS, indicatorChart, regionChoices, termChart, termRegionChoices } from '../../src/core/corpus/chart';
import { groupReports, type CorpusReport } from '../../src/core/corpus/grouping';
import { compileQuery, countedCharacters, findHits, FindQueryError, kwicLine, paragraphsHit, termYears, type TermYear } from '../../src/core/corpus/kwic';
import { figureYear, findSeries, indicatorSeries, parseSeriesId, seriesId, seriesRows } from '../../src/core/corpus/series';
import { unitFactor, unitFamily } from '../../src/core/corpus/seriesUnits';
import { cachedSummaryJson, parseCachedSummary, summarize, type FigureSummary, type ReportSummary } from '../../src/core/corpus/summary';
import { csvRecord, HIT_COLUMNS, hitRows, sentenceAround } from '../../src/core/tables';
import { CORPUS_DIR } from './corpus';

const SHARED = resolve(CORPUS_DIR, '..');

function report(file: string): CorpusReport {
  const text = readFileSync(join(SHARED, file), 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  return { uri: `file:///${file}`, name: file, summary: summarize(hash, text, analyzeText(text)) };
}

const fake = (name: string, meta: ReportSummary['meta']): CorpusReport => ({
  uri: `file:///${name}`,
  name,
  summary: { hash: name, length: 0, characters: 0, meta, counts: { sections: 0, paragraphs: 0, figures: 0, projects: 0, targets: 0, results: 0 }, figures: [] },
});

describe('summaries', () => {
  const r = report('corpus-national/national-2012.txt');
  test('keep metadata, counts, and only figures with an indicator or a role, each with its sentence', () => {
    assert.equal(r.summary.meta?.level, 'national');
    assert.equal(r.summary.meta?.year, 2012);
    assert.ok(r.summary.counts.figures >= r.summary.figures.length);
    assert.ok(r.summary.counts.targets > 0 && r.summary.counts.results > 0);
    for (const f of r.summary.figures) assert.ok(f.indicatorKey || f.role);
    const target = r.summary.figures.find((f) => f.indicatorKey === 'gdp' && f.role === 'target' && f.kind === 'percent');
    assert.ok(target, 'the GDP growth target of 2012');
    assert.equal(target.value, 7.5);
    assert.match(target.sentence, /国内生产总值增长7．5%/);
    // Values are in the unit, magnitude applied: a year in 亿元 and one in 万亿元 stand on one scale.
    const money = r.summary.figures.find((f) => f.kind === 'currency' && /亿元$/.test(f.text) && !/万亿/.test(f.text))!;
    assert.equal(money.unit, '元');
    assert.equal(money.value, Number((parseFloat(money.text.normalize('NFKC').replace(/,/g, '')) * 1e8).toPrecision(12)), money.text);
  });
  test('a cache entry is read back only for the same hash and version, and anything broken is refused', () => {
    const json = cachedSummaryJson(r.summary);
    assert.deepEqual(parseCachedSummary(JSON.parse(json), r.summary.hash), r.summary);
    assert.equal(parseCachedSummary(JSON.parse(json), 'other'), undefined);
    assert.equal(parseCachedSummary({ version: 999, summary: r.summary }, r.summary.hash), undefined);
    assert.equal(parseCachedSummary({ version: 1, summary: { ...r.summary, figures: [{ start: 'x' }] } }, r.summary.hash), undefined);
    assert.equal(parseCachedSummary(null, r.summary.hash), undefined);
  });
});

describe('grouping', () => {
  test('by level (national first), region, then year', () => {
    const groups = groupReports([
      fake('b', { genre: 'workReport', level: 'district', region: '西工区', year: 2021 }),
      fake('a', { genre: 'workReport', level: 'district', region: '西工区', year: 2019 }),
      fake('n', { genre: 'workReport', level: 'national', region: '中国', year: 2024 }),
      fake('x', { genre: 'news' }),
    ]);
    assert.deepEqual(groups.map((g) => g.level), ['national', 'district', undefined]);
    assert.deepEqual(groups[1].regions[0].reports.map((r) => r.name), ['a', 'b']);
    assert.equal(groups[2].regions[0].region, '?');
  });
});

describe('indicator series in one unit', () => {
  const figure = (id: string, text: string, value: number, unit: string, kind: FigureSummary['kind'], indicatorKey: string): FigureSummary => ({
    id, text, start: 0, end: text.length, kind, value, unit, bound: 'exact', indicatorKey, role: 'target', sentence: text,
  });
  const withFigures = (name: string, year: number, figures: FigureSummary[]): CorpusReport => {
    const r = fake(name, { genre: 'workReport', level: 'national', region: '中国', year });
    return { ...r, summary: { ...r.summary, figures } };
  };
  // Grain in 万吨 twice and in 亿斤 once (national reports of different decades); trade in 美元 and in 元.
  const reports = [
    withFigures('1985', 1985, [figure('a', '4650亿斤', 4.65e11, '斤', 'mass', 'grainOutput'), figure('b', '2000亿元', 2e11, '元', 'currency', 'foreignTrade')]),
    withFigures('2005', 2005, [figure('c', '46947万吨', 4.6947e8, '吨', 'mass', 'grainOutput'), figure('d', '11547亿美元', 1.1547e12, '美元', 'currency', 'foreignTrade')]),
    withFigures('2012', 2012, [figure('e', '57121万吨', 5.7121e8, '吨', 'mass', 'grainOutput')]),
  ];
  const all = indicatorSeries(reports);
  test('units of one family are converted into the one most points are in; the text stays as written', () => {
    const grain = findSeries(all, 'grainOutput:mass')!;
    assert.deepEqual(grain.points.map((p) => [p.year, p.value, p.unit, p.text]), [
      [1985, 2.325e8, '吨', '4650亿斤'],
      [2005, 4.6947e8, '吨', '46947万吨'],
      [2012, 5.7121e8, '吨', '57121万吨'],
    ]);
  });
  test('money in 美元 and in 元 are two series, the 美元 one named by its family', () => {
    const trade = all.filter((s) => s.indicatorKey === 'foreignTrade').map((s) => [seriesId(s), s.points.map((p) => p.unit)]);
    assert.deepEqual(trade.sort(), [['foreignTrade:currency', ['元']], ['foreignTrade:currency:美元', ['美元']]]);
    assert.equal(findSeries(all, 'foreignTrade:currency:美元')?.points[0].value, 1.1547e12);
  });
  test('a count written without its unit (新增就业290万) is in the one unit the indicator counts in; in two, it stays apart', () => {
    const jobs = [
      withFigures('2008', 2008, [figure('a', '1000万人', 1e7, '人', 'count', 'newUrbanJobs'), figure('b', '8000万人次', 8e7, '人次', 'count', 'tourists')]),
      withFigures('2009', 2009, [figure('c', '900万', 9e6, '', 'count', 'newUrbanJobs'), figure('d', '9000万人', 9e7, '人', 'count', 'tourists')]),
      withFigures('2010', 2010, [figure('e', '9500万', 9.5e7, '', 'count', 'tourists')]),
    ];
    const series = indicatorSeries(jobs).map((s) => [seriesId(s), s.points.map((p) => [p.year, p.unit, p.text])]);
    assert.deepEqual(series.sort(), [
      ['newUrbanJobs:count:人', [[2008, '人', '1000万人'], [2009, '人', '900万']]],
      ['tourists:count', [[2010, '', '9500万']]],
      ['tourists:count:人', [[2009, '人', '9000万人']]],
      ['tourists:count:人次', [[2008, '人次', '8000万人次']]],
    ]);
  });
});

describe('changes and units', () => {
  test('an amount of change (增加约109亿公斤) is marked, a level is not, nor a reduction the indicator itself measures', () => {
    const text = '2011年政府工作报告\n\n去年农村贫困人口减少1442万人。粮食总产量增加约109亿公斤，达到5.7亿吨。\n';
    const figures = summarize('h', text, analyzeText(text)).figures.map((f) => [f.text, f.change ?? false]);
    assert.deepEqual(figures, [['1442万人', false], ['109亿公斤', true], ['5.7亿吨', false]]);
  });
  test('Latin symbols convert as their Chinese names do; a series of counts without a unit has an id without one', () => {
    assert.equal(unitFactor('MW', '千瓦'), 1000);
    assert.equal(unitFactor('吨', 't'), 1);
    assert.equal(unitFamily('km²'), '平方米');
    assert.equal(seriesId({ indicatorKey: 'povertyReduction', kind: 'count', family: '' }), 'povertyReduction:count');
    assert.deepEqual(parseSeriesId('povertyReduction:count'), { indicatorKey: 'povertyReduction', kind: 'count', family: '' });
  });
});

describe('indicator series', () => {
  const reports = ['1995', '2009', '2010', '2011'].map((y) => report(`corpus-national/national-${y}.txt`));
  const gdp = indicatorSeries(reports).find((s) => seriesId(s) === 'gdp:percent');
  test('the GDP growth series has targets and results by year, from the nearest report', () => {
    assert.ok(gdp);
    const target2009 = gdp.points.find((p) => p.year === 2009 && p.role === 'target');
    assert.equal(target2009?.value, 8);
    assert.equal(target2009?.bound, 'about');
    const result2009 = gdp.points.find((p) => p.year === 2009 && p.role === 'result');
    assert.equal(result2009?.value, 8.7);
    assert.equal(result2009?.reportYear, 2010);
    const target1995 = gdp.points.find((p) => p.year === 1995 && p.role === 'target');
    assert.equal(target1995?.bound, 'range');
    assert.deepEqual([target1995?.value, target1995?.high], [8, 9]);
    // one point per region, year and role
    const slots = gdp.points.map((p) => `${p.region}|${p.year}|${p.role}`);
    assert.equal(new Set(slots).size, slots.length);
  });
  test('rows pair the target and the result of a year; ids round-trip', () => {
    const rows = seriesRows(gdp!.points);
    assert.ok(rows.some((r) => r.year === 2009 && r.target && r.result));
    assert.deepEqual(parseSeriesId('gdp:percent'), { indicatorKey: 'gdp', kind: 'percent', family: '%' });
    assert.deepEqual(parseSeriesId('foreignTrade:currency:美元'), { indicatorKey: 'foreignTrade', kind: 'currency', family: '美元' });
    assert.equal(parseSeriesId('nonsense'), undefined);
  });
  test('the year of a figure without one: a target is for the report year, a result has none', () => {
    const base = { id: 'f', text: '', start: 0, end: 0, kind: 'percent' as const, value: 1, unit: '%', bound: 'exact' as const, sentence: '' };
    assert.equal(figureYear({ ...base, role: 'target' }, 2024), 2024);
    assert.equal(figureYear({ ...base, role: 'result' }, 2024), undefined);
    assert.equal(figureYear({ ...base, role: 'result', year: 2019 }, 2024), 2019);
    assert.equal(figureYear(base, 2024), undefined);
  });
  test('the chart: a point per target and result, the table a row per year and region', () => {
    const labels = { year: 'Year', region: 'Region', target: 'Target', bound: 'Bound', result: 'Result', report: 'Report' };
    const chart = indicatorChart(gdp!, labels);
    assert.equal(chart.points.length, gdp!.points.length);
    const range = chart.points.find((p) => p.x === 1995 && p.role === 'target');
    assert.deepEqual([range?.y, range?.y2, range?.bound], [8, 9, 'range']);
    const row1995 = chart.rows.find((r) => r[0] === 1995);
    assert.equal(row1995?.[2], '8–9');
    assert.equal(row1995?.[3], 'range');
    assert.equal(chart.columns.length, row1995?.length);
    // The bound by its name in the user's language, where one is given.
    const named = indicatorChart(gdp!, { ...labels, boundName: (b) => ({ range: '区间', about: '左右' })[b as string] ?? b });
    assert.equal(named.rows.find((r) => r[0] === 1995)?.[3], '区间');
    assert.deepEqual([chart.yLabel, chart.columns[2], chart.columns[4]], ['%', 'Target (%)', 'Result (%)']);
    // Money in 元 is drawn in the magnitude most of its values reach: 3000亿 and 2.18万亿 as 3000 and 21800 亿元.
    const deficit = { ...gdp!, points: [3e11, 2.95e11, 7.5e11, 2.18e12].map((value, i) => ({ ...gdp!.points[0], role: 'target' as const, bound: 'exact' as const, high: undefined, year: 2005 + i, value, unit: '元' })) };
    const drawn = indicatorChart(deficit, labels);
    assert.deepEqual([drawn.yLabel, drawn.columns[2]], ['亿元', 'Target (亿元)']);
    assert.deepEqual(drawn.points.map((p) => p.y), [3000, 2950, 7500, 21800]);
    assert.deepEqual(drawn.rows.map((r) => r[2]), [3000, 2950, 7500, 21800]);
  });
  test('regions: the most stated first; by default those with at least half as many points, at most four', () => {
    const point = (region: string, year: number) => ({ ...gdp!.points[0], region, year });
    const s = { ...gdp!, points: [...[1, 2, 3, 4, 5, 6].map((y) => point('中国', y)), ...[1, 2, 3].map((y) => point('河北省', y)), point('保定市', 1)] };
    assert.deepEqual(regionChoices(s).map((r) => [r.name, r.points, r.selected]), [['中国', 6, true], ['河北省', 3, true], ['保定市', 1, false]]);
    // A choice is kept while its regions have points; one that has none falls back to the default.
    assert.deepEqual(regionChoices(s, ['保定市']).filter((r) => r.selected).map((r) => r.name), ['保定市']);
    assert.deepEqual(regionChoices(s, ['上海市']).filter((r) => r.selected).map((r) => r.name), ['中国', '河北省']);
    const labels = { year: 'Year', region: 'Region', target: 'Target', bound: 'Bound', result: 'Result', report: 'Report' };
    const chart = indicatorChart({ ...s, points: s.points.map((p) => ({ ...p, indicator: p.region === '中国' ? '国内生产总值' : '地区生产总值' })) }, labels, new Set(['河北省']));
    assert.match(chart.title, /^地区生产总值 /, 'the title names the indicator as the shown regions write it');
    assert.deepEqual([...new Set(chart.points.map((p) => p.series))], ['河北省']);
    assert.ok(chart.rows.every((r) => r[1] === '河北省'));
  });
});

describe('KWIC', () => {
  const text = '全面建成小康社会。\n小康是目标，全面小康\n实现小康';
  test('a word: every hit with its context, newlines flattened', () => {
    const { hits, count } = findHits(text, compileQuery({ pattern: '小康' }), 4);
    assert.equal(count, 4);
    assert.deepEqual(hits[1], { start: 10, end: 12, left: '社会。 ', match: '小康', right: '是目标，' });
    assert.equal(text.slice(hits[3].start, hits[3].end), '小康');
  });
  test('a sentence around a hit: ended by the hit\'s own mark; cut at 500 units each side, never inside 𡌶', () => {
    assert.equal(sentenceAround('甲。取得成就。下一句。', 4, 7), '取得成就。');
    assert.equal(sentenceAround('甲。取得成就。下一句。', 4, 6), '取得成就。');
    const long = '𡌶'.repeat(300) + '一小康' + '𡌶'.repeat(300);
    const s = sentenceAround(long, 601, 603);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), 'no half of 𡌶');
    assert.ok(s.includes('一小康'));
  });
  test('context in characters: 𡌶 beside a hit is whole, in the hit and in its KWIC line', () => {
    const astral = '𡌶𡌶𡌶𡌶小康𡌶𡌶𡌶𡌶';
    const [hit] = findHits(astral, compileQuery({ pattern: '小康' }), 3).hits;
    assert.deepEqual([hit.left, hit.right], ['𡌶𡌶𡌶', '𡌶𡌶𡌶']);
    const line = kwicLine(hit, 5); // (5 UTF-16 units of 𡌶𡌶𡌶: the cut would fall inside the first)
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line.text), line.text);
    assert.equal(line.text.slice(line.matchStart, line.matchEnd), '小康');
  });
  test('a regular expression, case, special characters and empty matches', () => {
    assert.equal(findHits(text, compileQuery({ pattern: '全面.{2}', regex: true })).count, 2);
    assert.equal(findHits('GDP gdp', compileQuery({ pattern: 'gdp' })).count, 2);
    assert.equal(findHits('GDP gdp', compileQuery({ pattern: 'gdp', caseSensitive: true })).count, 1);
    assert.equal(findHits('a.b axb', compileQuery({ pattern: 'a.b' })).count, 1);
    assert.equal(findHits('abc', compileQuery({ pattern: 'x*', regex: true })).count, 0);
    assert.throws(() => compileQuery({ pattern: '(', regex: true }), FindQueryError);
    assert.throws(() => compileQuery({ pattern: '' }), FindQueryError);
    // What is wrong, without the pattern and the flags V8 wraps it in (the UI names the pattern, in its language).
    assert.throws(() => compileQuery({ pattern: '国内(生产', regex: true }), (e) => e instanceof FindQueryError && e.reason === 'syntax' && e.detail === 'Unterminated group');
    assert.throws(() => compileQuery({ pattern: '' }), (e) => e instanceof FindQueryError && e.reason === 'empty');
  });
  test('lines align: the left context is padded to one width', () => {
    const { hits } = findHits(text, compileQuery({ pattern: '小康' }), 6);
    const lines = hits.map((h) => kwicLine(h, 6));
    assert.ok(lines.every((l) => l.matchStart === 7));
    assert.equal(lines[0].text.slice(lines[0].matchStart, lines[0].matchEnd), '小康');
  });
  test('the hits are capped per report, the count is not', () => {
    const r = findHits('的'.repeat(1000), compileQuery({ pattern: '的' }), 2, 10);
    assert.deepEqual([r.hits.length, r.count], [10, 1000]);
  });
  test('a term per year: hits per 10,000 characters of all the year\'s reports, years without hits at 0; the chart breaks at years without reports', () => {
    const reports = [
      { uri: 'a', name: 'a', year: 2001, count: 2, hits: [] },
      { uri: 'b', name: 'b', year: 2001, count: 1, hits: [] },
      { uri: 'c', name: 'c', year: 1999, count: 4, hits: [] },
      { uri: 'd', name: 'd', count: 9, hits: [] },
    ];
    // Searched: a, b, c, d with their characters, and reports of 2000 and 2004 without a hit.
    const searched = [{ year: 2001, characters: 20_000 }, { year: 2001, characters: 10_000 }, { year: 1999, characters: 8_000 }, { characters: 5_000 }, { year: 2000, characters: 9_000 }, { year: 2004, characters: 7_000 }];
    const years = termYears(reports, searched);
    assert.deepEqual(
      years.map((y) => [y.year, y.count, y.reports, y.searched, y.characters, y.rate]),
      [[1999, 4, 1, 1, 8_000, 5], [2000, 0, 0, 1, 9_000, 0], [2001, 3, 2, 2, 30_000, 1], [2004, 0, 0, 1, 7_000, 0]],
    );
    const labels = {
      year: 'Year',
      region: 'Region',
      rate: 'Hits per 10,000 characters',
      hits: 'Hits',
      reports: 'Reports with hits',
      searched: 'Reports',
      characters: 'Characters',
      describe: (y: TermYear) => `${y.count} in ${y.reports} of ${y.searched}`,
    };
    const chart = termChart('小康', reports, searched, labels);
    assert.equal(chart.yLabel, 'Hits per 10,000 characters');
    assert.equal(chart.breakGaps, true);
    assert.deepEqual(chart.rows, [[1999, 5, 4, 1, 1, 8_000], [2000, 0, 0, 0, 1, 9_000], [2001, 1, 3, 2, 2, 30_000], [2004, 0, 0, 0, 1, 7_000]]);
    assert.deepEqual(chart.points.map((p) => [p.x, p.y]), [[1999, 5], [2000, 0], [2001, 1], [2004, 0]]);
    assert.equal(chart.points[2].detail, '3 in 2 of 2\na (2)\nb (1)');
    // Three significant digits: once in 30,000 characters; once in the 6 million characters of a year's 300 county
    // reports is no 0 (a year without hits).
    const once = (characters: number) => termChart('x', [{ uri: 'a', name: 'a', year: 2001, count: 1, hits: [] }], [{ year: 2001, characters }], labels).points[0].y;
    assert.deepEqual([once(30_000), once(6_000_000)], [0.333, 0.00167]);
  });
  test('a term per region: all the reports in one line, and each region chosen in its own; none to choose for one region', () => {
    const labels = { year: 'Year', region: 'Region', rate: 'Rate', hits: 'Hits', reports: 'With hits', searched: 'Reports', characters: 'Characters', describe: (y: TermYear) => `${y.count}` };
    const reports = [
      { uri: 'n', name: 'n', year: 2001, region: '中国', count: 3, hits: [] },
      { uri: 'h', name: 'h', year: 2001, region: '河北省', count: 1, hits: [] },
    ];
    const searched = [{ year: 2001, region: '中国', characters: 30_000 }, { year: 2001, region: '河北省', characters: 10_000 }, { year: 2002, region: '河北省', characters: 20_000 }];
    assert.deepEqual(termRegionChoices(searched, 'All'), [
      { name: ALL_REPORTS, label: 'All', points: 2, selected: true },
      { name: '河北省', points: 2, selected: false },
      { name: '中国', points: 1, selected: false },
    ]);
    // (The pool is chosen by its name, whatever the UI's language calls it.)
    const choices = termRegionChoices(searched, 'All', [ALL_REPORTS, '河北省']);
    const chart = termChart('小康', reports, searched, labels, choices);
    assert.deepEqual(chart.columns.slice(0, 3), ['Year', 'Region', 'Rate']);
    assert.deepEqual(chart.rows, [[2001, 'All', 1, 4, 2, 2, 40_000], [2001, '河北省', 1, 1, 1, 1, 10_000], [2002, 'All', 0, 0, 0, 1, 20_000], [2002, '河北省', 0, 0, 0, 1, 20_000]]);
    assert.deepEqual([...new Set(chart.points.map((p) => p.series))], ['All', '河北省']);
    // Reports of one region: nothing to choose, one line named after the term.
    assert.deepEqual(termRegionChoices(searched.filter((r) => r.region === '河北省'), 'All'), []);
    assert.deepEqual([...new Set(termChart('小康', reports, searched.slice(1), labels).points.map((p) => p.series))], ['小康']);
  });
  test('the hits table: code point offsets, context of as many characters each side (𡌶 one), the sentence; quoted as CSV', () => {
    const text = '𡌶𡌶𡌶小康社会。\n全面建成小康，"好"。';
    const { hits } = findHits(text, compileQuery({ pattern: '小康' }), 0, Infinity);
    const rows = [...hitRows({ document: 'r.txt', year: 2020, region: '𡌶州', title: '报告' }, text, hits, 3)];
    // (3 characters before the first hit are 6 UTF-16 code units.)
    assert.deepEqual(rows[0], ['r.txt', 2020, '𡌶州', undefined, '报告', 3, 5, '𡌶𡌶𡌶', '小康', '社会。', '𡌶𡌶𡌶小康社会。']);
    const cps = [...text];
    for (const r of rows) assert.equal(cps.slice(r[5] as number, r[6] as number).join(''), r[8]);
    assert.deepEqual(rows[1].slice(5), [13, 15, '面建成', '小康', '，"好', '全面建成小康，"好"。']);
    assert.equal(csvRecord(rows[1]), 'r.txt,2020,𡌶州,,报告,13,15,面建成,小康,"，""好","全面建成小康，""好""。"\r\n');
    assert.equal(HIT_COLUMNS.length, rows[0].length);
  });
  test('characters counted for a rate: code points, white space and control characters left out', () => {
    assert.equal(countedCharacters('政府 工作\u3000报告\r\n'), 6);
    assert.equal(countedCharacters('𡌶区\t5%\u00a0\ufeff'), 4);
    assert.equal(countedCharacters(''), 0);
  });
  test('paragraphs holding hits', () => {
    const text = 'aaXaXaaaaa\nbbbbbbbbb\ncccccXcccc';
    const paragraphs = [{ start: 0, end: 10 }, { start: 11, end: 20 }, { start: 21, end: 31 }];
    assert.deepEqual(paragraphsHit(text, /X/g, paragraphs), [0, 2]);
    // A hit across two paragraphs counts for the first; an empty match is no hit; no hit, no paragraph.
    assert.deepEqual(paragraphsHit(text, /b\nc/g, paragraphs), [1]);
    assert.deepEqual(paragraphsHit(text, /\n/g, paragraphs), []);
    assert.deepEqual(paragraphsHit(text, /Y*/g, paragraphs), []);
    assert.deepEqual(paragraphsHit(text, compileQuery({ pattern: 'x' }), paragraphs), [0, 2]);
    // An empty match before a character outside the BMP is stepped over (in Unicode mode it matched there for ever).
    const astral = '𡌶𡌶区\n\n5𡌶';
    assert.deepEqual(paragraphsHit(astral, compileQuery({ pattern: '\\d*', regex: true }), [{ start: 0, end: 5 }, { start: 7, end: 10 }]), [1]);
    assert.deepEqual(findHits(astral, compileQuery({ pattern: 'x*', regex: true })), { hits: [], count: 0 });
  });
});
