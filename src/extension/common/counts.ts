// Counted nouns for messages: "1 report", "3 reports" (English needs the singular; the Chinese bundle has one form,
// 3 份报告). A message takes the counted phrase as its argument, so one message reads right for any count.
import * as vscode from 'vscode';

export const reportsText = (n: number) => (n === 1 ? vscode.l10n.t('1 report') : vscode.l10n.t('{0} reports', n));
export const annotationsText = (n: number) => (n === 1 ? vscode.l10n.t('1 annotation') : vscode.l10n.t('{0} annotations', n));
/** Annotations whose text was not found. */
export const orphansText = (n: number) => (n === 1 ? vscode.l10n.t('1 orphaned annotation') : vscode.l10n.t('{0} orphaned annotations', n));
export const paragraphsText = (n: number) => (n === 1 ? vscode.l10n.t('1 paragraph') : vscode.l10n.t('{0} paragraphs', n));
export const tagsText = (n: number) => (n === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', n));
export const rowsText = (n: number) => (n === 1 ? vscode.l10n.t('1 row') : vscode.l10n.t('{0} rows', n));
/** How often something is mentioned. */
export const timesText = (n: number) => (n === 1 ? vscode.l10n.t('1 time') : vscode.l10n.t('{0} times', n));
/** Sources (documents) of an imported project. */
export const sourcesText = (n: number) => (n === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', n));
/** Hits of a search. */
export const hitsText = (n: number) => (n === 1 ? vscode.l10n.t('1 hit') : vscode.l10n.t('{0} hits', n));
export const figuresText = (n: number) => (n === 1 ? vscode.l10n.t('1 figure') : vscode.l10n.t('{0} figures', n));
export const targetsText = (n: number) => (n === 1 ? vscode.l10n.t('1 target') : vscode.l10n.t('{0} targets', n));
export const resultsText = (n: number) => (n === 1 ? vscode.l10n.t('1 result') : vscode.l10n.t('{0} results', n));
/** A series' points: the targets and results of an indicator. */
export const pointsText = (n: number) => (n === 1 ? vscode.l10n.t('1 target or result') : vscode.l10n.t('{0} targets and results', n));

/** What an export says it wrote: `annotations` of `reports` (those holding any); `orphans`, whose text was not found, were left out. */
export function exportedText(annotations: number, reports: number, target: string, orphans: number): string {
  const message = vscode.l10n.t('Exported {0} of {1} to {2}.', annotationsText(annotations), reportsText(reports), target);
  return orphans > 0 ? `${message} ${vscode.l10n.t('Left out (text not found): {0}.', orphansText(orphans))}` : message;
}
