// Numbers as written in Chinese reports: Arabic digits (ASCII or full-width, thousands separators,
// decimals) and Chinese numerals (二十, 一百零五, 两千, 三点五). Values travel as canonical decimal
// strings ("331.7") so that a magnitude is applied by moving the decimal point, never by a float
// multiplication (331.7 × 1e4 in floating point is 3316999.9999999995).

/** Exponent of ten for each magnitude word; the spec's 万, 亿, 万亿, 千, 百 plus the compounds 百万, 千万, 百亿, 千亿. */
export const MAGNITUDE_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['百', 2],
  ['千', 3],
  ['万', 4],
  ['百万', 6],
  ['千万', 7],
  ['亿', 8],
  ['百亿', 10],
  ['千亿', 11],
  ['万亿', 12],
]);

const FULL_WIDTH_ZERO = 0xff10;

/** Full-width digits and point to ASCII, thousands separators (, or ，) dropped: "１,２３４．５" → "1234.5". */
export function normalizeArabic(written: string): string | undefined {
  let out = '';
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += written[i];
    else if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_ZERO + 9) out += String.fromCharCode(c - FULL_WIDTH_ZERO + 0x30);
    else if (written[i] === '.' || written[i] === '．') out += '.';
    else if (written[i] !== ',' && written[i] !== '，') return undefined;
  }
  return canonicalDecimal(out);
}

/** Strips leading zeros of the integer part and trailing zeros of the fraction: "007.50" → "7.5". */
function canonicalDecimal(s: string): string | undefined {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  const int = m[1].replace(/^0+(?=\d)/, '') || '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/**
 * 10 ** k for k = 0…22 (each exact in a double), made by the same operator: a look-up, not a call of pow, for every
 * figure with a magnitude.
 */
export const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** decimal × 10^exponent, exactly: scaleDecimal("1.05", 8) → 105000000. */
export function scaleDecimal(decimal: string, exponent: number): number {
  if (exponent === 0) return Number(decimal);
  const point = decimal.indexOf('.');
  const int = point < 0 ? decimal : decimal.slice(0, point);
  const frac = point < 0 ? '' : decimal.slice(point + 1);
  const digits = int + frac;
  const newPoint = int.length + exponent;
  // The usual case without building a string: the digits as an exact integer times or over an exact power of
  // ten; IEEE arithmetic rounds that exact value once, as Number() rounds the decimal string.
  const n = Number(digits);
  const k = newPoint - digits.length;
  if (Number.isSafeInteger(n) && k >= -22 && k <= 22) return k >= 0 ? n * POWERS_OF_TEN[k] : n / POWERS_OF_TEN[-k];
  let shifted: string;
  if (newPoint <= 0) shifted = `0.${'0'.repeat(-newPoint)}${digits}`;
  else if (newPoint >= digits.length) shifted = digits + '0'.repeat(newPoint - digits.length);
  else shifted = `${digits.slice(0, newPoint)}.${digits.slice(newPoint)}`;
  return Number(shifted);
}

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const CHINESE_SMALL_UNITS: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);
const CHINESE_BIG_UNITS: ReadonlyMap<string, number> = new Map([['万', 1e4], ['亿', 1e8]]);

/**
 * A Chinese numeral as a canonical decimal string, or undefined when the characters do not form one
 * (一一, 七一 are words or names, not numbers). Digit strings of three or more (二〇一四) read positionally.
 */
export function parseChineseNumeral(written: string): string | undefined {
  const point = written.indexOf('点');
  const intPart = point < 0 ? written : written.slice(0, point);
  let frac = '';
  if (point >= 0) {
    for (const ch of written.slice(point + 1)) {
      const d = CHINESE_DIGITS.get(ch);
      if (d === undefined) return undefined;
      frac += d;
    }
    if (!frac) return undefined;
  }
  const int = frac && (intPart === '零' || intPart === '〇') ? 0 : parseChineseInteger(intPart);
  if (int === undefined) return undefined;
  return canonicalDecimal(frac ? `${int}.${frac}` : String(int));
}

function parseChineseInteger(s: string): number | undefined {
  if (!s || s === '零' || s === '〇') return undefined; // 零 alone is a word (零部件, 零的突破)
  if (s[0] === '万' || s[0] === '亿') return undefined; // a magnitude without its number (万亿, 万人)
  if (s.length >= 3 && [...s].every((ch) => CHINESE_DIGITS.has(ch))) {
    return Number([...s].map((ch) => CHINESE_DIGITS.get(ch)).join(''));
  }
  let total = 0; // completed 万/亿 groups
  let section = 0; // below 万
  let digit = -1; // pending digit, -1 when none
  let lastUnit = 0; // the last 十/百/千 seen, for the abbreviated 一百二 (= 120)
  let lastBig = 0; // the last 万/亿 seen, for the abbreviated 三万五 (= 35000)
  let zeroSeen = false;
  for (const ch of s) {
    const d = CHINESE_DIGITS.get(ch);
    if (d !== undefined) {
      if (digit >= 0 && !(digit === 0 && d !== 0)) return undefined; // two digits in a row: not a numeral
      if (d === 0) zeroSeen = true;
      digit = d;
      continue;
    }
    const small = CHINESE_SMALL_UNITS.get(ch);
    if (small !== undefined) {
      if (digit < 0) {
        // 十 may stand alone (十五, 二十); 百 and 千 need a digit.
        if (small !== 10 || section !== 0) return undefined;
        digit = 1;
      }
      if (digit === 0) return undefined;
      if (lastUnit && small >= lastUnit) return undefined; // 十百, 百百
      section += digit * small;
      lastUnit = small;
      digit = -1;
      zeroSeen = false;
      continue;
    }
    const big = CHINESE_BIG_UNITS.get(ch);
    if (big === undefined) return undefined;
    const group = section + Math.max(digit, 0);
    if (big === 1e8) total = (total + group) * 1e8;
    else total += group * 1e4;
    section = 0;
    digit = -1;
    lastUnit = 0;
    lastBig = big;
    zeroSeen = false;
  }
  if (digit > 0) {
    const abbreviatedUnit = zeroSeen ? 0 : lastUnit ? (lastUnit >= 100 ? lastUnit : 0) : lastBig;
    section += abbreviatedUnit ? (digit * abbreviatedUnit) / 10 : digit;
  }
  return total + section;
}

/** The number as a decimal string from Arabic or Chinese writing, or undefined. */
export function parseNumeral(written: string): string | undefined {
  return /^[0-9０-９]/.test(written) ? normalizeArabic(written) : parseChineseNumeral(written);
}
