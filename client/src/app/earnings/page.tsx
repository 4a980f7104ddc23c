import type { Metadata } from 'next';

import { EarningsSummary } from '@/components/earnings-summary';
import { Pagination } from '@/components/pagination';
import { PayoutAccountForm } from '@/components/payout-account-form';
import { PayoutList } from '@/components/payout-list';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser, serverApi } from '@/lib/api/server';
import { pageNumber } from '@/lib/navigation';

export const metadata: Metadata = { title: 'Earnings' };

export default async function EarningsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await currentUser())) {
    return <SignInRequired what="see your earnings" next="/earnings" />;
  }
  const page = pageNumber((await searchParams).page);
  const [earnings, payouts, account] = await Promise.all([
    serverApi.getEarnings(),
    serverApi.listPayouts({ page, size: 20 }),
    serverApi.getPayoutAccount(),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Earnings</h1>
          <p className="muted">
            What your sales have earned, and where it is paid. The money of a sale is held until
            after the event.
          </p>
        </div>
      </div>
      <div className="earnings">
        <section className="earnings__summary" aria-label="Balances">
          <EarningsSummary earnings={earnings} />
        </section>

        <section className="panel earnings__account" aria-labelledby="payout-account-title">
          <h2 id="payout-account-title">Payout account</h2>
          <PayoutAccountForm account={account} />
        </section>

        <section className="earnings__payouts" aria-labelledby="payouts-title">
          <div className="page-head page-head--section">
            <h2 id="payouts-title">Payouts</h2>
            <p className="muted">{payouts.totalItems} in all</p>
          </div>
          <PayoutList payouts={payouts.items} />
          <Pagination
            page={payouts.page}
            totalPages={payouts.totalPages}
            href={(p) => (p > 0 ? `/earnings?page=${p}` : '/earnings')}
          />
        </section>
      </div>
    </>
  );
}
