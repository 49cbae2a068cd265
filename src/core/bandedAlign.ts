// Approximate string matching for re-anchoring (anchoring.ts): the least edits (Levenshtein) aligning a
// quote with a stretch of text, within a band of diagonals, so the work is quote length × band width.
import type { Span } from './types';

export interface Match extends Span {
  errors: number;
}

const INF = 1 << 29;

/**
 * The best alignment of all of `pattern` with a stretch of `text` that keeps to the diagonals
 * [startLo, startHi] (d = text offset − pattern offset), if it has at most k edits (Levenshtein).
 * Cells are indexed by diagonal, so each row holds only the band.
 */
export function alignBanded(pattern: string, text: string, startLo: number, startHi: number, k: number): Match | undefined {
  const m = pattern.length;
  const n = text.length;
  const width = startHi - startLo + 1;
  // Row i holds, per diagonal x, the least edits aligning pattern[0, i) and where in the text that began.
  let cost = new Int32Array(width);
  let origin = new Int32Array(width);
  let nextCost = new Int32Array(width);
  let nextOrigin = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const j = startLo + x;
    cost[x] = j >= 0 && j <= n ? 0 : INF; // the quote may begin anywhere in the band
    origin[x] = j;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    let rowMin = INF;
    for (let x = 0; x < width; x++) {
      const j = i + startLo + x;
      if (j < 0 || j > n) {
        nextCost[x] = INF;
        continue;
      }
      // Diagonal (match or substitution) first, so equal-cost paths stay on the quote's own characters.
      let c = j > 0 ? cost[x] + (text.charCodeAt(j - 1) === p ? 0 : 1) : INF;
      let o = origin[x];
      const up = x + 1 < width ? cost[x + 1] + 1 : INF; // a quote character deleted
      if (up < c) {
        c = up;
        o = origin[x + 1];
      }
      const left = x > 0 ? nextCost[x - 1] + 1 : INF; // a text character inserted
      if (left < c) {
        c = left;
        o = nextOrigin[x - 1];
      }
      nextCost[x] = Math.min(c, INF);
      nextOrigin[x] = o;
      if (c < rowMin) rowMin = c;
    }
    if (rowMin > k) return undefined; // costs never fall again
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let best: Match | undefined;
  for (let x = 0; x < width; x++) {
    const end = m + startLo + x;
    if (cost[x] > k) continue;
    const candidate = { start: origin[x], end, errors: cost[x] };
    const lengthGap = (s: Span) => Math.abs(s.end - s.start - m);
    if (!best || candidate.errors < best.errors || (candidate.errors === best.errors && lengthGap(candidate) < lengthGap(best))) {
      best = candidate;
    }
  }
  return best;
}
