// The reading area: recognising reports, their sections as symbols (Outline, breadcrumbs, Go to Symbol), the
// Report view, and figures' hovers and underlines. Everything here only reads.
import type * as vscode from 'vscode';
import type { ReportAnalysisProvider, ReportAnnotationProvider } from '../api';
import type { FigureDecorations } from './figureDecorations';
import { registerFigureHover } from './figureHover';
import { registerReportDetection } from './reportDetection';
import { registerReportTree, type ReportTree } from './reportTree';
import { registerSymbols } from './symbols';

export interface Reading {
  reportTree: ReportTree;
  figureDecorations: FigureDecorations;
}

export function registerReading(
  context: vscode.ExtensionContext,
  analysis: ReportAnalysisProvider,
  annotations: ReportAnnotationProvider,
): Reading {
  const detection = registerReportDetection(context, analysis);
  registerSymbols(context, analysis);
  const figureDecorations = registerFigureHover(context, analysis);
  const reportTree = registerReportTree(context, analysis, annotations, detection);
  return { reportTree, figureDecorations };
}

/** In VS Code for the Web: recognising reports, section symbols and figure hovers (the Report view needs the desktop). */
export function registerReadingInBrowser(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): void {
  registerReportDetection(context, analysis);
  registerSymbols(context, analysis);
  registerFigureHover(context, analysis);
}
