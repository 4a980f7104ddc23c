import Link from 'next/link';

import type { Balance, Earnings } from '@/lib/api/types';
import { formatBalance, formatMoney } from '@/lib/money';

import { LocalTime } from './local-time';

/**
 * A seller's earnings, one card per currency: held in escrow until after the event, released and
 * waiting to be paid out, and paid out so far; then when the next held money is released.
 */
export function EarningsSummary({ earnings }: { earnings: Earnings }) {
  if (earnings.balances.length === 0) {
    return (
      <div className="empty panel" data-testid="no-earnings">
        <p>
          No earnings yet. <Link href="/sell">Sell a ticket</Link>
        </p>
        <p>
          When a ticket you listed sells, its money shows here: held until after the event, then
          paid out to your payout account.
        </p>
      </div>
    );
  }
  return (
    <>
      <div className="balances">
        {earnings.balances.map((balance) => (
          <BalanceCard key={balance.currency} balance={balance} />
        ))}
      </div>
      <p className="muted release" data-testid="next-release">
        {earnings.nextReleaseAt ? (
          <>
            Next release to you: <LocalTime iso={earnings.nextReleaseAt} />
          </>
        ) : (
          'Nothing of yours is held in escrow now.'
        )}
      </p>
    </>
  );
}

function BalanceCard({ balance }: { balance: Balance }) {
  const { currency, pending, available, paidOut } = balance;
  const owed = available < 0;
  return (
    <article className="panel balance" data-testid="balance" aria-label={`Earnings in ${currency}`}>
      <h2 className="balance__currency">{currency}</h2>
      <dl className="balance__figures">
        <div>
          <dt>
            Pending <small>held until after the event</small>
          </dt>
          <dd data-testid="balance-pending">{formatBalance(pending, currency)}</dd>
        </div>
        <div>
          <dt>
            Available <small>released, to be paid out</small>
          </dt>
          <dd className={owed ? 'balance__owed' : undefined} data-testid="balance-available">
            {formatBalance(available, currency)}
          </dd>
        </div>
        <div>
          <dt>
            Paid out <small>sent to your payout account</small>
          </dt>
          <dd data-testid="balance-paid-out">{formatBalance(paidOut, currency)}</dd>
        </div>
      </dl>
      {owed && (
        <p className="notice notice--warn balance__note" data-testid="balance-owed">
          A refund took back more than was left to pay you. The {formatMoney(-available, currency)}{' '}
          is taken from your next sales before anything more is paid out.
        </p>
      )}
    </article>
  );
}
