import { describe, expect, it } from 'vitest';

import {
  expectShortHoldWindow,
  heldTicket,
  holdWindowMs,
  orderBecomes,
  pay,
  payments,
  placeOrder,
  ticketBecomes,
} from './support/market';
import { Visitor } from './support/visitor';

describe('a hold that runs out', () => {
  it('cancels the order as expired, frees the ticket for the next buyer and refuses payment', async () => {
    const { buyer, listed, placed } = await heldTicket();
    expectShortHoldWindow(placed);
    await ticketBecomes(listed.id, 'reserved');

    // Expiry runs every second in orders-service; a few seconds past the hold is "within a few".
    const expired = await orderBecomes(
      buyer,
      placed.id,
      'cancelled',
      holdWindowMs(placed) + 15_000,
    );
    expect(expired).toMatchObject({ cancelReason: 'expired', version: 2 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(placed.expiresAt));
    const released = await ticketBecomes(listed.id, 'available');
    expect(released.version).toBe(3);

    const late = await pay(buyer, placed.id);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('order_cancelled');
    expect(await payments(buyer, placed.id)).toEqual([]);

    const next = await placeOrder(await Visitor.signUp('next'), listed.id);
    expect(next.status).toBe(201);
    await ticketBecomes(listed.id, 'reserved');
  });
});
