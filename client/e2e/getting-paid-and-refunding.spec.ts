import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { uniqueWord } from '../system/support/env';
import { grantRole } from '../system/support/operator';
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
  findAndOpen,
  listTicket,
  nextMonth,
  openMyTicketsUntil,
  payWith,
  signIn,
  signUp,
} from './support/storefront';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A sale's money: held for its seller until after the event, the seller naming where to be paid,
 * and a support agent, granted the role with bin/roles, refunding the buyer with a reason; the
 * buyer's pass is void and the seller's pending money gone.
 */
describe('getting paid and refunding', () => {
  const shots = new Screenshots('getting-paid-and-refunding');
  const word = uniqueWord('pay');
  const title = `Glass Harbour — balcony, row B (${word})`;
  let browser: Browser;
  let seller: Person;
  let buyer: Person;
  let support: Person;
  let paymentId = '';

  /** Takes the step's screenshot on a phone too, and checks that the page fits it. */
  async function onAPhoneToo(page: Page, step: string): Promise<void> {
    await page.setViewportSize(PHONE);
    await shots.take(page, `${step}-on-a-phone`);
    expect.soft(await whatSticksOut(page), `${step} at ${PHONE.width}px`).toEqual([]);
    await page.setViewportSize(LAPTOP);
  }

  /** Opens Earnings until the seller's pending money is `pending` (escrow learns by events). */
  async function openEarningsUntil(page: Page, pending: string[]): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.goto('/earnings');
          return page.getByTestId('balance-pending').allTextContents();
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual(pending);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    seller = await Person.arrive(browser);
    buyer = await Person.arrive(browser);
    support = await Person.arrive(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a new seller no earnings and no payout account yet', async () => {
    const { page } = seller;
    await signUp(page, 'seller');
    await page.getByRole('link', { name: 'Earnings', exact: true }).click();
    await page.waitForURL('**/earnings');
    expect(await page.getByTestId('no-earnings').isVisible()).toBe(true);
    expect(await page.getByTestId('no-payout-account').textContent()).toContain(
      'Add one to get paid',
    );
    expect(await page.getByTestId('no-payouts').isVisible()).toBe(true);
    await shots.take(page, 'a-new-seller-has-no-earnings');
    seller.expectNoProblems();
  });

  it('holds the money of a sale for its seller until after the event', async () => {
    await listTicket(seller.page, {
      title,
      price: '90.00',
      currency: 'EUR',
      venue: 'Barbican Hall, London',
      eventAt: nextMonth(),
    });

    const { page } = buyer;
    await signUp(page, 'buyer');
    await findAndOpen(page, word, title);
    await buy(page);
    await payWith(page, /Visa •••• 4242/);
    await page.getByTestId('order-complete').waitFor({ timeout: 30_000 });
    paymentId = (await page.getByTestId('order-payment-id').textContent()) ?? '';
    expect(paymentId).toMatch(UUID);
    await shots.take(page, 'the-buyer-sees-the-payment-id-to-quote');

    await openEarningsUntil(seller.page, ['€90.00']);
    const card = seller.page.getByTestId('balance');
    expect(await card.getByRole('heading').textContent()).toBe('EUR');
    expect(await card.getByTestId('balance-available').textContent()).toBe('€0.00');
    expect(await card.getByTestId('balance-paid-out').textContent()).toBe('€0.00');
    expect(await seller.page.getByTestId('next-release').textContent()).toMatch(
      /^Next release to you: .+/,
    );
    await shots.take(seller.page, 'the-sale-is-pending-for-the-seller');
    await onAPhoneToo(seller.page, 'the-sale-is-pending-for-the-seller');
    seller.expectNoProblems();
    buyer.expectNoProblems();
  });

  it('lets the seller set a simulated payout account, shown masked but for its end', async () => {
    const { page } = seller;
    await page.getByRole('button', { name: 'Add payout account' }).click();
    expect(await page.locator('#reference-error').textContent()).toBe('Enter where to pay you.');

    await page.getByLabel('Method').selectOption('stripe');
    await page.getByLabel('Reference').fill('my-bank-4321');
    await page.getByRole('button', { name: 'Add payout account' }).click();
    expect(await page.locator('#reference-error').textContent()).toBe(
      'A Stripe account id is acct_ followed by letters and digits.',
    );
    await shots.take(page, 'the-payout-account-form-refuses-a-bad-reference');

    await page.getByLabel('Method').selectOption('simulated');
    await page.getByRole('button', { name: 'Add payout account' }).click();
    await page.getByTestId('payout-account-saved').waitFor();
    expect(await page.getByTestId('payout-reference').textContent()).toBe('••••••••4321');
    expect(await page.getByTestId('no-payout-account').count()).toBe(0);
    expect(await page.getByLabel('Reference').inputValue()).toBe('');

    // Kept: the page as it renders afresh.
    await page.reload();
    expect(await page.getByTestId('payout-account').textContent()).toContain(
      'Simulated payouts · ••••••••4321',
    );
    expect(await page.getByRole('button', { name: 'Change payout account' }).isVisible()).toBe(
      true,
    );
    await shots.take(page, 'the-payout-account-is-saved');
    seller.expectNoProblems();
  });

  it('tells an account without the support role that the support page needs it', async () => {
    const { page } = buyer;
    expect(await page.getByRole('link', { name: 'Support', exact: true }).count()).toBe(0);
    await page.goto('/support');
    expect(await page.getByTestId('support-role-required').getByRole('heading').textContent()).toBe(
      'You need the support role',
    );
    buyer.expectNoProblems();
  });

  it('lets a support account find the payment and refund it with a reason', async () => {
    const { page } = support;
    const email = await signUp(page, 'support');
    await grantRole('support', email);
    // The role is in the next token: sign out and in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await signIn(page, email);
    await page.getByTestId('current-user').filter({ hasText: email }).waitFor();
    await page.getByRole('link', { name: 'Support', exact: true }).click();
    await page.waitForURL('**/support');

    await page.getByLabel('Payment id').fill(paymentId.slice(0, 30));
    await page.getByRole('button', { name: 'Find payment' }).click();
    expect(await page.locator('#paymentId-error').textContent()).toBe(
      'A payment id is 36 characters, like 7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a.',
    );
    await page
      .getByLabel('Payment id')
      .fill(paymentId.replace(/.$/, paymentId.endsWith('0') ? '1' : '0'));
    await page.getByRole('button', { name: 'Find payment' }).click();
    expect(await page.getByTestId('lookup-error').textContent()).toBe(
      'No payment has this id. Check it against the buyer’s order page and try again.',
    );

    await page.getByLabel('Payment id').fill(` ${paymentId.toUpperCase()} `);
    await page.getByRole('button', { name: 'Find payment' }).click();
    const payment = page.getByTestId('payment');
    await payment.waitFor();
    expect(await payment.getByTestId('payment-amount').textContent()).toBe('€90.00');
    expect(await payment.getByTestId('status').textContent()).toBe('Paid');
    expect(await payment.getByTestId('payment-id').textContent()).toBe(paymentId);
    expect(await payment.getByTestId('payment-order').textContent()).toMatch(UUID);
    await shots.take(page, 'support-finds-the-payment');

    await page.getByRole('button', { name: 'Refund €90.00' }).click();
    expect(await page.locator('#reason-error').textContent()).toBe(
      'Say why this payment is refunded.',
    );
    await page
      .getByLabel('Reason for the refund')
      .fill('The buyer can no longer attend; the seller agreed to refund.');
    await page.getByRole('button', { name: 'Refund €90.00' }).click();
    await page.getByTestId('refund-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('refund-done').textContent()).toMatch(/^Refunded €90\.00\./);
    expect(await payment.getByTestId('status').textContent()).toBe('Refunded');
    expect(await page.getByRole('button', { name: /^Refund / }).count()).toBe(0);
    await shots.take(page, 'support-refunded-the-payment');
    await onAPhoneToo(page, 'support-refunded-the-payment');

    // Looked up again, it shows as refunded, with nothing more to refund.
    await page.getByRole('button', { name: 'Find payment' }).click();
    expect(await page.getByTestId('refund-state').textContent()).toBe(
      'This payment has been refunded already.',
    );
    support.expectNoProblems();
  });

  it('shows support that the ledger balances, and its accounts when asked', async () => {
    const { page } = support;
    await page.reload();
    const euros = page.getByTestId('ledger-total').filter({ hasText: '€' });
    expect(await euros.textContent()).toBe('€0.00 Balanced');
    expect(await page.getByText('Out of balance').count()).toBe(0);
    expect(await page.getByTestId('ledger-account').first().isVisible()).toBe(false);
    await page.getByText(/ not at zero$/).click();
    await page.getByTestId('ledger-account').first().waitFor();
    await shots.take(page, 'support-reads-the-ledger');
    await onAPhoneToo(page, 'support-reads-the-ledger');
    support.expectNoProblems();
  });

  it('voids the buyer’s pass and takes the pending money back from the seller', async () => {
    const card = await openMyTicketsUntil(buyer.page, title, 'Void');
    expect(await card.getByTestId('pass-state').textContent()).toBe(
      'This pass no longer admits anyone: the ticket was resold or refunded.',
    );
    expect(await card.getByTestId('pass-qr').count()).toBe(0);
    await shots.take(buyer.page, 'the-buyer-pass-is-void-after-the-refund');
    buyer.expectNoProblems();

    await openEarningsUntil(seller.page, []);
    expect(await seller.page.getByTestId('no-earnings').isVisible()).toBe(true);
    expect(await seller.page.getByTestId('payout-reference').textContent()).toBe('••••••••4321');
    await shots.take(seller.page, 'the-seller-has-nothing-pending-after-the-refund');
    seller.expectNoProblems();
  });
});
