// Year cues (targets.ts): 2019年, 一九五八年; 今年; 去年, 过去一年; 明年; spans: 五年来, 过去五年, 十三五, 年均, 2019年以来.
// Found from their anchors: every cue holds 年, 五 or 累 at a known distance from its start, so the pattern is
// tried, anchored, only at those starts. (Run as a global pattern it opens with a lookbehind and was tried at every
// character; run from before each anchor, it still read on past an anchor without a cue up to the next cue.)
import { charTable, indexOfAny } from './text';

/** The digits of a year, Arabic or Chinese. */
const YEAR_DIGITS = '0123456789０１２３４５６７８９〇零一二三四五六七八九';
export const DIGITS = `[${YEAR_DIGITS}]`;
const YEAR_CUE_SOURCE = [
  `(?<![比较与同])(${DIGITS}{4})年(?!代)(以来)?`,
  '(今年|本年度|本年)',
  '(?<![比较同])(去年|上年(?!同期)|过去一年|过去的一年|刚刚过去的一年|过去这一年|一年来)',
  '(明年)',
  '(五年来|过去五年|今后五年|未来五年|[二三四五六七八九十]年来|“?十[一二三四五六七八九]五”?|“[六七八九]五”|[六七八九]五(?=时期|期间|计划)|年均|平均每年|每年平均|累计)',
].join('|');
/** The year cue pattern, sticky: tried at one place. Groups: 1 a calendar year (2 以来), 3 this, 4 last, 5 next year, 6 a span. */
const YEAR_CUE_AT = new RegExp(YEAR_CUE_SOURCE, 'y');

/**
 * How far before its anchor a cue may start: 年 is 6 after the start of 刚刚过去的一年, 4 of 2019年 and 过去的一年, 3 of
 * 过去一年 and 平均每年, 1 of 今年 and 五年来, 0 of 年均; 五 is 3 after the start of “十四五, 2 of 十四五 and “九五”,
 * 1 of 九五时期, 0 of 五年来; 累 starts 累计. (Each alternative of YEAR_CUE_SOURCE has one of these.) Each distance
 * comes with the characters a cue starting that far before the anchor starts with (lookbehinds read none): a place
 * starting otherwise is not tried (one table for all distances tried 2024年 at 24年 and 4年 too, a failed match each).
 */
const BEFORE_ANCHOR: Record<string, readonly (readonly [number, string])[]> = {
  年: [
    [6, '刚'], // 刚刚过去的一年
    [4, `${YEAR_DIGITS}过`], // 2019年, 过去的一年, 过去这一年
    [3, '过今未平'], // 过去一年, 过去五年, 今后五年, 未来五年, 平均每年
    [1, '今本去上一明二三四五六七八九十每'], // 今年, 本年度, 去年, 上年, 一年来, 明年, 五年来, 十年来, 每年平均
    [0, '年'], // 年均
  ],
  五: [
    [3, '“'], // “十四五”
    [2, '十“过今未'], // 十四五, “九五”, 过去五年, 今后五年, 未来五年
    [1, '六七八九'], // 九五时期
    [0, '五'], // 五年来
  ],
  累: [[0, '累']], // 累计
};
const OFFSETS = new Map(
  [...Object.entries(BEFORE_ANCHOR)].map(([ch, offsets]) => [ch.charCodeAt(0), offsets.map(([k, first]) => [k, charTable(first)] as const)]),
);

/** Marks the characters a year cue holds at a known distance from its start (yearStartsAt). */
export const YEAR_ANCHORS = charTable(Object.keys(BEFORE_ANCHOR).join(''));

/**
 * Adds to `starts` (ascending) where a year cue may start given the anchor at `i`: kept in order as they come (the
 * anchors are read in order, so each goes in at or near the end), not sorted afterwards with a comparator.
 */
export function addYearStarts(text: string, i: number, starts: number[]): void {
  for (const [k, first] of OFFSETS.get(text.charCodeAt(i))!) {
    const start = i - k;
    if (start < 0 || first[text.charCodeAt(start)] === 0) continue;
    let j = starts.length;
    while (j > 0 && starts[j - 1] > start) j--;
    if (j > 0 && starts[j - 1] === start) continue; // (starts[-1] is a look-up by the name "-1")
    if (j === starts.length) starts.push(start);
    else starts.splice(j, 0, start);
  }
}

/** The year cues at `starts` (ascending; addYearStarts), each read on from the end of the one before. */
export function yearCuesAt(text: string, starts: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  // The leftmost cue wins, as in a global pattern's search: the starts in order, from the end of the last cue found.
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    YEAR_CUE_AT.lastIndex = start;
    const m = YEAR_CUE_AT.exec(text);
    if (m) {
      found.push(m);
      from = start + m[0].length;
    }
  }
  return found;
}

/** The year cues of `text` in order, each read on from the end of the one before (as a global pattern's matches). */
export function yearCues(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (let i = indexOfAny(YEAR_ANCHORS, text, 0); i >= 0; i = indexOfAny(YEAR_ANCHORS, text, i + 1)) addYearStarts(text, i, starts);
  return yearCuesAt(text, starts);
}

/** Whether `text` may hold a year cue (most paragraph openings hold none). */
export function mayHoldYearCue(text: string): boolean {
  return indexOfAny(YEAR_ANCHORS, text, 0) >= 0;
}
