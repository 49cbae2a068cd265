// Project names by their facility words (spec.md, "Projects"), each on small inputs that show it: where a name
// starts, generic descriptions and common words, the dictionary's words and tags, names that only a caption holds.
// (Lists, programmes and short forms: projectLists.test.ts; roads and lines: projectRoutes.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexiconFromTokens } from '../../src/core/projectLexicon';
import { nameAt } from '../../src/core/projectScan';
import { facilityWords } from '../../src/core/projectSuffixes';
import { SUFFIX_CLASS } from '../../src/core/projectWords';
import { includesAll, mentions, names, segmenter } from './projectNamesHelper';

test('a name starts after verbs, numbers with their measure words and qualifiers; places and names stay', () => {
  assert.deepEqual(names('全力推进雄安新区建设。'), ['雄安新区']);
  assert.deepEqual(names('新建改造小南湖湿地公园。'), ['小南湖湿地公园']);
  assert.deepEqual(names('培育和引进2家维也纳酒店。'), ['维也纳酒店']);
  assert.deepEqual(names('姜家变电站建成投运。'), ['姜家变电站']);
  assert.deepEqual(names('确保省级重点项目中原科学城项目开工。'), ['中原科学城项目']);
});

test('generic descriptions and common words are not projects', () => {
  for (const text of [
    '推进城市更新项目和主导产业龙头项目，谋划一批教育基础设施项目。',
    '实施文艺创作工程，建设生态停车场项目。',
    '发展资本市场，拓宽发展思路，修建道路，支持香港融入国家发展大局。',
    '坚持以人民为中心，城市功能不断完善，城乡面貌焕然一新。',
  ]) {
    assert.deepEqual(names(text), [], text);
  }
});

test('a project named only in a photo caption is found there', () => {
  const text = ['西城区加快建设。', '城市功能不断完善，新建道路6条。', '小南湖湿地公园效果图', '各项事业蒸蒸日上，民生福祉持续增进。'].join('\n');
  assert.equal(mentions(text).get('小南湖湿地公园'), 1);
});

test('without nodejieba’s dictionary file, the words the segmenter gives serve as the lexicon', () => {
  const text = '加快推进平漯周高铁项目，建成汉江西路和姜家变电站，实施城市更新项目。';
  const lex = lexiconFromTokens(segmenter.tag(text));
  const found: string[] = [];
  for (const [s, e] of facilityWords(text, 0, text.length)) {
    const span = nameAt(lex, text, 0, text.length, s, e, SUFFIX_CLASS.get(text.slice(s, e))!);
    if (span) found.push(text.slice(span.start, span.end));
  }
  includesAll(found, ['平漯周高铁项目', '汉江西路', '姜家变电站']);
  assert.ok(!found.some((n) => n.includes('城市更新')));
});

test('building work after a phase; the Three-North works; a national medical centre, not two kinds of centre', () => {
  assert.ok(names('青藏直流二期扩建投运。').includes('青藏直流二期扩建'));
  assert.deepEqual(names('“三北”工程六期完成年度攻坚任务，打好“三北”工程攻坚战。'), ['“三北”工程', '“三北”工程六期']);
  assert.deepEqual(names('用好国家和省级区域医疗中心，投运国家中医区域医疗中心。'), ['国家中医区域医疗中心']);
});

test('county-level place names the dictionary lacks or tags as common words are places (placeNames.ts)', () => {
  assert.ok(names('大同经开区、阳泉高新区入选首批国家级零碳园区建设名单。').includes('大同经开区'));
  assert.ok(names('加快建设大同国家数据标注基地。').includes('大同国家数据标注基地'));
});

test('kinds of school, museum and park, sectors and goods, counted kinds and campaigns are no names', () => {
  for (const text of [
    '认定普惠性民办幼儿园1200余所，新改扩建义务教育寄宿制学校1700余所。',
    '山西博物院位列国家一级博物馆运行评估第一名。',
    '布局13个绿电产业园区，建设5大微短剧基地。',
    '抓实风电光伏、新一代煤电、新型储能等11个重点领域项目，建设铝镁、黄金等有色金属项目。',
    '推动铝产业链一体化项目建成投产，打造临空经济区。',
    '统筹推动重焕“山西好风光”工程，实施扶残助学圆梦工程，实施再电气化工程。',
    '实施坡耕地治理、小流域综合治理等项目，培育水权水市场，融入全国碳排放权交易市场。',
    '高标准联通市场设施，打造环京津冀算力走廊。',
  ]) {
    assert.deepEqual(names(text).filter((n) => n !== '山西博物院'), [], text);
  }
  // Works named by a place the dictionary splits are still names.
  assert.ok(names('加快实施保满市郊氢能轨道项目。').includes('保满市郊氢能轨道项目'));
  assert.ok(names('实施史家湾安全饮水工程。').includes('史家湾安全饮水工程'));
  assert.ok(names('做好陶寺、丁村等遗迹考古。').includes('丁村'));
});

test('bases of a product without a place, counted plants with their capacity and kinds of hospital are no names', () => {
  assert.deepEqual(names('加快昌吉等玉米制种基地建设，打造优质冷水鱼供应基地，积极推动市州级医院创建三甲医院，改造农村次差公路。'), []);
  assert.deepEqual(names('加快格尔木、德令哈3座35万千瓦光热电站建设。'), []);
  assert.ok(names('三江源国家公园建设取得新成效。').includes('三江源国家公园'));
  assert.ok(names('建设上合组织农业基地。').includes('上合组织农业基地'));
});

test('a project named in an economic circle or an event is no mention there', () => {
  const m = mentions('中欧班列（西安）开行增长。\n举办第二届中欧班列国际合作论坛，建设中欧班列经济圈。');
  assert.equal(m.get('中欧班列'), 1);
});

test('an organisation being formed (成立, 组建) is no mention of a facility there', () => {
  const m = mentions('成立省游泳运动管理中心，组建东湖博物院。\n东湖博物院开放。');
  assert.equal(m.get('游泳运动管理中心'), undefined);
  assert.equal(m.get('东湖博物院'), 1);
});

test('保障 inside a facility name (解放军总医院涿州保障基地)', () => {
  assert.ok(names('加快解放军总医院涿州保障基地建设。').includes('解放军总医院涿州保障基地'));
});

test('a count of projects, a facility word inside a verb, and words the dictionary lacks or mis-tags are no names', () => {
  // (Sentences of Hebei 2005 and 2024 and the national 2009 report, outside the labelled set.)
  assert.deepEqual(names('取消和拟取消审批项目1302项，占清理项目总数的57%。'), []);
  assert.deepEqual(names('确保学生都能在永久性校舍中学习。'), []);
  assert.deepEqual(names('及时修复灾损学校，修缮加固。'), []);
  assert.deepEqual(names('加强潮白河、滦河等跨界河流综合治理。'), []);
  assert.deepEqual(names('提升中西部国家级开发区发展水平。'), []);
  // A school and a river named are still names.
  assert.ok(names('高阳中学南校区教学楼建成使用。').some((n) => n.startsWith('高阳中学')));
  assert.ok(names('白沟河治理工程开工。').includes('白沟河治理工程'));
});

test('a verb phrase with 认真 and an idiom the dictionary calls a place make no name; names that open with 于 or 暨 stay whole', () => {
  // (Sentences of national reports of 1996 and 1954, outside the labelled set.)
  assert.ok(!names('都要加大扶贫工作的力度，认真落实扶贫攻坚计划。').some((n) => n.startsWith('认真')));
  assert.deepEqual(names('对于灾民的恢复生产、重建家园，起了重要的作用。'), []);
  // A programme followed by a noun that opens with a verb's character is still one (攻坚计划|进展, 划进 a word);
  // a 行动计划 is a plan, no programme (GUIDELINES.md).
  assert.deepEqual(names('西部地区“两基”攻坚计划进展顺利。'), ['“两基”攻坚计划']);
  assert.deepEqual(names('新一轮教育振兴行动计划进展顺利，实施空气质量持续改善行动计划。'), []);
  // (jieba reads 于桥, 于家堡 and 暨阳 as characters: neither is taken for a function word.)
  assert.ok(names('加强于桥水库水源保护工程建设。').some((n) => n.startsWith('于桥水库')));
  assert.deepEqual(names('于家堡高铁站建成投用。'), ['于家堡高铁站']);
  assert.deepEqual(names('加快暨阳湖生态园建设。'), ['暨阳湖生态园']);
  // A school followed by 生均 is still the school.
  assert.deepEqual(names('黎明小学生均面积达标。'), ['黎明小学']);
});

test('深度 and 大修 are common words, whatever the dictionary says', () => {
  // (Gaoyang 2017, outside the labelled set.)
  assert.ok(!names('宏润大街暨保沧高速连接线7.6公里大修工程主体完工。').includes('大修工程'));
  assert.deepEqual(names('投资5.2亿元的污水处理厂三期工程和深度治理工程加快建设。').filter((n) => n.includes('深度')), []);
});

test("即 ends a name; a country's market is an economy, not a facility", () => {
  // (Hainan 2026, outside the labelled set.)
  assert.deepEqual(names('“N”即其他市县（区）疾控中心以及各级医院。'), []);
  assert.deepEqual(names('打造境外企业进入中国市场的总部基地。'), []);
  assert.deepEqual(names('义乌国际商贸城市场。'), ['义乌国际商贸城市场']);
});

test('a verb before a place or proper name acts on the facility it names, unless it links two places', () => {
  // (Hebei 2015 and the national report of 1992, outside the labelled set.)
  assert.deepEqual(names('与北京共建曹妃甸现代产业实验区。'), ['曹妃甸现代产业实验区']);
  assert.deepEqual(names('国务院批准海南省吸收外商投资开发洋浦经济开发区。'), ['洋浦经济开发区']);
  assert.deepEqual(names('建设湘琼先进制造业共建产业园。'), ['湘琼先进制造业共建产业园']);
  assert.ok(names('推进内蒙古腾格里沙漠基地送电江西工程。').includes('内蒙古腾格里沙漠基地送电江西工程'));
  assert.deepEqual(names('海峡两岸交流合作平潭综合实验区建设。'), ['海峡两岸交流合作平潭综合实验区']);
});

test('a set phrase that ends in a verb opens no name, whatever its tag (充分发挥/n)', () => {
  // (The national report of 2008, outside the labelled set: the model had taken the rules' rejection further.)
  assert.deepEqual(names('充分发挥国家高新技术开发区的集聚、引领和辐射作用。'), []);
});

test('a cluster or a unit of a phase belongs to the name; an administration after it, and progress read with 工程, do not end it wrongly', () => {
  assert.deepEqual(names('抓好乌兰察布数据中心集群建设。'), ['乌兰察布数据中心集群']);
  assert.deepEqual(names('田湾核电二期四号机组并网发电。'), ['田湾核电二期四号机组']);
  assert.deepEqual(names('大熊猫国家公园管理局组建运行。'), []);
  assert.deepEqual(names('加快鄂北水资源配置工程进度。'), ['鄂北水资源配置工程']);
});

test('words of the reports the dictionary lacks are common words, not names (科创, 提效, 上云, 胶园)', () => {
  assert.deepEqual(names('加快科创中心建设，实施招商引资提效工程和企业上云工程，建设标准化胶园。'), []);
});

test('a measure word after a number is not the first character of a place (10项|城市, not the county 项城市)', () => {
  assert.deepEqual(names('实施夜景照明等10项城市容貌专项整治工程。'), []);
});

test('broadcasting among kinds of rural facilities and a stock market are no names', () => {
  assert.deepEqual(names('继续加强农村电网、通信、广播电视、道路、供水等设施建设，建立创业板股票市场。'), []);
});

test('idioms and words the dictionary mis-tags as names make no facility (康庄大道, 治本工程, 矿务局所属煤矿)', () => {
  assert.deepEqual(names('走上康庄大道，实行治本工程，发展海洋渔业基地，扩建抚顺矿务局所属煤矿。'), []);
});

test('a complete middle school with a place is a school; 林草 and 碳汇 are common words', () => {
  assert.deepEqual(names('建成山南完全中学。'), ['山南完全中学']);
  assert.deepEqual(names('实施林草碳汇项目。'), []);
});

test('a wetland is a place, a wetland park a facility', () => {
  assert.deepEqual(names('强化衡水湖湿地保护，建设小南湖湿地公园。'), ['小南湖湿地公园']);
});

test('a place and generic words name a park, a zone or an airport (北京新机场, 京南现代产业基地), not works or a one-character facility', () => {
  const found = names('北京新机场正式开工，打造京南现代产业基地，抓好黄骅港综合港区建设。');
  includesAll(found, ['北京新机场', '京南现代产业基地', '黄骅港综合港区']);
  assert.deepEqual(names('推进京津合作项目和普通国省干线公路建设，建成青藏高原首个综合保税区。'), []);
});

test('a park or square named by one common word is a name (烈士公园, 爱情广场); kinds of park are not (城市公园, 口袋公园)', () => {
  const found = names('改造烈士公园和爱情广场，新建城市公园、口袋公园和主题公园。');
  assert.deepEqual(found.sort(), ['烈士公园', '爱情广场'].sort());
});

test('towns and markets of a trade or theme with a place or name are facilities (福地灯具城, 十堰汽车城, 永兴教育城)', () => {
  const found = names('建成福地灯具城和十堰汽车城，建设海口永兴教育城。');
  includesAll(found, ['福地灯具城', '十堰汽车城', '海口永兴教育城']);
});

test('the China–ASEAN free trade area is a trade agreement\'s area, not a zone built', () => {
  assert.deepEqual(names('加快落实中国—东盟自贸区3.0版升级议定书。'), []);
});

test('a zone named in a law, its regulations or its master plan is no mention there', () => {
  const found = mentions('建设海南自由贸易港。深入实施海南自由贸易港法，全面落实海南自由贸易港建设总体方案。');
  assert.equal(found.get('海南自由贸易港'), 1);
});

test('a numbered name in quotes names a facility (“雅江1号”智算中心); a quoted grade or slogan does not (“三甲”医院)', () => {
  const found = names('推动“雅江1号”智算中心建设，新增“三甲”医院2家。');
  assert.deepEqual(found, ['“雅江1号”智算中心']);
});

test('a hospital campus, a maker space and a mail exchange office are facilities (院区, 众创空间, 互换局)', () => {
  const found = names('北大人民医院雄安院区开工建设，加快邦辰众创空间建设，石家庄国际邮件互换局投入运营，建设众创空间10家。');
  assert.deepEqual(found, ['北大人民医院雄安院区', '石家庄国际邮件互换局', '邦辰众创空间'].sort());
});

test('verbs of testing and heritage inside a zone\'s name (检验检测认证园区, 文化传承创新试验区); 出入口局; 三大 counts', () => {
  const found = names('依托保定国家检验检测认证园区，建设景德镇国家陶瓷文化传承创新试验区，海口国际通信业务出入口局加快建设。');
  includesAll(found, ['保定国家检验检测认证园区', '景德镇国家陶瓷文化传承创新试验区', '海口国际通信业务出入口局']);
  assert.ok(!names('首条国际海缆建成投用，三大运营商南宁国际通信业务出入口局加快建设。').some((n) => n.startsWith('大运营商')));
});

test('shops and hotels named by brands of common words (中央百货, 名门万象商业综合体); kinds of them are not (高端酒店, 城市商业综合体)', () => {
  const found = names('引导建业凯旋广场、中央百货等重点企业延长夜间营业时间，实施名门万象商业综合体等重大项目，新建高端酒店和城市商业综合体。');
  includesAll(found, ['中央百货', '名门万象商业综合体']);
  assert.ok(!found.some((n) => /高端酒店|城市商业综合体/.test(n)), found.join(' '));
});

test('the learned model does not overrule the rules on a clause with a verb acting on what follows (中央政府全力支持香港)', () => {
  assert.deepEqual(names('中央政府全力支持香港发展经济、改善民生。'), []);
});

test('a one-character piece before a qualifier opens no name (于|各类职业技术学校, 绕|县城省道项目)', () => {
  assert.deepEqual(names('这些原则也同样适用于各类职业技术学校。'), []);
  assert.deepEqual(names('实施绕县城省道项目。'), []);
});

test('lines and parks the dictionary tags as persons stay facilities (兰新线, 世博园)', () => {
  const found = names('推进兰新线扩能改造，建设世博园。');
  includesAll(found, ['兰新线', '世博园']);
});

test('a facility word inside a verb phrase the dictionary has is no name\'s end (人民重返家园)', () => {
  assert.deepEqual(names('支持巴勒斯坦阿拉伯人民重返家园的斗争。'), []);
});

test('common words the dictionary tags as places name nothing (深水泊位, 大江大河大湖堤防, 煤矿瓦斯综合治理)', () => {
  assert.deepEqual(names('新建港口深水泊位12个，推进煤矿瓦斯综合治理。已建成的主要有：加固大江大河大湖堤防近6100公里。'), []);
});

test('爱国 and 国防科技 are no places or institutions before a facility word (爱国主义教育示范基地, 国防科技工业项目)', () => {
  assert.deepEqual(names('具有公益性质的博物馆、纪念馆和全国爱国主义教育示范基地，今明两年实现全部向社会免费开放；保证必要的国防科技工业项目。'), []);
});

test('a rank, a role or a policy trial described is no name (世界级菱镁产业基地, 西南重要国际物流枢纽, CEPA先行先试示范基地)', () => {
  assert.deepEqual(names('打造世界级菱镁产业基地，建设西南重要国际物流枢纽，推动CEPA先行先试示范基地建设。'), []);
  assert.ok(names('建设平潭商贸服务型国家物流枢纽。').includes('平潭商贸服务型国家物流枢纽'));
});

test('a one-character verb after a function character is a place\'s character before another place\'s (和|保沧高速高阳出入口)', () => {
  assert.ok(names('人民公园和保沧高速高阳出入口景观提升全部完工。').includes('保沧高速高阳出入口'));
  assert.deepEqual(names('对表雄安新区。').filter((n) => n.startsWith('表')), []);
});

test('自然 before a facility word is a noun, not the adverb (热带雨林国家公园自然博物馆)', () => {
  assert.ok(names('推动热带雨林国家公园自然博物馆建设取得决定性进展。').includes('热带雨林国家公园自然博物馆'));
});

test('a company\'s factory is a facility (长城汽车巴西工厂, 亿纬锂能沈阳工厂); a factory\'s rating is not (领航级智能工厂)', () => {
  const found = names('推动亿纬锂能沈阳工厂等项目建成投产，长城汽车巴西工厂投产，新增领航级智能工厂3家，文昌国际航天城卫星超级工厂建成交接。');
  includesAll(found, ['亿纬锂能沈阳工厂', '长城汽车巴西工厂', '文昌国际航天城卫星超级工厂']);
  assert.ok(!found.some((n) => n.includes('领航级')), found.join(' '));
});

test('a homeland of the nation, trade agreements\' areas and a verb of setting up are no names (中华民族美好家园, 中日韩自贸区, 新设广东)', () => {
  assert.deepEqual(names('为建设中华民族美好家园贡献力量。积极商签区域全面经济伙伴关系协定，加快中日韩自贸区等谈判。加强农业面源污染和流域水环境综合治理。'), []);
  assert.ok(!names('推广上海自贸试验区经验，新设广东、天津、福建自贸试验区。').includes('新设广东'));
});

test('聚集区 is a zone as 集聚区 is (秦创原产业创新聚集区); a generic one is not named', () => {
  assert.deepEqual(names('优化秦创原产业创新聚集区布局。'), ['秦创原产业创新聚集区']);
  assert.deepEqual(names('推动产业聚集区提质增效。'), []);
});

test('a quoted name before what a facility is names it (“双环”旅游公路, “米”字形高铁网); a grade or a coverage does not', () => {
  assert.deepEqual(names('完善“双环”旅游公路配套设施。'), ['“双环”旅游公路']);
  assert.deepEqual(names('构建“米”字形高铁网。'), ['“米”字形高铁网']);
  // (组组通 is a programme, as 村村通.)
  assert.deepEqual(names('建设“三甲”医院。推进“组组通”硬化路建设。完善“城—镇—村”供水管网。'), ['组组通']);
});

test('a city\'s name the dictionary has as a verb opens a name before its one character (兴化|府历史文化街区); a verb does not (设立|辽河口国家公园)', () => {
  assert.deepEqual(names('修缮兴化府历史文化街区。'), ['兴化府历史文化街区']);
  assert.deepEqual(names('设立辽河口国家公园。'), ['辽河口国家公园']);
});

test('a county\'s name without 县 that the dictionary has as an adverb or an abbreviation is a place (定边机场, 大冶钢厂); adjectives are not (新兴产业基地)', () => {
  assert.deepEqual(names('府谷、定边机场建成投运。'), ['定边机场']);
  assert.deepEqual(names('建设大冶钢厂。'), ['大冶钢厂']);
  assert.deepEqual(names('建设新兴产业基地。'), []);
});

test('a coal subsidence area is a word of a name, not two verbs (晋北采煤沉陷区新能源基地)', () => {
  assert.deepEqual(names('总投资超500亿元的晋北采煤沉陷区新能源基地加快建设。'), ['晋北采煤沉陷区新能源基地']);
});

test('an ordinal is part of a plant\'s name (太原第一热电站, 沈阳第一机床厂, 北京现代汽车第四工厂)', () => {
  assert.deepEqual(names('建成太原第一热电站。'), ['太原第一热电站']);
  assert.deepEqual(names('扩建沈阳第一机床厂。'), ['沈阳第一机床厂']);
  assert.deepEqual(names('北京现代汽车第四工厂建成投产。'), ['北京现代汽车第四工厂']);
});

test('a number after a name\'s characters is part of it (京雄保一号旅游风景道); alone it is none', () => {
  assert.deepEqual(names('精心打造“京雄保一号旅游风景道”。'), ['京雄保一号旅游风景道']);
  assert.deepEqual(names('建设一号旅游风景道。'), []);
});
