import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { grantRole } from '../system/support/operator';
import { launchBrowser, Person, Screenshots } from './support/browser';
import {
  buy,
  findAndOpen,
  listTicket,
  nextMonth,
  openMyTicketsUntil,
  PASS_CODE,
  payWith,
  signIn,
  signUp,
} from './support/storefront';

/**
 * A ticket's life after its first sale: its buyer's code in My tickets, a resale held to the cap
 * on its face value, the second buyer's new code, the first one's void, and the door admitting
 * the new code once.
 */
describe('reselling and checking in', () => {
  const shots = new Screenshots('reselling-and-checking-in');
  const word = uniqueWord('ref');
  const title = `Northern Lights Tour — standing (${word})`;
  const venue = 'Usher Hall, Edinburgh';
  let browser: Browser;
  let seller: Person;
  /** The first buyer, who resells it. */
  let holder: Person;
  /** The buyer of the resale. */
  let buyer: Person;
  let door: Person;
  let ticketId = '';
  let resaleId = '';
  let holderCode = '';
  let buyerCode = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    seller = await Person.arrive(browser);
    holder = await Person.arrive(browser);
    buyer = await Person.arrive(browser);
    door = await Person.arrive(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a seller list a ticket above its face value, and a buyer buy it', async () => {
    await signUp(seller.page, 'seller');
    ticketId = await listTicket(seller.page, {
      title,
      price: '90.00',
      faceValue: '80.00',
      currency: 'EUR',
      venue,
      eventAt: nextMonth(),
    });
    expect(await seller.page.getByTestId('ticket-price').textContent()).toBe('€90.00');
    expect(await seller.page.getByTestId('ticket-face-value').textContent()).toBe(
      'Face value €80.00',
    );
    expect(await seller.page.getByTestId('resale-mark').count()).toBe(0);

    const { page } = holder;
    await signUp(page, 'holder');
    await findAndOpen(page, word, title);
    await buy(page);
    await payWith(page, /Visa •••• 4242/);
    await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });
    seller.expectNoProblems();
    holder.expectNoProblems();
  });

  it('shows the buyer the ticket in My tickets, with its QR code and the code as text', async () => {
    const { page } = holder;
    await page.getByRole('link', { name: 'See your ticket' }).click();
    await page.waitForURL('**/tickets/mine');
    const card = await openMyTicketsUntil(page, title, 'Valid');
    expect(await card.getByTestId('pass-qr').evaluate((qr) => qr.tagName)).toBe('svg');
    expect(await card.getByTestId('pass-qr').isVisible()).toBe(true);
    holderCode = (await card.getByTestId('pass-code').textContent()) ?? '';
    expect(holderCode).toMatch(PASS_CODE);
    await shots.take(page, 'holder-has-the-ticket-with-its-qr-code');
    holder.expectNoProblems();
  });

  it('lets the buyer resell it, holding the price to the cap on its face value', async () => {
    const { page } = holder;
    const card = page.getByTestId('pass-card').filter({ hasText: title });
    await card.getByRole('link', { name: 'Resell' }).click();
    await page.waitForURL(`**/tickets/${ticketId}/resell`);
    expect(await page.getByTestId('resale-face-value').textContent()).toBe('€80.00');
    expect(await page.getByTestId('resale-cap').textContent()).toBe(
      'At most €96.00 (up to 120 % of face value)',
    );
    await page.getByLabel('Price').fill('96.01');
    await page.getByRole('button', { name: 'List for resale' }).click();
    expect(await page.locator('#price-error').textContent()).toBe(
      'The price can be at most €96.00, 120 % of the face value.',
    );
    await shots.take(page, 'resale-form-holds-the-price-to-the-cap');

    await page.getByLabel('Price').fill('95.00');
    await page.getByLabel('Description').fill('Standing, early entry. I can no longer go.');
    await page.getByRole('button', { name: 'List for resale' }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    resaleId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(resaleId).not.toBe(ticketId);
    await expect.poll(() => page.getByTestId('ticket-price').textContent()).toBe('€95.00');
    expect(await page.getByTestId('ticket-face-value').textContent()).toBe('Face value €80.00');
    expect(await page.getByTestId('resale-mark').textContent()).toBe('Resale');
    expect(await page.getByText('This is your listing.').isVisible()).toBe(true);
    await shots.take(page, 'the-resale-listing');

    // Listing it stops the code admitting anyone at once (the same transaction), no event needed.
    await page.goto('/tickets/mine');
    expect(await card.getByTestId('status').textContent()).toBe('Listed for resale');
    expect(
      await card.getByRole('link', { name: 'View your resale listing' }).getAttribute('href'),
    ).toBe(`/tickets/${resaleId}`);
    expect(await card.getByTestId('pass-qr').count()).toBe(0);
    await shots.take(page, 'holder-ticket-listed-for-resale');
    holder.expectNoProblems();
  });

  it('lets another buyer buy the resale: the first code is void, the new one valid', async () => {
    const { page } = buyer;
    await signUp(page, 'buyer');
    // The first listing is sold, so the search finds the resale alone.
    await findAndOpen(page, word, title);
    expect(new URL(page.url()).pathname).toBe(`/tickets/${resaleId}`);
    expect(await page.getByTestId('resale-mark').isVisible()).toBe(true);
    await buy(page);
    await payWith(page, /Visa •••• 4242/);
    await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });

    const voided = await openMyTicketsUntil(holder.page, title, 'Void');
    expect(await voided.getByTestId('pass-state').textContent()).toBe(
      'This pass no longer admits anyone: the ticket was resold or refunded.',
    );
    expect(await voided.getByTestId('pass-qr').count()).toBe(0);
    await shots.take(holder.page, 'holder-pass-void-after-the-resale-sold');

    const card = await openMyTicketsUntil(page, title, 'Valid');
    buyerCode = (await card.getByTestId('pass-code').textContent()) ?? '';
    expect(buyerCode).toMatch(PASS_CODE);
    expect(buyerCode).not.toBe(holderCode);
    await shots.take(page, 'buyer-has-a-new-code');
    buyer.expectNoProblems();
    holder.expectNoProblems();
  });

  it('tells an account without the door role that the door page needs it', async () => {
    const { page } = buyer;
    expect(await page.getByRole('link', { name: 'Door', exact: true }).count()).toBe(0);
    await page.goto('/door');
    expect(await page.getByTestId('door-role-required').getByRole('heading').textContent()).toBe(
      'You need the door role',
    );
    buyer.expectNoProblems();
  });

  it('lets a door account check the new code in once: green, then red saying when it was first used', async () => {
    const { page } = door;
    const email = await signUp(page, 'door');
    await grantRole('door', email);
    // The role is in the next token: sign out and in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await signIn(page, email);
    await page.getByTestId('current-user').filter({ hasText: email }).waitFor();
    await page.getByRole('link', { name: 'Door', exact: true }).click();
    await page.waitForURL('**/door');

    await page.getByLabel('Ticket code').fill(buyerCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    const admitted = page.getByTestId('check-in-admitted');
    await admitted.waitFor();
    const checkedInAt = Date.now();
    expect(await admitted.locator('.verdict__word').textContent()).toBe('Admitted');
    expect(await admitted.locator('.verdict__what').textContent()).toBe(title);
    expect(await admitted.textContent()).toContain(venue);
    await shots.take(page, 'door-admits-the-new-code');

    await page.getByLabel('Ticket code').fill(buyerCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    const refused = page.getByTestId('check-in-refused');
    await refused.waitFor();
    expect(await refused.locator('.verdict__word').textContent()).toBe('Not admitted');
    expect(await page.getByTestId('check-in-reason').textContent()).toBe('Already checked in');
    const firstUsed = page.getByTestId('first-used');
    expect(await firstUsed.textContent()).toMatch(/^First used on .+\.$/);
    const at = Date.parse((await firstUsed.locator('time').getAttribute('datetime')) ?? '');
    expect(Math.abs(at - checkedInAt)).toBeLessThan(5 * 60_000);
    await shots.take(page, 'door-refuses-it-the-second-time');

    // The first buyer's code, superseded by the resale.
    await page.getByLabel('Ticket code').fill(holderCode);
    await page.getByRole('button', { name: 'Check in' }).click();
    await expect
      .poll(() => page.getByTestId('check-in-reason').textContent())
      .toBe('No longer valid');
    await shots.take(page, 'door-refuses-the-superseded-code');
    door.expectNoProblems();
  });

  it('shows the new buyer the ticket as used, and when', async () => {
    const card = await openMyTicketsUntil(buyer.page, title, 'Used');
    expect(await card.getByTestId('pass-state').textContent()).toMatch(
      /^Used at the door on .+\.$/,
    );
    await shots.take(buyer.page, 'buyer-ticket-used');
    buyer.expectNoProblems();
  });
});
