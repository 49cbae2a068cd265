// The corpus's commands, each with an argument object so tests and keybindings run them without UI:
//   openReport { uri, start?, end? }                    open a report (at a figure or a hit: UTF-16 offsets)
//   showTimeline { series } | { indicatorKey, kind } | a Report view figure node
//   find { query, regex?, caseSensitive?, folder? }     (the Explorer passes a folder's URI)
//   tagHits { tag } / undoTagHits                        (write: refused in Restricted Mode)
//   exportAnnotationsTable { target? }                   the annotations table of every report, RFC 4180 CSV
//   saveTimeline { format: svg|png|csv, target? }
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { seriesId, type IndicatorSeries } from '../../core/corpus/series';
import { unitFamily } from '../../core/corpus/seriesUnits';
import { queryOf, validateTyped } from './findQueryText';
import { indicatorDescription, type IndicatorNamer } from './indicatorNames';
import type { FigureKind } from '../../core/types';
import { decodeReport } from '../../core/reportInput';
import { annotationRows, ANNOTATION_COLUMNS, csvRecord } from '../../core/tables';
import type { Annotation } from '../../core/types';
import type { ReportAnalysisProvider } from '../api';
import { argumentObject, registerCommand, UserError, type CommandOptions } from '../common/commands';
import { findOpenDocument, isInWorkspace, toUri } from '../common/documents';
import { exportTarget } from '../common/exportTarget';
import { writeFileAtomic } from '../../core/atomicWrite';
import type { CorpusIndex } from './corpusIndex';
import type { FindView } from './findView';
import type { TimelinePanels } from './timelinePanel';
import { hitsText, paragraphsText, pointsText, reportsText, rowsText } from '../common/counts';

/** What the export needs of the annotations: those of a report that need not be open (the AnnotationManager). */
export interface AnnotationPeek {
  peekAnnotations(uri: vscode.Uri, text: string): { annotations: (Annotation & { orphaned?: boolean })[]; error?: string };
}

/** What a command returns (tests read it); `error` when it failed. */
type Result = Record<string, unknown>;

interface Parts {
  index: CorpusIndex;
  find: FindView;
  timeline: TimelinePanels;
  series: () => IndicatorSeries[];
  indicatorName: IndicatorNamer;
  analysis: ReportAnalysisProvider;
  annotations: AnnotationPeek;
  log: vscode.LogOutputChannel;
}

export function registerCorpusCommands(p: Parts): vscode.Disposable[] {
  const failed = (message: string): Result => ({ error: message });
  const read: CommandOptions<Result> = { failed, log: p.log };
  const write: CommandOptions<Result> = { failed, log: p.log, writes: true };
  return [
    registerCommand<Result>('reportAnnotator.corpus.openReport', (a) => openReport(argumentObject(a, 'uri')), read),
    registerCommand<Result>('reportAnnotator.corpus.reindex', async () => ({ stats: await p.index.reindex() }), read),
    registerCommand<Result>('reportAnnotator.corpus.cancelIndexing', () => (p.index.cancel(), {}), read),
    registerCommand<Result>('reportAnnotator.corpus.showTimeline', (a) => showTimeline(p, a), read),
    registerCommand<Result>('reportAnnotator.corpus.find', (a) => find(p, argumentObject(a, 'folder')), read),
    registerCommand<Result>('reportAnnotator.corpus.showTermTimeline', async () => {
      const r = p.find.result;
      if (!r) throw new UserError(vscode.l10n.t('Find something in the reports first.'));
      return { chart: await p.timeline.show({ kind: 'term', query: r.query, ...(r.folder && { folder: r.folder }) }) };
    }, read),
    registerCommand<Result>('reportAnnotator.corpus.tagHits', async (a) => {
      let tag = argumentObject<{ tag?: string }>(a).tag;
      tag ??= await vscode.window.showInputBox({ prompt: vscode.l10n.t('Tag the paragraphs of all hits with'), placeHolder: vscode.l10n.t('a tag, e.g. 小康') });
      if (!tag?.trim()) return { cancelled: true };
      const done = await p.find.tagHits(tag.trim());
      if (!done) return { cancelled: true };
      const undo = vscode.l10n.t('Undo');
      void vscode.window.showInformationMessage(taggedInReports(done.annotations, done.reports, tag.trim()), undo).then((c) => {
        if (c === undo) void vscode.commands.executeCommand('reportAnnotator.corpus.undoTagHits');
      });
      return done;
    }, write),
    registerCommand<Result>('reportAnnotator.corpus.undoTagHits', async () => {
      const undone = await p.find.undoTagHits();
      // (Said, as the tagging was: the views change in reports the user may not have open.)
      void vscode.window.showInformationMessage(untaggedInReports(undone.removed, undone.reports, undone.tag));
      return undone;
    }, write),
    registerCommand<Result>('reportAnnotator.corpus.exportAnnotationsTable', (a) => exportAnnotations(p, argumentObject(a, 'target')), write),
    registerCommand<Result>('reportAnnotator.corpus.exportHits', async (a) => {
      const args = argumentObject<{ target?: vscode.Uri | string }>(a, 'target');
      const pattern = p.find.result?.query.pattern;
      if (pattern === undefined || p.find.result!.reports.length === 0) throw new UserError(vscode.l10n.t('Find something in the reports first.'));
      const asked = args.target ? toUri(args.target) : await saveDialog(`${fileNamePart(pattern)}.csv`, 'CSV', 'csv');
      if (!asked) return { cancelled: true };
      const done = await p.find.exportHits(exportTarget(asked, ['csv']));
      if (!done) return { cancelled: true };
      let message = vscode.l10n.t('Wrote {0} of “{1}” in {2} to {3}.', hitsText(done.rows), pattern, reportsText(done.reports), done.target);
      // (A report deleted or unreadable since the search: its hits are not in the table, and the message says so.)
      if (done.unread.length > 0) message += ' ' + vscode.l10n.t('{0} could not be read: {1}', reportsText(done.unread.length), done.unread.join('; '));
      void vscode.window.showInformationMessage(message);
      return done;
    }, write),
    registerCommand<Result>('reportAnnotator.corpus.saveTimeline', async (a) => {
      const args = argumentObject<{ format?: 'svg' | 'png' | 'csv'; target?: vscode.Uri | string }>(a);
      const format = args.format ?? 'svg';
      // (A command's argument is not checked by its type: format "txt" would have written a PNG over a report.)
      if (!TIMELINE_FORMATS.includes(format)) throw new UserError(vscode.l10n.t('A timeline is saved as {0}, not as “{1}”. Nothing was written.', TIMELINE_FORMATS.join(' / '), String(format)));
      const name = fileNamePart(p.timeline.chart?.title ?? 'timeline');
      const target = args.target ? toUri(args.target) : await saveDialog(`${name}.${format}`, format.toUpperCase(), format);
      if (!target) return { cancelled: true };
      const path = exportTarget(target, [format]);
      return { bytes: await p.timeline.exportTo(format, path), target: path };
    }, write),
  ];
}

const TIMELINE_FORMATS: readonly string[] = ['svg', 'png', 'csv'];

async function openReport(args: { uri?: string | vscode.Uri; start?: number; end?: number }): Promise<{ uri: string }> {
  if (!args.uri) throw new UserError(vscode.l10n.t('Which report? None was given.'));
  const uri = toUri(args.uri);
  if (!findOpenDocument(uri.toString()) && !isInWorkspace(uri)) throw new UserError(vscode.l10n.t('{0} is not in the workspace folders.', uri.fsPath));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  if (typeof args.start === 'number') {
    const range = new vscode.Range(document.positionAt(args.start), document.positionAt(args.end ?? args.start));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return { uri: uri.toString() };
}

/** The series to show: given (an id, a key and kind, a figure node of the Report view, the figure at the cursor), or picked. */
async function showTimeline(p: Parts, arg: unknown) {
  await p.index.whenReady();
  const a = (arg && typeof arg === 'object' ? arg : {}) as { series?: string | IndicatorSeries; indicatorKey?: string; kind?: string; figure?: { indicatorKey?: string; kind?: string; unit?: string } };
  // A series id, a node of the Indicators view ({ series }), an indicator key and kind.
  let id = typeof a.series === 'string' ? a.series : a.series ? seriesId(a.series) : a.indicatorKey && a.kind ? `${a.indicatorKey}:${a.kind}` : undefined;
  if (!id && a.figure?.indicatorKey) id = figureSeriesId(a.figure.indicatorKey, a.figure.kind, a.figure.unit);
  if (!id && arg === undefined) id = await figureAtCursor(p.analysis);
  if (!id) {
    const all = p.series();
    if (all.length === 0) throw new UserError(vscode.l10n.t('No report of the workspace gives a target or a result of an indicator.'));
    const picked = await vscode.window.showQuickPick(
      all.map((s) => ({ label: s.name, description: indicatorDescription(p.indicatorName, s.indicatorKey, s.points[0]?.unit || s.kind, ''), detail: `${vscode.l10n.t('{0} across {1}', pointsText(s.points.length), reportsText(s.reports))} · ${s.indicatorKey}`, id: seriesId(s) })),
      // (Its key, as exports and the CLI name it, can be typed too: gdp.)
      { placeHolder: vscode.l10n.t('The indicator to show over the years'), matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return { cancelled: true };
    id = picked.id;
  }
  return { chart: await p.timeline.show({ kind: 'indicator', series: id }) };
}

async function figureAtCursor(analysis: ReportAnalysisProvider): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const a = editor && analysis.peek(editor.document.uri);
  if (!editor || !a) return undefined;
  const at = editor.document.offsetAt(editor.selection.active);
  const f = a.figures.find((x) => x.indicatorKey && x.range.start <= at && at <= x.range.end);
  return f && figureSeriesId(f.indicatorKey!, f.kind, f.unit);
}

/** The series a figure belongs to (its unit's family: a figure in 美元 to the series in 美元). */
const figureSeriesId = (indicatorKey: string, kind: string | undefined, unit: string | undefined) => seriesId({ indicatorKey, kind: kind as FigureKind, family: unitFamily(unit ?? '') });

async function find(p: Parts, args: { query?: string; regex?: boolean; caseSensitive?: boolean; folder?: vscode.Uri | string }) {
  let pattern = args.query;
  let regex = args.regex ?? false;
  if (pattern === undefined) {
    const last = p.find.result?.query;
    pattern = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Find in reports: a word or phrase, or /a regular expression/'),
      placeHolder: '小康',
      // (The last search as it was typed: a regular expression between slashes.)
      value: last && (last.regex ? `/${last.pattern}/` : last.pattern),
      validateInput: validateTyped,
    });
    if (!pattern) return { cancelled: true };
    ({ pattern, regex } = queryOf(pattern));
  }
  const folder = args.folder ? toUri(args.folder) : undefined;
  // (The Find view first: its progress bar shows while the search runs.)
  await vscode.commands.executeCommand('reportAnnotator.find.focus');
  const result = await p.find.find({ pattern, regex, caseSensitive: args.caseSensitive ?? false }, folder);
  if (!result) return { cancelled: true }; // (a newer search stopped this one)
  return { total: result.total, reports: result.reports.map((r) => ({ uri: r.uri, year: r.year, count: r.count, hits: r.hits })) };
}

/** A title or search term as part of a file's name: no characters a file system refuses, no spaces, not too long. */
const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'report-annotator';

async function saveDialog(name: string, label: string, ext: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, name), filters: { [label]: [ext] } });
}

/** The annotations table (spec.md "Tables") of every report of the corpus, as the CLI writes it. */
async function exportAnnotations(p: Parts, args: { target?: vscode.Uri | string }) {
  await p.index.whenIdle();
  const asked = args.target ? toUri(args.target) : await saveDialog('annotations.csv', 'CSV', 'csv');
  if (!asked) return { cancelled: true };
  const target = exportTarget(asked, ['csv']);
  const reports = p.index.all().sort((a, b) => a.name.localeCompare(b.name));
  let out = csvRecord(ANNOTATION_COLUMNS);
  let rows = 0;
  let annotated = 0;
  const skipped: string[] = [];
  for (const r of reports) {
    const uri = vscode.Uri.parse(r.uri);
    const open = findOpenDocument(r.uri);
    const text = open ? open.getText() : decodeReport(await fs.readFile(uri.fsPath), r.name);
    const peeked = p.annotations.peekAnnotations(uri, text);
    if (peeked.error) skipped.push(`${r.name}: ${peeked.error}`);
    const anchored = peeked.annotations.filter((a) => !a.orphaned);
    for (const row of annotationRows(r.name, text, anchored)) {
      out += csvRecord(row);
      rows++;
    }
    if (anchored.length > 0) annotated++;
  }
  await writeFileAtomic(target, out);
  let message = vscode.l10n.t('Wrote {0} of annotations of {1} to {2}.', rowsText(rows), reportsText(annotated), target);
  if (skipped.length) message += ' ' + vscode.l10n.t('{0} could not be read: {1}', reportsText(skipped.length), skipped.join('; '));
  void vscode.window.showInformationMessage(message);
  return { rows, reports: reports.length, target, skipped };
}

/** What Tag All Hits did. */
const taggedInReports = (paragraphs: number, reports: number, tag: string) => vscode.l10n.t('Tagged {0} in {1} with “{2}”.', paragraphsText(paragraphs), reportsText(reports), tag);

/** What Undo Tagging of Hits did (one paragraph is in one report, which goes unsaid). */
const untaggedInReports = (paragraphs: number, reports: number, tag: string) =>
  paragraphs === 1 ? vscode.l10n.t('Took “{0}” off {1}.', tag, paragraphsText(paragraphs)) : vscode.l10n.t('Took “{0}” off {1} in {2}.', tag, paragraphsText(paragraphs), reportsText(reports));
