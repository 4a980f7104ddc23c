import { ApiError } from './api/problem';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats `call` while it fails with one of `codes`, for up to `budgetMs`. Services learn about
 * each other through events, so a ticket listed a moment ago can be unknown to orders-service
 * (and a new order to payments-service) for a short while; the visitor should not see that.
 */
export async function retryWhile<T>(
  call: () => Promise<T>,
  codes: readonly string[],
  budgetMs = 10_000,
  sleeper: (ms: number) => Promise<unknown> = sleep,
): Promise<T> {
  let waited = 0;
  let delay = 150;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || !codes.includes(error.code) || waited >= budgetMs) {
        throw error;
      }
      await sleeper(delay);
      waited += delay;
      delay = Math.min(delay * 2, 1_000);
    }
  }
}
