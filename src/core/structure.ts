// Sections (heading tree), paragraphs and captions of a report (spec.md, "Sections"). Runs on every
// (debounced) keystroke, so it is one linear pass over the lines with anchored patterns, no segmentation.
//
// Two styles are handled: work reports (title line, 一、/(一) headings, lead-in sentences) and news
// features (stand-alone title lines between photo captions, bylines and web-page boilerplate).
import type { Caption, CaptionKind, Paragraph, Section, SectionLevel, Span } from './types';

export interface DocumentStructure {
  title?: string;
  sections: Section[];
  paragraphs: Paragraph[];
  captions: Caption[];
}

// ---- line patterns -------------------------------------------------------------------------------

const NUM = '[一二三四五六七八九十]{1,3}';
const LEVEL1_RE = new RegExp(`^${NUM}、`);
const LEVEL2_RE = new RegExp(`^[（(]${NUM}[）)]`);
/** The report's title line: 2020年洛阳市西工区政府工作报告, 2014政府工作报告. */
const TITLE_RE = /^[^\[【[(（“"‘'《]{0,40}工作报告$/;

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
    // numbers, dates, times and phone numbers on their own (post counts, timestamps)
    '^[\\d\\s:：\\-~.～/|+万]+$',
  ].join('|'),
  'i',
);
/** Markers that open the page footer: everything after them is boilerplate. */
const FOOTER_RE = /您需要登录|本版积分规则|^快速回复|返回顶部|^Powered by/i;

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

/** Photo captions (…本报记者 姜涛 摄, (资料图片), 本版图片由…提供, …效果图) and box labels (核心提示). */
const CAPTION_RE = new RegExp(
  [
    '\\s[\\u4e00-\\u9fff]{2,4}\\s*摄[）)]?$',
    '(?:记者|通讯员)\\s*[\\u4e00-\\u9fff]{2,4}\\s*摄$',
    '[（(]资料图片[）)]$',
    '^(?:本版)?图片由.{1,30}提供$',
    '(?:供图|效果图)$',
    '^图为',
    // box labels of a news page
    '^(?:核心提示|编者按|导读|内容提要|提要|阅读提示|相关链接|延伸阅读)[:：]?$',
  ].join('|'),
);

/** A line that carries sentences (not a title, caption or label). */
const SENTENCE_RE = /[。！？；!?;]/;
const SENTENCE_END_RE = /[。！？；：:!?;…”"’』」）)]$/;
/** Punctuation a stand-alone title line never has. */
const NOT_TITLE_RE = /[。！？；!?;…]|[：:，,、]$/;

// ---- lead-in sentences (level 3) ----------------------------------------------------------------

const MARKED_LEAD_RE = new RegExp(`^(?:—{1,2}|${NUM}是|第${NUM}[，,、])`);
const MID_LEAD_RE = new RegExp(`。(${NUM}是)`, 'g');
/** Sentence openings that mark narrative, not a heading: time words, discourse words, pronouns, quotes. */
const NARRATIVE_START_RE =
  /^(?:今年|去年|明年|前年|过去|目前|当前|近年|近期|一年来|五年来|多年来|同时|此外|对此|为此|因此|总之|特别|其中|在|从|对(?![标接外])|根据|按照|通过|随着|各位|回顾|展望|如今|现在|未来|今后|这|那|我|[\d０-９“”"‘’'《(（])/;
/** Words that make a short sentence a statement or an aphorism rather than a heading. */
const STATEMENT_RE = /是|我|这|那|了|者|才|吗|呢|吧|但|而|与|却/;
/** Verbs that open a two-clause lead-in (打造精品线路，做强“历史文化游”。). */
const LEAD_VERB_RE =
  /^(?:坚持|加强|加快|加速|推进|推动|深化|强化|打造|提升|做[强优特活大实深好精细]|聚焦|实施|促进|完善|优化|狠抓|抓[好实细紧]|扩大|培育|壮大|发展|构建|健全|建设|巩固|落实|提高|突出|持续|全面|大力|积极|着力|切实|深入|坚决|统筹|增强|激发|释放|筑牢|兜牢|守牢|织密|夯实|创新|改善|保障|维护|确保|防范|围绕|紧扣|立足|依托|扎实|全力|明晰|明确|强推|引领|激活|厚植|补齐|守住|稳定|提质)/;

const MAX_MARKED_LEAD = 40;
/** 一是…。 inside a paragraph: shorter, one clause (the long ones are list items, not subjects). */
const MAX_MID_LEAD = 32;
const MAX_LEAD = 24;
const MAX_LEAD_CLAUSE = 14;
const MAX_HEADING = 60;
const MIN_NEWS_TITLE = 8;
/** Above the first sentence a shorter headline is enough (𡌶𡌶村简报); captions there are guarded below. */
const MIN_HEADLINE = 4;
const MAX_NEWS_TITLE = 40;

/** Length of a first sentence (through its 。) when it reads as a lead-in naming its subject, else 0. */
function leadInLength(body: string): number {
  const stop = body.slice(0, MAX_MARKED_LEAD).indexOf('。'); // bounded: no lead-in is longer
  if (stop < 0) return 0;
  const sentence = body.slice(0, stop);
  if (/[！？!?；;]/.test(sentence)) return 0;
  if (MARKED_LEAD_RE.test(sentence)) return stop + 1;
  if (stop >= MAX_LEAD || NARRATIVE_START_RE.test(sentence) || STATEMENT_RE.test(sentence)) return 0;
  const clauses = sentence.split(/[，,]/);
  if (clauses.length > 2) return 0;
  if (clauses.length === 2) {
    // Two short parallel clauses led by a verb; 岁月流金，党旗飘扬。 is not a heading.
    if (!LEAD_VERB_RE.test(clauses[0]) || clauses.some((c) => c.length === 0 || c.length > MAX_LEAD_CLAUSE)) return 0;
  }
  return stop + 1;
}

/** Where a numbered heading (一、… / (一)…) ends: at its first 。 when the line runs on. */
function numberedHeadingLength(body: string): number {
  const stop = body.indexOf('。');
  const len = stop >= 0 && stop < body.length - 1 ? stop + 1 : body.length;
  return len <= MAX_HEADING ? len : 0;
}

// ---- the pass -------------------------------------------------------------------------------------

type LineKind = CaptionKind | 'body';

interface Line {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** 0–2 when the line opens with a heading of that level. */
  level?: 0 | 1 | 2;
  headingLength?: number;
}

const WS = /[\s\u200b]/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = pos;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let s = pos;
    let e = eol;
    while (s < e && WS.test(text[s])) s++;
    while (e > s && WS.test(text[e - 1])) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e), kind: 'body' });
    if (eol >= n) break;
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** Captions, bylines and page furniture are short; longer lines are not even tested. */
const MAX_FURNITURE = 100;

function patternKind(text: string): LineKind {
  if (text.length > MAX_FURNITURE) return 'body';
  if (BOILERPLATE_RE.test(text)) return 'boilerplate';
  if (BYLINE_RE.test(text)) return 'byline';
  if (CAPTION_RE.test(text)) return 'caption';
  return 'body';
}

/** Classifies every line: captions, bylines, boilerplate, and heading levels 0–2 of the body lines. */
function classify(lines: Line[]): void {
  for (const line of lines) line.kind = patternKind(line.text);

  // Level 0: the first title line outside the boilerplate ([河南] 2020年…工作报告 is the forum's copy).
  const titleIndex = lines.findIndex((l) => l.kind === 'body' && TITLE_RE.test(l.text));
  if (titleIndex >= 0) {
    const title = lines[titleIndex];
    title.level = 0;
    title.headingLength = title.text.length;
    // A web page's header: everything above the title goes when any of it is forum furniture.
    if (lines.slice(0, titleIndex).some((l) => l.kind === 'boilerplate')) {
      for (let i = 0; i < titleIndex; i++) lines[i].kind = 'boilerplate';
    }
  }

  // The page footer: from the first footer marker after the last sentence-bearing line to the end.
  let lastBody = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].kind === 'body' && SENTENCE_RE.test(lines[i].text)) {
      lastBody = i;
      break;
    }
  }
  const footer = lines.findIndex((l, i) => i > lastBody && FOOTER_RE.test(l.text));
  if (footer >= 0) for (let i = footer; i < lines.length; i++) lines[i].kind = 'boilerplate';

  for (const line of lines) {
    if (line.kind !== 'body' || line.level !== undefined) continue;
    const level = LEVEL1_RE.test(line.text) ? 1 : LEVEL2_RE.test(line.text) ? 2 : undefined;
    if (level === undefined) continue;
    const len = numberedHeadingLength(line.text);
    if (len > 0) {
      line.level = level;
      line.headingLength = len;
    }
  }

  // The report's front matter (date line, speaker) sits between the title and the first sentence.
  let frontEnd = titleIndex;
  if (titleIndex >= 0) {
    for (frontEnd = titleIndex + 1; frontEnd < lines.length; frontEnd++) {
      const l = lines[frontEnd];
      if (l.kind === 'body' && (l.level !== undefined || SENTENCE_RE.test(l.text) || /[：:]$/.test(l.text))) break;
    }
  }

  // Stand-alone title lines (news features) are followed by running text (bylines may sit between);
  // other short lines without sentences are captions and labels. Walk backwards to know what follows.
  const firstSentence = lines.findIndex((l) => l.kind === 'body' && SENTENCE_RE.test(l.text));
  let nextIsSentence = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.kind === 'caption') nextIsSentence = false; // 月湾湖公园 / 核心提示 / text: a photo caption
    if (l.kind !== 'body') continue;
    const hasSentence = SENTENCE_RE.test(l.text);
    if (l.level === undefined && !hasSentence && !(i > titleIndex && i < frontEnd)) {
      const len = l.text.length > 2 * MAX_NEWS_TITLE ? Infinity : [...l.text].length;
      const title =
        nextIsSentence &&
        len >= (i < firstSentence ? MIN_HEADLINE : MIN_NEWS_TITLE) &&
        len <= MAX_NEWS_TITLE &&
        !NOT_TITLE_RE.test(l.text) &&
        !/^[—\d]/.test(l.text);
      if (title) {
        l.level = 1;
        l.headingLength = l.text.length;
      } else if ((titleIndex < 0 || i > lastBody) && len <= MAX_NEWS_TITLE && !/[：:，,]$/.test(l.text)) {
        l.kind = 'caption';
        nextIsSentence = false;
        continue;
      }
    }
    nextIsSentence = hasSentence && l.level === undefined;
  }
}

class SectionBuilder {
  readonly sections: Section[] = [];
  private open: Section[] = [];

  constructor(private readonly text: string) {}

  add(level: SectionLevel, heading: Span): void {
    while (this.open.length && this.open[this.open.length - 1].level >= level) {
      this.open.pop()!.range.end = heading.start;
    }
    const parent = this.open[this.open.length - 1];
    const section: Section = {
      id: `s${this.sections.length + 1}`,
      ...(parent ? { parentId: parent.id } : {}),
      level,
      title: this.text.slice(heading.start, heading.end),
      heading,
      range: { start: heading.start, end: this.text.length },
    };
    this.sections.push(section);
    this.open.push(section);
  }

  /** The deepest open section. */
  get current(): Section | undefined {
    return this.open[this.open.length - 1];
  }
}

export function parseStructure(text: string): DocumentStructure {
  const lines = splitLines(text);
  classify(lines);

  const builder = new SectionBuilder(text);
  const paragraphs: Paragraph[] = [];
  const captions: Caption[] = [];

  let continued = false;
  for (const line of lines) {
    if (line.kind !== 'body') {
      captions.push({ kind: line.kind, text: line.text, range: { start: line.start, end: line.end } });
      continue;
    }
    if (line.level !== undefined) {
      builder.add(line.level, { start: line.start, end: line.start + line.headingLength! });
    } else if (!continued) {
      const lead = leadInLength(line.text);
      if (lead > 0) builder.add(3, { start: line.start, end: line.start + lead });
    }
    // A long line that stops mid-sentence was broken by the source: the next line carries on, so its
    // first sentence is not a lead-in (…全面启动大楼魏 / 整村拆迁工作。…).
    continued = line.text.length > MAX_NEWS_TITLE && !SENTENCE_END_RE.test(line.text);
    const sectionId = builder.current?.id;
    paragraphs.push({
      id: `p${paragraphs.length + 1}`,
      ...(sectionId ? { sectionId } : {}),
      range: { start: line.start, end: line.end },
    });
    // Enumerated lead-ins inside the paragraph: …新突破。一是做深项目谋划。…二是做实项目推进。
    if (line.level === undefined || line.level === 2) {
      for (const m of line.text.matchAll(MID_LEAD_RE)) {
        const at = m.index! + 1;
        const len = leadInLength(line.text.slice(at));
        if (len > 0 && len <= MAX_MID_LEAD && !/[，,]/.test(line.text.slice(at, at + len))) {
          builder.add(3, { start: line.start + at, end: line.start + at + len });
        }
      }
    }
  }

  const title = builder.sections.find((s) => s.level === 0)?.title;
  return { ...(title !== undefined ? { title } : {}), sections: builder.sections, paragraphs, captions };
}
