import { localInputToInstant } from './dates';
import { parsePrice } from './money';
import { capError } from './price-cap';
import type { PayoutAccountInput, PayoutMethod, ResaleInput, TicketInput } from './api/types';

/** Field name → message, the same names the services use in `errors[].field`. */
export type FieldErrors = Record<string, string>;

// The services' own rules (DESIGN §2), checked here first so a visitor hears at once; the
// services check again and their answer wins.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignup(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  const trimmed = email.trim();
  if (trimmed === '') {
    errors.email = 'Enter your email address.';
  } else if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    errors.email = 'Enter a valid email address.';
  }
  if (password.length < 8) {
    errors.password = 'Use at least 8 characters.';
  } else if (password.length > 128) {
    errors.password = 'Use at most 128 characters.';
  }
  return errors;
}

export function validateSignin(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') {
    errors.email = 'Enter your email address.';
  }
  if (password === '') {
    errors.password = 'Enter your password.';
  }
  return errors;
}

export interface TicketForm {
  title: string;
  price: string;
  /** Optional when listing: empty means the price. */
  faceValue: string;
  currency: string;
  venue: string;
  eventAt: string;
  description: string;
}

export type TicketFormResult = { input: TicketInput } | { errors: FieldErrors };

/**
 * A filled-in sell/edit form → the request body, or what is wrong with it. Editing passes the
 * listing's `fixedFaceValue`: it never changes, so the form's is not read and not sent.
 */
export function validateTicket(
  form: TicketForm,
  now: number = Date.now(),
  fixedFaceValue?: number,
): TicketFormResult {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (title === '') {
    errors.title = 'Give the listing a title.';
  } else if (title.length > 120) {
    errors.title = 'Keep the title to 120 characters.';
  }
  const currency = form.currency.trim().toUpperCase();
  let price = 0;
  let faceValue: number | undefined;
  if (!/^[A-Z]{3}$/.test(currency)) {
    errors.currency = 'Use a three-letter currency code, like USD.';
  } else {
    const parsed = parsePrice(form.price, currency);
    if ('error' in parsed) {
      errors.price = parsed.error;
    } else {
      price = parsed.minor;
    }
    if (fixedFaceValue === undefined && form.faceValue.trim() !== '') {
      const face = parsePrice(form.faceValue, currency);
      if ('error' in face) {
        // parsePrice speaks of "the price"; this is the face value.
        errors.faceValue = face.error
          .replace(/^Enter a price/, 'Enter the face value')
          .replace(/^The price/, 'The face value');
      } else {
        faceValue = face.minor;
      }
    }
    const cap = fixedFaceValue ?? faceValue;
    if (!errors.price && cap !== undefined) {
      const tooHigh = capError(price, cap, currency);
      if (tooHigh) {
        errors.price = tooHigh;
      }
    }
  }
  const venue = form.venue.trim();
  if (venue.length > 120) {
    errors.venue = 'Keep the venue to 120 characters.';
  }
  const description = form.description.trim();
  if (description.length > 2000) {
    errors.description = 'Keep the description to 2000 characters.';
  }
  let eventAt: string | null = null;
  if (form.eventAt.trim() !== '') {
    eventAt = localInputToInstant(form.eventAt.trim());
    if (eventAt === null) {
      errors.eventAt = 'Enter a date and time.';
    } else if (Date.parse(eventAt) <= now) {
      errors.eventAt = 'The event must be in the future.';
    }
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    input: {
      title,
      price,
      ...(faceValue === undefined ? {} : { faceValue }),
      currency,
      venue: venue || null,
      description: description || null,
      eventAt,
    },
  };
}

export interface ResaleForm {
  price: string;
  description: string;
}

export type ResaleFormResult = { input: ResaleInput } | { errors: FieldErrors };

/** A filled-in resale form for a ticket of `faceValue` in `currency` → the request body. */
export function validateResale(
  form: ResaleForm,
  currency: string,
  faceValue: number,
): ResaleFormResult {
  const errors: FieldErrors = {};
  const parsed = parsePrice(form.price, currency);
  if ('error' in parsed) {
    errors.price = parsed.error;
  } else {
    const tooHigh = capError(parsed.minor, faceValue, currency);
    if (tooHigh) {
      errors.price = tooHigh;
    }
  }
  const description = form.description.trim();
  if (description.length > 2000) {
    errors.description = 'Keep the description to 2000 characters.';
  }
  if ('error' in parsed || Object.keys(errors).length > 0) {
    return { errors };
  }
  return { input: description ? { price: parsed.minor, description } : { price: parsed.minor } };
}

export interface PayoutAccountForm {
  method: string;
  reference: string;
}

export type PayoutAccountFormResult = { input: PayoutAccountInput } | { errors: FieldErrors };

// payments-service's rules for a payout account: printable ASCII without spaces, and for Stripe
// a connected account's id.
const PRINTABLE = /^[\x21-\x7E]+$/;
const CONNECTED_ACCOUNT = /^acct_[A-Za-z0-9]{1,64}$/;

function isPayoutMethod(text: string): text is PayoutMethod {
  return text === 'simulated' || text === 'stripe';
}

/** A filled-in payout account form → the request body, or what is wrong with it. */
export function validatePayoutAccount(form: PayoutAccountForm): PayoutAccountFormResult {
  const errors: FieldErrors = {};
  const { method } = form;
  if (!isPayoutMethod(method)) {
    errors.method = 'Choose how you want to be paid.';
  }
  const reference = form.reference.trim();
  if (reference === '') {
    errors.reference =
      method === 'stripe' ? 'Enter your Stripe account id.' : 'Enter where to pay you.';
  } else if (reference.length > 255) {
    errors.reference = 'Keep the reference to 255 characters.';
  } else if (!PRINTABLE.test(reference)) {
    errors.reference = 'Use letters, digits and symbols only, without spaces.';
  } else if (method === 'stripe' && !CONNECTED_ACCOUNT.test(reference)) {
    errors.reference = 'A Stripe account id is acct_ followed by letters and digits.';
  }
  if (!isPayoutMethod(method) || Object.keys(errors).length > 0) {
    return { errors };
  }
  return { input: { method, reference } };
}

/** A support agent's reason for a refund → the reason sent, or what is wrong with it. */
export function validateRefundReason(text: string): { reason: string } | { error: string } {
  const reason = text.trim();
  if (reason === '') {
    return { error: 'Say why this payment is refunded.' };
  }
  if (reason.length > 500) {
    return { error: 'Keep the reason to 500 characters.' };
  }
  return { reason };
}

// The canonical form the services accept in paths (8-4-4-4-12 hex digits, either case).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What was typed or pasted as a payment's id → the id, or why it is not one. A malformed id is
 * answered like an unknown one by the service; saying so here tells a typo from a missing payment.
 */
export function validatePaymentId(text: string): { id: string } | { error: string } {
  const id = text.trim();
  if (id === '') {
    return { error: 'Enter the payment’s id.' };
  }
  if (!UUID.test(id)) {
    return { error: 'A payment id is 36 characters, like 7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a.' };
  }
  return { id: id.toLowerCase() };
}
