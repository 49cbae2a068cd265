// The report's section tree as document symbols, for the Outline view, breadcrumbs and Go to Symbol
// (like markdown-language-features' symbol provider over its parser). Kinds by heading level:
// title File, 一、 Module, （一） Class, lead-in sentences String (so outline.showStrings can hide them).
import * as vscode from 'vscode';
import type { DocumentAnalysis, Section, SectionLevel } from '../../core/types';
import { REPORT_LANGUAGE } from '../common/language';
import type { ReportAnalysisProvider } from '../api';
import { spanToRange } from '../common/positions';

export const SECTION_SYMBOL_KINDS: Record<SectionLevel, vscode.SymbolKind> = {
  0: vscode.SymbolKind.File,
  1: vscode.SymbolKind.Module,
  2: vscode.SymbolKind.Class,
  3: vscode.SymbolKind.String,
};

/** The sections to list: without the lead-in sentences (level 3) when there are more of them than `sentenceLimit` (the setting reportAnnotator.outline.sentenceLimit). */
function listed(sections: readonly Section[], sentenceLimit: number): readonly Section[] {
  let leadIns = 0;
  for (const s of sections) if (s.level === 3) leadIns++;
  return leadIns <= sentenceLimit ? sections : sections.filter((s) => s.level !== 3);
}

/**
 * The sections as nested symbols. A report of 5 MB has 6,430 sections, 5,050 of them lead-in sentences: VS Code
 * serialised their symbols (1.6 MB) in one piece on the extension host after each pause in typing, 42-124 ms,
 * so past `sentenceLimit` lead-ins the Outline lists headings only (the Report view lists everything).
 */
export function sectionSymbols(document: vscode.TextDocument, all: readonly Section[], sentenceLimit = Infinity): vscode.DocumentSymbol[] {
  const roots: vscode.DocumentSymbol[] = [];
  const byId = new Map<string, vscode.DocumentSymbol>();
  for (const section of listed(all, sentenceLimit)) {
    const { range: span, heading: h } = section;
    const range = spanToRange(document, span);
    // VS Code rejects a symbol whose selection range is not inside its range: clamp (by offset, as a large
    // report has thousands of sections), or an empty selection at the start.
    const [hs, he] = [Math.max(h.start, span.start), Math.min(h.end, span.end)];
    const at = (offset: number) => (offset === span.start ? range.start : offset === span.end ? range.end : document.positionAt(offset));
    const heading = hs <= he ? new vscode.Range(at(hs), at(he)) : new vscode.Range(range.start, range.start);
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

const DEFAULT_SENTENCE_LIMIT = 1000;

class SectionSymbolProvider implements vscode.DocumentSymbolProvider {
  /**
   * The symbols last given out. VS Code asks more than once per version (outline, breadcrumbs), and a
   * large report has thousands of sections.
   */
  private last?: { document: vscode.TextDocument; version: number; analysis: DocumentAnalysis; limit: number; symbols: vscode.DocumentSymbol[] };

  constructor(private readonly analysis: ReportAnalysisProvider) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken) {
    const analysis = await this.analysis.analyze(document);
    if (token.isCancellationRequested) return undefined;
    const { last } = this;
    const limit = vscode.workspace.getConfiguration('reportAnnotator', document).get<number>('outline.sentenceLimit', DEFAULT_SENTENCE_LIMIT);
    if (last?.document === document && last.version === document.version && last.analysis === analysis && last.limit === limit) return last.symbols;
    const symbols = sectionSymbols(document, analysis.sections, limit);
    this.last = { document, version: document.version, analysis, limit, symbols };
    return symbols;
  }
}

export function registerSymbols(context: vscode.ExtensionContext, analysis: ReportAnalysisProvider): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(REPORT_LANGUAGE, new SectionSymbolProvider(analysis), {
      label: vscode.l10n.t('Report sections'),
    }),
  );
}
