import { localInputToInstant } from './dates';
import { parsePrice } from './money';
import type { TicketInput } from './api/types';

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
  currency: string;
  venue: string;
  eventAt: string;
  description: string;
}

export type TicketFormResult = { input: TicketInput } | { errors: FieldErrors };

/** A filled-in sell/edit form → the request body, or what is wrong with it. */
export function validateTicket(form: TicketForm, now: number = Date.now()): TicketFormResult {
  const errors: FieldErrors = {};
  const title = form.title.trim();
  if (title === '') {
    errors.title = 'Give the listing a title.';
  } else if (title.length > 120) {
    errors.title = 'Keep the title to 120 characters.';
  }
  const currency = form.currency.trim().toUpperCase();
  let price = 0;
  if (!/^[A-Z]{3}$/.test(currency)) {
    errors.currency = 'Use a three-letter currency code, like USD.';
  } else {
    const parsed = parsePrice(form.price, currency);
    if ('error' in parsed) {
      errors.price = parsed.error;
    } else {
      price = parsed.minor;
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
      currency,
      venue: venue || null,
      description: description || null,
      eventAt,
    },
  };
}
