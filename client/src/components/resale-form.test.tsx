import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Ticket } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { ResaleForm } from './resale-form';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const TICKET: Ticket = {
  id: 't-1',
  title: 'Arctic Monkeys — floor',
  price: 9000,
  faceValue: 8000,
  currency: 'EUR',
  description: null,
  venue: 'O2 Arena',
  eventAt: '2030-06-01T19:00:00Z',
  sellerId: 'seller-1',
  resoldFrom: null,
  status: 'sold',
  version: 2,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
};

function price(): HTMLInputElement {
  return screen.getByLabelText('Price');
}

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('ResaleForm', () => {
  it('shows what was paid, the face value and the highest price allowed', () => {
    render(<ResaleForm ticket={TICKET} />);

    expect(screen.getByTestId('resale-face-value').textContent).toBe('€80.00');
    expect(screen.getByTestId('resale-cap').textContent).toBe(
      'At most €96.00 (up to 120 % of face value)',
    );
    expect(screen.getByText('You paid').nextElementSibling?.textContent).toBe('€90.00');
    expect(price().placeholder).toBe('90.00');
  });

  it('refuses a price one cent above the cap without asking the service', async () => {
    const fetcher = stubFetch();
    render(<ResaleForm ticket={TICKET} />);
    const user = userEvent.setup();

    await user.type(price(), '96.01');
    await user.click(screen.getByRole('button', { name: 'List for resale' }));

    expect(fieldError('price')).toBe('The price can be at most €96.00, 120 % of the face value.');
    expect(price().getAttribute('aria-invalid')).toBe('true');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('lists it at the cap with POST /api/tickets/<id>/resale and opens the new listing', async () => {
    const fetcher = stubFetch(() => json(201, { ...TICKET, id: 'r-1', resoldFrom: 't-1' }));
    render(<ResaleForm ticket={TICKET} />);
    const user = userEvent.setup();

    await user.type(price(), '96');
    await user.type(screen.getByLabelText('Description'), ' Row F, seat 12 ');
    await user.click(screen.getByRole('button', { name: 'List for resale' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/r-1'));
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/tickets/t-1/resale',
        {
          method: 'POST',
          body: '{"price":9600,"description":"Row F, seat 12"}',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          credentials: 'same-origin',
        },
      ],
    ]);
    expect(screen.getByRole('button', { name: 'Listing…' })).toHaveProperty('disabled', true);
  });

  it('shows the service’s cap next to the price when the service’s is lower', async () => {
    stubFetch(() => problem(400, 'price_above_cap', { detail: 'The price can be at most €88.00' }));
    render(<ResaleForm ticket={TICKET} />);
    const user = userEvent.setup();

    await user.type(price(), '95');
    await user.click(screen.getByRole('button', { name: 'List for resale' }));

    await waitFor(() => expect(fieldError('price')).toBe('The price can be at most €88.00.'));
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(router.push).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'List for resale' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it.each([
    [403, 'not_holder', 'You do not hold a pass for this ticket, so you cannot resell it.'],
    [409, 'already_listed', 'You have already listed this ticket for resale.'],
    [
      409,
      'already_checked_in',
      'This ticket has been used at the door, so it can no longer be resold.',
    ],
    [409, 'pass_void', 'This pass no longer admits anyone: the ticket was resold or refunded.'],
    [
      409,
      'event_over',
      'The event has already taken place, so the ticket can no longer be resold.',
    ],
  ])('says why a %i %s was refused', async (status, code, message) => {
    stubFetch(() => problem(status, code));
    render(<ResaleForm ticket={TICKET} />);
    const user = userEvent.setup();

    await user.type(price(), '85');
    await user.click(screen.getByRole('button', { name: 'List for resale' }));

    expect((await screen.findByTestId('form-error')).textContent).toBe(message);
    expect(router.push).not.toHaveBeenCalled();
  });

  it('goes back on cancel', async () => {
    render(<ResaleForm ticket={TICKET} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel' }));

    expect(router.back).toHaveBeenCalledTimes(1);
  });
});
