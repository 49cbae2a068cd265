// Named projects, parks, facilities and programmes (spec.md, "Projects").
//
// A name ends in a facility word (项目, 工程, 产业园, 中心, 变电站, 生产线, …; dict/report.dict.utf8 makes
// them separate tokens) and reaches left over name-like tokens (places, unknown words, nouns, numbers, a
// short parenthesis) until punctuation, a function word or a verb that acts on the project. Names made
// only of generic words (重点项目, 城市更新项目, 医院项目) are dropped, and for facility words that also
// name roles (全市商贸中心, 制造业基地) something particular must be in the name.
import type { Paragraph, Project, Span } from './types';
import type { Segmenter, Token } from './segmenter';

/** Facility words a name ends with; a token ending in one counts too (数据中心, 湿地公园). */
const SUFFIXES = [
  '项目', '工程', '产业园', '科创园', '孵化园', '物流园', '文化园', '创业园', '工业园', '管廊', '变电站',
  '生产线', '公园', '博物馆', '科技馆', '体育馆', '商贸城', '建材城', '科学城', '智慧城', '直播城', '水厂',
  '车间', '安置房', '三年行动', '行动计划', '三年行动计划', '中心', '基地', '广场', '枢纽', '旗舰店',
];
/** Facility words that also name roles and institutions: without a particular word, not a project. */
const NEEDS_PROPER = new Set(['中心', '基地', '广场', '枢纽', '旗舰店', '车间', '安置房']);
/** Programmes, named by what they do (基础教育高质量发展三年行动). */
const PROGRAMME = new Set(['三年行动', '行动计划', '三年行动计划']);

/** Words that say nothing about which project is meant. */
const GENERIC = new Set([
  '重点', '重大', '大', '小', '新', '老', '各类', '各项', '一批', '相关', '其他', '有关', '所有', '全部',
  '产业', '民生', '城市', '公共', '服务', '基础设施', '基础', '配套', '扶贫', '建设', '城改', '样板', '示范',
  '招商', '签约', '在建', '续建', '新建', '新开工', '商住', '非遗', '棚改', '公益', '工业', '农业', '文旅',
  '旅游', '水利', '交通', '道路', '民营', '社会', '领域', '企业', '政府', '投资', '年度', '省市', '省级',
  '市级', '区级', '县级', '国家级', '国家', '全国', '全省', '全市', '全区', '省', '市', '区', '县', '乡',
  '村', '我区', '我市', '本', '该', '首个', '首家', '大型', '中型', '小型', '综合', '综合性', '基层', '现代',
  '先进', '标准化', '亿元', '万元', '以上', '储备', '谋划', '生态', '环保', '文化', '教育', '卫生', '健康',
  '城市更新', '公共服务', '公共卫生', '综合治理', '招商引资', '部分', '主体', '宜居', '资本', '中央', '地方',
  '中央政府', '地方政府', '定价', '行业', '龙头', '基本', '专项', '试点', '优质', '特色', '主导', '新兴',
  '楼宇', '总部', '学校', '医院', '主', '总', '副', '各', '前', '后', '上', '下', '内', '外', '中', '多', '高',
  '低',
]);
/** Qualifiers that are not part of a name when they open it (省级, 全市, 重点). */
const LEADING_TRIM = new Set([
  '省级', '市级', '区级', '县级', '国家级', '全国', '全省', '全市', '全区', '我区', '我市', '本', '该',
  '首个', '首家', '一批', '各类', '重点', '重大', '新', '大型', '在建', '续建', '新建', '新开工', '全力',
]);
/** Verbs that act on a project: a name never spans them (在洛阳建设全国先进制造业基地). */
const PREDICATE = new Set([
  '建设', '建成', '打造', '推进', '推动', '实施', '加快', '加速', '完成', '启动', '引进', '签约', '落地',
  '开工', '竣工', '投用', '谋划', '培育', '依托', '围绕', '形成', '实现', '确保', '争取', '抓好', '加强',
  '成为', '获批', '入驻', '承接', '支持', '鼓励', '引导', '开展', '举办', '建立', '加大', '扩大', '提高',
  '优化', '完善', '深化', '强化', '力争', '紧盯', '盘活', '推出', '打通', '对接', '融入', '带动', '以',
  '作为', '包括', '参与', '投资', '运营', '管理', '投向', '全面实施', '新增', '做好', '做深',
]);
/**
 * Verbs found inside names (排水管网疏通检测修复项目, 秦创原(秦都)创新促进中心). Those that are also
 * predicates (建设, 运营) only directly before the facility word and after a name word.
 */
const INTERNAL_VERBS = new Set([
  '建设', '改造', '提升', '新建', '改建', '扩建', '改扩建', '修复', '检测', '疏通', '治理', '整治', '开发',
  '安置', '搬迁', '连通', '创新', '促进', '育成', '孵化', '研学', '创业', '运营', '服务', '交易', '发展',
  '示范', '保护', '利用', '研发', '制造', '加工', '升级', '巩固', '惠民', '节能', '培训', '养老', '研究',
  '展示', '体验', '集聚', '融合', '振兴', '提质', '改善', '监测', '处理', '回收', '储能', '发电', '供热',
  '供水', '排水', '配套', '两用', '转化', '合作', '贸易', '物流', '仓储', '冷链', '直播', '智造',
]);
/** After the facility word, these make it a modifier (副中心城市, 中心城区), not the end of a name. */
const CONTINUATION = new Set(['城市', '城区', '城镇', '地位', '作用', '工作', '任务', '功能', '理念']);

const PHASE_RE = /^(?:[一二三四五六七八九十]|\d+)期$/;
/** 六大, 三个, 一批: counted things, which end a name (城市提升六大工程 is not one). */
const COUNTED_RE = /^[一二三四五六七八九十两百千万几多\d]+[大项个类条批家座所种]?$/;
/** Unknown words the segmenter glued to a function character (网等, 以多式): not names. */
const GLUED_RE = /^[以在对把将为从与和及等是]|[等的和与及或在是了]$/;
/** A character glued to the next function word (群星汇中心|城等): the facility word goes on. */
const GLUED_TAIL_RE = /^\p{Script=Han}[等的和与及或]$/u;
/** Time words end a name; other t-tagged words (隋唐) can be part of one. */
const TIME_RE = /[年月日时前后来今昨明]/;
const HAS_WORD_RE = /[\p{L}\p{N}]/u;
const HAN_RE = /\p{Script=Han}/u;
const NUMERIC_RE = /^[\d.０-９]+$|^[万亿千百]$/;
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'j', 'eng']);
const NOUN_TAGS = new Set(['l', 's', 'a', 'an', 'b', 'z', 'zg', 'h', 'k', 'g', 'vn']);
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const MAX_PAREN = 8;
const MIN_NAME = 4;

type Kind = 'suffix' | 'phase' | 'proper' | 'noun' | 'verb' | 'numeric' | 'open' | 'close' | 'break';

interface Tok {
  word: string;
  tag: string;
  kind: Kind;
  /** For a suffix token: the facility word it ends with. */
  suffix?: string;
}

/** Suffixes by their last character, so most tokens are dismissed with one map lookup. */
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of [...SUFFIXES].sort((a, b) => b.length - a.length)) {
  const last = s[s.length - 1];
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), s]);
}
const SUFFIX_ANY_RE = new RegExp(SUFFIXES.join('|'));
/** Stretches between punctuation; parentheses stay inside (秦创原(秦都)创新促进中心). */
const CLAUSE_RE = /[^，。；！？、：,;!?:“”"‘’《》【】\s]+/g;

/** The longest facility word `word` ends with. */
function suffixOf(word: string): string | undefined {
  return SUFFIXES_BY_LAST.get(word[word.length - 1])?.find((s) => word.endsWith(s));
}

function classify({ word, tag }: Token): Tok {
  const kind = (k: Kind): Tok => ({ word, tag, kind: k });
  if (!HAS_WORD_RE.test(word)) return kind(OPEN.has(word) ? 'open' : CLOSE.has(word) ? 'close' : 'break');
  if (PHASE_RE.test(word)) return kind('phase');
  const suffix = suffixOf(word);
  if (suffix) return { word, tag, kind: 'suffix', suffix };
  if (NUMERIC_RE.test(word)) return kind('numeric');
  if (COUNTED_RE.test(word)) return kind('break');
  if (PREDICATE.has(word) || INTERNAL_VERBS.has(word)) return kind('verb');
  if (GENERIC.has(word)) return kind('noun');
  // Unknown words (x) are the best name candidates: 姜家, 秦创原, 润宝.
  if (tag === 'x') return kind(word.length >= 2 && !GLUED_RE.test(word) ? 'proper' : 'break');
  if (PROPER_TAGS.has(tag)) return kind('proper');
  // A lone character is a piece of a name the dictionary does not know (王/城广场, 星/峰研学基地).
  if (word.length === 1 && HAN_RE.test(word) && (tag.startsWith('n') || tag === 'zg')) return kind('proper');
  if (tag === 't') return kind(TIME_RE.test(word) ? 'break' : 'noun');
  if (tag.startsWith('n') || NOUN_TAGS.has(tag)) return kind('noun');
  if (tag.startsWith('v')) return kind('verb');
  return kind('break');
}

const isNameWord = (t: Tok) => t.kind === 'proper' || t.kind === 'noun' || t.kind === 'suffix' || t.kind === 'phase';
const isLoneHan = (t: Tok | undefined) => t !== undefined && t.word.length === 1 && HAN_RE.test(t.word);

/**
 * Index of the first token of the name that ends at toks[end], a facility word; `end` when nothing
 * can stand before it.
 */
function scanLeft(toks: Tok[], end: number): number {
  let first = end;
  let verbRun = true; // still in the verbs right before the facility word (疏通检测修复|项目)
  for (let i = end - 1; i >= 0; ) {
    const t = toks[i];
    if (t.kind === 'close') {
      // 秦创原(秦都)创新促进中心: a short parenthesis between name words.
      let j = i - 1;
      let inner = 0;
      while (j >= 0 && i - j <= 4 && (toks[j].kind === 'proper' || toks[j].kind === 'noun')) inner += toks[j--].word.length;
      if (j < 1 || toks[j].kind !== 'open' || inner === 0 || inner > MAX_PAREN || !isNameWord(toks[j - 1])) break;
      first = j;
      i = j - 1;
      verbRun = false;
      continue;
    }
    if (t.kind === 'verb') {
      if (!INTERNAL_VERBS.has(t.word)) break;
      if (PREDICATE.has(t.word) && (!verbRun || !(i > 0 && isNameWord(toks[i - 1])))) break;
    } else if (isNameWord(t) || t.kind === 'numeric') {
      verbRun = false;
    } else {
      break;
    }
    first = i--;
  }
  // What cannot open a name: verbs, numbers, qualifiers, and a lone character torn from the word
  // before it (临/空产业园, 20/项重大水利工程).
  for (;;) {
    const t = toks[first];
    if (first >= end) return end;
    const prev = toks[first - 1];
    const torn = isLoneHan(t) && prev !== undefined && ((isLoneHan(prev) && prev.kind !== 'break') || prev.kind === 'numeric');
    if (t.kind === 'verb' || t.kind === 'numeric' || LEADING_TRIM.has(t.word) || torn) first++;
    else return first;
  }
}

/** Whether toks[first..end] (toks[end] the facility word) names something particular. */
function isSpecific(toks: Tok[], first: number, end: number): boolean {
  const last = toks[end];
  const suffix = last.suffix!;
  let proper = 0;
  let places = 0;
  let content = 0;
  let generic = 0;
  let longContent = false;
  const count = (word: string, kind: Kind, tag: string) => {
    if (kind === 'proper' || kind === 'numeric') {
      proper++; // 润宝4亿克拉人造金刚石项目: numbers make a name particular too
      if (tag === 'ns') places++;
    } else if (kind === 'noun' || kind === 'suffix') {
      if (GENERIC.has(word)) generic++;
      else if (word.length >= 2) {
        content++;
        longContent ||= word.length >= 4;
      }
    }
  };
  for (let k = first; k < end; k++) count(toks[k].word, toks[k].kind, toks[k].tag);
  const own = last.word.slice(0, last.word.length - suffix.length); // 数据中心 → 数据
  if (own) count(own, 'noun', 'n');

  // 红星爱琴海购物广场部分主体工程: only generic words after an inner facility, which is the name.
  let inner = end - 1;
  while (inner >= first && toks[inner].kind !== 'suffix') inner--;
  if (inner >= first && inner < end - 1 && toks.slice(inner + 1, end).every((t) => t.kind === 'noun' && GENERIC.has(t.word))) {
    return false;
  }
  // 新华区招商引资项目, 漯河市现代服务中心: a place and generic words only.
  if (proper > 0 && proper === places && content === 0 && generic > 0) return false;
  if (proper > 0) return true;
  if (NEEDS_PROPER.has(suffix)) return false;
  if (PROGRAMME.has(suffix)) return content >= 1;
  return content >= 2 || longContent;
}

/** Candidate project names found in one paragraph's text (cached per paragraph by the analyzer). */
export function findProjectNames(paragraphText: string, segmenter: Segmenter): string[] {
  const names = new Set<string>();
  // Names never cross punctuation, so only the clauses holding a facility word are segmented: the
  // segmenter is most of the cost of the analysis.
  for (const [clause] of paragraphText.matchAll(CLAUSE_RE)) {
    if (SUFFIX_ANY_RE.test(clause)) for (const name of namesInClause(clause, segmenter)) names.add(name);
  }
  return [...names];
}

function namesInClause(clause: string, segmenter: Segmenter): string[] {
  const toks = segmenter.tag(clause).map(classify);
  // A measure after a number is part of it (姜家110千伏变电站, 28个项目).
  for (let i = 1; i < toks.length; i++) {
    if (toks[i].tag === 'q' && toks[i - 1].kind === 'numeric') toks[i].kind = 'numeric';
  }
  const found: { first: number; last: number }[] = [];
  for (let end = 0; end < toks.length; end++) {
    if (toks[end].kind !== 'suffix') continue;
    let last = end;
    while (last + 1 < toks.length && toks[last + 1].kind === 'phase') last++; // 华荣生物育成中心一期
    const next = toks[last + 1];
    // 副中心城市, 豫南中心仓, 群星汇中心城等: the facility word is part of a longer word.
    if (next && (CONTINUATION.has(next.word) || (isLoneHan(next) && next.tag.startsWith('n')) || GLUED_TAIL_RE.test(next.word))) {
      continue;
    }
    const first = scanLeft(toks, end);
    if ((first < end || toks[end].word !== toks[end].suffix) && isSpecific(toks, first, end)) found.push({ first, last });
  }
  // Keep the longest reading: 大数据产业园一期工程, not also 大数据产业园 inside it.
  const names: string[] = [];
  for (const f of found) {
    if (found.some((g) => g !== f && g.first <= f.first && g.last >= f.last)) continue;
    const name = toks
      .slice(f.first, f.last + 1)
      .map((t) => t.word)
      .join('');
    if ([...name].length >= MIN_NAME) names.push(name);
  }
  return names;
}

/** Every occurrence of each name in the text, as projects j1, j2, … in order of first occurrence. */
export function collectProjects(text: string, names: Iterable<string>, paragraphs: Paragraph[]): Project[] {
  void paragraphs; // names are searched in the whole text: a caption naming a project is an occurrence too
  const hits: { name: string; span: Span }[] = [];
  for (const name of new Set(names)) {
    if (!name) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      hits.push({ name, span: { start: at, end: at + name.length } });
    }
  }
  // Where names overlap the longest wins (大数据产业园 inside 大数据产业园一期工程 is not another mention).
  hits.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
  const taken: Span[] = []; // sorted by start, disjoint
  const kept: typeof hits = [];
  for (const h of hits) {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < h.span.start) lo = mid + 1;
      else hi = mid;
    }
    if ((lo > 0 && taken[lo - 1].end > h.span.start) || (lo < taken.length && taken[lo].start < h.span.end)) continue;
    taken.splice(lo, 0, h.span);
    kept.push(h);
  }

  kept.sort((a, b) => a.span.start - b.span.start);
  const byName = new Map<string, Span[]>();
  for (const h of kept) {
    const list = byName.get(h.name);
    if (list) list.push(h.span);
    else byName.set(h.name, [h.span]);
  }
  return [...byName].map(([name, occurrences], i) => ({ id: `j${i + 1}`, name, occurrences }));
}
