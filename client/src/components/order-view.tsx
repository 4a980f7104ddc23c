'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';

import { api } from '@/lib/api/browser';
import type { Order, Payment } from '@/lib/api/types';
import { messageFor } from '@/lib/messages';
import { formatMoney } from '@/lib/money';

import { Countdown } from './countdown';
import { LocalTime } from './local-time';
import { PaymentForm } from './payment-form';
import { StatusBadge } from './status-badge';

interface Props {
  initialOrder: Order;
  initialPayments: Payment[];
  serverNow: number;
}

type Waiting = 'none' | 'completion' | 'expiry' | 'cancellation';

/**
 * One order, live: the hold counting down, payment, cancelling. What happens after a payment or
 * an expiry happens in other services and arrives by events, so the page follows the order
 * until it settles.
 */
export function OrderView({ initialOrder, initialPayments, serverNow }: Props) {
  const [order, setOrder] = useState(initialOrder);
  const [payments, setPayments] = useState(initialPayments);
  const [waiting, setWaiting] = useState<Waiting>('none');
  const [expired, setExpired] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const reload = useCallback(async () => {
    const [latest, page] = await Promise.all([
      api.getOrder(order.id),
      api.listPayments({ orderId: order.id }),
    ]);
    if (latest) {
      setOrder(latest);
    }
    setPayments(page.items);
    return { latest, payments: page.items };
  }, [order.id]);

  useEffect(() => {
    if (waiting === 'none') {
      return;
    }
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const { latest, payments: current } = await reload();
        // Settled: the order left `created`, and a payment for a cancelled order was refunded.
        const refundDue =
          latest?.status === 'cancelled' && current.some((p) => p.status === 'succeeded');
        if (!stopped && latest && latest.status !== 'created' && !refundDue) {
          setWaiting('none');
        }
      } catch {
        // Keep following; a passing failure does not change what the order will become.
      }
    }, 1_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, reload]);

  const onExpired = useCallback(() => {
    setExpired(true);
    setWaiting((current) => (current === 'none' ? 'expiry' : current));
  }, []);

  async function cancel() {
    setCancelling(true);
    setFailure(null);
    try {
      await api.cancelOrder(order.id);
      setWaiting('cancellation');
      await reload();
    } catch (error) {
      setFailure(messageFor(error));
    } finally {
      setCancelling(false);
    }
  }

  const refunded = payments.find((payment) => payment.status === 'refunded');
  const paid = payments.find((payment) => payment.status === 'succeeded');
  const open = order.status === 'created' && !expired && waiting !== 'completion';

  return (
    <div className="detail">
      <section className="panel">
        <div className="page-head" style={{ marginBottom: 0 }}>
          <div>
            <p className="muted">Order</p>
            <h1 data-testid="order-title">{order.ticket.title}</h1>
          </div>
          <StatusBadge status={order.status} />
        </div>
        <dl className="facts">
          <dt>Price</dt>
          <dd className="price">{formatMoney(order.ticket.price, order.ticket.currency)}</dd>
          <dt>Ordered</dt>
          <dd>
            <LocalTime iso={order.createdAt} />
          </dd>
          <dt>Ticket</dt>
          <dd>
            <Link href={`/tickets/${order.ticket.id}`}>View the listing</Link>
          </dd>
          {(paid ?? refunded) && (
            <>
              <dt>Payment</dt>
              <dd>
                {formatMoney((paid ?? refunded)!.amount, (paid ?? refunded)!.currency)}{' '}
                <StatusBadge status={(paid ?? refunded)!.status} />
              </dd>
              <dt>Payment id</dt>
              <dd className="masked" data-testid="order-payment-id">
                {(paid ?? refunded)!.id}
              </dd>
            </>
          )}
        </dl>
      </section>

      <aside className="panel aside" data-testid="order-state">
        {order.status === 'complete' && (
          <div className="notice notice--ok" data-testid="order-complete">
            <strong>Order complete.</strong> The ticket is yours — enjoy the show!
          </div>
        )}
        {order.status === 'cancelled' && (
          <div className="notice notice--warn" data-testid="order-cancelled">
            {order.cancelReason === 'expired'
              ? 'Your hold expired and the ticket was released.'
              : 'You cancelled this order and the ticket was released.'}
            {refunded &&
              ` Your payment of ${formatMoney(refunded.amount, refunded.currency)} was refunded.`}
          </div>
        )}
        {order.status === 'created' && waiting === 'completion' && (
          <div className="notice notice--info" data-testid="order-confirming">
            Payment received. Confirming your order…
          </div>
        )}
        {order.status === 'created' && expired && waiting !== 'completion' && (
          <div className="notice notice--warn" data-testid="order-expired">
            Your hold on this ticket has expired. Releasing it…
          </div>
        )}
        {open && (
          <>
            <div>
              <p className="muted" style={{ margin: 0 }}>
                Ticket held for you for
              </p>
              <Countdown expiresAt={order.expiresAt} serverNow={serverNow} onExpired={onExpired} />
            </div>
            <PaymentForm
              orderId={order.id}
              amount={order.ticket.price}
              currency={order.ticket.currency}
              disabled={cancelling}
              onPaid={(payment) => {
                setPayments((current) => [payment, ...current.filter((p) => p.id !== payment.id)]);
                setWaiting('completion');
              }}
              onRefused={() => setWaiting('cancellation')}
            />
            <button
              className="button button--secondary button--wide"
              type="button"
              onClick={cancel}
              disabled={cancelling}
            >
              {cancelling ? 'Cancelling…' : 'Cancel order'}
            </button>
          </>
        )}
        {failure && (
          <div className="notice notice--error" role="alert">
            {failure}
          </div>
        )}
        {order.status === 'complete' && (
          <Link className="button" href="/tickets/mine">
            See your ticket
          </Link>
        )}
        {order.status !== 'created' && (
          <Link className="button button--secondary" href="/">
            Browse more tickets
          </Link>
        )}
      </aside>
    </div>
  );
}
