// Reading one number in place (sticky regexes): Arabic digits with separators, decimals and fractions
// (1/3), Chinese numerals with an inner magnitude (两千万) and fractions (三分之一).
import { charTable } from './text';
import { MAGNITUDE_EXPONENTS, parseNumeral, scaleDecimal } from './numerals';

/**
 * Where the Arabic number at `pos` ends (`pos`: none), as /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y
 * would match it: digits, thousands groups after commas, a decimal part. (A loop: the pattern ran for every number.)
 */
function arabicEnd(text: string, pos: number): number {
  let end = pos;
  while (isDigit(text.charCodeAt(end))) end++;
  if (end === pos) return pos;
  while (text.charCodeAt(end) === 0x2c && isAsciiDigit(text.charCodeAt(end + 1)) && isAsciiDigit(text.charCodeAt(end + 2)) && isAsciiDigit(text.charCodeAt(end + 3)) && !isAsciiDigit(text.charCodeAt(end + 4))) {
    end += 4;
  }
  const point = text.charCodeAt(end);
  if ((point === 0x2e || point === 0xff0e) && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}
/** Full-width digits with full-width thousands separators (national-1956 ２７，２０３，３１９，０００元). */
const FULL_WIDTH_GROUPED_AT = /[０-９]{1,3}(?:，[０-９]{3}(?![０-９]))+(?:．[０-９]+)?/y;
const ARABIC_DENOMINATOR_AT = /[/／]([0-9０-９]+)(?![0-9０-９/／])/y;
export const CHINESE_AT = /[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/y;
/** 三分之一: the numerator follows 分之. */
const CHINESE_NUMERATOR_AT = /分之([零〇一二两三四五六七八九十百千]+)/y;
const TRAILING_MAGNITUDE = /[万亿]+$/;
const INNER_MAGNITUDE = /[万亿]/;
const YEAR_DIGITS = /^[0-9０-９]{4}$/;
const SINGLE_NUMERALS: ReadonlyMap<string, string> = new Map([
  ['一', '1'], ['二', '2'], ['两', '2'], ['三', '3'], ['四', '4'], ['五', '5'], ['六', '6'], ['七', '7'], ['八', '8'], ['九', '9'], ['十', '10'],
]);

/** SINGLE_NUMERALS by character code: a one-character numeral is read without a string made of it. */
const SINGLE_BY_CODE: ReadonlyMap<number, string> = new Map([...SINGLE_NUMERALS].map(([c, d]) => [c.charCodeAt(0), d]));

const NUMERAL_CHARS = charTable('零〇一二两三四五六七八九十百千万亿');
const FRACTION_DIGITS = charTable('零〇一二三四五六七八九');


/** Where the Chinese numeral at `pos` ends (CHINESE_AT as a loop: this runs for every 一 of a report). */
function chineseNumeralEnd(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && NUMERAL_CHARS[text.charCodeAt(end)] === 1) end++;
  if (end > pos && text.charCodeAt(end) === 0x70b9 /* 点 */ && FRACTION_DIGITS[text.charCodeAt(end + 1)] === 1) {
    end += 2;
    while (end < text.length && FRACTION_DIGITS[text.charCodeAt(end)] === 1) end++;
  }
  return end;
}

/**
 * ASCII digits, with at most one point, that are already the canonical decimal (2024, 35, 6.5; not 007, 6.50,
 * full-width or separated digits): the common case, which needs no normalising.
 */
function plainDecimal(written: string): boolean {
  const n = written.length;
  if (written.charCodeAt(0) === 0x30 && n > 1 && written.charCodeAt(1) !== 0x2e) return false;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = written.charCodeAt(i);
    if (c === 0x2e && point < 0 && i > 0) point = i;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return point < 0 || (point < n - 1 && written.charCodeAt(n - 1) !== 0x30);
}

export interface NumberToken {
  start: number;
  end: number;
  /** Canonical decimal string (for exact scaling); for a fraction, its value. */
  decimal: string;
  /** Number(decimal), always (figures.ts scaledValue counts on it). */
  value: number;
  chinese: boolean;
  /** Four digits, as a calendar year is written (2024, 二〇二四). */
  yearLike: boolean;
  fraction: boolean;
  /** Exponent of a magnitude written inside a Chinese numeral run (两千万 → 4). */
  exponent: number;
  /**
   * Digits written one by one with single spaces between them (7 4 7 7 2 亿元, 1 5 ．3 ％: a PDF-extraction
   * artefact of some reports): one space may also stand before the magnitude or unit.
   */
  spaced?: boolean;
}

/**
 * The number at `pos`. With `into`, a number read the common way is written into it and `into` is returned (the
 * caller keeps nothing of it past the next read): the scan reads every numeral of a report, 一 of 一批 too, and an
 * object for each was ~0.9 MB of garbage per 1 MB analysed. Other numbers (fractions, spaced digits) are new objects.
 */
export function readNumber(text: string, pos: number, into?: NumberToken): NumberToken | undefined {
  const c = text.charCodeAt(pos);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return readArabic(text, pos, into);
  return readChinese(text, pos, into);
}

/** A token to pass to readNumber as `into` (its fields as a read writes them, so they keep one shape). */
export function scratchToken(): NumberToken {
  return { start: 0, end: 0, decimal: '0', value: 0, chinese: false, yearLike: false, fraction: false, exponent: 0, spaced: undefined };
}

/** The token read at [start, end): written into `into` when given, else a new one. */
function tokenOf(
  into: NumberToken | undefined,
  start: number,
  end: number,
  decimal: string,
  chinese: boolean,
  yearLike: boolean,
  exponent: number,
): NumberToken {
  const value = Number(decimal);
  if (into === undefined) return { start, end, decimal, value, chinese, yearLike, fraction: false, exponent };
  into.start = start;
  into.end = end;
  into.decimal = decimal;
  into.value = value;
  into.chinese = chinese;
  into.yearLike = yearLike;
  into.fraction = false;
  into.exponent = exponent;
  into.spaced = undefined;
  return into;
}

function readArabic(text: string, pos: number, into: NumberToken | undefined): NumberToken | undefined {
  let digitsEnd = arabicEnd(text, pos);
  if (digitsEnd === pos) return undefined;
  // One digit then a space: perhaps digits spaced one by one (1 9 9 7 年, 8 5 ％).
  if (digitsEnd === pos + 1 && text.charCodeAt(pos + 1) === 0x20) return readSpaced(text, pos);
  // ３，５５６: full-width digits grouped by full-width commas (tested only where a full-width comma follows).
  if (text.charCodeAt(digitsEnd) === 0xff0c && digitsEnd - pos <= 3) {
    FULL_WIDTH_GROUPED_AT.lastIndex = pos;
    if (FULL_WIDTH_GROUPED_AT.test(text)) digitsEnd = FULL_WIDTH_GROUPED_AT.lastIndex;
  }
  let written = text.slice(pos, digitsEnd);
  // 19·5％ (national-1999): a middle dot between digits stands for the decimal point.
  if (text.charCodeAt(digitsEnd) === 0xb7 && !written.includes('.') && isDigit(text.charCodeAt(digitsEnd + 1))) {
    let e = digitsEnd + 1;
    while (isDigit(text.charCodeAt(e))) e++;
    const decimal = parseNumeral(`${written}.${text.slice(digitsEnd + 1, e)}`);
    if (decimal !== undefined) return { start: pos, end: e, decimal, value: Number(decimal), chinese: false, yearLike: false, fraction: false, exponent: 0 };
  }
  // A thousands separator follows at most three digits; otherwise the comma is punctuation (2024,新的…).
  const comma = written.indexOf(',');
  if (comma > 3) written = written.slice(0, comma);
  const decimal = plainDecimal(written) ? written : parseNumeral(written);
  if (decimal === undefined) return undefined;
  let end = pos + written.length;
  const token = tokenOf(into, pos, end, decimal, false, written.length === 4 && YEAR_DIGITS.test(written), 0);
  const slash = text.charCodeAt(end);
  if (slash !== 0x2f && slash !== 0xff0f) return token; // no fraction (/ or ／) follows
  ARABIC_DENOMINATOR_AT.lastIndex = end;
  const f = ARABIC_DENOMINATOR_AT.exec(text);
  if (f && !decimal.includes('.')) {
    const denominator = Number(parseNumeral(f[1]));
    // 1/3 is a fraction; 2023/3/1 is a date.
    if (denominator > token.value && denominator <= 1000) {
      end = ARABIC_DENOMINATOR_AT.lastIndex;
      return { ...token, end, value: token.value / denominator, decimal: String(token.value / denominator), fraction: true, yearLike: false };
    }
  }
  return token;
}

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isPoint = (c: number) => c === 0x2e || c === 0xff0e;

/**
 * Digits separated by single ASCII spaces, a decimal point among them with a space before and/or after it
 * (1 5 ．3, 8 ．8): the token ends after the last digit. A lone digit followed by a space is a token too
 * (5 ％): `spaced` lets one space stand before its magnitude or unit.
 */
function readSpaced(text: string, pos: number): NumberToken | undefined {
  let digits = text[pos];
  let end = pos + 1;
  let point = false;
  for (;;) {
    let q = end;
    if (text.charCodeAt(q) === 0x20) q++;
    if (!point && isPoint(text.charCodeAt(q))) {
      const r = text.charCodeAt(q + 1) === 0x20 ? q + 2 : q + 1;
      if (!isDigit(text.charCodeAt(r))) break;
      point = true;
      digits += '.';
      q = r;
    } else if (q === end || !isDigit(text.charCodeAt(q))) break;
    // Each group is one digit: 12 34 are two numbers, not one spaced number.
    if (isDigit(text.charCodeAt(q + 1))) break;
    digits += text[q];
    end = q + 1;
  }
  const decimal = parseNumeral(digits);
  if (decimal === undefined) return undefined;
  const plain = digits.replace('.', '');
  return {
    start: pos,
    end,
    decimal,
    value: Number(decimal),
    chinese: false,
    yearLike: !point && plain.length === 4,
    fraction: false,
    exponent: 0,
    spaced: true,
  };
}

function readChinese(text: string, pos: number, into: NumberToken | undefined): NumberToken | undefined {
  const end = chineseNumeralEnd(text, pos);
  if (end === pos) return undefined;
  // Most Chinese numerals in a report are one character (一批, 两个, 五年): read those without slicing or parsing.
  const single = end === pos + 1 ? SINGLE_BY_CODE.get(text.charCodeAt(pos)) : undefined;
  let numeral = single === undefined ? text.slice(pos, end) : '';
  let exponent = 0;
  let decimal = single;
  if (numeral.length > 1) {
    const big = TRAILING_MAGNITUDE.exec(numeral);
    if (big && big.index > 0 && MAGNITUDE_EXPONENTS.has(big[0])) {
      exponent = MAGNITUDE_EXPONENTS.get(big[0])!;
      const inner = numeral.slice(0, big.index);
      // 一千三百八十七亿四千万元: the inner 亿 counts in units of the final 万 (13874000 万, not 138700004000 万).
      if (INNER_MAGNITUDE.test(inner)) {
        const whole = parseNumeral(numeral);
        if (whole === undefined) return undefined;
        decimal = String(scaleDecimal(whole, -exponent));
      }
      numeral = inner;
    }
  }
  decimal ??= numeral.length === 1 ? SINGLE_NUMERALS.get(numeral) ?? parseNumeral(numeral) : parseNumeral(numeral);
  if (decimal === undefined) return undefined;
  const token = tokenOf(into, pos, end, decimal, true, numeral.length === 4 && /^[零〇一二三四五六七八九]+$/.test(numeral), exponent);
  if (exponent === 0 && text.startsWith('分之', end)) {
    CHINESE_NUMERATOR_AT.lastIndex = end;
    const f = CHINESE_NUMERATOR_AT.exec(text);
    const numerator = f ? parseNumeral(f[1]) : undefined;
    if (f && numerator !== undefined && Number(numerator) > 0) {
      const value = Number(numerator) / token.value;
      return { ...token, end: CHINESE_NUMERATOR_AT.lastIndex, value, decimal: String(value), fraction: true };
    }
  }
  return token;
}
