import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  awaitOrdersKnow,
  heldTicket,
  listTicket,
  order,
  orderBecomes,
  pay,
  payments,
  placeOrder,
  ticket,
  ticketBecomes,
  type Page,
  type Ticket,
} from './support/market';
import { Visitor } from './support/visitor';

describe('the purchase journey through the single origin', () => {
  it('lists, finds, orders, pays and sells a ticket exactly once', async () => {
    const seller = await Visitor.signUp('seller');
    const listed = await listTicket(seller, { price: 12500, currency: 'EUR', venue: 'O2 Arena' });
    expect(listed).toMatchObject({ status: 'available', version: 1, sellerId: seller.id });

    const buyer = await Visitor.signUp('buyer');
    const found = await buyer.get<Page<Ticket>>(
      `/api/tickets?q=${encodeURIComponent(listed.title.split(' ')[0]!)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((item) => item.id)).toEqual([listed.id]);

    await awaitOrdersKnow(seller, listed.id);
    const placed = await placeOrder(buyer, listed.id);
    expect(placed.status).toBe(201);
    expect(placed.headers.get('location')).toBe(`/api/orders/${placed.body.id}`);
    expect(placed.body).toMatchObject({
      status: 'created',
      userId: buyer.id,
      ticket: { id: listed.id, title: listed.title, price: 12500, currency: 'EUR' },
      cancelReason: null,
    });
    expect(Date.parse(placed.body.expiresAt)).toBeGreaterThan(Date.now());
    await ticketBecomes(listed.id, 'reserved');

    const declined = await pay(buyer, placed.body.id, 'pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe('payment_declined');
    expect((await order(buyer, placed.body.id)).status).toBe('created');

    const key = randomUUID();
    const paid = await pay(buyer, placed.body.id, 'pm_card_visa', key);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      orderId: placed.body.id,
      amount: 12500,
      currency: 'EUR',
      status: 'succeeded',
      provider: 'simulated',
    });

    const replayed = await pay(buyer, placed.body.id, 'pm_card_visa', key);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(paid.body.id);

    const again = await pay(buyer, placed.body.id, 'pm_card_visa');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('order_paid');

    const complete = await orderBecomes(buyer, placed.body.id, 'complete');
    expect(complete.version).toBe(2);
    const sold = await ticketBecomes(listed.id, 'sold');
    expect(sold.version).toBe(3);
    expect((await payments(buyer, placed.body.id)).map((p) => [p.id, p.status])).toEqual([
      [paid.body.id, 'succeeded'],
    ]);

    const mine = await buyer.get<Page<{ id: string }>>('/api/orders');
    expect(mine.body.items.map((item) => item.id)).toEqual([placed.body.id]);
    const cancel = await buyer.delete<{ code: string }>(`/api/orders/${placed.body.id}`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('order_not_cancellable');
    const another = await placeOrder(await Visitor.signUp('late'), listed.id);
    expect(another.status).toBe(409);
    expect(another.body.code).toBe('ticket_unavailable');
    expect((await ticket(listed.id)).status).toBe('sold');
  });

  it('refuses to sell a seller their own ticket and someone else an order of another', async () => {
    const { buyer, listed, placed } = await heldTicket();

    const stranger = await Visitor.signUp('stranger');
    const peek = await stranger.get<{ code: string }>(`/api/orders/${placed.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('order_not_found');
    const payForOther = await stranger.post<{ code: string }>('/api/payments', {
      json: { orderId: placed.id, paymentMethod: 'pm_card_visa' },
    });
    expect(payForOther.status).toBe(404);
    expect(payForOther.body.code).toBe('order_not_found');
    const edit = await buyer.put<{ code: string }>(`/api/tickets/${listed.id}`, {
      json: { title: 'mine now', price: 1 },
    });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('not_owner');
    expect((await order(buyer, placed.id)).status).toBe('created');
  });
});
