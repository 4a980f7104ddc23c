import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Order, Payment } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { advance, json, page } from '@/testing/http';

import { OrderView } from './order-view';

const NOW = Date.parse('2026-03-01T12:00:00Z');

const ORDER: Order = {
  id: 'o-1',
  status: 'created',
  userId: 'u-1',
  expiresAt: new Date(NOW + 15 * 60_000).toISOString(),
  ticket: { id: 't-1', title: 'Arctic Monkeys — floor', price: 1250, currency: 'USD' },
  version: 0,
  createdAt: new Date(NOW - 1_000).toISOString(),
  cancelReason: null,
};

const PAYMENT: Payment = {
  id: 'p-1',
  orderId: 'o-1',
  amount: 1250,
  currency: 'USD',
  status: 'succeeded',
  provider: 'simulated',
  providerPaymentId: 'sim_1',
  createdAt: new Date(NOW).toISOString(),
};

/** The services as `METHOD /path` → answer; anything else is a failure of the test. */
function stubServices(routes: Record<string, () => Response>) {
  const fetcher = vi.fn<typeof fetch>(async (input, init) => {
    const route = `${init?.method ?? 'GET'} ${String(input)}`;
    const answer = routes[route];
    if (!answer) {
      throw new Error(`unexpected request ${route}`);
    }
    return answer();
  });
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

function requests(fetcher: ReturnType<typeof stubServices>): string[] {
  return fetcher.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('OrderView', () => {
  it('shows an open order with its countdown, payment and cancel', () => {
    stubServices({});

    render(<OrderView initialOrder={ORDER} initialPayments={[]} serverNow={NOW} />);

    expect(screen.getByTestId('order-title').textContent).toBe('Arctic Monkeys — floor');
    expect(screen.getByTestId('status').textContent).toBe('Awaiting payment');
    expect(screen.getByRole('timer').textContent).toBe('15:00');
    expect(screen.getByRole('button', { name: 'Pay $12.50' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Cancel order' })).toBeDefined();
    expect(screen.queryByRole('link', { name: 'Browse more tickets' })).toBeNull();
  });

  it('shows the completion notice and the payment for a complete order', () => {
    stubServices({});

    render(
      <OrderView
        initialOrder={{ ...ORDER, status: 'complete' }}
        initialPayments={[PAYMENT]}
        serverNow={NOW}
      />,
    );

    expect(screen.getByTestId('order-complete').textContent).toBe(
      'Order complete. The ticket is yours — enjoy the show!',
    );
    expect(screen.getAllByTestId('status').map((badge) => badge.textContent)).toStrictEqual([
      'Complete',
      'Paid',
    ]);
    expect(screen.getByText('Payment').nextElementSibling?.textContent).toBe('$12.50 Paid');
    // What the buyer quotes to support to have it refunded.
    expect(screen.getByText('Payment id').nextElementSibling?.textContent).toBe('p-1');
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryByRole('button', { name: /Pay/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Browse more tickets' }).getAttribute('href')).toBe(
      '/',
    );
    expect(screen.getByRole('link', { name: 'See your ticket' }).getAttribute('href')).toBe(
      '/tickets/mine',
    );
  });

  it('says a refund was made for an expired order that had been paid', () => {
    stubServices({});

    render(
      <OrderView
        initialOrder={{ ...ORDER, status: 'cancelled', cancelReason: 'expired' }}
        initialPayments={[{ ...PAYMENT, status: 'refunded' }]}
        serverNow={NOW}
      />,
    );

    expect(screen.getByTestId('order-cancelled').textContent).toBe(
      'Your hold expired and the ticket was released. Your payment of $12.50 was refunded.',
    );
  });

  it('shows the expiry notice when the countdown runs out, and follows the order until it is cancelled', async () => {
    const fetcher = stubServices({
      'GET /api/orders/o-1': () =>
        json(200, { ...ORDER, status: 'cancelled', cancelReason: 'expired' }),
      'GET /api/payments?orderId=o-1': () => json(200, page([])),
    });
    render(
      <OrderView
        initialOrder={{ ...ORDER, expiresAt: new Date(NOW + 2_000).toISOString() }}
        initialPayments={[]}
        serverNow={NOW}
      />,
    );

    await advance(2_000);

    expect(screen.getByTestId('order-expired').textContent).toBe(
      'Your hold on this ticket has expired. Releasing it…',
    );
    expect(screen.queryByRole('button', { name: /Pay/ })).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();
    expect(fetcher).not.toHaveBeenCalled();

    await advance(1_000);

    expect(requests(fetcher)).toStrictEqual([
      'GET /api/orders/o-1',
      'GET /api/payments?orderId=o-1',
    ]);
    expect(screen.getByTestId('order-cancelled').textContent).toBe(
      'Your hold expired and the ticket was released.',
    );
    expect(screen.queryByTestId('order-expired')).toBeNull();

    await advance(5_000);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('shows the expiry notice at once for a hold already over by the server’s clock', () => {
    stubServices({});
    // The browser's clock is behind: by its own clock the hold still has a minute left.
    vi.setSystemTime(NOW - 2 * 60_000);

    render(
      <OrderView
        initialOrder={{ ...ORDER, expiresAt: new Date(NOW - 60_000).toISOString() }}
        initialPayments={[]}
        serverNow={NOW}
      />,
    );

    expect(screen.getByTestId('order-expired')).toBeDefined();
  });

  it('cancels with DELETE /api/orders/<id> and shows the cancellation', async () => {
    const fetcher = stubServices({
      'DELETE /api/orders/o-1': () => new Response(null, { status: 204 }),
      'GET /api/orders/o-1': () =>
        json(200, { ...ORDER, status: 'cancelled', cancelReason: 'user' }),
      'GET /api/payments?orderId=o-1': () => json(200, page([])),
    });
    render(<OrderView initialOrder={ORDER} initialPayments={[]} serverNow={NOW} />);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Pay $12.50' })).toHaveProperty('disabled', true);
    await advance(0);

    expect(fetcher.mock.calls[0]).toStrictEqual([
      '/api/orders/o-1',
      { method: 'DELETE', credentials: 'same-origin' },
    ]);
    expect(requests(fetcher)).toStrictEqual([
      'DELETE /api/orders/o-1',
      'GET /api/orders/o-1',
      'GET /api/payments?orderId=o-1',
    ]);
    expect(screen.getByTestId('order-cancelled').textContent).toBe(
      'You cancelled this order and the ticket was released.',
    );
    expect(screen.getByTestId('status').textContent).toBe('Cancelled');
    expect(screen.queryByRole('button', { name: /Cancel/ })).toBeNull();
  });

  it('says why a cancel was refused', async () => {
    stubServices({
      'DELETE /api/orders/o-1': () =>
        new Response(
          JSON.stringify({ status: 409, title: 'Conflict', code: 'order_not_cancellable' }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    render(<OrderView initialOrder={ORDER} initialPayments={[]} serverNow={NOW} />);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    await advance(0);

    expect(screen.getByRole('alert').textContent).toBe(
      'This order is complete and can no longer be cancelled.',
    );
    expect(screen.getByRole('button', { name: 'Cancel order' })).toHaveProperty('disabled', false);
  });

  it('confirms a payment and follows the order until it is complete', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('11111111-1111-4111-8111-111111111111');
    let status: Order['status'] = 'created';
    const fetcher = stubServices({
      'POST /api/payments': () => json(201, PAYMENT),
      'GET /api/orders/o-1': () => json(200, { ...ORDER, status }),
      'GET /api/payments?orderId=o-1': () => json(200, page([PAYMENT])),
    });
    render(<OrderView initialOrder={ORDER} initialPayments={[]} serverNow={NOW} />);

    fireEvent.click(screen.getByRole('button', { name: 'Pay $12.50' }));
    await advance(0);

    expect(screen.getByTestId('order-confirming').textContent).toBe(
      'Payment received. Confirming your order…',
    );
    expect(screen.queryByRole('button', { name: /Pay/ })).toBeNull();
    expect(screen.getByText('Payment').nextElementSibling?.textContent).toBe('$12.50 Paid');

    await advance(1_000);
    expect(screen.getByTestId('order-confirming')).toBeDefined();

    status = 'complete';
    await advance(1_000);

    expect(screen.getByTestId('order-complete')).toBeDefined();
    expect(screen.queryByTestId('order-confirming')).toBeNull();
    expect(requests(fetcher)).toStrictEqual([
      'POST /api/payments',
      'GET /api/orders/o-1',
      'GET /api/payments?orderId=o-1',
      'GET /api/orders/o-1',
      'GET /api/payments?orderId=o-1',
    ]);

    await advance(5_000);
    expect(fetcher).toHaveBeenCalledTimes(5);
  });

  it('keeps following a cancelled order until the payment for it is refunded', async () => {
    let refunded = false;
    const fetcher = stubServices({
      'GET /api/orders/o-1': () =>
        json(200, { ...ORDER, status: 'cancelled', cancelReason: 'expired' }),
      'GET /api/payments?orderId=o-1': () =>
        json(200, page([{ ...PAYMENT, status: refunded ? 'refunded' : 'succeeded' }])),
    });
    render(
      <OrderView
        initialOrder={{ ...ORDER, expiresAt: new Date(NOW).toISOString() }}
        initialPayments={[]}
        serverNow={NOW}
      />,
    );

    await advance(1_000);
    expect(screen.getByTestId('order-cancelled').textContent).toBe(
      'Your hold expired and the ticket was released.',
    );

    refunded = true;
    await advance(1_000);

    expect(screen.getByTestId('order-cancelled').textContent).toBe(
      'Your hold expired and the ticket was released. Your payment of $12.50 was refunded.',
    );
    await advance(5_000);
    expect(fetcher).toHaveBeenCalledTimes(4);
  });
});
