// The tag quick pick (multi-select): recent tags numbered 1–9 (typing the digit picks one), the configured
// tags (the codebook's, then the setting's), then those of the report; a tag
// typed in the box that is not listed is offered as a new tag. And what makes a tag: one line, at most 40
// characters.
import * as vscode from 'vscode';
import { configuredTags, tagColor } from './tagSettings';
import { paragraphsText } from '../common/counts';
import type { TagIcons } from '../common/tagIcons';

export const MAX_TAG_LENGTH = 40;

/** A tag as the user typed it, trimmed; or an error message. */
export function checkTag(raw: string): { tag: string } | { error: string } {
  const tag = raw.trim();
  if (tag === '') return { error: vscode.l10n.t('A tag cannot be empty.') };
  if (/[\r\n\t]/.test(tag)) return { error: vscode.l10n.t('A tag is one line of text.') };
  if ([...tag].length > MAX_TAG_LENGTH) return { error: vscode.l10n.t('A tag has at most {0} characters.', MAX_TAG_LENGTH) };
  return { tag };
}

/** An item of the tag quick pick. */
export type TagPickItem = vscode.QuickPickItem & { tag?: string; isNew?: boolean; /** 1–9: a recent tag, picked by typing its digit. */ digit?: number };

export class TagPicker {
  /** The quick pick while it is open (tests drive it). */
  quickPick?: vscode.QuickPick<TagPickItem>;

  /** `icons`: each tag's colour as its icon (without, a plain tag icon). */
  constructor(private readonly icons?: TagIcons) {}

  private iconOf(tag: string, styles: ReturnType<typeof configuredTags>): TagPickItem['iconPath'] {
    return this.icons?.uri(tagColor(tag, styles)) ?? new vscode.ThemeIcon('tag');
  }

  /** Ends a quick pick once: resolves with `value`, disposes it, and forgets it. */
  private finisher(qp: vscode.QuickPick<TagPickItem>, resolve: (value: string[] | undefined) => void): (value: string[] | undefined) => void {
    let done = false;
    return (value) => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
      if (this.quickPick === qp) this.quickPick = undefined;
    };
  }

  /**
   * Shows the quick pick; resolves with the checked (or typed) tags, undefined if dismissed. `more` are
   * groups of tags offered after the configured ones.
   * Multi-select quick pick: the configured tags, then recent ones, then those used in this report; a tag
   * typed in the box that is not listed is offered as a new tag (and taken if nothing else is checked).
   */
  pick(more: [string, string[]][], paragraphCount: number, recent: readonly string[] = []): Promise<string[] | undefined> {
    const styles = configuredTags();
    type Item = TagPickItem;
    // The recent tags are numbered 1–9 wherever they are listed: typing the digit alone picks the tag (see
    // onDidChangeValue); those the configured tags do not hold come next, under Recent.
    const numbered = recent.slice(0, 9);
    const sections: [string, string[]][] = [[vscode.l10n.t('Configured tags'), styles.map((s) => s.name)], [vscode.l10n.t('Recent (type 1–9)'), recent.slice()], ...more];
    const base: Item[] = [];
    const seen = new Set<string>();
    for (const [label, tags] of sections) {
      const fresh = tags.filter((t) => !seen.has(t));
      if (fresh.length === 0) continue;
      base.push({ label, kind: vscode.QuickPickItemKind.Separator });
      for (const t of fresh) {
        seen.add(t);
        const digit = numbered.indexOf(t) + 1;
        base.push({ label: t, tag: t, iconPath: this.iconOf(t, styles), ...(digit > 0 && { digit, description: String(digit) }) });
      }
    }
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<Item>();
      this.quickPick = qp;
      qp.canSelectMany = true;
      qp.matchOnDescription = false;
      qp.title = vscode.l10n.t('Tag {0}', paragraphsText(paragraphCount));
      qp.placeholder = vscode.l10n.t('Check tags, or type a new tag');
      qp.items = base;
      const finish = this.finisher(qp, resolve);
      // New tags the user checked stay in the list when the box is cleared to check more.
      const created: Item[] = [];
      qp.onDidChangeSelection((selected) => {
        for (const item of selected) {
          if (item.isNew && item.tag && !seen.has(item.tag)) {
            seen.add(item.tag);
            const kept: Item = { label: item.tag, tag: item.tag, description: vscode.l10n.t('New tag'), iconPath: new vscode.ThemeIcon('add') };
            created.push(kept);
            base.unshift(kept);
          }
        }
      });
      qp.onDidChangeValue((value) => {
        const typed = value.trim();
        // A digit alone: its recent tag, with any already checked, is the answer.
        const byDigit = /^[1-9]$/.test(typed) ? base.find((i) => i.digit === Number(typed)) : undefined;
        if (byDigit?.tag) {
          const tags = qp.selectedItems.map((i) => i.tag).filter((t): t is string => !!t && t !== byDigit.tag);
          finish([...tags, byDigit.tag]);
          return;
        }
        const kept = qp.selectedItems;
        const items = base.slice();
        if (typed && !seen.has(typed)) {
          const checked = checkTag(typed);
          items.unshift({
            label: typed,
            tag: 'tag' in checked ? checked.tag : undefined,
            isNew: true,
            description: 'error' in checked ? checked.error : vscode.l10n.t('New tag'),
            iconPath: new vscode.ThemeIcon('add'),
            alwaysShow: true,
          });
        }
        qp.items = items;
        qp.selectedItems = items.filter((i) => !i.isNew && kept.some((k) => k.tag === i.tag));
      });
      qp.onDidAccept(() => {
        const tags = qp.selectedItems.map((i) => i.tag).filter((t): t is string => !!t);
        if (tags.length === 0 && qp.value.trim()) {
          const checked = checkTag(qp.value);
          if ('error' in checked) {
            void vscode.window.showWarningMessage(checked.error);
            return;
          }
          tags.push(checked.tag);
        }
        finish(tags);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }

  /**
   * Remove Tag…: the tags of the touched paragraphs, all checked to begin with. Resolves with the checked
   * tags (none: []) on Enter, undefined if dismissed.
   */
  pickToRemove(present: readonly { tag: string; paragraphs: number }[]): Promise<string[] | undefined> {
    const styles = configuredTags();
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<TagPickItem>();
      this.quickPick = qp;
      qp.canSelectMany = true;
      qp.title = vscode.l10n.t('Remove tags');
      qp.placeholder = vscode.l10n.t('Tags to remove from the selected paragraphs');
      qp.items = present.map(({ tag, paragraphs }) => ({
        label: tag,
        tag,
        description: vscode.l10n.t('on {0}', paragraphsText(paragraphs)),
        iconPath: this.iconOf(tag, styles),
      }));
      qp.selectedItems = qp.items;
      const finish = this.finisher(qp, resolve);
      qp.onDidAccept(() => finish(qp.selectedItems.map((i) => i.tag!)));
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }
}
