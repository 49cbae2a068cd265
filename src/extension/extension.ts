// The composition root: each part of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysisService } from './analysis/analysisService';
import { registerAnnotations } from './annotating/annotationManager';
import type { ReportAnnotatorApi } from './api';
import { registerFigureHover, type FigureDecorations } from './reading/figureHover';
import { registerReportDetection } from './reading/reportDetection';
import { registerReportTree, type ReportTree } from './reading/reportTree';
import { registerSymbols } from './reading/symbols';

/** What activate() returns: the public API, plus the parts the integration tests drive or look into. */
export type ActivatedApi = ReportAnnotatorApi & { reportTree: ReportTree; figureDecorations: FigureDecorations };

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const log = vscode.window.createOutputChannel('Report Annotator', { log: true });
  context.subscriptions.push(log);
  const analysis = registerAnalysisService(context, log);
  const annotations = registerAnnotations(context, analysis, log);
  registerReportDetection(context);
  registerSymbols(context, analysis);
  const figureDecorations = registerFigureHover(context, analysis);
  const reportTree = registerReportTree(context, analysis, annotations);
  return { analysis, annotations, reportTree, figureDecorations };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
