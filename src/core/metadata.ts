// Report metadata (spec.md, "Report metadata"): the year the report is given in, the region and its level,
// and whether it is a work report or a news page, from the title and the front matter (the date line
// ——2024年3月5日在第十四届全国人民代表大会…, the speaker line 河北省人民政府省长 …).
import type { ReportLevel, ReportMeta } from './types';

/** The front matter is near the top, after any web page furniture: reportMeta reads no further. */
export const REPORT_HEAD_CHARS = 6000;
const DIGIT = '[0-9０-９〇零○Ｏ一二三四五六七八九]';
/** 2024年3月5日, １９８７年３月２５日, 1 9 9 8 年3 月5 日, 二〇〇五年一月十一日, 2010年01月20日. */
const DATE = new RegExp(`(${DIGIT}(?:\\s?${DIGIT}){3})\\s?年\\s?([0-9０-９一二三四五六七八九十]{1,2})\\s?月\\s?([0-9０-９一二三四五六七八九十]{1,3})\\s?日`, 'g');
/** 在河北省第十四届人民代表大会, 在中华人民共和国第一届全国人民代表大会, 高阳县第十八届人民代表大会. */
const CONGRESS = /(?:在|^|[】\s])([^\s在】]{0,16}?)(?:第[一二三四五六七八九十]+届)(全国)?人民代表大会/m;
/** 我代表河北省人民政府 (a report whose front matter was cut off). */
const DELEGATE = /我代表([^\s，,]{2,12}?)人民政府/;
/** 发布时间：2023-01-12 on a news page. */
const PUBLISHED = /(?:发布时间|发布日期|时间|日期)[：:]\s*([0-9]{4})-[0-9]{1,2}-[0-9]{1,2}/;
/** 一、2017年工作回顾: a report given the year after the one it reviews, when no date line says. */
const REVIEW_YEAR = /^\s*[一1][、.．]\s*([0-9]{4})年(?:[^\n]{0,12})工作回顾/m;
/** 河北省人民政府省长 王正谱, 保定市人民政府市长, 高阳县人民政府县长, 河北省代省长. */
const SPEAKER = /(?:^|\s)([^\s，。：:]{2,12}?)(?:人民政府)?(?:代)?(?:省长|市长|县长|区长|旗长|州长|主席)\s/m;
const TITLE_PLACE = /^(?:\[[^\]]*\]\s*)?(?:[0-9０-９]{4}年?)?(?:度)?(.{2,16}?)(?:人民政府)?(?:政府)?工作报告$/;
const NEWS_PLACE = /(?:^|[,，。\n])(?:[0-9]{4}年[,，])?([^\s,，。、“”]{2,4}(?:区|县|市))(?:在|始终|坚持|确立|以|把|聚焦)/;

/** The metadata of a report whose title line (structure.title) is `title`. */
export function reportMeta(text: string, title: string | undefined): ReportMeta {
  const head = text.slice(0, REPORT_HEAD_CHARS);
  const congress = CONGRESS.exec(head);
  const national = congress?.[2] !== undefined || /国务院/.test(title ?? '');
  const dated = dateLineYear(head);
  const genre = /工作报告/.test(title ?? '') || /各位代表/.test(head) || (congress && dated !== undefined) ? 'workReport' : 'news';
  let region: string | undefined;
  if (national) region = '中国';
  else {
    region =
      cleanPlace(TITLE_PLACE.exec(title ?? '')?.[1]) ??
      cleanPlace(congress?.[1]) ??
      cleanPlace(SPEAKER.exec(head)?.[1]) ??
      cleanPlace(DELEGATE.exec(head)?.[1]);
    if (!region && /我代表省人民政府/.test(head)) region = PROVINCE.exec(head)?.[0];
  }
  if (!region && genre === 'news') region = cleanPlace(NEWS_PLACE.exec(head)?.[1]);
  // A national report without its congress line still names the State Council near the top.
  if (!region && genre === 'workReport' && /国务院/.test(head) && /全国人民代表大会/.test(head)) region = '中国';
  const level = region === '中国' ? 'national' : levelOf(region);
  const published = PUBLISHED.exec(head)?.[1];
  const reviewed = REVIEW_YEAR.exec(head)?.[1];
  const year = dated ?? titleYear(title) ?? (published ? Number(published) : reviewed ? Number(reviewed) + 1 : undefined);
  return {
    ...(year !== undefined && { year }),
    ...(region && { region }),
    ...(level && { level }),
    genre,
  };
}

/** The year of the date line: the first date on a line naming a congress, else a date line of its own. */
function dateLineYear(head: string): number | undefined {
  let fallback: number | undefined;
  for (const m of head.matchAll(DATE)) {
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    const lineEnd = head.indexOf('\n', m.index);
    const line = head.slice(lineStart, lineEnd < 0 ? head.length : lineEnd).trim();
    const year = yearOf(m[1]);
    if (year === undefined) continue;
    if (/人民代表大会|人大/.test(line)) return year;
    // （2010年1月18日）, ——2014年2月10日: the line is the date.
    if (fallback === undefined && line.length <= m[0].length + 6) fallback = year;
  }
  return fallback;
}

const DIGIT_VALUE: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function yearOf(written: string): number | undefined {
  const digits = written
    .replace(/\s/g, '')
    .split('')
    .map((c) => DIGIT_VALUE[c] ?? (c >= '０' && c <= '９' ? String(c.charCodeAt(0) - 0xff10) : c))
    .join('');
  const year = Number(digits);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined;
}

/** 2020年洛阳市西工区政府工作报告 → 2020; 2014政府工作报告 → 2014. */
function titleYear(title: string | undefined): number | undefined {
  const m = /([0-9０-９]{4})年?/.exec(title ?? '');
  return m ? yearOf(m[1]) : undefined;
}

/** 河北省, 保定市, 洛阳市西工区: a place name, without what is not part of it. */
function cleanPlace(place: string | undefined): string | undefined {
  if (!place) return undefined;
  const p = place.replace(/^[\s—―\-－（(]+/, '').replace(/(?:人民政府|政府)$/, '').replace(/^中华人民共和国$/, '');
  return /^[\u4e00-\u9fff]{2,12}(?:省|市|区|县|旗|州|盟)$/.test(p) ? p : undefined;
}

const MUNICIPALITIES = /^(?:北京|天津|上海|重庆)市$/;
/** 我代表省人民政府 with the province's name only in the text: the first province named near the top. */
const PROVINCE =
  /(河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省|(内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔)自治区/;

function levelOf(region: string | undefined): ReportLevel | undefined {
  if (!region) return undefined;
  if (/(?:省|自治区)$/.test(region) || MUNICIPALITIES.test(region)) return 'province';
  if (/(?:县|旗)$/.test(region)) return 'county';
  if (/区$/.test(region)) return 'district';
  if (/(?:市|州|盟)$/.test(region)) return 'city';
  return undefined;
}
