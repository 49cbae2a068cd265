// Roads named by their national or provincial route number (spec.md, "Projects"): G109 and G219 in a list of
// roads, G225乐东至三亚段 and G679线乌拉斯台至奇台 (a section between two places), G98环岛高速大三亚段扩容工程 (an
// expressway with its section and works). The number is the name; the words the project scan reads hold none.

/** A route number: G or S and one to four digits, not inside a Latin word or a number (5G, S100 is checked by what follows). */
const CODE = '(?<![A-Za-z0-9０-９])[GS]\\d{1,4}(?![\\d.%．])';
/** What a section's ends may hold: anything but the punctuation and words that end a list item. */
const END_CHARS = '[^，。；、：至和及与等\\s,;:]';
const STOP_AFTER = '(?=[，。；、：和及与等,;:]|$|建设|提质|改造|开工|项目|工程)';
/** G679线乌拉斯台至奇台, G214加卡至邦达机场段. */
const SECTION = `${CODE}线?${END_CHARS}{1,12}?至${END_CHARS}{1,10}?(?:段|${STOP_AFTER})`;
/** G98环岛高速大三亚段扩容工程, G98环岛高速提档扩容工程, G9812高速延长线. */
const EXPRESSWAY =
  `${CODE}[\\u4e00-\\u9fff]{0,6}?(?:高速公路|高速|国道|省道)(?:[\\u4e00-\\u9fff]{1,4}?段)?` +
  '(?:(?:提档扩容|扩容|改扩建|扩建|提质改造|改造)(?:工程|项目)?|延长线|联络线|连接线)?';
/** G109、G219: the number alone, where a list item or the work done on it follows. */
const BARE = `${CODE}线?(?=[、，,和及与等]|提质|改造|改扩建|扩建|建设)`;
const HIGHWAY_RE = new RegExp(`${SECTION}|${EXPRESSWAY}|${BARE}`, 'g');

/** A name that starts with a route number (a list member though it ends in no facility word). */
export const HIGHWAY_NAME_RE = new RegExp(`^${CODE}`);

/** The roads named by route number in `text`. */
export function highwayNames(text: string): string[] {
  if (!/[GS]\d/.test(text)) return [];
  return [...text.matchAll(HIGHWAY_RE)].map((m) => m[0]);
}
