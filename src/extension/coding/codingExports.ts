// Exports other tools read, of the current report, a selection of reports (explorer multi-select) or the
// workspace: REFI-QDA .qdpx (MAXQDA, NVivo, ATLAS.ti, QualCoder), W3C Web Annotation JSON-LD, and the CSV
// annotation table of spec.md; with the codebook (colours, hierarchy, memos) and the reports' metadata.
// And the import of a .qdpx or JSON-LD made by another tool: everything is read and placed first (by
// position, checked by quote), only reports inside the workspace folders are matched, and only then are
// the codebook and the annotations changed; what could not be placed is reported.
//   executeCommand('reportAnnotator.exportQdpx', { target: '/tmp/p.qdpx', scope: 'workspace' | 'current', uris? })
//   executeCommand('reportAnnotator.importCoding', { source: '/tmp/p.qdpx' })
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { StoredAnnotation } from '../../core/annotations';
import { writeFileAtomic } from '../../core/atomicWrite';
import { exportTarget } from '../common/exportTarget';
import { type Codebook, emptyCodebook, type Memo } from '../../core/coding/codebookSchema';
import { reportMemo, tagMemo, withTags } from '../../core/coding/codebook';
import { tagKey } from '../../core/coding/tagNames';
import type { CodedReport, CodingProject, ReportText } from '../../core/coding/codedReport';
import { buildQdpx } from '../../core/coding/qdpxExport';
import { importQdpx, QdpxError } from '../../core/coding/qdpxImport';
import { buildWebAnnotationCollection, importWebAnnotations } from '../../core/coding/webAnnotation';
import { decodeReport } from '../../core/reportInput';
import { ANNOTATION_COLUMNS, annotationRows, csvRecord } from '../../core/tables';
import { errorMessage } from '../../core/text';
import type { AnnotationManager } from '../annotating/annotationManager';
import { configuredTags, tagColor } from '../annotating/tagSettings';
import type { ExportImport } from '../annotating/exportImport';
import { exportedUri, formatProblem } from '../annotating/exportImport';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { describeProblem } from '../common/problems';
import { commandEditor, findOpenDocument, isInWorkspace, toUri, uriBasename } from '../common/documents';
import { type CodebookService, codebookReportPath } from './codebookService';
import type { WorkspaceTags } from './workspaceTags';
import { annotationsText, exportedText, reportsText, sourcesText, tagsText } from '../common/counts';

export type CodingFormat = 'qdpx' | 'jsonld' | 'csv';

export interface CodingExportArgs {
  target?: string;
  scope?: 'current' | 'workspace';
  uris?: (vscode.Uri | string)[];
}

export interface CodingExportResult {
  path?: string;
  reports: number;
  annotations: number;
  /** Annotations left out (orphans), with the reason. */
  skipped: number;
  message?: string;
}

export interface CodingImportResult {
  reports: number;
  added: number;
  tags: number;
  /** Selections or annotations that could not be placed, each with its reason. */
  unplaced: string[];
  unmatchedSources: string[];
  message?: string;
}

const EXTENSIONS: Record<CodingFormat, string> = { qdpx: 'qdpx', jsonld: 'jsonld', csv: 'csv' };

export class CodingExports {
  constructor(
    private readonly manager: AnnotationManager,
    private readonly exportImport: ExportImport,
    private readonly codebooks: CodebookService,
    private readonly index: WorkspaceTags,
    private readonly createCodebook: (uri?: vscode.Uri) => Promise<unknown>,
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable {
    const exported = { writes: true, log: this.log, describe: formatProblem, failed: (message: string): CodingExportResult => ({ reports: 0, annotations: 0, skipped: 0, message }) };
    const imported = {
      writes: true,
      log: this.log,
      describe: formatProblem,
      failed: (message: string): CodingImportResult => ({ reports: 0, added: 0, tags: 0, unplaced: [], unmatchedSources: [], message }),
    };
    return vscode.Disposable.from(
      ...(['qdpx', 'jsonld', 'csv'] as const).map((format) =>
        registerCommand(`reportAnnotator.${{ qdpx: 'exportQdpx', jsonld: 'exportWebAnnotations', csv: 'exportAnnotationTable' }[format]}`, (a) => this.export(format, a), exported),
      ),
      registerCommand('reportAnnotator.importCoding', (a) => this.import(argumentObject(a, 'source', (u) => u.fsPath)), imported),
    );
  }

  /** The reports an export covers: the given ones, the workspace's, or the current one (asked if unclear). */
  private async reportsFor(args: CodingExportArgs): Promise<vscode.Uri[] | undefined> {
    if (args.uris && args.uris.length > 0) {
      const uris = args.uris.map(toUri);
      const outside = uris.find((u) => !isInWorkspace(u) && !findOpenDocument(u.toString()));
      if (outside) throw new UserError(vscode.l10n.t('{0} is not in the workspace folders; open it first, or add its folder to the workspace.', outside.fsPath));
      return uris;
    }
    const current = commandEditor()?.document.uri;
    let scope = args.scope;
    if (!scope) {
      const items = [
        ...(current ? [{ label: vscode.l10n.t('The current report'), description: uriBasename(current), scope: 'current' as const }] : []),
        { label: vscode.l10n.t('Every report of the workspace'), scope: 'workspace' as const },
      ];
      scope = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export which reports?') }))?.scope;
      if (!scope) return undefined;
    }
    if (scope === 'current') {
      if (!current) throw new UserError(vscode.l10n.t('Open a report first.'));
      return [current];
    }
    return this.exportImport.workspaceReports();
  }

  async export(format: CodingFormat, arg: unknown, more?: unknown): Promise<CodingExportResult> {
    const args: CodingExportArgs = arg instanceof vscode.Uri ? { uris: Array.isArray(more) ? more : [arg] } : argumentObject<CodingExportArgs>(arg);
    const uris = await this.reportsFor(args);
    if (!uris) return { reports: 0, annotations: 0, skipped: 0, message: 'cancelled' };
    if (uris.length === 0) throw new UserError(vscode.l10n.t('There are no reports in the workspace.'));
    let target = args.target;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `${uris.length === 1 ? uriBasename(uris[0]).replace(/\.[^.]*$/, '') : (vscode.workspace.name ?? 'reports')}.${EXTENSIONS[format]}`;
      const picked = await vscode.window.showSaveDialog({
        ...(folder && { defaultUri: vscode.Uri.joinPath(uris.length === 1 ? vscode.Uri.joinPath(uris[0], '..') : folder, name) }),
        filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
        title: vscode.l10n.t('Export Annotations'),
      });
      if (!picked) return { reports: 0, annotations: 0, skipped: 0, message: 'cancelled' };
      target = picked.fsPath;
    }
    // (A QDPX file is a zip of its own kind; Web Annotations are JSON-LD, often saved as .json.)
    target = exportTarget(target, format === 'jsonld' ? ['jsonld', 'json'] : [EXTENSIONS[format]]);
    const project = await this.project(uris);
    let data: string | Uint8Array;
    let skipped: number;
    if (format === 'qdpx') {
      const built = buildQdpx(project);
      [data, skipped] = [built.bytes, built.skipped.length];
    } else if (format === 'jsonld') {
      const built = buildWebAnnotationCollection(project);
      [data, skipped] = [`${JSON.stringify(built.collection, null, 2)}\n`, built.skipped.length];
    } else {
      let csv = csvRecord(ANNOTATION_COLUMNS);
      skipped = 0;
      for (const r of project.reports) {
        const anchored = r.annotations.filter((a) => !a.orphaned);
        skipped += r.annotations.length - anchored.length;
        for (const row of annotationRows(r.path, r.text, anchored)) csv += csvRecord(row);
      }
      data = csv;
    }
    await writeFileAtomic(target, data);
    const annotations = project.reports.reduce((n, r) => n + r.annotations.length, 0) - skipped;
    // (The reports the annotations are in: a project holds every report asked for, annotated or not.)
    const message = exportedText(annotations, project.reports.filter((r) => r.annotations.some((x) => !x.orphaned)).length, target, skipped);
    offerToOpen(message, target, format !== 'qdpx');
    return { path: target, reports: project.reports.length, annotations, skipped, message };
  }

  /**
   * Which codebook takes what an import brings: a report's memo goes to the codebook of the report's folder, named by
   * its path there; the tags, the tags' memos and the memos of reports not in the workspace, to the first codebook.
   */
  private codebookChanges(tags: ImportedTag[], memos: Memo[], texts: Map<string, { uri: vscode.Uri }>): { uri?: vscode.Uri; tags: ImportedTag[]; memos: Memo[] }[] {
    const changes = new Map<string, { uri?: vscode.Uri; tags: ImportedTag[]; memos: Memo[] }>();
    const changeFor = (uri?: vscode.Uri) => {
      const key = this.codebooks.stateFor(uri)?.folder.uri.toString() ?? '';
      let change = changes.get(key);
      if (!change) changes.set(key, (change = { ...(uri && { uri }), tags: [], memos: [] }));
      return change;
    };
    if (tags.length > 0) changeFor().tags.push(...tags);
    for (const m of memos) {
      const report = m.report !== undefined ? texts.get(m.report)?.uri : undefined;
      if (report && vscode.workspace.getWorkspaceFolder(report)) changeFor(report).memos.push({ ...m, report: codebookReportPath(report) });
      else changeFor().memos.push(m);
    }
    return [...changes.values()];
  }

  /** The reports' texts (an open report's editor text), annotations for those texts, metadata, and the codebook. */
  private async project(uris: vscode.Uri[]): Promise<CodingProject> {
    await this.manager.flush();
    const reports: CodedReport[] = [];
    for (const uri of uris) {
      const open = findOpenDocument(uri.toString());
      const text = open ? open.getText() : decodeReport(await fs.readFile(uri.fsPath), uriBasename(uri));
      const peeked = this.manager.peekAnnotations(uri, text);
      if (peeked.error) throw new Error(vscode.l10n.t('the annotations of {0} could not be read: {1}', uriBasename(uri), peeked.error));
      const meta = await this.index.metaOf(uri);
      reports.push({ path: exportedUri(uri), text, annotations: peeked.annotations, ...(meta && { meta }) });
    }
    // (Tags the codebook lacks, or all without one, keep the colours the editor draws them in: the setting's, else their own.)
    const styles = configuredTags();
    return { name: vscode.workspace.name ?? 'reports', codebook: this.codebook(), reports, colorOf: (tag) => tagColor(tag, styles) };
  }

  private codebook(): Codebook {
    const states = this.codebooks.all().filter((s) => s.codebook);
    if (states.length === 0) return emptyCodebook();
    // (A codebook names a report by its path in the codebook's folder; the export, as the reports are named in it.)
    // (Each folder's codebook may hold the same tag and its memo: the first folder's are exported, as the editor colours it.)
    const firstOfTag = <T>(items: T[], tagOf: (item: T) => string | undefined) => {
      const seen = new Set<string>();
      return items.filter((item) => {
        const tag = tagOf(item);
        if (tag === undefined) return true;
        const key = tagKey(tag);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    };
    const memos = firstOfTag(
      states.flatMap((s) => (s.codebook!.memos ?? []).map((m) => (m.report === undefined ? m : { ...m, report: exportedUri(vscode.Uri.joinPath(s.folder.uri, m.report)) }))),
      (m) => m.tag,
    );
    const tags = firstOfTag(states.flatMap((s) => s.codebook!.tags), (t) => t.name);
    return { ...emptyCodebook(), tags, memos };
  }

  // -------------------------------------------------------------------------------------------------

  async import(args: { source?: string }): Promise<CodingImportResult> {
    let source = args.source;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('REFI-QDA project or Web Annotations')]: ['qdpx', 'jsonld', 'json'] } });
      if (!picked?.[0]) return { reports: 0, added: 0, tags: 0, unplaced: [], unmatchedSources: [], message: 'cancelled' };
      source = picked[0].fsPath;
    }
    const wrong = this.codebooks.all().find((s) => s.problems);
    if (wrong) throw new UserError(vscode.l10n.t('{0} has problems; mend it first (nothing was changed): {1}', wrong.path, wrong.problems!.join('; ')));
    // 1. The workspace's reports and their texts now; the file read and placed against them. Nothing changes yet.
    const uris = (await this.exportImport.workspaceReports()).filter(isInWorkspace);
    const texts = new Map<string, { uri: vscode.Uri; text: string }>();
    for (const uri of uris) {
      const open = findOpenDocument(uri.toString());
      try {
        const text = open ? open.getText() : decodeReport(await fs.readFile(uri.fsPath), uriBasename(uri));
        // (Named as the export names them: each folder's reports/2024.txt is its own in a workspace of several.)
        texts.set(exportedUri(uri), { uri, text });
      } catch (err) {
        this.log?.warn(`import: ${uri.fsPath} left out: ${errorMessage(err)}`);
      }
    }
    const reportTexts: ReportText[] = [...texts].map(([path, { text }]) => ({ path, text }));
    const name = uriBasename(vscode.Uri.file(source));
    let placed: { reports: { path: string; annotations: StoredAnnotation[] }[]; tags: ImportedTag[]; memos: Memo[]; unplaced: string[]; unmatched: string[] };
    try {
      const bytes = await fs.readFile(source);
      if (/\.qdpx$/i.test(source) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
        const r = importQdpx(new Uint8Array(bytes), reportTexts);
        placed = { reports: r.reports, tags: r.tags, memos: r.memos, unplaced: r.unplaced.map((u) => `${u.source} [${u.start}, ${u.end}) ${u.quote ? `“${u.quote.slice(0, 30)}” ` : ''}— ${u.reason}`), unmatched: r.unmatchedSources };
      } else {
        const r = importWebAnnotations(bytes.toString('utf8'), reportTexts);
        // (W3C annotations carry no colour: the one the editor gives.)
        const styles = configuredTags();
        const tags = [...new Set(r.reports.flatMap((x) => x.annotations.flatMap((a) => a.tags)))].map((t) => ({ name: t, color: tagColor(t, styles) }));
        placed = { reports: r.reports, tags, memos: r.memos, unplaced: r.unplaced.map((u) => `${u.source} ${u.id} — ${u.reason}`), unmatched: [] };
      }
    } catch (err) {
      if (err instanceof QdpxError) {
        this.log?.warn(`nothing was imported from ${source}: ${err.message}`);
        throw new Error(vscode.l10n.t('Nothing was imported from {0}: {1}', name, err.message));
      }
      // (As Import Annotations says it: one translated sentence naming the file and the place; the details in the log.)
      const { summary, details } = describeProblem(err, name);
      this.log?.warn(`nothing was imported from ${source}:\n${details}`);
      throw new Error(vscode.l10n.t('Nothing was imported: {0}', summary));
    }
    // The reports the annotations go to, opened before anything changes: one that cannot be opened (deleted meanwhile)
    // stops the import here, not with the codebook and some reports changed.
    const documents = new Map<string, vscode.TextDocument>();
    for (const r of placed.reports) {
      const target = texts.get(r.path);
      if (!target || r.annotations.length === 0) continue;
      try {
        documents.set(r.path, findOpenDocument(target.uri.toString()) ?? (await vscode.workspace.openTextDocument(target.uri)));
      } catch (err) {
        throw new UserError(vscode.l10n.t('Nothing was imported: {0} could not be opened ({1}).', target.uri.fsPath, errorMessage(err)));
      }
    }
    // 2. The codebook takes the tags it lacks (existing ones keep their colour) and memos where there are none.
    for (const { uri, tags, memos } of this.codebookChanges(placed.tags, placed.memos, texts)) {
      if (!this.codebooks.stateFor(uri)?.content) await this.createCodebook(uri);
      await this.codebooks.update(uri, (cb) => {
        const next = withTags(cb, tags);
        const added = memos.filter((m) => (m.tag !== undefined ? !tagMemo(next, m.tag) : !reportMemo(next, m.report!)));
        return { ...next, memos: [...(next.memos ?? []), ...added] };
      });
    }
    // 3. The annotations, into each report's store (the same id replaces, a new span is added).
    let added = 0;
    for (const r of placed.reports) {
      const document = documents.get(r.path);
      if (!document) continue;
      const counts = this.manager.storeFor(document).merge(r.annotations);
      added += counts.added + counts.replaced + counts.merged;
    }
    await this.manager.flush();
    const reports = placed.reports.filter((r) => r.annotations.length > 0).length;
    let message = vscode.l10n.t('Imported {0} into {1} and {2} from {3}.', annotationsText(added), reportsText(reports), tagsText(placed.tags.length), name);
    if (placed.unplaced.length > 0 || placed.unmatched.length > 0) {
      const problems = [
        ...(placed.unplaced.length > 0 ? [vscode.l10n.t('{0} could not be placed', annotationsText(placed.unplaced.length))] : []),
        ...(placed.unmatched.length > 0 ? [vscode.l10n.t('{0} matched no report of the workspace', sourcesText(placed.unmatched.length))] : []),
      ];
      message += ' ' + vscode.l10n.t('{0} (details in the log).', problems.join(vscode.l10n.t('; ')));
      this.log?.warn(`import of ${source}:\n${[...placed.unplaced, ...placed.unmatched.map((s) => `${s}: no report of the workspace matches`)].join('\n')}`);
    }
    void vscode.window.showInformationMessage(message);
    return { reports, added, tags: placed.tags.length, unplaced: placed.unplaced, unmatchedSources: placed.unmatched, message };
  }
}

/** A tag as an import brings it to the codebook. */
type ImportedTag = { name: string; color: string; parent?: string; description?: string };

/**
 * Says what was exported, with Open for a text file (CSV, JSON-LD) and, on the desktop, Reveal for any (a .qdpx is a
 * zip, to open in the QDA tool): the JSON export offered Open, these nothing.
 */
function offerToOpen(message: string, target: string, isText: boolean): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in File Explorer');
  const buttons = [...(isText ? [open] : []), ...(vscode.env.uiKind === vscode.UIKind.Desktop ? [reveal] : [])];
  void vscode.window.showInformationMessage(message, ...buttons).then((c) => {
    if (c === open) void vscode.window.showTextDocument(vscode.Uri.file(target));
    else if (c === reveal) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(target));
  });
}
