/** How many dots stand for the hidden part of a reference, however long it is. */
const SHOWN_DOTS = 8;

/**
 * A payout account's reference as payments-service masks it (`•` for each hidden character, the
 * last 4 shown), with the hidden part cut to {@link SHOWN_DOTS} dots: a 255-character reference
 * would otherwise fill the page with dots, and its length is nobody's business.
 */
export function shownReference(masked: string): string {
  return masked.replace(/^•{9,}/, '•'.repeat(SHOWN_DOTS));
}
