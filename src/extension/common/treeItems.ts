// What a screen reader says for a row of our trees.
import * as vscode from 'vscode';

/**
 * Gives the row a tooltip that adds to what it shows, and keeps the row read out as what it shows. VS Code's tree
 * reads a row whose tooltip is a string as that tooltip alone, in place of its label and description: the Sections
 * row was read as the report's title, the Figures row as "Grouped by indicator, then kind". Call it after the
 * label and the description are set.
 */
export function addTooltip(item: vscode.TreeItem, tooltip: string | undefined): void {
  item.tooltip = tooltip;
  if (tooltip === undefined) return;
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  const description = typeof item.description === 'string' ? item.description : undefined;
  item.accessibilityInformation = { label: [label, description, tooltip].filter((s) => s).join(vscode.l10n.t(', ')) };
}
