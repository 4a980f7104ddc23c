import { describe, expect, it } from 'vitest';

import { ApiError, networkError } from './api/problem';
import { ledgerAccount, lookupFailure, refundFailure } from './support';

function refused(status: number, code: string): ApiError {
  return new ApiError(status, code, 'Refused', 'The service’s own detail.');
}

describe('refundFailure', () => {
  it.each([
    [
      403,
      'forbidden',
      'This account may not refund payments. Ask an operator for the support role; it takes effect the next time you sign in.',
    ],
    [
      404,
      'payment_not_found',
      'No payment has this id. Check it against the buyer’s order page and try again.',
    ],
    [
      409,
      'already_refunded',
      'This payment has already been refunded, so nothing more was refunded.',
    ],
    [401, 'unauthenticated', 'Your session has ended. Please sign in again.'],
    [
      503,
      'payment_provider_unavailable',
      'The payment provider is not answering, so nothing was refunded. Try again: the refund is made once however often you ask.',
    ],
  ])('says why a %i %s refund was not made', (status, code, message) => {
    expect(refundFailure(refused(status, code))).toBe(message);
  });

  it('says the service’s detail for a refusal it has no words of its own for', () => {
    expect(refundFailure(refused(400, 'validation_failed'))).toBe('The service’s own detail.');
  });

  it('says what failed when the service could not be asked', () => {
    expect(refundFailure(networkError(new TypeError('Failed to fetch')))).toBe(
      'We could not reach Ticketing. Check your connection and try again.',
    );
    expect(refundFailure(new Error('boom'))).toBe('Something went wrong. Please try again.');
  });
});

describe('lookupFailure', () => {
  it('says no payment has the id when the service found none', () => {
    expect(lookupFailure(null)).toBe(
      'No payment has this id. Check it against the buyer’s order page and try again.',
    );
  });

  it('says why the payment could not be looked up otherwise', () => {
    expect(lookupFailure(new ApiError(503, 'upstream_unavailable', 'Unavailable'))).toBe(
      'Part of Ticketing is not answering right now. Please try again shortly.',
    );
    expect(lookupFailure(new ApiError(401, 'unauthenticated', 'Unauthorized'))).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});

describe('ledgerAccount', () => {
  it.each([
    ['provider_cash', 'Cash at the payment provider', null],
    ['platform_fees', 'Platform fees', null],
    [
      'escrow:7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a',
      'Escrow of order',
      '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a',
    ],
    [
      'seller_payable:0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
      'Owed to seller',
      '0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
    ],
  ])('reads %s as “%s” of %s', (name, label, owner) => {
    expect(ledgerAccount(name)).toStrictEqual({ label, owner });
  });

  it('shows an account it does not know by its name, and its owner', () => {
    expect(ledgerAccount('chargebacks:abc')).toStrictEqual({ label: 'chargebacks', owner: 'abc' });
    expect(ledgerAccount('suspense')).toStrictEqual({ label: 'suspense', owner: null });
    expect(ledgerAccount('escrow:')).toStrictEqual({ label: 'Escrow of order', owner: null });
  });
});
