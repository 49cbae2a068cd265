// The annotations of one report, kept in step with its text and saved in its sidecar (like the per-resource
// preview objects of VS Code's markdown extension: the manager routes events by URI, this object owns the
// report's store, text, timers, save queue and file watcher).
// - Loaded from the sidecar when the report opens. If the text is not the one the sidecar was written for
//   (its SHA-256 differs, or a quote is not at its offsets), every annotation is found again by its quote.
// - Each edit in the editor moves the annotations (contentChanges → rebaseOnEdits, in the store); when
//   typing pauses, quotes are refreshed and annotations orphaned by the edits are looked for again.
// - Changes made outside the editor: VS Code reloads the document and reports the difference as edits; the
//   file watcher then checks every annotation against the new text and re-anchors by quote if needed. A
//   sidecar changed on disk is read again.
// - The sidecar is written atomically: debounced after each change of the annotations; when only their positions
//   moved with unsaved edits, once the report is saved; synchronously when the extension stops.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AnnotationStore, type StoredAnnotation } from '../../core/annotations';
import type { TextChange } from '../../core/anchoring';
import { stripBom } from '../../core/bom';
import { parseSidecar, readTextIfExists, removeSidecarIfUnchanged, removeSidecarIfUnchangedSync, sidecarSaveAction, writeSidecar, writeSidecarSync } from '../../core/sidecar';
import { errorMessage } from '../../core/text';
import { findOpenDocument, uriBasename } from '../common/documents';
import { describeProblem } from '../common/problems';
import { fileStamp, type FileStamp, sameStamp, setAsideSidecar, watchReportFiles } from './sidecarFiles';
import { recordWrite, type ReportHost } from './reportHost';
import { askAfterSidecarDeleted, tellInvalidSidecar, tellSaveFailed, tellSetAside } from './sidecarMessages';

export class ReportAnnotations {
  readonly key: string;
  store: AnnotationStore;
  /** The text the store's positions refer to, as of the last sync (kept when the document closes). */
  text: string;
  /** The sidecar on disk could not be read (every problem, one a line): it is set aside (renamed) before anything is written over it. */
  invalid?: string;
  private invalidError?: unknown;
  /** Orphans the user has been told about. */
  readonly warned = new Set<string>();
  /** Edits were applied since the last sync. */
  private syncPending = false;
  /** The store changed since the sidecar was last written. */
  private dirty = false;
  /**
   * Edits moved the annotations since the sidecar was written: written once the report has no unsaved changes (at
   * its save), or when asked (flush). Meanwhile the sidecar names the text on disk, and typing in a large report
   * does not hash and write it at every pause.
   */
  private moved = false;
  /** Writes of this sidecar, one after another. */
  private writing: Promise<void> = Promise.resolve();
  /** What we last wrote or read: a watcher event for the same content is our own. */
  private onDisk?: string;
  /** A report changed on disk: check the anchors once the document has the new text. */
  private verifyPending = false;
  /**
   * The report file's time and size when its content was last known: read for a change on disk, or written by a
   * save of its document (see onReportFileEvent).
   */
  private reportSeen?: FileStamp;
  /** The document and version whose text `text` is (undefined when `text` came from elsewhere). */
  private synced?: { document: vscode.TextDocument; version: number };
  private unsubscribe: () => void;
  private watcher?: vscode.Disposable;
  private syncTimer?: ReturnType<typeof setTimeout>;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private reportTimer?: ReturnType<typeof setTimeout>;
  private sidecarTimer?: ReturnType<typeof setTimeout>;
  private lastError?: string;
  /** What reading the sidecar found, for start(). */
  private readonly loaded: { textChanged: boolean; misplaced: number };

  /** Reads the sidecar for the document's text (an unreadable one is left alone); start() then says what it found. */
  constructor(
    readonly uri: vscode.Uri,
    /** The sidecar's path: only files on disk have annotations (the manager refuses other documents); moved with its folder (`movedTo`). */
    public sidecar: string,
    text: string,
    private readonly host: ReportHost,
    watch: boolean,
  ) {
    this.key = uri.toString();
    this.text = text;
    let annotations: StoredAnnotation[] = [];
    let textChanged = false;
    let misplaced = 0;
    try {
      this.onDisk = readTextIfExists(sidecar);
      if (this.onDisk !== undefined) ({ annotations, textChanged, misplaced } = parseSidecar(this.onDisk, text));
    } catch (err) {
      this.invalidError = err;
      this.invalid = describeProblem(err, uriBasename(vscode.Uri.file(sidecar))).details;
    }
    this.store = new AnnotationStore(annotations);
    this.unsubscribe = this.store.onDidChange(() => this.storeChanged());
    if (watch) {
      this.watcher = watchReportFiles(uri, {
        report: (kind) => this.onReportFileEvent(kind),
        sidecar: (kind) => this.onSidecarFileEvent(kind),
      });
    }
    this.loaded = { textChanged, misplaced };
  }

  /** Once the manager holds it: says what loading found, and re-anchors if the text is not the sidecar's. */
  start(): void {
    const { textChanged, misplaced } = this.loaded;
    if (this.invalid) this.reportInvalidSidecar(this.invalidError);
    else if (textChanged) this.reanchor(this.text, misplaced > 0 ? `loaded; ${misplaced} quotes were not at their offsets` : 'loaded');
    // Orphans from an earlier session were reported then; tell again once per session.
    this.host.orphansFound(this.uri);
    if (this.store.size > 0) this.host.changed(this.uri);
  }

  private get name(): string {
    return uriBasename(this.uri) || this.key;
  }

  // -------------------------------------------------------------------------------------------------
  // Following the text

  /** The document was opened again (or its language changed): its text may have changed meanwhile. */
  reopened(document: vscode.TextDocument): void {
    const text = document.getText();
    if (this.text !== text) this.reanchor(text, 'reopened');
    this.synced = { document, version: document.version };
  }

  edited(e: vscode.TextDocumentChangeEvent): void {
    const changes: TextChange[] = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    this.store.applyEdits(changes);
    this.syncPending = true;
    if (this.store.size > 0) this.moved = true;
    clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => this.sync(e.document), this.host.syncDelay);
  }

  /** Refreshes quotes and looks for orphans, if edits are pending; then checks anchors if asked to. */
  sync(document: vscode.TextDocument): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (document.isClosed || !this.host.isCurrent(this)) return;
    // Nothing to bring in (a save after the pause's sync): getText of a 5 MB report takes ~20 ms of this thread.
    if (!this.syncPending && !this.verifyPending && this.synced?.document === document && this.synced.version === document.version) return;
    const text = document.getText();
    this.synced = { document, version: document.version };
    if (this.syncPending) {
      this.syncPending = false;
      this.store.sync(text);
      this.text = text;
      if (this.dirty || this.moved) this.scheduleSave(); // (prepare decides when moved positions are written)
      this.host.changed(this.uri);
    } else if (this.text !== text) {
      // Text we did not see change (should not happen): find everything again.
      this.reanchor(text, 'text out of step');
      this.synced = { document, version: document.version };
      return;
    }
    if (this.verifyPending && !document.isDirty) {
      this.verifyPending = false;
      // After a change on disk: re-anchor by quote if any annotation's text is not where it was.
      const off = this.store.list().some((a) => a.orphaned || text.slice(a.target.start, a.target.end) !== a.target.exact);
      if (off) this.reanchor(text, 'changed on disk');
    }
  }

  saved(document: vscode.TextDocument): void {
    this.sync(document);
    void this.save();
    this.host.orphansFound(this.uri);
    // The file now holds the document's text: the watcher's events for this write need no read.
    const version = document.version;
    void fileStamp(this.uri.fsPath).then((st) => {
      if (st && !document.isDirty && document.version === version) this.reportSeen = st;
    });
  }

  /** Closed (or its language changed): keep the store with the text it refers to, and write it now. */
  closed(document: vscode.TextDocument): void {
    this.synced = undefined; // (nor is the closed document kept)
    if (document.isDirty) this.moved = false; // closed unsaved: the sidecar goes on naming the text on disk
    if (this.syncPending) {
      this.syncPending = false;
      this.store.sync((this.text = document.getText()));
    }
    void this.save();
  }

  /** Finds every annotation again in `text` (of unknown history); saves and warns about orphans. */
  reanchor(text: string, why: string): void {
    const t0 = performance.now();
    const orphans = this.store.reanchorAll(text);
    this.text = text;
    this.synced = undefined;
    this.syncPending = false;
    this.dirty = true;
    this.host.log?.info(
      `re-anchored ${this.store.size} annotations of ${this.uri.fsPath} (${why}) in ${(performance.now() - t0).toFixed(1)} ms; ${orphans.length} orphaned`,
    );
    this.scheduleSave();
    this.host.changed(this.uri);
    this.host.orphansFound(this.uri);
  }

  /**
   * The annotations for `text` (the report's text now): from memory if they refer to it, else undefined.
   * Brings pending edits in first.
   */
  annotationsFor(text: string): StoredAnnotation[] | undefined {
    if (this.syncPending || this.text !== text) {
      const open = findOpenDocument(this.key);
      if (open && open.getText() === text) this.sync(open);
    }
    return this.text === text ? this.store.list() : undefined;
  }

  // -------------------------------------------------------------------------------------------------
  // Changes on disk

  private onReportFileEvent(kind: 'changed' | 'deleted'): void {
    if (kind === 'deleted') return; // the sidecar stays; the report may come back (git, a rename and back)
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      if (!this.host.isCurrent(this)) return;
      const document = findOpenDocument(this.key);
      if (document) {
        // VS Code reloads a document without unsaved changes and reports the difference as edits: the anchors are
        // checked once that text is in (now, if it is). With unsaved changes it reloads nothing: they are checked
        // at the next save or revert (sync). A file of a known time and size (last read, or our save) is not read:
        // with auto save a large report is written, and each write reported, several times a second while typing.
        if (document.isDirty) {
          this.verifyPending = true;
          return;
        }
        void fileStamp(this.uri.fsPath)
          .then((st) => {
            if (!st || sameStamp(st, this.reportSeen)) return; // unreadable now (the next event or sync checks), or known
            this.reportSeen = st;
            this.verifyPending = true;
            return readFile(this.uri.fsPath, 'utf8').then((disk) => stripBom(disk) === document.getText() && this.sync(document));
          })
          .catch(() => undefined);
        return;
      }
      // Not open: find everything again in the text on disk.
      let text: string | undefined;
      try {
        text = readTextIfExists(this.uri.fsPath);
      } catch (err) {
        this.host.log?.warn(`cannot read ${this.uri.fsPath}: ${errorMessage(err)}`);
      }
      if (text !== undefined && text !== this.text) this.reanchor(text, 'changed on disk while closed');
    }, 150);
  }

  private onSidecarFileEvent(kind: 'changed' | 'deleted'): void {
    clearTimeout(this.sidecarTimer);
    this.sidecarTimer = setTimeout(() => {
      if (this.host.isCurrent(this)) void this.writing.then(() => this.readSidecarAgain(kind));
    }, 150);
  }

  /**
   * The sidecar changed on disk, not by us. `write`: before a write of ours, which the watcher has not told of yet (it
   * waits 150 ms, then for our write): theirs is merged in, not written over; a sidecar gone is the watcher's to tell.
   */
  private readSidecarAgain(kind: 'changed' | 'deleted' | 'write'): void {
    if (!this.host.isCurrent(this)) return;
    let json: string | undefined;
    try {
      json = readTextIfExists(this.sidecar);
    } catch (err) {
      this.host.log?.warn(`cannot read ${this.sidecar}: ${errorMessage(err)}`);
      return;
    }
    if (json === this.onDisk || (kind === 'write' && json === undefined)) return; // our own write, or no change
    this.onDisk = json;
    if (json === undefined) {
      if (kind === 'deleted') this.sidecarDeleted();
      return;
    }
    const text = findOpenDocument(this.key)?.getText() ?? this.text;
    let loaded;
    try {
      loaded = parseSidecar(json, text);
    } catch (err) {
      this.invalid = describeProblem(err, uriBasename(vscode.Uri.file(this.sidecar))).details;
      this.reportInvalidSidecar(err);
      return;
    }
    this.invalid = undefined;
    if (this.dirty) {
      // Changes on both sides: theirs replace ours annotation by annotation; ours that they lack stay.
      this.store.merge(loaded.annotations);
      if (loaded.textChanged) this.store.reanchorAll(text);
      this.scheduleSave();
    } else {
      this.replaceStore(loaded.annotations);
      if (loaded.textChanged) this.store.reanchorAll(text);
    }
    this.text = text;
    this.synced = undefined;
    this.host.changed(this.uri);
    this.host.orphansFound(this.uri);
  }

  /** Deleted outside VS Code. Nothing is forgotten unasked: the annotations stay unless the user says so. */
  private sidecarDeleted(): void {
    const count = this.store.size;
    if (count === 0) return;
    this.host.log?.info(`sidecar ${this.sidecar} was deleted; ${count} annotations kept in memory`);
    void askAfterSidecarDeleted(this.host.notify, this.name, count).then((choice) => {
      if (!this.host.isCurrent(this) || this.onDisk !== undefined) return;
      if (choice === 'keep') {
        this.dirty = true;
        void this.save();
      } else if (choice === 'forget') {
        this.replaceStore([]);
      }
    });
  }

  /** Tells the user in one sentence (file, field, what was expected); the details go to the log. */
  private reportInvalidSidecar(err: unknown): void {
    const { summary, details } = describeProblem(err, uriBasename(vscode.Uri.file(this.sidecar)));
    this.host.log?.warn(`sidecar ${this.sidecar} could not be read:\n${details}`);
    tellInvalidSidecar(this.host.notify, this.name, this.sidecar, summary);
  }

  private replaceStore(annotations: StoredAnnotation[]): void {
    this.unsubscribe();
    this.store = new AnnotationStore(annotations);
    this.unsubscribe = this.store.onDidChange(() => this.storeChanged());
    this.syncPending = false;
    this.dirty = false;
    this.host.changed(this.uri);
  }

  // -------------------------------------------------------------------------------------------------
  // Saving

  private storeChanged(): void {
    this.dirty = true;
    this.scheduleSave();
    this.host.changed(this.uri);
  }

  private scheduleSave(): void {
    if (this.host.disposed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), this.host.saveDelay);
  }

  /** What to write, 'remove' for the sidecar of no annotations, or undefined if nothing needs writing. Brings quotes up to date first. */
  private prepare(force: boolean): StoredAnnotation[] | 'remove' | undefined {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const document = findOpenDocument(this.key);
    if (this.moved && (force || !document?.isDirty)) this.dirty = true;
    if (!this.dirty) return undefined;
    if (document && !document.isClosed && this.syncPending) this.sync(document);
    const annotations = this.store.list();
    const file = this.invalid ? 'unreadable' : this.onDisk === undefined ? 'none' : 'readable';
    const action = sidecarSaveAction(annotations.length, file);
    if (action === 'none') {
      this.dirty = this.moved = false;
      return undefined;
    }
    return action === 'remove' ? 'remove' : annotations;
  }

  /** Renames an unreadable sidecar out of the way before the first write over it. */
  private setAside(): void {
    if (!this.invalid) return;
    const aside = setAsideSidecar(this.sidecar);
    this.invalid = undefined;
    if (aside) {
      this.host.log?.warn(`the unreadable sidecar ${this.sidecar} was renamed to ${aside}`);
      tellSetAside(this.host.notify, this.name, aside);
    }
  }

  /**
   * Writes the sidecar if anything changed (`force`: positions moved by unsaved edits too); writes of one report run
   * one after another.
   */
  save(force = false): Promise<void> {
    // Restricted Mode: the changes wait in memory (dirty) until the workspace is trusted.
    if (!vscode.workspace.isTrusted) return this.writing;
    this.writing = this.writing.then(async () => {
      try {
        this.readSidecarAgain('write');
        const annotations = this.prepare(force);
        if (annotations === undefined) return;
        this.dirty = this.moved = false;
        if (annotations === 'remove') {
          if (await removeSidecarIfUnchanged(this.sidecar, this.onDisk!)) this.onDisk = undefined;
          return;
        }
        const t0 = performance.now();
        this.setAside();
        this.onDisk = await writeSidecar(this.sidecar, this.text, annotations);
        this.lastError = undefined;
        recordWrite(this.host.stats, performance.now() - t0, this.onDisk.length);
      } catch (err) {
        this.dirty = true;
        this.host.stats.failures++;
        const message = errorMessage(err);
        this.host.log?.error(`cannot write ${this.sidecar}: ${message}`);
        if (this.lastError !== message) {
          this.lastError = message;
          tellSaveFailed(this.host.notify, this.name, this.sidecar, message);
        }
      }
    });
    return this.writing;
  }

  /** Its folder was renamed: the sidecar is at `sidecar` now, and what is pending is written there (the old path is gone). */
  movedTo(sidecar: string): void { this.sidecar = sidecar; }

  /** Writes what is pending synchronously (the extension host may be going away), then stops. */
  saveNowAndDispose(): void {
    try {
      if (vscode.workspace.isTrusted) this.readSidecarAgain('write');
      const annotations = vscode.workspace.isTrusted ? this.prepare(false) : undefined;
      if (annotations === 'remove') {
        if (removeSidecarIfUnchangedSync(this.sidecar, this.onDisk!)) this.onDisk = undefined;
        this.dirty = this.moved = false;
      } else if (annotations !== undefined) {
        this.setAside();
        this.onDisk = writeSidecarSync(this.sidecar, this.text, annotations);
        this.dirty = this.moved = false;
      }
    } catch (err) {
      this.host.log?.error(`cannot write ${this.sidecar} on shutdown: ${errorMessage(err)}`);
    }
    this.dispose();
  }

  /** Stops timers and the watcher; the manager forgets this object. */
  dispose(): void {
    clearTimeout(this.syncTimer);
    clearTimeout(this.saveTimer);
    clearTimeout(this.reportTimer);
    clearTimeout(this.sidecarTimer);
    this.unsubscribe();
    this.watcher?.dispose();
  }
}
