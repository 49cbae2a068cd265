// Recognises government work reports saved as plain text (.txt) by their content, and opens them in the
// govreport language. A document the user switches back to plain text stays so for the session.
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../api';
import { HEAD_CHARS, looksLikeReport } from '../../core/detection';
import { REPORT_LANGUAGE } from '../common/language';

/** Texts switched to the report language within this many ms of another are opened in a burst (analyseAhead). */
const BURST_MS = 1000;
/** Schemes of documents a user reads; not output channels, diffs' git views and the like. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

class ReportDetector {
  /** Every document object seen open: a second open event for the same object is a language change. */
  private readonly seen = new WeakSet<vscode.TextDocument>();
  /** Documents this detector switched to govreport. */
  private readonly switched = new WeakSet<vscode.TextDocument>();
  /** Documents it is switching, with the switch VS Code has not answered yet. */
  private readonly switching = new WeakMap<vscode.TextDocument, Promise<vscode.TextDocument>>();
  /** URIs the user switched back to plain text: not detected again this session. */
  private readonly optedOut = new Set<string>();

  /** When a text was last switched to the report language (performance.now()). */
  private lastSwitch = -Infinity;

  constructor(private readonly analysis: ReportAnalysisProvider) {}

  /**
   * Starts the analysis of a text being switched to the report language: it runs during VS Code's round trip for the
   * switch (0.1–0.6 s on a busy start), so the Report view shows it with the editor (becomingReport) and the underlines
   * come with the highlighting, not an analysis later (the service keeps it through the switch: onAnalysisEnded). VS Code
   * announces a text before the editor that shows it, so a text opened on its own is taken to be the user's; texts
   * opened in a burst (an import's, an export's, another extension's) are analysed when something asks.
   */
  private analyseAhead(document: vscode.TextDocument): void {
    const now = performance.now();
    const alone = now - this.lastSwitch > BURST_MS;
    this.lastSwitch = now;
    if (!alone && !vscode.window.visibleTextEditors.some((e) => e.document === document)) return;
    this.analysis.analyze(document).catch(() => undefined); // (the service logs failures)
  }

  onDidOpen(document: vscode.TextDocument): void {
    if (this.seen.has(document)) {
      // VS Code re-announces a document whose language changed (close + open of the same object).
      if (document.languageId === 'plaintext' && this.switched.has(document)) this.optedOut.add(document.uri.toString());
      return;
    }
    this.seen.add(document);
    if (
      document.languageId !== 'plaintext' ||
      !SCHEMES.has(document.uri.scheme) ||
      this.optedOut.has(document.uri.toString()) ||
      !vscode.workspace.getConfiguration('reportAnnotator', document).get<boolean>('detectReports', true)
    ) {
      return;
    }
    const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(HEAD_CHARS)));
    if (looksLikeReport(head)) void this.switchToReport(document);
  }

  switchToReport(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    this.optedOut.delete(document.uri.toString());
    // (One switch at a time: Open as Report on a file the detection is switching waits for that switch.)
    const pending = this.switching.get(document);
    if (pending) return pending;
    // (Asked first: in the browser the analysis runs on this thread, at once.)
    const switched = Promise.resolve(vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE)).then((report) => {
      this.switched.add(report);
      return report;
    });
    this.switching.set(document, switched);
    const done = () => this.switching.delete(document);
    switched.then(done, done);
    this.analyseAhead(document);
    return switched;
  }

  becomingReport(document: vscode.TextDocument): boolean {
    return this.switching.has(document);
  }
}

/** What the rest of the reading area asks of the detection. */
export interface ReportDetection {
  /** Whether the document is being switched to the report language (a report whose highlighting is on its way). */
  becomingReport(document: vscode.TextDocument): boolean;
}

export function registerReportDetection(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): ReportDetection {
  const detector = new ReportDetector(analysis);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => detector.onDidOpen(doc)),
    vscode.commands.registerCommand('reportAnnotator.openAsReport', async (uri?: vscode.Uri) => {
      // From the explorer's context menu a URI comes along; from the palette, the active editor.
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file first, then run “Open as Report”.'));
        return;
      }
      if (document.languageId === REPORT_LANGUAGE) return;
      const report = await detector.switchToReport(document);
      if (uri) await vscode.window.showTextDocument(report);
    }),
  );
  // Documents already open are looked at just after activation, not on its path.
  const initial = setTimeout(() => {
    for (const doc of vscode.workspace.textDocuments) detector.onDidOpen(doc);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
  return detector;
}
