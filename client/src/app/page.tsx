import { Pagination } from '@/components/pagination';
import { TicketCard } from '@/components/ticket-card';
import { UnavailableNotice } from '@/components/unavailable-notice';
import { serverApi } from '@/lib/api/server';
import type { Page, Ticket } from '@/lib/api/types';
import { unlessUnavailable } from '@/lib/api/unavailable';
import { pageNumber, single } from '@/lib/navigation';
import { morePages, totalText } from '@/lib/paging';

const PAGE_SIZE = 12;

export default async function BrowsePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = (single(params.q) ?? '').trim().slice(0, 200);
  const page = pageNumber(params.page);
  const listing = await unlessUnavailable(serverApi.listTickets({ q, page, size: PAGE_SIZE }));
  const href = (target: number) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (target > 0) search.set('page', String(target));
    const text = search.toString();
    return text ? `/?${text}` : '/';
  };

  return (
    <>
      <section className="hero">
        <h1>Find your next live show</h1>
        <p>Tickets resold by fans, held for you while you pay. No bots, no double sales.</p>
        <form className="search" action="/" role="search">
          <input
            type="search"
            name="q"
            defaultValue={q}
            placeholder="Search by artist, event or venue"
            aria-label="Search tickets"
          />
          <button className="button" type="submit">
            Search
          </button>
        </form>
      </section>

      {listing.available ? (
        <Results result={listing.value} q={q} href={href} />
      ) : (
        <UnavailableNotice what={q ? `Tickets matching “${q}”` : 'Tickets on sale'} />
      )}
    </>
  );
}

function Results({
  result,
  q,
  href,
}: {
  result: Page<Ticket>;
  q: string;
  href: (target: number) => string;
}) {
  return (
    <>
      <div className="page-head">
        <h2>{q ? `Tickets matching “${q}”` : 'Tickets on sale'}</h2>
        <p className="muted" data-testid="result-count">
          {totalText(result, 'ticket', 'tickets')}
        </p>
      </div>

      {result.items.length === 0 ? (
        <div className="empty panel">
          <p>{q ? 'No tickets match your search yet.' : 'No tickets on sale yet.'}</p>
        </div>
      ) : (
        <div className="grid">
          {result.items.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} />
          ))}
        </div>
      )}
      <Pagination
        page={result.page}
        totalPages={result.totalPages}
        more={morePages(result)}
        href={href}
      />
    </>
  );
}
