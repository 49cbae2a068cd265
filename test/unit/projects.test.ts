// Named projects (spec.md, "Projects"). Expectations were written by reading the corpus texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { collectProjects, findProjectNames } from '../../src/core/projects';
import { loadJiebaSegmenter } from '../../src/core/segmenter';
import type { Project } from '../../src/core/types';
import { corpusText } from './corpus';

const segmenter = loadJiebaSegmenter();

function projectsOf(text: string): Project[] {
  const a = analyzeText(text, { segmenter });
  // Every occurrence is the name itself, ids follow first occurrence.
  a.projects.forEach((p, i) => {
    assert.equal(p.id, `j${i + 1}`);
    for (const o of p.occurrences) assert.equal(text.slice(o.start, o.end), p.name);
    if (i > 0) assert.ok(a.projects[i - 1].occurrences[0].start < p.occurrences[0].start);
  });
  return a.projects;
}
const named = (projects: Project[]) => new Map(projects.map((p) => [p.name, p.occurrences.length]));

test('the spec examples in a district news report', () => {
  const text = [
    '秦都:推动县域经济高质量发展实现新跨越',
    '项目建设提速增效。秦创原(秦都)创新促进中心建成投用，彩虹咸阳超薄高透光伏玻璃生产线项目点火投产，光伏新能源配套产业园加快建设，姜家变电站建成投运。',
    '民生福祉持续改善。启动基础教育高质量发展三年行动，新建一所学校，改造道路5条，开展城市清洁行动，荣获全国文明城市称号。',
    '明年将全力推进彩虹咸阳超薄高透光伏玻璃生产线项目达产，确保光伏新能源配套产业园投产、姜家变电站二期开工。',
  ].join('\n');
  const p = named(projectsOf(text));
  // A phase is a project of its own; its mention is not also one of the whole.
  assert.equal(p.get('姜家变电站二期'), 1);
  assert.equal(p.get('秦创原(秦都)创新促进中心'), 1);
  assert.equal(p.get('彩虹咸阳超薄高透光伏玻璃生产线项目'), 2);
  assert.equal(p.get('光伏新能源配套产业园'), 2);
  assert.equal(p.get('姜家变电站'), 1);
  assert.equal(p.get('基础教育高质量发展三年行动'), 1);
  // Unnamed facilities, campaigns and awards are not projects.
  for (const name of p.keys()) assert.ok(!/学校|道路|清洁行动|文明城市/.test(name), `${name} is not a project`);
});

test('001: parks, a utility tunnel and a project phase; a caption mention counts', () => {
  const text = corpusText('001_644dbfd378649ff3.txt');
  const p = named(projectsOf(text));
  assert.equal(p.get('大数据产业园一期工程'), 1);
  assert.equal(p.get('沙澧连通综合管廊项目'), 1);
  assert.equal(p.get('金融保险服务产业园'), 1);
  assert.equal(p.get('人力资源服务产业园'), 2); // in the story and in the caption list under it
  assert.equal(p.get('红星爱琴海购物广场'), 1);
  assert.equal(p.get('中原科学城项目'), 1);
  // 大数据产业园 inside 大数据产业园一期工程 is not a project of its own; generic words never are.
  for (const not of ['大数据产业园', '重点项目', '项目', '数字化平台', '科技馆']) assert.ok(!p.has(not), not);
  // Roles in a strategy sentence are not facilities.
  assert.ok(![...p.keys()].some((n) => n.includes('现代服务中心') || n.includes('客运中心')));
});

test('000: 万达广场 at every mention, named works, no companies or generic projects', () => {
  const text = corpusText('000_1e31b28fa2d96c08.txt');
  const projects = projectsOf(text);
  const p = named(projects);
  assert.equal(p.get('万达广场'), 5);
  const wanda = projects.find((x) => x.name === '万达广场')!;
  assert.equal(wanda.occurrences[0].start, text.indexOf('万达广场'));
  for (const name of ['人力资源产业园', '金融保险产业园', '中南大数据中心', '西城区排水管网疏通检测修复项目', '花溪湿地文化旅游设施建设工程', '月湾湖西路新建工程', '平漯周高铁项目']) {
    assert.ok(p.has(name), name);
  }
  for (const not of ['城市更新项目', '重点项目', '中食数联', '高水平医院', '医院项目', '一批大项目']) assert.ok(!p.has(not), not);
});

test('002: parks, museums, bases and phases of a district work report', () => {
  const text = corpusText('002_395ec08d707c8053.txt');
  const p = named(projectsOf(text));
  assert.equal(p.get('寒武纪人工智能产业创新基地'), 2);
  assert.equal(p.get('应天门遗址博物馆'), 3);
  assert.equal(p.get('九洲池遗址公园'), 2);
  for (const name of ['华荣生物育成中心一期', '润宝4亿克拉人造金刚石项目', '五洲跨境电子商务产业园', '安驰亚欧国际物流园', '史家湾安全饮水工程', '金水河湿地公园一期']) {
    assert.ok(p.has(name), name);
  }
  // Companies, awards, policies and roles of the district are not projects.
  for (const n of p.keys()) {
    assert.ok(!/中收机械|正大食品|绿色工厂|放管服|研究中心|金融中心|商贸中心|副中心|服务中心$/.test(n), `${n} is not a project`);
  }
  for (const not of ['城改重点项目', '公共服务项目', '扶贫产业项目', '非遗项目', '总部楼宇基地']) assert.ok(!p.has(not), not);
});

test('003: incubators, flagship store and production line; a company and the district\'s project count are not', () => {
  const text = corpusText('003_89d403a9849428ca.txt');
  const p = named(projectsOf(text));
  assert.equal(p.get('电商网红直播城'), 2);
  for (const name of ['京东电器平顶山旗舰店', '新华区数字经济创新创业孵化园', '星峰研学基地', '新华产业新城智能制造产业基地一期', '义乌商贸城']) {
    assert.ok(p.has(name), name);
  }
  for (const n of p.keys()) assert.ok(!/猪八戒|平煤神马|招商引资项目|一号工程|中心城区/.test(n), `${n} is not a project`);
});

test('national 2014: a named national works project', () => {
  const p = named(projectsOf(corpusText('national-2014.txt')));
  assert.ok(p.has('南水北调东线一期工程'));
  for (const n of p.keys()) assert.ok(!/^(重大|重点)/.test(n), n);
});

test('findProjectNames: names within one paragraph, longest reading only', () => {
  assert.deepEqual(findProjectNames('大数据产业园一期工程试桩工作已完成,二期已建至九层。', segmenter), ['大数据产业园一期工程']);
  assert.deepEqual(findProjectNames('确保名单内项目全部开工，推动28个项目竣工投用。', segmenter), []);
  assert.deepEqual(findProjectNames('', segmenter), []);
});

test('collectProjects: every occurrence, overlaps go to the longest name, order of first mention', () => {
  const text = '𡌶村大数据产业园一期工程开工。大数据产业园招商。万达广场开业，𡌶村大数据产业园一期工程完工。';
  const projects = collectProjects(text, ['万达广场', '大数据产业园', '大数据产业园一期工程'], []);
  assert.deepEqual(
    projects.map((p) => [p.id, p.name, p.occurrences.map((o) => text.slice(o.start, o.end))]),
    [
      ['j1', '大数据产业园一期工程', ['大数据产业园一期工程', '大数据产业园一期工程']],
      ['j2', '大数据产业园', ['大数据产业园']],
      ['j3', '万达广场', ['万达广场']],
    ],
  );
  // UTF-16 offsets: 𡌶 is two code units.
  assert.equal(projects[0].occurrences[0].start, 3);
  assert.deepEqual(collectProjects(text, [], []), []);
});
