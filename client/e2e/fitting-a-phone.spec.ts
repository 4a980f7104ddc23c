import type { Browser, ViewportSize } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import {
  boughtPass,
  listTicket as listTicketByApi,
  payments,
  type Hold,
} from '../system/support/market';
import { grantRole } from '../system/support/operator';
import { Visitor } from '../system/support/visitor';
import {
  LAPTOP,
  launchBrowser,
  Person,
  PHONE,
  Screenshots,
  whatSticksOut,
} from './support/browser';
import {
  buy,
  fillTicketForm,
  findAndOpen,
  listTicket,
  nextMonth,
  openMyTicketsUntil,
  payWith,
  signIn,
  signUp,
} from './support/storefront';

/** The widths every page is checked at: a phone held upright and a laptop. */
const SIZES = [
  ['phone', PHONE],
  ['laptop', LAPTOP],
] as const;

/**
 * Every page a visitor, a seller, a buyer, a ticket holder and the door reach, on a phone and on a
 * laptop: nothing may be wider than the window or stick out of the box that holds it. Each page's
 * screenshot is taken before it is measured, so a failure can be looked at.
 */
describe('fitting a phone and a laptop', () => {
  const shots = new Screenshots('fitting-a-phone');
  const word = uniqueWord('fit');
  let browser: Browser;
  /** Listings to order and cancel, one for each width. */
  const spares = new Map<string, string>();
  /** An account with the door role, and a valid code for it to check in at each width. */
  let doorEmail = '';
  const codes = new Map<string, string>();
  /** An account with the support role, and a sale for it to refund at each width. */
  let supportEmail = '';
  const sales = new Map<string, Hold & { paymentId: string }>();

  beforeAll(async () => {
    browser = await launchBrowser();
    // Enough listings, with long titles and every detail, for two pages of search results.
    const seller = await Visitor.signUp('fit-seller');
    for (let i = 1; i <= 13; i += 1) {
      await listTicketByApi(seller, {
        title: `Harbour Lights Festival ${i} — weekend camping pass (${word})`,
        price: 12950,
        currency: 'GBP',
        venue: 'Victoria Park, Tower Hamlets, London',
        eventAt: new Date(Date.now() + (30 + i) * 24 * 3600 * 1000).toISOString(),
        description: 'Two-day pass with a camping pitch. E-ticket, transferred once it is paid.',
      });
    }
    for (const [size] of SIZES) {
      const spare = await listTicketByApi(seller, {
        title: `Moonlit Strings — stalls, row C (${uniqueWord('fit')})`,
        price: 6400,
        currency: 'EUR',
        venue: 'Bridgewater Hall, Manchester',
      });
      spares.set(size, spare.id);
    }
  });

  beforeAll(async () => {
    const door = await Visitor.signUp('fit-door');
    await grantRole('door', door.email);
    doorEmail = door.email;
    for (const [size] of SIZES) {
      const { pass } = await boughtPass({
        title: `Velvet Echo — circle, seat 14 (${uniqueWord('fit')})`,
        price: 4200,
        currency: 'GBP',
        venue: 'The Roundhouse, Chalk Farm Road, London',
        eventAt: new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString(),
      });
      codes.set(size, pass.code!);
    }
  }, 180_000);

  beforeAll(async () => {
    const agent = await Visitor.signUp('fit-support');
    await grantRole('support', agent.email);
    supportEmail = agent.email;
    for (const [size] of SIZES) {
      const hold = await boughtPass({
        title: `Copper Canyon Sessions — front stalls, seat 3 (${uniqueWord('fit')})`,
        price: 1_250_000,
        currency: 'JPY',
        venue: 'Tokyo International Forum, Hall A',
        eventAt: new Date(Date.now() + 45 * 24 * 3600 * 1000).toISOString(),
      });
      const [payment] = await payments(hold.buyer, hold.placed.id);
      // Where the seller is paid, with the longest reference there may be.
      const account = await hold.seller.put('/api/payments/payout-account', {
        json: { method: 'simulated', reference: `fit-${'x'.repeat(247)}1234` },
      });
      expect(account.status, JSON.stringify(account.body)).toBe(200);
      sales.set(size, { ...hold, paymentId: payment!.id });
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(SIZES)('at %s width', (size: string, viewport: ViewportSize) => {
    /** The seller's listing, found and bought by the buyer. */
    const listing = { word: uniqueWord('fit'), title: '' };
    /** The buyer, who holds the ticket afterwards. */
    let holder: Person | undefined;

    /** Screenshots the page, then checks that it fits (softly: every page is reported). */
    async function expectToFit(person: Person, step: string): Promise<void> {
      const { page } = person;
      await shots.take(page, `${size}-${step}`);
      const { pathname, search } = new URL(page.url());
      expect
        .soft(await whatSticksOut(page), `${step} (${pathname}${search}) at ${viewport.width}px`)
        .toEqual([]);
    }

    it('fits the pages a visitor sees: browsing, a listing, signing in and up, and those that ask to sign in', async () => {
      const visitor = await Person.arrive(browser, { viewport });
      const { page } = visitor;

      await page.goto('/');
      await page.getByTestId('ticket-card').first().waitFor();
      await expectToFit(visitor, 'home');

      await page.goto(`/?q=${word}`);
      expect(await page.getByTestId('result-count').textContent()).toBe('13 tickets');
      await expectToFit(visitor, 'search-results');
      await page.getByRole('link', { name: 'Next →' }).click();
      await page.waitForURL(`**/?q=${word}&page=1`);
      await page.getByRole('link', { name: '← Previous' }).waitFor();
      await expectToFit(visitor, 'search-results-page-2');

      await page.getByTestId('ticket-card').click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: 'Sign in to buy' }).waitFor();
      await expectToFit(visitor, 'listing');

      await page.goto('/signin');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#password-error').waitFor();
      await expectToFit(visitor, 'sign-in');

      await page.goto('/signup');
      await page.getByLabel('Email').fill('not an email');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('#password-error').waitFor();
      await expectToFit(visitor, 'sign-up');

      for (const [path, step] of [
        ['/sell', 'sell-needs-sign-in'],
        ['/orders', 'my-orders-need-sign-in'],
        ['/listings', 'my-listings-need-sign-in'],
        ['/tickets/mine', 'my-tickets-need-sign-in'],
        ['/door', 'door-needs-sign-in'],
        ['/earnings', 'earnings-need-sign-in'],
        ['/support', 'support-needs-sign-in'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId('sign-in-required').waitFor();
        await expectToFit(visitor, step);
      }

      await page.goto('/no/such/page');
      await page.getByTestId('not-found').waitFor();
      await expectToFit(visitor, 'not-found');
      visitor.expectNoProblems();
    });

    it('fits the pages a seller sees: selling, their listing, editing it, their listings', async () => {
      const seller = await Person.arrive(browser, { viewport });
      const { page } = seller;
      await signUp(page, 'fit-seller');
      await page.getByTestId('ticket-card').first().waitFor();
      await expectToFit(seller, 'home-signed-in');

      await page.goto('/sell');
      await fillTicketForm(page, { title: ' ', price: '12.345' });
      await page.getByRole('button', { name: 'List ticket' }).click();
      await page.locator('#price-error').waitFor();
      await expectToFit(seller, 'sell-form-errors');

      listing.title = `Aurora Live — floor standing, early entry (${listing.word})`;
      await page.goto('/');
      await listTicket(page, {
        title: listing.title,
        price: '89.50',
        faceValue: '80.00',
        currency: 'EUR',
        venue: 'Royal Albert Hall, Kensington Gore, London',
        eventAt: nextMonth(),
        description: 'Row F, seat 12. Mobile ticket, transferred as soon as it is paid.',
      });
      await page.getByText('This is your listing.').waitFor();
      await expectToFit(seller, 'own-listing');
      await page.getByRole('button', { name: 'Withdraw' }).click();
      await page.getByRole('button', { name: 'Yes, withdraw' }).waitFor();
      await expectToFit(seller, 'confirming-the-withdrawal');
      await page.getByRole('button', { name: 'Keep it' }).click();

      await page.getByRole('link', { name: 'Edit listing' }).click();
      await page.waitForURL('**/edit');
      await page.getByRole('button', { name: 'Save changes' }).waitFor();
      await expectToFit(seller, 'editing-a-listing');

      await page.getByRole('link', { name: 'My listings' }).click();
      await page.getByTestId('listing-row').filter({ hasText: listing.title }).waitFor();
      await expectToFit(seller, 'my-listings');

      await page.getByRole('link', { name: 'Earnings', exact: true }).click();
      await page.getByTestId('no-earnings').waitFor();
      await page.getByRole('button', { name: 'Add payout account' }).click();
      await page.locator('#reference-error').waitFor();
      await expectToFit(seller, 'earnings-none-yet');
      seller.expectNoProblems();
    });

    it('fits the earnings of a seller with a sale pending and a payout account', async () => {
      const sale = sales.get(size)!;
      const person = await Person.arrive(browser, { viewport });
      const { page } = person;
      await signIn(page, sale.seller.email);
      await page.getByTestId('current-user').filter({ hasText: sale.seller.email }).waitFor();
      await page.goto('/earnings');
      await expect.poll(() => page.getByTestId('balance-pending').textContent()).toBe('¥1,250,000');
      await page.getByTestId('payout-reference').waitFor();
      await expectToFit(person, 'earnings-pending');
      person.expectNoProblems();
    });

    it('fits the pages a buyer sees: a listing, the order on hold, paid and cancelled, their orders', async () => {
      expect(listing.title, 'the seller listed the ticket bought here').not.toBe('');
      const buyer = await Person.arrive(browser, { viewport });
      holder = buyer;
      const { page } = buyer;
      await signUp(page, 'fit-buyer');
      await findAndOpen(page, listing.word, listing.title);
      await page.getByRole('button', { name: 'Buy ticket' }).waitFor();
      await expectToFit(buyer, 'listing-to-buy');

      await buy(page);
      await page.getByRole('button', { name: /^Pay / }).waitFor();
      await expectToFit(buyer, 'order-on-hold');
      await payWith(page, /Visa •••• 0002/);
      await page.getByTestId('payment-error').waitFor();
      await expectToFit(buyer, 'card-declined');
      await payWith(page, /Visa •••• 4242/);
      await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });
      await expectToFit(buyer, 'order-complete');

      // A second order, cancelled at once.
      await page.goto(`/tickets/${spares.get(size)}`);
      await buy(page);
      await page.getByRole('button', { name: 'Cancel order' }).click();
      await page.getByTestId('order-cancelled').waitFor({ timeout: 30_000 });
      await expectToFit(buyer, 'order-cancelled');

      await page.getByRole('link', { name: 'My orders' }).click();
      await page.getByTestId('order-row').nth(1).waitFor();
      await expectToFit(buyer, 'my-orders');
      buyer.expectNoProblems();
    });

    it('fits the pages a ticket holder sees: their tickets with a code, reselling one, the resale, and the door without the role', async () => {
      expect(holder, 'the buyer bought the seller’s ticket').toBeDefined();
      const person = holder!;
      const { page } = person;
      const card = await openMyTicketsUntil(page, listing.title, 'Valid');
      await card.getByTestId('pass-qr').waitFor();
      await expectToFit(person, 'my-tickets');

      await card.getByRole('link', { name: 'Resell' }).click();
      await page.waitForURL('**/resell');
      await page.getByLabel('Price').fill('1000');
      await page.getByRole('button', { name: 'List for resale' }).click();
      await page.locator('#price-error').waitFor();
      await expectToFit(person, 'resell-form-above-the-cap');

      await page.getByLabel('Price').fill('89.50');
      await page.getByRole('button', { name: 'List for resale' }).click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
      await page.getByTestId('resale-mark').waitFor();
      await expectToFit(person, 'resale-listing');

      await page.goto('/tickets/mine');
      await card.getByTestId('pass-state').waitFor();
      await expectToFit(person, 'my-tickets-listed');

      await page.goto('/door');
      await page.getByTestId('door-role-required').waitFor();
      await expectToFit(person, 'door-needs-the-role');

      await page.goto('/support');
      await page.getByTestId('support-role-required').waitFor();
      await expectToFit(person, 'support-needs-the-role');
      person.expectNoProblems();
    });

    it('fits the door page: a code to check in, admitted, and refused', async () => {
      const door = await Person.arrive(browser, { viewport });
      const { page } = door;
      await signIn(page, doorEmail);
      await page.getByTestId('current-user').filter({ hasText: doorEmail }).waitFor();
      await page.getByRole('link', { name: 'Door', exact: true }).click();
      await page.waitForURL('**/door');
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.locator('#code-error').waitFor();
      await expectToFit(door, 'door');

      await page.getByLabel('Ticket code').fill(codes.get(size)!);
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.getByTestId('check-in-admitted').waitFor();
      await expectToFit(door, 'door-admitted');

      await page.getByLabel('Ticket code').fill(codes.get(size)!);
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.getByTestId('check-in-refused').waitFor();
      await expectToFit(door, 'door-refused');
      door.expectNoProblems();
    });

    it('fits the support page: a bad id, a payment found, refunded, and the ledger', async () => {
      const sale = sales.get(size)!;
      const agent = await Person.arrive(browser, { viewport });
      const { page } = agent;
      await signIn(page, supportEmail);
      await page.getByTestId('current-user').filter({ hasText: supportEmail }).waitFor();
      await page.getByRole('link', { name: 'Support', exact: true }).click();
      await page.waitForURL('**/support');
      await page.getByLabel('Payment id').fill('not-a-payment-id');
      await page.getByRole('button', { name: 'Find payment' }).click();
      await page.locator('#paymentId-error').waitFor();
      await expectToFit(agent, 'support');

      await page.getByLabel('Payment id').fill(sale.paymentId);
      await page.getByRole('button', { name: 'Find payment' }).click();
      await page.getByTestId('payment').waitFor();
      await page.getByRole('button', { name: 'Refund ¥1,250,000' }).click();
      await page.locator('#reason-error').waitFor();
      await expectToFit(agent, 'support-payment-found');

      await page.getByLabel('Reason for the refund').fill('The event was moved; the buyer asked.');
      await page.getByRole('button', { name: 'Refund ¥1,250,000' }).click();
      await page.getByTestId('refund-done').waitFor({ timeout: 30_000 });
      await expectToFit(agent, 'support-refunded');

      await page.getByText(/ not at zero$/).click();
      await page.getByTestId('ledger-account').first().waitFor();
      await expectToFit(agent, 'support-ledger');
      agent.expectNoProblems();
    });
  });
});
