import { ApiError } from './api/problem';
import { messageFor } from './messages';

/** Why a code did not get someone in, in words for the person at the door. */
export interface Refusal {
  /** A few words, shown big. */
  reason: string;
  /** What it means and what to do. */
  detail: string;
  /** For `already_checked_in`: when the code was first used, as the service says. */
  firstUsedAt: string | null;
  /**
   * The service decided (red: do not admit). False when it could not be asked or did not
   * answer: nothing was decided, so the code may be tried again.
   */
  decided: boolean;
}

// tickets-service's refusals of `POST /api/tickets/checkins` (DESIGN §2).
const REFUSALS: Record<string, Pick<Refusal, 'reason' | 'detail'>> = {
  already_checked_in: {
    reason: 'Already checked in',
    detail: 'This ticket has been used to get in already. It admits one person, once.',
  },
  ticket_listed: {
    reason: 'Listed for resale',
    detail:
      'Its holder has put this ticket up for resale, so the code admits no one unless they withdraw the listing.',
  },
  pass_void: {
    reason: 'No longer valid',
    detail:
      'This code was replaced: the ticket was resold or refunded. Only the new holder’s code admits.',
  },
  code_invalid: {
    reason: 'Not a ticket code',
    detail:
      'This is not the code of a Ticketing ticket. Check that the whole code was scanned or pasted.',
  },
  forbidden: {
    reason: 'Door role needed',
    detail:
      'This account may not check tickets in. Sign in with an account that has the door role.',
  },
};

/** A refused or failed check-in → what the door page says. */
export function refusalOf(error: unknown): Refusal {
  const known = error instanceof ApiError ? REFUSALS[error.code] : undefined;
  if (!(error instanceof ApiError) || !known) {
    return {
      reason: 'Not checked in',
      detail: messageFor(error),
      firstUsedAt: null,
      decided: false,
    };
  }
  const at = error.members.checkedInAt;
  const firstUsedAt =
    error.code === 'already_checked_in' && typeof at === 'string' && !Number.isNaN(Date.parse(at))
      ? at
      : null;
  return { ...known, firstUsedAt, decided: true };
}

/** What was typed, pasted or scanned, as a code: a compact JWS has no whitespace anywhere. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, '');
}
