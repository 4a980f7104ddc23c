import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type ViewportSize,
} from 'playwright-core';
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

/** A laptop's window, the size every spec's browser has unless it asks for another. */
export const LAPTOP: ViewportSize = { width: 1280, height: 860 };

/** A phone held upright: the 390 × 844 CSS pixels of a current iPhone. */
export const PHONE: ViewportSize = { width: 390, height: 844 };

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

  static async arrive(
    browser: Browser,
    { viewport = LAPTOP }: { viewport?: ViewportSize } = {},
  ): Promise<Person> {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport,
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

/**
 * What does not fit across the page, one sentence each (none when everything fits): the page
 * scrolling sideways, anything visible past the viewport's left or right edge, and anything
 * sticking out sideways of the box that holds it (a button out of its form, a word out of its
 * card) even where the viewport still has room for it. Each names the element by its tag,
 * classes, test id and text, and says where its edge is.
 */
export function whatSticksOut(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const viewport = document.documentElement.clientWidth;
    const found: string[] = [];
    const px = (n: number) => `${Math.round(n * 10) / 10}px`;
    const quoted = (text: string | null) => {
      const words = (text ?? '').replace(/\s+/g, ' ').trim();
      if (!words) return '';
      return ` "${words.length > 40 ? `${words.slice(0, 39)}…` : words}"`;
    };
    const tagged = (element: Element) => {
      const classes = [...element.classList].map((c) => `.${c}`).join('');
      const testId = element.getAttribute('data-testid');
      return `${element.tagName.toLowerCase()}${classes}${testId ? `[data-testid=${testId}]` : ''}`;
    };
    const named = (element: Element) =>
      tagged(element) +
      quoted(element instanceof HTMLElement ? element.innerText : element.textContent);
    // A box past the viewport's edge; true when it is (its insides are then not reported again).
    const pastViewport = (what: string, box: DOMRect): boolean => {
      const out = Math.max(box.right - viewport, -box.left);
      if (out <= 0.5) return false;
      const edge = box.right - viewport >= -box.left ? 'right' : 'left';
      found.push(
        `${what} runs past the ${edge} edge of the ${viewport}px viewport by ${px(out)} ` +
          `(it spans ${px(box.left)} to ${px(box.right)})`,
      );
      return true;
    };
    // A box out of the one holding it; true when it is.
    const outOfHolder = (what: string, box: DOMRect, holder: Element, holderBox: DOMRect) => {
      const right = box.right - holderBox.right;
      const left = holderBox.left - box.left;
      if (Math.max(right, left) <= 0.5) return false;
      const edge = right >= left ? 'right' : 'left';
      found.push(
        `${what} sticks out of the ${edge} side of ${tagged(holder)} by ${px(Math.max(right, left))} ` +
          `(it spans ${px(box.left)} to ${px(box.right)}, the box ${px(holderBox.left)} to ${px(holderBox.right)})`,
      );
      return true;
    };
    const walk = (element: Element, holder: Element, holderBox: DOMRect, reported: boolean) => {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return;
      const box = element.getBoundingClientRect();
      let inner = { holder, holderBox, reported };
      if (box.width > 0 || box.height > 0) {
        const style = getComputedStyle(element);
        // Left for screen readers only: clipped to a pixel, as `.visually-hidden` patterns do.
        if (Math.min(box.width, box.height) <= 1 && style.overflow !== 'visible') return;
        const what = named(element);
        const past = !reported && pastViewport(what, box);
        const position = style.position;
        // Out of the flow on purpose: the viewport holds it, not its parent.
        if (!past && position !== 'absolute' && position !== 'fixed') {
          outOfHolder(what, box, holder, holderBox);
        }
        inner = { holder: element, holderBox: box, reported: reported || past };
      }
      for (const child of element.childNodes) {
        if (child instanceof Element) {
          walk(child, inner.holder, inner.holderBox, inner.reported);
        } else if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
          // A word too long for its line, say; the first of its lines out is enough to name it.
          const range = document.createRange();
          range.selectNodeContents(child);
          const what = `the text${quoted(child.textContent)} in ${tagged(inner.holder)}`;
          for (const line of range.getClientRects()) {
            if (line.width === 0) continue;
            if (!inner.reported && pastViewport(what, line)) break;
            if (outOfHolder(what, line, inner.holder, inner.holderBox)) break;
          }
        }
      }
    };

    const width = document.documentElement.scrollWidth;
    if (width > viewport) {
      found.push(`the page scrolls sideways: it is ${width}px wide in a ${viewport}px viewport`);
    }
    const root = document.documentElement;
    walk(document.body, root, root.getBoundingClientRect(), false);
    return found;
  });
}
