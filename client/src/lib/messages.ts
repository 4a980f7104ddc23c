import { ApiError } from './api/problem';
import type { FieldErrors } from './validation';

// What a visitor reads for each code of DESIGN §2; anything else shows the service's own detail.
const MESSAGES: Record<string, string> = {
  network_error: 'We could not reach Ticketing. Check your connection and try again.',
  upstream_unavailable: 'Part of Ticketing is not answering right now. Please try again shortly.',
  upstream_timeout: 'Ticketing took too long to answer. Please try again.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  invalid_credentials: 'That email and password do not match an account.',
  email_in_use: 'An account with this email already exists. Sign in instead?',
  ticket_unavailable: 'Someone else is buying this ticket right now, or it is no longer for sale.',
  own_ticket: 'This is your own listing; you cannot buy it.',
  not_owner: 'Only the seller can change this listing.',
  ticket_reserved: 'This ticket is reserved or sold, so it can no longer be changed.',
  version_conflict:
    'The listing changed while you were editing it. Reload to see the latest version.',
  order_not_cancellable: 'This order is complete and can no longer be cancelled.',
  order_cancelled: 'This order was cancelled, so it can no longer be paid.',
  order_expired: 'Your hold on this ticket has expired, so it can no longer be paid.',
  order_paid: 'This order has already been paid.',
  payment_declined: 'Your card was declined. Try another payment method.',
  payment_provider_unavailable:
    'The payment provider is not answering. You have not been charged; try again.',
  ticket_not_found: 'This ticket is no longer listed.',
  resale_fixed: 'On a resale listing only the price and the description can change.',
  not_holder: 'You do not hold a pass for this ticket, so you cannot resell it.',
  pass_not_found: 'You do not hold a pass for this ticket.',
  already_listed: 'You have already listed this ticket for resale.',
  already_checked_in: 'This ticket has been used at the door, so it can no longer be resold.',
  pass_void: 'This pass no longer admits anyone: the ticket was resold or refunded.',
  event_over: 'The event has already taken place, so the ticket can no longer be resold.',
  order_not_found: 'We could not find this order. Reload the page and try again.',
  payment_not_found:
    'No payment has this id. Check it against the buyer’s order page and try again.',
  already_refunded: 'This payment has already been refunded, so nothing more was refunded.',
  unexpected_status: 'Something went wrong. Please try again.',
  unexpected_response: 'Something went wrong on our side. Please try again.',
};

/** A sentence for the visitor about why `error` happened. */
export function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong. Please try again.';
  }
  if (error.code === 'too_many_attempts') {
    return 'Too many sign-in attempts. Wait a little and try again.';
  }
  return MESSAGES[error.code] ?? error.detail ?? error.title;
}

/** A service's field message as a sentence: `must be a valid email address` → `Must be …address.` */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    return trimmed;
  }
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Refusals about one field, shown next to it. `price_above_cap` has no message of its own: its
 * detail names the highest price the service allows, which is the truth where the form's own
 * check assumed another cap (lib/price-cap.ts).
 */
const FIELD_REFUSALS: Record<string, { field: string; fallback: string }> = {
  price_above_cap: { field: 'price', fallback: 'The price is above what this ticket may cost.' },
};

/**
 * What a form shows for a refusal: the messages for its own `fields`, as sentences, next to
 * them, and a sentence for the whole form when the refusal named none of them or something else
 * as well (without it the visitor would see nothing).
 */
export function formErrors(
  error: unknown,
  fields: readonly string[],
): { errors: FieldErrors; failure: string | null } {
  const errors: FieldErrors = {};
  let unmatched = false;
  const about = error instanceof ApiError ? FIELD_REFUSALS[error.code] : undefined;
  if (error instanceof ApiError && about && fields.includes(about.field)) {
    errors[about.field] = sentence(error.detail ?? about.fallback);
  }
  if (error instanceof ApiError) {
    for (const { field, message } of error.errors) {
      if (fields.includes(field)) {
        errors[field] ??= sentence(message);
      } else {
        unmatched = true;
      }
    }
  }
  const failure = unmatched || Object.keys(errors).length === 0 ? messageFor(error) : null;
  return { errors, failure };
}
