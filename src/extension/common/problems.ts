// What went wrong with a file, told to a person: one short sentence in the UI's language naming the file,
// the field and what was expected; every detail (all fields, the validator's own words) for the log.
import * as vscode from 'vscode';
import { JsonSyntaxError, SchemaError } from '../../core/schema';
import { errorMessage } from '../../core/text';

export interface Problem {
  /** One translated sentence for a message. */
  summary: string;
  /** Everything, in English, one issue a line (for the log). */
  details: string;
}

const TYPE_NAMES: Record<string, () => string> = {
  number: () => vscode.l10n.t('a number'),
  string: () => vscode.l10n.t('text'),
  array: () => vscode.l10n.t('a list'),
  object: () => vscode.l10n.t('an object'),
  boolean: () => vscode.l10n.t('true or false'),
};

/** What an issue's message (the validator's or our own, in English) asks for, in the UI's language. */
function expectation(message: string): string {
  const type = /expected (\w+)/.exec(message);
  if (type && TYPE_NAMES[type[1]]) return vscode.l10n.t('should be {0}', TYPE_NAMES[type[1]]());
  const literal = /expected "([^"]+)"/.exec(message);
  if (literal) return vscode.l10n.t('should be {0}', `"${literal[1]}"`);
  if (/ISO 8601|datetime/i.test(message)) return vscode.l10n.t('should be a date and time (2026-01-01T00:00:00.000Z)');
  if (/appears twice/.test(message)) return vscode.l10n.t('appears twice');
  if (/beyond the document/.test(message)) return vscode.l10n.t('is past the end of the report');
  if (/is not the text at/.test(message)) return vscode.l10n.t('is not the text at its position in the report');
  if (/no such document/.test(message)) return vscode.l10n.t('names a report that is not in the workspace');
  if (/outside the workspace/.test(message)) return vscode.l10n.t('names a file outside the workspace folders');
  if (/end must not be before start/.test(message)) return vscode.l10n.t('ends before it starts');
  if (/too small|>=|nonnegative/i.test(message)) return vscode.l10n.t('is too small');
  if (/Required|received undefined/i.test(message)) return vscode.l10n.t('is missing');
  return vscode.l10n.t('is not valid');
}

/** The problem with `file` (a name for messages) that `err` describes. */
export function describeProblem(err: unknown, file: string): Problem {
  if (err instanceof JsonSyntaxError) {
    return {
      summary:
        err.line === undefined
          ? vscode.l10n.t('{0} is not valid JSON.', file)
          : vscode.l10n.t('{0} is not valid JSON (line {1}, column {2}).', file, err.line, err.column ?? 0),
      details: err.message,
    };
  }
  if (err instanceof SchemaError && err.issues.length > 0) {
    const [first] = err.issues;
    const sentence = vscode.l10n.t('In {0}, {1} {2}.', file, first.path || vscode.l10n.t('the file'), expectation(first.message));
    const more = err.issues.length - 1;
    return {
      summary: more > 0 ? `${sentence} ${vscode.l10n.t('({0} more problems are in the log.)', more)}` : sentence,
      details: err.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('\n'),
    };
  }
  const message = errorMessage(err);
  return { summary: message, details: message };
}
