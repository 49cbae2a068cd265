// Project names that do not end in their own facility word (spec.md, "Projects"): members of lists of projects,
// programmes named by their form or by what they do, short forms later in the text, company projects before 等…项目.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { includesAll, mentions, names } from './projectNamesHelper';

test('members of a list of projects are mentions; members of lists of sectors or companies are not', () => {
  const roads = names('加快荣乌、西阜、涞曲、曲港、津石高速公路建设。');
  includesAll(roads, ['荣乌', '西阜', '涞曲', '曲港', '津石高速公路']);
  const works = names('三峡工程、西电东送、青藏铁路、南水北调等重大建设取得新进展。');
  includesAll(works, ['三峡工程', '西电东送', '青藏铁路', '南水北调']);
  assert.deepEqual(names('提高钢铁、水泥、电解铝等行业建设项目资本金比例。'), []);
  assert.deepEqual(names('中国平煤神马、中国河南国际、中豫航空集团等19家企业战略性重组。'), []);
  // (A list of works whose items are common words only is one of sectors: national-2014, -2016.)
  assert.deepEqual(names('建设水电核电、特高压输电、智能电网、油气管网、城市轨道交通等重大项目。'), []);
  assert.deepEqual(names('支持引水调水、骨干水源、江河湖泊治理、高效节水灌溉等重点项目。'), []);
});

test('programmes named by their form: 南水北调, 西气东输, 退耕还林, 村村通', () => {
  // The national “山水工程” in a region, with the region; another quoted works after a region is not one.
  assert.deepEqual(names('全面完成大别山区“山水工程”建设。'), ['大别山区“山水工程”']);
  assert.deepEqual(names('推进黄河流域“千万工程”。'), []);
  assert.deepEqual(names('做好退耕还林、退牧还草工作，提高广播电视“村村通”水平，西气东输管道全线贯通。'), [
    '西气东输',
    '西气东输管道',
    '村村通',
    '退牧还草',
    '退耕还林',
  ].sort());
  // National works named by what they do (national reports 1999–2012), with a phase.
  assert.deepEqual(names('实施天然林资源保护二期工程，推进京津风沙源治理，加快农村中小学现代远程教育工程建设。'), [
    '京津风沙源治理',
    '天然林资源保护二期工程',
    '现代远程教育工程',
  ]);
  assert.deepEqual(names('继续实施退耕还林、天然林保护，停止天然林采伐。'), ['天然林保护', '退耕还林']);
  assert.deepEqual(names('南水北调中线河北段开工建设。'), ['南水北调中线河北段']);
  assert.deepEqual(names('实施天然草原退牧还草工程，实行平垸行洪、退田还湖、移民建镇等政策。'), ['退牧还草工程']);
  // Named oil and gas fields, as coal mines; a field described is none (开发新油田, 东部油田).
  assert.deepEqual(names('普光气田、南堡油田等勘查开发取得重大进展，苏里格气田投产。'), ['南堡油田', '普光气田', '苏里格气田']);
  assert.deepEqual(names('不断开发新油田，稳定东部油田产量。'), []);
});

test('a short form later in the text is a mention of the same works', () => {
  const m = mentions('完成平漯周高铁项目土地征收。\n平漯周高铁全线开工建设。');
  assert.equal(m.get('平漯周高铁项目'), 1);
  assert.equal(m.get('平漯周高铁'), 1);
});

test('a list ending in 等 and its kind before the clause ends; a count of lines is no name', () => {
  assert.ok(names('推进卡阳、常宁等14个750千伏电网工程、青疆联网通道建设。').includes('卡阳'));
  assert.deepEqual(names('加西、沙久等11条国省干线公路建成通车。'), ['加西', '沙久']);
  // One member before 等 and a voltage: a named power works; a city there is where the works are.
  assert.deepEqual(names('推进金龙二期等220千伏输变电工程。'), ['金龙二期']);
  assert.deepEqual(names('加快石家庄等500千伏输变电工程建设。'), []);
  // In a list of mines or power stations the kind vouches for members the dictionary reads as a verb, a person or
  // function characters; places there are where the stations are, and sectors are no members.
  assert.deepEqual(names('推进可乐沟、哇达等5处煤矿建设。'), ['可乐沟', '哇达']);
  assert.deepEqual(names('争取黑石峡、让多等水电站纳入国家规划。'), ['让多', '黑石峡']);
  assert.deepEqual(names('建成可可西等3处煤矿。'), ['可可西']);
  assert.deepEqual(names('开工同德、玛沁等抽水蓄能电站。'), []);
  assert.deepEqual(names('推进风电、光伏等电站建设。'), []);
  // The region that opens an item is left out and two stations joined by 和 are two (national reports of the 1950s);
  // a river's name is a station's there, a city's is not.
  assert.deepEqual(names('建设浙江的黄坛口和湖南的资水、四川灌县的龙溪河等水电站。'), ['黄坛口', '龙溪河']);
  assert.deepEqual(names('扩建大同、开平、抚顺等大型煤矿。'), []);
});

test('programmes named by what they do keep their verbs; coverage and slogans are no lines', () => {
  assert.deepEqual(names('深入实施促进居民增收三年行动。'), ['促进居民增收三年行动']);
  assert.deepEqual(names('深入实施优化营商环境改进提升三年行动，提升服务。'), ['优化营商环境改进提升三年行动']);
  assert.deepEqual(names('继续实施“交通提升”三年行动。'), ['“交通提升”三年行动']);
  assert.deepEqual(names('打好治本攻坚三年行动收官战。'), ['治本攻坚三年行动']);
  assert.deepEqual(names('各市（州）中心城市全部通高铁，提质改造农村公路1200公里，加强大宗工业固废综合治理。'), []);
  assert.deepEqual(names('具备条件的建制村通公路，乡镇通客车。'), []);
  assert.deepEqual(names('推动传统能源清洁高效利用，安全高效发展核电，积极发展风电。'), []);
  assert.deepEqual(names('大西北的兰新复线和宝中铁路投入运营，“三北”防护林二期工程进展顺利，加快铁路复线建设。'), ['“三北”防护林二期工程', '兰新复线', '宝中铁路']);
});

test('members before 等一批…项目 and after a conjunction; cultural park sections; 东数西算', () => {
  assert.deepEqual(names('乌江寨等一批存量旅游项目实现盘活。'), ['乌江寨']);
  assert.ok(names('推动贵阳环高扩容工程等14条高速公路项目和黄百等4个在建铁路项目加快建设。').includes('黄百'));
  assert.ok(names('持续推进长江国家文化公园贵州段建设。').includes('长江国家文化公园贵州段'));
  assert.ok(names('深入实施“东数西算”工程。').includes('“东数西算”工程'));
  assert.ok(names('扩大陆海新通道班列、黔粤通道班列开行规模。').includes('黔粤通道班列'));
});

test('road extensions and widening are building work; a street the dictionary has; 引黄补淀; one site before 等景区', () => {
  const found = names('启动实施复兴路西延、乐凯大街南延、北三环东延西延、白洋淀大道等骨干道路建设，完成京港澳高速拓宽。');
  includesAll(found, ['复兴路西延', '乐凯大街南延', '北三环东延西延', '白洋淀大道', '京港澳高速拓宽']);
  assert.deepEqual(names('古城改造和西大街整治还没有达到预期效果。'), ['西大街']);
  assert.deepEqual(names('加快南水北调、引黄补淀等配套工程建设。').filter((n) => n !== '补淀'), ['南水北调', '引黄补淀']);
  assert.deepEqual(names('南水北调配套工程顺利实施。'), ['南水北调']);
  assert.deepEqual(names('加快易水湖等景区景点建设。'), ['易水湖']);
  assert.deepEqual(names('宝硕、依棉、外贸印刷厂、金昌大厦等一批历史遗留难题得到解决。'), ['金昌大厦']);
  // 固安 (a county the dictionary has as an adjective) opens a line by its two ends.
  assert.ok(names('抓好固安至白沟新城城际铁路建设。').includes('固安至白沟新城城际铁路'));
});

test('numbered lines of a programme, ports of entry, mines, sites to become scenic areas; institutions and lists are no names', () => {
  const found = names('“疆电外送”第三通道、“西气东输”第四通道等投运，别迭里口岸实现临时通关，大红柳滩锂铍矿加快建设。');
  includesAll(found, ['“疆电外送”第三通道', '“西气东输”第四通道', '别迭里口岸', '大红柳滩锂铍矿']);
  assert.ok(names('推进新疆昆仑山、罗布人村寨等创建国家5A级旅游景区。').includes('罗布人村寨'));
  assert.ok(names('加快喀什和霍尔果斯经济开发区创新发展。').includes('霍尔果斯经济开发区'));
  assert.deepEqual(names('持续实施青少年“筑基”工程，支持怀柔实验室新疆基地承担任务，推进算电协同等智能新基建工程。'), []);
  assert.deepEqual(names('推动铜仁凤凰机场航空口岸正式开放。'), ['铜仁凤凰机场']);
});

test('a programme keeps a verb of its own inside its name; a zone named by what it opens up is particular', () => {
  assert.deepEqual(names('完成营商环境优化提升三年行动任务。'), ['营商环境优化提升三年行动']);
  assert.deepEqual(names('开展公共法律服务规范提升三年行动。'), ['公共法律服务规范提升三年行动']);
  assert.ok(names('增强塔城重点开发开放试验区产业集聚能力。').includes('塔城重点开发开放试验区'));
});

test('kinds of facilities listed, the places a programme covers and qualifiers with a river are no names', () => {
  // (Sentences of national reports outside the labelled set: 1993, 2001.)
  assert.deepEqual(names('加强图书馆、文化馆、科技馆、博物馆、档案馆等设施建设。'), []);
  // (The works themselves are a national programme by their form: 天然林保护工程.)
  assert.deepEqual(names('抓好长江上游、黄河上中游等地区的天然林保护工程。'), ['天然林保护工程']);
  assert.deepEqual(names('加快曹妃甸工业区、渤海新区等地区开发。'), ['曹妃甸工业区', '渤海新区']);
  assert.deepEqual(names('抓紧主要江河控制性工程建设和病险水库加固。'), []);
  assert.deepEqual(names('重点支持建设高速宽带信息网络、关键集成电路、新型运载火箭等重大高技术工程。'), []);
  // A named one in such a list still is: no word of the dictionary, or a proper noun.
  assert.ok(names('全季酒店、航空大厦等6家酒店开业。').includes('航空大厦'));
  assert.ok(names('加快青藏铁路、西气东输、西电东送等重大工程建设。').includes('青藏铁路'));
});

test('a facility word alone with its extension is no list member (大街南延); 供氧, 干化, 文创 are common words', () => {
  assert.deepEqual(names('迎宾路、振兴大街南延、三利大街北延等道路改造。'), ['三利大街北延', '迎宾路']);
  assert.deepEqual(names('实施边境高寒地区供暖供氧工程，推进再生水利用、污泥干化等入园项目，建设文创园区。'), []);
});

test('a city after 中国 is no facility of its one-character ending (中国廊坊); 中小 opens no company project', () => {
  assert.deepEqual(names('继续办好中国廊坊国际经贸洽谈会。'), []);
  assert.deepEqual(names('抓紧实施大型泵站更新改造、中小河流治理等工程。'), []);
});

test('members beside company projects in a list of works are projects too, whatever their first words; not a count or a province\'s own', () => {
  const found = names('推动华锦阿美精细化工、亿纬锂能沈阳工厂、人和集团新能源材料等项目建成投产。');
  includesAll(found, ['华锦阿美精细化工', '亿纬锂能沈阳工厂', '人和集团新能源材料']);
  assert.deepEqual(names('推进华锦阿美精细化工、准东3个煤制气、省人民医院南院等项目。'), ['华锦阿美精细化工']);
  // Beside projects found by their facility words too; sectors stay out.
  includesAll(names('推进石太高速改扩建、昌邑核电一期、华电国际煤电联营等项目开工建设。'), ['昌邑核电一期', '华电国际煤电联营']);
  const sectors = names('推进石太高速改扩建、昌邑核电一期、钢铁、水泥等项目建设。');
  assert.ok(!sectors.includes('钢铁') && !sectors.includes('水泥'), sectors.join(' '));
});

test('members of a list of passenger lines, wharves, port areas, power plants or substations are mentions', () => {
  assert.deepEqual(names('推进京石、石武、津秦等客运专线建设。'), ['京石', '津秦', '石武']);
});

test('a list of works with goods or sectors in it names none; 小学生 holds no school', () => {
  assert.deepEqual(names('轻工纺织，重点安排化纤、洗涤剂等建设项目。'), []);
  assert.deepEqual(names('这将使农村1.5亿中小学生的家庭减轻负担。'), []);
});

test('members of a list of projects each with its investment before it (投资28.1亿元的南郊电厂、…等一批项目)', () => {
  const found = names('加快推进投资60亿元的英利多晶硅太阳能电池、投资28.1亿元的南郊电厂、总投资约9.3亿元的河北长安汽车扩能等一批在建项目。');
  includesAll(found, ['英利多晶硅太阳能电池', '南郊电厂', '河北长安汽车扩能']);
});

test('a company project with its capacity before 等一批…项目', () => {
  assert.deepEqual(names('君乐宝3万吨乳粉等一批农业重点产业项目加快推进。'), ['君乐宝3万吨乳粉']);
});

test('members before 等一批央企项目 are companies', () => {
  assert.deepEqual(names('兵装、国电、中船、航天科工等一批央企项目落户我市。'), []);
});

test('list members: two characters the dictionary does not join (大广), and a member before 和 in the last item (湘粤和湘黔背靠背联网工程)', () => {
  assert.ok(names('京石高铁和张石、保阜、大广、张涿高速公路加快推进。').includes('大广'));
  assert.ok(names('推进疆电入湘、湘粤和湘黔背靠背联网工程。').includes('湘粤'));
  assert.deepEqual(names('推进城乡、区域和产业协调发展。'), []);
  // Building work ends a company's project of a list (扩建, 扩能二期; 改造 after what names no facility); 着力 opens none.
  assert.deepEqual(names('确保曹妃甸大钢、邯钢西区扩建等项目全部建成。'), ['曹妃甸大钢', '邯钢西区扩建']);
  assert.deepEqual(names('着力抓好唐山高速动车组扩能二期、长城汽车综合改造升级等项目建设。'), ['唐山高速动车组扩能二期', '长城汽车综合改造升级']);
  assert.deepEqual(names('推进曹妃甸大钢、城中村改造等项目。'), ['曹妃甸大钢']);
  // Two lists in one clause, each ending in 等 and its kind, joined by 及.
  assert.deepEqual(names('推进石武、津秦等客运专线及大广、保阜等高速公路建设。'), ['保阜', '大广', '津秦', '石武']);
  assert.deepEqual(names('推进城乡、区域等领域及产业、企业等方面改革。'), []);
  // A pair joined by 和 to a line of the kind (修筑川黔和黔桂铁路; 京沪 is the dictionary's abbreviation).
  includesAll(names('积极修筑川黔和黔桂铁路，加快京沪和沪昆高铁建设。'), ['川黔', '黔桂铁路', '京沪', '沪昆高铁']);
  assert.deepEqual(names('推进这是和黔桂铁路。').filter((n) => n !== '黔桂铁路'), []);
});

test('in a list of works, an item ending in a facility word is named even by common words (有色高新材料中试线)', () => {
  assert.ok(names('法士特新能源汽车传动系统等项目开工建设，有色高新材料中试线、修正生物医药产业园等项目加快推进。').includes('有色高新材料中试线'));
});

test('in a list without 等, items ending in the facility word of a found member are of its kind (妈祖文化中心); generic ones are not', () => {
  assert.deepEqual(names('加快世界闽南文化交流中心、妈祖文化中心建设。'), ['世界闽南文化交流中心', '妈祖文化中心']);
  assert.deepEqual(names('推动中国—中亚减贫合作中心、教育交流合作中心落地。'), ['中国—中亚减贫合作中心']);
});

test('a paragraph of many lists gives the names a paragraph of one gives (projects found asked by index, not walked)', () => {
  // Past 16 projects found in a paragraph, the list reading asks them through an index (src/core/spanIndex.ts).
  const one = '加快荣乌、西阜、涞曲、曲港、津石高速公路建设，推进石衡、保忻、京雄等高速公路项目。';
  assert.ok(names(one).length >= 8, names(one).join(' '));
  assert.deepEqual(names(one.repeat(40)), names(one));
  // A list of thousands of items (a file converted without line breaks) reads each item.
  const roads = ['荣乌', '西阜', '涞曲', '曲港'];
  const long = `加快${Array.from({ length: 4000 }, (_, i) => roads[i % 4]).join('、')}、津石高速公路建设。`;
  assert.deepEqual(names(long), names(`加快${roads.join('、')}、津石高速公路建设。`));
});
