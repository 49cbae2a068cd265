// JavaScript strings and VS Code count UTF-16 code units; the export (and Python, brat, W3C Web
// Annotation) count code points. These convert between the two for one text.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether the UTF-16 offset `at` falls between the two halves of a surrogate pair (one character outside the BMP, 𡌶). */
export const splitsPair = (text: string, at: number) => at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

/** The place `count` code points before `from`, as far as the text goes (𡌶 counts one). */
export function codePointsBack(text: string, from: number, count: number): number {
  let at = from;
  for (let n = 0; n < count && at > 0; n++) at -= splitsPair(text, at - 1) ? 2 : 1;
  return at;
}

/** The place `count` code points after `from`, as far as the text goes (𡌶 counts one). */
export function codePointsForward(text: string, from: number, count: number): number {
  let at = from;
  for (let n = 0; n < count && at < text.length; n++) at += splitsPair(text, at + 1) ? 2 : 1;
  return at;
}

/** Maps UTF-16 offsets of one text to code point offsets and back, in O(log n) after O(n) set-up. */
export class OffsetMap {
  /** UTF-16 offsets of the low surrogates (second unit) of astral characters, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 1; i < text.length; i++) {
      if (splitsPair(text, i)) {
        this.astral.push(i);
        i++;
      }
    }
  }

  /** Whether every offset is the same in both encodings. */
  get isIdentity(): boolean {
    return this.astral.length === 0;
  }

  /** Code point length of the text. */
  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /** UTF-16 offset → code point offset. An offset inside a surrogate pair maps to the pair's end. */
  toCodePoint(utf16: number): number {
    // Each astral pair whose low unit lies before `utf16` counted two units for one code point.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    // Each astral pair before the target adds one unit. astral[k] - k is the code point index of pair k's end.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid <= codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}
