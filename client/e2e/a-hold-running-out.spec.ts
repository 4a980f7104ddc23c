import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { buy, findAndOpen, listTicket, openListingUntil, signUp } from './support/storefront';

describe('a hold running out', () => {
  const shots = new Screenshots('a-hold-running-out');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the expiry on the order and puts the ticket back on sale', async () => {
    const seller = await Person.arrive(browser);
    await signUp(seller.page, 'seller');
    const word = uniqueWord('ref');
    const title = `Harbour Lights Festival — day pass (${word})`;
    const ticketId = await listTicket(seller.page, { title, price: '120', currency: 'GBP' });

    const buyer = await Person.arrive(browser);
    const { page } = buyer;
    await signUp(page, 'buyer');
    await findAndOpen(page, word, title);
    await buy(page);
    await shots.take(page, 'holding-the-ticket');

    // Meanwhile the listing is reserved for everyone else.
    await openListingUntil(seller.page, ticketId, 'Reserved');

    // The system test run holds for 20 s (ORDERS_HOLD_WINDOW); the countdown reaches zero first,
    // then orders-service cancels the order and the page shows it released.
    await page.getByTestId('order-expired').waitFor({ timeout: 90_000 });
    await shots.take(page, 'countdown-ran-out');
    const cancelled = page.getByTestId('order-cancelled');
    await cancelled.waitFor({ timeout: 30_000 });
    expect(await cancelled.textContent()).toBe('Your hold expired and the ticket was released.');
    expect(await page.getByRole('button', { name: /^Pay / }).count()).toBe(0);
    await shots.take(page, 'hold-expired');

    await openListingUntil(page, ticketId, 'Available');
    expect(await page.getByRole('button', { name: 'Buy ticket' }).isVisible()).toBe(true);
    await shots.take(page, 'ticket-back-on-sale');
    buyer.expectNoProblems();
    seller.expectNoProblems();
  });
});
