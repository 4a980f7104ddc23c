import { describe, expect, it, vi } from 'vitest';

import { resendingIdempotent } from './resend';

/** What fetch throws when the connection is closed under a request (undici's "fetch failed"). */
const cutOff = () => new TypeError('fetch failed', { cause: new Error('other side closed') });

describe('resendingIdempotent', () => {
  it('sends a request once when it is answered, whatever the status', async () => {
    const send = vi.fn(async () => new Response('no', { status: 503 }));
    const answer = await resendingIdempotent(send)('http://origin/api/tickets');
    expect(answer.status).toBe(503);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each(['GET', 'HEAD', 'get'])('repeats a %s cut off before an answer once', async (method) => {
    const send = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(cutOff())
      .mockResolvedValueOnce(new Response('ok'));
    const answer = await resendingIdempotent(send)('http://origin/api/tickets', { method });
    expect(await answer.text()).toBe('ok');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up with the second error when the repeat is cut off too', async () => {
    const second = cutOff();
    const send = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(cutOff())
      .mockRejectedValueOnce(second);
    await expect(resendingIdempotent(send)('http://origin/')).rejects.toBe(second);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('never repeats a %s', async (method) => {
    const error = cutOff();
    const send = vi.fn<typeof fetch>().mockRejectedValue(error);
    await expect(resendingIdempotent(send)('http://origin/api/orders', { method })).rejects.toBe(
      error,
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not repeat a request that was aborted or timed out', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = new DOMException('The operation was aborted.', 'AbortError');
    const send = vi.fn<typeof fetch>().mockRejectedValue(error);
    await expect(
      resendingIdempotent(send)('http://origin/', { signal: controller.signal }),
    ).rejects.toBe(error);
    const timedOut = vi.fn<typeof fetch>().mockRejectedValue(cutOff());
    await expect(
      resendingIdempotent(timedOut)('http://origin/', { signal: controller.signal }),
    ).rejects.toThrow('fetch failed');
    expect(send).toHaveBeenCalledTimes(1);
    expect(timedOut).toHaveBeenCalledTimes(1);
  });
});
