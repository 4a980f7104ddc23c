import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { buy, findAndOpen, listTicket, payWith, signUp } from './support/storefront';

describe('paying with a declined card', () => {
  const shots = new Screenshots('paying-with-a-declined-card');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the decline, keeps the hold, and lets the buyer pay with another card', async () => {
    const seller = await Person.arrive(browser);
    await signUp(seller.page, 'seller');
    const word = uniqueWord('ref');
    const title = `Nightfall Quartet — balcony (${word})`;
    await listTicket(seller.page, { title, price: '45', currency: 'USD' });

    const buyer = await Person.arrive(browser);
    const { page } = buyer;
    await signUp(page, 'buyer');
    await findAndOpen(page, word, title);
    const orderId = await buy(page);

    await payWith(page, /Visa •••• 0002/);
    const error = page.getByTestId('payment-error');
    expect(await error.textContent()).toBe('Your card was declined. Try another payment method.');
    expect(await page.getByTestId('status').first().textContent()).toBe('Awaiting payment');
    expect(await page.getByTestId('countdown').isVisible()).toBe(true);
    await shots.take(page, 'card-declined');

    await page.reload();
    expect(await page.getByTestId('status').first().textContent()).toBe('Awaiting payment');

    await payWith(page, /Visa •••• 4242/);
    await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/orders/${orderId}`);
    await shots.take(page, 'paid-with-another-card');
    buyer.expectNoProblems();
    seller.expectNoProblems();
  });
});
