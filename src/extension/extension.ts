// The composition root: each area of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysis } from './analysis';
import { registerAnnotating, type Annotating } from './annotating';
import { registerCorpus, type Corpus } from './corpus';
import { registerCoding, type Coding } from './coding';
import type { ReportAnnotatorApi } from './api';
import { ActivationTiming, describeActivation, type ActivationTimes, type BundleLoad } from './common/activationTiming';
import { lazyLogOutputChannel } from './common/lazyLog';
import { registerReading, type Reading } from './reading';

/** What activate() returns: the public API, plus the parts the integration tests drive or look into. */
export type ActivatedApi = ReportAnnotatorApi &
  Reading &
  Omit<Annotating, 'manager'> & {
    coding: Coding;
    corpus: Corpus;
    /** What activation took: ours (the bundles and activate()), VS Code's apart, and where it went (printed by a test). */
    activation: ActivationTimes;
  };

/** Called by the entry (entry.ts), which loaded this bundle: `bundle` says how. */
export function activate(context: vscode.ExtensionContext, bundle: BundleLoad): ActivatedApi {
  const timing = new ActivationTiming(context.extension.id, bundle);
  const step = timing.step.bind(timing);
  const log = lazyLogOutputChannel('Report Annotator', context.subscriptions);
  const { service: analysis, indicators } = step('analysis', () => registerAnalysis(context, log));
  const { manager, ...annotating } = step('annotating', () => registerAnnotating(context, analysis, log));
  const reading = step('reading', () => registerReading(context, analysis, manager));
  const corpus = step('corpus', () => registerCorpus(context, { analysis, annotations: manager, indicators, foreground: analysis.foreground }, log));
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
    activation: times,
  };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
