// Files changed on disk wait here before the corpus worker reads them again.
// - Events come in bursts (a save is reported more than once): the files are taken together, 300 ms after the last.
// - A report open in an editor is held while the user works on it: while it has unsaved changes, and until its
//   text has not changed for two seconds. With auto save, a large report is written every second or so while the
//   user types; reading it each time analysed it again in the worker (on a machine of two cores, beside the typing
//   and the editor's own analysis) and could catch it half written. It is read once the user pauses.
// - A report the index knows that fails to read, or no longer reads as a report, may be half written: it is read
//   once more a second later before the index drops it (see retryKnown).
import * as vscode from 'vscode';
import { findOpenDocument } from '../common/documents';

const SETTLE_MS = 300;
const QUIET_MS = 2000;
const RETRY_MS = 1000;

export class ChangeQueue implements vscode.Disposable {
  private readonly pending = new Map<string, vscode.Uri>();
  /** Open reports the user is working on: read once they are quiet (see the header). */
  private readonly held = new Map<string, vscode.Uri>();
  /** When each open document's text last changed. */
  private readonly edited = new Map<string, number>();
  /** Known reports read once more after a failed read; a second failure stands. */
  private readonly retried = new Set<string>();
  /** The reads once more still to come, by file. */
  private readonly retrying = new Map<string, ReturnType<typeof setTimeout>>();
  private timer?: ReturnType<typeof setTimeout>;
  private heldTimer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly flush: (uris: vscode.Uri[]) => void) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.edited.set(e.document.uri.toString(), performance.now());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.edited.delete(d.uri.toString());
        if (this.held.size > 0) this.scheduleHeld(SETTLE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.held.size > 0 && this.scheduleHeld(QUIET_MS)),
    ];
  }

  /** Files waiting for a read that is not held up by the user (held reports wait for the user, not the index). */
  get size(): number {
    return this.pending.size + this.retrying.size;
  }

  add(uri: vscode.Uri): void {
    const key = uri.toString();
    this.held.delete(key);
    this.pending.set(key, uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(this.pending), SETTLE_MS);
  }

  /** Forgets what waits (a full run reads everything). */
  clear(): void {
    this.pending.clear();
    this.held.clear();
    for (const timer of this.retrying.values()) clearTimeout(timer);
    this.retrying.clear();
    clearTimeout(this.timer);
    clearTimeout(this.heldTimer);
  }

  /**
   * A report the index holds could not be read as one: true if it will be read once more in a moment (the index
   * keeps what it has meanwhile), false if that was the second time.
   */
  retryKnown(uri: vscode.Uri): boolean {
    const key = uri.toString();
    if (this.retried.has(key)) {
      this.retried.delete(key);
      return false;
    }
    this.retried.add(key);
    clearTimeout(this.retrying.get(key));
    this.retrying.set(
      key,
      setTimeout(() => {
        this.retrying.delete(key);
        this.add(uri);
      }, RETRY_MS),
    );
    return true;
  }

  /** A report was read: a later failure gets its retry again. */
  succeeded(key: string): void {
    this.retried.delete(key);
  }

  dispose(): void {
    this.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Hands the files of `from` that the user is not working on to flush; holds the others. */
  private release(from: Map<string, vscode.Uri>): void {
    const files = [...from];
    from.clear();
    const ready: vscode.Uri[] = [];
    const now = performance.now();
    for (const [key, uri] of files) {
      const open = findOpenDocument(key);
      if (open && (open.isDirty || now - (this.edited.get(key) ?? -Infinity) < QUIET_MS)) this.held.set(key, uri);
      else ready.push(uri);
    }
    if (this.held.size > 0) this.scheduleHeld(QUIET_MS);
    if (ready.length > 0) this.flush(ready);
  }

  private scheduleHeld(ms: number): void {
    clearTimeout(this.heldTimer);
    this.heldTimer = setTimeout(() => this.release(this.held), ms);
  }
}
