// The annotating area: the annotations of every report (the manager, one object per report, sidecar
// files), their decorations, the tagging commands, and export/import. Everything is disposed with the
// extension.
import * as vscode from 'vscode';
import type { ReportAnalysisProvider } from '../api';
import { AnnotationCommands } from './annotationCommands';
import { TagIcons } from '../common/tagIcons';
import { AnnotationManager } from './annotationManager';
import { ExportImport } from './exportImport';
import { TagDecorator } from './tagDecorations';
import { registerTagLenses } from './tagLenses';

export interface Annotating {
  /** What the API calls `annotations`. */
  manager: AnnotationManager;
  tagDecorations: TagDecorator;
  annotationCommands: AnnotationCommands;
  exportImport: ExportImport;
}

export function registerAnnotating(
  context: vscode.ExtensionContext,
  analysis: ReportAnalysisProvider,
  log?: vscode.LogOutputChannel,
): Annotating {
  const manager = new AnnotationManager({ log });
  const tagDecorations = new TagDecorator(manager);
  const annotationCommands = new AnnotationCommands(manager, analysis, context.globalState, log, TagIcons.of(context));
  const exportImport = new ExportImport(manager, analysis, log);
  context.subscriptions.push(manager, tagDecorations, registerTagLenses(manager), annotationCommands.register(), exportImport.register());
  return { manager, tagDecorations, annotationCommands, exportImport };
}
