import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { Icon } from '@/components/icon';
import { LocalTime } from '@/components/local-time';
import { ResaleForm } from '@/components/resale-form';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser, serverApi } from '@/lib/api/server';
import type { PassStatus } from '@/lib/api/types';

export const metadata: Metadata = { title: 'Resell a ticket' };

/** Why a pass that is not valid cannot be resold. */
const NOT_RESELLABLE: Record<Exclude<PassStatus, 'valid'>, string> = {
  listed: 'You have already listed this ticket for resale.',
  used: 'This ticket has been used at the door, so it can no longer be resold.',
  void: 'This pass no longer admits anyone: the ticket was resold or refunded.',
};

export default async function ResellPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [ticket, user] = await Promise.all([serverApi.getTicket(id), currentUser()]);
  if (!ticket) {
    notFound();
  }
  if (!user) {
    return <SignInRequired what="resell your ticket" next={`/tickets/${id}/resell`} />;
  }
  const pass = await serverApi.getPass(id);
  if (pass?.status !== 'valid') {
    return (
      <div className="panel panel--narrow" data-testid="resell-unavailable">
        <h1>Nothing to resell</h1>
        <p className="muted">
          {pass === null
            ? 'You do not hold a ticket from this listing.'
            : NOT_RESELLABLE[pass.status]}
        </p>
        <Link className="button" href="/tickets/mine">
          Your tickets
        </Link>
      </div>
    );
  }
  return (
    <section className="panel panel--form">
      <h1>Resell your ticket</h1>
      <p style={{ margin: '0 0 0.25rem', fontWeight: 700 }} data-testid="resell-title">
        {ticket.title}
      </p>
      <div className="pass__what" style={{ marginBottom: '1.25rem' }}>
        {ticket.venue && (
          <span className="card__meta">
            <Icon name="pin" /> {ticket.venue}
          </span>
        )}
        {ticket.eventAt && (
          <span className="card__meta">
            <Icon name="calendar" /> <LocalTime iso={ticket.eventAt} />
          </span>
        )}
      </div>
      <ResaleForm ticket={ticket} />
    </section>
  );
}
