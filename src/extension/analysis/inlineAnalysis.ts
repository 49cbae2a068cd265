// The analysis for VS Code for the Web: no worker threads and no file system there, so reports are analysed
// on the extension host itself (in the browser it is a web worker, off the window's thread), debounced, with a
// paragraph cache per document; without the segmenter's dictionary, projects are not listed.
import * as vscode from 'vscode';
import { AnalysisCache, analyzeText, emptyAnalysis } from '../../core/analyze';
import type { DocumentAnalysis } from '../../core/types';
import type { AnalysisEvent, ReportAnalysisProvider } from '../api';
import { onAnalysisEnded } from '../common/documents';
import { REPORT_LANGUAGE } from '../common/language';

/** In the browser reports are analysed on the extension host: larger ones are left to the desktop. */
const MAX_CHARS = 2 * 1024 * 1024;
const DELAY_MS = 300;

interface Entry {
  version: number;
  analysis: DocumentAnalysis;
}

export class InlineAnalysis implements ReportAnalysisProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly latest = new Map<string, Entry>();
  private readonly caches = new Map<string, AnalysisCache>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== REPORT_LANGUAGE || e.contentChanges.length === 0) return;
        const key = e.document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => void this.analyze(e.document), DELAY_MS));
      }),
      onAnalysisEnded((d) => {
        const key = d.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        this.latest.delete(key);
        this.caches.delete(key);
      }),
    ];
  }

  async analyze(document: vscode.TextDocument): Promise<DocumentAnalysis> {
    const key = document.uri.toString();
    const held = this.latest.get(key);
    if (held?.version === document.version) return held.analysis;
    const text = document.getText();
    if (text.length > MAX_CHARS) return emptyAnalysis(vscode.l10n.t('Reports larger than 2 MB are analysed in VS Code for the desktop.'));
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new AnalysisCache()));
    const analysis = analyzeText(text, { cache, segmenterError: vscode.l10n.t('Projects are listed in VS Code for the desktop.') });
    this.latest.set(key, { version: document.version, analysis });
    this.emitter.fire({ document, version: document.version, analysis });
    return analysis;
  }

  async readCurrent<T>(document: vscode.TextDocument, read: (analysis: DocumentAnalysis) => T): Promise<T> {
    return read(await this.analyze(document));
  }

  async analyzeSnapshot(document: vscode.TextDocument): Promise<{ version: number; text: string; analysis: DocumentAnalysis }> {
    const analysis = await this.analyze(document);
    return { version: document.version, text: document.getText(), analysis };
  }

  async analyzeText(text: string): Promise<DocumentAnalysis> {
    return analyzeText(text);
  }

  peek(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.latest.get(uri.toString())?.analysis;
  }

  lastRun(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
