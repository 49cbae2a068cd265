// The national “山水工程” named with the region it is carried out in (spec.md, "Projects"), for findProjectNames
// (projects.ts): read only in a paragraph that holds it, found at the opening quotes of the paragraph's pass.
import { MAX_WORD, wordBefore, type Lexicon } from './projectLexicon';

/**
 * Whether `quoted` (opening with “) is in the text at one of `triggers` (programmeNames' characters, the opening quote
 * among them): a look at the few quotes of the paragraph, not a search of it.
 */
function quotedAt(text: string, triggers: readonly number[], quoted: string): boolean {
  for (let k = 0; k < triggers.length; k++) if (text.startsWith(quoted, triggers[k])) return true;
  return false;
}

/** What ends the region the national “山水工程” is carried out in (武陵山区, 南部典型热带区域, 黄河流域). */
const REGION_END_RE = /(?:山区|区域|流域|地区)$/;
/** Words of such a region: places, nouns, positions, qualities (秦岭/nr, 南部/f, 典型/n); not verbs or function words. */
const REGION_TAG_RE = /^(?:n|f|s|a|b|j)/;
const MAX_REGION = 12;
/**
 * 武陵山区“山水工程”, 南部典型热带区域“山水工程”: the national works of mountains, rivers, forests, farmland, lakes and
 * grassland (山水林田湖草沙一体化保护和修复工程) in a region, written with the region, whole. (Not other quoted works
 * after a region: campaigns, “千万工程”, and programmes labelled without it, 西部地区“少生快富工程”.) `triggers`: the places
 * findProjectNames noted for programmeNames, the opening quotes among them.
 */
export function regionalWorks(text: string, lex: Lexicon, triggers: readonly number[]): string[] {
  const out: string[] = [];
  if (!quotedAt(text, triggers, '“山水工程”')) return out;
  for (let open = text.indexOf('“山水工程”'); open >= 0; open = text.indexOf('“山水工程”', open + 1)) {
    if (!REGION_END_RE.test(text.slice(Math.max(0, open - 2), open))) continue;
    let start = open;
    while (start > 0 && open - start < MAX_REGION) {
      const w = wordBefore(lex, text, start, Math.max(0, start - MAX_WORD));
      if (!REGION_TAG_RE.test(w.tag) || w.word.length === 1) break;
      start = w.start;
    }
    if (open - start >= 2 && open - start <= MAX_REGION) out.push(text.slice(start, open + 6));
  }
  return out;
}
