// Where the system under test is. Both suites talk to it the way a browser does: through the
// client's single origin, which forwards /api/** to the services.

/** The storefront's origin (bin/run serves it on :3000). */
export const BASE_URL = (process.env.TICKETING_URL ?? 'http://localhost:3000').replace(/\/$/, '');

/**
 * payments-service's own port, for reading its metrics only: a test of the running system may
 * look at what an operator sees, but it drives the system through BASE_URL alone.
 */
export const PAYMENTS_URL = (process.env.PAYMENTS_SERVICE_URL ?? 'http://localhost:8084').replace(
  /\/$/,
  '',
);

/** A password every test account uses; it meets DESIGN §2's rules. */
export const PASSWORD = 'correct horse battery';

let counter = 0;

/** An email no other run has used. */
export function uniqueEmail(role: string): string {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return `${role}-${stamp}@example.com`;
}

/** A word no other listing has, to find a listing by searching for it. */
export function uniqueWord(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}
