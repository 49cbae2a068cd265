// Project names in news about local development (spec.md, "Projects"): the writing of a news report on a
// county's projects, which the work reports of the development set rarely show. Sentences written for the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findProjectNames } from '../../src/core/projects';
import { loadJiebaSegmenter } from '../../src/core/segmenter';

const segmenter = loadJiebaSegmenter();
const names = (text: string) => findProjectNames(text, segmenter).sort();

test('a county and 项目 are its projects in general, not a name (某县项目建设), nor a place with a preposition (某县用好项目)', () => {
  assert.deepEqual(names('今年以来，永靖县项目建设呈现良好态势。'), []);
  assert.deepEqual(names('开启了山丹县用高质量项目推动县域发展的新篇章。'), []);
  // A named park of the county stays one.
  assert.deepEqual(names('永靖县白塔木雕产业园项目开工。'), ['永靖县白塔木雕产业园项目']);
});

test('an adverb phrase the dictionary holds as one word does not open a name (极大丰富|湔江生态旅游区)', () => {
  assert.deepEqual(names('项目建成后将极大丰富湔江生态旅游区的内涵。'), ['湔江生态旅游区']);
});

test('中 after works is "among them", not the first character of a name (重点工程中|东海大道)', () => {
  assert.deepEqual(names('全县20个重点工程中东海大道、港城路北延等8个项目已复工。'), ['东海大道', '港城路北延']);
});

test('a quality before a name is not in it (一座现代化|旗滨玻璃产业园, 国际化|滨海新城)', () => {
  assert.deepEqual(names('如今崛起一座现代化旗滨玻璃产业园。'), ['旗滨玻璃产业园']);
  assert.deepEqual(names('建设国际化滨海新城。'), ['滨海新城']);
});

test('a production line is named by a place or a company, not by its product (高级镀膜玻璃生产线)', () => {
  assert.deepEqual(names('在已投产的浮法、高级镀膜玻璃生产线上，玻璃顺着滚轮输送。'), []);
  assert.deepEqual(names('华迈龙净水设备生产线投产。'), ['华迈龙净水设备生产线']);
  assert.ok(names('加快推进彩虹咸阳超薄高透光伏玻璃生产线项目建设。').includes('彩虹咸阳超薄高透光伏玻璃生产线项目'));
});

test('leisure quarters, night-time quarters and old streets are facilities (民权路休闲街区, “武陵不夜城”, 安东老街)', () => {
  assert.deepEqual(names('慈城镇民权路休闲街区成功上榜。'), ['慈城镇民权路休闲街区']);
  assert.deepEqual(names('西昌市唐园旅游休闲街区璀璨夺目。'), ['西昌市唐园旅游休闲街区']);
  assert.deepEqual(names('竹溪县打造的沉浸式文旅街区“武陵不夜城”正式开街。'), ['武陵不夜城']);
  assert.deepEqual(names('丹东安东老街复古的建筑风格让这里热闹非凡。'), ['丹东安东老街']);
  // A leisure quarter of no name is none.
  assert.deepEqual(names('建设一批旅游休闲街区。'), []);
});

test('one company project before 等 and a count of projects (金龙羽特高压电缆等10个重点项目), after an adverb and a verb', () => {
  assert.deepEqual(names('快速推进金龙羽特高压电缆等10个重点项目前期工作。'), ['金龙羽特高压电缆']);
  // A sector before the count is none.
  assert.deepEqual(names('加快推进化工等5个重大项目建设。'), []);
});

test('a listed company is no part of a name (上市公司中国长城)', () => {
  assert.deepEqual(names('与上市公司中国长城合作建设中国长城(温州)自主创新基地。'), ['中国长城(温州)自主创新基地']);
});

test('山水 is scenery, not a place the dictionary should make a name of (山水运动片区)', () => {
  assert.deepEqual(names('景区布局了山水运动片区、文化创意片区。'), []);
});

test('where a road starts is not its name (北侧起点|接|环城北路)', () => {
  assert.deepEqual(names('新桥向东移，北侧起点接环城北路，全长1.2公里。'), ['环城北路']);
});

test('a bridge named by one common word is named (紫金大桥, 胜利大桥); a kind of bridge is not (公路大桥)', () => {
  assert.deepEqual(names('桐溪大桥和重建后的紫金大桥正式通车。'), ['桐溪大桥', '紫金大桥']);
  assert.deepEqual(names('建设公路大桥和景观大桥。'), []);
});

test('an ordinal is part of a hospital\'s or a school\'s name (第一中心医院门诊综合楼, 三明市第一医院…); a rank is no name', () => {
  assert.deepEqual(names('加快市第一中心医院门诊综合楼建设。'), ['第一中心医院门诊综合楼']);
  assert.deepEqual(names('先后来到三明市第一医院生态新城分院项目。'), ['三明市第一医院生态新城分院项目']);
  assert.deepEqual(names('增速居全省第一。'), []);
});

test('a facility among company projects and works before 等工程 is a member (京雄快线、国贸中心等工程)', () => {
  assert.deepEqual(names('加快京雄快线、国贸中心等工程进度。'), ['京雄快线', '国贸中心']);
  assert.deepEqual(names('加快图书馆、科技馆等工程进度。'), []);
});

test('an ordinal anywhere in a school\'s name is part of it, and 像 ("such as") is no part of one (像|西安第一航空技工学校)', () => {
  assert.deepEqual(names('像西安第一航空技工学校这样的学校。'), ['西安第一航空技工学校']);
});
