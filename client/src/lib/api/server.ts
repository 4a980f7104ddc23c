import 'server-only';

import { cookies } from 'next/headers';
import { cache } from 'react';

import { upstreams } from '../config';
import { createApi, type Service, type Transport } from './client';
import { resendingIdempotent } from './resend';
import type { User } from './types';

const TIMEOUT_MS = 10_000;

/**
 * Calls the services directly from the server, forwarding the visitor's `session` cookie, so
 * pages render with the visitor's own data and permissions. A read cut off before its answer is
 * sent once more (resend.ts).
 */
function serverTransport(): Transport {
  const targets = upstreams();
  const send = resendingIdempotent(fetch);
  return async (service: Service, path: string, init: RequestInit) => {
    const session = (await cookies()).get('session')?.value;
    const headers = new Headers(init.headers);
    if (session) {
      headers.set('Cookie', `session=${session}`);
    }
    const base = targets[service].href.replace(/\/$/, '');
    return send(`${base}/api/${service}${path}`, {
      ...init,
      headers,
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  };
}

export const serverApi = createApi(serverTransport());

/**
 * The signed-in visitor, asked once per render however many components ask. When auth-service
 * cannot be reached the site still renders, signed out, rather than not at all.
 */
export const currentUser = cache(async (): Promise<User | null> => {
  if (!(await cookies()).has('session')) {
    return null;
  }
  try {
    return await serverApi.currentUser();
  } catch (error) {
    console.error('currentuser failed; rendering signed out', error);
    return null;
  }
});

/** The raw session token, for scheduling its refresh in the browser. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get('session')?.value;
}
