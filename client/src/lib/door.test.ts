import { describe, expect, it } from 'vitest';

import { ApiError, networkError } from './api/problem';
import { normaliseCode, refusalOf } from './door';

function refused(status: number, code: string, members: Record<string, unknown> = {}): ApiError {
  return new ApiError(status, code, 'Refused', 'The service’s own detail.', [], members);
}

describe('refusalOf', () => {
  it.each([
    [
      409,
      'ticket_listed',
      'Listed for resale',
      'Its holder has put this ticket up for resale, so the code admits no one unless they withdraw the listing.',
    ],
    [
      409,
      'pass_void',
      'No longer valid',
      'This code was replaced: the ticket was resold or refunded. Only the new holder’s code admits.',
    ],
    [
      400,
      'code_invalid',
      'Not a ticket code',
      'This is not the code of a Ticketing ticket. Check that the whole code was scanned or pasted.',
    ],
    [
      403,
      'forbidden',
      'Door role needed',
      'This account may not check tickets in. Sign in with an account that has the door role.',
    ],
  ])('says a %i %s in plain words, as decided', (status, code, reason, detail) => {
    expect(refusalOf(refused(status, code))).toStrictEqual({
      reason,
      detail,
      firstUsedAt: null,
      decided: true,
    });
  });

  it('says when a code already checked in was first used, from the problem’s checkedInAt', () => {
    expect(
      refusalOf(refused(409, 'already_checked_in', { checkedInAt: '2030-06-01T18:42:07Z' })),
    ).toStrictEqual({
      reason: 'Already checked in',
      detail: 'This ticket has been used to get in already. It admits one person, once.',
      firstUsedAt: '2030-06-01T18:42:07Z',
      decided: true,
    });
  });

  it.each([
    ['no checkedInAt', {}],
    ['a checkedInAt that is not a time', { checkedInAt: 'yesterday' }],
    ['a checkedInAt that is not a string', { checkedInAt: 1_780_000_000 }],
  ])('still refuses a code already checked in with %s, without a time', (_, members) => {
    expect(refusalOf(refused(409, 'already_checked_in', members))).toMatchObject({
      reason: 'Already checked in',
      firstUsedAt: null,
      decided: true,
    });
  });

  it('takes no time from another refusal that happens to carry one', () => {
    expect(
      refusalOf(refused(409, 'pass_void', { checkedInAt: '2030-06-01T18:42:07Z' })).firstUsedAt,
    ).toBeNull();
  });

  it('says nothing was decided when the service could not be asked', () => {
    expect(refusalOf(networkError(new TypeError('Failed to fetch')))).toStrictEqual({
      reason: 'Not checked in',
      detail: 'We could not reach Ticketing. Check your connection and try again.',
      firstUsedAt: null,
      decided: false,
    });
    expect(refusalOf(new ApiError(503, 'upstream_unavailable', 'Unavailable'))).toMatchObject({
      detail: 'Part of Ticketing is not answering right now. Please try again shortly.',
      decided: false,
    });
    expect(refusalOf(new ApiError(401, 'unauthenticated', 'Unauthorized'))).toMatchObject({
      detail: 'Your session has ended. Please sign in again.',
      decided: false,
    });
    expect(refusalOf(new Error('boom'))).toMatchObject({
      detail: 'Something went wrong. Please try again.',
      decided: false,
    });
  });
});

describe('normaliseCode', () => {
  it('drops the spaces and line breaks a paste or a scanner adds', () => {
    expect(normaliseCode('  eyJh.eyJw\n.c2ln \t')).toBe('eyJh.eyJw.c2ln');
    expect(normaliseCode(' \n ')).toBe('');
  });
});
