import { describe, expect, it } from 'vitest';

import { ApiError, networkError } from './api/problem';
import { formErrors, messageFor, sentence } from './messages';

describe('messageFor', () => {
  it.each([
    ['invalid_credentials', 'That email and password do not match an account.'],
    ['email_in_use', 'An account with this email already exists. Sign in instead?'],
    ['unauthenticated', 'Your session has ended. Please sign in again.'],
    [
      'upstream_unavailable',
      'Part of Ticketing is not answering right now. Please try again shortly.',
    ],
    ['upstream_timeout', 'Ticketing took too long to answer. Please try again.'],
    [
      'ticket_unavailable',
      'Someone else is buying this ticket right now, or it is no longer for sale.',
    ],
    ['own_ticket', 'This is your own listing; you cannot buy it.'],
    ['not_owner', 'Only the seller can change this listing.'],
    ['ticket_reserved', 'This ticket is reserved or sold, so it can no longer be changed.'],
    [
      'version_conflict',
      'The listing changed while you were editing it. Reload to see the latest version.',
    ],
    ['order_not_cancellable', 'This order is complete and can no longer be cancelled.'],
    ['order_cancelled', 'This order was cancelled, so it can no longer be paid.'],
    ['order_expired', 'Your hold on this ticket has expired, so it can no longer be paid.'],
    ['order_paid', 'This order has already been paid.'],
    ['payment_declined', 'Your card was declined. Try another payment method.'],
    [
      'payment_provider_unavailable',
      'The payment provider is not answering. You have not been charged; try again.',
    ],
    ['too_many_attempts', 'Too many sign-in attempts. Wait a little and try again.'],
    ['resale_fixed', 'On a resale listing only the price and the description can change.'],
    ['not_holder', 'You do not hold a pass for this ticket, so you cannot resell it.'],
    ['pass_not_found', 'You do not hold a pass for this ticket.'],
    ['already_listed', 'You have already listed this ticket for resale.'],
    ['already_checked_in', 'This ticket has been used at the door, so it can no longer be resold.'],
    ['pass_void', 'This pass no longer admits anyone: the ticket was resold or refunded.'],
    ['event_over', 'The event has already taken place, so the ticket can no longer be resold.'],
    [
      'payment_not_found',
      'No payment has this id. Check it against the buyer’s order page and try again.',
    ],
    ['already_refunded', 'This payment has already been refunded, so nothing more was refunded.'],
  ])('says the sentence for %s rather than the service’s detail', (code, sentence) => {
    expect(messageFor(new ApiError(409, code, 'Conflict', 'Service detail.'))).toBe(sentence);
  });

  it('says what the network failure is', () => {
    expect(messageFor(networkError(new TypeError('Failed to fetch')))).toBe(
      'We could not reach Ticketing. Check your connection and try again.',
    );
  });

  it('says the service’s detail for a code it does not know', () => {
    expect(
      messageFor(new ApiError(400, 'bad_paging', 'Bad Request', 'size must be at most 100')),
    ).toBe('size must be at most 100');
  });

  it('says the title for an unknown code without a detail', () => {
    expect(messageFor(new ApiError(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot');
  });

  it('never shows a bare status for an answer that was not a problem', () => {
    expect(messageFor(new ApiError(418, 'unexpected_status', 'HTTP 418'))).toBe(
      'Something went wrong. Please try again.',
    );
    expect(messageFor(new ApiError(502, 'unexpected_response', 'Bad Gateway'))).toBe(
      'Something went wrong on our side. Please try again.',
    );
  });

  it.each([
    ['an Error', new Error('internal detail')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['an object with a code', { code: 'order_paid' }],
  ])('says a generic sentence for %s', (_, error) => {
    expect(messageFor(error)).toBe('Something went wrong. Please try again.');
  });
});

describe('sentence', () => {
  it.each([
    ['must be a valid email address', 'Must be a valid email address.'],
    ['Size must be between 0 and 120.', 'Size must be between 0 and 120.'],
    ['  is taken!  ', 'Is taken!'],
    ['', ''],
  ])('turns %j into %j', (text, expected) => {
    expect(sentence(text)).toBe(expected);
  });
});

describe('formErrors', () => {
  const refusal = new ApiError(400, 'validation_failed', 'Bad Request', 'invalid', [
    { field: 'email', message: 'must be a valid email address' },
    { field: 'email', message: 'size must be between 0 and 254' },
    { field: 'request', message: 'must not be null' },
  ]);

  it('keeps the first message for each field the form has, as a sentence', () => {
    expect(formErrors(refusal, ['email', 'password'])).toStrictEqual({
      errors: { email: 'Must be a valid email address.' },
      failure: 'invalid',
    });
  });

  it('needs no sentence for the whole form when every field named is the form’s', () => {
    expect(formErrors(refusal, ['email', 'request'])).toStrictEqual({
      errors: { email: 'Must be a valid email address.', request: 'Must not be null.' },
      failure: null,
    });
  });

  it('says the refusal for the whole form when it names no field of the form', () => {
    expect(formErrors(new ApiError(409, 'version_conflict', 'Conflict'), ['title'])).toStrictEqual({
      errors: {},
      failure: 'The listing changed while you were editing it. Reload to see the latest version.',
    });
    expect(formErrors(new Error('x'), ['email'])).toStrictEqual({
      errors: {},
      failure: 'Something went wrong. Please try again.',
    });
  });

  it('shows a price above the cap next to the price, in the service’s words', () => {
    const aboveCap = new ApiError(
      400,
      'price_above_cap',
      'Bad Request',
      'The price can be at most 9600 (120 % of the face value 8000)',
    );

    expect(formErrors(aboveCap, ['price', 'description'])).toStrictEqual({
      errors: { price: 'The price can be at most 9600 (120 % of the face value 8000).' },
      failure: null,
    });
    expect(
      formErrors(new ApiError(400, 'price_above_cap', 'Bad Request'), ['price']),
    ).toStrictEqual({
      errors: { price: 'The price is above what this ticket may cost.' },
      failure: null,
    });
  });

  it('says a price above the cap for the whole form when it has no price field', () => {
    const aboveCap = new ApiError(400, 'price_above_cap', 'Bad Request', 'At most 9600.');

    expect(formErrors(aboveCap, ['title'])).toStrictEqual({
      errors: {},
      failure: 'At most 9600.',
    });
  });
});
