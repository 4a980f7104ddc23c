import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import {
  buy,
  findAndOpen,
  listTicket,
  nextMonth,
  openListingUntil,
  payWith,
  signUp,
} from './support/storefront';

describe('buying a ticket', () => {
  const shots = new Screenshots('buying-a-ticket');
  const word = uniqueWord('ref');
  const title = `Aurora Live — floor standing (${word})`;
  let browser: Browser;
  let seller: Person;
  let buyer: Person;
  let ticketId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    seller = await Person.arrive(browser);
    buyer = await Person.arrive(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a seller sign up and list a ticket', async () => {
    const { page } = seller;
    await signUp(page, 'seller');
    await shots.take(page, 'seller-signed-up');

    ticketId = await listTicket(page, {
      title,
      price: '89.50',
      currency: 'EUR',
      venue: 'Royal Albert Hall, London',
      eventAt: nextMonth(),
      description: 'Row F, seat 12. Mobile ticket, transferred as soon as it is paid.',
    });
    expect(await page.getByTestId('ticket-price').textContent()).toBe('€89.50');
    expect(await page.getByTestId('status').textContent()).toBe('Available');
    expect(await page.getByText('This is your listing.').isVisible()).toBe(true);
    await shots.take(page, 'seller-listed-the-ticket');

    await page.getByRole('link', { name: 'My listings' }).click();
    await page.getByTestId('listing-row').filter({ hasText: title }).waitFor();
    await shots.take(page, 'seller-sees-it-in-my-listings');
    seller.expectNoProblems();
  });

  it('lets a buyer find it, buy it, pay with the simulated provider and see the order complete', async () => {
    const { page } = buyer;
    await signUp(page, 'buyer');
    await findAndOpen(page, word, title);
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticketId}`);
    expect(await page.getByTestId('ticket-price').textContent()).toBe('€89.50');
    await shots.take(page, 'buyer-found-the-listing');

    await buy(page);
    expect(await page.getByTestId('order-title').textContent()).toBe(title);
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^\d+:\d{2}$/);
    await shots.take(page, 'buyer-holds-the-ticket');

    await payWith(page, /Visa •••• 4242/);
    await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('status').first().textContent()).toBe('Complete');
    await shots.take(page, 'buyer-order-complete');

    await page.getByRole('link', { name: 'My orders' }).click();
    const row = page.getByTestId('order-row').filter({ hasText: title });
    expect(await row.getByTestId('status').textContent()).toBe('Complete');
    await shots.take(page, 'buyer-sees-it-in-my-orders');
    buyer.expectNoProblems();
  });

  it('shows the listing as sold to everyone', async () => {
    await openListingUntil(buyer.page, ticketId, 'Sold');
    expect(await buyer.page.getByTestId('ticket-unavailable').textContent()).toBe(
      'This ticket has been sold.',
    );
    expect(await buyer.page.getByRole('button', { name: 'Buy ticket' }).count()).toBe(0);
    await shots.take(buyer.page, 'listing-shows-sold');

    await seller.page.goto('/listings');
    const row = seller.page.getByTestId('listing-row').filter({ hasText: title });
    expect(await row.getByTestId('status').textContent()).toBe('Sold');
    await shots.take(seller.page, 'seller-sees-it-sold');

    // Sold tickets are not on sale any more: the search finds nothing.
    await buyer.page.goto(`/?q=${encodeURIComponent(word)}`);
    expect(await buyer.page.getByTestId('result-count').textContent()).toBe('0 tickets');
    buyer.expectNoProblems();
    seller.expectNoProblems();
  });
});
