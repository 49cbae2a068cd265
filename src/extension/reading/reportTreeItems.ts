// How each node of the Report view looks: labels, counts, icons and tooltips in words a reader of reports
// uses (the Outline keeps VS Code's symbol kinds), and what a click reveals.
import * as vscode from 'vscode';
import { sentenceAround } from '../../core/tables';
import { truncate } from '../../core/text';
import type { SectionLevel, Span } from '../../core/types';
import { spanToRange } from '../common/positions';
import { addTooltip } from '../common/treeItems';
import { changeSummary, figureKindLabel, figureMarkdown, figureMeaning } from './figureTexts';
import { tagCounts, type ReportNode } from './reportTreeNodes';
import { paragraphsText, tagsText, timesText } from '../common/counts';

const SECTION_ICONS: Record<SectionLevel, string> = { 0: 'book', 1: 'bookmark', 2: 'list-unordered', 3: 'debug-stackframe-dot' };
const SNIPPET_CONTEXT = 12;

/** What a heading of each level is called, for tooltips. */
function sectionLevelName(level: SectionLevel): string {
  switch (level) {
    case 0: return vscode.l10n.t('Title');
    case 1: return vscode.l10n.t('Part');
    case 2: return vscode.l10n.t('Section');
    case 3: return vscode.l10n.t('Lead-in');
  }
}

const spanText = (document: vscode.TextDocument, span: Span) => document.getText(spanToRange(document, span));

/** One line of the document around a span, with the span's place in it (for TreeItemLabel highlights). */
function snippet(document: vscode.TextDocument, span: Span): { label: string; highlight: [number, number] } {
  const text = (start: number, end: number) => spanText(document, { start, end }).replace(/\s+/g, ' ');
  const before = text(Math.max(0, span.start - SNIPPET_CONTEXT), span.start).trimStart();
  const middle = text(span.start, span.end);
  const after = text(span.end, span.end + SNIPPET_CONTEXT).trimEnd();
  return { label: before + middle + after, highlight: [before.length, before.length + middle.length] };
}

/**
 * The TreeItem of a node. `expanded` says whether the user left a node open (undefined: never touched),
 * so the tree opens as they left it, across reports and reloads.
 */
export function treeItem(n: ReportNode, expanded: (id: string) => boolean | undefined): vscode.TreeItem {
  const { document, analysis, annotations, orphans } = n.report;
  const remembered = expanded(n.id);
  const state = (byDefault: boolean) =>
    n.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : (remembered ?? byDefault)
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem('', state(false));
  item.id = n.id;
  const reveal = (span: Span) => {
    item.command = { command: 'reportAnnotator.revealRange', title: vscode.l10n.t('Reveal in Editor'), arguments: [document.uri, spanToRange(document, span)] };
  };
  switch (n.kind) {
    case 'group': {
      item.label = { sections: vscode.l10n.t('Sections'), projects: vscode.l10n.t('Projects'), figures: vscode.l10n.t('Figures'), tags: vscode.l10n.t('Tags') }[n.group];
      item.iconPath = new vscode.ThemeIcon({ sections: 'list-tree', projects: 'project', figures: 'graph', tags: 'tag' }[n.group]);
      item.collapsibleState = state(n.group === 'sections');
      item.contextValue = `group.${n.group}`;
      if (n.group === 'tags') {
        const { tags, paragraphs } = tagCounts(annotations);
        const parts = [tagsText(tags), paragraphsText(paragraphs)];
        if (orphans.length > 0) parts.push(vscode.l10n.t('{0} not found', orphans.length));
        item.description = parts.join(vscode.l10n.t(', '));
      } else {
        item.description = String({ sections: analysis.sections, projects: analysis.projects, figures: analysis.figures }[n.group].length);
      }
      let tooltip: string | undefined;
      if (n.group === 'sections') tooltip = analysis.title;
      if (n.group === 'projects' && analysis.segmentation.pending) {
        item.description = vscode.l10n.t('finding projects…');
      } else if (n.group === 'projects' && !analysis.segmentation.available) {
        // (Nothing to look in, an empty report: 0, as for sections and figures; the reason stays in the tooltip.)
        if (analysis.paragraphs.length > 0) item.description = vscode.l10n.t('unavailable');
        tooltip = analysis.segmentation.error;
      }
      if (n.group === 'figures') {
        tooltip = n.report.figures.groupBy === 'kind' ? vscode.l10n.t('Grouped by kind') : vscode.l10n.t('Grouped by indicator, then kind');
      }
      addTooltip(item, tooltip);
      break;
    }
    case 'section':
      item.label = n.section.title;
      item.tooltip = `${sectionLevelName(n.section.level)}: ${n.section.title}`;
      item.iconPath = new vscode.ThemeIcon(SECTION_ICONS[n.section.level]);
      item.contextValue = 'section';
      reveal(n.section.heading);
      break;
    case 'project':
      item.label = n.project.name;
      item.description = String(n.project.occurrences.length);
      item.tooltip = vscode.l10n.t('{0}: mentioned {1}', n.project.name, timesText(n.project.occurrences.length));
      item.iconPath = new vscode.ThemeIcon('location');
      item.contextValue = 'project';
      break;
    case 'occurrence': {
      const { label, highlight } = snippet(document, n.span);
      item.label = { label, highlights: [highlight] };
      item.tooltip = sentenceAround(document.getText(), n.span.start, n.span.end);
      item.contextValue = 'occurrence';
      reveal(n.span);
      break;
    }
    case 'indicator':
      item.label = n.indicator ?? vscode.l10n.t('Other (no indicator)');
      item.description = String(n.count);
      item.iconPath = new vscode.ThemeIcon(n.indicator ? 'pulse' : 'circle-outline');
      item.contextValue = 'indicator';
      break;
    case 'figureKind':
      item.label = figureKindLabel(n.figureKind);
      item.description = String(n.count);
      item.iconPath = new vscode.ThemeIcon('symbol-number');
      item.contextValue = 'figureKind';
      break;
    case 'figure': {
      const { figure, same } = n;
      // Under an indicator the indicator is the group; by kind, it is worth repeating in the row.
      const indicator = n.report.figures.groupBy === 'kind' && figure.indicator ? `${figure.indicator} ` : '';
      item.label = { label: indicator + figure.text, highlights: [[indicator.length, indicator.length + figure.text.length]] };
      const change = changeSummary(figure, analysis);
      item.description = [figureMeaning(figure), change, same.length > 1 ? `×${same.length}` : undefined].filter(Boolean).join(' · ') || undefined;
      item.tooltip = figureMarkdown(figure, analysis)
        .appendMarkdown('\n\n---\n\n')
        .appendText(sentenceAround(document.getText(), figure.range.start, figure.range.end));
      item.contextValue = 'figure';
      reveal(figure.range);
      break;
    }
    case 'tag':
      item.label = n.tag;
      item.description = paragraphsText(n.children.length);
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'tag';
      break;
    case 'annotation': {
      const { target, note } = n.annotation;
      item.label = truncate(target.exact.replace(/\s+/g, ' '), 60);
      item.description = note?.split('\n')[0];
      const tooltip = new vscode.MarkdownString();
      if (note) tooltip.appendText(note).appendMarkdown('\n\n---\n\n');
      item.tooltip = tooltip.appendText(target.exact);
      item.iconPath = new vscode.ThemeIcon(note ? 'note' : 'circle-small');
      item.contextValue = 'annotation';
      reveal(target);
      break;
    }
    case 'orphans':
      item.label = vscode.l10n.t('Not found in the text');
      item.description = String(orphans.length);
      addTooltip(
        item,
        vscode.l10n.t(
          'Annotations whose text could not be found after the report changed. They are kept, and come back if their text returns; attach them to a selection, or delete them.',
        ),
      );
      item.iconPath = new vscode.ThemeIcon('warning');
      item.collapsibleState = state(true);
      item.contextValue = 'orphans';
      break;
    case 'orphan': {
      const { tags, note, target } = n.annotation;
      item.label = tags.length > 0 ? tags.join(' · ') : vscode.l10n.t('(no tags)');
      item.description = note?.split('\n')[0] ?? truncate(target.exact.replace(/\s+/g, ' '), 40);
      const tooltip = new vscode.MarkdownString();
      if (note) tooltip.appendText(note).appendMarkdown('\n\n---\n\n');
      tooltip.appendText(vscode.l10n.t('Last seen as: 「{0}」', target.exact));
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = 'orphanedAnnotation';
      break;
    }
  }
  return item;
}
