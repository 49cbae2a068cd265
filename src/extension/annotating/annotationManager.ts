// One AnnotationStore per report, kept in step with the report's text and saved in its sidecar.
// - A report's sidecar is read when the report opens (govreport documents, and any document that has one).
//   If the text is not the one the sidecar was written for (its SHA-256 differs), every annotation is found
//   again by its quote.
// - Each edit in the editor moves the annotations (contentChanges → rebaseOnEdits, in the store); when
//   typing pauses, quotes are refreshed and annotations orphaned by the edits are looked for again.
// - Changes made outside the editor: VS Code reloads the document and reports the difference as edits;
//   the file watcher then checks every annotation against the new text and re-anchors by quote if needed.
//   A sidecar changed on disk is read again.
// - The sidecar is written atomically, debounced after each change, at once when the report is saved,
//   and synchronously when the extension stops.
// - Annotations whose text is gone (orphans) are never dropped: they stay in the sidecar, flagged, and the
//   user is told (with a way to look at them and delete them on purpose).
import { existsSync, renameSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AnnotationStore, type StoredAnnotation } from '../../core/annotations';
import type { TextChange } from '../../core/anchoring';
import { writeFileAtomic, writeFileAtomicSync } from '../../core/atomicWrite';
import { parseSidecar, serializeSidecar } from '../../core/sidecar';
import type { Annotation } from '../../core/types';
import { registerAnnotationCommands, type AnnotationCommands } from './annotationCommands';
import type { ReportAnalysisProvider, ReportAnnotationProvider } from '../api';
import { findOpenDocument, uriBasename } from '../common/documents';
import { registerExportImport } from './exportImport';
import { TagDecorator } from './tagDecorations';
import {
  readTextIfExists,
  setAsideInvalidSidecar,
  sidecarPathFor,
  watchReportFiles,
} from './sidecarFiles';
import { REPORT_LANGUAGE } from '../common/language';

export interface AnnotationManagerOptions {
  /** Milliseconds after the last change before the sidecar is written (default 400). */
  saveDelay?: number;
  /** Milliseconds after the last edit before quotes are refreshed and orphans looked for (default 250). */
  syncDelay?: number;
  /** Watch reports and sidecars on disk (default true). */
  watch?: boolean;
  /** Where messages go (default: vscode.window); tests may silence them. */
  notify?: Notifier;
  log?: vscode.LogOutputChannel;
}

export interface Notifier {
  warn(message: string, ...actions: string[]): Thenable<string | undefined>;
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
}

const windowNotifier: Notifier = {
  warn: (m, ...a) => vscode.window.showWarningMessage(m, ...a),
  error: (m, ...a) => vscode.window.showErrorMessage(m, ...a),
};

/** Write timings, for the log and for tests. */
export interface SaveStats {
  writes: number;
  lastMs: number;
  maxMs: number;
  lastBytes: number;
  /** Writes that failed (the changes stay in memory and are written with the next one). */
  failures: number;
}

interface Entry {
  uri: vscode.Uri;
  key: string;
  /** The sidecar's path: only files on disk have entries (load refuses other documents, and commands say why). */
  sidecar: string;
  store: AnnotationStore;
  unsubscribe: () => void;
  /** The text the store's positions refer to, as of the last sync (kept when the document closes). */
  text: string;
  /** Edits were applied since the last sync. */
  syncPending: boolean;
  syncTimer?: ReturnType<typeof setTimeout>;
  /** The store changed since the sidecar was last written. */
  dirty: boolean;
  saveTimer?: ReturnType<typeof setTimeout>;
  /** Writes of this sidecar, one after another. */
  writing: Promise<void>;
  /** What we last wrote or read: a watcher event for the same content is our own. */
  onDisk?: string;
  /** The sidecar on disk could not be read: it is set aside (renamed) before we write over it. */
  invalid?: string;
  /** Orphans the user has been told about. */
  warned: Set<string>;
  /** A report changed on disk; check the anchors once the document has the new text. */
  verifyPending: boolean;
  watcher?: vscode.Disposable;
  reportTimer?: ReturnType<typeof setTimeout>;
  sidecarTimer?: ReturnType<typeof setTimeout>;
  lastError?: string;
}

/** Messages are shown with the report's file name; paths go to the log. */
function fileName(uri: vscode.Uri): string {
  return uriBasename(uri) || uri.toString();
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class AnnotationManager implements ReportAnnotationProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly saveDelay: number;
  private readonly syncDelay: number;
  private readonly watch: boolean;
  private readonly notify: Notifier;
  private readonly log?: vscode.LogOutputChannel;
  private disposed = false;
  readonly stats: SaveStats = { writes: 0, lastMs: 0, maxMs: 0, lastBytes: 0, failures: 0 };
  /** The decorations of tagged paragraphs and the commands (set by registerAnnotations; tests look at them). */
  decorator?: TagDecorator;
  commands?: AnnotationCommands;

  readonly onDidChange = this.emitter.event;

  constructor(options: AnnotationManagerOptions = {}) {
    this.saveDelay = options.saveDelay ?? 400;
    this.syncDelay = options.syncDelay ?? 250;
    this.watch = options.watch ?? true;
    this.notify = options.notify ?? windowNotifier;
    this.log = options.log;
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((d) => this.onOpen(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.flush()),
    );
    for (const d of vscode.workspace.textDocuments) this.onOpen(d);
  }

  // -------------------------------------------------------------------------------------------------
  // ReportAnnotationProvider

  /** Anchored annotations of the report, UTF-16 offsets into its current text (orphans: see orphans()). */
  list(uri: vscode.Uri): readonly Annotation[] {
    return this.entries.get(uri.toString())?.store.anchored() ?? [];
  }

  /** Annotations of the report whose text could not be found; kept in the sidecar. */
  orphans(uri: vscode.Uri): readonly StoredAnnotation[] {
    return this.entries.get(uri.toString())?.store.list().filter((a) => a.orphaned) ?? [];
  }

  /** Every annotation, orphans included. */
  all(uri: vscode.Uri): readonly StoredAnnotation[] {
    return this.entries.get(uri.toString())?.store.list() ?? [];
  }

  // -------------------------------------------------------------------------------------------------
  // For the commands, the export/import and the tests

  /** Whether annotations of this document can be kept (it is a file on disk). */
  canAnnotate(document: vscode.TextDocument): boolean {
    return sidecarPathFor(document.uri) !== undefined;
  }

  /** The report URIs whose annotations are in memory. */
  loadedReports(): vscode.Uri[] {
    return [...this.entries.values()].map((e) => e.uri);
  }

  /**
   * The store of the document, loaded from its sidecar if needed, positions for the document's current
   * text. Throws if the document is not a file on disk.
   */
  storeFor(document: vscode.TextDocument): AnnotationStore {
    const entry = this.load(document);
    this.syncNow(entry, document);
    return entry.store;
  }

  /** The sidecar could not be read (message), if so. Its annotations are not in memory. */
  invalidSidecar(uri: vscode.Uri): string | undefined {
    return this.entries.get(uri.toString())?.invalid;
  }

  /** Writes every pending sidecar (or the one of `uri`) now; resolves when they are on disk. */
  async flush(uri?: vscode.Uri): Promise<void> {
    const targets = uri ? [this.entries.get(uri.toString())].filter((e): e is Entry => !!e) : [...this.entries.values()];
    await Promise.all(targets.map((e) => this.save(e)));
  }

  /**
   * Forgets what is in memory for the report and reads its sidecar again (what a restart does). Pending
   * changes are written first.
   */
  async reload(uri: vscode.Uri): Promise<void> {
    const entry = this.entries.get(uri.toString());
    if (entry) {
      await this.save(entry);
      this.drop(entry);
    }
    const document = findOpenDocument(uri.toString());
    if (document) this.load(document);
    this.emitter.fire(uri);
  }

  /**
   * Annotations for a report that need not be open: from memory if loaded, else from its sidecar
   * re-anchored against `text` (the report's text now). Used by the workspace export.
   */
  peekAnnotations(uri: vscode.Uri, text: string): { annotations: StoredAnnotation[]; error?: string } {
    const entry = this.entries.get(uri.toString());
    if (entry) {
      if (entry.syncPending || entry.text !== text) {
        const open = findOpenDocument(entry.key);
        if (open && open.getText() === text) this.syncNow(entry, open);
      }
      if (entry.text === text) return { annotations: entry.store.list(), ...(entry.invalid && { error: entry.invalid }) };
    }
    const path = sidecarPathFor(uri);
    const json = path && readTextIfExists(path);
    if (!json) return { annotations: entry ? entry.store.list() : [] };
    try {
      const loaded = parseSidecar(json, text);
      const store = new AnnotationStore(loaded.annotations);
      if (loaded.textChanged) store.reanchorAll(text);
      return { annotations: store.list() };
    } catch (err) {
      return { annotations: [], error: describeError(err) };
    }
  }

  /** Tells the user about orphans they have not heard of. */
  async warnOrphans(uri: vscode.Uri): Promise<void> {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    const fresh = entry.store.list().filter((a) => a.orphaned && !entry.warned.has(a.id));
    if (fresh.length === 0) return;
    for (const a of fresh) entry.warned.add(a.id);
    const show = vscode.l10n.t('Show Orphaned Annotations');
    const choice = await this.notify.warn(
      vscode.l10n.t(
        '{0} annotation(s) of {1} could not be found in the text and are kept, unplaced, in {2}. They come back if their text returns.',
        fresh.length,
        fileName(entry.uri),
        fileName(vscode.Uri.file(entry.sidecar)),
      ),
      show,
    );
    if (choice === show) await this.reviewOrphans(entry.uri);
  }

  /** Lists the report's orphans; the ones the user picks can be deleted. */
  async reviewOrphans(uri: vscode.Uri): Promise<void> {
    const entry = this.entries.get(uri.toString());
    const orphans = entry?.store.list().filter((a) => a.orphaned) ?? [];
    if (!entry || orphans.length === 0) return;
    const picked = await vscode.window.showQuickPick(
      orphans.map((a) => ({
        label: a.tags.length ? a.tags.join(', ') : vscode.l10n.t('(no tags)'),
        description: a.note,
        detail: a.target.exact.length > 120 ? `${a.target.exact.slice(0, 120)}…` : a.target.exact,
        id: a.id,
      })),
      { canPickMany: true, title: vscode.l10n.t('Orphaned annotations: select the ones to delete (the others are kept)') },
    );
    if (!picked || picked.length === 0) return;
    const del = vscode.l10n.t('Delete');
    const sure = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete {0} orphaned annotation(s) of {1}?', picked.length, fileName(uri)),
      { modal: true },
      del,
    );
    if (sure === del) for (const p of picked) entry.store.remove(p.id);
  }

  // -------------------------------------------------------------------------------------------------
  // Loading

  private isReport(document: vscode.TextDocument): boolean {
    if (document.languageId === REPORT_LANGUAGE) return true;
    const path = sidecarPathFor(document.uri);
    return !!path && existsSync(path);
  }

  private onOpen(document: vscode.TextDocument): void {
    if (this.disposed || !sidecarPathFor(document.uri)) return;
    const entry = this.entries.get(document.uri.toString());
    if (entry) {
      // Reopened (or its language changed): the text may have changed on disk while it was closed.
      const text = document.getText();
      if (entry.text !== text) this.reanchor(entry, text, 'reopened');
      return;
    }
    if (this.isReport(document)) this.load(document);
  }

  private load(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    const sidecar = sidecarPathFor(document.uri);
    if (!sidecar) {
      throw new Error(vscode.l10n.t('{0} is not a file on disk; save it as a file to annotate it.', fileName(document.uri)));
    }
    const text = document.getText();
    let annotations: StoredAnnotation[] = [];
    let textChanged = false;
    let misplaced = 0;
    let invalid: string | undefined;
    let onDisk: string | undefined;
    try {
      onDisk = readTextIfExists(sidecar);
      if (onDisk !== undefined) ({ annotations, textChanged, misplaced } = parseSidecar(onDisk, text));
    } catch (err) {
      invalid = describeError(err);
    }
    const store = new AnnotationStore(annotations);
    const entry: Entry = {
      uri: document.uri,
      key,
      sidecar,
      store,
      unsubscribe: () => undefined,
      text,
      syncPending: false,
      dirty: false,
      writing: Promise.resolve(),
      onDisk,
      invalid,
      warned: new Set(),
      verifyPending: false,
    };
    entry.unsubscribe = store.onDidChange(() => this.changed(entry));
    this.entries.set(key, entry);
    if (this.watch) {
      entry.watcher = watchReportFiles(document.uri, {
        report: (kind) => this.onReportFileEvent(entry, kind),
        sidecar: (kind) => this.onSidecarFileEvent(entry, kind),
      });
    }
    if (invalid) this.reportInvalidSidecar(entry, invalid);
    else if (textChanged) this.reanchor(entry, text, misplaced > 0 ? `loaded; ${misplaced} quotes were not at their offsets` : 'loaded');
    // Orphans from an earlier session were reported then; tell again once per session.
    void this.warnOrphans(entry.uri);
    if (annotations.length > 0) this.emitter.fire(entry.uri);
    return entry;
  }

  private reportInvalidSidecar(entry: Entry, message: string): void {
    this.log?.warn(`sidecar ${entry.sidecar} could not be read: ${message}`);
    const open = vscode.l10n.t('Open Sidecar');
    void this.notify
      .error(
        vscode.l10n.t(
          'The annotations of {0} could not be read from {1}: {2}. The file is left as it is; fix it, or it is set aside (renamed) when you next annotate this report.',
          fileName(entry.uri),
          fileName(vscode.Uri.file(entry.sidecar)),
          message,
        ),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(entry.sidecar));
      });
  }

  /** Finds every annotation again in `text` (of unknown history); saves and warns about orphans. */
  private reanchor(entry: Entry, text: string, why: string): void {
    const t0 = performance.now();
    const orphans = entry.store.reanchorAll(text);
    entry.text = text;
    entry.syncPending = false;
    entry.dirty = true;
    this.log?.info(
      `re-anchored ${entry.store.size} annotations of ${entry.uri.fsPath} (${why}) in ${(performance.now() - t0).toFixed(1)} ms; ${orphans.length} orphaned`,
    );
    this.scheduleSave(entry);
    this.emitter.fire(entry.uri);
    void this.warnOrphans(entry.uri);
  }

  private drop(entry: Entry): void {
    clearTimeout(entry.syncTimer);
    clearTimeout(entry.saveTimer);
    clearTimeout(entry.reportTimer);
    clearTimeout(entry.sidecarTimer);
    entry.unsubscribe();
    entry.watcher?.dispose();
    this.entries.delete(entry.key);
  }

  // -------------------------------------------------------------------------------------------------
  // Following the text

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    const changes: TextChange[] = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    entry.store.applyEdits(changes);
    entry.syncPending = true;
    // Positions moved: the sidecar is out of date even if no annotation's text changed.
    if (entry.store.size > 0) entry.dirty = true;
    clearTimeout(entry.syncTimer);
    entry.syncTimer = setTimeout(() => this.syncNow(entry, e.document), this.syncDelay);
  }

  /** Refreshes quotes and looks for orphans, if edits are pending; then checks anchors if asked to. */
  private syncNow(entry: Entry, document: vscode.TextDocument): void {
    clearTimeout(entry.syncTimer);
    entry.syncTimer = undefined;
    if (document.isClosed || this.entries.get(entry.key) !== entry) return;
    const text = document.getText();
    if (entry.syncPending) {
      entry.syncPending = false;
      entry.store.sync(text);
      entry.text = text;
      if (entry.dirty) this.scheduleSave(entry);
      this.emitter.fire(entry.uri);
    } else if (entry.text !== text) {
      // Text we did not see change (should not happen): find everything again.
      this.reanchor(entry, text, 'text out of step');
      return;
    }
    if (entry.verifyPending && !document.isDirty) {
      entry.verifyPending = false;
      this.verify(entry, text);
    }
  }

  /** After a change on disk: re-anchor by quote if any annotation's text is not where it was. */
  private verify(entry: Entry, text: string): void {
    const off = entry.store.list().some((a) => a.orphaned || text.slice(a.target.start, a.target.end) !== a.target.exact);
    if (off) this.reanchor(entry, text, 'changed on disk');
  }

  private onSave(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return;
    this.syncNow(entry, document);
    void this.save(entry);
    void this.warnOrphans(entry.uri);
  }

  private onClose(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return;
    // Closed (or its language changed): keep the store with the text it refers to, and write it now.
    if (entry.syncPending) {
      entry.syncPending = false;
      entry.store.sync(entry.text = document.getText());
    }
    void this.save(entry);
  }

  /**
   * A report renamed or moved in VS Code (explorer, refactoring): its sidecar goes with it. A folder's
   * sidecars move with the folder; only what is in memory needs to follow.
   */
  private async onRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') continue;
      const under = (p: string) => p === oldUri.fsPath || p.startsWith(oldUri.fsPath + sep);
      const moved = [...this.entries.values()].filter((x) => under(x.uri.fsPath));
      for (const entry of moved) {
        await this.save(entry);
        this.drop(entry);
      }
      const from = sidecarPathFor(oldUri)!;
      const to = sidecarPathFor(newUri)!;
      try {
        if (existsSync(from) && !existsSync(to)) renameSync(from, to);
      } catch (err) {
        void this.notify.error(
          vscode.l10n.t('The annotations of {0} could not be moved with it: {1}', fileName(newUri), describeError(err)),
        );
      }
      for (const entry of moved) {
        const now = vscode.Uri.file(newUri.fsPath + entry.uri.fsPath.slice(oldUri.fsPath.length));
        // The document may have opened under its new name before its sidecar got there.
        const early = this.entries.get(now.toString());
        if (early && early.store.size === 0 && !early.invalid) this.drop(early);
        const document = findOpenDocument(now.toString());
        if (document) this.onOpen(document);
        this.emitter.fire(entry.uri);
        this.emitter.fire(now);
      }
    }
  }

  private onReportFileEvent(entry: Entry, kind: 'changed' | 'deleted'): void {
    if (kind === 'deleted') return; // the sidecar stays; the report may come back (git, a rename and back)
    clearTimeout(entry.reportTimer);
    entry.reportTimer = setTimeout(() => {
      if (this.entries.get(entry.key) !== entry) return;
      const document = findOpenDocument(entry.key);
      if (document) {
        // VS Code reloads a document that has no unsaved changes and reports the difference as edits;
        // check the anchors once that text is in (now, if it already is). Read without blocking: this
        // runs on every save too, and a report can be megabytes.
        entry.verifyPending = true;
        readFile(entry.uri.fsPath, 'utf8').then(
          (disk) => disk.replace(/^\uFEFF/, '') === document.getText() && this.syncNow(entry, document),
          () => undefined, // unreadable now: verifyPending stays set, so the next sync checks
        );
        return;
      }
      // Not open: find everything again in the text on disk.
      let text: string | undefined;
      try {
        text = readTextIfExists(entry.uri.fsPath)?.replace(/^\uFEFF/, '');
      } catch (err) {
        this.log?.warn(`cannot read ${entry.uri.fsPath}: ${describeError(err)}`);
      }
      if (text !== undefined && text !== entry.text) this.reanchor(entry, text, 'changed on disk while closed');
    }, 150);
  }

  private onSidecarFileEvent(entry: Entry, kind: 'changed' | 'deleted'): void {
    clearTimeout(entry.sidecarTimer);
    entry.sidecarTimer = setTimeout(() => {
      if (this.entries.get(entry.key) !== entry) return;
      void entry.writing.then(() => this.readSidecarAgain(entry, kind));
    }, 150);
  }

  /** The sidecar changed on disk, not by us. */
  private readSidecarAgain(entry: Entry, kind: 'changed' | 'deleted'): void {
    if (this.entries.get(entry.key) !== entry) return;
    let json: string | undefined;
    try {
      json = readTextIfExists(entry.sidecar);
    } catch (err) {
      this.log?.warn(`cannot read ${entry.sidecar}: ${describeError(err)}`);
      return;
    }
    if (json === entry.onDisk) return; // our own write, or no change
    entry.onDisk = json;
    if (json === undefined) {
      // Deleted outside VS Code. Nothing is forgotten unasked: the annotations stay (and are written
      // again with the next change) unless the user says to forget them.
      const count = entry.store.size;
      if (kind !== 'deleted' || count === 0) return;
      this.log?.info(`sidecar ${entry.sidecar} was deleted; ${count} annotations kept in memory`);
      const keep = vscode.l10n.t('Write Them Again');
      const forget = vscode.l10n.t('Forget Them');
      void this.notify
        .warn(
          vscode.l10n.t('The annotations file of {0} was deleted. Its {1} annotation(s) are still here.', fileName(entry.uri), count),
          keep,
          forget,
        )
        .then((choice) => {
          if (this.entries.get(entry.key) !== entry || entry.onDisk !== undefined) return;
          if (choice === keep) {
            entry.dirty = true;
            void this.save(entry);
          } else if (choice === forget) {
            this.replaceStore(entry, []);
          }
        });
      return;
    }
    const document = findOpenDocument(entry.key);
    const text = document?.getText() ?? entry.text;
    let loaded;
    try {
      loaded = parseSidecar(json, text);
    } catch (err) {
      entry.invalid = describeError(err);
      this.reportInvalidSidecar(entry, entry.invalid);
      return;
    }
    entry.invalid = undefined;
    if (entry.dirty) {
      // Changes on both sides: theirs replace ours annotation by annotation; ours that they lack stay.
      entry.store.merge(loaded.annotations);
      if (loaded.textChanged) entry.store.reanchorAll(text);
      this.scheduleSave(entry);
    } else {
      this.replaceStore(entry, loaded.annotations);
      if (loaded.textChanged) entry.store.reanchorAll(text);
    }
    entry.text = text;
    this.emitter.fire(entry.uri);
    void this.warnOrphans(entry.uri);
  }

  private replaceStore(entry: Entry, annotations: StoredAnnotation[]): void {
    entry.unsubscribe();
    entry.store = new AnnotationStore(annotations);
    entry.unsubscribe = entry.store.onDidChange(() => this.changed(entry));
    entry.syncPending = false;
    entry.dirty = false;
    this.emitter.fire(entry.uri);
  }

  // -------------------------------------------------------------------------------------------------
  // Saving

  private changed(entry: Entry): void {
    entry.dirty = true;
    this.scheduleSave(entry);
    this.emitter.fire(entry.uri);
  }

  private scheduleSave(entry: Entry): void {
    if (this.disposed) return;
    clearTimeout(entry.saveTimer);
    entry.saveTimer = setTimeout(() => void this.save(entry), this.saveDelay);
  }

  /** What to write, or undefined if nothing needs writing. Brings quotes up to date first. */
  private prepare(entry: Entry): string | undefined {
    clearTimeout(entry.saveTimer);
    entry.saveTimer = undefined;
    if (!entry.dirty) return undefined;
    const document = findOpenDocument(entry.key);
    if (document && !document.isClosed && entry.syncPending) this.syncNow(entry, document);
    const annotations = entry.store.list();
    // No file for a report that never had annotations; and an unreadable sidecar is replaced only once
    // the user has annotated (the report's text changing is no reason to set their file aside).
    if (annotations.length === 0 && (entry.invalid || entry.onDisk === undefined)) {
      entry.dirty = false;
      return undefined;
    }
    return serializeSidecar(entry.text, annotations);
  }

  private setAside(entry: Entry): void {
    if (!entry.invalid) return;
    const aside = setAsideInvalidSidecar(entry.sidecar);
    entry.invalid = undefined;
    if (aside) {
      this.log?.warn(`the unreadable sidecar ${entry.sidecar} was renamed to ${aside}`);
      void this.notify.warn(
        vscode.l10n.t('The unreadable annotations file of {0} was kept as {1}; a new one is written.', fileName(entry.uri), fileName(vscode.Uri.file(aside))),
      );
    }
  }

  private save(entry: Entry): Promise<void> {
    // Restricted Mode: the changes wait in memory (dirty) until the workspace is trusted.
    if (!vscode.workspace.isTrusted) return entry.writing;
    entry.writing = entry.writing.then(async () => {
      let json: string | undefined;
      try {
        json = this.prepare(entry);
        if (json === undefined) return;
        entry.dirty = false;
        const t0 = performance.now();
        this.setAside(entry);
        await writeFileAtomic(entry.sidecar, json);
        entry.onDisk = json;
        entry.lastError = undefined;
        this.record(performance.now() - t0, json.length);
      } catch (err) {
        entry.dirty = true;
        this.stats.failures++;
        const message = describeError(err);
        this.log?.error(`cannot write ${entry.sidecar}: ${message}`);
        if (entry.lastError !== message) {
          entry.lastError = message;
          void this.notify.error(
            vscode.l10n.t(
              'The annotations of {0} could not be saved to {1}: {2}. They are kept in memory and saved again at the next change.',
              fileName(entry.uri),
              entry.sidecar,
              message,
            ),
          );
        }
      }
    });
    return entry.writing;
  }

  private record(ms: number, bytes: number): void {
    this.stats.writes++;
    this.stats.lastMs = ms;
    this.stats.maxMs = Math.max(this.stats.maxMs, ms);
    this.stats.lastBytes = bytes;
  }

  /** Stops listening; anything not yet written is written synchronously (the host may be going away). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const entry of this.entries.values()) {
      try {
        const json = vscode.workspace.isTrusted ? this.prepare(entry) : undefined;
        if (json !== undefined) {
          this.setAside(entry);
          writeFileAtomicSync(entry.sidecar, json);
          entry.onDisk = json;
          entry.dirty = false;
        }
      } catch (err) {
        this.log?.error(`cannot write ${entry.sidecar} on shutdown: ${describeError(err)}`);
      }
      this.drop(entry);
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * The annotating half of the extension: the manager (what the API calls `annotations`), the tag
 * decorations, the tagging commands and export/import. Everything is disposed with the extension.
 */
export function registerAnnotations(
  context: vscode.ExtensionContext,
  analysis: ReportAnalysisProvider,
  log?: vscode.LogOutputChannel,
): AnnotationManager {
  const manager = new AnnotationManager({ log });
  const decorator = new TagDecorator(manager);
  manager.decorator = decorator;
  context.subscriptions.push(manager, decorator);
  manager.commands = registerAnnotationCommands(context, manager, analysis);
  registerExportImport(context, manager, analysis);
  return manager;
}
