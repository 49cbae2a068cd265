import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArabic, parseChineseNumeral, parseNumeral, scaleDecimal } from '../../src/core/numerals';

test('a magnitude is applied exactly, by moving the decimal point', () => {
  // Floating point gives 440000000.00000006, 1810000000.0000002 and 2180000000000.0002.
  assert.notEqual(4.4 * 1e8, 440000000);
  assert.equal(scaleDecimal('4.4', 8), 440000000);
  assert.equal(scaleDecimal('18.1', 8), 1810000000);
  assert.equal(scaleDecimal('2.18', 12), 2180000000000);
  assert.equal(scaleDecimal('331.7', 4), 3317000);
  assert.equal(scaleDecimal('1.05', 8), 105000000);
  assert.equal(scaleDecimal('56.9', 12), 56900000000000);
  assert.equal(scaleDecimal('1.2', 12), 1200000000000);
  assert.equal(scaleDecimal('2.39', 8), 239000000);
  assert.equal(scaleDecimal('0.01', 4), 100);
  assert.equal(scaleDecimal('45.03', 8), 4503000000);
  assert.equal(scaleDecimal('51593', 4), 515930000);
  assert.equal(scaleDecimal('0.125', 2), 12.5);
  assert.equal(scaleDecimal('7', 0), 7);
});

test('Arabic numbers: full-width digits, full-width point, thousands separators, canonical form', () => {
  assert.equal(normalizeArabic('１２３．５'), '123.5');
  assert.equal(normalizeArabic('２０２４'), '2024');
  assert.equal(normalizeArabic('1,234.5'), '1234.5');
  assert.equal(normalizeArabic('24,000'), '24000');
  assert.equal(normalizeArabic('007.50'), '7.5');
  assert.equal(normalizeArabic('0.01'), '0.01');
  assert.equal(normalizeArabic('12a'), undefined);
  assert.equal(parseNumeral('３３１．７'), '331.7');
});

test('Chinese numerals', () => {
  const cases: [string, string][] = [
    ['一', '1'],
    ['两', '2'],
    ['十', '10'],
    ['十五', '15'],
    ['二十', '20'],
    ['九十九', '99'],
    ['一百二十', '120'],
    ['一百零五', '105'],
    ['一百二', '120'], // abbreviated
    ['两千', '2000'],
    ['三千零五十', '3050'],
    ['三万五千', '35000'],
    ['三万五', '35000'],
    ['一万亿', '1000000000000'],
    ['三亿五千万', '350000000'],
    ['二〇二四', '2024'], // written digit by digit, as years are
    ['三点五', '3.5'],
    ['零点五', '0.5'],
  ];
  for (const [written, decimal] of cases) assert.equal(parseChineseNumeral(written), decimal, written);
});

test('character runs that are words or names, not numerals', () => {
  for (const written of ['七一', '一一', '二三', '零', '〇', '百', '十百', '一点', '两三点']) {
    assert.equal(parseChineseNumeral(written), undefined, written);
  }
});
