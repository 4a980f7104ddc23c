import { generateKeyPairSync, sign } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { BASE_URL } from './support/env';
import { listTicket, type Page, type Ticket } from './support/market';
import { type Problem, Visitor } from './support/visitor';

const base64Url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8'));
}

/** The same claims under the same key id, signed by a key auth-service never had. */
function forged(token: string, claims: Record<string, unknown> = {}): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingInput = `${base64Url(JSON.stringify(decodePart(token, 0)))}.${base64Url(
    JSON.stringify({ ...decodePart(token, 1), ...claims }),
  )}`;
  return `${signingInput}.${base64Url(sign(null, Buffer.from(signingInput), privateKey))}`;
}

function badTokens(real: string, otherUser: string): Record<string, string> {
  const [header, payload, signature] = real.split('.') as [string, string, string];
  const claims = decodePart(real, 1);
  return {
    'signed by an unknown key under the trusted key id': forged(real),
    'another user in the payload, the signature kept': `${header}.${base64Url(
      JSON.stringify({ ...claims, sub: otherUser }),
    )}.${signature}`,
    'alg none': `${base64Url(JSON.stringify({ alg: 'none', kid: decodePart(real, 0).kid }))}.${payload}.`,
    'signature removed': `${header}.${payload}.`,
    'expired an hour ago, re-signed by an unknown key': forged(real, {
      iat: Math.floor(Date.now() / 1000) - 7200,
      exp: Math.floor(Date.now() / 1000) - 3600,
    }),
    garbage: 'not-a-jwt',
  };
}

function expectProblem(
  answer: { status: number; headers: Headers; body: unknown },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status, code });
  const text = JSON.stringify(answer.body);
  expect(text).not.toMatch(/Exception|at [a-z]+\.[a-z]+\.|SQL|org\.springframework/);
}

describe('the single origin', () => {
  it('passes every service through with cookies, statuses and problems intact', async () => {
    const visitor = await Visitor.signUp('origin');
    expect(await visitor.cookie('session')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await visitor.cookie('refresh')).toBeDefined();
    const me = await visitor.get<{ currentUser: { id: string } }>('/api/users/currentuser');
    expect(me.body.currentUser.id).toBe(visitor.id);
    const jwks = await visitor.get<{ keys: { kty: string; crv: string; d?: string }[] }>(
      '/api/users/.well-known/jwks.json',
    );
    expect(jwks.body.keys.length).toBeGreaterThan(0);
    expect(jwks.body.keys.every((key) => key.crv === 'Ed25519' && key.d === undefined)).toBe(true);

    expectProblem(await visitor.get('/api/nothing-here'), 404, 'not_found');
    expectProblem(await visitor.get('/api/tickets/not-a-uuid'), 404, 'ticket_not_found');
    expectProblem(
      await visitor.get('/api/orders/00000000-0000-0000-0000-000000000000'),
      404,
      'order_not_found',
    );
    const page = await visitor.get<Page<Ticket>>('/api/tickets?page=0&size=5');
    expect(page.body).toMatchObject({ page: 0, size: 5 });
    expect(typeof page.body.totalExact).toBe('boolean');
    expectProblem(await visitor.get('/api/tickets?size=1000'), 400, 'validation_failed');
    expectProblem(await visitor.get('/api/tickets?status=lost'), 400, 'validation_failed');
  });

  it('refuses bad input with a problem and changes nothing', async () => {
    const seller = await Visitor.signUp('bad-input');
    const before = await seller.get<Page<Ticket>>(`/api/tickets?sellerId=${seller.id}&status=all`);
    const json = { 'content-type': 'application/json' };

    expectProblem(
      await seller.post('/api/tickets', { body: '{"title": "x", ', headers: json }),
      400,
      'malformed_request',
    );
    expectProblem(
      await seller.post('/api/tickets', { json: { title: 'x', price: '12.50' } }),
      400,
      'malformed_request',
    );
    expectProblem(await seller.post('/api/tickets', { json: [1, 2, 3] }), 400, 'malformed_request');
    const invalid = await seller.post<Problem>('/api/tickets', {
      json: { title: ' ', price: 0, currency: 'euro', eventAt: '2001-01-01T00:00:00Z' },
    });
    expectProblem(invalid, 400, 'validation_failed');
    expect(invalid.body.errors!.map((error) => error.field).sort()).toEqual([
      'currency',
      'eventAt',
      'price',
      'title',
    ]);
    expectProblem(
      await seller.post('/api/tickets', {
        body: 'title=x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
    const huge = JSON.stringify({ title: 'big', price: 100, description: 'x'.repeat(70 * 1024) });
    expectProblem(
      await seller.post('/api/tickets', { body: huge, headers: json }),
      413,
      'payload_too_large',
    );
    const wrongMethod = await seller.request('PATCH', '/api/tickets');
    expect(wrongMethod.status).toBe(405);
    expectProblem(
      await seller.post('/api/orders', { json: { ticketId: 'not-a-uuid' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await seller.post('/api/payments', {
        json: { orderId: '00000000-0000-0000-0000-000000000000', paymentMethod: 'pm_card_visa' },
        headers: { 'Idempotency-Key': 'x'.repeat(300) },
      }),
      400,
      'validation_failed',
    );

    const after = await seller.get<Page<Ticket>>(`/api/tickets?sellerId=${seller.id}&status=all`);
    expect(after.body.totalItems).toBe(before.body.totalItems);
  });

  it('answers forged and tampered tokens with 401 on every protected route', async () => {
    const victim = await Visitor.signUp('victim');
    const listed = await listTicket(victim);
    const attacker = await Visitor.signUp('attacker');
    const real = (await attacker.cookie('session'))!;

    for (const [name, token] of Object.entries(badTokens(real, victim.id))) {
      for (const [method, path, json] of [
        ['GET', '/api/orders', undefined],
        ['POST', '/api/tickets', { title: 'forged', price: 100 }],
        ['PUT', `/api/tickets/${listed.id}`, { title: 'stolen', price: 1 }],
        ['DELETE', `/api/tickets/${listed.id}`, undefined],
        ['POST', '/api/payments', { orderId: listed.id, paymentMethod: 'pm_card_visa' }],
      ] as const) {
        const bearer = new Visitor();
        const answer = await bearer.request(method, path, {
          json,
          headers: { authorization: `Bearer ${token}` },
          refreshOn401: false,
        });
        expect(answer.status, `${name}: ${method} ${path}`).toBe(401);
        expect((answer.body as Problem).code).toBe('unauthenticated');
      }
      const cookie = await new Visitor().get<{ currentUser: unknown }>('/api/users/currentuser', {
        headers: { cookie: `session=${token}` },
      });
      expect(cookie.body.currentUser, name).toBeNull();
    }
    const untouched = await victim.get<Ticket>(`/api/tickets/${listed.id}`);
    expect(untouched.body).toMatchObject({ title: listed.title, status: 'available', version: 1 });
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const visitor = await Visitor.signUp('csrf');
    const crossSite = await visitor.post('/api/tickets', {
      json: { title: 'cross-site', price: 100 },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expectProblem(crossSite, 403, 'csrf_rejected');
    const mine = await visitor.get<Page<Ticket>>(`/api/tickets?sellerId=${visitor.id}&status=all`);
    expect(mine.body.totalItems).toBe(0);
  });

  it('renews a session through the refresh cookie and revokes the family when a rotated one is reused', async () => {
    const visitor = await Visitor.signUp('refresh');
    const firstRefresh = (await visitor.cookie('refresh'))!;
    const renewed = await visitor.refresh();
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ id: visitor.id, email: visitor.email });
    expect(await visitor.cookie('refresh')).not.toBe(firstRefresh);

    const thief = new Visitor();
    const replay = await thief.post<Problem>('/api/users/refresh', {
      headers: { cookie: `refresh=${firstRefresh}` },
    });
    expectProblem(replay, 401, 'unauthenticated');
    // The reuse revoked the whole family: the visitor's current refresh token is dead too.
    expect((await visitor.refresh()).status).toBe(401);
  });

  it('serves the storefront pages and its health from the same origin', async () => {
    const home = await fetch(`${BASE_URL}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('Tickets on sale');
    const missing = await fetch(`${BASE_URL}/no/such/page`);
    expect(missing.status).toBe(404);
    const health = await fetch(`${BASE_URL}/healthz`);
    expect(await health.json()).toEqual({ status: 'UP' });
  });
});
