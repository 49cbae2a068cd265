// The composition root: each area of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysis } from './analysis';
import { registerAnnotating, type Annotating } from './annotating';
import { registerCorpus, type Corpus } from './corpus';
import { registerCoding, type Coding } from './coding';
import type { ReportAnnotatorApi } from './api';
import { ActivationTiming, describeActivation } from './common/activationTiming';
import { lazyLogOutputChannel } from './common/lazyLog';
import { registerReading, type Reading } from './reading';

/** What activate() returns: the public API, plus the parts the integration tests drive or look into. */
export type ActivatedApi = ReportAnnotatorApi &
  Reading &
  Omit<Annotating, 'manager'> & {
    coding: Coding;
    corpus: Corpus;
    /** Milliseconds the extension itself took: loading the bundle plus activate() (printed by a test). */
    ownActivationMs: number;
    /** Milliseconds from VS Code starting to load the bundle to the end of activate(), VS Code's own time between included. */
    activationMs: number;
    /** CPU time of evaluating the bundle plus activate() (the process's), where Node gives it. */
    activationCpuMs?: number;
    /** Where those went: loading the bundle, each area's registration, and VS Code's time until activate (not ours). */
    activationSteps: Record<string, number>;
  };

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const timing = new ActivationTiming(context.extension.id);
  const step = timing.step.bind(timing);
  const log = lazyLogOutputChannel('Report Annotator', context.subscriptions);
  const { service: analysis, indicators } = step('analysis', () => registerAnalysis(context, log));
  const { manager, ...annotating } = step('annotating', () => registerAnnotating(context, analysis, log));
  const reading = step('reading', () => registerReading(context, analysis, manager));
  const corpus = step('corpus', () => registerCorpus(context, { analysis, annotations: manager, indicators }, log));
  const coding = step('coding', () => registerCoding(context, { manager, exportImport: annotating.exportImport }, log));
  const times = timing.finish();
  // Logged once activation has returned (the log is made on first use).
  const logged = setTimeout(() => log.info(`activated: ${describeActivation(times)}`), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(logged) });
  return {
    analysis,
    annotations: manager,
    ...annotating,
    ...reading,
    corpus,
    coding,
    ownActivationMs: times.ownMs,
    activationMs: times.totalMs,
    activationCpuMs: times.cpuMs,
    activationSteps: times.steps,
  };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
