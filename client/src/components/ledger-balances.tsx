import { Fragment } from 'react';

import type { LedgerBalances as Balances } from '@/lib/api/types';
import { formatBalance } from '@/lib/money';
import { ledgerAccount } from '@/lib/support';

/**
 * The ledger's balances for support: each currency's total, which is 0 while every journal
 * balances, and every account that is not 0, folded away as there may be many.
 */
export function LedgerBalances({ balances }: { balances: Balances }) {
  const { accounts, totals } = balances;
  return (
    <section className="panel ledger" data-testid="ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">Ledger balances</h2>
      <p className="muted">
        Every movement of money is a journal whose entries add up to zero, so each currency’s
        accounts total zero. Debits are positive, credits negative.
      </p>
      {totals.length === 0 ? (
        <p className="notice notice--quiet" data-testid="ledger-empty">
          No money has moved yet.
        </p>
      ) : (
        <dl className="facts ledger__totals">
          {totals.map(({ currency, balance }) => (
            <Fragment key={currency}>
              <dt>{currency}</dt>
              <dd data-testid="ledger-total">
                <span className="price">{formatBalance(balance, currency)}</span>{' '}
                {balance === 0 ? (
                  <span className="badge badge--balanced">Balanced</span>
                ) : (
                  <span className="badge badge--unbalanced">Out of balance</span>
                )}
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {accounts.length > 0 && (
        <details className="ledger__accounts">
          <summary>
            {accounts.length === 1 ? '1 account' : `${accounts.length} accounts`} not at zero
          </summary>
          <div className="ledger__scroll">
            <table className="table table--ledger">
              <thead>
                <tr>
                  <th>Account</th>
                  <th>Balance</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map(({ account, currency, balance }) => {
                  const { label, owner } = ledgerAccount(account);
                  return (
                    <tr key={`${account} ${currency}`} data-testid="ledger-account">
                      <td>
                        {label}
                        {owner && <span className="ledger__owner">{owner}</span>}
                      </td>
                      <td>{formatBalance(balance, currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
