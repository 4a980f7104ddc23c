import type { Metadata } from 'next';
import Link from 'next/link';

import { LocalTime } from '@/components/local-time';
import { Pagination } from '@/components/pagination';
import { ResaleMark } from '@/components/resale-mark';
import { SignInRequired } from '@/components/sign-in-required';
import { StatusBadge } from '@/components/status-badge';
import { currentUser, serverApi } from '@/lib/api/server';
import { formatMoney } from '@/lib/money';
import { pageNumber } from '@/lib/navigation';
import { morePages } from '@/lib/paging';

export const metadata: Metadata = { title: 'My listings' };

export default async function ListingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user) {
    return <SignInRequired what="see your listings" next="/listings" />;
  }
  const page = pageNumber((await searchParams).page);
  const tickets = await serverApi.listTickets({ sellerId: user.id, status: 'all', page, size: 20 });
  return (
    <>
      <div className="page-head">
        <h1>My listings</h1>
        <Link className="button" href="/sell">
          Sell a ticket
        </Link>
      </div>
      {tickets.items.length === 0 ? (
        <div className="empty panel">
          <p>
            You have not listed any tickets yet. <Link href="/sell">List one</Link>
          </p>
        </div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Ticket</th>
              <th>Price</th>
              <th>Listed</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {tickets.items.map((ticket) => (
              <tr key={ticket.id} data-testid="listing-row">
                <td>
                  <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
                  {ticket.resoldFrom && (
                    <>
                      {' '}
                      <ResaleMark />
                    </>
                  )}
                </td>
                <td>{formatMoney(ticket.price, ticket.currency)}</td>
                <td data-label="Listed">
                  <LocalTime iso={ticket.createdAt} />
                </td>
                <td>
                  <StatusBadge status={ticket.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={tickets.page}
        totalPages={tickets.totalPages}
        more={morePages(tickets)}
        href={(p) => (p > 0 ? `/listings?page=${p}` : '/listings')}
      />
    </>
  );
}
