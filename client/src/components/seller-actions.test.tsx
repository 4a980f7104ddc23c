import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resetSessionRefresh } from '@/lib/session';
import { stubFetchAlways } from '@/testing/http';

import { SellerActions } from './seller-actions';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('SellerActions', () => {
  it('says a listing that is reserved or sold can no longer be changed', () => {
    render(<SellerActions ticketId="t-1" editable={false} />);

    expect(screen.getByText('This listing can no longer be changed.')).toBeDefined();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('links to editing the listing', () => {
    render(<SellerActions ticketId="t 1" editable />);

    expect(screen.getByRole('link', { name: 'Edit listing' }).getAttribute('href')).toBe(
      '/tickets/t 1/edit',
    );
  });

  it('asks before withdrawing, and keeping it withdraws nothing', async () => {
    const fetcher = stubFetchAlways(() => new Response(null, { status: 204 }));
    render(<SellerActions ticketId="t-1" editable />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(screen.getByText('Withdraw this listing? Buyers will no longer see it.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));

    expect(screen.queryByText('Withdraw this listing? Buyers will no longer see it.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeDefined();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('withdraws with DELETE /api/tickets/<id> and re-renders the page', async () => {
    const fetcher = stubFetchAlways(() => new Response(null, { status: 204 }));
    render(<SellerActions ticketId="t-1" editable />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw' }));

    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    expect(fetcher.mock.calls).toStrictEqual([
      ['/api/tickets/t-1', { method: 'DELETE', credentials: 'same-origin' }],
    ]);
    expect(screen.queryByRole('button', { name: 'Yes, withdraw' })).toBeNull();
  });

  it('says why a withdrawal was refused', async () => {
    stubFetchAlways(
      () =>
        new Response(JSON.stringify({ status: 409, title: 'Conflict', code: 'ticket_reserved' }), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    render(<SellerActions ticketId="t-1" editable />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'This ticket is reserved or sold, so it can no longer be changed.',
    );
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Yes, withdraw' })).toHaveProperty('disabled', false);
  });
});
