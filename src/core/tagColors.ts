// Colours for tags: a palette of sixteen that stay apart on light and dark backgrounds. A new tag takes the
// first colour no tag in the workspace has, while one is left; only then do colours repeat.

export const TAG_PALETTE = [
  '#e8a33d', // orange
  '#4f9be8', // blue
  '#5cb85c', // green
  '#d9534f', // red
  '#9b6ad6', // purple
  '#2aa198', // teal
  '#c76ba8', // pink
  '#8a8f3c', // olive
  '#d4b106', // yellow
  '#3d5fc4', // indigo
  '#a0522d', // brown
  '#5bc0de', // sky
  '#7a8b99', // slate
  '#86b300', // lime
  '#e06c75', // rose
  '#6b4fbb', // violet
] as const;

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function isTagColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value);
}

/** A stable colour for a tag from its name (used for tags that have none assigned yet). */
export function hashColor(tag: string): string {
  let h = 0;
  for (const ch of tag) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return TAG_PALETTE[h % TAG_PALETTE.length];
}

/**
 * Colours for `fresh` tags, none of them in `used` while the palette has colours left (in palette order);
 * once all are taken, the least used colours come round again.
 */
export function assignColors(fresh: readonly string[], used: Iterable<string>): Map<string, string> {
  const count = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]));
  for (const c of used) {
    const key = c.toLowerCase();
    if (count.has(key)) count.set(key, count.get(key)! + 1);
  }
  const out = new Map<string, string>();
  for (const tag of fresh) {
    if (out.has(tag)) continue;
    let best: string = TAG_PALETTE[0];
    for (const c of TAG_PALETTE) if (count.get(c)! < count.get(best)!) best = c;
    out.set(tag, best);
    count.set(best, count.get(best)! + 1);
  }
  return out;
}
