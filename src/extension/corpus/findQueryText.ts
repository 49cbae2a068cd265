// What is wrong with a search of Find in Reports, in the UI's language: an empty term, or a regular expression
// JavaScript cannot read (its usual mistakes named in words; anything rarer as V8 says it).
import * as vscode from 'vscode';
import { compileQuery, FindQueryError, type FindQuery } from '../../core/corpus/kwic';

function regexProblem(detail: string): string {
  switch (detail) {
    case 'Unterminated group':
      return vscode.l10n.t('a group opened by ( is not closed');
    case "Unmatched ')'":
      return vscode.l10n.t('a ) closes no group');
    case 'Nothing to repeat':
      return vscode.l10n.t('a repetition (*, +, ? or {…}) follows nothing');
    case 'Unterminated character class':
      return vscode.l10n.t('a character class opened by [ is not closed');
    case 'Incomplete quantifier':
    case 'Lone quantifier brackets':
      return vscode.l10n.t('a brace { or } is not part of a repetition such as {2,4} (write \\{ for the character)');
    case 'Invalid escape':
      return vscode.l10n.t('a backslash escapes a character that needs none');
    case '\\ at end of pattern':
      return vscode.l10n.t('it ends in a backslash');
    case 'Invalid group':
      return vscode.l10n.t('a group opened by (? is not one JavaScript knows');
    default:
      return detail;
  }
}

/** The message for a query compileQuery refuses. */
export function queryProblem(err: FindQueryError, pattern: string): string {
  return err.reason === 'empty' ? vscode.l10n.t('Type a word, a phrase or /a regular expression/.') : vscode.l10n.t('“{0}” is not a valid regular expression: {1}.', pattern, regexProblem(err.detail));
}

/** The search box's text as a query: /…/ is a regular expression. */
export function queryOf(typed: string): { pattern: string; regex: boolean } {
  const re = /^\/(.+)\/$/.exec(typed);
  return re ? { pattern: re[1], regex: true } : { pattern: typed, regex: false };
}

/** For the search box while it is typed in: what is wrong with the query, undefined when it can be searched for. */
export function validateTyped(typed: string): string | undefined {
  if (typed === '') return undefined; // (an empty box is not yet an error)
  const query: FindQuery = queryOf(typed);
  try {
    compileQuery(query);
    return undefined;
  } catch (err) {
    if (err instanceof FindQueryError) return queryProblem(err, query.pattern);
    throw err;
  }
}
