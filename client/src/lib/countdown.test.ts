import { describe, expect, it } from 'vitest';

import { clockOffset, formatRemaining, remainingMs } from './countdown';

describe('remainingMs', () => {
  const expiresAt = '2026-03-01T12:15:00Z';
  const deadline = Date.parse(expiresAt);

  it('is the time left until the deadline', () => {
    expect(remainingMs(expiresAt, deadline - 65_000)).toBe(65_000);
    expect(remainingMs(expiresAt, deadline - 1)).toBe(1);
  });

  it('is 0 at and after the deadline, never negative', () => {
    expect(remainingMs(expiresAt, deadline)).toBe(0);
    expect(remainingMs(expiresAt, deadline + 5_000)).toBe(0);
  });
});

describe('formatRemaining', () => {
  it.each([
    [0, '0:00'],
    [-1_000, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [59_000, '0:59'],
    [60_000, '1:00'],
    [65_000, '1:05'],
    [15 * 60_000, '15:00'],
    [3_599_000, '59:59'],
    [3_599_001, '1:00:00'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
    [36_000_000, '10:00:00'],
  ])('writes %i ms as "%s", rounding up to the second', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('clockOffset', () => {
  it('is how far the browser clock is behind the server clock', () => {
    expect(clockOffset(1_000_600, 1_000_000)).toBe(600);
    expect(clockOffset(1_000_000, 1_000_600)).toBe(-600);
    expect(clockOffset(5, 5)).toBe(0);
  });
});
