// The tags of a paragraph, written above it (a code lens): ⟨民生 · 财政⟩ ✎ and the note's first line. Above
// the paragraph they never run past the view's edge, and a click opens the note.
import * as vscode from 'vscode';
import { planTagDecorations } from '../../core/tagRanges';
import { truncate } from '../../core/text';
import type { ReportAnnotationProvider } from '../api';
import { REPORT_LANGUAGE } from '../common/language';

export class TagLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly annotations: ReportAnnotationProvider) {
    this.subscription = annotations.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const list = this.annotations.list(document.uri);
    const { labels } = planTagDecorations(list, () => '');
    return labels.map((label) => {
      const annotation = list.find((a) => a.target.start === label.span.start && a.target.end === label.span.end)!;
      const firstLine = label.note?.split('\n')[0];
      const tooltip = [label.tags.join(' · '), label.note].filter(Boolean).join('\n\n');
      return new vscode.CodeLens(new vscode.Range(document.positionAt(label.span.start), document.positionAt(label.span.start)), {
        title: firstLine ? `${label.text} ${truncate(firstLine, 40)}` : label.text,
        tooltip,
        command: 'reportAnnotator.editNote',
        // The form of a Report-view annotation node, which Edit Note accepts.
        arguments: [{ kind: 'annotation', tag: annotation.tags[0] ?? '', annotation, uri: document.uri }],
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerTagLenses(annotations: ReportAnnotationProvider): vscode.Disposable {
  const lenses = new TagLenses(annotations);
  return vscode.Disposable.from(lenses, vscode.languages.registerCodeLensProvider({ language: REPORT_LANGUAGE }, lenses));
}
