import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Payout } from '@/lib/api/types';

import { PayoutList } from './payout-list';

afterEach(cleanup);

const PAID: Payout = {
  id: 'po-1',
  amount: 8550,
  currency: 'EUR',
  status: 'paid',
  method: 'simulated',
  createdAt: '2030-06-03T10:00:00Z',
  paidAt: '2030-06-03T10:00:02Z',
};

function rows(): string[][] {
  return screen
    .getAllByTestId('payout-row')
    .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''));
}

describe('PayoutList', () => {
  it('says there are no payouts yet, and when there will be', () => {
    render(<PayoutList payouts={[]} />);

    const empty = screen.getByTestId('no-payouts');
    expect([...empty.querySelectorAll('p')].map((p) => p.textContent)).toStrictEqual([
      'No payouts yet.',
      'Once money is released to you after an event, it is paid out to your payout account.',
    ]);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each payout’s amount, method, time and status', () => {
    render(
      <PayoutList
        payouts={[
          PAID,
          {
            ...PAID,
            id: 'po-2',
            amount: 12_500,
            currency: 'JPY',
            status: 'pending',
            method: 'stripe',
            paidAt: null,
          },
          {
            ...PAID,
            id: 'po-3',
            amount: 1_250,
            currency: 'BHD',
            status: 'failed',
            paidAt: null,
          },
        ]}
      />,
    );

    expect(rows().map(([amount, method, , status]) => [amount, method, status])).toStrictEqual([
      ['€85.50', 'Simulated', 'Paid'],
      ['¥12,500', 'Stripe', 'Pending'],
      ['BHD\u00a01.250', 'Simulated', 'Failed'],
    ]);
    expect(screen.getAllByTestId('status').map((badge) => badge.className)).toStrictEqual([
      'badge badge--paid',
      'badge badge--pending',
      'badge badge--failed',
    ]);
  });

  it('says when a paid payout was paid, and when an unpaid one was started', () => {
    render(
      <PayoutList payouts={[PAID, { ...PAID, id: 'po-2', status: 'pending', paidAt: null }]} />,
    );

    const [paid, pending] = screen.getAllByTestId('payout-when');
    expect(paid!.textContent).toMatch(/^Paid .*2030/);
    expect(paid!.querySelector('time')?.dateTime).toBe('2030-06-03T10:00:02Z');
    expect(pending!.textContent).toMatch(/^Started .*2030/);
    expect(pending!.querySelector('time')?.dateTime).toBe('2030-06-03T10:00:00Z');
  });
});
