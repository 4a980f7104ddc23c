import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { BuyButton } from '@/components/buy-button';
import { LocalTime } from '@/components/local-time';
import { ResaleMark } from '@/components/resale-mark';
import { SellerActions } from '@/components/seller-actions';
import { StatusBadge } from '@/components/status-badge';
import { UnavailableNotice } from '@/components/unavailable-notice';
import { currentUser, serverApi } from '@/lib/api/server';
import { unlessUnavailable } from '@/lib/api/unavailable';
import { formatMoney } from '@/lib/money';
import { PRICE_CAP_PERCENT } from '@/lib/price-cap';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await unlessUnavailable(serverApi.getTicket((await params).id));
  if (!found.available) {
    return { title: 'Ticket' };
  }
  return { title: found.value?.title ?? 'Ticket not found' };
}

const UNAVAILABLE: Record<string, string> = {
  reserved:
    'Someone is buying this ticket right now. If their hold runs out, it goes back on sale.',
  sold: 'This ticket has been sold.',
  withdrawn: 'The seller has withdrawn this listing.',
};

export default async function TicketPage({ params }: Props) {
  const { id } = await params;
  const [found, user] = await Promise.all([
    unlessUnavailable(serverApi.getTicket(id)),
    currentUser(),
  ]);
  if (!found.available) {
    return <UnavailableNotice what="This ticket" />;
  }
  const ticket = found.value;
  if (!ticket) {
    notFound();
  }
  const mine = user?.id === ticket.sellerId;

  return (
    <div className="detail">
      <article className="panel">
        <div className="page-head" style={{ marginBottom: 0 }}>
          <h1 data-testid="ticket-title">{ticket.title}</h1>
          <span className="marks">
            {ticket.resoldFrom && <ResaleMark />}
            <StatusBadge status={ticket.status} />
          </span>
        </div>
        <dl className="facts">
          <dt>Venue</dt>
          <dd>{ticket.venue ?? <span className="muted">Not given</span>}</dd>
          <dt>When</dt>
          <dd>
            {ticket.eventAt ? (
              <LocalTime iso={ticket.eventAt} />
            ) : (
              <span className="muted">Not given</span>
            )}
          </dd>
          <dt>Listed</dt>
          <dd>
            <LocalTime iso={ticket.createdAt} />
          </dd>
        </dl>
        {ticket.description && <p className="description">{ticket.description}</p>}
      </article>

      <aside className="panel aside">
        <div>
          <span className="price price--large" data-testid="ticket-price">
            {formatMoney(ticket.price, ticket.currency)}
          </span>
          <p className="muted" style={{ margin: 0 }} data-testid="ticket-face-value">
            Face value {formatMoney(ticket.faceValue, ticket.currency)}
          </p>
        </div>
        {ticket.resoldFrom && !mine && (
          <p className="muted" style={{ margin: 0, fontSize: '0.9rem' }} data-testid="resale-note">
            Resold by someone who bought it here. Its old code no longer admits anyone; yours is
            issued when you pay. Resales cost at most {PRICE_CAP_PERCENT} % of face value.
          </p>
        )}
        {mine ? (
          <SellerActions ticketId={ticket.id} editable={ticket.status === 'available'} />
        ) : ticket.status !== 'available' ? (
          <div className="notice notice--info" data-testid="ticket-unavailable">
            {UNAVAILABLE[ticket.status]}
          </div>
        ) : user ? (
          <BuyButton ticketId={ticket.id} />
        ) : (
          <Link
            className="button button--wide"
            href={`/signin?next=${encodeURIComponent(`/tickets/${ticket.id}`)}`}
          >
            Sign in to buy
          </Link>
        )}
        <p className="muted" style={{ margin: 0, fontSize: '0.9rem' }}>
          Buying holds the ticket for you while you pay. Nobody else can buy it in the meantime.
        </p>
      </aside>
    </div>
  );
}
