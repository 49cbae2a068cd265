// The vocabulary of project names (spec.md, "Projects"): the facility and programme words a name ends with,
// and the words that end, open or generalise a name. Data only; the scan is in projects.ts.

/**
 * How particular the rest of a name must be, by the word it ends with:
 * - content: content words are enough (光伏新能源配套产业园, 人力资源服务产业园);
 * - works (项目, 工程): a proper element, or a facility inside that is particular (大数据产业园一期工程);
 * - programme: one content word is enough (基础教育高质量发展三年行动);
 * - proper: a place, a proper name, a quoted name or a number is needed (汉江西路, 郑州机场, 轨道交通1号线);
 * - strict: one character that ends many common words (路, 桥, 港): a proper name, three characters at least,
 *   and the word holding it must not be a common word (道路, 思路, 香港).
 */
export type SuffixClass = 'content' | 'works' | 'programme' | 'proper' | 'strict';

const WORKS = ['项目', '工程'];
const CONTENT = [
  '产业园', '工业园', '科技园', '软件园', '物流园', '创业园', '孵化园', '科创园', '文化园',
  '生态园', '农业园', '产业园区', '工业园区', '管廊', '综合管廊', '变电站', '公园', '湿地公园',
  '遗址公园', '博物馆', '科技馆', '体育馆', '纪念馆', '图书馆', '美术馆', '文化馆', '展览馆', '展馆', '商贸城',
  '建材城', '科学城', '科技城', '智慧城', '直播城', '航天城', '汽车城', '灯具城', '家具城', '服装城', '配件城', '教育城',
  '影视城', '大学城', '水厂', '科学园',
  // shops and hotels, often named by brands made of common words (名门万象商业综合体, 中央百货)
  '商业综合体', '商场', '百货', '百货楼', '购物中心', '酒店',
];
// (Not 行动计划, 三年行动计划: plans, as 规划 (GUIDELINES.md): 空气质量持续改善行动计划, 数字保定行动计划.)
const PROGRAMME = ['三年行动', '攻坚计划'];
const PROPER = [
  // works and centres
  '中心', '基地', '广场', '枢纽', '旗舰店', '车间', '安置房', '生产线',
  // roads, rail, ports, airports
  '高速公路', '高速', '公路', '快速路', '快速通道', '连接线', '大道', '大街', '步行街', '商业街', '小街', '铁路', '高铁',
  '城际铁路', '城际', '复线', '地铁', '轨道交通', '专用线', '号线', '大桥', '隧道', '立交', '机场', '火车站', '出入口', '东出口', '西出口', '南出口', '北出口', '引线',
  '高铁站', '客运站', '南站', '北站', '东站', '西站', '港区', '陆港', '空港', '码头', '班列', '高铁网',
  // water and energy
  '水库', '水利枢纽', '管网', '主管网', '支管网', '管道', '电站', '水电站', '电厂', '热电厂', '风电场',
  '灌区', '湿地', '廊道', '生态廊道', '走廊', '修复带', '防护林', '航道', '泊位', '核电', '干渠', '污水处理厂',
  '综合治理', '风景道', '储气库', '外送通道', '联网通道', '直流', '示范园', '输电通道', '大通道', '环线', '堤防', '露天矿', '煤矿', '立井', '竖井', '大堤', '联合企业', '钢铁公司', '石油公司', '油田', '气田', '航站楼', '航站区', '运河', '实验区', '经开区', '新通道', '节制闸', '拦河闸', '水闸', '试验场', '训练场', '发展区', '自然保护区', '保护区', '保护点',
  // zones
  '新区', '开发区', '高新区', '功能区', '经济区', '合作区', '片区', '集聚区', '聚集区', '保税区', '综保区', '自贸区', '商务区',
  '农高区', '自创区', '街区', '景区', '风景区', '旅游区', '度假区', '作业区', '核心区', '引领区', '体验区',
  '展示区', '商务区', '家属区', '家属院', '示范区', '试验区', '先行区', '创新区', '产业带', '硅巷', '智谷', '量子谷', '欢乐谷', '硅谷', '电谷', '光谷', '药谷', '农谷', '数谷', '云谷', '芯谷', '声谷', '车谷', '医谷', '创谷', '艺创谷', '流量谷', '数据谷', '古道', '博物苑', '不夜城', '老街',
  // buildings and estates
  '墓群', '综合保税区', '口岸', '市集', '铅锌矿', '锂铍矿', '锂矿', '铜矿', '金矿', '铁矿', '大厦', '大楼', '综合楼', '附楼', '门诊楼', '综合体', '市场',
  '超市', '购物公园', '宾馆', '饭店', '酒家', '公寓', '花园', '家园', '小区', '新村',
  '停车场', '车库', '地下车库', '体育场', '博物院', '剧院', '大剧院', '影院', '学校', '小学', '中学', '完全中学',
  '幼儿园', '医院', '卫生院', '养老院', '植物园', '动物园', '游乐园', '乐园', '古城', '古镇', '小镇',
  '遗址', '公所', '道署', '兵营', '城邦', '直播间', '大都会', '新城', '园区', '教学楼', '新馆', '院区', '众创空间', '互换局', '出入口局', '工厂', '厂', '矿',
];
const STRICT = ['路', '街', '巷', '桥', '港', '站', '线', '渠', '谷', '岛', '苑', '坊', '宫', '园', '城', '楼', '馆'];

export const SUFFIX_CLASS = new Map<string, SuffixClass>();
for (const [list, cls] of [
  [STRICT, 'strict'],
  [PROPER, 'proper'],
  [PROGRAMME, 'programme'],
  [CONTENT, 'content'],
  [WORKS, 'works'],
] as const) {
  for (const s of list) SUFFIX_CLASS.set(s, cls);
}
/** Every facility word, longest first (a regular expression alternation takes the first that matches). */
export const SUFFIXES = [...SUFFIX_CLASS.keys()].sort((a, b) => b.length - a.length);

/**
 * Words ending in a facility word that name no facility (麦克马洪线 is a border, 研究中心 an institution, 交易中心 a market, 中国市场 an
 * economy, 衡水湖湿地 a place, 中国—东盟自贸区 a trade agreement's area, 客家文化（闽西）生态保护区 a designation; a
 * wetland park and a nature reserve are facilities). Compared in place by their last character (projectScan.ts).
 */
export const NOT_FACILITY_ENDINGS = [
  '生态保护区', '研究中心', '交易中心', '研究院', '研究所', '实验室', '委员会', '服务中心', '金融中心', '商贸中心', '物流中心', '算力走廊',
  '权交易市场', '卫星新城', '卫星城', '湿地', '东盟自贸区', '东盟自由贸易区', '股票市场', '债券市场', '期货市场', '资本市场',
  '航空口岸', '开放口岸', '副中心', '指挥中心', '调度中心', '数据中心城', '结算中心', '科技创新中心', '工作站', '之城', '之都', '之乡',
  '经济走廊', '经济带', '服务站', '网站', '车站', '加油站', '公交站', '高速路', '收费站', '计量中心', '客服中心', '大湾区', '产业带',
  '科创走廊', '互认项目', '次中心', '省域先行区', '保交房项目', '保交楼项目', '一线', '二线', '底线', '红线', '防线', '麦克马洪线',
  '实际控制线', '探月工程', '载人航天工程', '热线', '主线', '航线', '专线', '生命线', '天际线', '界线', '战线', '路线', '航道',
  '美好家园', '精神家园', '共同家园', '幸福家园',
  ...['中国', '国际', '国内', '全国', '海外', '国外', '境外', '全球', '欧洲', '欧美', '东盟', '非洲', '中亚'].map((w) => `${w}市场`),
  ...['中日韩', '中日', '中韩', '中澳', '中欧', '中美', '亚太'].map((w) => `${w}自贸区`),
];

/**
 * By character code, a bit for each set of words below whose words start with it (WordSet, WordMap): one byte of a table
 * shared by the sets answers most look-ups.
 */
const FIRST_CHARS = new Uint8Array(0x10000);
let nextFirstBit = 1;
function firstBit(words: Iterable<string>): number {
  const bit = nextFirstBit;
  if (bit > 0x80) throw new Error('projectWords: more word sets than FIRST_CHARS has bits');
  nextFirstBit <<= 1;
  for (const w of words) FIRST_CHARS[w.charCodeAt(0)] |= bit;
  return bit;
}
/**
 * A set of words the scan asks of every word it reads, most of which start with none of its words' characters: those
 * are answered by FIRST_CHARS, not by a look-up in the set (~14 ns each, a dozen sets asked per facility word). Its
 * words are all given when it is made: the sets are exported read-only, as FIRST_CHARS is not told of a word added later.
 */
class WordSet extends Set<string> {
  private readonly bit: number = firstBit(this);
  override has(word: string): boolean {
    return (FIRST_CHARS[word.charCodeAt(0)] & this.bit) !== 0 && super.has(word);
  }
}
/** WordSet's map: a word's value (TAG_OVERRIDES), most words answered by FIRST_CHARS; read-only as WordSet is. */
class WordMap<V> extends Map<string, V> {
  private readonly bit: number = firstBit(this.keys());
  override get(word: string): V | undefined {
    return (FIRST_CHARS[word.charCodeAt(0)] & this.bit) !== 0 ? super.get(word) : undefined;
  }
}

/** Words that say nothing about which project is meant. */
export const GENERIC: ReadonlySet<string> = new WordSet([
  // (主要江河控制性工程, 关键集成电路, 境外经贸合作区: which ones, not a name.)
  '重点', '重大', '主要', '关键', '江河', '境外', '境内', '大', '小', '新', '老', '各类', '各项', '一批', '相关', '其他', '有关', '所有', '全部',
  '产业', '民生', '交流', '城市', '公共', '服务', '基础设施', '基础', '配套', '扶贫', '建设', '城改', '样板', '示范',
  '招商', '签约', '在建', '续建', '新建', '新开工', '商住', '非遗', '棚改', '公益', '工业', '农业', '文旅',
  '旅游', '水利', '交通', '道路', '民营', '社会', '领域', '企业', '政府', '投资', '年度', '省市', '省级',
  '市级', '区级', '县级', '国家级', '国家', '全国', '全省', '全市', '全区', '省', '市', '区', '县', '乡',
  '村', '我区', '我市', '本', '该', '首个', '首家', '大型', '中型', '小型', '综合', '综合性', '基层', '现代',
  '先进', '标准化', '亿元', '万元', '以上', '储备', '谋划', '生态', '环保', '文化', '教育', '卫生', '健康',
  '城市更新', '公共服务', '公共卫生', '综合治理', '招商引资', '部分', '主体', '宜居', '资本', '中央', '地方',
  '中央政府', '地方政府', '定价', '行业', '龙头', '基本', '专项', '试点', '优质', '特色', '主导', '新兴',
  '楼宇', '总部', '学校', '医院', '主', '总', '副', '各', '前', '后', '上', '下', '内', '外', '中', '多', '高',
  '低', '高水平', '高标准', '高质量', '智能', '数字', '智慧', '绿色', '低碳', '零碳', '安全', '应急', '战略性',
  '新型', '传统', '现代农业', '生态文明', '高速', '普通', '主导产业', '产业链', '病险', '国内', '国外', '整个', '所属', '港口', '口袋', '一流', '标志性', '骨干', '区域', '城乡', '农村', '乡村', '县域', '镇', '街道', '社区',
  '家', '点', '级', '型', '性', '类', '项', '个', '座', '条', '所', '处', '批', '期', '段', '东', '西', '南', '北',
  '新兴产业', '战略性新兴产业', '产业集群', '县乡', '乡镇', '城乡居民', '通信', '电力', '市政', '能源', '燃气',
  '供热', '供水', '物流', '金融', '医疗', '养老', '商贸', '地上', '地下', '附属', '主体工程', '城改', '非遗', '冬奥', '合作', '商务', '高品质', '公立', '生态旅游',
  // Designations and slogans that open a name and say nothing about which project (美丽中国省域先行区, 保交房项目).
  '美丽中国', '省域', '保交房', '保交楼', '省际', '智能化', '数字化', '绿色化',
  // (世界地质公园 granted, 省会城市机场, 国省干线公路, 市州级医院: kinds, not names.)
  '世界', '国际化', '省会城市', '国省干线', '国省', '干线', '州级', '市州级', '中小', '经贸', '广播电视',
  // (普惠性民办幼儿园, 义务教育寄宿制学校, 国家一级博物馆, 绿电产业园区: kinds of school, museum, park.)
  '重要', '河湖', '固废', '工业固废', '环境污染', '改革开放', '美丽', '市州', '市州级', '万卡', '万卡级', '高原',
  '普惠性', '普惠', '民办', '公办', '义务教育', '寄宿制', '一级', '国家一级', '绿电',
]);
/** Words that end a name on its left although they are nouns: regions, sectors, people (西部地区“两基”攻坚计划). */
export const STOP_WORDS: ReadonlySet<string> = new WordSet([
  '地区', '领域', '方面', '行业', '单位', '部门', '群众', '农民', '居民', '市民', '各地', '地方', '全国各地',
  '东北', '沿海', '内地', '青少年', '儿童', '学生', '老年人', '老区', '边疆', '贫困地区', '民族地区', '香港', '澳门',
  '台湾', '港人治港', '港澳', '港澳台', '重点项目', '重大项目', '建设项目', '重点工程', '重大工程',
  '车道', // (双向8车道: a road's size, not its name)
  '所谓', '所属', '上市公司', // (所谓麦克马洪线, 矿务局所属煤矿, 上市公司中国长城: no name's words)
  '首个', '首家', '首座', // (青藏高原首个综合保税区: which one, not its name)
]);
/** Qualifiers that are not part of a name when they open it (省级, 全市, 重点). */
export const LEADING_TRIM: ReadonlySet<string> = new WordSet([
  '省级', '市级', '区级', '县级', '国家级', '全国', '全省', '全市', '全区', '我区', '我市', '本', '该',
  '首个', '首家', '一批', '各类', '重点', '重大', '大型', '在建', '续建', '新建', '新开工', '全力', '高标准',
  '省', '市', '县', '区', '乡', '镇', '乡级', '镇级', '村级', '主城区', '城区', '县城', '现有', '省道', '国道',
  '高水平', '高质量', '一座', '一所', '一个', '一条', '一批次', '多个', '新一轮', '新一批', '新一代', '新时代',
  '着力', '大力', // (the dictionary's nouns: 着力|抓好…)
  '现代化', '国际化', '标志性', '综合性', // qualities (一座现代化|旗滨玻璃产业园)
  '北侧', '南侧', '东侧', '西侧', '周边', '附近', '起点', '终点', // where, not what (北侧起点|接环城北路)
]);
/** Verbs that act on a project: a name never spans them (在洛阳建设全国先进制造业基地). */
export const PREDICATE: ReadonlySet<string> = new WordSet([
  '建设', '建成', '打造', '推进', '推动', '实施', '加快', '加速', '完成', '启动', '引进', '签约', '落地',
  '开工', '竣工', '投用', '谋划', '培育', '依托', '围绕', '形成', '实现', '确保', '争取', '抓好', '加强',
  '成为', '获批', '入驻', '承接', '支持', '鼓励', '引导', '开展', '举办', '建立', '加大', '扩大', '提高',
  '优化', '完善', '深化', '强化', '力争', '紧盯', '盘活', '推出', '打通', '对接', '融入', '带动', '以',
  '作为', '包括', '参与', '投资', '运营', '管理', '投向', '全面实施', '新增', '做好', '做深', '开通',
  '通车', '贯通', '建好', '办好', '用好', '争创', '创建', '布局', '规划', '编制', '新改建', '改造',
  '规范', '配合', '对标', '借势', '用活', '继续', '圆满', '建立健全', '继续加强', '加快推进', '抓紧', '找',
  '新创建', '优先发展', '落户', '落实', '杜绝', '封锁', '普及', '新上', '壮大', '发展壮大', '做大', '做强', '做优', '做大做强', '严格控制', '控制', '投运', '投产', '新改扩建', '重焕', '提质改造', '直通', '拓宽', '过境', '始发', '打好', '打赢', '深入实施', '深入开展', '扎实开展', '持续开展', '新设', '修筑', '修建', '兴建',
]);
/**
 * Verbs found inside names (排水管网疏通检测修复项目, 秦创原(秦都)创新促进中心). Those that are also
 * predicates (建设, 运营) only directly before the facility word and after a name word.
 */
export const INTERNAL_VERBS: ReadonlySet<string> = new WordSet([
  '建设', '改造', '提升', '新建', '改建', '扩建', '改扩建', '修复', '检测', '疏通', '治理', '整治', '开发',
  '安置', '搬迁', '连通', '创新', '促进', '育成', '孵化', '研学', '创业', '运营', '服务', '交易', '发展',
  '示范', '保护', '利用', '研发', '制造', '加工', '升级', '巩固', '惠民', '节能', '培训', '养老', '研究',
  '展示', '体验', '集聚', '融合', '振兴', '提质', '改善', '监测', '处理', '回收', '储能', '发电', '供热',
  '供水', '排水', '配套', '两用', '转化', '合作', '贸易', '物流', '仓储', '冷链', '直播', '智造', '调蓄',
  '配置', '提升改造', '转移', '转化', '保供', '保障', '开放', '应用', '维修', '输电', '引水', '调水', '输水', '储气', '共建', '标注', '送电', '自主', '集结',
  '传承', '检验', '认证', // (景德镇国家陶瓷文化传承创新试验区, 保定国家检验检测认证园区)
  '休闲', '度假', // (民权路休闲街区, 唐园旅游休闲街区: leisure, not a verb)
  '扩容', '扩能', '增效', '提质增效', // (贵阳环高扩容工程, 陕南污水处理提质增效工程: what the works do)
]);
/** After the facility word, these make it a modifier (副中心城市, 中心城区), not the end of a name. */
// (京津市场|供应基地, 市场准入: a market's supply, demand or rules, not a marketplace.)
// (项目总数, 项目数量: a count of projects.) Two characters each: the scan looks them up by their codes.
export const CONTINUATION = new Set(['总数', '数量', '个数', '总量', '城市', '城区', '城镇', '地位', '作用', '工作', '任务', '功能', '理念', '片区', '供应', '需求', '准入', '份额', '秩序', '监管', '行动']);
/**
 * One-character words that end a name on its left: function words and one-character verbs. Other
 * characters the dictionary keeps apart are pieces of a name it does not know (平漯周, 南信合).
 */
export const FUNCTION_CHARS = new Set([
  ...'的地得和与及等在是了将把被从对向为以由到并或其之每各该本全有无不也都又还就才已要会能可让使给建抓推促强争办设开好至同退入出进迁搬拆扩改拓着如而只过继搞凡共做再居即像象',
  // (即, “that is”: “N”即其他市县疾控中心; 象, the older texts' 像. Not 于 or 暨: jieba splits 于桥水库, 于家堡, 暨阳湖 into characters.)
]);

/**
 * Common words of recent reports that nodejieba's dictionary lacks: read apart, their characters would be taken for
 * pieces of a name (绿|电产业园区, 普|惠性民办幼儿园). Added to the scan's lexicon only (segmentation is unchanged).
 */
export const LEXICON_WORDS = new Map<string, string>([
  ['普惠', 'a'], ['普惠性', 'b'], ['绿电', 'n'], ['绿证', 'n'], ['临空', 'nz'], ['重焕', 'v'], ['算电', 'n'], ['智算', 'n'],
  ['绿氢', 'n'], ['数智', 'n'], ['换电', 'vn'], ['算力', 'n'], ['综改', 'j'], ['提质', 'v'], ['提质改造', 'v'], ['固废', 'n'], ['低碳', 'a'], ['校安', 'j'], ['京港澳', 'nz'], ['三江源', 'ns'], ['上合组织', 'nt'], ['上海合作组织', 'nt'], ['市州', 'n'], ['市州级', 'b'], ['万卡', 'b'], ['万卡级', 'b'], ['次差', 'a'], ['沉陷区', 'n'], ['采煤沉陷区', 'n'],
  // (Water works of the national plans: 颍河节制闸工程, 宿鸭湖蓄洪工程, 拦河闸.)
  ['节制闸', 'n'], ['拦河闸', 'n'],
  // Central state companies by their short names, which open the names of their projects (中铝北方沿海绿色新材料,
  // 中核…, 国家电投…); the dictionary reads most apart (中|铝).
  ...['中铝', '中核', '中广核', '中车', '中能建', '中电建', '中交', '中石油', '中节能', '中储粮', '中国能建', '中国电建', '国网', '国家电投', '国家能源集团', '中国铝业', '中国石化', '中国石油', '中国中车', '宁德时代'].map((w): [string, string] => [w, 'nt']),
]);

/**
 * Words the dictionary tags otherwise, retagged for the scan: districts and places it has as common words, too frequent
 * in that sense for the generated place list (placeNames.ts), that reports name facilities after (大兴/b of
 * 北京大兴国际机场, 官厅/n of 官厅水库, 丰满/a of 丰满水电站); what it has as places that are deeds (防沙/ns, 治沙/ns
 * of 防沙治沙, sand control, no place).
 */
export const LEXICON_RETAGGED = new Map<string, string>([
  ['大兴', 'ns'], ['官厅', 'ns'], ['丰满', 'ns'],
  ['防沙', 'vn'], ['治沙', 'vn'],
]);

/** The provinces' one-character names (京, 冀, 黔, 藏, …), of which lines and joint parks are named (川黔, 青藏, 中马“两国双园”). */
export const PROVINCE_CHARS = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台';

/** People a programme is for, part of its name (促进居民增收三年行动), though they end other names. */
export const PROGRAMME_PEOPLE = new Set(['居民', '农民', '群众', '市民']);
/** Verbs that carry out a programme (继续实施|“交通提升”三年行动), never its own first word. */
export const OPERATING = new Set([
  '实施', '建设', '推进', '推动', '开展', '启动', '完成', '加快', '落实', '抓好', '做好', '全面实施', '深入实施', '深入开展',
  '持续开展', '扎实开展', '打好', '打赢', '继续', '组织', '制定', '出台', '编制',
]);

const ADVERB_HEADS = new Set(['极大', '大大', '全面', '认真', '充分', '积极', '大力', '加快', '持续', '深入', '着力', '稳步', '有序', '扎实', '切实', '进一步', '不断', '努力']);
/** A set phrase that ends in a verb (全面提升, 充分发挥/n, 进一步加强): no part of a name, whatever its tag. */
export const adverbPhrase = (word: string) =>
  word.length > 2 && ADVERB_FIRST[word.charCodeAt(0)] === 1 && (ADVERB_HEADS.has(word.slice(0, 2)) || (word.length > 3 && ADVERB_HEADS.has(word.slice(0, 3))));
/** ADVERB_HEADS' first characters: most words are ruled out by one look-up, without a slice hashed. */
const ADVERB_FIRST = charBits([[[...ADVERB_HEADS].map((w) => w[0]).join(''), 1]]);

/** Tags the dictionary gets wrong for names (高新/d in 国家农业高新技术产业示范区). */
export const TAG_OVERRIDES: ReadonlyMap<string, string> = new WordMap<string>([
  ['高新', 'n'], ['零部件', 'n'], ['文明', 'n'], ['上市', 'v'], ['城镇', 'n'], ['重塑', 'v'], ['中医药', 'n'], ['雪亮', 'a'], ['天网', 'n'], ['奥特莱斯', 'n'], ['联通', 'v'], ['通道', 'n'], ['金砖', 'nz'], ['玉米', 'n'],
  // (许可项目, 永久性校舍, 跨界河流 read as 界河流, 中西部国家级开发区, 重建家园/ns, 深度/ns, 大修/nr, 正定/d: a verb, a quality, a river, a region, a phrase, a noun, a verb, a county.)
  ['许可', 'v'], ['永久性', 'b'], ['界河', 'n'], ['中西部', 'n'], ['重建家园', 'v'], ['深度', 'n'], ['大修', 'v'], ['正定', 'ns'],
  // (康庄大道/nr, 阳关大道/nr: idioms; 治本/ns of 治本工程: a verb; 海洋渔业/nt: a sector; 重返家园: a phrase.)
  ['康庄大道', 'i'], ['阳关大道', 'i'], ['治本', 'v'], ['海洋渔业', 'n'], ['重返家园', 'v'], ['通国', 'n'], // (普|通国|省: 普通国省干线)
  ['蓄洪', 'vn'], ['滞洪', 'vn'], ['排涝', 'vn'], // (宿鸭湖蓄洪工程: what a water works does is its kind, as 分洪/vn)
  ['建新', 'nz'], // (建新大街, 建新路: a street's name, not 拆旧建新's verb)
  // (深水泊位, 大江大河大湖堤防, 煤矿瓦斯, 爱国|主义教育基地, 国防科技工业项目: common words the dictionary tags as places or names;
  // 自然博物馆, 自然保护区: 自然 is no adverb there.)
  ['自然', 'n'], ['江河湖泊', 'n'], ['湖泊', 'n'], ['深水', 'n'], ['大江', 'n'], ['大河', 'n'], ['大湖', 'n'], ['瓦斯', 'n'], ['爱国主义', 'n'], ['爱国', 'v'], ['国防科技', 'n'], ['开发新', 'v'], // (开发新|油田: a verb and 新)
  ['山水', 'n'], // (山水运动片区: scenery, no place)
]);

/** Units inside a name (110千伏变电站, 4亿克拉人造金刚石项目). */
export const NAME_UNITS = new Set(['千伏', '万伏', '兆瓦', '千瓦', '万千瓦', '克拉', '亿克拉', '万吨', '吨', '米', '万平方米', '平方米']);
/** Verbs between two places or parties inside a name (A送电B工程, 海峡两岸交流合作平潭…): see scanLeft. */
export const LINKING_VERBS = new Set(['送电', '输电', '引水', '调水', '连通', '转移', '合作', '交流']);
/** The city's stations and airport, which name what is built at them (高铁广场, 火车站综合交通枢纽). */
export const STATION_WORDS: ReadonlySet<string> = new WordSet(['高铁', '火车站', '高铁站', '机场']);

/** A table by character code of the bits given for each string's characters (several tests' characters in one table). */
export function charBits(marks: readonly [string, number][]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [chars, bit] of marks) for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] |= bit;
  return table;
}
