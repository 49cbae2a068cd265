// The report's section tree as document symbols, for the Outline view, breadcrumbs and Go to Symbol
// (like markdown-language-features' symbol provider over its parser). Kinds by heading level:
// title File, 一、 Module, （一） Class, lead-in sentences String (so outline.showStrings can hide them).
import * as vscode from 'vscode';
import type { Section, SectionLevel } from '../core/types';
import { REPORT_LANGUAGE } from './language';
import type { ReportAnalysisProvider } from './api';
import { spanToRange } from './positions';

export const SECTION_SYMBOL_KINDS: Record<SectionLevel, vscode.SymbolKind> = {
  0: vscode.SymbolKind.File,
  1: vscode.SymbolKind.Module,
  2: vscode.SymbolKind.Class,
  3: vscode.SymbolKind.String,
};

export function sectionSymbols(document: vscode.TextDocument, sections: readonly Section[]): vscode.DocumentSymbol[] {
  const roots: vscode.DocumentSymbol[] = [];
  const byId = new Map<string, vscode.DocumentSymbol>();
  for (const section of sections) {
    const range = spanToRange(document, section.range);
    // VS Code rejects a symbol whose selection range is not inside its range.
    const heading = range.intersection(spanToRange(document, section.heading)) ?? new vscode.Range(range.start, range.start);
    const symbol = new vscode.DocumentSymbol(
      section.title || '…',
      '',
      SECTION_SYMBOL_KINDS[section.level],
      range,
      heading,
    );
    byId.set(section.id, symbol);
    const parent = section.parentId ? byId.get(section.parentId) : undefined;
    (parent ? parent.children : roots).push(symbol);
  }
  return roots;
}

class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analysis: ReportAnalysisProvider) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken) {
    const analysis = await this.analysis.analyze(document);
    return token.isCancellationRequested ? undefined : sectionSymbols(document, analysis.sections);
  }
}

export function registerSymbols(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(REPORT_LANGUAGE, new SectionSymbolProvider(analysis), {
      label: vscode.l10n.t('Report sections'),
    }),
  );
}
