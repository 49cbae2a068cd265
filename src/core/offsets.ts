// JavaScript strings and VS Code count UTF-16 code units; the export (and Python, brat, W3C Web
// Annotation) count code points. These convert between the two for one text.

/** Maps UTF-16 offsets of one text to code point offsets and back, in O(log n) after O(n) set-up. */
export class OffsetMap {
  /** UTF-16 offsets of the low surrogates (second unit) of astral characters, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i + 1);
          i++;
        }
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
