import type { Metadata } from 'next';
import Link from 'next/link';

import { LocalTime } from '@/components/local-time';
import { Pagination } from '@/components/pagination';
import { SignInRequired } from '@/components/sign-in-required';
import { StatusBadge } from '@/components/status-badge';
import { currentUser, serverApi } from '@/lib/api/server';
import { formatMoney } from '@/lib/money';
import { pageNumber } from '@/lib/navigation';

export const metadata: Metadata = { title: 'My orders' };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await currentUser())) {
    return <SignInRequired what="see your orders" next="/orders" />;
  }
  const page = pageNumber((await searchParams).page);
  const orders = await serverApi.listOrders({ page, size: 20 });
  return (
    <>
      <div className="page-head">
        <h1>My orders</h1>
        <p className="muted">{orders.totalItems} in all</p>
      </div>
      {orders.items.length === 0 ? (
        <div className="empty panel">
          <p>
            You have not ordered anything yet. <Link href="/">Find a ticket</Link>
          </p>
        </div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Ticket</th>
              <th>Price</th>
              <th>Ordered</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((order) => (
              <tr key={order.id} data-testid="order-row">
                <td>
                  <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
                </td>
                <td>{formatMoney(order.ticket.price, order.ticket.currency)}</td>
                <td data-label="Ordered">
                  <LocalTime iso={order.createdAt} />
                </td>
                <td>
                  <StatusBadge status={order.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={orders.page}
        totalPages={orders.totalPages}
        href={(p) => (p > 0 ? `/orders?page=${p}` : '/orders')}
      />
    </>
  );
}
