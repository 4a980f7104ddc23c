import Link from 'next/link';

import type { Ticket } from '@/lib/api/types';
import { formatMoney } from '@/lib/money';

import { Icon } from './icon';
import { LocalTime } from './local-time';
import { ResaleMark } from './resale-mark';
import { StatusBadge } from './status-badge';

export function TicketCard({ ticket }: { ticket: Ticket }) {
  return (
    <Link href={`/tickets/${ticket.id}`} className="card" data-testid="ticket-card">
      <span className="card__title">{ticket.title}</span>
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
      <span className="card__foot">
        <span className="card__prices">
          <span className="price">{formatMoney(ticket.price, ticket.currency)}</span>
          <span className="card__face" data-testid="face-value">
            Face value {formatMoney(ticket.faceValue, ticket.currency)}
          </span>
        </span>
        <span className="marks">
          {ticket.resoldFrom && <ResaleMark />}
          {ticket.status !== 'available' && <StatusBadge status={ticket.status} />}
        </span>
      </span>
    </Link>
  );
}
