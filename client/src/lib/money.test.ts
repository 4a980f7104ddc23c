import { describe, expect, it } from 'vitest';

import {
  formatBalance,
  formatMoney,
  fractionDigits,
  MAX_PRICE,
  parsePrice,
  toDecimal,
} from './money';

describe('fractionDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('knows %s has %i minor-unit digits', (currency, digits) => {
    expect(fractionDigits(currency)).toBe(digits);
  });
});

describe('toDecimal', () => {
  it.each([
    [1250, 'USD', '12.50'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [100, 'EUR', '1.00'],
    [100_000_000, 'USD', '1000000.00'],
    [-5, 'USD', '-0.05'],
    [-1250, 'EUR', '-12.50'],
    [1250, 'JPY', '1250'],
    [0, 'JPY', '0'],
    [5, 'KWD', '0.005'],
    [1_234_567, 'KWD', '1234.567'],
  ])('writes %i %s as "%s"', (minor, currency, text) => {
    expect(toDecimal(minor, currency)).toBe(text);
  });
});

describe('formatMoney', () => {
  it.each([
    [1250, 'USD', '$12.50'],
    [5, 'USD', '$0.05'],
    [100_000_000, 'USD', '$1,000,000.00'],
    [-1250, 'USD', '-$12.50'],
    [1250, 'EUR', '€12.50'],
    [99, 'GBP', '£0.99'],
    [1250, 'JPY', '¥1,250'],
    [1250, 'KWD', 'KWD\u00a01.250'],
  ])('formats %i %s as "%s"', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });
});

describe('formatBalance', () => {
  it.each([
    [-1200, 'EUR', '\u2212€12.00'],
    [-1, 'USD', '\u2212$0.01'],
    [-1250, 'JPY', '\u2212¥1,250'],
    [-1250, 'BHD', '\u2212BHD\u00a01.250'],
    [-5, 'BHD', '\u2212BHD\u00a00.005'],
    [0, 'EUR', '€0.00'],
    [0, 'JPY', '¥0'],
    [0, 'BHD', 'BHD\u00a00.000'],
    [9000, 'EUR', '€90.00'],
    [1250, 'JPY', '¥1,250'],
    [1_234_567, 'BHD', 'BHD\u00a01,234.567'],
  ])('writes a balance of %i %s as "%s"', (minor, currency, text) => {
    expect(formatBalance(minor, currency)).toBe(text);
  });

  it('writes a negative balance with a minus sign, not a hyphen', () => {
    expect(formatBalance(-1200, 'EUR').charCodeAt(0)).toBe(0x2212);
    expect(formatBalance(-1200, 'EUR')).not.toContain('-');
  });
});

describe('parsePrice', () => {
  it.each([
    ['12.5', 'USD', 1250],
    ['12.50', 'USD', 1250],
    ['1,250.00', 'USD', 125_000],
    ['0.29', 'USD', 29],
    ['0.01', 'USD', 1],
    ['80', 'USD', 8000],
    [' 45.00 ', 'EUR', 4500],
    ['1250', 'JPY', 1250],
    ['1.5', 'KWD', 1500],
    ['1.234', 'KWD', 1234],
    ['1000000', 'USD', MAX_PRICE],
    ['100000000', 'JPY', MAX_PRICE],
    ['1,000,000', 'USD', MAX_PRICE],
    ['0000000000012.50', 'USD', 1250],
    ['12.', 'USD', 1200],
  ])('reads "%s" %s as %i minor units', (input, currency, minor) => {
    expect(parsePrice(input, currency)).toStrictEqual({ minor });
  });

  it('reads every cent of 0.00–9.99 exactly, without floating-point error', () => {
    for (let cents = 1; cents < 1000; cents++) {
      const input = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parsePrice(input, 'USD')).toStrictEqual({ minor: cents });
    }
  });

  it.each([
    ['', 'USD', 'Enter a price.'],
    ['   ', 'USD', 'Enter a price.'],
    ['abc', 'USD', 'Enter a price as a number, like 45.00.'],
    ['12a', 'USD', 'Enter a price as a number, like 45.00.'],
    ['-5', 'USD', 'Enter a price as a number, like 45.00.'],
    ['.5', 'USD', 'Enter a price as a number, like 45.00.'],
    ['1e3', 'USD', 'Enter a price as a number, like 45.00.'],
    ['1.2.3', 'USD', 'Enter a price as a number, like 45.00.'],
    ['$12', 'USD', 'Enter a price as a number, like 45.00.'],
    ['12,50', 'EUR', 'Use a dot for the decimals, like 12.50.'],
    ['12,5', 'EUR', 'Use a dot for the decimals, like 12.50.'],
    ['12 50', 'USD', 'Enter a price as a number, like 45.00.'],
    ['1,25,000', 'USD', 'Enter a price as a number, like 45.00.'],
    ['1250,00', 'USD', 'Use a dot for the decimals, like 12.50.'],
    [',250', 'USD', 'Enter a price as a number, like 45.00.'],
    ['12.345', 'USD', 'Use at most 2 decimal places.'],
    ['1.2345', 'KWD', 'Use at most 3 decimal places.'],
    ['12.5', 'JPY', 'JPY has no minor units; enter a whole number.'],
    ['0', 'USD', 'The price must be more than zero.'],
    ['0.00', 'USD', 'The price must be more than zero.'],
    ['0', 'JPY', 'The price must be more than zero.'],
    ['1000000.01', 'USD', 'The price can be at most $1,000,000.00.'],
    ['100000001', 'JPY', 'The price can be at most ¥100,000,000.'],
    ['999999999999', 'USD', 'The price can be at most $1,000,000.00.'],
    ['99999999999999999999999999', 'USD', 'The price can be at most $1,000,000.00.'],
    ['1' + '0'.repeat(400), 'EUR', 'The price can be at most €1,000,000.00.'],
  ])('refuses "%s" %s: %s', (input, currency, error) => {
    expect(parsePrice(input, currency)).toStrictEqual({ error });
  });
});
