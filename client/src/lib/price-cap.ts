import { formatMoney } from './money';

/**
 * How far above its face value a ticket may be listed, in percent: the default of
 * tickets-service's `TICKETS_PRICE_CAP_PERCENT` (DESIGN §2). No API tells the storefront the
 * value a deployment runs with, so this is the one place it is assumed; forms check against it
 * so a seller hears at once, and when the service's cap differs its `price_above_cap` refusal,
 * which names the highest price allowed, is what the form shows.
 */
export const PRICE_CAP_PERCENT = 120;

/**
 * The highest price a listing of `faceValue` may have: floor(faceValue × percent / 100), in the
 * same minor units. The product of two integers below 2^53 is exact, and no quotient of an
 * integer by 100 lies close enough below a whole number to round up to it.
 */
export function maxPrice(faceValue: number, percent: number = PRICE_CAP_PERCENT): number {
  return Math.floor((faceValue * percent) / 100);
}

/** `"At most €96.00: up to 120 % of the €80.00 face value."` */
export function capHint(faceValue: number, currency: string): string {
  return (
    `At most ${formatMoney(maxPrice(faceValue), currency)}: up to ${PRICE_CAP_PERCENT} % ` +
    `of the ${formatMoney(faceValue, currency)} face value.`
  );
}

/** Why `price` is too high for `faceValue`, or null when it is not. */
export function capError(price: number, faceValue: number, currency: string): string | null {
  if (price <= maxPrice(faceValue)) {
    return null;
  }
  return (
    `The price can be at most ${formatMoney(maxPrice(faceValue), currency)}, ` +
    `${PRICE_CAP_PERCENT} % of the face value.`
  );
}
