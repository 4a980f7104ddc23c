import { describe, expect, it } from 'vitest';

import { capError, capHint, maxPrice, PRICE_CAP_PERCENT } from './price-cap';

describe('maxPrice', () => {
  it('assumes tickets-service’s default cap of 120 %', () => {
    expect(PRICE_CAP_PERCENT).toBe(120);
    expect(maxPrice(8000)).toBe(9600);
  });

  it.each([
    [1, 1],
    [4, 4],
    [5, 6],
    [9, 10],
    [1234, 1480],
    [4999, 5998],
    [100_000_000, 120_000_000],
  ])('rounds %i × 120 / 100 down to %i', (faceValue, max) => {
    expect(maxPrice(faceValue)).toBe(max);
  });

  it('takes another percentage, 100 meaning the face value itself', () => {
    expect(maxPrice(4999, 100)).toBe(4999);
    expect(maxPrice(4999, 150)).toBe(7498);
  });

  it('agrees with integer arithmetic for large face values and any percentage up to 1000', () => {
    for (const faceValue of [100_000_000, 99_999_999, 99_999_937, 12_345_679]) {
      for (let percent = 100; percent <= 1000; percent += 1) {
        const exact = (BigInt(faceValue) * BigInt(percent)) / 100n;
        expect(maxPrice(faceValue, percent)).toBe(Number(exact));
      }
    }
  });
});

describe('capError', () => {
  it('accepts the highest price allowed and refuses one minor unit more', () => {
    expect(capError(9600, 8000, 'EUR')).toBeNull();
    expect(capError(9601, 8000, 'EUR')).toBe(
      'The price can be at most €96.00, 120 % of the face value.',
    );
  });

  it('accepts a price at or below the face value', () => {
    expect(capError(8000, 8000, 'USD')).toBeNull();
    expect(capError(1, 8000, 'USD')).toBeNull();
  });

  it('rounds the cap down, in the currency’s own minor units', () => {
    expect(capError(1480, 1234, 'JPY')).toBeNull();
    expect(capError(1481, 1234, 'JPY')).toBe(
      'The price can be at most ¥1,480, 120 % of the face value.',
    );
  });
});

describe('capHint', () => {
  it('says the highest price and the face value it comes from', () => {
    expect(capHint(8000, 'EUR')).toBe('At most €96.00: up to 120 % of the €80.00 face value.');
  });
});
