// How a figure is told to a reader: its kind in words, its value normalised (51593万元 = ¥515,930,000),
// the change after it, and the hover's Markdown. Shared by the hover and the report tree.
import * as vscode from 'vscode';
import type { ChangeDirection, DocumentAnalysis, Figure, FigureKind } from '../../core/types';

export function figureKindLabel(kind: FigureKind): string {
  switch (kind) {
    case 'currency': return vscode.l10n.t('Currency');
    case 'area': return vscode.l10n.t('Area');
    case 'length': return vscode.l10n.t('Length');
    case 'mass': return vscode.l10n.t('Mass');
    case 'volume': return vscode.l10n.t('Volume');
    case 'energy': return vscode.l10n.t('Energy');
    case 'percent': return vscode.l10n.t('Percent');
    case 'percentagePoint': return vscode.l10n.t('Percentage points');
    case 'count': return vscode.l10n.t('Count');
    case 'duration': return vscode.l10n.t('Duration');
    case 'rank': return vscode.l10n.t('Rank');
    case 'other': return vscode.l10n.t('Other');
  }
}

// Made on first use: an Intl formatter loads its locale data, which activation need not wait for.
let numberFormat: Intl.NumberFormat | undefined;
const fmt = (n: number) => (numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })).format(n);

/** Units written with an international symbol; others keep their Chinese name (人次, 家, 亩). */
const UNIT_FORMATS: Record<string, (n: string) => string> = {
  元: (n) => `¥${n}`,
  美元: (n) => `US$${n}`,
  欧元: (n) => `€${n}`,
  港元: (n) => `HK$${n}`,
  英镑: (n) => `£${n}`,
  平方米: (n) => `${n} m²`,
  平米: (n) => `${n} m²`,
  平方公里: (n) => `${n} km²`,
  平方千米: (n) => `${n} km²`,
  公顷: (n) => `${n} ha`,
  公里: (n) => `${n} km`,
  千米: (n) => `${n} km`,
  米: (n) => `${n} m`,
  吨: (n) => `${n} t`,
  公斤: (n) => `${n} kg`,
  千克: (n) => `${n} kg`,
  立方米: (n) => `${n} m³`,
  千瓦: (n) => `${n} kW`,
  千瓦时: (n) => `${n} kWh`,
  兆瓦: (n) => `${n} MW`,
};

/** The figure's value in base units, as a reader would write it: ¥515,930,000, 400,000 m², 34.2%. */
export function normalisedValue(figure: Figure): string {
  switch (figure.kind) {
    case 'percent':
      return `${fmt(figure.value)}%`;
    case 'percentagePoint':
      return vscode.l10n.t('{0} percentage points', fmt(figure.value));
    case 'rank':
      return figure.text;
    case 'other':
      return fmt(figure.baseValue);
    default: {
      const format = UNIT_FORMATS[figure.unit];
      return format ? format(fmt(figure.baseValue)) : `${fmt(figure.baseValue)} ${figure.unit}`.trim();
    }
  }
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

function directionLabel(direction: ChangeDirection): string {
  return direction === 'up' ? vscode.l10n.t('up') : direction === 'down' ? vscode.l10n.t('down') : vscode.l10n.t('unchanged');
}

/** The change a figure states (增长34.2%: up) or is followed by (51593万元，增长34.2%: up, by 34.2%). */
function changeOf(figure: Figure, analysis: DocumentAnalysis): { direction: ChangeDirection; by?: Figure } | undefined {
  const direction = figure.change?.direction ?? figure.direction;
  const byId = figure.change?.figureId;
  return direction && { direction, by: byId ? analysis.figures.find((f) => f.id === byId) : undefined };
}

/** A short note of the change for the tree: "↑ 34.2%". */
export function changeSummary(figure: Figure, analysis: DocumentAnalysis): string | undefined {
  const change = changeOf(figure, analysis);
  return change && [ARROWS[change.direction], change.by?.text].filter(Boolean).join(' ');
}

/** Markdown-escapes report text (figures and indicators may hold * _ . and the like). */
const esc = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** The number as meant, with its bound: "about 5%", "at least 6.5%", "6%–6.5%", "¥51,930,000". */
function boundedValue(figure: Figure): string {
  const plain = (value: number, base: number) =>
    figure.kind === 'percent' ? `${fmt(value)}%` : figure.kind === 'percentagePoint' ? vscode.l10n.t('{0} percentage points', fmt(value)) : normalisedValue({ ...figure, value, baseValue: base });
  const low = plain(figure.value, figure.baseValue);
  switch (figure.bound) {
    case 'about': return vscode.l10n.t('about {0}', low);
    case 'atLeast': return vscode.l10n.t('at least {0}', low);
    case 'atMost': return vscode.l10n.t('at most {0}', low);
    case 'range': return figure.high ? `${low}–${plain(figure.high.value, figure.high.baseValue)}` : low;
    default: return low;
  }
}

/**
 * What a figure says as a target or a result: "target 2024, about 5%", "result 2023, 5.2%"; undefined when
 * the text does not say which it is.
 */
export function figureMeaning(figure: Figure): string | undefined {
  if (!figure.role) return undefined;
  const role = figure.role === 'target' ? vscode.l10n.t('target') : vscode.l10n.t('result');
  return figure.year ? vscode.l10n.t('{0} {1}, {2}', role, figure.year, boundedValue(figure)) : vscode.l10n.t('{0}, {1}', role, boundedValue(figure));
}

/** Whether the value as normalised reads as the figure's text does (spaces, full-width digits and signs aside). */
const sameFigure = (value: string, text: string) => value.replace(/\s+/g, '') === text.normalize('NFKC').replace(/\s+/g, '');

export function figureMarkdown(figure: Figure, analysis: DocumentAnalysis): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  // (3% = 3%, 第一 = 第一: the equation only where the value reads otherwise than the text.)
  const value = normalisedValue(figure);
  md.appendMarkdown(sameFigure(value, figure.text) ? `**${esc(figure.text)}**` : `**${esc(figure.text)}** = **${esc(value)}**`);
  if (figure.approx) md.appendMarkdown(` ${vscode.l10n.t('(approximate)')}`);
  const meaning = figureMeaning(figure);
  if (meaning) md.appendMarkdown(`\n\n**${esc(meaning)}**`);
  md.appendMarkdown(`\n\n${vscode.l10n.t('Kind')}: ${figureKindLabel(figure.kind)}`);
  if (figure.indicator) md.appendMarkdown(`  \n${vscode.l10n.t('Indicator')}: ${esc(figure.indicator)}${figure.indicatorKey ? ` (\`${figure.indicatorKey}\`)` : ''}`);
  const change = changeOf(figure, analysis);
  if (change) {
    const by = change.by ? ` ${esc(change.by.text)}` : '';
    md.appendMarkdown(`  \n${vscode.l10n.t('Change')}: ${ARROWS[change.direction]} ${directionLabel(change.direction)}${by}`);
  }
  return md;
}
