// The composition root: each part of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysisService } from './analysisService';
import { registerAnnotations } from './annotationManager';
import type { ReportAnnotatorApi } from './api';
import { registerFigureHover, type FigureDecorations } from './figureHover';
import { registerReportDetection } from './reportDetection';
import { registerReportTree, type ReportTree } from './reportTree';
import { registerSymbols } from './symbols';

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
