// The analysis speaks in Spans (UTF-16 offsets into the document's text, like VS Code's own offsets);
// the editor speaks in line/character Ranges. These convert at the boundary.
import * as vscode from 'vscode';
import type { Span } from '../../core/types';

export function spanToRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function rangeToSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** The index of the span in `spans` (sorted by start, not overlapping) that contains `offset`, or -1. */
export function findSpanAt(spans: readonly { range: Span }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { start, end } = spans[mid].range;
    if (offset < start) hi = mid - 1;
    else if (offset > end) lo = mid + 1;
    else return mid; // end inclusive: the cursor right after a figure still hovers it
  }
  return -1;
}

/** The index of the first span in `spans` (sorted by start, not overlapping) ending at or after `offset`. */
export function firstSpanFrom(spans: readonly { range: Span }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].range.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
