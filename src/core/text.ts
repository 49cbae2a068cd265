// Small text helpers shared by the CLI and the extension's messages.

/**
 * A table by UTF-16 code unit: `value` for each character of `chars` (into `table` when given, to mark several
 * sets). Scans that touch every character test membership with it rather than with a string's includes or a regex.
 */
export function charTable(chars: string, value = 1, table: Uint8Array = new Uint8Array(0x10000)): Uint8Array {
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = value;
  return table;
}

/**
 * Items grouped by one character of theirs (a word's first or last), for scans that test every character: `place`
 * gives a character's group in `groups` plus 1 (0: no item has it). A table and a dense list: an array indexed by
 * character code is a dictionary in V8, and a map's look-up costs more. At most 255 groups.
 */
export class CharGroups<T> {
  readonly place = new Uint8Array(0x10000);
  readonly groups: T[][] = [];

  /** `items` in their order, each in the group of `code(item)`. */
  constructor(items: Iterable<T>, code: (item: T) => number) {
    for (const item of items) {
      const c = code(item);
      if (this.place[c] === 0) this.place[c] = this.groups.push([]);
      this.groups[this.place[c] - 1].push(item);
    }
  }

  /** The items of character `code`, in their order; undefined when none (and for NaN, past a text's end). */
  of(code: number): T[] | undefined {
    const place = this.place[code];
    return place ? this.groups[place - 1] : undefined;
  }
}

/** A string's UTF-16 code units, for comparing a word with a text in place. */
export const codesOf = (s = ''): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

/** Whether text[i] is `c` (one UTF-16 unit), by its code: text[i] made a string of a Han character at every read. */
export const charIs = (text: string, i: number, c: string): boolean => text.charCodeAt(i) === c.charCodeAt(0);

/** The first place in text[from, to) whose character is marked in `table` (charTable), else -1. */
export function indexOfAny(table: Uint8Array, text: string, from: number, to = text.length): number {
  for (let i = from; i < to; i++) if (table[text.charCodeAt(i)] !== 0) return i;
  return -1;
}

/**
 * The next place of `search` at or after `from` (text.length when there is none), given `found`, what this returned
 * for an earlier `from` (-1 at first): searched for again only once passed. (Reading lines in turn, a text without
 * the line end searched for had its rest searched at every line.)
 */
export function nextIndexOf(text: string, search: string, from: number, found: number): number {
  if (found >= from) return found;
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** The last place in text[min, from] (both included) of the character `code`, else -1: lastIndexOf that stops at `min`. */
export function lastIndexOfCode(text: string, code: number, from: number, min: number): number {
  for (let i = Math.min(from, text.length - 1); i >= min; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * The last place before a place in a clause where `at` holds (a character, or a character in its context), read on
 * from the place asked before while the text and the clause's start stay the same (a scan asks at places in order):
 * searched back from each place, a clause without such a place was read once per place.
 */
export class LastSeen {
  private text = '';
  private lo = -1;
  private next = 0;
  private last = -1;

  constructor(private readonly at: (text: string, i: number) => boolean) {}

  /** The last place in text[lo, end) where `at` holds, else -1. */
  before(text: string, lo: number, end: number): number {
    if (this.text !== text || this.lo !== lo || end < this.next) {
      this.lo = lo;
      this.next = lo;
      this.last = -1;
    }
    // (A text equal to the one held but another string, a paragraph read again in a later analysis, is compared
    // character by character at every call until the held one is that string.)
    this.text = text;
    for (; this.next < end; this.next++) if (this.at(text, this.next)) this.last = this.next;
    return this.last;
  }
}

/**
 * Pieces longer than any real paragraph stay slices (a crafted text's one line of megabytes: its copy raised the
 * CLI's peak memory by a sixth).
 */
const MAX_OWN_PIECE = 1 << 16;
/** Whether [start, end) is a piece ownPieces copies: whole offsets within the text (anything else is sliced as slice reads it). */
const copied = (start: number, end: number, length: number) =>
  (start | 0) === start && (end | 0) === end && start >= 0 && end <= length && end - start >= 13 && end - start <= MAX_OWN_PIECE;

/**
 * text[start, end) as strings of their own rather than slices, for the analysis' scans: V8 reads a character of a
 * slice through the string it was cut from, a check and a load more at each of the millions of charCodeAt calls of an
 * analysis (7% of its instructions, the paragraphs and the lines project mentions are matched in). Cut from one copy
 * of the text's UTF-16 code units, unchanged (lone surrogates too); where Node's Buffer is missing (VS Code for the
 * Web), slices. (Strings under 13 characters are never slices.) A cache that keeps pieces across analyses keys them
 * by slices, which share the text the worker holds anyway, and copies only the ones it reads (ownCopy).
 */
export function ownPieces(text: string): (start: number, end: number) => string {
  if (typeof Buffer === 'undefined') return (start, end) => text.slice(start, end);
  let units: Buffer | undefined; // (made for the first piece copied: a text of one huge line needs none)
  return (start, end) => {
    if (!copied(start, end, text.length)) return text.slice(start, end);
    units ??= Buffer.from(text, 'utf16le');
    return units.toString('utf16le', 2 * start, 2 * end);
  };
}

/** `piece` as a string of its own (see ownPieces), for one piece alone. */
export function ownCopy(piece: string): string {
  return typeof Buffer === 'undefined' || !copied(0, piece.length, piece.length) ? piece : Buffer.from(piece, 'utf16le').toString('utf16le');
}

/**
 * The matches of the global `pattern` in `text`, in order, as matchAll gives them from lastIndex 0 (and lastIndex
 * left at 0). matchAll copies the pattern on each call, about a microsecond: more than the search itself in a
 * heading or a paragraph's opening, and analyses make thousands of such calls.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return found;
}

/** An error (or anything thrown) as one message. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `text` cut to `max` UTF-16 units with an ellipsis, for labels and prompts. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Orders strings by their UTF-16 code units, as `<` does: the same order on every machine, and far cheaper than
 * localeCompare (ICU) for thousands of paths.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
