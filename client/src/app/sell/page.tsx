import type { Metadata } from 'next';

import { SignInRequired } from '@/components/sign-in-required';
import { TicketForm } from '@/components/ticket-form';
import { currentUser } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Sell a ticket' };

export default async function SellPage() {
  if (!(await currentUser())) {
    return <SignInRequired what="sell a ticket" next="/sell" />;
  }
  return (
    <section className="panel panel--form">
      <h1>Sell a ticket</h1>
      <p className="muted">
        Buyers see your listing at once. You can edit or withdraw it until someone buys it.
      </p>
      <TicketForm />
    </section>
  );
}
