import { ApiError } from './problem';

/**
 * Whether a failed call means the service could not answer right now: no answer at all, or a 503
 * or 504 from it or the origin (a database outage, an instance gone). Not a refusal, not a bug.
 */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && [0, 503, 504].includes(error.status);
}

export type Availability<T> = { available: true; value: T } | { available: false };

/**
 * The call's result, or `{ available: false }` when the service could not answer right now, so a
 * page can show what it has and say what is missing instead of failing whole (Next.js answers a
 * page that throws with 500, and a page cannot choose 503). Any other error is thrown on.
 */
export async function unlessUnavailable<T>(call: Promise<T>): Promise<Availability<T>> {
  try {
    return { available: true, value: await call };
  } catch (error) {
    if (!isUnavailable(error)) {
      throw error;
    }
    console.error('a service could not answer; rendering without its data', error);
    return { available: false };
  }
}
