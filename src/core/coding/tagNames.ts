// Tag names as people type them: 招商引资, ＧＤＰ (full-width), "招商 引资". Names that differ only in width
// (NFKC) or in white space are one tag; the codebook, the tag operations, the exports and the agreement all
// compare names through tagKey.

/** The name as it is kept: NFKC (full-width letters, digits and spaces to half-width), trimmed, white space runs as one space. */
export function normalizeTagName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** What two names must share to be one tag: the NFKC form without any white space. */
export function tagKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** Whether two names are one tag. */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/** The tags, normalised, the first of each key kept (in order). */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(normalizeTagName(tag));
  }
  return out;
}
