import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import type { LedgerBalances as Balances } from '@/lib/api/types';

import { LedgerBalances } from './ledger-balances';

afterEach(cleanup);

const ORDER = '0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const SELLER = '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a';

const BALANCES: Balances = {
  accounts: [
    { account: 'provider_cash', currency: 'EUR', balance: 9000 },
    { account: `escrow:${ORDER}`, currency: 'EUR', balance: -8550 },
    { account: 'platform_fees', currency: 'EUR', balance: -450 },
    { account: 'provider_cash', currency: 'JPY', balance: 1250 },
    { account: `seller_payable:${SELLER}`, currency: 'JPY', balance: -1250 },
    { account: 'provider_cash', currency: 'BHD', balance: 5 },
    { account: `seller_payable:${SELLER}`, currency: 'BHD', balance: -5 },
  ],
  totals: [
    { currency: 'BHD', balance: 0 },
    { currency: 'EUR', balance: 0 },
    { currency: 'JPY', balance: 0 },
  ],
};

describe('LedgerBalances', () => {
  it('shows each currency’s total as balanced at zero, in its own minor units', () => {
    render(<LedgerBalances balances={BALANCES} />);

    expect(screen.getAllByTestId('ledger-total').map((dd) => dd.textContent)).toStrictEqual([
      'BHD\u00a00.000 Balanced',
      '€0.00 Balanced',
      '¥0 Balanced',
    ]);
    expect(
      screen.getAllByTestId('ledger-total').map((dd) => dd.previousElementSibling?.textContent),
    ).toStrictEqual(['BHD', 'EUR', 'JPY']);
    expect(screen.queryByText('Out of balance')).toBeNull();
  });

  it('says so, in red, when a currency’s total is not zero', () => {
    render(
      <LedgerBalances balances={{ accounts: [], totals: [{ currency: 'EUR', balance: -1 }] }} />,
    );

    expect(screen.getByTestId('ledger-total').textContent).toBe('\u2212€0.01 Out of balance');
    expect(screen.getByText('Out of balance').className).toBe('badge badge--unbalanced');
  });

  it('folds away the accounts not at zero, with how many there are', async () => {
    render(<LedgerBalances balances={BALANCES} />);
    const details = screen.getByText('7 accounts not at zero').closest('details')!;
    expect(details.open).toBe(false);

    await userEvent.setup().click(screen.getByText('7 accounts not at zero'));

    expect(details.open).toBe(true);
  });

  it('names each account, its owner, and its signed balance', () => {
    render(<LedgerBalances balances={BALANCES} />);

    const rows = screen
      .getAllByTestId('ledger-account')
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toStrictEqual([
      ['Cash at the payment provider', '€90.00'],
      [`Escrow of order${ORDER}`, '\u2212€85.50'],
      ['Platform fees', '\u2212€4.50'],
      ['Cash at the payment provider', '¥1,250'],
      [`Owed to seller${SELLER}`, '\u2212¥1,250'],
      ['Cash at the payment provider', 'BHD\u00a00.005'],
      [`Owed to seller${SELLER}`, '\u2212BHD\u00a00.005'],
    ]);
    expect(document.querySelector('.ledger__owner')?.textContent).toBe(ORDER);
  });

  it('says one account in the singular', () => {
    render(
      <LedgerBalances
        balances={{
          accounts: [{ account: 'provider_cash', currency: 'EUR', balance: 1 }],
          totals: [{ currency: 'EUR', balance: 1 }],
        }}
      />,
    );

    expect(screen.getByText('1 account not at zero')).toBeDefined();
  });

  it('says no money has moved yet when the ledger is empty', () => {
    render(<LedgerBalances balances={{ accounts: [], totals: [] }} />);

    expect(screen.getByTestId('ledger-empty').textContent).toBe('No money has moved yet.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.querySelector('details')).toBeNull();
  });
});
