// The tags a user configured (reportAnnotator.tags: a name and a colour each) and the colour of any tag.
import * as vscode from 'vscode';

export interface TagStyle {
  name: string;
  /** #rrggbb */
  color: string;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Colours for tags that the setting does not list, picked by a hash of the tag so they stay stable. */
export const FALLBACK_COLORS = ['#e8a33d', '#4f9be8', '#5cb85c', '#d9534f', '#9b6ad6', '#2aa198', '#c76ba8', '#8a8f3c'];

/** The `reportAnnotator.tags` setting, cleaned: names trimmed, duplicates and bad entries dropped. */
export function configuredTags(): TagStyle[] {
  const raw = vscode.workspace.getConfiguration('reportAnnotator').get<unknown>('tags');
  const out: TagStyle[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(raw)) return out;
  for (const entry of raw) {
    const name = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name.trim() || seen.has(name.trim())) continue;
    const color = (entry as { color?: unknown } | null)?.color;
    seen.add(name.trim());
    out.push({ name: name.trim(), color: typeof color === 'string' && COLOR.test(color) ? color.toLowerCase() : hashColor(name.trim()) });
  }
  return out;
}

export function hashColor(tag: string): string {
  let h = 0;
  for (const ch of tag) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return FALLBACK_COLORS[h % FALLBACK_COLORS.length];
}

/** The colour of a tag: from the setting, else a stable fallback. */
export function tagColor(tag: string, styles: readonly TagStyle[]): string {
  return styles.find((s) => s.name === tag)?.color ?? hashColor(tag);
}
