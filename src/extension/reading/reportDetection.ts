// Recognises government work reports saved as plain text (.txt) by their content, and opens them in the
// govreport language. A document the user switches back to plain text stays so for the session.
import * as vscode from 'vscode';
import { REPORT_LANGUAGE } from '../common/language';

/** How much of the document's beginning is looked at. */
export const HEAD_CHARS = 4096;
/** Score from which a text counts as a report (see reportScore). */
const REPORT_THRESHOLD = 6;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * How much the beginning of a text looks like a government report or a district development feature.
 * Mostly-Chinese text only; then the title and the address to the deputies weigh most, headings
 * (一、 （一）), stated figures (51593万元, 34.2%) and the vocabulary of government work add up.
 */
export function reportScore(head: string): number {
  const visible = head.replace(/\s+/g, '');
  if (visible.length < 40 || count(visible, /[\u4e00-\u9fff]/g) < visible.length * 0.3) return 0;
  let score = 0;
  if (/政府工作报告/.test(head)) score += 4;
  if (/各位代表/.test(head)) score += 3;
  score += 2 * Math.min(2, count(head, /^[ \t\u3000]*[一二三四五六七八九十]{1,3}、/gm));
  score += Math.min(2, count(head, /^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]/gm));
  const figures = count(
    head,
    /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:万亿|亿|万|千)?(?:元|美元|平方米|平方公里|亩|公顷|公里|千瓦|吨|个百分点|%|％|家|项|人次|户)/g,
  );
  score += Math.min(4, figures * 0.5);
  score += Math.min(2, count(head, /同比|增长|下降|完成/g) * 0.25);
  score += Math.min(
    3,
    count(head, /党中央|国务院|[省市区县]委|人民政府|人大|政协|高质量发展|招商引资|项目建设|乡村振兴|营商环境|民生|经济社会|十[三四五]五/g) * 0.5,
  );
  return score;
}

export function looksLikeReport(head: string): boolean {
  return reportScore(head) >= REPORT_THRESHOLD;
}

/** Schemes of documents a user reads; not output channels, diffs' git views and the like. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

class ReportDetector {
  /** Every document object seen open: a second open event for the same object is a language change. */
  private readonly seen = new WeakSet<vscode.TextDocument>();
  /** Documents this detector switched to govreport. */
  private readonly switched = new WeakSet<vscode.TextDocument>();
  /** URIs the user switched back to plain text: not detected again this session. */
  private readonly optedOut = new Set<string>();

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

  async switchToReport(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    this.optedOut.delete(document.uri.toString());
    const report = await vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE);
    this.switched.add(report);
    return report;
  }
}

export function registerReportDetection(context: vscode.ExtensionContext): void {
  const detector = new ReportDetector();
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
  for (const doc of vscode.workspace.textDocuments) detector.onDidOpen(doc);
}
