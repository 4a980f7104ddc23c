import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from './api/problem';
import { retryWhile } from './retry';

function notFound(): ApiError {
  return new ApiError(404, 'order_not_found', 'Not Found');
}

/** A sleeper that returns at once and records how long it was asked to wait. */
function recordingSleeper() {
  const delays: number[] = [];
  const sleeper = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleeper };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('retryWhile', () => {
  it('answers the first result without waiting', async () => {
    const { delays, sleeper } = recordingSleeper();
    const call = vi.fn(async () => 'paid');

    await expect(retryWhile(call, ['order_not_found'], 10_000, sleeper)).resolves.toBe('paid');

    expect(call).toHaveBeenCalledTimes(1);
    expect(delays).toStrictEqual([]);
  });

  it('repeats a call that fails with a listed code until it succeeds, backing off', async () => {
    const { delays, sleeper } = recordingSleeper();
    const call = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(notFound())
      .mockRejectedValueOnce(new ApiError(404, 'ticket_not_found', 'Not Found'))
      .mockRejectedValueOnce(notFound())
      .mockResolvedValueOnce('paid');

    await expect(
      retryWhile(call, ['order_not_found', 'ticket_not_found'], 10_000, sleeper),
    ).resolves.toBe('paid');

    expect(call).toHaveBeenCalledTimes(4);
    expect(delays).toStrictEqual([150, 300, 600]);
  });

  it('backs off 150, 300, 600 and then 1000 ms, and gives up with the last error after the budget', async () => {
    const { delays, sleeper } = recordingSleeper();
    const errors: ApiError[] = [];
    const call = vi.fn(async () => {
      const error = notFound();
      errors.push(error);
      throw error;
    });

    const thrown = await retryWhile(call, ['order_not_found'], 10_000, sleeper).catch(
      (e: unknown) => e,
    );

    expect(delays).toStrictEqual([
      150, 300, 600, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
    ]);
    expect(call).toHaveBeenCalledTimes(13);
    expect(thrown).toBe(errors[12]);
  });

  it('keeps to a smaller budget', async () => {
    const { delays, sleeper } = recordingSleeper();
    const call = vi.fn(async () => {
      throw notFound();
    });

    await expect(retryWhile(call, ['order_not_found'], 1_000, sleeper)).rejects.toMatchObject({
      code: 'order_not_found',
    });

    expect(delays).toStrictEqual([150, 300, 600]);
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('does not repeat at all with no budget', async () => {
    const { delays, sleeper } = recordingSleeper();
    const error = notFound();
    const call = vi.fn(async () => {
      throw error;
    });

    await expect(retryWhile(call, ['order_not_found'], 0, sleeper)).rejects.toBe(error);

    expect(call).toHaveBeenCalledTimes(1);
    expect(delays).toStrictEqual([]);
  });

  it('throws an ApiError with a code that is not listed at once', async () => {
    const { delays, sleeper } = recordingSleeper();
    const error = new ApiError(409, 'order_expired', 'Conflict');
    const call = vi.fn(async () => {
      throw error;
    });

    await expect(retryWhile(call, ['order_not_found'], 10_000, sleeper)).rejects.toBe(error);

    expect(call).toHaveBeenCalledTimes(1);
    expect(delays).toStrictEqual([]);
  });

  it('throws anything that is not an ApiError at once', async () => {
    const { delays, sleeper } = recordingSleeper();
    const error = Object.assign(new TypeError('boom'), { code: 'order_not_found' });
    const call = vi.fn(async () => {
      throw error;
    });

    await expect(retryWhile(call, ['order_not_found'], 10_000, sleeper)).rejects.toBe(error);

    expect(call).toHaveBeenCalledTimes(1);
    expect(delays).toStrictEqual([]);
  });

  it('waits with a real timer when no sleeper is given', async () => {
    vi.useFakeTimers();
    const call = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(notFound())
      .mockResolvedValueOnce('paid');

    const result = retryWhile(call, ['order_not_found']);
    await vi.advanceTimersByTimeAsync(149);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);

    await expect(result).resolves.toBe('paid');
    expect(call).toHaveBeenCalledTimes(2);
  });
});
