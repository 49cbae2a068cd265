// The composition root in VS Code for the Web (package.json "browser", bundled to dist/web/extension.js with
// Node's modules stubbed): what works without Node. The grammar and the language configuration are declarative;
// here reports are recognised, their sections are symbols and their figures have hovers and underlines, from an
// analysis on the browser's extension host. Tags, the Report view, the corpus and coding need the desktop.
import type * as vscode from 'vscode';
import { registerInlineAnalysis } from './analysis';
import type { InlineAnalysis } from './analysis/inlineAnalysis';
import { registerReadingInBrowser } from './reading';

export function activate(context: vscode.ExtensionContext): { analysis: InlineAnalysis } {
  const analysis = registerInlineAnalysis(context);
  registerReadingInBrowser(context, analysis);
  return { analysis };
}

export function deactivate(): void {}
