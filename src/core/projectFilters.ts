// Names the scan reads that are no project's (spec.md, "Projects": campaigns and slogans are not projects):
// checks on a name once its words are known, kept apart from the scan itself (projectScan.ts).

/** A word of a name as the scan read it. */
export interface NameWord {
  word: string;
  tag: string;
  kind: string;
}

/** 县县通高速, 乡乡基本通三级以上公路: a slogan of coverage, whatever facility word ends it. */
const COVERAGE_RE = /^([县乡村镇市户组])\1/;
/**
 * What a campaign of works does (农村电商高质量发展工程, 文明乡风建设工程, 湖湘文化精品创作工程): works named by
 * such a verb with no facility in the name are a programme of a department, not a project.
 */
const CAMPAIGN_VERBS = new Set([
  '发展', '建设', '提质', '提升', '创作', '引育', '惠民', '保护', '培育', '振兴', '焕新', '提档', '育人', '树人',
]);

/** Whether the name read from `words` (facility word last, not among them) names no project. */
export function notAProject(name: string, words: NameWord[], suffix: string): boolean {
  if (COVERAGE_RE.test(name)) return true;
  if (suffix === '工程' && words.length > 0) {
    const last = words[words.length - 1];
    const before = name.slice(0, name.length - suffix.length);
    const campaign = [2, 4].some((k) => CAMPAIGN_VERBS.has(before.slice(-k))) || last.tag === 'i' || (last.tag === 'l' && last.word.length >= 4);
    // (A facility in the name makes it works on that facility: 花溪湿地文化旅游设施建设工程, 庞口大道整治提升工程.)
    if (campaign && !words.some((t) => t.kind === 'suffix')) return true;
  }
  return false;
}
