// The sentence that holds a span: what a reader needs to read a figure without the report (the tree's
// tooltips, the tables' `sentence` column). A sentence ends at 。！？；!?; or a line end.
import type { Span } from './types';

const END = /[。！？；!?;\n]/;

/** The sentence around `span` of `text`, trimmed, its end mark included. */
export function sentenceAt(text: string, span: Span): string {
  let start = span.start;
  while (start > 0 && !END.test(text[start - 1])) start--;
  let end = span.end;
  while (end < text.length && !END.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return text.slice(start, end).trim();
}
