import { describe, expect, it } from 'vitest';

import type { Ticket } from './api/types';
import { openResales } from './passes';

function listing(id: string, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    title: 'Arctic Monkeys — floor',
    price: 9500,
    faceValue: 8000,
    currency: 'EUR',
    description: null,
    venue: null,
    eventAt: null,
    sellerId: 'holder-1',
    resoldFrom: null,
    status: 'available',
    version: 0,
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

describe('openResales', () => {
  it('finds the listing on sale or on hold that resells each ticket', () => {
    const onSale = listing('r-1', { resoldFrom: 't-1' });
    const onHold = listing('r-2', { resoldFrom: 't-2', status: 'reserved' });

    expect(openResales([onSale, listing('own-1'), onHold])).toStrictEqual(
      new Map([
        ['t-1', onSale],
        ['t-2', onHold],
      ]),
    );
  });

  it('skips withdrawn and sold resales, and keeps the newest open one', () => {
    const newest = listing('r-3', { resoldFrom: 't-1' });
    const older = listing('r-2', { resoldFrom: 't-1' });
    const withdrawn = listing('r-4', { resoldFrom: 't-1', status: 'withdrawn' });
    const sold = listing('r-1', { resoldFrom: 't-5', status: 'sold' });

    expect(openResales([withdrawn, newest, older, sold])).toStrictEqual(new Map([['t-1', newest]]));
  });
});
