import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

import { BASE_URL } from '../../system/support/env';

/** Debian's Chromium (`apt-get install -y chromium`); never a browser downloaded by a tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each spec's screenshots go, one folder per spec, numbered in the order taken. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no network but loopback: without these, Chromium keeps trying to reach
    // Google's update, sync and field-trial hosts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * One person at their own browser: a fresh profile (cookies, storage), with everything the page
 * throws or logs as an error recorded, so a test fails on a broken page and not only on a missing
 * element.
 */
export class Person {
  readonly problems: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async arrive(browser: Browser): Promise<Person> {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
      timezoneId: 'Europe/London',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const person = new Person(context, page);
    page.on('pageerror', (error) => person.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A refused request (a 402 decline, a 409) is logged by Chromium itself; the page shows it.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        person.problems.push(`console error: ${message.text()}`);
      }
    });
    return person;
  }

  /** Fails when the page threw or logged an error since it opened. */
  expectNoProblems(): void {
    expect(this.problems).toEqual([]);
  }

  leave(): Promise<void> {
    return this.context.close();
  }
}

/** Numbered screenshots of one spec's steps: `test-results/e2e/<spec>/01-<step>.png`. */
export class Screenshots {
  private taken = 0;
  private readonly folder: string;

  constructor(spec: string) {
    this.folder = path.join(SCREENSHOTS, spec);
    // Only this run's steps: a folder left by an earlier run would mix two runs' numbering.
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
  }

  async take(page: Page, step: string): Promise<string> {
    this.taken += 1;
    const file = path.join(this.folder, `${String(this.taken).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }
}
