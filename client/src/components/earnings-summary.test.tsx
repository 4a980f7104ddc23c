import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Earnings } from '@/lib/api/types';

import { EarningsSummary } from './earnings-summary';

afterEach(cleanup);

/** Each card's currency and figures, as read: `EUR · Pending €90.00 · Available €0.00 · …`. */
function cards(): string[] {
  return screen
    .getAllByTestId('balance')
    .map((card) =>
      [
        within(card).getByRole('heading').textContent,
        ...[...card.querySelectorAll('dt')].map(
          (term) =>
            `${term.firstChild?.textContent?.trim()} ${term.nextElementSibling?.textContent}`,
        ),
      ].join(' · '),
    );
}

describe('EarningsSummary', () => {
  it('says there are no earnings yet, and where to start, when nothing was ever sold', () => {
    render(<EarningsSummary earnings={{ balances: [], nextReleaseAt: null }} />);

    expect(screen.getByTestId('no-earnings').textContent).toContain('No earnings yet.');
    expect(screen.getByRole('link', { name: 'Sell a ticket' }).getAttribute('href')).toBe('/sell');
    expect(screen.queryByTestId('balance')).toBeNull();
    expect(screen.queryByTestId('next-release')).toBeNull();
  });

  it('shows pending, available and paid out for each currency, in its own minor units', () => {
    const earnings: Earnings = {
      balances: [
        { currency: 'BHD', pending: 12_345, available: 5, paidOut: 0 },
        { currency: 'EUR', pending: 9000, available: 0, paidOut: 4550 },
        { currency: 'JPY', pending: 0, available: 12_500, paidOut: 1_000_000 },
      ],
      nextReleaseAt: '2030-06-02T19:00:00Z',
    };
    render(<EarningsSummary earnings={earnings} />);

    expect(cards()).toStrictEqual([
      'BHD · Pending BHD\u00a012.345 · Available BHD\u00a00.005 · Paid out BHD\u00a00.000',
      'EUR · Pending €90.00 · Available €0.00 · Paid out €45.50',
      'JPY · Pending ¥0 · Available ¥12,500 · Paid out ¥1,000,000',
    ]);
    expect(screen.getAllByRole('article').map((card) => card.getAttribute('aria-label'))).toEqual([
      'Earnings in BHD',
      'Earnings in EUR',
      'Earnings in JPY',
    ]);
    expect(screen.queryByTestId('balance-owed')).toBeNull();
  });

  it('says what each figure means', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [{ currency: 'EUR', pending: 9000, available: 0, paidOut: 0 }],
          nextReleaseAt: null,
        }}
      />,
    );

    expect([...document.querySelectorAll('dt')].map((term) => term.textContent)).toStrictEqual([
      'Pending held until after the event',
      'Available released, to be paid out',
      'Paid out sent to your payout account',
    ]);
  });

  it('shows a negative available balance with a minus sign, in red, and why it is negative', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [{ currency: 'EUR', pending: 0, available: -1200, paidOut: 8550 }],
          nextReleaseAt: null,
        }}
      />,
    );

    const available = screen.getByTestId('balance-available');
    expect(available.textContent).toBe('\u2212€12.00');
    expect(available.className).toBe('balance__owed');
    expect(screen.getByTestId('balance-owed').textContent).toBe(
      'A refund took back more than was left to pay you. The €12.00 is taken from your next sales before anything more is paid out.',
    );
  });

  it('says what is owed in a 0-decimal and a 3-decimal currency in their own units', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [
            { currency: 'BHD', pending: 0, available: -1250, paidOut: 0 },
            { currency: 'JPY', pending: 0, available: -800, paidOut: 0 },
          ],
          nextReleaseAt: null,
        }}
      />,
    );

    expect(screen.getAllByTestId('balance-available').map((dd) => dd.textContent)).toEqual([
      '\u2212BHD\u00a01.250',
      '\u2212¥800',
    ]);
    expect(screen.getAllByTestId('balance-owed').map((note) => note.textContent)).toEqual([
      expect.stringContaining('The BHD\u00a01.250 is taken'),
      expect.stringContaining('The ¥800 is taken'),
    ]);
  });

  it('keeps a positive available balance in the usual colour', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [{ currency: 'USD', pending: 0, available: 1, paidOut: 0 }],
          nextReleaseAt: null,
        }}
      />,
    );

    expect(screen.getByTestId('balance-available').className).toBe('');
  });

  it('says when the next held money is released, as a time', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [{ currency: 'EUR', pending: 9000, available: 0, paidOut: 0 }],
          nextReleaseAt: '2030-06-02T19:00:00Z',
        }}
      />,
    );

    const release = screen.getByTestId('next-release');
    expect(release.textContent).toMatch(/^Next release to you: .*2030/);
    expect(release.querySelector('time')?.dateTime).toBe('2030-06-02T19:00:00Z');
  });

  it('says nothing is held when there is no next release', () => {
    render(
      <EarningsSummary
        earnings={{
          balances: [{ currency: 'EUR', pending: 0, available: 8550, paidOut: 0 }],
          nextReleaseAt: null,
        }}
      />,
    );

    expect(screen.getByTestId('next-release').textContent).toBe(
      'Nothing of yours is held in escrow now.',
    );
  });
});
