// The lines of a report and what each is on its own: page furniture, a byline, a photo caption, or body
// text; a numbered heading, a sentence, a title's form. Anchored patterns only, one test per line: structure runs on
// every (debounced) keystroke.
import type { CaptionKind } from './types';
import { charTable, nextIndexOf } from './text';

export type LineKind = CaptionKind | 'body';

export interface Line {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** 0–2 when the line opens with a heading of that level. */
  level?: 0 | 1 | 2;
  headingLength?: number;
}

/** Forum and web-page furniture, recognisable line by line. */
const BOILERPLATE_RE = new RegExp(
  [
    '设为首页',
    '收藏本站',
    '签到天数',
    '每日心情',
    '\\[复制链接\\]',
    '^查看[:：]\\s*\\d+',
    '回复[:：]\\s*\\d+\\s*$',
    '^发表于\\s*\\d',
    '^本帖最后由',
    '显示全部楼层',
    '阅读模式',
    '您需要登录',
    '立即注册',
    '本版积分规则',
    '^快速回复',
    '返回顶部',
    '返回列表',
    '^Powered by',
    '^Rank[:：]',
    '^\\[LV\\.\\d+\\]',
    '^[•·]\\s*TA的',
    '^(?:主题|帖子|积分|版主|关闭|客服中心|在线咨询|在线时间[:：]?|联系电话[:：]?|上一篇|下一篇|分享到[:：]?|责任编辑[:：].*)$',
    // a government site's page: navigation, text-size and print buttons, source and date lines
    '^当前位置[:：]',
    '^(?:首页|下载|打印|全屏|收藏|加大|还原|减小|默认|大|中|小|EN|English|长者模式|繁體中文|简体中文|无障碍|智能问答|>>|>|\\||】|【)$',
    '^【?字[号体][:：]',
    '^(?:来源|时间|发布时间|发布日期|发布机构|信息来源|作者|浏览次数|点击数|访问量)[:：]',
    '^[（(]?责任编辑[:：].*[)）]?$',
    '^相关(?:报道|链接|新闻|阅读)[:：]?$',
    // numbers, dates, times and phone numbers on their own (post counts, timestamps)
    '^[\\d\\s:：\\-~.～/|+万]+$',
  ].join('|'),
  'i',
);
/** Markers that open the page footer: everything after them is boilerplate. */
export const FOOTER_RE = /您需要登录|本版积分规则|^快速回复|返回顶部|^Powered by|^相关(?:报道|链接|新闻|阅读)[:：]?$/i;

/** Bylines: ■文/…, 版式/…, (本报记者 …), (通讯员 …). */
const BYLINE_RE = new RegExp(
  [
    '^■',
    '^(?:文|图|文图|文/图|摄影|记者|通讯员|版式|编辑|责编|校对|制图)\\s*[/／:：]',
    '\\s(?:版式|编辑|图)\\s*[/／]',
    '^[（(]\\s*(?:本报)?(?:记者|通讯员|特约记者|见习记者)[^）)]*[）)]$',
    '^(?:本报)?(?:记者|通讯员)\\s+[\\u4e00-\\u9fff]{2,4}(?:\\s+[\\u4e00-\\u9fff]{2,4})*$',
  ].join('|'),
);

/** Photo captions (…本报记者 姜涛 摄, …记者 王强 摄影, (资料图片), 本版图片由…提供, 图片来源：…, …效果图) and box labels (核心提示). */
const CAPTION_RE = new RegExp(
  [
    '\\s[\\u4e00-\\u9fff]{2,4}\\s*摄影?[）)]?$',
    '(?:记者|通讯员)\\s*[\\u4e00-\\u9fff]{2,4}\\s*摄影?[）)]?$',
    '[（(](?:资料图片|资料图|图片来源[^）)]*|网络图片|供图)[）)]$',
    '^(?:本版)?图片由.{1,30}提供$',
    '^[（(]?(?:图片来源|图片|图源|图)[:：]',
    '(?:供图|效果图|示意图|规划图)$',
    '^图为',
    '^图\\d+',
    // box labels of a news page
    '^(?:核心提示|编者按|导读|内容提要|提要|阅读提示|相关链接|延伸阅读)[:：]?$',
  ].join('|'),
);

/** White space by character code: what \s matches, and the zero-width space. */
export const WS = charTable('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b');

/** Non-empty lines, trimmed of white space (full-width indents too), with UTF-16 offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = text.length;
  // Line ends found by indexOf (far faster than a loop over every character), each of \r and \n looked for again
  // only once the one found is passed.
  let cr = -1;
  let lf = -1;
  while (pos <= n) {
    lf = nextIndexOf(text, '\n', pos, lf);
    cr = nextIndexOf(text, '\r', pos, cr);
    const eol = Math.min(lf, cr);
    let s = pos;
    let e = eol;
    while (s < e && WS[text.charCodeAt(s)]) s++;
    while (e > s && WS[text.charCodeAt(e - 1)]) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e), kind: 'body' });
    if (eol >= n) break;
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** Captions, bylines and page furniture are short; longer lines are not even tested. */
const MAX_FURNITURE = 100;

export function patternKind(text: string): LineKind {
  if (text.length > MAX_FURNITURE) return 'body';
  if (BOILERPLATE_RE.test(text)) return 'boilerplate';
  if (BYLINE_RE.test(text)) return 'byline';
  if (CAPTION_RE.test(text)) return 'caption';
  return 'body';
}

// ---- heading and sentence patterns (structure.ts's passes and structurePlaces.ts) ------------------------

const NUM = '[一二三四五六七八九十]{1,3}';
const LEVEL1_RE = new RegExp(`^${NUM}、`);
/** 一 / 二 alone on a line (older national reports), 第一部分 …. */
const BARE_NUMERAL_RE = new RegExp(`^${NUM}$`);
const PART_RE = new RegExp(`^第${NUM}部分(?:$|[\\s　:：、，,])`);
const LEVEL2_RE = new RegExp(`^[（(]${NUM}[）)]`);
/** 第一，… alone on its line stands where (一) would. */
export const ORDINAL_RE = new RegExp(`^第${NUM}[，,、]`);
export const MAX_ORDINAL_LINE = 40;
/**
 * The report's title line (spaces removed): 2020年洛阳市西工区政府工作报告, 2014政府工作报告, 政 府 工 作 报 告, and with a
 * note of what the text is: 1964年国务院政府工作报告（摘要）.
 */
export const TITLE_RE = /^[^\[【[(（“"‘'《]{0,40}工作报告(?:[（(](?:摘要|节选|摘登|全文|要点)[)）])?$/;
/** …作政府工作报告: a news headline about the session, not the report's title. */
export const NEWS_ABOUT_RE = /作(?:政府)?工作报告(?:[（(](?:摘要|节选|摘登|全文|要点)[)）])?$/;

/** A line that carries sentences (not a title, caption or label). */
export const SENTENCE_RE = /[。！？；!?;]/;
/** The characters a line that ends its sentence ends with (by code: a pattern ending in $ was tried at every character). */
const SENTENCE_ENDS = charTable('。！？；：:!?;…”"’』」）)');
/** Punctuation a stand-alone title line never has. */
export const NOT_TITLE_RE = /[。！？；!?;…]|[：:，,、]$/;
/** Date lines and the speaker of the front matter: 2010年1月26日在…会议上, ——2014年…, 保定市人民政府市长 李谦. */
export const FRONT_MATTER_RE =
  /^[—―－-]*\s*(?:[（(]?[\d０-９一二三四五六七八九十〇○]{4}年.{0,40}(?:会议上|大会上|[)）])$|在.{2,40}(?:会议|大会)上$)|(?:人民政府|政府|国务院)(?:代理)?(?:总理|省长|市长|县长|区长|主席|主任)[\s\u00a0　]*[\u4e00-\u9fff]{2,4}$|(?:总理|省长|市长|县长|区长)[\s\u00a0　]+[\u4e00-\u9fff]{2,4}$/;
/**
 * A stand-alone line naming a place or a scene, as photo captions do (小南湖湿地公园, 西城区鸟瞰, 市民在湿地公园
 * 休闲健身); sub-titles state a task or a result (阔步迈上新征程).
 */
export const CAPTION_LINE_RE =
  /(?:园|区|馆|村|城|湖|河|路|桥|场|站|楼|校|中心|基地|广场|社区|鸟瞰|全景|夜景|一角|风光|风貌|现场|花海)$|^[\u4e00-\u9fff]{2,10}在[\u4e00-\u9fff]/;

const MAX_HEADING = 60;
const MAX_LONE_HEADING = 100;
export const MIN_NEWS_TITLE = 6;
/** Above the first sentence a shorter headline is enough (𡌶𡌶村简报); captions there are guarded below. */
export const MIN_HEADLINE = 4;
export const MAX_NEWS_TITLE = 40;
/** A numbered heading run on into its paragraph after a space (…优化投资结构 积极支持…) is cut there. */
const MIN_BEFORE_GAP = 8;

/** Where a numbered heading (一、… / (一)…) ends: at its first 。 when the line runs on, else at a gap. */
function numberedHeadingLength(body: string): number {
  const stop = body.indexOf('。');
  let len = stop >= 0 && stop < body.length - 1 ? stop + 1 : body.length;
  // A space between two Han characters (not between spaced digits: 二、关于1 9 9 8 年…) ends it too.
  const gap = /[\u4e00-\u9fff”"）)][\s\u00a0　]+[\u4e00-\u9fff“"]/.exec(body.slice(0, len));
  if (gap && gap.index + 1 >= MIN_BEFORE_GAP && stop > gap.index) len = gap.index + 1;
  // 一、维护世界和平是…而努力。 alone on its line: a long heading of one sentence, the whole line.
  const oneSentence = len === body.length && (stop < 0 || stop === body.length - 1);
  return len <= MAX_HEADING || (oneSentence && len <= MAX_LONE_HEADING) ? len : 0;
}

/** The characters the numbered headings' patterns start with: a numeral, 第 (PART_RE, ORDINAL_RE), a bracket. */
const NUMBERED_FIRST = charTable('一二三四五六七八九十第（(');

/** Level 1 or 2 of a line that opens with a numbered heading, and the heading's length. */
export function numberedLevel(text: string): [1 | 2, number] | undefined {
  if (NUMBERED_FIRST[text.charCodeAt(0)] !== 1) return undefined; // (most lines: none of the patterns is run)
  if (BARE_NUMERAL_RE.test(text)) return [1, text.length];
  if (LEVEL1_RE.test(text) || PART_RE.test(text)) {
    const len = numberedHeadingLength(text);
    return len > 0 ? [1, len] : undefined;
  }
  if (LEVEL2_RE.test(text)) {
    const len = numberedHeadingLength(text);
    return len > 0 ? [2, len] : undefined;
  }
  // 第一，进一步稳定和加强农业 / 第一，深化政府机构改革。 alone: one clause or sentence, nothing after it.
  // (第四，⏎ alone is a line the source broke, not a heading.)
  if (ORDINAL_RE.test(text) && text.length <= MAX_ORDINAL_LINE && !SENTENCE_RE.test(text.slice(0, -1)) && !/[，,、：:]$/.test(text)) {
    return [2, text.length];
  }
  return undefined;
}

/** Navigation items are short (structure.ts markNavigation). */
export const MAX_NAV_ITEM = 12;

/** A long line that stops mid-sentence was broken by the source: the next line carries on. */
export const isBroken = (text: string) => text.length > MAX_NEWS_TITLE && SENTENCE_ENDS[text.charCodeAt(text.length - 1)] !== 1;

/** The title's form, its spaces removed (政 府 工 作 报 告). */
export const titleForm = (text: string): string => text.replace(/[\s\u00a0　]+/g, '');

/** A line markNavigation may count into a run of navigation items: short, without a sentence or a number. */
export const navigationItem = (text: string): boolean => text.length <= MAX_NAV_ITEM && !SENTENCE_RE.test(text) && !numberedLevel(text);

/** A line's length in characters (code points) as the title and caption tests count it; past twice a title's, any. */
export const lineLength = (text: string): number => (text.length > 2 * MAX_NEWS_TITLE ? Infinity : [...text].length);

/** Where a line without a sentence stands, as classify's walk backwards sees it (what follows it, and where it is). */
export interface StandAloneContext {
  /** The next body line holds a sentence and heads nothing (bylines between do not count). */
  nextIsSentence: boolean;
  /** Above the report's first sentence. */
  headline: boolean;
  /** The report has a title line. */
  titled: boolean;
  /** Below the report's last sentence. */
  afterLastBody: boolean;
}

/**
 * What a body line without a sentence, a number or a place in the front matter is on its own: a stand-alone title
 * (news features), a photo's caption or a label, or (undefined) a paragraph.
 */
export function standAlone(text: string, at: StandAloneContext): 'title' | 'caption' | undefined {
  const len = lineLength(text);
  const shortLine = len <= MAX_NEWS_TITLE && !/[：:，,]$/.test(text);
  // Between a news page's paragraphs, a line naming a place or a scene is a photo's caption.
  const scene = !at.titled && !at.headline && shortLine && CAPTION_LINE_RE.test(text);
  const title =
    at.nextIsSentence &&
    !scene &&
    len >= (at.headline ? MIN_HEADLINE : MIN_NEWS_TITLE) &&
    len <= MAX_NEWS_TITLE &&
    !NOT_TITLE_RE.test(text) &&
    !/^[—―]/.test(text) &&
    !FRONT_MATTER_RE.test(text);
  if (title) return 'title';
  return scene || ((!at.titled || at.afterLastBody) && shortLine) ? 'caption' : undefined;
}
