import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { buy, findAndOpen, listTicket, openListingUntil, signUp } from './support/storefront';

describe('cancelling an order', () => {
  const shots = new Screenshots('cancelling-an-order');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('releases the ticket at once, and the order says so', async () => {
    const seller = await Person.arrive(browser);
    await signUp(seller.page, 'seller');
    const word = uniqueWord('ref');
    const title = `Moonlit Strings — stalls (${word})`;
    const ticketId = await listTicket(seller.page, { title, price: '64.00', currency: 'EUR' });

    const buyer = await Person.arrive(browser);
    const { page } = buyer;
    await signUp(page, 'buyer');
    await findAndOpen(page, word, title);
    await buy(page);
    await openListingUntil(seller.page, ticketId, 'Reserved');

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const cancelled = page.getByTestId('order-cancelled');
    await cancelled.waitFor({ timeout: 30_000 });
    expect(await cancelled.textContent()).toBe(
      'You cancelled this order and the ticket was released.',
    );
    expect(await page.getByTestId('status').first().textContent()).toBe('Cancelled');
    expect(await page.getByTestId('countdown').count()).toBe(0);
    await shots.take(page, 'order-cancelled');

    await openListingUntil(page, ticketId, 'Available');
    expect(await page.getByRole('button', { name: 'Buy ticket' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'My orders' }).click();
    const row = page.getByTestId('order-row').filter({ hasText: title });
    expect(await row.getByTestId('status').textContent()).toBe('Cancelled');
    await shots.take(page, 'my-orders-shows-it-cancelled');
    buyer.expectNoProblems();
    seller.expectNoProblems();
  });
});
