import { describe, expect, it } from 'vitest';

import {
  awaitOrdersKnow,
  listTicket,
  placeOrder,
  ticketBecomes,
  type Order,
  type Page,
} from './support/market';
import { Visitor } from './support/visitor';

const BUYERS = 50;

describe('fifty buyers racing for one ticket', () => {
  it('gives the ticket to exactly one of them and a clear 409 to the others', async () => {
    const seller = await Visitor.signUp('seller');
    const listed = await listTicket(seller);
    const buyers = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) => Visitor.signUp(`racer${i}`)),
    );
    await awaitOrdersKnow(seller, listed.id);

    // All fifty requests are in flight together: each waits on the same starting gun.
    let fire!: () => void;
    const gun = new Promise<void>((resolve) => (fire = resolve));
    const attempts = buyers.map(async (buyer) => {
      await gun;
      return placeOrder(buyer, listed.id);
    });
    fire();
    const answers = await Promise.all(attempts);

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(BUYERS - 1);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.code).toBe('ticket_unavailable');
    }

    const winnerIndex = statuses.indexOf(201);
    const winner = buyers[winnerIndex]!;
    expect(answers[winnerIndex]!.body.userId).toBe(winner.id);
    await ticketBecomes(listed.id, 'reserved');

    // No loser holds an order for it, whatever they ask.
    const orders = await Promise.all(
      buyers.map((buyer) => buyer.get<Page<Order>>('/api/orders').then((answer) => answer.body)),
    );
    const holders = orders.flatMap((page) =>
      page.items.filter((item) => item.ticket.id === listed.id && item.status !== 'cancelled'),
    );
    expect(holders.map((item) => item.userId)).toEqual([winner.id]);
  });
});
