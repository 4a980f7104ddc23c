// Keeping the 15-minute access token fresh from the browser. The refresh cookie is scoped to
// /api/users (DESIGN §2), so only the browser can send it: pages rendered on the server cannot
// refresh a session, they can only tell the browser to.

const SIGNED_IN = 'ticketing.signedIn';
const REFRESHED_AT = 'ticketing.refreshedAt';
const LOCK = 'ticketing.refresh';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Remembered across tabs and restarts so a visit after the access token expired can renew it. */
export function rememberSignedIn(signedIn: boolean): void {
  const store = storage();
  if (signedIn) {
    store?.setItem(SIGNED_IN, '1');
  } else {
    store?.removeItem(SIGNED_IN);
    store?.removeItem(REFRESHED_AT);
  }
}

export function wasSignedIn(): boolean {
  return storage()?.getItem(SIGNED_IN) === '1';
}

let inFlight: Promise<boolean> | null = null;

/**
 * Renews the session cookies through `POST /api/users/refresh`; true when they were renewed.
 * Refresh tokens rotate and a reused one revokes its whole family, so two refreshes must never
 * race: one at a time per tab (a shared promise) and across tabs (a Web Lock). Tabs share one
 * cookie jar, so a tab that waited for the lock while another renewed the cookies has nothing
 * left to do.
 */
export function refreshSession(fetcher: typeof fetch = fetch): Promise<boolean> {
  inFlight ??= lockAndRefresh(fetcher, lastRefresh()).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function lastRefresh(): string | null {
  return storage()?.getItem(REFRESHED_AT) ?? null;
}

async function lockAndRefresh(fetcher: typeof fetch, seen: string | null): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const refresh = () => (lastRefresh() !== seen ? Promise.resolve(true) : refreshNow(fetcher));
  return locks ? locks.request(LOCK, refresh) : refresh();
}

async function refreshNow(fetcher: typeof fetch): Promise<boolean> {
  const store = storage();
  let response: Response;
  try {
    response = await fetcher('/api/users/refresh', {
      method: 'POST',
      credentials: 'same-origin',
    });
  } catch {
    return false;
  }
  if (response.ok) {
    store?.setItem(REFRESHED_AT, String(Date.now()));
    rememberSignedIn(true);
    return true;
  }
  if (response.status === 401) {
    rememberSignedIn(false);
  }
  return false;
}

/** For tests: forget a refresh in flight. */
export function resetSessionRefresh(): void {
  inFlight = null;
}

/**
 * The `iat` and `exp` of a JWT, read without verifying it: only to schedule a refresh, never to
 * trust anything (the services verify the token).
 */
export function tokenTimes(
  token: string | undefined,
): { issuedAt: number; expiresAt: number } | null {
  const payload = token?.split('.')[1];
  if (!payload) {
    return null;
  }
  try {
    const claims = JSON.parse(decodeBase64Url(payload)) as unknown;
    if (typeof claims !== 'object' || claims === null) {
      return null;
    }
    const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat) {
      return null;
    }
    return { issuedAt: iat * 1000, expiresAt: exp * 1000 };
  } catch {
    return null;
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** When to renew a token that lives `lifetimeMs`: a minute early, or at 80% for short ones. */
export function refreshDelay(expiresAt: number, lifetimeMs: number, now: number): number {
  const margin = Math.min(60_000, lifetimeMs * 0.2);
  return Math.max(0, expiresAt - margin - now);
}
