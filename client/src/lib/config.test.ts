import { describe, expect, it, vi } from 'vitest';

import { upstreams } from './config';

function hrefs(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(upstreams(env)).map(([name, url]) => [name, url.href]));
}

describe('upstreams', () => {
  it('defaults to the services on localhost', () => {
    expect(hrefs({})).toStrictEqual({
      users: 'http://localhost:8081/',
      tickets: 'http://localhost:8082/',
      orders: 'http://localhost:8083/',
      payments: 'http://localhost:8084/',
    });
  });

  it('takes each service’s URL from its variable, trimmed, and blank as unset', () => {
    expect(
      hrefs({
        AUTH_SERVICE_URL: 'http://auth-service:8080',
        TICKETS_SERVICE_URL: '  https://tickets.internal  ',
        ORDERS_SERVICE_URL: '',
        PAYMENTS_SERVICE_URL: '   ',
      }),
    ).toStrictEqual({
      users: 'http://auth-service:8080/',
      tickets: 'https://tickets.internal/',
      orders: 'http://localhost:8083/',
      payments: 'http://localhost:8084/',
    });
  });

  it('reads process.env when no environment is given', () => {
    vi.stubEnv('ORDERS_SERVICE_URL', 'http://orders-service:9000');

    expect(upstreams().orders.href).toBe('http://orders-service:9000/');
  });

  it('refuses a value that is not a URL, naming the variable', () => {
    expect(() => upstreams({ TICKETS_SERVICE_URL: 'not a url' })).toThrow(
      new Error('TICKETS_SERVICE_URL must be an absolute http(s) URL, got "not a url"'),
    );
    expect(() => upstreams({ AUTH_SERVICE_URL: 'localhost' })).toThrow(
      new Error('AUTH_SERVICE_URL must be an absolute http(s) URL, got "localhost"'),
    );
  });

  it.each([
    ['ORDERS_SERVICE_URL', 'ftp://orders.internal'],
    ['ORDERS_SERVICE_URL', 'orders-service:8083'],
    ['PAYMENTS_SERVICE_URL', 'file:///etc/passwd'],
    ['TICKETS_SERVICE_URL', 'http://tickets.internal?debug=1'],
    ['AUTH_SERVICE_URL', 'http://auth.internal/#x'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => upstreams({ [variable]: value })).toThrow(
      new Error(`${variable} must be an http(s) URL without query or fragment, got "${value}"`),
    );
  });
});
