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
    /** Where those went: loading the bundle, then each area's registration. */
    activationSteps: Record<string, number>;
  };

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const loadStart = (globalThis as { __reportAnnotatorLoadStart?: number }).__reportAnnotatorLoadStart ?? performance.now();
  // Evaluating the bundle, then VS Code's own work until it calls activate (the extension context, its storage).
  const loadEnd = (globalThis as { __reportAnnotatorLoadEnd?: number }).__reportAnnotatorLoadEnd ?? loadStart;
  const steps: Record<string, number> = { evaluate: loadEnd - loadStart, 'until activate': performance.now() - loadEnd };
  const step = <T>(name: string, register: () => T): T => {
    const t0 = performance.now();
    const area = register();
    steps[name] = performance.now() - t0;
    return area;
  };
  const log = vscode.window.createOutputChannel('Report Annotator', { log: true });
  context.subscriptions.push(log);
  const { service: analysis, indicators } = step('analysis', () => registerAnalysis(context, log));
  const { manager, ...annotating } = step('annotating', () => registerAnnotating(context, analysis, log));
  const reading = step('reading', () => registerReading(context, analysis, manager));
  const corpus = step('corpus', () => registerCorpus(context, { analysis, annotations: manager, indicators }, log));
  const coding = step('coding', () => registerCoding(context, { manager, exportImport: annotating.exportImport }, log));
  const activationMs = performance.now() - loadStart;
  log.info(`activated in ${activationMs.toFixed(1)} ms (${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`);
  return { analysis, annotations: manager, ...annotating, ...reading, corpus, coding, activationMs, activationSteps: steps };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
