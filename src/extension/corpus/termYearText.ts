// A search term's use in one year, in words: the Find view's rows per year and the term chart's points say it alike.
import * as vscode from 'vscode';
import type { TermYear } from '../../core/corpus/kwic';
import { hitsText, reportsText } from '../common/counts';

/** A rate per 10,000 characters to three significant digits (as the chart's table has it), in the UI's language's digits. */
export const rateText = (rate: number) => rate.toLocaleString(vscode.env.language, { maximumSignificantDigits: 3 });

/** 14 hits in 2 of 3 reports · 61,234 characters · 2.29 per 10,000 characters (in 2 reports, when those are all; no hits). */
export function termYearText(y: TermYear): string {
  const characters = y.characters.toLocaleString(vscode.env.language);
  if (y.count === 0) return vscode.l10n.t('{0} · {1} characters · no hits', reportsText(y.searched), characters);
  if (y.reports === y.searched) return vscode.l10n.t('{0} in {1} · {2} characters · {3} per 10,000 characters', hitsText(y.count), reportsText(y.reports), characters, rateText(y.rate));
  return vscode.l10n.t('{0} in {1} of {2} · {3} characters · {4} per 10,000 characters', hitsText(y.count), y.reports, reportsText(y.searched), characters, rateText(y.rate));
}
