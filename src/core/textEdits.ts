// Where two versions of a text differ, as a few edits, found without a full diff: typing between two analyses
// changes a few places of a large report, and everything else is the same text moved. The texts are compared
// a block at a time (string equality is a memory compare); after each difference the old text is found again
// in the new one near it (an anchor of a few dozen characters), which gives the edit's extent.

/** Old text [from, to) became something else; offsets at or after `from` move by `shift` (new − old, all edits so far). */
export interface TextEdit {
  from: number;
  to: number;
  shift: number;
}

/** An edit with the text it put in, as the editor reports a change (found by comparing texts, an edit has none). */
export interface EditWithText extends TextEdit {
  text: string;
}

/** A text's characters as analyzeEdit reads them around an edit, at whole-number offsets: a string, or an EditedText. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start?: number, end?: number): string;
  /** Where the one character `char` is next, from `position` on. */
  indexOf(char: string, position?: number): number;
  /** Where the one character `char` last is, at or before `position` (as String.prototype.lastIndexOf reads it). */
  lastIndexOf(char: string, position?: number): number;
}

/**
 * The text after one edit, read through the text before it and what the edit put in, not from the new string itself:
 * a string made by slicing and joining (the worker applies the editor's changes so) is copied whole the first time
 * it is read (V8 flattens it: about 3 ms per MB here), which an edit's analysis from its paragraph does not need.
 */
export class EditedText implements TextReader {
  readonly length: number;
  /** The edit: old [from, to) became `inserted`, new [from, end); the old text after it is `shift` further on. */
  private readonly from: number;
  private readonly to: number;
  private readonly shift: number;
  private readonly inserted: string;
  private readonly end: number;

  /** `before`: the text before the edit (itself read through edits, at several places: core/severalPlaces); `edit`: [from, to) of it became edit.text. */
  constructor(
    private readonly before: TextReader,
    edit: EditWithText,
  ) {
    ({ from: this.from, to: this.to, shift: this.shift, text: this.inserted } = edit);
    if (this.inserted.length - (this.to - this.from) !== this.shift) throw new Error('the edit\'s text does not match its shift');
    this.length = before.length + this.shift;
    this.end = this.from + this.inserted.length;
  }

  charCodeAt(i: number): number {
    return i < this.from ? this.before.charCodeAt(i) : i < this.end ? this.inserted.charCodeAt(i - this.from) : this.before.charCodeAt(i - this.shift);
  }

  slice(start = 0, stop = this.length): string {
    const { from, to, shift } = this;
    const a = clamp(start, this.length);
    const b = Math.max(a, clamp(stop, this.length));
    if (b <= from) return this.before.slice(a, b);
    if (a >= this.end) return this.before.slice(a - shift, b - shift);
    const head = a < from ? this.before.slice(a, from) : '';
    const middle = this.inserted.slice(Math.max(0, a - from), Math.min(this.inserted.length, b - from));
    const tail = b > this.end ? this.before.slice(to, b - shift) : '';
    return head + middle + tail;
  }

  indexOf(char: string, position = 0): number {
    if (char.length !== 1) throw new Error('EditedText.indexOf looks for one character');
    const { from, to, shift } = this;
    const p = Math.max(0, position);
    // (A search of the old text from before the edit that passed it is not made again for the part after it.)
    let past: number | undefined;
    if (p < from) {
      const at = this.before.indexOf(char, p);
      if (at >= 0 && at < from) return at;
      if (at < 0 || at >= to) past = at;
    }
    if (p < this.end) {
      const at = this.inserted.indexOf(char, Math.max(0, p - from));
      if (at >= 0) return from + at;
    }
    const at = past ?? this.before.indexOf(char, Math.max(p, this.end) - shift);
    return at < 0 ? -1 : at + shift;
  }

  lastIndexOf(char: string, position = Infinity): number {
    if (char.length !== 1) throw new Error('EditedText.lastIndexOf looks for one character');
    const { from, to, shift, end } = this;
    const p = Number.isNaN(position) ? this.length - 1 : Math.max(0, Math.min(position, this.length - 1));
    if (p >= end) {
      const at = this.before.lastIndexOf(char, p - shift);
      if (at >= to) return at + shift;
    }
    if (p >= from && end > from) {
      const at = this.inserted.lastIndexOf(char, Math.min(p, end - 1) - from);
      if (at >= 0) return from + at;
    }
    return from > 0 ? this.before.lastIndexOf(char, Math.min(p, from - 1)) : -1;
  }
}

/** A change as the editor reports it, in the offsets of the text it changed: [offset, offset + length) became `text`. */
export interface TextChangeLike {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** Most places the changes between two analyses may touch (cursors typed at) for composedEdits to tell them apart. */
export const MAX_PLACES = 32;

/**
 * The edits of `before` that the changes, applied in turn, make together: one for each place they touch (keystrokes
 * typed at one place between two analyses are one edit; typing with several cursors, one for each), in order, shifts
 * summed as textEdits gives them; a change that touches the stretch an earlier one made joins its edit. Each is trimmed
 * to what differs. Undefined when they make no edit (text typed and deleted back) or touch more than `maxPlaces` places.
 * Found from the changes, not by comparing the texts: that reads the new text whole, which the worker made by slicing
 * and joining (15–25 ms for 5 MB, against 1–2 ms for the paragraph's analysis).
 */
export function composedEdits(before: string, changes: readonly TextChangeLike[], maxPlaces = MAX_PLACES): EditWithText[] | undefined {
  /** Apart and in order: [from, to) of `before` became `text`. */
  const stretches: { from: number; to: number; text: string }[] = [];
  const grows = (s: { from: number; to: number; text: string }) => s.text.length - (s.to - s.from);
  for (const c of changes) {
    // The stretches the change touches, [i, j), in the current text (`before` moved by the stretches before).
    let i = 0;
    let shift = 0;
    while (i < stretches.length && stretches[i].from + shift + stretches[i].text.length < c.offset) shift += grows(stretches[i++]);
    let j = i;
    let shiftEnd = shift;
    while (j < stretches.length && stretches[j].from + shiftEnd <= c.offset + c.length) shiftEnd += grows(stretches[j++]);
    const from = Math.min(c.offset - shift, i < j ? stretches[i].from : Infinity);
    const to = Math.max(c.offset + c.length - shiftEnd, i < j ? stretches[j - 1].to : -Infinity);
    // The current text of [from, to), and the change made in it.
    let current = '';
    let at = from;
    for (let k = i; k < j; k++) {
      current += before.slice(at, stretches[k].from) + stretches[k].text;
      at = stretches[k].to;
    }
    current += before.slice(at, to);
    const start = c.offset - (from + shift);
    stretches.splice(i, j - i, { from, to, text: current.slice(0, start) + c.text + current.slice(start + c.length) });
    if (stretches.length > maxPlaces) return undefined;
  }
  const edits: EditWithText[] = [];
  let shift = 0;
  for (const s of stretches) {
    if (s.from === s.to && s.text === '') continue;
    shift += grows(s);
    edits.push({ ...trimmed(before, s), shift });
  }
  return edits.length > 0 ? edits : undefined;
}

/**
 * [from, to) of `before` became `text`, without what it put back as it was. (When that is all of it, as typing over a
 * closing bracket the editor put in, the edit stays as the editor made it, which analyzeEdit answers from its paragraph.)
 */
function trimmed(before: string, { from, to, text }: { from: number; to: number; text: string }): { from: number; to: number; text: string } {
  let head = 0;
  while (from + head < to && head < text.length && before.charCodeAt(from + head) === text.charCodeAt(head)) head++;
  let tail = 0;
  while (from + head < to - tail && head < text.length - tail && before.charCodeAt(to - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  if (from + head === to - tail && head === text.length - tail) return { from, to, text };
  return { from: from + head, to: to - tail, text: text.slice(head, text.length - tail) };
}

/** A character of each text readWhole read, kept so that the read is not dropped as unused. */
let lastRead = 0;

/**
 * Has V8 copy a string made by slicing and joining into one piece now, at a time that suits (after an answer is
 * sent), rather than at its next read, which would then wait for the copy.
 */
export function readWhole(text: string): void {
  lastRead ^= text.charCodeAt(text.length >> 1);
}

/** String.prototype.slice's reading of an index: negative from the end, within [0, length]. */
function clamp(i: number, length: number): number {
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}

/** How far the text is searched for an anchor after a difference, and the anchor's length. */
const WINDOW = 4096;
const ANCHOR = 32;
/** More edits than this between two analyses: one edit from the first difference to the last. */
const MAX_EDITS = 64;

/** The edits that turn `a` into `b`, in order; [] when they are equal. */
export function textEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const k = commonRun(a, i, b, j);
    i += k;
    j += k;
    if (i >= a.length && j >= b.length) return edits;
    const next = edits.length < MAX_EDITS ? resync(a, i, b, j) : undefined;
    if (!next) return [...edits, lastEdit(a, b, i)];
    edits.push({ from: i, to: next.i, shift: next.j - next.i });
    i = next.i;
    j = next.j;
  }
}

/** Where `offset` of the old text is in the new one, for an offset outside the edited stretches. */
export function movedOffset(edits: readonly TextEdit[], offset: number): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid].from <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? offset : offset + edits[lo - 1].shift;
}

/** How many characters a[i…] and b[j…] have in common. */
function commonRun(a: string, i: number, b: string, j: number): number {
  const n = Math.min(a.length - i, b.length - j);
  let k = 0;
  for (const block of [65536, 4096, 256, 16]) {
    while (k + block <= n && a.slice(i + k, i + k + block) === b.slice(j + k, j + k + block)) k += block;
  }
  while (k < n && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
  return k;
}

/** The nearest place after a difference where the texts agree again: an insertion, a deletion, or a replacement. */
function resync(a: string, i: number, b: string, j: number): { i: number; j: number } | undefined {
  if (i >= a.length) return { i, j: b.length }; // text added at the end
  if (j >= b.length) return { i: a.length, j }; // text removed at the end
  if (a.length - i < ANCHOR || b.length - j < ANCHOR) return undefined;
  const inserted = b.indexOf(a.slice(i, i + ANCHOR), j);
  const deleted = a.indexOf(b.slice(j, j + ANCHOR), i);
  const ins = inserted >= 0 && inserted - j <= WINDOW ? inserted - j : Infinity;
  const del = deleted >= 0 && deleted - i <= WINDOW ? deleted - i : Infinity;
  if (ins !== Infinity || del !== Infinity) return ins <= del ? { i, j: j + ins } : { i: i + del, j };
  // Replaced: an anchor a little further on in the old text, found near in the new one.
  for (let d = 1; d <= 256 && i + d + ANCHOR <= a.length; d++) {
    const at = b.indexOf(a.slice(i + d, i + d + ANCHOR), j);
    if (at >= 0 && at - j <= WINDOW) return { i: i + d, j: at };
  }
  return undefined;
}

/** One edit from `from` to where the texts' common end begins. */
function lastEdit(a: string, b: string, from: number): TextEdit {
  let s = 0;
  const limit = Math.min(a.length, b.length) - from;
  while (s < limit && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { from, to: a.length - s, shift: b.length - a.length };
}
