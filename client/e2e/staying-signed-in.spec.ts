import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { findAndOpen, listTicket, signUp } from './support/storefront';

async function sessionCookie(person: Person): Promise<string | undefined> {
  return (await person.context.cookies()).find((cookie) => cookie.name === 'session')?.value;
}

describe('staying signed in', () => {
  const shots = new Screenshots('staying-signed-in');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renews the access token before it runs out, without the visitor doing anything', async () => {
    const person = await Person.arrive(browser);
    const email = await signUp(person.page, 'renewing');
    const first = await sessionCookie(person);
    const lifetime = (await person.context.cookies()).find((c) => c.name === 'session')!.expires;
    expect(first).toBeDefined();
    // The system test run issues 30-second access tokens (TICKETING_AUTH_ACCESS_TOKEN_TTL), so
    // this is a wait of seconds, not of the production quarter hour.
    expect(lifetime * 1000 - Date.now()).toBeLessThan(60_000);

    await expect
      .poll(() => sessionCookie(person), { timeout: 60_000, interval: 500 })
      .not.toBe(first);
    await person.page.goto('/orders');
    await person.page.getByRole('heading', { name: 'My orders' }).waitFor();
    expect(await person.page.getByTestId('current-user').textContent()).toBe(email);
    await shots.take(person.page, 'still-signed-in-after-the-token-was-renewed');
    person.expectNoProblems();
  });

  it('repeats a call refused for an expired token after renewing the session', async () => {
    const seller = await Person.arrive(browser);
    await signUp(seller.page, 'seller');
    const word = uniqueWord('ref');
    const title = `Velvet Echo — standing (${word})`;
    await listTicket(seller.page, { title, price: '30', currency: 'USD' });

    const buyer = await Person.arrive(browser);
    const email = await signUp(buyer.page, 'buyer');
    await findAndOpen(buyer.page, word, title);
    // The browser drops an expired cookie just like this; the page still believes it is signed in.
    await buyer.context.clearCookies({ name: 'session' });
    await buyer.page.getByRole('button', { name: 'Buy ticket' }).click();
    await buyer.page.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await buyer.page.getByTestId('countdown').waitFor();
    expect(await sessionCookie(buyer)).toBeDefined();
    expect(await buyer.page.getByTestId('current-user').textContent()).toBe(email);
    await shots.take(buyer.page, 'bought-after-a-silent-renewal');

    // A page rendered on the server without the cookie renews the session and renders again.
    await buyer.context.clearCookies({ name: 'session' });
    await buyer.page.goto('/orders');
    await buyer.page.getByTestId('order-row').filter({ hasText: title }).waitFor();
    expect(await buyer.page.getByTestId('current-user').textContent()).toBe(email);
    await shots.take(buyer.page, 'my-orders-after-a-silent-renewal');
    buyer.expectNoProblems();
    seller.expectNoProblems();
  });
});
