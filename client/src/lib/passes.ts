import type { Ticket } from './api/types';

/**
 * A holder's open resale listings by the ticket they resell, from their own listings (newest
 * first): a pass that is `listed` says nothing of its listing, and it is the one still on sale
 * or on hold (an older, withdrawn one may resell the same ticket).
 */
export function openResales(listings: readonly Ticket[]): Map<string, Ticket> {
  const open = new Map<string, Ticket>();
  for (const listing of listings) {
    const onSale = listing.status === 'available' || listing.status === 'reserved';
    if (listing.resoldFrom && onSale && !open.has(listing.resoldFrom)) {
      open.set(listing.resoldFrom, listing);
    }
  }
  return open;
}
