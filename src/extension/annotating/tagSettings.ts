// The tags of the workspace and their colours: the `reportAnnotator.tags` setting (a name and a colour
// each). A tag used for the first time is added to it with a colour no other tag has (core/tagColors), so
// colours stay put across sessions, are shared with a team through the workspace settings, and can be
// changed (Set Tag Colour…).
import * as vscode from 'vscode';
import { assignColors, hashColor, isTagColor } from '../../core/tagColors';

export interface TagStyle {
  name: string;
  /** #rrggbb */
  color: string;
}

interface RawTag {
  name?: unknown;
  color?: unknown;
}

/** The `reportAnnotator.tags` setting, cleaned: names trimmed, duplicates and bad entries dropped. */
export function configuredTags(): TagStyle[] {
  const raw = vscode.workspace.getConfiguration('reportAnnotator').get<unknown>('tags');
  const out: TagStyle[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(raw)) return out;
  for (const entry of raw) {
    const name = typeof entry === 'string' ? entry : (entry as RawTag | null)?.name;
    if (typeof name !== 'string' || !name.trim() || seen.has(name.trim())) continue;
    const color = (entry as RawTag | null)?.color;
    seen.add(name.trim());
    out.push({ name: name.trim(), color: isTagColor(color) ? color.toLowerCase() : hashColor(name.trim()) });
  }
  return out;
}

/** The colour of a tag: from the setting, else a stable fallback. */
export function tagColor(tag: string, styles: readonly TagStyle[]): string {
  return styles.find((s) => s.name === tag)?.color ?? hashColor(tag);
}

/** Where tag colours are written: the workspace's settings when a folder is open, else the user's. */
function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** The list the target holds now (or the one in effect, to start it from). */
function currentList(target: vscode.ConfigurationTarget): RawTag[] {
  const inspect = vscode.workspace.getConfiguration('reportAnnotator').inspect<unknown>('tags');
  const value = target === vscode.ConfigurationTarget.Workspace ? (inspect?.workspaceValue ?? inspect?.globalValue) : inspect?.globalValue;
  const list = value ?? inspect?.defaultValue;
  return Array.isArray(list) ? (list as RawTag[]) : [];
}

/**
 * Gives tags that are not in the setting yet a colour of their own and adds them. `alsoUsed` are colours
 * of tags in the workspace's annotations that the setting does not list.
 */
export async function adoptTags(tags: readonly string[], alsoUsed: readonly string[] = []): Promise<void> {
  const styles = configuredTags();
  const fresh = tags.filter((t) => !styles.some((s) => s.name === t));
  if (fresh.length === 0) return;
  const colors = assignColors(fresh, [...styles.map((s) => s.color), ...alsoUsed]);
  const target = settingsTarget();
  const list = [...currentList(target), ...[...colors].map(([name, color]) => ({ name, color }))];
  await vscode.workspace.getConfiguration('reportAnnotator').update('tags', list, target);
}

/** Sets a tag's colour (adding the tag to the setting if it is not there). */
export async function setTagColor(tag: string, color: string): Promise<void> {
  const target = settingsTarget();
  const list = currentList(target);
  const at = list.findIndex((e) => typeof e?.name === 'string' && e.name.trim() === tag);
  const next = at >= 0 ? list.map((e, i) => (i === at ? { ...e, name: tag, color: color.toLowerCase() } : e)) : [...list, { name: tag, color: color.toLowerCase() }];
  await vscode.workspace.getConfiguration('reportAnnotator').update('tags', next, target);
}
