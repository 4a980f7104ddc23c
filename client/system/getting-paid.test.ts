import { randomUUID } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import type { Earnings, LedgerBalances, Payout, PayoutAccount } from '../src/lib/api/types';

import {
  EVENTUAL_MS,
  orderBecomes,
  passBecomes,
  pay,
  placeOrder,
  awaitOrdersKnow,
  listTicket,
  type Page,
  type Payment,
} from './support/market';
import { grantRole } from './support/operator';
import { type Problem, Visitor } from './support/visitor';

/** Waits until the seller's earnings show `balances` (escrow learns of orders by events). */
function earningsBecome(seller: Visitor, balances: Earnings['balances']): Promise<Earnings> {
  return vi.waitFor(
    async () => {
      const answer = await seller.get<Earnings>('/api/payments/earnings');
      expect(answer.status).toBe(200);
      expect(answer.body.balances).toEqual(balances);
      return answer.body;
    },
    { timeout: EVENTUAL_MS, interval: 200 },
  );
}

describe('getting paid and refunding through the single origin', () => {
  it('holds a sale for its seller, keeps their payout account masked, and lets support refund it once, voiding the pass', async () => {
    const seller = await Visitor.signUp('seller');
    const none = await seller.get<Problem>('/api/payments/payout-account');
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('payout_account_not_found');
    expect((await seller.get<Earnings>('/api/payments/earnings')).body).toEqual({
      balances: [],
      nextReleaseAt: null,
    });

    // The system under test pays with the simulated provider only (PAYMENTS_PROVIDER=simulated).
    const notOffered = await seller.put<Problem>('/api/payments/payout-account', {
      json: { method: 'stripe', reference: 'acct_1Nv0FGQ9RKHgIo2C' },
    });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.code).toBe('validation_failed');
    expect(notOffered.body.errors?.map((error) => error.field)).toEqual(['method']);
    const spaced = await seller.put<Problem>('/api/payments/payout-account', {
      json: { method: 'simulated', reference: 'my bank' },
    });
    expect(spaced.status).toBe(400);
    expect(spaced.body.errors?.map((error) => error.field)).toEqual(['reference']);

    const set = await seller.put<PayoutAccount>('/api/payments/payout-account', {
      json: { method: 'simulated', reference: 'my-bank-4321' },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ method: 'simulated', reference: '••••••••4321' });
    expect((await seller.get<PayoutAccount>('/api/payments/payout-account')).body).toEqual(
      set.body,
    );

    const eventAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const listed = await listTicket(seller, { price: 9000, currency: 'EUR', eventAt });
    await awaitOrdersKnow(seller, listed.id);
    const buyer = await Visitor.signUp('buyer');
    const placed = await placeOrder(buyer, listed.id);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const paid = await pay(buyer, placed.body.id);
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    await orderBecomes(buyer, placed.body.id, 'complete');
    await passBecomes(buyer, listed.id, 'valid');

    const held = await earningsBecome(seller, [
      { currency: 'EUR', pending: 9000, available: 0, paidOut: 0 },
    ]);
    // Released after the event, never before it.
    expect(Date.parse(held.nextReleaseAt!)).toBeGreaterThanOrEqual(Date.parse(eventAt));
    const payouts = await seller.get<Page<Payout>>('/api/payments/payouts?page=0&size=20');
    expect(payouts.body).toEqual({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 });

    const agent = await Visitor.signUp('support');
    const refundPath = `/api/payments/${paid.body.id}/refunds`;
    const refused = await agent.post<Problem>(refundPath, { json: { reason: 'Charged twice' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await agent.get<Problem>('/api/payments/ledger/balances')).status).toBe(403);
    // Without the role only one's own payments are found.
    expect((await agent.get<Problem>(`/api/payments/${paid.body.id}`)).body.code).toBe(
      'payment_not_found',
    );

    await grantRole('support', agent.email);
    expect((await agent.refresh()).status).toBe(200);
    const found = await agent.get<Payment>(`/api/payments/${paid.body.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      id: paid.body.id,
      orderId: placed.body.id,
      amount: 9000,
      currency: 'EUR',
      status: 'succeeded',
    });
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const unknown = await agent.post<Problem>(`/api/payments/${id}/refunds`, {
        json: { reason: 'Charged twice' },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('payment_not_found');
    }
    const blank = await agent.post<Problem>(refundPath, { json: { reason: '  ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('validation_failed');
    expect(blank.body.errors?.map((error) => error.field)).toEqual(['reason']);

    const refunded = await agent.post<Payment>(refundPath, {
      json: { reason: 'The buyer can no longer attend; the seller agreed.' },
    });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(201);
    expect(refunded.body).toMatchObject({ id: paid.body.id, status: 'refunded' });
    const again = await agent.post<Problem>(refundPath, { json: { reason: 'Once more' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_refunded');

    await passBecomes(buyer, listed.id, 'void');
    await earningsBecome(seller, []);
    const ledger = await agent.get<LedgerBalances>('/api/payments/ledger/balances');
    expect(ledger.status).toBe(200);
    expect(ledger.body.totals.map((total) => total.currency)).toContain('EUR');
    expect(ledger.body.totals.filter((total) => total.balance !== 0)).toEqual([]);
    // The refunded sale's escrow is closed: it is no account left with money in it.
    expect(
      ledger.body.accounts.filter((account) => account.account === `escrow:${placed.body.id}`),
    ).toEqual([]);
  });
});
