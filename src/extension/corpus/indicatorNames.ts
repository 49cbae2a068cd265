// What the Indicators view, the indicator picker and a timeline's title call an indicator besides its Chinese name:
// in an English UI its English name from the indicator table (Gross domestic product (GDP)), in a Chinese one
// nothing more. Its key (gdp), which exports, tables and the CLI's --indicator use, is in the row's tooltip.
import * as vscode from 'vscode';
import { defaultIndicatorTable, type IndicatorEntry } from '../../core/indicators';

/** The indicator's name for the UI's language besides its Chinese one; undefined in a Chinese UI. */
export type IndicatorNamer = (key: string) => string | undefined;

/** `user`: the user's entries, which may name their own indicators or rename shipped ones (the last one wins). */
export function indicatorNamer(user: () => readonly IndicatorEntry[]): IndicatorNamer {
  return (key) => {
    if (vscode.env.language.toLowerCase().startsWith('zh')) return undefined;
    // (An entry of the user's that only adds synonyms to a shipped one keeps the shipped English name.)
    const named = [...user()].reverse().find((e) => e.key === key && e.nameEn);
    return named?.nameEn ?? defaultIndicatorTable().entry(key)?.nameEn ?? key;
  };
}

/** An indicator's description in a row or a pick: its other name, its unit, how many reports state it. */
export function indicatorDescription(namer: IndicatorNamer, key: string, unit: string, reports: string): string {
  return [namer(key), unit, reports].filter((part) => !!part).join(' · ');
}
