import type { Payout, PayoutMethod } from '@/lib/api/types';
import { formatMoney } from '@/lib/money';

import { LocalTime } from './local-time';
import { StatusBadge } from './status-badge';

const METHODS: Record<PayoutMethod, string> = {
  simulated: 'Simulated',
  stripe: 'Stripe',
};

/** The payouts made to a seller, newest first, as payments-service lists them. */
export function PayoutList({ payouts }: { payouts: Payout[] }) {
  if (payouts.length === 0) {
    return (
      <div className="empty panel" data-testid="no-payouts">
        <p>No payouts yet.</p>
        <p>Once money is released to you after an event, it is paid out to your payout account.</p>
      </div>
    );
  }
  return (
    <table className="table table--payouts">
      <thead>
        <tr>
          <th>Amount</th>
          <th>Method</th>
          <th>When</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {payouts.map((payout) => (
          <tr key={payout.id} data-testid="payout-row">
            <td>{formatMoney(payout.amount, payout.currency)}</td>
            <td>{METHODS[payout.method] ?? payout.method}</td>
            <td data-testid="payout-when">
              {payout.paidAt ? (
                <>
                  Paid <LocalTime iso={payout.paidAt} />
                </>
              ) : (
                <>
                  Started <LocalTime iso={payout.createdAt} />
                </>
              )}
            </td>
            <td>
              <StatusBadge status={payout.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
