import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

import { resetSessionRefresh } from '../session';
import { browserTransport } from './browser';

const REFRESH = ['/api/users/refresh', { method: 'POST', credentials: 'same-origin' }];

function status(code: number): Response {
  return new Response(code === 204 ? null : '{}', {
    status: code,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A fetch answering each call with the next of `statuses`. */
function fetchAnswering(...statuses: number[]) {
  const fetcher = vi.fn<typeof fetch>();
  for (const code of statuses) {
    fetcher.mockImplementationOnce(async () => status(code));
  }
  return fetcher;
}

beforeEach(() => {
  resetSessionRefresh();
  localStorage.clear();
});

describe('browserTransport', () => {
  it('calls /api/<service><path> on this origin with the given request and same-origin credentials', async () => {
    const fetcher = fetchAnswering(200);
    const init: RequestInit = {
      method: 'PUT',
      body: '{"title":"x"}',
      headers: { 'Content-Type': 'application/json' },
    };

    const response = await browserTransport(fetcher)('tickets', '/t-1?x=1', init);

    expect(response.status).toBe(200);
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/tickets/t-1?x=1',
        {
          method: 'PUT',
          body: '{"title":"x"}',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
        },
      ],
    ]);
  });

  it.each(['tickets', 'orders', 'payments'] as const)(
    'refreshes the session once and repeats the call once on a 401 from %s',
    async (service) => {
      const fetcher = fetchAnswering(401, 200, 201);
      const init: RequestInit = { method: 'POST', body: '{}' };

      const response = await browserTransport(fetcher)(service, '', init);

      expect(response.status).toBe(201);
      const call = [`/api/${service}`, { method: 'POST', body: '{}', credentials: 'same-origin' }];
      expect(fetcher.mock.calls).toStrictEqual([call, REFRESH, call]);
    },
  );

  it('returns the repeated call’s 401 without refreshing a second time', async () => {
    const fetcher = fetchAnswering(401, 200, 401);

    const response = await browserTransport(fetcher)('orders', '/o-1', {});

    expect(response.status).toBe(401);
    expect(fetcher).toHaveBeenCalledTimes(3);
  });

  it('returns a 401 from users as it is, without refreshing', async () => {
    const fetcher = fetchAnswering(401);

    const response = await browserTransport(fetcher)('users', '/signin', { method: 'POST' });

    expect(response.status).toBe(401);
    expect(fetcher.mock.calls).toStrictEqual([
      ['/api/users/signin', { method: 'POST', credentials: 'same-origin' }],
    ]);
  });

  it('returns the original 401 when the refresh fails', async () => {
    const original = status(401);
    const fetcher = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(original)
      .mockResolvedValueOnce(status(401));

    const response = await browserTransport(fetcher)('payments', '', { method: 'POST' });

    expect(response).toBe(original);
    expect(fetcher.mock.calls).toStrictEqual([
      ['/api/payments', { method: 'POST', credentials: 'same-origin' }],
      REFRESH,
    ]);
  });

  it('returns the original 401 when the refresh cannot reach the server', async () => {
    const original = status(401);
    const fetcher = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(original)
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(browserTransport(fetcher)('tickets', '', {})).resolves.toBe(original);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('shares one refresh between calls that get a 401 at the same time', async () => {
    const fetcher: Mock<typeof fetch> = vi.fn<typeof fetch>(async (input) => {
      const url = String(input);
      if (url === '/api/users/refresh') {
        return status(200);
      }
      const repeated = fetcher.mock.calls.filter(([called]) => called === url).length > 1;
      return status(repeated ? 200 : 401);
    });
    const transport = browserTransport(fetcher);

    const [orders, payments] = await Promise.all([
      transport('orders', '', {}),
      transport('payments', '', {}),
    ]);

    expect(orders.status).toBe(200);
    expect(payments.status).toBe(200);
    expect(fetcher.mock.calls.map(([url]) => url)).toStrictEqual([
      '/api/orders',
      '/api/payments',
      '/api/users/refresh',
      '/api/orders',
      '/api/payments',
    ]);
  });

  it('does not refresh for an error other than 401', async () => {
    const fetcher = fetchAnswering(403);

    const response = await browserTransport(fetcher)('tickets', '/t-1', { method: 'DELETE' });

    expect(response.status).toBe(403);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
