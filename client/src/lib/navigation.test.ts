import { describe, expect, it } from 'vitest';

import { pageNumber, safeNext, single } from './navigation';

const ORIGIN = 'https://shop.example';

describe('safeNext', () => {
  it.each(['/', '/orders', '/orders/1?tab=payments#top', '/tickets/a%2F%2Fb', '/a//b'])(
    'keeps the path %s',
    (path) => {
      expect(safeNext(path)).toBe(path);
    },
  );

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['a protocol-relative address', '//evil.example'],
    ['a protocol-relative address with a path', '//evil.example/orders'],
    ['an absolute address', 'https://evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a backslash after the slash', '/\\evil.example'],
    ['a relative path', 'evil'],
    ['a relative path with dots', '../orders'],
    ['a tab between the slashes', '/\t/evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['a carriage return before a backslash', '/\r\\evil.example'],
  ])('falls back to / for %s', (_, value) => {
    expect(safeNext(value)).toBe('/');
  });

  it('falls back to the given fallback', () => {
    expect(safeNext('//evil.example', '/orders')).toBe('/orders');
    expect(safeNext(undefined, '/sell')).toBe('/sell');
  });

  it('takes the first of several values', () => {
    expect(safeNext(['/orders', '/sell'])).toBe('/orders');
    expect(safeNext(['//evil.example', '/orders'])).toBe('/');
    expect(safeNext([])).toBe('/');
  });

  it('only ever answers an address on this site', () => {
    const attempts = [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n\\evil.example',
      '/\t\t//evil.example',
      '/ /evil.example',
      '/%2F/evil.example',
      '/%5Cevil.example',
      'https:evil.example',
      '\\\\evil.example',
      ' //evil.example',
      '/orders',
    ];
    for (const attempt of attempts) {
      expect(new URL(safeNext(attempt), `${ORIGIN}/signin`).origin, attempt).toBe(ORIGIN);
    }
  });
});

describe('single', () => {
  it('takes the first of several values and keeps one value as it is', () => {
    expect(single(['a', 'b'])).toBe('a');
    expect(single('a')).toBe('a');
    expect(single([])).toBeUndefined();
    expect(single(undefined)).toBeUndefined();
  });
});

describe('pageNumber', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    ['007', 7],
    ['999999', 999_999],
  ])('reads "%s" as page %i', (value, page) => {
    expect(pageNumber(value)).toBe(page);
  });

  it.each([undefined, '', '-1', 'abc', '1.5', '1e3', ' 2', '2 ', '0x10', '1234567', 'Infinity'])(
    'reads %j as page 0',
    (value) => {
      expect(pageNumber(value)).toBe(0);
    },
  );

  it('reads the first of several values', () => {
    expect(pageNumber(['2', '5'])).toBe(2);
    expect(pageNumber(['x', '5'])).toBe(0);
  });
});
