// @vitest-environment node
// forward() only ever runs in Next's Node server. jsdom would swap in its own DOMException and
// AbortSignal, which are not what Node's fetch throws or accepts.
import { describe, expect, it, vi } from 'vitest';

import type { Upstreams } from './config';
import { forward, MAX_BODY_BYTES } from './proxy';

const TARGETS: Upstreams = {
  users: new URL('http://auth.internal:8081'),
  tickets: new URL('http://tickets.internal:8082'),
  orders: new URL('http://orders.internal:8083'),
  payments: new URL('http://payments.internal:8084'),
};

type Fetcher = typeof fetch;

/** A service answering every call with `answer()`, recording what it was sent. */
function upstream(answer: () => Response = () => new Response('{}', { status: 200 })) {
  return vi.fn<Fetcher>(async () => answer());
}

function sent(fetcher: ReturnType<typeof upstream>): { url: string; init: RequestInit } {
  expect(fetcher).toHaveBeenCalledTimes(1);
  const [url, init] = fetcher.mock.calls[0]!;
  return { url: String(url), init: init ?? {} };
}

function headerList(headers: HeadersInit | undefined): [string, string][] {
  return [...new Headers(headers).entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | null> {
  return body == null ? null : new Response(body).text();
}

function stream(...chunks: Uint8Array[]) {
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(chunk);
      }
      controller.close();
    },
    cancel,
  });
  return { body, cancel };
}

async function problemOf(response: Response) {
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.json(),
  };
}

describe('forward: what goes up', () => {
  it('keeps the path and query and sends them to the service’s upstream', async () => {
    const fetcher = upstream();

    await forward(
      new Request('https://shop.example/api/tickets/abc/def?q=rock+%26+roll&page=2'),
      TARGETS,
      fetcher,
    );

    const { url, init } = sent(fetcher);
    expect(url).toBe('http://tickets.internal:8082/api/tickets/abc/def?q=rock+%26+roll&page=2');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.redirect).toBe('manual');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal?.aborted).toBe(false);
  });

  it.each([
    ['users', '/api/users/signin', 'http://auth.internal:8081/api/users/signin'],
    ['tickets', '/api/tickets', 'http://tickets.internal:8082/api/tickets'],
    ['orders', '/api/orders/o-1', 'http://orders.internal:8083/api/orders/o-1'],
    [
      'payments',
      '/api/payments?orderId=o-1',
      'http://payments.internal:8084/api/payments?orderId=o-1',
    ],
  ])('sends /api/%s to its own service', async (_, path, target) => {
    const fetcher = upstream();

    await forward(new Request(`http://localhost:3000${path}`), TARGETS, fetcher);

    expect(sent(fetcher).url).toBe(target);
  });

  it('forwards the method and the body as it came', async () => {
    const fetcher = upstream();
    const body = '{"title":"Jazz night","price":1250,"note":"ünïcödé"}';

    await forward(
      new Request('https://shop.example/api/tickets/t-1', {
        method: 'PUT',
        body,
        headers: { 'Content-Type': 'application/json' },
      }),
      TARGETS,
      fetcher,
    );

    const { init } = sent(fetcher);
    expect(init.method).toBe('PUT');
    await expect(bodyText(init.body)).resolves.toBe(body);
  });

  it('sends no body for a bodiless POST and DELETE', async () => {
    const fetcher = upstream(() => new Response(null, { status: 204 }));

    await forward(
      new Request('https://shop.example/api/users/signout', { method: 'POST' }),
      TARGETS,
      fetcher,
    );
    await forward(
      new Request('https://shop.example/api/orders/o-1', { method: 'DELETE' }),
      TARGETS,
      fetcher,
    );

    expect(fetcher.mock.calls.map(([, init]) => [init?.method, init?.body])).toStrictEqual([
      ['POST', undefined],
      ['DELETE', undefined],
    ]);
  });

  it('forwards cookies, authorization, content type and other headers, but not hop-by-hop ones', async () => {
    const fetcher = upstream();

    await forward(
      new Request('https://shop.example/api/orders', {
        method: 'POST',
        body: '{"ticketId":"t-1"}',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Cookie: 'session=jwt; refresh=r',
          Authorization: 'Bearer jwt',
          'Idempotency-Key': 'k-1',
          'Sec-Fetch-Site': 'same-origin',
          Origin: 'https://shop.example',
          Host: 'shop.example',
          'Content-Length': '18',
          Connection: 'keep-alive, x-private',
          'Keep-Alive': 'timeout=5',
          'Proxy-Authorization': 'Basic eDp5',
          'Proxy-Connection': 'keep-alive',
          TE: 'trailers',
          Trailer: 'Expires',
          Upgrade: 'h2c',
          Expect: '100-continue',
          'Accept-Encoding': 'gzip, br',
          'Content-Encoding': 'identity',
          'Set-Cookie': 'evil=1',
        },
      }),
      TARGETS,
      fetcher,
    );

    expect(headerList(sent(fetcher).init.headers)).toStrictEqual([
      ['accept', 'application/json'],
      ['accept-encoding', 'identity'],
      ['authorization', 'Bearer jwt'],
      ['content-type', 'application/json'],
      ['cookie', 'session=jwt; refresh=r'],
      ['idempotency-key', 'k-1'],
      ['origin', 'https://shop.example'],
      ['sec-fetch-site', 'same-origin'],
      ['x-forwarded-host', 'shop.example'],
      ['x-forwarded-proto', 'https'],
    ]);
  });

  it('takes x-forwarded-host from the address when the request has no Host header', async () => {
    const fetcher = upstream();

    await forward(new Request('http://localhost:3000/api/tickets'), TARGETS, fetcher);

    const headers = new Headers(sent(fetcher).init.headers);
    expect(headers.get('x-forwarded-host')).toBe('localhost:3000');
    expect(headers.get('x-forwarded-proto')).toBe('http');
  });
});

describe('forward: what the proxy answers itself', () => {
  it.each([
    '/api/unknown/x',
    '/api/',
    '/api',
    '/apix/tickets',
    '/healthz',
    '/tickets',
    '/api/TICKETS',
  ])('answers 404 not_found as problem+json for %s without calling a service', async (path) => {
    const fetcher = upstream();

    const response = await forward(new Request(`https://shop.example${path}`), TARGETS, fetcher);

    await expect(problemOf(response)).resolves.toStrictEqual({
      status: 404,
      type: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'There is nothing at this address.',
        code: 'not_found',
      },
    });
    expect(fetcher).not.toHaveBeenCalled();
  });

  const TOO_LARGE = {
    status: 413,
    type: 'application/problem+json',
    body: {
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'The request body is larger than 64 KiB.',
      code: 'payload_too_large',
    },
  };

  it('answers 413 payload_too_large for a declared Content-Length over 64 KiB', async () => {
    const fetcher = upstream();

    const response = await forward(
      new Request('https://shop.example/api/tickets', {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) },
      }),
      TARGETS,
      fetcher,
    );

    await expect(problemOf(response)).resolves.toStrictEqual(TOO_LARGE);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('answers 413 for a streamed body without Content-Length once it passes 64 KiB, and stops reading', async () => {
    const fetcher = upstream();
    const { body, cancel } = stream(
      new Uint8Array(32 * 1024),
      new Uint8Array(32 * 1024),
      new Uint8Array(1),
      new Uint8Array(32 * 1024),
    );
    const request = new Request('https://shop.example/api/tickets', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();

    const response = await forward(request, TARGETS, fetcher);

    await expect(problemOf(response)).resolves.toStrictEqual(TOO_LARGE);
    expect(fetcher).not.toHaveBeenCalled();
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('forwards a streamed body of exactly 64 KiB whole', async () => {
    const fetcher = upstream();
    const first = new Uint8Array(40 * 1024).fill(1);
    const second = new Uint8Array(MAX_BODY_BYTES - first.byteLength).fill(2);
    const { body } = stream(first, second);

    const response = await forward(
      new Request('https://shop.example/api/tickets', {
        method: 'POST',
        body,
        duplex: 'half',
      } as RequestInit),
      TARGETS,
      fetcher,
    );

    expect(response.status).toBe(200);
    const forwarded = sent(fetcher).init.body as Uint8Array;
    expect(forwarded.byteLength).toBe(MAX_BODY_BYTES);
    expect(forwarded[0]).toBe(1);
    expect(forwarded[first.byteLength - 1]).toBe(1);
    expect(forwarded[first.byteLength]).toBe(2);
    expect(forwarded[MAX_BODY_BYTES - 1]).toBe(2);
  });

  it('answers 503 upstream_unavailable with Retry-After when the service cannot be reached', async () => {
    const fetcher = vi.fn<Fetcher>().mockRejectedValue(new TypeError('fetch failed'));

    const response = await forward(
      new Request('https://shop.example/api/tickets'),
      TARGETS,
      fetcher,
    );

    expect(response.headers.get('retry-after')).toBe('5');
    await expect(problemOf(response)).resolves.toStrictEqual({
      status: 503,
      type: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The tickets service cannot be reached right now. Please try again shortly.',
        code: 'upstream_unavailable',
      },
    });
  });

  it('answers 504 upstream_timeout when the service does not answer in time', async () => {
    // What Node's fetch rejects with when its AbortSignal.timeout() fires.
    const fetcher = vi
      .fn<Fetcher>()
      .mockRejectedValue(
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      );

    const response = await forward(
      new Request('https://shop.example/api/orders', { method: 'POST', body: '{}' }),
      TARGETS,
      fetcher,
    );

    expect(response.headers.get('retry-after')).toBeNull();
    await expect(problemOf(response)).resolves.toStrictEqual({
      status: 504,
      type: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: 'Gateway Timeout',
        status: 504,
        detail: 'The orders service did not answer in time.',
        code: 'upstream_timeout',
      },
    });
  });

  it('answers 503, not 504, when the request was aborted for another reason', async () => {
    const fetcher = vi
      .fn<Fetcher>()
      .mockRejectedValue(new DOMException('This operation was aborted', 'AbortError'));

    const response = await forward(
      new Request('https://shop.example/api/users/currentuser'),
      TARGETS,
      fetcher,
    );

    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe('upstream_unavailable');
  });
});

describe('forward: what comes back', () => {
  it('passes a refusal through with its status and problem body intact', async () => {
    const problem = JSON.stringify({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Ticket is reserved.',
      code: 'ticket_unavailable',
    });
    const fetcher = upstream(
      () =>
        new Response(problem, {
          status: 409,
          statusText: 'Conflict',
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );

    const response = await forward(
      new Request('https://shop.example/api/orders', { method: 'POST', body: '{"ticketId":"t"}' }),
      TARGETS,
      fetcher,
    );

    expect(response.status).toBe(409);
    expect(response.statusText).toBe('Conflict');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    await expect(response.text()).resolves.toBe(problem);
  });

  it('passes a redirect through instead of following it', async () => {
    const fetcher = upstream(
      () => new Response(null, { status: 302, headers: { Location: '/api/tickets/t-2' } }),
    );

    const response = await forward(
      new Request('https://shop.example/api/tickets/t-1'),
      TARGETS,
      fetcher,
    );

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/api/tickets/t-2');
  });

  it('passes every Set-Cookie back', async () => {
    const cookies = [
      'session=jwt; Path=/; HttpOnly; SameSite=Lax',
      'refresh=opaque; Path=/api/users; HttpOnly; SameSite=Strict',
    ];
    const fetcher = upstream(() => {
      const headers = new Headers({ 'Content-Type': 'application/json' });
      for (const cookie of cookies) {
        headers.append('Set-Cookie', cookie);
      }
      return new Response('{"id":"u","email":"a@b.test"}', { status: 200, headers });
    });

    const response = await forward(
      new Request('https://shop.example/api/users/signin', { method: 'POST', body: '{}' }),
      TARGETS,
      fetcher,
    );

    expect(response.headers.getSetCookie()).toStrictEqual(cookies);
    await expect(response.json()).resolves.toStrictEqual({ id: 'u', email: 'a@b.test' });
  });

  it('passes the service’s headers back but not hop-by-hop ones', async () => {
    const fetcher = upstream(
      () =>
        new Response('{}', {
          status: 201,
          headers: {
            'Content-Type': 'application/json',
            Location: '/api/tickets/t-1',
            'Cache-Control': 'no-store',
            'X-Correlation-Id': 'c-1',
            Connection: 'close',
            'Keep-Alive': 'timeout=5',
            'Transfer-Encoding': 'chunked',
            'Content-Length': '2',
            'Content-Encoding': 'gzip',
          },
        }),
    );

    const response = await forward(
      new Request('https://shop.example/api/tickets', { method: 'POST', body: '{}' }),
      TARGETS,
      fetcher,
    );

    expect(headerList(response.headers)).toStrictEqual([
      ['cache-control', 'no-store'],
      ['content-type', 'application/json'],
      ['location', '/api/tickets/t-1'],
      ['x-correlation-id', 'c-1'],
    ]);
  });

  it('answers a 204 with a null body', async () => {
    const fetcher = upstream(() => new Response(null, { status: 204 }));

    const response = await forward(
      new Request('https://shop.example/api/orders/o-1', { method: 'DELETE' }),
      TARGETS,
      fetcher,
    );

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('answers HEAD with the service’s status and headers and a null body', async () => {
    const { body, cancel } = stream(new TextEncoder().encode('{"items":[]}'));
    const fetcher = upstream(
      () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );

    const response = await forward(
      new Request('https://shop.example/api/tickets', { method: 'HEAD' }),
      TARGETS,
      fetcher,
    );

    expect(sent(fetcher).init.method).toBe('HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.body).toBeNull();
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
