// The tags of the workspace and their colours. When a workspace folder has a codebook
// (report-annotator.codebook.json, kept by the coding area, which plugs in as the TagStyleSource), it is
// the source: its tags come first, a tag used for the first time is added to it, Set Tag Colour… writes
// it. The `reportAnnotator.tags` setting (a name and a colour each) stays the fallback: the colours of
// tags the codebook lacks, and the whole list in a workspace without a codebook. Either way a new tag gets
// a colour no other tag has (core/tagColors), so colours stay put and are shared with a team.
import * as vscode from 'vscode';
import { tagKey } from '../../core/coding/tagNames';
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

/** The codebook, seen from here (the coding area provides it; see useTagStyleSource). */
export interface TagStyleSource {
  /** Whether a workspace folder has a codebook file. */
  readonly present: boolean;
  styles(): TagStyle[];
  /** Adds tags (with the colours given) to the codebook. */
  adopt(tags: readonly TagStyle[]): Promise<void>;
  /** Sets a tag's colour in the codebook (adding the tag if it is not there). */
  setColor(tag: string, color: string): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
}

let source: TagStyleSource | undefined;
const stylesChanged = new vscode.EventEmitter<void>();
/** Fires when the codebook's tags or colours change (the setting has its own configuration event). */
export const onDidChangeTagStyles = stylesChanged.event;

/** Makes the codebook the source of tag colours until the returned disposable is disposed. */
export function useTagStyleSource(s: TagStyleSource): vscode.Disposable {
  source = s;
  const sub = s.onDidChange(() => stylesChanged.fire());
  stylesChanged.fire();
  return new vscode.Disposable(() => {
    sub.dispose();
    if (source === s) source = undefined;
    stylesChanged.fire();
  });
}

/** The tags with their colours: the codebook's first, then the setting's that the codebook lacks. */
export function configuredTags(): TagStyle[] {
  const fromCodebook = source?.styles() ?? [];
  const keys = new Set(fromCodebook.map((s) => tagKey(s.name)));
  return [...fromCodebook, ...settingTags().filter((s) => !keys.has(tagKey(s.name)))];
}

/** The `reportAnnotator.tags` setting, cleaned: names trimmed, duplicates and bad entries dropped. */
export function settingTags(): TagStyle[] {
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

/** The colour of a tag: from the codebook or the setting (configuredTags), else a stable fallback. */
export function tagColor(tag: string, styles: readonly TagStyle[]): string {
  return styles.find((s) => s.name === tag)?.color ?? styles.find((s) => tagKey(s.name) === tagKey(tag))?.color ?? hashColor(tag);
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
  const inCodebook = source?.present ? source.styles() : undefined;
  // With a codebook, a tag the setting has (colour and all) is still new to the codebook.
  const known = inCodebook ?? styles;
  const fresh = tags.filter((t) => !known.some((s) => tagKey(s.name) === tagKey(t)));
  if (fresh.length === 0) return;
  const kept = new Map(fresh.flatMap((t) => styles.filter((s) => tagKey(s.name) === tagKey(t)).map((s) => [t, s.color] as const)));
  const colors = new Map([...kept, ...assignColors(fresh.filter((t) => !kept.has(t)), [...styles.map((s) => s.color), ...alsoUsed])]);
  if (source?.present) {
    await source.adopt([...colors].map(([name, color]) => ({ name, color })));
    return;
  }
  const target = settingsTarget();
  const list = [...currentList(target), ...[...colors].map(([name, color]) => ({ name, color }))];
  await vscode.workspace.getConfiguration('reportAnnotator').update('tags', list, target);
}

/** Sets a tag's colour (adding the tag to the setting if it is not there). */
export async function setTagColor(tag: string, color: string): Promise<void> {
  if (source?.present) return source.setColor(tag, color.toLowerCase());
  const target = settingsTarget();
  const list = currentList(target);
  const at = list.findIndex((e) => typeof e?.name === 'string' && e.name.trim() === tag);
  const next = at >= 0 ? list.map((e, i) => (i === at ? { ...e, name: tag, color: color.toLowerCase() } : e)) : [...list, { name: tag, color: color.toLowerCase() }];
  await vscode.workspace.getConfiguration('reportAnnotator').update('tags', next, target);
}
