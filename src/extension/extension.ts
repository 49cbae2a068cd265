// The composition root: each part of the extension registers itself here, nothing more.
import * as vscode from 'vscode';
import { registerAnalysisService } from './analysisService';
import { registerAnnotations } from './annotationManager';
import type { ReportAnnotatorApi } from './api';
import { registerFigureHover } from './figureHover';
import { registerReportDetection } from './reportDetection';
import { registerReportTree, type ReportTree } from './reportTree';
import { registerSymbols } from './symbols';

/** What activate() returns: the public API, plus the report tree that the integration tests drive. */
export type ActivatedApi = ReportAnnotatorApi & { reportTree: ReportTree };

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const log = vscode.window.createOutputChannel('Report Annotator', { log: true });
  context.subscriptions.push(log);
  const analysis = registerAnalysisService(context, log);
  const annotations = registerAnnotations(context, analysis, log);
  registerReportDetection(context);
  registerSymbols(context, analysis);
  registerFigureHover(context, analysis);
  const reportTree = registerReportTree(context, analysis, annotations);
  return { analysis, annotations, reportTree };
}

// The worker and every registration are disposed with context.subscriptions.
export function deactivate(): void {}
