import type { Metadata } from 'next';
import Link from 'next/link';

import { Pagination } from '@/components/pagination';
import { PassCard } from '@/components/pass-card';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser, serverApi } from '@/lib/api/server';
import type { Ticket } from '@/lib/api/types';
import { pageNumber } from '@/lib/navigation';
import { openResales } from '@/lib/passes';

export const metadata: Metadata = { title: 'My tickets' };

export default async function MyTicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user) {
    return <SignInRequired what="see your tickets" next="/tickets/mine" />;
  }
  const page = pageNumber((await searchParams).page);
  const held = await serverApi.listHeldTickets({ page, size: 20 });
  // A listed pass links to its resale listing, found among the holder's newest listings.
  let resales = new Map<string, Ticket>();
  if (held.items.some((item) => item.pass.status === 'listed')) {
    const mine = await serverApi.listTickets({ sellerId: user.id, status: 'all', size: 100 });
    resales = openResales(mine.items);
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My tickets</h1>
          <p className="muted">
            A valid ticket’s code admits one person, once. Resell it and that code stops admitting
            anyone; its buyer gets a new one.
          </p>
        </div>
        <p className="muted">{held.totalItems} in all</p>
      </div>
      {held.items.length === 0 ? (
        <div className="empty panel">
          <p>
            You hold no tickets yet. <Link href="/">Find a ticket</Link>
          </p>
          <p>A ticket you have just paid for shows here as soon as its order is complete.</p>
        </div>
      ) : (
        <div className="passes">
          {held.items.map((item) => (
            <PassCard key={item.pass.id} held={item} resale={resales.get(item.pass.ticketId)} />
          ))}
        </div>
      )}
      <Pagination
        page={held.page}
        totalPages={held.totalPages}
        href={(p) => (p > 0 ? `/tickets/mine?page=${p}` : '/tickets/mine')}
      />
    </>
  );
}
