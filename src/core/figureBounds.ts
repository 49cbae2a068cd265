// How a figure is meant (spec.md, "Figures"): exact, about, at least or at most, from the words around it (以上,
// 不超过, 左右, 约, 余) and whether the word before a number makes it approximate (约, 近, 超过; not 签约, 节约).
import type { FoundFigure } from './figureWords';
import { charTable } from './text';
import type { FigureBound } from './types';

/** Words right before a figure that say how it is meant. */
const AT_MOST_BEFORE = ['不超过', '不高于', '不到', '不足', '最多'];
const AT_LEAST_BEFORE = ['不低于', '不少于', '至少', '超过', '突破', '逾', '超'];
/** The last characters of those words: before most figures stands none, and no word is compared. */
const BOUND_WORD_ENDS = charTable([...AT_MOST_BEFORE, ...AT_LEAST_BEFORE].map((w) => w[w.length - 1]).join(''));

/**
 * exact, about (左右, 约, 近, 几), atLeast (以上, 不低于, 超过, 突破, 余, 多), atMost (以内, 以下, 不超过). 控制在
 * alone is exact (a review's 控制在2.6% states the outcome); 控制在4.6%以内 is atMost by its 以内.
 * A word after the figure wins over one before it. (Tests in place, no slices: this runs for every figure.)
 */
export function boundOf(text: string, f: FoundFigure): FigureBound {
  const { start, end } = f;
  const after = text.charCodeAt(end);
  if (after === 0x4ee5 /* 以 */ || after === 0x4e4b /* 之 */) {
    if (text.startsWith('以上', end) || text.startsWith('之上', end)) return 'atLeast';
    if (text.startsWith('以内', end) || text.startsWith('以下', end) || text.startsWith('之内', end)) return 'atMost';
  }
  if (text.startsWith('左右', end - 2) && end - 2 >= start) return 'about';
  if (f.approx) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x4f59 /* 余 */ || c === 0x591a /* 多 */) return 'atLeast';
      if (c === 0x51e0 /* 几 */) return 'about';
    }
  }
  if (BOUND_WORD_ENDS[text.charCodeAt(start - 1)] === 1) {
    for (const w of AT_MOST_BEFORE) if (text.startsWith(w, start - w.length)) return 'atMost';
    for (const w of AT_LEAST_BEFORE) if (text.startsWith(w, start - w.length)) return 'atLeast';
  }
  return f.approx && approxBefore(text, start) ? 'about' : 'exact';
}

const APPROX_WORDS_BEFORE = ['超过', '大约', '将近', '接近'];

/** 约, 近, 超, 超过 right before the number (outside the span) make it approximate; 签约, 节约 do not. */
export function approxBefore(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  // (Each of APPROX_WORDS_BEFORE ends in 过, 约 or 近: most numbers need no look at the words.)
  // (A loop, not some() with a closure: a closure over text and start made a context at every call, for every number.)
  if ((c === 0x8fc7 /* 过 */ || c === 0x7ea6 || c === 0x8fd1) && start >= 2) for (const w of APPROX_WORDS_BEFORE) if (text.startsWith(w, start - 2)) return true;
  if (c !== 0x7ea6 /* 约 */ && c !== 0x8fd1 /* 近 */ && c !== 0x8d85 /* 超 */ && c !== 0x903e /* 逾 */) return false;
  const one = text[start - 1];
  const word = text[start - 2] ?? '';
  if (one === '约') return !'签预节制契邀条履违公特相合'.includes(word) || word === '';
  if (one === '近') return !'最附'.includes(word) || word === '';
  return one === '超' || one === '逾';
}
