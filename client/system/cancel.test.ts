import { describe, expect, it } from 'vitest';

import { heldTicket, order, pay, payments, ticketBecomes } from './support/market';

describe('a buyer cancelling an order', () => {
  it('releases the ticket, answers a second cancel the same and refuses payment', async () => {
    const { seller, buyer, listed, placed } = await heldTicket();
    await ticketBecomes(listed.id, 'reserved');

    const cancel = await buyer.delete(`/api/orders/${placed.id}`);
    expect(cancel.status).toBe(204);
    expect(cancel.body).toBeNull();
    expect(await order(buyer, placed.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'user',
      version: 2,
    });
    const again = await buyer.delete(`/api/orders/${placed.id}`);
    expect(again.status).toBe(204);
    expect((await order(buyer, placed.id)).version).toBe(2);
    await ticketBecomes(listed.id, 'available');

    const refused = await pay(buyer, placed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('order_cancelled');
    expect(await payments(buyer, placed.id)).toEqual([]);

    // The seller can change the listing again now that nobody holds it.
    const edited = await seller.put<{ price: number; version: number }>(
      `/api/tickets/${listed.id}`,
      { json: { title: listed.title, price: 3900, currency: 'EUR' } },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.price).toBe(3900);
  });
});
