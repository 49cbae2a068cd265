// The edits of a document since the version whose text the analysis worker holds, so that after typing only the
// edits cross to the worker, not the whole text: for a 5 MB report, getText() and posting the text cost the
// extension host about 9 ms per analysis, the edits some microseconds.

import { composedEdits, type EditWithText, MAX_PLACES, type TextChangeLike } from '../../core/textEdits';

/** One change as VS Code reports it (TextDocumentContentChangeEvent): UTF-16 offset, length replaced, new text. */
export type TextChange = TextChangeLike;

/** Past this much text typed or pasted since the worker's version, the whole text is sent instead. */
const MAX_LOGGED_CHARS = 1 << 20;
/**
 * Past so many changes since the worker's version, too (a burst of typing while the worker reads 5 MB whole is some
 * dozens): composing them costs their number times the places they touch.
 */
const MAX_LOGGED_CHANGES = 1024;

export class ChangeLog {
  private entries: { version: number; changes: TextChange[] }[] = [];
  private chars = 0;
  /** How many changes are logged. */
  private count = 0;

  /**
   * The changes that made `version` from the version before it. Several in one event (multiple cursors) are logged
   * when each lies before the one listed ahead of it, as VS Code lists them: then their offsets in the text before
   * the event are their offsets applied in turn too. How the offsets relate otherwise is not documented
   * (microsoft/vscode#10047), so such an event breaks the log and the next analysis sends the text.
   */
  record(version: number, changes: readonly TextChange[]): void {
    // (More places than the worker answers one by one: it would read the text whole anyway, so it is sent.)
    if (changes.length > MAX_PLACES) return this.clear();
    for (let k = 1; k < changes.length; k++) {
      if (changes[k].offset + changes[k].length > changes[k - 1].offset || changes[k].offset === changes[k - 1].offset) return this.clear();
    }
    this.entries.push({ version, changes: changes.map(({ offset, length, text }) => ({ offset, length, text })) });
    for (const c of changes) this.chars += c.text.length;
    this.count += changes.length;
    // Large pastes, or more changes than are composed quickly (composedEdits): sending the text is as cheap; the log
    // forgets (since() then answers undefined).
    if (this.chars > MAX_LOGGED_CHARS || this.count > MAX_LOGGED_CHANGES) this.clear();
  }

  /** The changes from version `from` to version `to`, to be applied in turn; undefined when one of the versions between is missing. */
  since(from: number, to: number): TextChange[] | undefined {
    const out: TextChange[] = [];
    let expected = from + 1;
    for (const e of this.entries) {
      if (e.version <= from) continue;
      if (e.version > to) break;
      if (e.version !== expected) return undefined;
      for (const c of e.changes) out.push(c);
      expected++;
    }
    return expected === to + 1 ? out : undefined;
  }

  /** Versions up to `version` are no longer asked for (the worker holds a later text). */
  forget(version: number): void {
    this.entries = this.entries.filter((e) => e.version > version);
    this.chars = 0;
    this.count = 0;
    for (const e of this.entries) for (const c of e.changes) (this.chars += c.text.length), this.count++;
  }

  clear(): void {
    this.entries = [];
    this.chars = 0;
    this.count = 0;
  }
}

/** `text` with `changes` (one per version, in order) applied one after another. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
  return text;
}

/**
 * `text` with `changes` applied, as the worker makes it: the edits they make together, one for each place they touch
 * (keystrokes typed between two analyses at one place, or at several cursors), and the new text made from them once.
 * Applied in turn, each slice of the text the one before made had V8 copy it whole first (10 keystrokes in 5 MB:
 * 120–250 ms). The edits are returned when there are at most MAX_PLACES (each is then answered from its paragraph).
 */
export function changedText(text: string, changes: readonly TextChange[]): { text: string; edits?: EditWithText[] } {
  const edits = composedEdits(text, changes, Infinity);
  if (!edits) return { text }; // (typed and deleted back)
  let joined = '';
  let at = 0;
  for (const e of edits) {
    joined += text.slice(at, e.from) + e.text;
    at = e.to;
  }
  return { text: joined + text.slice(at), ...(edits.length <= MAX_PLACES && { edits }) };
}

/** How much longer the changes make a text (UTF-16 code units). */
export function lengthChange(changes: readonly TextChange[]): number {
  return changes.reduce((n, c) => n + c.text.length - c.length, 0);
}
