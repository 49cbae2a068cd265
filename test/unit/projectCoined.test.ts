// Project names coined from a short word and a kind of place (spec.md, "Projects"): parks named as valleys
// (农谷, 声谷), which no dictionary holds. Sentences written for the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { findProjectNames } from '../../src/core/projects';
import { loadJiebaSegmenter } from '../../src/core/segmenter';

const segmenter = loadJiebaSegmenter();
const names = (text: string) => findProjectNames(text, segmenter).sort();

test('a park named as a valley of its trade is a project (中原农谷, 合肥中国声谷, “东湖光谷”); landforms and grain are not (山谷, 稻谷)', () => {
  assert.deepEqual(names('支持中原农谷建设。'), ['中原农谷']);
  assert.deepEqual(names('打造合肥中国声谷。'), ['合肥中国声谷']);
  assert.deepEqual(names('推进“东湖光谷”建设，山谷和河谷生态修复。'), ['东湖光谷']);
  assert.deepEqual(names('稻谷收购价格提高。'), []);
});

test('what works do to a place\'s facility is inside their name (昆明绕城高速扩容工程, 汉中污水处理提质增效工程); without a place it is a kind of works', () => {
  assert.deepEqual(names('推动昆明绕城高速扩容工程加快建设。'), ['昆明绕城高速扩容工程']);
  assert.deepEqual(names('实施汉中污水处理提质增效工程。'), ['汉中污水处理提质增效工程']);
  assert.deepEqual(names('实施城镇污水处理提质增效工程。'), []);
  assert.deepEqual(names('实施病险水库除险加固工程。'), []);
});

test('a district the dictionary has as a common word is a place before a facility (大兴国际机场)', () => {
  assert.deepEqual(names('京雄高速直达大兴国际机场。'), ['京雄高速', '大兴国际机场']);
  assert.deepEqual(names('大兴调查研究之风。'), []);
});

test('national plans with a proper name are programmes (“星火计划”, “863”计划, “八七”扶贫攻坚计划); plans named by what they do and five-year plans are not', () => {
  assert.deepEqual(names('继续实施“星火计划”、“火炬计划”和“丰收计划”。'), ['丰收计划', '星火计划', '火炬计划']);
  assert.deepEqual(names('“863”计划顺利实施，“八七”扶贫攻坚目标基本实现。'), ['“863”计划', '“八七”扶贫攻坚']);
  assert.deepEqual(names('认真实施“八七扶贫攻坚计划”。'), ['八七扶贫攻坚计划']);
  assert.deepEqual(names('实施农村义务教育学生营养改善计划，完成“八五”计划。'), []);
  // (The proper part quoted, full-width digits.)
  assert.deepEqual(names('实施“星火”计划和“火炬”计划，“８６３计划”进展顺利。'), ['“星火”计划', '“火炬”计划', '８６３计划']);
});

test('a date that names a plant after its city is part of the name (乌鲁木齐八一钢铁厂)', () => {
  assert.deepEqual(names('建设乌鲁木齐八一钢铁厂。'), ['乌鲁木齐八一钢铁厂']);
});

test('和 between a verb and a name\'s one character is the name\'s first (运作|和昌中央城邦商业综合体), not a conjunction', () => {
  assert.deepEqual(names('加快运作和昌中央城邦商业综合体等项目。'), ['和昌中央城邦商业综合体']);
  assert.deepEqual(names('加快建设和平路。'), ['和平路']);
});

test('a facility named after the numbered road it stands on is one name with the road (七一路海鲜市场, 纬三路小学); the road\'s own works are not', () => {
  assert.deepEqual(names('推动七一路海鲜市场疏解外迁。'), ['七一路海鲜市场']);
  assert.deepEqual(names('推进纬三路小学建设。'), ['纬三路小学']);
  assert.deepEqual(names('完成经四路路面改造。'), ['经四路']);
});

test('a central state company\'s short name opens its project\'s name (中核霞浦核电, 国家电投海阳储能电站, 中石油…项目)', () => {
  assert.deepEqual(names('推进中核霞浦核电、国家电投海阳储能电站等项目建设。'), ['中核霞浦核电', '国家电投海阳储能电站']);
  assert.deepEqual(names('中石油一体化转型升级项目建成投产。'), ['中石油一体化转型升级项目']);
});

test('a highway\'s connecting road is a facility of its own (京雄高速连接线); one between kinds of places is not named', () => {
  assert.ok(names('建成京雄高速连接线。').includes('京雄高速连接线'));
  assert.deepEqual(names('完善市县连接线。'), []);
});

test('a company\'s project in a park is a name after the park\'s (庞佐电器电料产业园区|京阳公司新型线缆项目)', () => {
  assert.deepEqual(names('推进庞佐电器电料产业园区京阳公司新型线缆项目建设。'), ['京阳公司新型线缆项目', '庞佐电器电料产业园区']);
});

test('a facility\'s move or rebuilding, named in a list, is a mention outside the list too (西街小学迁建)', () => {
  const text = '西街小学迁建主体基本完工。\n加快县医院迁建、西街小学迁建、城南小学建设。';
  const projects = analyzeText(text, { segmenter }).projects;
  assert.equal(projects.find((p) => p.name === '西街小学迁建')?.occurrences.length, 2);
});

test('a line named by its two ends joined by a dash is one name (黎塘——湛江线, 帕里——亚东公路), as with 至', () => {
  assert.deepEqual(names('修建黎塘——湛江线和宝鸡——成都线。'), ['宝鸡——成都线', '黎塘——湛江线']);
  assert.deepEqual(names('修筑帕里——亚东公路。'), ['帕里——亚东公路']);
  assert.deepEqual(names('建设宝鸡至成都线。'), ['宝鸡至成都线']);
});

test('mine shafts are facilities, with their numbers and places named by a distance (鹤岗兴安台一号立井, 淮南谢家集二号三号立井, 铜川三里洞立井)', () => {
  assert.deepEqual(names('鹤岗兴安台一号立井建成。'), ['鹤岗兴安台一号立井']);
  assert.deepEqual(names('淮南谢家集二号三号立井建成。'), ['淮南谢家集二号三号立井']);
  assert.deepEqual(names('铜川三里洞立井投产。'), ['铜川三里洞立井']);
  assert.deepEqual(names('建设一号立井。'), []);
});

test('a border line is no facility (麦克马洪线)', () => {
  assert.deepEqual(names('中国政府从来不承认麦克马洪线。'), []);
});

test('two provinces\' one-character names in a list of lines are a line (继青藏、康藏公路), not a region', () => {
  assert.deepEqual(names('继青藏、康藏公路通车之后，又修筑新的公路。'), ['康藏公路', '青藏']);
});

test('a line named by its two ends with 的 before the line word is one name (宝鸡到成都的铁路); 到 of time or degree is not', () => {
  assert.deepEqual(names('修筑宝鸡到成都的铁路和鹰潭到厦门的铁路。'), ['宝鸡到成都的铁路', '鹰潭到厦门的铁路']);
  assert.deepEqual(names('发展到现在的铁路网。'), []);
});

test('big works of the 1950s: steel complexes, dikes, and places the dictionary reads as common words (鞍山钢铁联合企业, 荆江大堤, 官厅水库, 丰满水电站在改建)', () => {
  assert.deepEqual(names('鞍山钢铁联合企业的建设，荆江大堤的加固。'), ['荆江大堤', '鞍山钢铁联合企业']);
  assert.deepEqual(names('官厅水库已经建成，丰满水电站在改建完成后发电。'), ['丰满水电站', '官厅水库']);
  assert.deepEqual(names('要建设象钢铁联合企业这样的大厂。'), []);
});

test('上海浦东 is the national reports\' short form of the zone; its airport and the zone\'s full name are read as such', () => {
  const text = '加快上海浦东以及广东的开放。\n办好上海浦东新区。\n上海浦东国际机场三期开工。';
  const projects = analyzeText(text, { segmenter }).projects.map((p) => p.name).sort();
  assert.deepEqual(projects, ['上海浦东', '上海浦东国际机场三期', '上海浦东新区']);
});

test('a plant named by its number is named (第一汽车制造厂, 第一拖拉机厂); a count of plants is not (第二个水泥厂)', () => {
  assert.deepEqual(names('五年内建设并完工的第一汽车制造厂。'), ['第一汽车制造厂']);
  assert.deepEqual(names('建设第一拖拉机厂。'), ['第一拖拉机厂']);
  assert.deepEqual(names('建设第二个水泥厂。'), []);
});

test('members of a list of open-pit mines counted with 大 (伊敏河、平朔、准格尔等五大露天矿) are mines; a list of big industries is not', () => {
  assert.deepEqual(names('加快伊敏河、平朔、准格尔等五大露天矿建设。'), ['伊敏河', '准格尔', '平朔']);
  assert.deepEqual(names('发展钢铁、汽车、纺织等十大产业。'), []);
});

test('national works by their form (少生快富工程) and a diversion carried to a city (天津引滦输水工程)', () => {
  assert.deepEqual(names('少生快富工程实施范围继续扩大。'), ['少生快富工程']);
  assert.deepEqual(names('实施“少生快富”工程。'), ['“少生快富”工程']);
  assert.deepEqual(names('建成大黑汀水库和天津引滦输水工程。'), ['大黑汀水库', '天津引滦输水工程']);
});

test('sand control is a deed, not a place (防沙治沙), in a list of national works or before 工程', () => {
  assert.deepEqual(names('实施退牧还草、天然林保护、防沙治沙、水土保持等重大生态工程。'), ['天然林保护', '退牧还草']);
  assert.deepEqual(names('继续实施防沙治沙工程。'), []);
});

test('a national transfer\'s section by its direction is in its name with its works (西气东输二线西段工程, 西气东输东段工程)', () => {
  assert.deepEqual(names('西气东输二线西段工程建成投产。'), ['西气东输二线西段工程']);
  assert.deepEqual(names('西气东输三线陕西段投运。'), ['西气东输三线陕西段']);
});

test('a phase written with 第 is in the name as one without (葛洲坝水利枢纽第一期工程)', () => {
  assert.deepEqual(names('葛洲坝水利枢纽第一期工程全部建成。'), ['葛洲坝水利枢纽第一期工程']);
  assert.deepEqual(names('建设第一期工程。'), []);
});

test('a new area\'s role is the named area\'s (发挥…上海浦东新区作用); a hub\'s or a centre\'s role names no facility', () => {
  assert.deepEqual(names('继续发挥经济特区、上海浦东新区作用。'), ['上海浦东新区']);
  assert.deepEqual(names('发挥新区作用，发挥枢纽作用。'), []);
});

test('a family\'s place is a place, not a person (刘家峡水电站, 向家坝水电站), also where the dictionary holds the whole name as an institution (开滦煤矿)', () => {
  assert.deepEqual(names('建设刘家峡水电站。'), ['刘家峡水电站']);
  assert.deepEqual(names('金沙江向家坝水电站投产。'), ['金沙江向家坝水电站']);
  assert.deepEqual(names('开滦煤矿产量增加。'), ['开滦煤矿']);
});

test('national programmes named by what they do are no projects (哲学社会科学创新工程, 探月工程); with a place they are', () => {
  assert.deepEqual(names('实施哲学社会科学创新工程和知识创新工程。'), []);
  assert.deepEqual(names('探月工程取得成功。'), []);
  assert.deepEqual(names('实施郑州科技创新工程。'), ['郑州科技创新工程']);
});

test('a national designation of science and technology, or a university\'s innovation centre, is an institution (国家技术转移海南中心); a place\'s centre is a facility (中关村创新中心)', () => {
  assert.deepEqual(names('建设国家技术转移海南中心。'), []);
  assert.deepEqual(names('加快京津冀国家技术创新中心河北中心、雄安科技中心建设。').filter((n) => n.includes('国家')), []);
  assert.deepEqual(names('西安交通大学国际化区域创新中心落地。'), []);
  assert.deepEqual(names('保定·中关村创新中心投入运营。'), ['保定·中关村创新中心']);
});

test('a facility named by its level only is the level\'s own, no project (省文化馆, 新县医院), also in a list; one named by its province is (河北博物馆)', () => {
  assert.deepEqual(names('建成省文化馆和新县医院。'), []);
  assert.deepEqual(names('省图书馆二期、省文化馆、五源河体育馆等公共文体设施建成。').filter((n) => n.startsWith('省文化')), []);
  assert.deepEqual(names('河北博物馆开馆。'), ['河北博物馆']);
});

test('a steel or oil company named by its place is the works of older reports (兰州钢铁公司, 克拉玛依石油公司); not where it acts or owns', () => {
  assert.deepEqual(names('规模巨大的兰州钢铁公司、克拉玛依石油公司将投入生产。'), ['克拉玛依石油公司', '兰州钢铁公司']);
  assert.deepEqual(names('例如兰州钢铁公司在去年多用了人工，兰州钢铁公司的管理人员过多。'), []);
});

test('the named members of a list of flood-storage areas are projects (大黄堡洼、永定河泛区等蓄滞洪区)', () => {
  assert.deepEqual(names('完善大黄堡洼、文安洼等蓄滞洪区功能。'), ['大黄堡洼', '文安洼']);
  assert.deepEqual(names('完善永定河泛区、小清河分洪区等蓄滞洪区功能。'), ['小清河分洪区', '永定河泛区']);
});

test('a national designation after a facility named in full is the facility\'s (滨江经济技术开发区国家级零碳园区 → 滨江经济技术开发区); a place named by 城 or 岛 names its park', () => {
  assert.deepEqual(names('推进滨江经济技术开发区国家级零碳园区建设。'), ['滨江经济技术开发区']);
  assert.deepEqual(names('西安获批中欧班列国家集结中心。'), ['中欧班列']);
  assert.deepEqual(names('建设汉长安城国家考古遗址公园。'), ['汉长安城国家考古遗址公园']);
});

test('a highway\'s exit by its place and side is a facility, whole (GUIDELINES.md: 保沧高速高阳东出口); a city\'s east way out is none', () => {
  assert.deepEqual(names('京港澳高速新乡东出口改造完成。'), ['京港澳高速新乡东出口']);
  assert.deepEqual(names('打通城市东出口，扩大向东出口。'), []);
});

test('a hall (展馆) of a named centre is a facility, whole (GUIDELINES.md: 庞口农业机械装备制造交易中心起步区农机展馆)', () => {
  assert.deepEqual(names('滨河家居建材交易中心起步区家具展馆开工建设。'), ['滨河家居建材交易中心起步区家具展馆']);
  assert.deepEqual(names('参观各类展馆。'), []);
});

test('in a list of facilities that holds one found by its facility word, a named sibling is one too; not a cluster, nor a facility named by its level', () => {
  assert.deepEqual(names('启动滨湖洁净能源研究院二期、滨江中试基地二期项目。').sort(), ['滨江中试基地二期项目', '滨湖洁净能源研究院二期'].sort());
  assert.ok(names('新建北京经武汉至广州、南宁至昆明等铁路干线。').includes('北京经武汉至广州'));
  assert.deepEqual(names('建设滨江大桥、滨湖产业集群、环湖高速铁路等基础设施。').sort(), ['环湖高速铁路', '滨江大桥'].sort());
  assert.deepEqual(names('建成江北大桥、省图书馆二期、环湖高速铁路等设施。').sort(), ['江北大桥', '环湖高速铁路'].sort());
});
