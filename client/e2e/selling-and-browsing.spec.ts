import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { listTicket as listTicketByApi } from '../system/support/market';
import { Visitor } from '../system/support/visitor';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { fillTicketForm, listTicket, signUp } from './support/storefront';

describe('selling and browsing', () => {
  const shots = new Screenshots('selling-and-browsing');
  let browser: Browser;
  let seller: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
    seller = await Person.arrive(browser);
    await signUp(seller.page, 'seller');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('checks the sell form and shows what is wrong next to each field', async () => {
    const { page } = seller;
    await page.goto('/sell');
    await fillTicketForm(page, { title: ' ', price: '12.345', currency: 'USD' });
    await page.getByRole('button', { name: 'List ticket' }).click();
    expect(await page.locator('#title-error').textContent()).toBe('Give the listing a title.');
    expect(await page.locator('#price-error').textContent()).toBe('Use at most 2 decimal places.');
    await fillTicketForm(page, { title: 'Tokyo Dome', price: '12.5', currency: 'JPY' });
    await page.getByRole('button', { name: 'List ticket' }).click();
    expect(await page.locator('#price-error').textContent()).toBe(
      'JPY has no minor units; enter a whole number.',
    );
    await shots.take(page, 'sell-form-errors');
  });

  it('lets the seller edit and withdraw a listing', async () => {
    const { page } = seller;
    const word = uniqueWord('ref');
    const title = `Glass Harbour — seated (${word})`;
    const ticketId = await listTicket(page, { title, price: '1500', currency: 'JPY' });
    expect(await page.getByTestId('ticket-price').textContent()).toBe('¥1,500');

    await page.getByRole('link', { name: 'Edit listing' }).click();
    await page.waitForURL(`**/tickets/${ticketId}/edit`);
    expect(await page.getByLabel('Price').inputValue()).toBe('1500');
    await page.getByLabel('Price').fill('1800');
    await page.getByLabel('Venue').fill('Budokan, Tokyo');
    await shots.take(page, 'editing-a-listing');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/tickets/${ticketId}`);
    await expect.poll(() => page.getByTestId('ticket-price').textContent()).toBe('¥1,800');
    expect(await page.getByText('Budokan, Tokyo').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Withdraw' }).click();
    await shots.take(page, 'confirming-the-withdrawal');
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Withdrawn');
    await shots.take(page, 'listing-withdrawn');

    const visitor = await Person.arrive(browser);
    await visitor.page.goto(`/?q=${encodeURIComponent(word)}`);
    expect(await visitor.page.getByTestId('result-count').textContent()).toBe('0 tickets');
    await visitor.page.goto(`/tickets/${ticketId}`);
    expect(await visitor.page.getByTestId('ticket-unavailable').textContent()).toBe(
      'The seller has withdrawn this listing.',
    );
    visitor.expectNoProblems();
    seller.expectNoProblems();
  });

  it('pages through search results and shows a friendly page for what does not exist', async () => {
    const word = uniqueWord('ref');
    const api = await Visitor.signUp('bulk-seller');
    for (let i = 1; i <= 13; i += 1) {
      await listTicketByApi(api, { title: `Open Air ${i} (${word})`, venue: 'Victoria Park' });
    }
    const visitor = await Person.arrive(browser);
    const { page } = visitor;
    await page.goto(`/?q=${word}`);
    expect(await page.getByTestId('result-count').textContent()).toBe('13 tickets');
    expect(await page.getByTestId('ticket-card').count()).toBe(12);
    expect(await page.getByText('Page 1 of 2').isVisible()).toBe(true);
    await shots.take(page, 'search-results-page-1');
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(`**/?q=${word}&page=1`);
    expect(await page.getByTestId('ticket-card').count()).toBe(1);
    // Newest first: the first one listed is the last one shown.
    expect(await page.getByTestId('ticket-card').textContent()).toContain(`Open Air 1 (${word})`);
    await shots.take(page, 'search-results-page-2');

    await page.goto('/tickets/00000000-0000-0000-0000-000000000000');
    await page.getByTestId('not-found').waitFor();
    await page.goto('/tickets/not-an-id');
    await page.getByTestId('not-found').waitFor();
    await page.goto('/no/such/page');
    await page.getByTestId('not-found').waitFor();
    await shots.take(page, 'not-found');
    await page.getByRole('link', { name: 'Browse tickets' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    visitor.expectNoProblems();
  });
});
