// The composition root: each area of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysis } from './analysis';
import { registerAnnotating, type Annotating } from './annotating';
import { registerCorpus, type Corpus } from './corpus';
import { registerCoding, type Coding } from './coding';
import type { ReportAnnotatorApi } from './api';
import { registerReading, type Reading } from './reading';

/** What activate() returns: the public API, plus the parts the integration tests drive or look into. */
export type ActivatedApi = ReportAnnotatorApi &
  Reading &
  Omit<Annotating, 'manager'> & {
    coding: Coding;
    corpus: Corpus;
    /** Milliseconds from VS Code starting to load the bundle to the end of activate (printed by a test). */
    activationMs: number;
  };

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const loadStart = (globalThis as { __reportAnnotatorLoadStart?: number }).__reportAnnotatorLoadStart ?? performance.now();
  const log = vscode.window.createOutputChannel('Report Annotator', { log: true });
  context.subscriptions.push(log);
  const { service: analysis, indicators } = registerAnalysis(context, log);
  const { manager, ...annotating } = registerAnnotating(context, analysis, log);
  const reading = registerReading(context, analysis, manager);
  const corpus = registerCorpus(context, { analysis, annotations: manager, indicators }, log);
  const coding = registerCoding(context, { manager, exportImport: annotating.exportImport }, log);
  return { analysis, annotations: manager, ...annotating, ...reading, corpus, coding, activationMs: performance.now() - loadStart };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
