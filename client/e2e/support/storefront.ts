import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

import { PASSWORD, uniqueEmail } from '../../system/support/env';

/** What the storefront's pages are used for, the way a visitor uses them: labels and buttons. */

export async function signUp(page: Page, role: string): Promise<string> {
  const email = uniqueEmail(role);
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('current-user').filter({ hasText: email }).waitFor();
  return email;
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export interface Listing {
  title: string;
  price: string;
  /** Empty or left out: the price. */
  faceValue?: string;
  currency?: string;
  venue?: string;
  eventAt?: string;
  description?: string;
}

/** Fills in the sell form and lists the ticket; returns the new listing's id. */
export async function listTicket(page: Page, listing: Listing): Promise<string> {
  await page.getByRole('link', { name: 'Sell a ticket' }).first().click();
  await page.waitForURL('**/sell');
  await fillTicketForm(page, listing);
  await page.getByRole('button', { name: 'List ticket' }).click();
  await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByTestId('ticket-title').textContent()).toBe(listing.title);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

export async function fillTicketForm(page: Page, listing: Listing): Promise<void> {
  await page.getByLabel('Title').fill(listing.title);
  await page.getByLabel('Price').fill(listing.price);
  await page.getByLabel('Face value').fill(listing.faceValue ?? '');
  await page.getByLabel('Currency').selectOption(listing.currency ?? 'USD');
  await page.getByLabel('Venue').fill(listing.venue ?? '');
  await page.getByLabel('Date and time').fill(listing.eventAt ?? '');
  await page.getByLabel('Description').fill(listing.description ?? '');
}

/** Searches the home page for `text` and opens the one listing it finds. */
export async function findAndOpen(page: Page, text: string, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search tickets' }).fill(text);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(`**/?q=${encodeURIComponent(text)}`);
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 ticket');
  await page.getByTestId('ticket-card').filter({ hasText: title }).click();
  await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
}

/** Presses Buy on an open listing and waits for the order page. */
export async function buy(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Buy ticket' }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await page.getByTestId('countdown').waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Chooses a test payment method on the order page and pays. */
export async function payWith(page: Page, method: RegExp): Promise<void> {
  await page.getByRole('radio', { name: method }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** A date and time a month from now, as a `datetime-local` input takes it. */
export function nextMonth(): string {
  const date = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  date.setHours(20, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T20:00`;
}

/**
 * Opens a listing until it shows `status`: tickets-service learns of orders by events, so a page
 * opened the moment an order changes may still show the status before.
 */
export async function openListingUntil(
  page: Page,
  ticketId: string,
  status: string,
): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`/tickets/${ticketId}`);
        return page.getByTestId('status').textContent();
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(status);
}

/**
 * Opens My tickets until the pass for `title` shows `status`, and answers its card: tickets-service
 * issues a buyer's pass, and voids the one a resale supersedes, when it learns by an event that
 * the order completed.
 */
export async function openMyTicketsUntil(
  page: Page,
  title: string,
  status: string,
): Promise<Locator> {
  const card = page.getByTestId('pass-card').filter({ hasText: title });
  await expect
    .poll(
      async () => {
        await page.goto('/tickets/mine');
        return card.getByTestId('status').allTextContents();
      },
      { timeout: 30_000, interval: 250 },
    )
    .toEqual([status]);
  return card;
}

/** A pass's code as tickets-service signs it: a compact JWS. */
export const PASS_CODE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
