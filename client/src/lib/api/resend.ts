/**
 * `send`, made to repeat once a GET or HEAD that failed before any answer came: a kept-alive
 * connection that the other side closed just as the request went out, as the origin does to its
 * idle connections when it reloads (bin/instance takes an instance out of rotation so) and an
 * ingress does when its endpoints change. RFC 9110 §9.2.2 lets a client repeat an idempotent
 * request on its own, and browsers do. Nothing else is repeated: not other methods, not a
 * request that timed out or was aborted, and never one that was answered, whatever its status.
 */
export function resendingIdempotent(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    try {
      return await send(input, init);
    } catch (error) {
      const cutOff = error instanceof TypeError && !init?.signal?.aborted;
      if (!cutOff || (method !== 'GET' && method !== 'HEAD')) {
        throw error;
      }
      return send(input, init);
    }
  };
}
