// Every tag of the workspace, from all sidecars: a report whose annotations are in memory counts as it is
// there (unsaved changes included), any other by its sidecar file, read without opening the report. Kept
// up to date by the annotation manager's events and a watcher on the sidecar files; the Tags view and the
// matrices read it. Reports' metadata (year, region) come from their first lines (core/metadata), cached
// by modification time.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { UsageAnnotation, UsageReport } from '../../core/coding/tagMatrix';
import type { ReportMeta } from '../../core/coding/codedReport';
import { reportMeta } from '../../core/metadata';
import { parseJsonText, parseSidecarFile } from '../../core/schema';
import { errorMessage } from '../../core/text';
import type { AnnotationManager } from '../annotating/annotationManager';
import { findWorkspaceSidecars, reportPathForSidecar, SIDECAR_SUFFIX } from '../annotating/sidecarFiles';
import { watchSoon } from '../common/watchSoon';
import { codebookReportPath } from './codebookService';

export interface IndexedReport extends UsageReport {
  uri: vscode.Uri;
  /** Its path from its workspace folder, with / (what memos and exports call it). */
  path: string;
  /** The sidecar could not be read. */
  error?: string;
}

const HEAD_CHARS = 6000;

export class WorkspaceTags implements vscode.Disposable {
  private readonly byUri = new Map<string, IndexedReport>();
  private readonly metaCache = new Map<string, { mtime: number; meta?: ReportMeta }>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> | undefined;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly manager: AnnotationManager) {
    const fromSidecar = (uri: vscode.Uri) => {
      const report = reportPathForSidecar(uri.fsPath);
      if (report) this.schedule(vscode.Uri.file(report));
    };
    this.disposables.push(
      this.emitter,
      watchSoon(`**/*${SIDECAR_SUFFIX}`, { create: fromSidecar, change: fromSidecar, delete: fromSidecar }),
      manager.onDidChange((uri) => this.schedule(uri)),
    );
  }

  /** The reports with annotations (or an unreadable sidecar), in path order. */
  reports(): IndexedReport[] {
    return [...this.byUri.values()].filter((r) => r.annotations.length > 0 || r.error).sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * Reads every sidecar of the workspace again (the first call, and Refresh). `afterActivation`: the scan
   * starts once activation has returned (settled() waits for it all the same).
   */
  refresh(options?: { afterActivation?: boolean }): Promise<void> {
    this.scanning ??= (async () => {
      try {
        if (options?.afterActivation) await new Promise((resolve) => setTimeout(resolve, 0));
        const found = new Map<string, vscode.Uri>();
        for (const sidecar of await findWorkspaceSidecars()) {
          const report = reportPathForSidecar(sidecar.fsPath);
          if (report) found.set(vscode.Uri.file(report).toString(), vscode.Uri.file(report));
        }
        for (const uri of this.manager.loadedReports()) if (vscode.workspace.getWorkspaceFolder(uri)) found.set(uri.toString(), uri);
        this.byUri.clear();
        await Promise.all([...found.values()].map((uri) => this.update(uri)));
      } finally {
        this.scanning = undefined;
      }
      this.emitter.fire();
    })();
    return this.scanning;
  }

  /** Resolves when changes reported so far are in the index (tests, and commands that read it). */
  async settled(): Promise<void> {
    if (this.scanning) await this.scanning;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.flushDirty();
    }
  }

  private schedule(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    this.dirty.add(uri.toString());
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushDirty();
    }, 500);
  }

  private async flushDirty(): Promise<void> {
    const uris = [...this.dirty].map((u) => vscode.Uri.parse(u));
    this.dirty.clear();
    await Promise.all(uris.map((uri) => this.update(uri)));
    if (uris.length > 0) this.emitter.fire();
  }

  private async update(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const path = codebookReportPath(uri);
    let annotations: UsageAnnotation[] = [];
    let error: string | undefined;
    if (this.manager.loadedReports().some((u) => u.toString() === uri.toString()) && !this.manager.invalidSidecar(uri)) {
      annotations = this.manager.all(uri).map((a) => ({ id: a.id, tags: a.tags, exact: a.target.exact, start: a.target.start, end: a.target.end, orphaned: a.orphaned }));
    } else {
      try {
        const text = await fs.readFile(uri.fsPath + SIDECAR_SUFFIX, 'utf8');
        annotations = parseSidecarFile(parseJsonText(text)).annotations.map((a) => ({
          id: a.id,
          tags: a.tags,
          exact: a.target.exact,
          start: a.target.start,
          end: a.target.end,
          orphaned: a.orphaned,
        }));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') error = errorMessage(err);
      }
    }
    if (annotations.length === 0 && !error) {
      this.byUri.delete(uri.toString());
      return;
    }
    this.byUri.set(uri.toString(), { report: uri.toString(), uri, path, annotations, meta: await this.metaOf(uri), ...(error && { error }) });
  }

  /** The report's year and region from its first lines; undefined if it cannot be read. */
  async metaOf(uri: vscode.Uri): Promise<ReportMeta | undefined> {
    try {
      const { mtimeMs } = await fs.stat(uri.fsPath);
      const cached = this.metaCache.get(uri.fsPath);
      if (cached?.mtime === mtimeMs) return cached.meta;
      // Only the first lines are read (a UTF-8 character is at most 4 bytes; a cut one at the end is dropped).
      const handle = await fs.open(uri.fsPath, 'r');
      let head: string;
      try {
        const buffer = Buffer.alloc(HEAD_CHARS * 4);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        head = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead)).replace(/^\uFEFF/, '').slice(0, HEAD_CHARS);
      } finally {
        await handle.close();
      }
      const title = head.split('\n').find((l) => l.trim() !== '')?.trim();
      const { year, region, level, genre } = reportMeta(head, title);
      const meta: ReportMeta = { ...(year !== undefined && { year }), ...(region && { region }), ...(level && { level }), genre };
      this.metaCache.set(uri.fsPath, { mtime: mtimeMs, meta });
      return meta;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
