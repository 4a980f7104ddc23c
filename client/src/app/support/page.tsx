import type { Metadata } from 'next';

import { LedgerBalances } from '@/components/ledger-balances';
import { PaymentRefund } from '@/components/payment-refund';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser, serverApi } from '@/lib/api/server';
import { hasRole, SUPPORT } from '@/lib/roles';

export const metadata: Metadata = { title: 'Support' };

export default async function SupportPage() {
  const user = await currentUser();
  if (!user) {
    return <SignInRequired what="look payments up and refund them" next="/support" />;
  }
  if (!hasRole(user, SUPPORT)) {
    return (
      <div className="panel panel--narrow" data-testid="support-role-required">
        <h1>You need the support role</h1>
        <p className="muted">
          Refunds and the ledger are for the support team. Ask an operator to give{' '}
          <strong className="account-email">{user.email}</strong> the support role; it takes effect
          the next time you sign in.
        </p>
      </div>
    );
  }
  const balances = await serverApi.ledgerBalances();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Support</h1>
          <p className="muted">
            Find a buyer’s payment and refund it; check that the ledger balances.
          </p>
        </div>
      </div>
      <section className="panel panel--form" aria-labelledby="refund-title">
        <h2 id="refund-title">Refund a payment</h2>
        <PaymentRefund />
      </section>
      <div className="section">
        <LedgerBalances balances={balances} />
      </div>
    </>
  );
}
