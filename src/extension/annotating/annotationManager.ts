// The registry of reports' annotations: one ReportAnnotations per report (reportAnnotations.ts), created
// when a report opens, and the workspace events routed to it by URI (open, edit, save, close, rename).
// What the extension's API calls `annotations`; the commands, export/import and views ask it for a
// report's store.
import { existsSync, renameSync } from 'node:fs';
import { basename, sep } from 'node:path';
import * as vscode from 'vscode';
import { AnnotationStore, type StoredAnnotation } from '../../core/annotations';
import { parseSidecar, readTextIfExists } from '../../core/sidecar';
import { errorMessage } from '../../core/text';
import type { Annotation } from '../../core/types';
import type { ReportAnnotationProvider } from '../api';
import { findOpenDocument, uriBasename } from '../common/documents';
import { REPORT_LANGUAGE } from '../common/language';
import { reviewOrphans, warnOrphans } from './orphanPrompts';
import { ReportAnnotations } from './reportAnnotations';
import type { ReportHost, SaveStats } from './reportHost';
import type { Notifier } from './sidecarMessages';
import { setAsideSidecar, sidecarPathFor } from './sidecarFiles';

export type { SaveStats } from './reportHost';
export type { Notifier } from './sidecarMessages';

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

const windowNotifier: Notifier = {
  warn: (m, ...a) => vscode.window.showWarningMessage(m, ...a),
  error: (m, ...a) => vscode.window.showErrorMessage(m, ...a),
};

export class AnnotationManager implements ReportAnnotationProvider, ReportHost, vscode.Disposable {
  private readonly reports = new Map<string, ReportAnnotations>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watch: boolean;
  readonly saveDelay: number;
  readonly syncDelay: number;
  readonly notify: Notifier;
  readonly log?: vscode.LogOutputChannel;
  disposed = false;
  readonly stats: SaveStats = { writes: 0, lastMs: 0, maxMs: 0, lastBytes: 0, failures: 0 };

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
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.reports.get(e.document.uri.toString())?.edited(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.reports.get(d.uri.toString())?.saved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.reports.get(d.uri.toString())?.closed(d)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.flush()),
    );
    // The reports already open are loaded just after activation, not on its path.
    const initial = setTimeout(() => {
      for (const d of vscode.workspace.textDocuments) this.onOpen(d);
    }, 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  // -------------------------------------------------------------------------------------------------
  // ReportAnnotationProvider

  /** Anchored annotations of the report, UTF-16 offsets into its current text (orphans: see orphans()). */
  list(uri: vscode.Uri): readonly Annotation[] {
    return this.reports.get(uri.toString())?.store.anchored() ?? [];
  }

  /** Annotations of the report whose text could not be found; kept in the sidecar. */
  orphans(uri: vscode.Uri): readonly StoredAnnotation[] {
    return this.reports.get(uri.toString())?.store.list().filter((a) => a.orphaned) ?? [];
  }

  /** Every annotation, orphans included. */
  all(uri: vscode.Uri): readonly StoredAnnotation[] {
    return this.reports.get(uri.toString())?.store.list() ?? [];
  }

  // -------------------------------------------------------------------------------------------------
  // For the commands, the export/import and the tests

  /** Whether annotations of this document can be kept (it is a file on disk). */
  canAnnotate(document: vscode.TextDocument): boolean {
    return sidecarPathFor(document.uri) !== undefined;
  }

  /** The report URIs whose annotations are in memory. */
  loadedReports(): vscode.Uri[] {
    return [...this.reports.values()].map((r) => r.uri);
  }

  /**
   * The store of the document, loaded from its sidecar if needed, positions for the document's current
   * text. Throws if the document is not a file on disk.
   */
  storeFor(document: vscode.TextDocument): AnnotationStore {
    const report = this.load(document);
    report.sync(document);
    return report.store;
  }

  /** The sidecar could not be read (message), if so. Its annotations are not in memory. */
  invalidSidecar(uri: vscode.Uri): string | undefined {
    return this.reports.get(uri.toString())?.invalid;
  }

  /** Writes every pending sidecar (or the one of `uri`) now, positions moved by unsaved edits too; resolves when they are on disk. */
  async flush(uri?: vscode.Uri): Promise<void> {
    const targets = uri ? [this.reports.get(uri.toString())].filter((r): r is ReportAnnotations => !!r) : [...this.reports.values()];
    await Promise.all(targets.map((r) => r.save(true)));
  }

  /** Forgets what is in memory for the report and reads its sidecar again (what a restart does). Pending changes are written first. */
  async reload(uri: vscode.Uri): Promise<void> {
    const report = this.reports.get(uri.toString());
    if (report) {
      await report.save(true);
      this.drop(report);
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
    const report = this.reports.get(uri.toString());
    const inMemory = report?.annotationsFor(text);
    if (inMemory) return { annotations: inMemory, ...(report!.invalid && { error: report!.invalid }) };
    const path = sidecarPathFor(uri);
    try {
      const json = path && readTextIfExists(path);
      if (!json) return { annotations: report ? report.store.list() : [] };
      const loaded = parseSidecar(json, text);
      const store = new AnnotationStore(loaded.annotations);
      if (loaded.textChanged) store.reanchorAll(text);
      return { annotations: store.list() };
    } catch (err) {
      return { annotations: [], error: errorMessage(err) };
    }
  }

  /** Tells the user about orphans they have not heard of. */
  async warnOrphans(uri: vscode.Uri): Promise<void> {
    const report = this.reports.get(uri.toString());
    if (report) await warnOrphans(report, this.notify);
  }

  /** Lists the report's orphans; the ones the user picks can be deleted. */
  async reviewOrphans(uri: vscode.Uri): Promise<void> {
    const report = this.reports.get(uri.toString());
    if (report) await reviewOrphans(report);
  }

  // -------------------------------------------------------------------------------------------------
  // ReportHost: what each report's object calls back

  isCurrent(report: ReportAnnotations): boolean {
    return this.reports.get(report.key) === report;
  }

  changed(uri: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  orphansFound(uri: vscode.Uri): void {
    void this.warnOrphans(uri);
  }

  // -------------------------------------------------------------------------------------------------
  // Routing

  /** govreport documents, and any file that has a sidecar, get their annotations loaded. */
  private isReport(document: vscode.TextDocument): boolean {
    if (document.languageId === REPORT_LANGUAGE) return true;
    const path = sidecarPathFor(document.uri);
    return !!path && existsSync(path);
  }

  private onOpen(document: vscode.TextDocument): void {
    if (this.disposed || !sidecarPathFor(document.uri)) return;
    const report = this.reports.get(document.uri.toString());
    if (report) report.reopened(document);
    else if (this.isReport(document)) this.load(document);
  }

  private load(document: vscode.TextDocument): ReportAnnotations {
    const existing = this.reports.get(document.uri.toString());
    if (existing) return existing;
    const sidecar = sidecarPathFor(document.uri);
    if (!sidecar) {
      throw new Error(vscode.l10n.t('{0} is not a file on disk; save it as a file to annotate it.', uriBasename(document.uri)));
    }
    const report = new ReportAnnotations(document.uri, sidecar, document.getText(), this, this.watch);
    // Held before it starts, so its first events (orphans, changes) find it current.
    this.reports.set(report.key, report);
    report.start();
    return report;
  }

  private drop(report: ReportAnnotations): void {
    report.dispose();
    if (this.isCurrent(report)) this.reports.delete(report.key);
  }

  /**
   * A report renamed or moved in VS Code (explorer, refactoring): its sidecar goes with it. A folder's
   * sidecars move with the folder; only what is in memory needs to follow.
   */
  private async onRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') continue;
      const under = (p: string) => p === oldUri.fsPath || p.startsWith(oldUri.fsPath + sep);
      const moved = [...this.reports.values()].filter((r) => under(r.uri.fsPath));
      for (const report of moved) {
        // (In a renamed folder its sidecar moved with it: what is pending goes there. Written to the old path, which
        // is gone, it failed, and the report was dropped with it.)
        if (report.uri.fsPath !== oldUri.fsPath) report.movedTo(sidecarPathFor(vscode.Uri.file(newUri.fsPath + report.uri.fsPath.slice(oldUri.fsPath.length)))!);
        await report.save();
        this.drop(report);
      }
      const from = sidecarPathFor(oldUri)!;
      const to = sidecarPathFor(newUri)!;
      let replaced: string | undefined;
      try {
        if (existsSync(from)) {
          // A sidecar under the new name is a report's that was deleted or moved away (kept in case it came back):
          // kept aside, not taken for this report's (its annotations vanished, the other's were anchored in this text).
          replaced = setAsideSidecar(to, new Date(), 'replaced');
          renameSync(from, to);
        }
      } catch (err) {
        void this.notify.error(vscode.l10n.t('The annotations of {0} could not be moved with it: {1}', uriBasename(newUri), errorMessage(err)));
      }
      if (replaced) {
        void this.notify.warn(vscode.l10n.t('{0} already had annotations under its new name, of an earlier report of that name: they are kept as {1}.', uriBasename(newUri), basename(replaced)));
      }
      for (const report of moved) {
        const now = vscode.Uri.file(newUri.fsPath + report.uri.fsPath.slice(oldUri.fsPath.length));
        // The document may have opened under its new name before its sidecar got there (with the one set aside, if any).
        const early = this.reports.get(now.toString());
        if (early && ((early.store.size === 0 && !early.invalid) || replaced)) this.drop(early);
        const document = findOpenDocument(now.toString());
        if (document) this.onOpen(document);
        this.emitter.fire(report.uri);
        this.emitter.fire(now);
      }
    }
  }

  /** Stops listening; anything not yet written is written synchronously (the host may be going away). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const report of this.reports.values()) report.saveNowAndDispose();
    this.reports.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
