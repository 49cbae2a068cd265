// The lines of a report and what each is on its own: page furniture, a byline, a photo caption, or body
// text. Anchored patterns only, one test per line: structure runs on every (debounced) keystroke.
import type { CaptionKind } from './types';
import { charTable } from './text';

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
  // Line ends found by indexOf (far faster than a loop over every character); a \r is looked for again only
  // once the one found is passed.
  let cr = text.indexOf('\r');
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
    if (cr >= 0 && cr < eol) eol = cr;
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
