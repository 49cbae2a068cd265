// Export the annotations (with the analysis) of the current report or of every report in the workspace as
// an AnnotationSet (spec.md: code point offsets, validated by the zod schema before anything is written,
// written atomically), and import such a set (everything checked first; on any problem nothing changes).
// For tests and scripts the commands take a path instead of showing a dialog:
//   executeCommand('reportAnnotator.exportAnnotations', { target: '/tmp/a.json', uri? })
//   executeCommand('reportAnnotator.exportWorkspaceAnnotations', { target: '/tmp/all.json' })
//   executeCommand('reportAnnotator.importAnnotations', { source: '/tmp/a.json' })
import { promises as fs } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import type { StoredAnnotation } from '../../core/annotations';
import { writeFileAtomic } from '../../core/atomicWrite';
import { exportTarget } from '../common/exportTarget';
import { stripBom } from '../../core/bom';
import { errorMessage } from '../../core/text';
import { buildAnnotationSet, buildDocumentExport } from '../../core/exportSet';
import { importAnnotationSet, parseAnnotationSetJson } from '../../core/importSet';
import { JsonSyntaxError, SchemaError, type DocumentExport } from '../../core/schema';
import { decodeReport } from '../../core/reportInput';
import type { Annotation, DocumentAnalysis } from '../../core/types';
import type { AnnotationManager } from './annotationManager';
import { findWorkspaceSidecars, reportPathForSidecar } from './sidecarFiles';
import type { ReportAnalysisProvider } from '../api';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { describeProblem } from '../common/problems';
import { commandEditor, documentForArgument, findOpenDocument, isInWorkspace, uriBasename } from '../common/documents';
import { REPORT_LANGUAGE } from '../common/language';
import { HEAD_CHARS, looksLikeReport } from '../../core/detection';
import { annotationsText, exportedText, reportsText } from '../common/counts';

/** Bytes read of a .txt file to have the HEAD_CHARS UTF-16 units the detection looks at (4 a unit: more than UTF-8 needs). */
const HEAD_BYTES = 4 * HEAD_CHARS;
const EXPORT_SUFFIX = '.report-annotations.json';

export interface ExportArgs {
  /** Where to write (a file path); without it a save dialog asks. */
  target?: string;
  /** The report to export (exportAnnotations); without it the active editor's. */
  uri?: vscode.Uri | string;
}

export interface ImportArgs {
  /** The file to import; without it an open dialog asks. */
  source?: string;
}

export interface ExportResult {
  path?: string;
  documents: number;
  annotations: number;
  /** Orphaned annotations (text not found) are not exported: their offsets would be wrong. */
  orphansLeftOut: number;
  /** Reports of a workspace export that could not be read or analysed, each with the reason. */
  skipped?: string[];
  error?: string;
}

const NO_EXPORT: ExportResult = { documents: 0, annotations: 0, orphansLeftOut: 0 };

export interface ImportResult {
  documents: number;
  added: number;
  replaced: number;
  /** Same text as an annotation already there (another id): tags and notes joined into that one. */
  merged: number;
  orphaned: number;
  error?: string;
}

const NO_IMPORT: ImportResult = { documents: 0, added: 0, replaced: 0, merged: 0, orphaned: 0 };

/**
 * The `uri` the export writes for a report: relative to its workspace folder (after the folder's name in a workspace of
 * several: reports/2024.txt of two folders are two reports), else the absolute path.
 */
export function exportedUri(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && uri.scheme === 'file') {
    const rel = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    if (!isAbsolute(rel)) return rel.split('\\').join('/');
  }
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** Lists at most `limit` issues of a SchemaError, one per line. */
export function formatProblem(err: unknown, limit = 6): string {
  if (err instanceof SchemaError) {
    const lines = err.issues.slice(0, limit).map((i) => `${i.path || '(root)'}: ${i.message}`);
    if (err.issues.length > limit) lines.push(vscode.l10n.t('… and {0} more', err.issues.length - limit));
    return lines.join('\n');
  }
  if (err instanceof JsonSyntaxError) return vscode.l10n.t('not valid JSON ({0})', err.message);
  return errorMessage(err);
}

export class ExportImport {
  constructor(
    private readonly manager: AnnotationManager,
    private readonly analysis: ReportAnalysisProvider,
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable {
    const exported = { writes: true, log: this.log, describe: formatProblem, failed: (error: string): ExportResult => ({ ...NO_EXPORT, error }) };
    const imported = { writes: true, log: this.log, describe: formatProblem, failed: (error: string): ImportResult => ({ ...NO_IMPORT, error }) };
    return vscode.Disposable.from(
      registerCommand('reportAnnotator.exportAnnotations', (a) => this.exportCurrent(argumentObject(a, 'uri')), exported),
      registerCommand('reportAnnotator.exportWorkspaceAnnotations', (a) => this.exportWorkspace(argumentObject(a)), exported),
      registerCommand('reportAnnotator.importAnnotations', (a) => this.importSet(argumentObject(a, 'source', (uri) => uri.fsPath)), imported),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Export

  async exportCurrent(args: ExportArgs): Promise<ExportResult> {
    const document = args.uri !== undefined ? await documentForArgument(args.uri) : commandEditor()?.document;
    if (!document) throw new UserError(vscode.l10n.t('Open a report first.'));
    const asked = args.target ?? (await this.askTarget(defaultExportUri(document.uri)));
    if (!asked) return { ...NO_EXPORT, error: 'cancelled' };
    const target = exportTarget(asked, ['json']);
    try {
      const { doc, orphans } = await this.exportDocument(document);
      return await this.write(target, [doc], orphans);
    } catch (err) {
      throw new Error(vscode.l10n.t('The annotations could not be exported: {0}', formatProblem(err)));
    }
  }

  async exportWorkspace(args: ExportArgs): Promise<ExportResult> {
    const empty = NO_EXPORT;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) throw new UserError(vscode.l10n.t('Open a folder with reports first.'));
    const asked =
      args.target ?? (await this.askTarget(vscode.Uri.joinPath(folders[0].uri, `${vscode.workspace.name ?? 'workspace'}${EXPORT_SUFFIX}`)));
    if (!asked) return { ...empty, error: 'cancelled' };
    const target = exportTarget(asked, ['json']);
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the annotations of the workspace'), cancellable: true },
      async (progress, token) => {
        const reports = await this.workspaceReports(token);
        const docs: DocumentExport[] = [];
        const skipped: string[] = [];
        let orphans = 0;
        for (const [i, uri] of reports.entries()) {
          if (token.isCancellationRequested) return { ...empty, error: 'cancelled' };
          progress.report({ message: `${uriBasename(uri)} (${i + 1}/${reports.length})`, increment: 100 / reports.length });
          try {
            const result = await this.exportReport(uri);
            docs.push(result.doc);
            orphans += result.orphans;
          } catch (err) {
            // One report that cannot be read or analysed does not sink the others; the message names it.
            skipped.push(`${uriBasename(uri)}: ${formatProblem(err)}`);
          }
        }
        if (docs.length === 0 && skipped.length === 0) throw new UserError(vscode.l10n.t('There are no reports in the workspace.'));
        if (docs.length === 0) throw new Error(vscode.l10n.t('The annotations could not be exported: {0}', skipped.join('; ')));
        return this.write(target, docs, orphans, skipped);
      },
    );
  }

  /**
   * The reports of the workspace: open govreport documents, reports with a sidecar, reports whose
   * annotations are in memory, and .txt/.govreport files that the detection recognises as reports.
   */
  async workspaceReports(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    const add = (uri: vscode.Uri) => {
      if (uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri)) found.set(uri.toString(), uri);
    };
    for (const d of vscode.workspace.textDocuments) if (d.languageId === REPORT_LANGUAGE) add(d.uri);
    for (const uri of this.manager.loadedReports()) if (this.manager.all(uri).length > 0) add(uri);
    for (const sidecar of await findWorkspaceSidecars(token)) {
      const report = reportPathForSidecar(sidecar.fsPath);
      if (report && (await exists(report))) add(vscode.Uri.file(report));
    }
    const files = await vscode.workspace.findFiles('**/*.{txt,govreport}', undefined, 5000, token);
    for (const uri of files) {
      if (found.has(uri.toString()) || /[\\/]node_modules[\\/]/.test(uri.fsPath)) continue;
      if (uri.path.endsWith('.govreport') || looksLikeReport(await readHead(uri.fsPath))) add(uri);
    }
    return [...found.values()].sort((a, b) => exportedUri(a).localeCompare(exportedUri(b)));
  }

  /**
   * One report of the workspace export: an open report as it is in its editor (unsaved edits included,
   * which its annotations in memory refer to), any other as it is on disk. It is never opened for this:
   * opening a .txt lets the detection switch its language, which closes and reopens the document.
   */
  private async exportReport(uri: vscode.Uri): Promise<{ doc: DocumentExport; orphans: number }> {
    const open = findOpenDocument(uri.toString());
    if (open) return this.exportDocument(open);
    const text = decodeReport(await fs.readFile(uri.fsPath), uriBasename(uri));
    return this.exportText(uri, text, await this.analysis.analyzeText(text));
  }

  /** One report's export entry; orphans are left out (counted). */
  private async exportDocument(document: vscode.TextDocument): Promise<{ doc: DocumentExport; orphans: number }> {
    // The analysis and the annotations must be of the same text.
    const { text, analysis } = await this.analysis.analyzeSnapshot(document, { complete: true });
    return this.exportText(document.uri, text, analysis, this.manager.canAnnotate(document));
  }

  /** The export entry of `text` (the report's text now) with its analysis and the annotations for that text. */
  private exportText(uri: vscode.Uri, text: string, analysis: DocumentAnalysis, annotatable = true): { doc: DocumentExport; orphans: number } {
    let all: StoredAnnotation[] = [];
    if (annotatable) {
      const peeked = this.manager.peekAnnotations(uri, text);
      if (peeked.error) throw new Error(vscode.l10n.t('the annotations of {0} could not be read: {1}', uriBasename(uri), peeked.error));
      all = peeked.annotations;
    }
    const anchored: Annotation[] = all.filter((a) => !a.orphaned).map(({ orphaned: _o, ...a }) => a);
    const doc = buildDocumentExport({ uri: exportedUri(uri), text, analysis, annotations: anchored });
    return { doc, orphans: all.length - anchored.length };
  }

  private async write(target: string, docs: DocumentExport[], orphans: number, skipped: string[] = []): Promise<ExportResult> {
    const set = buildAnnotationSet(docs); // validated by the zod schema; throws SchemaError otherwise
    await writeFileAtomic(target, `${JSON.stringify(set, null, 2)}\n`);
    const annotations = docs.reduce((n, d) => n + d.annotations.length, 0);
    const annotated = docs.filter((d) => d.annotations.length > 0).length;
    let message = exportedText(annotations, annotated, target, orphans);
    if (docs.length > annotated) message += ' ' + vscode.l10n.t('The analysis of {0} is in it too.', reportsText(docs.length));
    if (skipped.length > 0) message += ' ' + vscode.l10n.t('{0} could not be exported: {1}', reportsText(skipped.length), skipped.join('; '));
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(message, open).then((c) => {
      if (c === open) void vscode.window.showTextDocument(vscode.Uri.file(target));
    });
    return { path: target, documents: docs.length, annotations, orphansLeftOut: orphans, ...(skipped.length > 0 && { skipped }) };
  }

  private async askTarget(defaultUri: vscode.Uri): Promise<string | undefined> {
    const uri = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { [vscode.l10n.t('Report annotations')]: ['json'] },
      title: vscode.l10n.t('Export Annotations'),
    });
    return uri?.fsPath;
  }

  // -------------------------------------------------------------------------------------------------
  // Import

  async importSet(args: ImportArgs): Promise<ImportResult> {
    const none = NO_IMPORT;
    let source = args.source;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Report annotations')]: ['json'] },
        title: vscode.l10n.t('Import Annotations'),
      });
      if (!picked?.[0]) return { ...none, error: 'cancelled' };
      source = picked[0].fsPath;
    }
    const name = source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    // One translated sentence for the user (file, field, what was expected); every detail in the log.
    const fail = (problem: unknown): never => {
      const { summary, details } = describeProblem(problem, name);
      this.log?.warn(`nothing was imported from ${source}:\n${details}`);
      throw new Error(vscode.l10n.t('Nothing was imported: {0}', summary));
    };
    // 1. Read and check everything; nothing changes until all of it is right.
    let json: string;
    try {
      json = await fs.readFile(source, 'utf8');
    } catch (err) {
      return fail(err);
    }
    let uris: string[];
    try {
      uris = parseAnnotationSetJson(json).documents.map((d) => d.uri);
    } catch (err) {
      return fail(err);
    }
    // Only reports inside the workspace folders: an import is data, and its uris must not make us read a
    // file elsewhere (its text would be quoted into a new sidecar) or write beside it.
    const refused: { path: string; message: string }[] = [];
    const documents = new Map<string, vscode.TextDocument>();
    for (const [i, uri] of uris.entries()) {
      const resolved = await resolveReport(uri, source);
      if (resolved === 'outside') refused.push({ path: `documents[${i}].uri`, message: vscode.l10n.t('{0} is outside the workspace folders', uri) });
      else if (resolved) documents.set(uri, findOpenDocument(resolved.toString()) ?? (await vscode.workspace.openTextDocument(resolved)));
    }
    if (refused.length > 0) return fail(new SchemaError(refused));
    const unusable = [...documents.values()].filter((d) => !this.manager.canAnnotate(d));
    if (unusable.length > 0) return fail(new Error(vscode.l10n.t('{0} is not a file on disk', uriBasename(unusable[0].uri))));
    let imported;
    try {
      imported = importAnnotationSet(json, (uri) => documents.get(uri)?.getText());
    } catch (err) {
      return fail(err);
    }
    // 2. Merge: the same id replaces, new ones are added.
    const result: ImportResult = { ...none, documents: imported.length };
    for (const doc of imported) {
      const document = documents.get(doc.uri)!;
      const counts = this.manager.storeFor(document).merge(doc.annotations);
      result.added += counts.added;
      result.replaced += counts.replaced;
      result.merged += counts.merged;
      result.orphaned += doc.annotations.filter((a) => a.orphaned).length;
    }
    await this.manager.flush();
    for (const doc of imported) void this.manager.warnOrphans(documents.get(doc.uri)!.uri);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Imported {0} into {1}: {2} new, {3} replaced, {4} joined with an annotation of the same text, {5} not found in the text (kept as orphans).',
        annotationsText(result.added + result.replaced + result.merged),
        reportsText(result.documents),
        result.added,
        result.replaced,
        result.merged,
        result.orphaned,
      ),
    );
    return result;
  }
}

/**
 * A report named in an import: a file URI, an absolute path, or a path relative to a workspace folder (or
 * to the imported file). 'outside' when it names anything outside the workspace folders (another scheme,
 * a path that leaves them by `..` or a symbolic link); undefined when there is no such file.
 */
async function resolveReport(uri: string, source: string): Promise<vscode.Uri | 'outside' | undefined> {
  let candidates: string[];
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) {
    const parsed = vscode.Uri.parse(uri);
    if (parsed.scheme !== 'file') return 'outside';
    candidates = [parsed.fsPath];
  } else if (isAbsolute(uri)) {
    candidates = [uri];
  } else {
    // In a workspace of several folders: the folder the uri names first, then the one the import file is in (an export
    // without folder names), then the others: each folder's reports/2024.txt is its own.
    const folders = [...(vscode.workspace.workspaceFolders ?? [])];
    const first = uri.split('/')[0];
    const named = folders.length > 1 ? folders.find((f) => f.name === first) : undefined;
    const own = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(source));
    const rank = (f: vscode.WorkspaceFolder) => (f.uri.toString() === own?.uri.toString() ? 0 : 1);
    candidates = [
      ...(named ? [join(named.uri.fsPath, uri.slice(first.length + 1))] : []),
      ...folders.sort((a, b) => rank(a) - rank(b)).map((f) => join(f.uri.fsPath, uri)),
      join(source, '..', uri),
    ];
  }
  const inside = candidates.map((path) => vscode.Uri.file(path)).filter(isInWorkspace);
  if (inside.length === 0) return 'outside';
  for (const file of inside) if (await exists(file.fsPath)) return file;
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readHead(path: string): Promise<string> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return stripBom(new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead))).slice(0, HEAD_CHARS);
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

function defaultExportUri(report: vscode.Uri): vscode.Uri {
  const name = uriBasename(report).replace(/\.[^.]*$/, '');
  return report.scheme === 'file' ? vscode.Uri.joinPath(report, '..', `${name}${EXPORT_SUFFIX}`) : vscode.Uri.file(`${name}${EXPORT_SUFFIX}`);
}
