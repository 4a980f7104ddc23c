import { describe, expect, it } from 'vitest';

import {
  awaitOrdersKnow,
  listTicket,
  orderBecomes,
  passBecomes,
  pay,
  placeOrder,
  type Page,
  type Pass,
  type Ticket,
} from './support/market';
import { grantRole } from './support/operator';
import { Visitor } from './support/visitor';

/** Buys a listing through the storefront's origin and waits for the buyer's pass. */
async function buy(buyer: Visitor, seller: Visitor, ticketId: string): Promise<Pass> {
  await awaitOrdersKnow(seller, ticketId);
  const placed = await placeOrder(buyer, ticketId);
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  expect((await pay(buyer, placed.body.id)).status).toBe(201);
  await orderBecomes(buyer, placed.body.id, 'complete');
  return passBecomes(buyer, ticketId, 'valid');
}

function checkIn(door: Visitor, code: string) {
  return door.post<{ code?: string; checkedInAt?: string; pass?: Pass }>('/api/tickets/checkins', {
    json: { code },
  });
}

describe('passes through the single origin', () => {
  it('issues, resells, voids and checks in a pass once, with the door role granted by bin/roles', async () => {
    const seller = await Visitor.signUp('seller');
    const listed = await listTicket(seller, { price: 10000 });
    expect(listed).toMatchObject({ faceValue: 10000, resoldFrom: null });

    const first = await Visitor.signUp('first');
    const firstPass = await buy(first, seller, listed.id);
    expect(firstPass.code).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const held = await first.get<Page<{ ticket: Ticket; pass: Pass }>>('/api/tickets/held');
    expect(held.body.items.map((item) => [item.ticket.id, item.pass.id])).toEqual([
      [listed.id, firstPass.id],
    ]);

    const jwks = await new Visitor().get<{ keys: { kid: string; alg: string }[] }>(
      '/api/tickets/.well-known/jwks.json',
    );
    const header = JSON.parse(
      Buffer.from(firstPass.code!.split('.')[0]!, 'base64url').toString('utf8'),
    ) as { kid: string; alg: string };
    expect(header.alg).toBe('EdDSA');
    expect(jwks.body.keys.map((key) => key.kid)).toContain(header.kid);

    const aboveCap = await first.post<{ code: string; detail: string }>(
      `/api/tickets/${listed.id}/resale`,
      { json: { price: 12001 } },
    );
    expect(aboveCap.status).toBe(400);
    expect(aboveCap.body.code).toBe('price_above_cap');
    expect(aboveCap.body.detail).toContain('12000');
    const resale = await first.post<Ticket>(`/api/tickets/${listed.id}/resale`, {
      json: { price: 12000 },
    });
    expect(resale.status, JSON.stringify(resale.body)).toBe(201);
    expect(resale.body).toMatchObject({ resoldFrom: listed.id, faceValue: 10000, price: 12000 });
    await passBecomes(first, listed.id, 'listed');

    const second = await Visitor.signUp('second');
    const secondPass = await buy(second, first, resale.body.id);
    await passBecomes(first, listed.id, 'void');

    const door = await Visitor.signUp('door');
    const notYet = await checkIn(door, secondPass.code!);
    expect(notYet.status).toBe(403);
    expect(notYet.body.code).toBe('forbidden');
    await grantRole('door', door.email);
    expect((await door.refresh()).status).toBe(200);
    const me = await door.get<{ currentUser: { roles: string[] } }>('/api/users/currentuser');
    expect(me.body.currentUser.roles).toEqual(['door']);

    const admitted = await checkIn(door, secondPass.code!);
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    expect(admitted.body.pass).toMatchObject({ id: secondPass.id, status: 'used' });
    const again = await checkIn(door, secondPass.code!);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_checked_in');
    expect(again.body.checkedInAt).toBe(admitted.body.pass!.checkedInAt);
    const superseded = await checkIn(door, firstPass.code!);
    expect(superseded.status).toBe(409);
    expect(superseded.body.code).toBe('pass_void');
    const forged = await checkIn(door, `${secondPass.code!.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('code_invalid');
  });
});
