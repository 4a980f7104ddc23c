import { describe, expect, it, vi } from 'vitest';

import { json, page, problem } from '@/testing/http';

import { createApi, type Transport } from './client';
import { ApiError } from './problem';
import type {
  CheckIn,
  Earnings,
  HeldTicket,
  LedgerBalances,
  Order,
  Payment,
  Payout,
  PayoutAccount,
  Ticket,
  TicketInput,
} from './types';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const TICKET: Ticket = {
  id: '7d5f2f5e-0000-4000-8000-000000000001',
  title: 'Arctic Monkeys — floor',
  price: 4500,
  faceValue: 4000,
  currency: 'USD',
  description: null,
  venue: 'O2 Arena',
  eventAt: '2030-06-01T19:00:00Z',
  sellerId: 'seller-1',
  resoldFrom: null,
  status: 'available',
  version: 0,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
};

const ORDER: Order = {
  id: 'order-1',
  status: 'created',
  userId: 'user-1',
  expiresAt: '2026-01-01T10:15:00Z',
  ticket: { id: TICKET.id, title: TICKET.title, price: 4500, currency: 'USD' },
  version: 0,
  createdAt: '2026-01-01T10:00:00Z',
  cancelReason: null,
};

const PAYMENT: Payment = {
  id: 'payment-1',
  orderId: 'order-1',
  amount: 4500,
  currency: 'USD',
  status: 'succeeded',
  provider: 'simulated',
  providerPaymentId: 'sim_1',
  createdAt: '2026-01-01T10:01:00Z',
};

/** A transport answering each call with the next of `answers` (a fresh Response each time). */
function transportAnswering(...answers: (() => Response)[]) {
  const transport = vi.fn<Transport>();
  for (const answer of answers) {
    transport.mockImplementationOnce(async () => answer());
  }
  return transport;
}

describe('createApi builds each call of DESIGN §2', () => {
  it('asks for the current user and unwraps {currentUser}', async () => {
    const user = { id: 'user-1', email: 'ada@example.test', roles: ['door'] };
    const transport = transportAnswering(() => json(200, { currentUser: user }));

    await expect(createApi(transport).currentUser()).resolves.toStrictEqual(user);
    expect(transport.mock.calls).toStrictEqual([['users', '/currentuser', {}]]);
  });

  it('reads a current user without roles as one with none', async () => {
    const transport = transportAnswering(() =>
      json(200, { currentUser: { id: 'user-1', email: 'ada@example.test' } }),
    );

    await expect(createApi(transport).currentUser()).resolves.toStrictEqual({
      id: 'user-1',
      email: 'ada@example.test',
      roles: [],
    });
  });

  it('answers null for a visitor who is not signed in', async () => {
    const transport = transportAnswering(() => json(200, { currentUser: null }));

    await expect(createApi(transport).currentUser()).resolves.toBeNull();
  });

  it('signs up with a JSON POST of email and password', async () => {
    const transport = transportAnswering(() => json(201, { id: 'u', email: 'a@b.test' }));

    await expect(createApi(transport).signup('a@b.test', 'secret123')).resolves.toStrictEqual({
      id: 'u',
      email: 'a@b.test',
    });
    expect(transport.mock.calls).toStrictEqual([
      [
        'users',
        '/signup',
        {
          method: 'POST',
          body: '{"email":"a@b.test","password":"secret123"}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('signs in with a JSON POST of email and password', async () => {
    const transport = transportAnswering(() => json(200, { id: 'u', email: 'a@b.test' }));

    await createApi(transport).signin('a@b.test', 'pässwörd');

    expect(transport.mock.calls).toStrictEqual([
      [
        'users',
        '/signin',
        {
          method: 'POST',
          body: '{"email":"a@b.test","password":"pässwörd"}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('signs out with a bodiless POST and accepts the 204', async () => {
    const transport = transportAnswering(() => new Response(null, { status: 204 }));

    await expect(createApi(transport).signout()).resolves.toBeUndefined();
    expect(transport.mock.calls).toStrictEqual([['users', '/signout', { method: 'POST' }]]);
  });

  it('lists tickets without a query string when nothing is asked for', async () => {
    const transport = transportAnswering(() => json(200, page([TICKET])));

    await expect(createApi(transport).listTickets()).resolves.toStrictEqual(page([TICKET]));
    expect(transport.mock.calls).toStrictEqual([['tickets', '', {}]]);
  });

  it('builds the ticket query from the given parameters, dropping undefined and empty ones', async () => {
    const transport = transportAnswering(() => json(200, page([])));

    await createApi(transport).listTickets({
      q: 'rock & roll',
      status: 'all',
      sellerId: undefined,
      page: 2,
      size: 50,
    });

    expect(transport.mock.calls).toStrictEqual([
      ['tickets', '?q=rock+%26+roll&status=all&page=2&size=50', {}],
    ]);
  });

  it('keeps page 0 but drops an empty search', async () => {
    const transport = transportAnswering(() => json(200, page([])));

    await createApi(transport).listTickets({ q: '', page: 0, sellerId: 'seller-1' });

    expect(transport.mock.calls).toStrictEqual([['tickets', '?page=0&sellerId=seller-1', {}]]);
  });

  it('gets one ticket by its URI-encoded id', async () => {
    const transport = transportAnswering(() => json(200, TICKET));

    await expect(createApi(transport).getTicket('a/b c?d')).resolves.toStrictEqual(TICKET);
    expect(transport.mock.calls).toStrictEqual([['tickets', '/a%2Fb%20c%3Fd', {}]]);
  });

  it('answers null for a ticket that is not found', async () => {
    const transport = transportAnswering(() =>
      problem(404, 'ticket_not_found', { title: 'Not Found' }),
    );

    await expect(createApi(transport).getTicket(TICKET.id)).resolves.toBeNull();
  });

  it('throws when getting a ticket fails with anything but 404', async () => {
    const transport = transportAnswering(() =>
      problem(500, 'internal_error', { title: 'Server Error' }),
    );

    const error = await createApi(transport)
      .getTicket(TICKET.id)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).code).toBe('internal_error');
  });

  it('creates a ticket with a JSON POST of the input', async () => {
    const input: TicketInput = {
      title: 'Jazz night',
      price: 1250,
      currency: 'EUR',
      description: null,
      venue: null,
      eventAt: '2030-01-01T20:00:00.000Z',
    };
    const transport = transportAnswering(() => json(201, TICKET));

    await createApi(transport).createTicket(input);

    expect(transport.mock.calls).toStrictEqual([
      [
        'tickets',
        '',
        {
          method: 'POST',
          body: '{"title":"Jazz night","price":1250,"currency":"EUR","description":null,"venue":null,"eventAt":"2030-01-01T20:00:00.000Z"}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('updates a ticket with a JSON PUT that carries the version', async () => {
    const transport = transportAnswering(() => json(200, { ...TICKET, version: 4 }));

    await createApi(transport).updateTicket('t 1', {
      title: 'Jazz night',
      price: 1250,
      currency: 'USD',
      description: 'Row 4',
      venue: 'Blue Note',
      eventAt: null,
      version: 3,
    });

    expect(transport.mock.calls).toStrictEqual([
      [
        'tickets',
        '/t%201',
        {
          method: 'PUT',
          body: '{"title":"Jazz night","price":1250,"currency":"USD","description":"Row 4","venue":"Blue Note","eventAt":null,"version":3}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('withdraws a ticket with a DELETE', async () => {
    const transport = transportAnswering(() => new Response(null, { status: 204 }));

    await expect(createApi(transport).withdrawTicket(TICKET.id)).resolves.toBeUndefined();
    expect(transport.mock.calls).toStrictEqual([
      ['tickets', `/${TICKET.id}`, { method: 'DELETE' }],
    ]);
  });

  it('sends the face value of a new listing when it is given', async () => {
    const transport = transportAnswering(() => json(201, TICKET));

    await createApi(transport).createTicket({
      title: 'Jazz night',
      price: 1300,
      faceValue: 1250,
      currency: 'EUR',
      description: null,
      venue: null,
      eventAt: null,
    });

    expect(JSON.parse(transport.mock.calls[0]![2].body as string)).toStrictEqual({
      title: 'Jazz night',
      price: 1300,
      faceValue: 1250,
      currency: 'EUR',
      description: null,
      venue: null,
      eventAt: null,
    });
  });

  it('resells a held ticket with a JSON POST to /<id>/resale', async () => {
    const listing = { ...TICKET, id: 'resale-1', resoldFrom: TICKET.id };
    const transport = transportAnswering(() => json(201, listing));

    await expect(
      createApi(transport).resellTicket('t 1', { price: 4800, description: 'Row 4' }),
    ).resolves.toStrictEqual(listing);
    expect(transport.mock.calls).toStrictEqual([
      [
        'tickets',
        '/t%201/resale',
        { method: 'POST', body: '{"price":4800,"description":"Row 4"}', headers: JSON_HEADERS },
      ],
    ]);
  });

  it('lists the tickets the caller holds, with the paging parameters', async () => {
    const held: HeldTicket = {
      ticket: TICKET,
      pass: {
        id: 'pass-1',
        ticketId: TICKET.id,
        holderId: 'user-1',
        status: 'valid',
        code: 'eyJhbGciOiJFZERTQSJ9.eyJwaWQiOiJwYXNzLTEifQ.c2ln',
        issuedAt: '2026-01-02T10:00:00Z',
        checkedInAt: null,
      },
    };
    const transport = transportAnswering(
      () => json(200, page([held])),
      () => json(200, page([])),
    );
    const api = createApi(transport);

    await expect(api.listHeldTickets()).resolves.toStrictEqual(page([held]));
    await api.listHeldTickets({ page: 1, size: 10 });
    expect(transport.mock.calls).toStrictEqual([
      ['tickets', '/held', {}],
      ['tickets', '/held?page=1&size=10', {}],
    ]);
  });

  it('gets the caller’s pass for a ticket, and null when they hold none', async () => {
    const pass = {
      id: 'pass-1',
      ticketId: 'a/b',
      holderId: 'user-1',
      status: 'used',
      issuedAt: '2026-01-02T10:00:00Z',
      checkedInAt: '2026-06-01T18:30:00Z',
    };
    const transport = transportAnswering(
      () => json(200, pass),
      () => problem(404, 'pass_not_found', { title: 'Not Found' }),
    );
    const api = createApi(transport);

    await expect(api.getPass('a/b')).resolves.toStrictEqual(pass);
    await expect(api.getPass('t-2')).resolves.toBeNull();
    expect(transport.mock.calls).toStrictEqual([
      ['tickets', '/a%2Fb/pass', {}],
      ['tickets', '/t-2/pass', {}],
    ]);
  });

  it('checks a code in with a JSON POST to /checkins', async () => {
    const admitted: CheckIn = {
      pass: { id: 'pass-1', status: 'used', checkedInAt: '2026-06-01T18:30:00Z' },
      ticket: { id: TICKET.id, title: TICKET.title, venue: 'O2 Arena', eventAt: TICKET.eventAt },
    };
    const transport = transportAnswering(() => json(200, admitted));

    await expect(createApi(transport).checkIn('a.b.c')).resolves.toStrictEqual(admitted);
    expect(transport.mock.calls).toStrictEqual([
      ['tickets', '/checkins', { method: 'POST', body: '{"code":"a.b.c"}', headers: JSON_HEADERS }],
    ]);
  });

  it('throws the refusal of a check-in with the problem’s own members', async () => {
    const transport = transportAnswering(() =>
      problem(409, 'already_checked_in', { checkedInAt: '2026-06-01T18:30:00Z' }),
    );

    await expect(createApi(transport).checkIn('a.b.c')).rejects.toMatchObject({
      status: 409,
      code: 'already_checked_in',
      members: { checkedInAt: '2026-06-01T18:30:00Z' },
    });
  });

  it('creates an order with a JSON POST of the ticket id', async () => {
    const transport = transportAnswering(() => json(201, ORDER));

    await expect(createApi(transport).createOrder(TICKET.id)).resolves.toStrictEqual(ORDER);
    expect(transport.mock.calls).toStrictEqual([
      [
        'orders',
        '',
        { method: 'POST', body: `{"ticketId":"${TICKET.id}"}`, headers: JSON_HEADERS },
      ],
    ]);
  });

  it('lists orders with the paging parameters', async () => {
    const transport = transportAnswering(() => json(200, page([ORDER])));

    await createApi(transport).listOrders({ page: 1, size: 10 });

    expect(transport.mock.calls).toStrictEqual([['orders', '?page=1&size=10', {}]]);
  });

  it('gets one order by its URI-encoded id, and null when it is not found', async () => {
    const transport = transportAnswering(
      () => json(200, ORDER),
      () => problem(404, 'order_not_found', { title: 'Not Found' }),
    );
    const api = createApi(transport);

    await expect(api.getOrder('order-1')).resolves.toStrictEqual(ORDER);
    await expect(api.getOrder('../orders')).resolves.toBeNull();
    expect(transport.mock.calls).toStrictEqual([
      ['orders', '/order-1', {}],
      ['orders', '/..%2Forders', {}],
    ]);
  });

  it('throws when getting an order fails with a 500', async () => {
    const transport = transportAnswering(() => new Response(null, { status: 500 }));

    await expect(createApi(transport).getOrder('order-1')).rejects.toMatchObject({
      status: 500,
      code: 'unexpected_response',
    });
  });

  it('cancels an order with a DELETE', async () => {
    const transport = transportAnswering(() => new Response(null, { status: 204 }));

    await createApi(transport).cancelOrder('order-1');

    expect(transport.mock.calls).toStrictEqual([['orders', '/order-1', { method: 'DELETE' }]]);
  });

  it('pays with a JSON POST of order and method and the Idempotency-Key header', async () => {
    const transport = transportAnswering(() => json(201, PAYMENT));

    await expect(
      createApi(transport).pay('order-1', 'pm_card_visa', 'key-123'),
    ).resolves.toStrictEqual(PAYMENT);
    expect(transport.mock.calls).toStrictEqual([
      [
        'payments',
        '',
        {
          method: 'POST',
          body: '{"orderId":"order-1","paymentMethod":"pm_card_visa"}',
          headers: { ...JSON_HEADERS, 'Idempotency-Key': 'key-123' },
        },
      ],
    ]);
  });

  it('lists the payments of one order', async () => {
    const transport = transportAnswering(() => json(200, page([PAYMENT])));

    await expect(createApi(transport).listPayments({ orderId: 'order-1' })).resolves.toStrictEqual(
      page([PAYMENT]),
    );
    expect(transport.mock.calls).toStrictEqual([['payments', '?orderId=order-1', {}]]);
  });

  it('gets one payment by its URI-encoded id, and null when it is not found', async () => {
    const transport = transportAnswering(
      () => json(200, PAYMENT),
      () => problem(404, 'payment_not_found', { title: 'Not Found' }),
    );
    const api = createApi(transport);

    await expect(api.getPayment('payment-1')).resolves.toStrictEqual(PAYMENT);
    await expect(api.getPayment('a/b')).resolves.toBeNull();
    expect(transport.mock.calls).toStrictEqual([
      ['payments', '/payment-1', {}],
      ['payments', '/a%2Fb', {}],
    ]);
  });

  it('refunds a payment with a JSON POST of the reason to /<id>/refunds', async () => {
    const refunded: Payment = { ...PAYMENT, status: 'refunded' };
    const transport = transportAnswering(() => json(201, refunded));

    await expect(
      createApi(transport).refundPayment('payment 1', 'Event cancelled by the venue'),
    ).resolves.toStrictEqual(refunded);
    expect(transport.mock.calls).toStrictEqual([
      [
        'payments',
        '/payment%201/refunds',
        {
          method: 'POST',
          body: '{"reason":"Event cancelled by the venue"}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('throws a refused refund’s problem, as already_refunded', async () => {
    const transport = transportAnswering(() => problem(409, 'already_refunded'));

    await expect(createApi(transport).refundPayment('payment-1', 'x')).rejects.toMatchObject({
      status: 409,
      code: 'already_refunded',
    });
  });

  it('gets the payout account, and null while there is none', async () => {
    const account: PayoutAccount = {
      method: 'simulated',
      reference: '••••••••1234',
      updatedAt: '2026-01-01T10:00:00Z',
    };
    const transport = transportAnswering(
      () => json(200, account),
      () => problem(404, 'payout_account_not_found', { title: 'Not Found' }),
    );
    const api = createApi(transport);

    await expect(api.getPayoutAccount()).resolves.toStrictEqual(account);
    await expect(api.getPayoutAccount()).resolves.toBeNull();
    expect(transport.mock.calls).toStrictEqual([
      ['payments', '/payout-account', {}],
      ['payments', '/payout-account', {}],
    ]);
  });

  it('sets the payout account with a JSON PUT of method and reference', async () => {
    const saved: PayoutAccount = {
      method: 'stripe',
      reference: '••••••••••••••••Io2C',
      updatedAt: '2026-01-01T10:00:00Z',
    };
    const transport = transportAnswering(() => json(200, saved));

    await expect(
      createApi(transport).setPayoutAccount({
        method: 'stripe',
        reference: 'acct_1Nv0FGQ9RKHgIo2C',
      }),
    ).resolves.toStrictEqual(saved);
    expect(transport.mock.calls).toStrictEqual([
      [
        'payments',
        '/payout-account',
        {
          method: 'PUT',
          body: '{"method":"stripe","reference":"acct_1Nv0FGQ9RKHgIo2C"}',
          headers: JSON_HEADERS,
        },
      ],
    ]);
  });

  it('gets the caller’s earnings', async () => {
    const earnings: Earnings = {
      balances: [{ currency: 'EUR', pending: 9000, available: -1200, paidOut: 4500 }],
      nextReleaseAt: '2030-06-02T19:00:00Z',
    };
    const transport = transportAnswering(() => json(200, earnings));

    await expect(createApi(transport).getEarnings()).resolves.toStrictEqual(earnings);
    expect(transport.mock.calls).toStrictEqual([['payments', '/earnings', {}]]);
  });

  it('lists the caller’s payouts with the paging parameters', async () => {
    const payout: Payout = {
      id: 'payout-1',
      amount: 8550,
      currency: 'EUR',
      status: 'paid',
      method: 'simulated',
      createdAt: '2030-06-03T10:00:00Z',
      paidAt: '2030-06-03T10:00:02Z',
    };
    const transport = transportAnswering(
      () => json(200, page([payout])),
      () => json(200, page([])),
    );
    const api = createApi(transport);

    await expect(api.listPayouts({ page: 2, size: 20 })).resolves.toStrictEqual(page([payout]));
    await api.listPayouts();
    expect(transport.mock.calls).toStrictEqual([
      ['payments', '/payouts?page=2&size=20', {}],
      ['payments', '/payouts', {}],
    ]);
  });

  it('gets the ledger’s balances', async () => {
    const balances: LedgerBalances = {
      accounts: [
        { account: 'provider_cash', currency: 'EUR', balance: 9000 },
        { account: 'escrow:order-1', currency: 'EUR', balance: -9000 },
      ],
      totals: [{ currency: 'EUR', balance: 0 }],
    };
    const transport = transportAnswering(() => json(200, balances));

    await expect(createApi(transport).ledgerBalances()).resolves.toStrictEqual(balances);
    expect(transport.mock.calls).toStrictEqual([['payments', '/ledger/balances', {}]]);
  });
});

describe('createApi failures', () => {
  it('throws the problem a service answered with, field errors included', async () => {
    const transport = transportAnswering(
      () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: 'Invalid request content.',
            code: 'validation_failed',
            errors: [{ field: 'email', message: 'must be a well-formed email address' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );

    const error = await createApi(transport)
      .signup('nope', 'secret123')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.title).toBe('Bad Request');
    expect(apiError.detail).toBe('Invalid request content.');
    expect(apiError.fieldError('email')).toBe('must be a well-formed email address');
  });

  it('throws network_error with status 0 when the transport throws', async () => {
    const cause = new TypeError('Failed to fetch');
    const transport = vi.fn<Transport>().mockRejectedValue(cause);

    const error = await createApi(transport)
      .listTickets()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe('network_error');
    expect((error as ApiError).cause).toBe(cause);
  });

  it('passes on an ApiError the transport throws as it is', async () => {
    const thrown = new ApiError(503, 'upstream_unavailable', 'Service Unavailable');
    const transport = vi.fn<Transport>().mockRejectedValue(thrown);

    await expect(createApi(transport).getTicket('t')).rejects.toBe(thrown);
  });

  it('does not turn a network failure on getTicket into null', async () => {
    const transport = vi.fn<Transport>().mockRejectedValue(new TypeError('offline'));

    await expect(createApi(transport).getTicket('t')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });
});
