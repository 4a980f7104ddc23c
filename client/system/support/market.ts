import { randomUUID } from 'node:crypto';

import { expect, vi } from 'vitest';

import type { Order, Page, Pass, Payment, Ticket } from '../../src/lib/api/types';

import { uniqueWord } from './env';
import { type Answer, type Problem, Visitor } from './visitor';

export type { Order, Page, Pass, Payment, Ticket };

/** A success body, or a problem's `code` when the request was refused. */
export type Refusable<T> = T & { code?: string };

/** How long an effect that travels by events may take to show (a NATS hop or two). */
export const EVENTUAL_MS = 30_000;

const anonymous = new Visitor();

/** A seller's new listing, with a title no other listing has. */
export async function listTicket(
  seller: Visitor,
  fields: Partial<
    Pick<Ticket, 'title' | 'price' | 'faceValue' | 'currency' | 'venue' | 'eventAt' | 'description'>
  > = {},
): Promise<Ticket> {
  const answer = await seller.post<Ticket>('/api/tickets', {
    json: {
      title: `${uniqueWord('system')} floor standing`,
      price: 4500,
      currency: 'EUR',
      ...fields,
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

export async function ticket(id: string): Promise<Ticket> {
  const answer = await anonymous.get<Ticket>(`/api/tickets/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until tickets-service shows the ticket in `status` (it learns of orders by events). */
export async function ticketBecomes(id: string, status: Ticket['status']): Promise<Ticket> {
  return vi.waitFor(
    async () => {
      const current = await ticket(id);
      expect(current.status).toBe(status);
      return current;
    },
    { timeout: EVENTUAL_MS, interval: 200 },
  );
}

/**
 * Waits until orders-service's replica has the listing. The probe is its seller ordering it: 404
 * while the replica lacks it, 403 `own_ticket` once it has it, and neither changes anything.
 */
export async function awaitOrdersKnow(seller: Visitor, ticketId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const probe = await seller.post<Problem>('/api/orders', { json: { ticketId } });
      expect(probe.body.code).toBe('own_ticket');
    },
    { timeout: EVENTUAL_MS, interval: 100 },
  );
}

export function placeOrder(buyer: Visitor, ticketId: string): Promise<Answer<Refusable<Order>>> {
  return buyer.post<Refusable<Order>>('/api/orders', { json: { ticketId } });
}

export async function order(buyer: Visitor, id: string): Promise<Order> {
  const answer = await buyer.get<Order>(`/api/orders/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Waits until orders-service shows the order in `status`. */
export async function orderBecomes(
  buyer: Visitor,
  id: string,
  status: Order['status'],
  timeout = EVENTUAL_MS,
): Promise<Order> {
  return vi.waitFor(
    async () => {
      const current = await order(buyer, id);
      expect(current.status).toBe(status);
      return current;
    },
    { timeout, interval: 200 },
  );
}

/**
 * One payment attempt. payments-service learns of a new order by an event, so a 404
 * `order_not_found` right after ordering is repeated, as the storefront does; it changes nothing.
 */
export async function pay(
  buyer: Visitor,
  orderId: string,
  paymentMethod = 'pm_card_visa',
  idempotencyKey: string = randomUUID(),
): Promise<Answer<Refusable<Payment>>> {
  return vi.waitFor(
    async () => {
      const answer = await buyer.post<Refusable<Payment>>('/api/payments', {
        json: { orderId, paymentMethod },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      expect(answer.body?.code).not.toBe('order_not_found');
      return answer;
    },
    { timeout: EVENTUAL_MS, interval: 200 },
  );
}

export async function payments(buyer: Visitor, orderId: string): Promise<Payment[]> {
  const answer = await buyer.get<Page<Payment>>(`/api/payments?orderId=${orderId}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** The hold window the running orders-service uses, read off an order. */
export function holdWindowMs(placed: Order): number {
  return Date.parse(placed.expiresAt) - Date.parse(placed.createdAt);
}

/**
 * Expiry tests wait out a real hold window; with the default 15 minutes they would only time out,
 * so they say what the system must be started with instead.
 */
export function expectShortHoldWindow(placed: Order): void {
  expect(
    holdWindowMs(placed),
    'expiry tests need a short hold window: start the system with ORDERS_HOLD_WINDOW=PT20S (infra/local/system-test.sh does)',
  ).toBeLessThanOrEqual(60_000);
}

export interface Hold {
  seller: Visitor;
  buyer: Visitor;
  listed: Ticket;
  placed: Order;
}

/** A new seller's new listing, held by a new buyer's order (201), once orders-service knows it. */
export async function heldTicket(fields: Parameters<typeof listTicket>[1] = {}): Promise<Hold> {
  const seller = await Visitor.signUp('seller');
  const listed = await listTicket(seller, fields);
  await awaitOrdersKnow(seller, listed.id);
  const buyer = await Visitor.signUp('buyer');
  const answer = await placeOrder(buyer, listed.id);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { seller, buyer, listed, placed: answer.body };
}

/**
 * Waits until `holder` holds a pass for `ticketId` in `status`: tickets-service issues and voids
 * passes when it learns by an event that an order completed.
 */
export async function passBecomes(
  holder: Visitor,
  ticketId: string,
  status: Pass['status'],
): Promise<Pass> {
  return vi.waitFor(
    async () => {
      const answer = await holder.get<Pass>(`/api/tickets/${ticketId}/pass`);
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe(status);
      return answer.body;
    },
    { timeout: EVENTUAL_MS, interval: 200 },
  );
}

/** A new buyer's valid pass for a new seller's listing, ordered and paid for. */
export async function boughtPass(
  fields: Parameters<typeof listTicket>[1] = {},
): Promise<Hold & { pass: Pass }> {
  const hold = await heldTicket(fields);
  const paid = await pay(hold.buyer, hold.placed.id);
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  return { ...hold, pass: await passBecomes(hold.buyer, hold.listed.id, 'valid') };
}
