import { localInputToInstant } from './dates';
import { parsePrice } from './money';
import { capError } from './price-cap';
import type { ResaleInput, TicketInput } from './api/types';

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
