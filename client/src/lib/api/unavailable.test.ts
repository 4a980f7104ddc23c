import { describe, expect, it, vi } from 'vitest';

import { ApiError, networkError } from './problem';
import { isUnavailable, unlessUnavailable } from './unavailable';

const problem = (status: number, code: string) => new ApiError(status, code, 'title');

describe('isUnavailable', () => {
  it('is true for no answer and for 503 and 504 from a service or the origin', () => {
    expect(isUnavailable(networkError(new TypeError('fetch failed')))).toBe(true);
    expect(isUnavailable(problem(503, 'service_unavailable'))).toBe(true);
    expect(isUnavailable(problem(503, 'upstream_unavailable'))).toBe(true);
    expect(isUnavailable(problem(504, 'upstream_timeout'))).toBe(true);
  });

  it('is false for refusals, other failures and errors that are not a call’s', () => {
    expect(isUnavailable(problem(404, 'ticket_not_found'))).toBe(false);
    expect(isUnavailable(problem(500, 'internal_error'))).toBe(false);
    expect(isUnavailable(problem(502, 'bad_gateway'))).toBe(false);
    expect(isUnavailable(new Error('render failed'))).toBe(false);
  });
});

describe('unlessUnavailable', () => {
  it('gives the value of a call that answered', async () => {
    expect(await unlessUnavailable(Promise.resolve(42))).toEqual({ available: true, value: 42 });
  });

  it('says unavailable, and logs it, when the service could not answer', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const outage = problem(503, 'service_unavailable');
    expect(await unlessUnavailable(Promise.reject(outage))).toEqual({ available: false });
    expect(log).toHaveBeenCalledWith(expect.any(String), outage);
  });

  it('throws any other failure on', async () => {
    const refusal = problem(403, 'forbidden');
    await expect(unlessUnavailable(Promise.reject(refusal))).rejects.toBe(refusal);
    const bug = new Error('render failed');
    await expect(unlessUnavailable(Promise.reject(bug))).rejects.toBe(bug);
  });
});
