import { describe, expect, it } from 'vitest';

import {
  awaitOrdersKnow,
  expectShortHoldWindow,
  holdWindowMs,
  listTicket,
  orderBecomes,
  pay,
  payments,
  placeOrder,
  ticketBecomes,
} from './support/market';
import { Visitor } from './support/visitor';

describe('a hold that runs out', () => {
  it('cancels the order as expired, frees the ticket for the next buyer and refuses payment', async () => {
    const seller = await Visitor.signUp('seller');
    const listed = await listTicket(seller);
    await awaitOrdersKnow(seller, listed.id);
    const buyer = await Visitor.signUp('buyer');
    const placed = await placeOrder(buyer, listed.id);
    expect(placed.status).toBe(201);
    expectShortHoldWindow(placed.body);
    await ticketBecomes(listed.id, 'reserved');

    // Expiry runs every second in orders-service; a few seconds past the hold is "within a few".
    const expired = await orderBecomes(
      buyer,
      placed.body.id,
      'cancelled',
      holdWindowMs(placed.body) + 15_000,
    );
    expect(expired).toMatchObject({ cancelReason: 'expired', version: 2 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(placed.body.expiresAt));
    const released = await ticketBecomes(listed.id, 'available');
    expect(released.version).toBe(3);

    const late = await pay(buyer, placed.body.id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('order_cancelled');
    expect(await payments(buyer, placed.body.id)).toEqual([]);

    const next = await placeOrder(await Visitor.signUp('next'), listed.id);
    expect(next.status).toBe(201);
    await ticketBecomes(listed.id, 'reserved');
  });
});
