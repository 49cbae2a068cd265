// Clauses: the stretch of text a figure belongs to, for what it measures and the words that qualify it.
import { charTable } from './text';

const CLAUSE_BREAKS = '，,；;。：:！？!?、\n\r';
const IS_BREAK = charTable(CLAUSE_BREAKS);
const MAX_CLAUSE = 40;

/** The text from the start of the clause up to `pos` (at most MAX_CLAUSE characters). */
export function clauseBefore(text: string, pos: number): string {
  let i = pos;
  const stop = Math.max(0, pos - MAX_CLAUSE);
  while (i > stop && IS_BREAK[text.charCodeAt(i - 1)] === 0) i--;
  return text.slice(i, pos);
}
