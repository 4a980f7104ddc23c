// What a page says about the whole list. `GET /api/tickets` counts at most a cap of listings
// (ADR 18): past it `totalExact` is false, the total is a lower bound and more pages follow.
import { LOCALE } from './money';
import type { Page } from './api/types';

/** Whether pages follow the last one the total counts. */
export function morePages(page: Page<unknown>): boolean {
  return page.totalExact === false;
}

/** `13 tickets`, `1 ticket`, `1,000+ tickets` for a total that stopped counting. */
export function totalText(page: Page<unknown>, one: string, many: string): string {
  const count = page.totalItems.toLocaleString(LOCALE);
  if (morePages(page)) {
    return `${count}+ ${many}`;
  }
  return `${count} ${page.totalItems === 1 ? one : many}`;
}
