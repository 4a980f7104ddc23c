import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { SignInRequired } from '@/components/sign-in-required';
import { TicketForm } from '@/components/ticket-form';
import { currentUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Edit listing' };

export default async function EditTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [ticket, user] = await Promise.all([serverApi.getTicket(id), currentUser()]);
  if (!ticket) {
    notFound();
  }
  if (!user) {
    return <SignInRequired what="edit your listing" next={`/tickets/${id}/edit`} />;
  }
  if (user.id !== ticket.sellerId) {
    return (
      <div className="panel panel--narrow">
        <h1>Not your listing</h1>
        <p className="muted">Only the seller can edit this listing.</p>
      </div>
    );
  }
  return (
    <section className="panel panel--form">
      <h1>Edit listing</h1>
      {ticket.status === 'available' ? (
        <TicketForm ticket={ticket} />
      ) : (
        <div className="notice notice--info">
          This ticket is {ticket.status}, so the listing can no longer be changed.
        </div>
      )}
    </section>
  );
}
