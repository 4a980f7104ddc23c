import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resetSessionRefresh } from '@/lib/session';
import { json, problem, stubFetch } from '@/testing/http';

import { BuyButton } from './buy-button';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('BuyButton', () => {
  it('reserves the ticket with POST /api/orders and opens the order', async () => {
    const fetcher = stubFetch(() => json(201, { id: 'o-1' }));
    render(<BuyButton ticketId="t-1" />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Buy ticket' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/orders/o-1'));
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/orders',
        {
          method: 'POST',
          body: '{"ticketId":"t-1"}',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          credentials: 'same-origin',
        },
      ],
    ]);
    expect(screen.getByRole('button', { name: 'Reserving…' })).toHaveProperty('disabled', true);
  });

  it('tries again while orders-service does not know the new listing yet', async () => {
    vi.useFakeTimers();
    const fetcher = stubFetch(
      () => problem(404, 'ticket_not_found'),
      () => json(201, { id: 'o-2' }),
    );
    render(<BuyButton ticketId="t-1" />);

    fireEvent.click(screen.getByRole('button', { name: 'Buy ticket' }));
    await act(() => vi.advanceTimersByTimeAsync(149));
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));

    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(router.push).toHaveBeenCalledWith('/orders/o-2');
  });

  it.each([
    [
      409,
      'ticket_unavailable',
      'Someone else is buying this ticket right now, or it is no longer for sale.',
    ],
    [403, 'own_ticket', 'This is your own listing; you cannot buy it.'],
  ])('says why a %i %s was refused and re-renders the page', async (status, code, message) => {
    stubFetch(() => problem(status, code));
    render(<BuyButton ticketId="t-1" />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Buy ticket' }));

    expect((await screen.findByTestId('buy-error')).textContent).toBe(message);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(router.push).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Buy ticket' })).toHaveProperty('disabled', false);
  });
});
