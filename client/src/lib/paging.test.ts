import { describe, expect, it } from 'vitest';

import type { Page } from './api/types';
import { morePages, totalText } from './paging';

function page(totalItems: number, totalExact?: boolean): Page<unknown> {
  return {
    items: [],
    page: 0,
    size: 20,
    totalItems,
    totalPages: Math.ceil(totalItems / 20),
    totalExact,
  };
}

describe('totalText', () => {
  it.each([
    [0, '0 tickets'],
    [1, '1 ticket'],
    [13, '13 tickets'],
    [1000, '1,000 tickets'],
    [41274, '41,274 tickets'],
  ])('says an exact total of %i as %s', (total, text) => {
    expect(totalText(page(total, true), 'ticket', 'tickets')).toBe(text);
    expect(totalText(page(total), 'ticket', 'tickets')).toBe(text);
  });

  it.each([
    [1000, '1,000+ tickets'],
    [1020, '1,020+ tickets'],
    [1, '1+ tickets'],
  ])('says a total that stopped counting at %i as %s', (total, text) => {
    expect(totalText(page(total, false), 'ticket', 'tickets')).toBe(text);
  });
});

describe('morePages', () => {
  it('is true only when the count stopped', () => {
    expect(morePages(page(1000, false))).toBe(true);
    expect(morePages(page(1000, true))).toBe(false);
    expect(morePages(page(57))).toBe(false);
  });
});
