import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { OrderView } from '@/components/order-view';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Your order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) {
    return <SignInRequired what="see your order" next={`/orders/${id}`} />;
  }
  const [order, payments] = await Promise.all([
    serverApi.getOrder(id),
    serverApi.listPayments({ orderId: id }).catch(() => null),
  ]);
  if (!order) {
    notFound();
  }
  return (
    <OrderView
      key={order.id}
      initialOrder={order}
      initialPayments={payments?.items ?? []}
      // A server component renders once per request: this is the server's clock at that moment,
      // which the countdown uses to correct a browser clock that is off.
      // eslint-disable-next-line react-hooks/purity
      serverNow={Date.now()}
    />
  );
}
