// The edits of a document since the version whose text the analysis worker holds, so that after typing only the
// edits cross to the worker, not the whole text: for a 5 MB report, getText() and posting the text cost the
// extension host about 9 ms per analysis, the edits some microseconds.

import { composedEdit, type EditWithText, type TextChangeLike } from '../../core/textEdits';

/** One change as VS Code reports it (TextDocumentContentChangeEvent): UTF-16 offset, length replaced, new text. */
export type TextChange = TextChangeLike;

/** Past this much text typed or pasted since the worker's version, the whole text is sent instead. */
const MAX_LOGGED_CHARS = 1 << 20;

export class ChangeLog {
  private entries: { version: number; change: TextChange }[] = [];
  private chars = 0;

  /**
   * The change that made `version` from the version before it. Only events of one change are logged: how the
   * offsets of several (multiple cursors) relate is not documented (microsoft/vscode#10047), so such an event
   * breaks the log and the next analysis sends the text.
   */
  record(version: number, changes: readonly TextChange[]): void {
    if (changes.length !== 1) return this.clear();
    const { offset, length, text } = changes[0];
    this.entries.push({ version, change: { offset, length, text } });
    this.chars += text.length;
    // Large pastes: sending the text is as cheap; the log forgets (since() then answers undefined).
    if (this.chars > MAX_LOGGED_CHARS) this.clear();
  }

  /** The changes from version `from` to version `to`, in order; undefined when one of the versions between is missing. */
  since(from: number, to: number): TextChange[] | undefined {
    const out: TextChange[] = [];
    let expected = from + 1;
    for (const e of this.entries) {
      if (e.version <= from) continue;
      if (e.version > to) break;
      if (e.version !== expected) return undefined;
      out.push(e.change);
      expected++;
    }
    return expected === to + 1 ? out : undefined;
  }

  /** Versions up to `version` are no longer asked for (the worker holds a later text). */
  forget(version: number): void {
    this.entries = this.entries.filter((e) => e.version > version);
    this.chars = this.entries.reduce((n, e) => n + e.change.text.length, 0);
  }

  clear(): void {
    this.entries = [];
    this.chars = 0;
  }
}

/** `text` with `changes` (one per version, in order) applied one after another. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
  return text;
}

/**
 * `text` with `changes` applied, as the worker makes it: changes at one place (keystrokes typed between two analyses)
 * are one edit, also returned, and the new text is made from it once; applied in turn, each slice of the text the one
 * before made had V8 copy it whole first (10 keystrokes in 5 MB: 120–250 ms). Changes at several places are applied
 * in turn, and no edit is returned.
 */
export function changedText(text: string, changes: readonly TextChange[]): { text: string; edit?: EditWithText } {
  const edit = composedEdit(text, changes);
  return edit ? { text: text.slice(0, edit.from) + edit.text + text.slice(edit.to), edit } : { text: applyChanges(text, changes) };
}

/** How much longer the changes make a text (UTF-16 code units). */
export function lengthChange(changes: readonly TextChange[]): number {
  return changes.reduce((n, c) => n + c.text.length - c.length, 0);
}
