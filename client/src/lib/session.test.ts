import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  refreshDelay,
  refreshSession,
  rememberSignedIn,
  resetSessionRefresh,
  tokenTimes,
  wasSignedIn,
} from './session';

const SIGNED_IN = 'ticketing.signedIn';
const REFRESHED_AT = 'ticketing.refreshedAt';
const NOW = Date.parse('2026-03-01T12:00:00Z');
const REFRESH_CALL = ['/api/users/refresh', { method: 'POST', credentials: 'same-origin' }];

function answer(status: number): Response {
  return new Response(status === 200 ? '{"id":"u","email":"a@b.test"}' : null, { status });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

beforeEach(() => {
  resetSessionRefresh();
  localStorage.clear();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('rememberSignedIn', () => {
  it('remembers a sign-in across page loads and forgets it with the last refresh time', () => {
    expect(wasSignedIn()).toBe(false);

    rememberSignedIn(true);
    localStorage.setItem(REFRESHED_AT, '123');

    expect(wasSignedIn()).toBe(true);
    expect(localStorage.getItem(SIGNED_IN)).toBe('1');

    rememberSignedIn(false);

    expect(wasSignedIn()).toBe(false);
    expect(localStorage.getItem(SIGNED_IN)).toBeNull();
    expect(localStorage.getItem(REFRESHED_AT)).toBeNull();
  });
});

describe('refreshSession', () => {
  it('POSTs /api/users/refresh and records when it renewed the session', async () => {
    const fetcher = vi.fn<typeof fetch>().mockResolvedValue(answer(200));

    await expect(refreshSession(fetcher)).resolves.toBe(true);

    expect(fetcher.mock.calls).toStrictEqual([REFRESH_CALL]);
    expect(localStorage.getItem(REFRESHED_AT)).toBe(String(NOW));
    expect(localStorage.getItem(SIGNED_IN)).toBe('1');
  });

  it('shares one POST between calls made while a refresh is in flight', async () => {
    const pending = deferred<Response>();
    const fetcher = vi.fn<typeof fetch>().mockReturnValue(pending.promise);

    const first = refreshSession(fetcher);
    const second = refreshSession(fetcher);
    const third = refreshSession(fetcher);
    pending.resolve(answer(200));

    expect(second).toBe(first);
    expect(third).toBe(first);
    await expect(Promise.all([first, second, third])).resolves.toStrictEqual([true, true, true]);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('refreshes again when asked again after the shared refresh settled', async () => {
    const fetcher = vi.fn<typeof fetch>().mockImplementation(async () => answer(200));

    await refreshSession(fetcher);
    vi.setSystemTime(NOW + 1_000);
    await refreshSession(fetcher);

    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(localStorage.getItem(REFRESHED_AT)).toBe(String(NOW + 1_000));
  });

  it('POSTs even when a refresh happened a moment before it was asked', async () => {
    // The cookie the last refresh set may have been dropped since (it expired, or was cleared):
    // only a renewal that finished while this one waited makes it unnecessary.
    localStorage.setItem(REFRESHED_AT, String(NOW - 1));
    const fetcher = vi.fn<typeof fetch>().mockResolvedValue(answer(200));

    await expect(refreshSession(fetcher)).resolves.toBe(true);

    expect(fetcher.mock.calls).toStrictEqual([REFRESH_CALL]);
  });

  it('forgets the signed-in flag when the refresh is refused with a 401', async () => {
    rememberSignedIn(true);
    localStorage.setItem(REFRESHED_AT, String(NOW - 60_000));
    const fetcher = vi.fn<typeof fetch>().mockResolvedValue(answer(401));

    await expect(refreshSession(fetcher)).resolves.toBe(false);

    expect(wasSignedIn()).toBe(false);
    expect(localStorage.getItem(REFRESHED_AT)).toBeNull();
  });

  it('keeps the signed-in flag when the refresh fails with a server error', async () => {
    rememberSignedIn(true);
    const fetcher = vi.fn<typeof fetch>().mockResolvedValue(answer(503));

    await expect(refreshSession(fetcher)).resolves.toBe(false);

    expect(wasSignedIn()).toBe(true);
    expect(localStorage.getItem(REFRESHED_AT)).toBeNull();
  });

  it('answers false and keeps the signed-in flag when the network fails', async () => {
    rememberSignedIn(true);
    const fetcher = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(refreshSession(fetcher)).resolves.toBe(false);

    expect(wasSignedIn()).toBe(true);
  });

  it('starts a new refresh after a failed one instead of answering the old failure', async () => {
    const fetcher = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(answer(200));

    await expect(refreshSession(fetcher)).resolves.toBe(false);
    await expect(refreshSession(fetcher)).resolves.toBe(true);

    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

describe('refreshSession across tabs', () => {
  it('refreshes inside the ticketing.refresh Web Lock when the browser has Web Locks', async () => {
    let held = false;
    const request = vi.fn(async (name: string, callback: () => Promise<boolean>) => {
      held = true;
      try {
        return await callback();
      } finally {
        held = false;
      }
    });
    vi.stubGlobal('navigator', { locks: { request } });
    let heldDuringPost: boolean | null = null;
    const fetcher = vi.fn<typeof fetch>(async () => {
      heldDuringPost = held;
      return answer(200);
    });

    await expect(refreshSession(fetcher)).resolves.toBe(true);

    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toBe('ticketing.refresh');
    expect(heldDuringPost).toBe(true);
    expect(fetcher.mock.calls).toStrictEqual([REFRESH_CALL]);
  });

  it('does not POST when another tab refreshed while this one waited for the lock', async () => {
    const granted = deferred<void>();
    const request = vi.fn(async (_name: string, callback: () => Promise<boolean>) => {
      await granted.promise;
      return callback();
    });
    vi.stubGlobal('navigator', { locks: { request } });
    const fetcher = vi.fn<typeof fetch>();

    const renewal = refreshSession(fetcher);
    // The tab holding the lock finishes its refresh and releases the lock.
    localStorage.setItem(REFRESHED_AT, String(Date.now()));
    granted.resolve();

    await expect(renewal).resolves.toBe(true);
    expect(fetcher).not.toHaveBeenCalled();
  });
});

/** A JWT-shaped string whose payload is `claims` (base64url, no padding, unsigned). */
function token(claims: unknown): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'EdDSA', kid: 'k1' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('tokenTimes', () => {
  it('reads iat and exp of a token as milliseconds', () => {
    expect(tokenTimes(token({ sub: 'u', iat: 1_700_000_000, exp: 1_700_000_900 }))).toStrictEqual({
      issuedAt: 1_700_000_000_000,
      expiresAt: 1_700_000_900_000,
    });
  });

  it('decodes a base64url payload with UTF-8 text in it', () => {
    const claims = {
      sub: 'user-ü',
      email: 'zoë.ßü@exämple.test',
      note: '??>>~~',
      iat: 1_700_000_000,
      exp: 1_700_000_900,
    };
    const jwt = token(claims);
    // The payload uses both base64url-only characters, so the translation to base64 matters.
    expect(jwt.split('.')[1]).toMatch(/-/);
    expect(jwt.split('.')[1]).toMatch(/_/);

    expect(tokenTimes(jwt)).toStrictEqual({
      issuedAt: 1_700_000_000_000,
      expiresAt: 1_700_000_900_000,
    });
  });

  it.each([
    ['no token', undefined],
    ['an empty token', ''],
    ['a token without dots', 'garbage'],
    ['a token with an empty payload', 'a..c'],
    ['a payload that is not base64', 'a.!!!*.c'],
    ['a payload that is not JSON', `a.${Buffer.from('not json').toString('base64url')}.c`],
  ])('answers null for %s', (_, value) => {
    expect(tokenTimes(value)).toBeNull();
  });

  it.each([
    ['a JSON string', 'iat'],
    ['JSON null', null],
    ['no iat', { exp: 1_700_000_900 }],
    ['no exp', { iat: 1_700_000_000 }],
    ['times that are strings', { iat: '1700000000', exp: '1700000900' }],
    ['exp equal to iat', { iat: 1_700_000_000, exp: 1_700_000_000 }],
    ['exp before iat', { iat: 1_700_000_900, exp: 1_700_000_000 }],
  ])('answers null for claims with %s', (_, claims) => {
    expect(tokenTimes(token(claims))).toBeNull();
  });
});

describe('refreshDelay', () => {
  const MINUTE = 60_000;

  it('renews a 15-minute token a minute before it expires', () => {
    expect(refreshDelay(15 * MINUTE, 15 * MINUTE, 0)).toBe(14 * MINUTE);
    expect(refreshDelay(NOW + 15 * MINUTE, 15 * MINUTE, NOW + 5 * MINUTE)).toBe(9 * MINUTE);
  });

  it('renews a short-lived token at 80% of its lifetime', () => {
    expect(refreshDelay(NOW + MINUTE, MINUTE, NOW)).toBe(48_000);
    expect(refreshDelay(NOW + 10_000, 10_000, NOW)).toBe(8_000);
  });

  it('answers 0, never a negative delay, once the moment has passed', () => {
    expect(refreshDelay(NOW + 15 * MINUTE, 15 * MINUTE, NOW + 14 * MINUTE)).toBe(0);
    expect(refreshDelay(NOW, 15 * MINUTE, NOW + 60 * MINUTE)).toBe(0);
  });
});
