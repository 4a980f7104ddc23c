import Link from 'next/link';

import type { HeldTicket, Ticket } from '@/lib/api/types';

import { Icon } from './icon';
import { LocalTime } from './local-time';
import { PassCode } from './pass-code';
import { StatusBadge } from './status-badge';

interface Props {
  held: HeldTicket;
  /** The holder's open listing reselling it, while the pass is `listed` (when it was found). */
  resale?: Ticket;
}

/** One ticket its holder holds: what it is for, and what its pass does at the door now. */
export function PassCard({ held: { ticket, pass }, resale }: Props) {
  return (
    <article className="panel pass" data-testid="pass-card">
      <header className="pass__head">
        <div className="pass__what">
          <h2 className="pass__title">
            <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
          </h2>
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
        <StatusBadge status={pass.status} />
      </header>

      {pass.status === 'valid' && pass.code && (
        <>
          <PassCode code={pass.code} />
          <div className="actions">
            <Link className="button" href={`/tickets/${ticket.id}/resell`}>
              Resell
            </Link>
          </div>
        </>
      )}
      {pass.status === 'listed' && (
        <div className="notice notice--info" data-testid="pass-state">
          Listed for resale. Its code admits no one while the listing is up; withdraw the listing to
          use the ticket yourself.{' '}
          {resale ? (
            <Link href={`/tickets/${resale.id}`}>View your resale listing</Link>
          ) : (
            <Link href="/listings">See your listings</Link>
          )}
        </div>
      )}
      {pass.status === 'used' && (
        <div className="notice notice--quiet" data-testid="pass-state">
          Used at the door
          {pass.checkedInAt && (
            <>
              {' on '}
              <LocalTime iso={pass.checkedInAt} />
            </>
          )}
          .
        </div>
      )}
      {pass.status === 'void' && (
        <div className="notice notice--error" data-testid="pass-state">
          This pass no longer admits anyone: the ticket was resold or refunded.
        </div>
      )}
    </article>
  );
}
