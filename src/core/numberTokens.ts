// Reading one number in place (sticky regexes): Arabic digits with separators, decimals and fractions
// (1/3), Chinese numerals with an inner magnitude (两千万) and fractions (三分之一).
import { MAGNITUDE_EXPONENTS, parseNumeral } from './numerals';

const ARABIC_AT = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;
const ARABIC_DENOMINATOR_AT = /[/／]([0-9０-９]+)(?![0-9０-９/／])/y;
export const CHINESE_AT = /[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/y;
/** 三分之一: the numerator follows 分之. */
const CHINESE_NUMERATOR_AT = /分之([零〇一二两三四五六七八九十百千]+)/y;
const TRAILING_MAGNITUDE = /[万亿]+$/;

export interface NumberToken {
  start: number;
  end: number;
  /** Canonical decimal string (for exact scaling); for a fraction, its value. */
  decimal: string;
  value: number;
  chinese: boolean;
  /** Four digits, as a calendar year is written (2024, 二〇二四). */
  yearLike: boolean;
  fraction: boolean;
  /** Exponent of a magnitude written inside a Chinese numeral run (两千万 → 4). */
  exponent: number;
}

export function readNumber(text: string, pos: number): NumberToken | undefined {
  const c = text.charCodeAt(pos);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return readArabic(text, pos);
  return readChinese(text, pos);
}

function readArabic(text: string, pos: number): NumberToken | undefined {
  ARABIC_AT.lastIndex = pos;
  const m = ARABIC_AT.exec(text);
  if (!m) return undefined;
  let written = m[0];
  // A thousands separator follows at most three digits; otherwise the comma is punctuation (2024,新的…).
  const comma = written.indexOf(',');
  if (comma > 3) written = written.slice(0, comma);
  const decimal = parseNumeral(written);
  if (decimal === undefined) return undefined;
  let end = pos + written.length;
  const token: NumberToken = {
    start: pos,
    end,
    decimal,
    value: Number(decimal),
    chinese: false,
    yearLike: /^[0-9０-９]{4}$/.test(written),
    fraction: false,
    exponent: 0,
  };
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

function readChinese(text: string, pos: number): NumberToken | undefined {
  CHINESE_AT.lastIndex = pos;
  const m = CHINESE_AT.exec(text);
  if (!m) return undefined;
  let numeral = m[0];
  let exponent = 0;
  const big = TRAILING_MAGNITUDE.exec(numeral);
  if (big && big.index > 0 && MAGNITUDE_EXPONENTS.has(big[0])) {
    exponent = MAGNITUDE_EXPONENTS.get(big[0])!;
    numeral = numeral.slice(0, big.index);
  }
  const decimal = parseNumeral(numeral);
  if (decimal === undefined) return undefined;
  const end = pos + m[0].length;
  const token: NumberToken = {
    start: pos,
    end,
    decimal,
    value: Number(decimal),
    chinese: true,
    yearLike: numeral.length === 4 && /^[零〇一二三四五六七八九]+$/.test(numeral),
    fraction: false,
    exponent,
  };
  if (exponent === 0) {
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
