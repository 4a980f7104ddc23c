import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PASSWORD, uniqueEmail } from '../system/support/env';
import { launchBrowser, Person, Screenshots } from './support/browser';
import { signIn, signUp } from './support/storefront';

describe('signing up, in and out', () => {
  const shots = new Screenshots('signing-in-and-out');
  let browser: Browser;
  let person: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
    person = await Person.arrive(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what is wrong next to each field before anything is sent', async () => {
    const { page } = person;
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not an email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('#email-error').textContent()).toBe('Enter a valid email address.');
    expect(await page.locator('#password-error').textContent()).toBe('Use at least 8 characters.');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await shots.take(page, 'signup-field-errors');
  });

  it("shows the service's own field errors next to the fields", async () => {
    const { page } = person;
    await page.goto('/signup');
    // Passes the page's quick check; auth-service's stricter one refuses it (400 with errors[]).
    await page.getByLabel('Email').fill('ada@example..com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('#email-error').textContent()).toBe('Must be a valid email address.');
    await shots.take(page, 'signup-error-from-the-service');
  });

  it('says when an email already has an account', async () => {
    const { page } = person;
    const email = await signUp(page, 'taken');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);

    await page.goto('/signup');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('#email-error').textContent()).toBe(
      'An account with this email already exists. Sign in instead?',
    );
    await shots.take(page, 'email-in-use');
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const { page } = person;
    const known = await signUp(page, 'known');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    await signIn(page, known, 'wrong password!');
    const alert = page.getByTestId('form-error');
    expect(await alert.textContent()).toBe('That email and password do not match an account.');
    await shots.take(page, 'wrong-password');

    await signIn(page, uniqueEmail('unknown'), PASSWORD);
    expect(await alert.textContent()).toBe('That email and password do not match an account.');
    expect(await page.getByTestId('current-user').count()).toBe(0);

    await page.getByLabel('Email').fill('');
    await page.getByLabel('Password').fill('');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('#email-error').textContent()).toBe('Enter your email address.');
    expect(await page.locator('#password-error').textContent()).toBe('Enter your password.');
    await shots.take(page, 'sign-in-empty-fields');
    person.expectNoProblems();
  });

  it('signs in, comes back to the page that asked, and signs out', async () => {
    const { page } = person;
    const email = await signUp(page, 'returning');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto('/orders');
    await page.getByTestId('sign-in-required').waitFor();
    await shots.take(page, 'orders-need-sign-in');
    await page.getByTestId('sign-in-required').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/signin?next=%2Forders');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/orders');
    await page.getByRole('heading', { name: 'My orders' }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe(email);
    await shots.take(page, 'signed-in-back-at-my-orders');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Sign up' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    const cookies = await person.context.cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain('session');
    await page.goto('/orders');
    await page.getByTestId('sign-in-required').waitFor();
    await shots.take(page, 'signed-out');
    person.expectNoProblems();
  });
});
