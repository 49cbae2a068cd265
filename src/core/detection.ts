// Whether a plain text is a government work report or a district development feature, from its beginning.
// Shared by the editor (which opens such .txt files as reports) and the workspace scans.

/** How much of the document's beginning is looked at. */
export const HEAD_CHARS = 4096;
/** Score from which a text counts as a report (see reportScore). */
const REPORT_THRESHOLD = 6;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * How much the beginning of a text looks like a government report or a district development feature.
 * Mostly-Chinese text only; then the title and the address to the deputies weigh most, headings
 * (一、 （一）), stated figures (51593万元, 34.2%) and the vocabulary of government work add up.
 */
export function reportScore(head: string): number {
  const visible = head.replace(/\s+/g, '');
  if (visible.length < 40 || count(visible, /[\u4e00-\u9fff]/g) < visible.length * 0.3) return 0;
  let score = 0;
  if (/政府工作报告/.test(head)) score += 4;
  if (/各位代表/.test(head)) score += 3;
  score += 2 * Math.min(2, count(head, /^[ \t\u3000]*[一二三四五六七八九十]{1,3}、/gm));
  score += Math.min(2, count(head, /^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]/gm));
  const figures = count(
    head,
    /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:万亿|亿|万|千)?(?:元|美元|平方米|平方公里|亩|公顷|公里|千瓦|吨|个百分点|%|％|家|项|人次|户)/g,
  );
  score += Math.min(4, figures * 0.5);
  score += Math.min(2, count(head, /同比|增长|下降|完成/g) * 0.25);
  score += Math.min(
    3,
    count(head, /党中央|国务院|[省市区县]委|人民政府|人大|政协|高质量发展|招商引资|项目建设|乡村振兴|营商环境|民生|经济社会|十[三四五]五/g) * 0.5,
  );
  return score;
}

export function looksLikeReport(head: string): boolean {
  return reportScore(head) >= REPORT_THRESHOLD;
}
