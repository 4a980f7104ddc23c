import { describe, expect, it, vi } from 'vitest';

import { PAYMENTS_URL } from './support/env';
import { EVENTUAL_MS, heldTicket, order, pay, payments, ticketBecomes } from './support/market';

/** `ticketing_payments_charges_in_flight`: charges waiting for the provider right now. */
async function chargesInFlight(): Promise<number> {
  const text = await (await fetch(`${PAYMENTS_URL}/actuator/prometheus`)).text();
  const line = text.split('\n').find((l) => l.startsWith('ticketing_payments_charges_in_flight{'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('a payment that lands after its order was cancelled', () => {
  it('is charged once, refunded automatically, and leaves the ticket free', async () => {
    const { buyer, listed, placed } = await heldTicket({ price: 7700, currency: 'GBP' });
    expect(await chargesInFlight()).toBe(0);

    // The charge is at the provider (PAYMENTS_SIMULATED_LATENCY keeps it there a moment) when
    // the buyer cancels the order in another tab.
    const charging = pay(buyer, placed.id);
    await vi.waitFor(async () => expect(await chargesInFlight()).toBe(1), {
      timeout: EVENTUAL_MS,
      interval: 20,
    });
    const cancel = await buyer.delete(`/api/orders/${placed.id}`);
    expect(cancel.status).toBe(204);

    const charged = await charging;
    expect(charged.status, JSON.stringify(charged.body)).toBe(201);
    expect(charged.body).toMatchObject({ amount: 7700, currency: 'GBP', status: 'succeeded' });

    const refunded = await vi.waitFor(
      async () => {
        const current = await payments(buyer, placed.id);
        expect(current.map((p) => p.status)).toEqual(['refunded']);
        return current[0]!;
      },
      { timeout: EVENTUAL_MS, interval: 200 },
    );
    expect(refunded.id).toBe(charged.body.id);
    expect(await order(buyer, placed.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'user',
    });
    await ticketBecomes(listed.id, 'available');

    const again = await pay(buyer, placed.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('order_cancelled');
  });
});
