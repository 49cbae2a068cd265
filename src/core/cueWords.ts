// The cue words of targets and results (targets.ts): 力争, 确保 … say a figure is a goal; 完成, 实现 … an
// achievement. Found by a loop over the text's characters and a list per first character, not by a pattern: an
// alternation of 28 words, some behind a lookbehind, was tried at every character of every paragraph with figures
// (about a tenth of the analysis without projects).
import { CharGroups, codesOf } from './text';

/** A cue word found in a text: where, which, and whether it is a target word (else a result word). */
export interface CueMatch {
  index: number;
  word: string;
  target: boolean;
}

interface CueWord {
  word: string;
  target: boolean;
  /** Characters that may not stand right before it (a lookbehind: 主要, 重要 are not 要). */
  notAfter?: string;
  /** Characters that may not follow it (要素, 要求 are not 要). */
  notBefore?: string;
  /** Words one of which must follow it (将比, 将达, 将保持: 将 as "will", not 将近). */
  before?: readonly string[];
}

const cue = (word: string, target: boolean, extra: Omit<CueWord, 'word' | 'target'> = {}): CueWord => ({ word, target, ...extra });
const targets = (words: string) => words.split(' ').map((w) => cue(w, true));
const results = (words: string) => words.split(' ').map((w) => cue(w, false));

/**
 * In the order a pattern's alternation would try them (the first that matches at a place wins: 预期目标 before
 * 预期, 已经 before 已). 要 is not 主要/重要/需要; 将 is not 将近; 预计 is an estimate of a result.
 */
const CUE_WORDS: readonly CueWord[] = [
  ...targets('力争 确保 提出 争取 努力 预期目标 主要目标 目标'),
  cue('预期', true, { notAfter: '稳于出超' }),
  ...targets('控制在 计划 安排 规划'),
  cue('要', true, { notAfter: '主重需必纲概提摘只', notBefore: '素求点' }),
  cue('将', true, { notAfter: '即', before: ['比', '达', '超', '增', '提', '突', '实', '完', '新增', '保持', '控制', '在'] }),
  ...results('完成 实现 达到'),
  cue('达', false, { notAfter: '表' }),
  ...results('突破 预计 初步统计 全年 已经 已 累计 共计 超额'),
];

/** A cue word as character codes, compared in place (startsWith and one-character strings cost more, per candidate). */
interface CodedCue {
  cue: CueWord;
  codes: number[];
  notAfter: number[];
  notBefore: number[];
}

/** The cue words by their first character, in CUE_WORDS' order. */
const BY_FIRST = new CharGroups(
  CUE_WORDS.map((cue): CodedCue => ({ cue, codes: codesOf(cue.word), notAfter: codesOf(cue.notAfter), notBefore: codesOf(cue.notBefore) })),
  (coded) => coded.codes[0],
);
/** By character code, not 0 where a cue word starts with it. */
export const CUE_FIRST = BY_FIRST.place;

/** The cue word that starts at `pos` in `text` (whose first character is one's: CUE_FIRST), if any. */
export function cueAt(text: string, pos: number): CueWord | undefined {
  const candidates = BY_FIRST.of(text.charCodeAt(pos))!;
  next: for (let i = 0; i < candidates.length; i++) {
    const { codes } = candidates[i];
    const end = pos + codes.length;
    for (let k = 1; k < codes.length; k++) if (text.charCodeAt(pos + k) !== codes[k]) continue next;
    if (hasCode(candidates[i].notAfter, text.charCodeAt(pos - 1)) || hasCode(candidates[i].notBefore, text.charCodeAt(end))) continue;
    const { cue } = candidates[i];
    if (cue.before && !startsWithAny(text, cue.before, end)) continue;
    return cue;
  }
  return undefined;
}

/** Whether `code` is one of `codes` (NaN, past either end of the text, is none). */
function hasCode(codes: number[], code: number): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) return true;
  return false;
}

function startsWithAny(text: string, words: readonly string[], pos: number): boolean {
  for (const w of words) if (text.startsWith(w, pos)) return true;
  return false;
}

/** The cue words of `text` in order, each read on from the end of the one before (as a global pattern's matches). */
export function cueWords(text: string): CueMatch[] {
  const found: CueMatch[] = [];
  for (let pos = 0; pos < text.length; ) {
    if (CUE_FIRST[text.charCodeAt(pos)] === 0) {
      pos++;
      continue;
    }
    const c = cueAt(text, pos);
    if (!c) {
      pos++;
      continue;
    }
    found.push({ index: pos, word: c.word, target: c.target });
    pos += c.word.length;
  }
  return found;
}

/** The last cue word of `text`, if any. */
export function lastCueWord(text: string): CueMatch | undefined {
  const found = cueWords(text);
  return found[found.length - 1];
}
