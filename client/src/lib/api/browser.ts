'use client';

import { refreshSession } from '../session';
import { createApi, type Service, type Transport } from './client';

/**
 * Calls through the client's own origin (`/api/<service>`), the way the ingress routes them in
 * Kubernetes. A 401 from anything but auth-service means the access token ran out: the session
 * is refreshed once and the call repeated, so the visitor never notices.
 */
export function browserTransport(fetcher: typeof fetch = fetch): Transport {
  return async (service: Service, path: string, init: RequestInit) => {
    const send = () => fetcher(`/api/${service}${path}`, { ...init, credentials: 'same-origin' });
    const response = await send();
    if (response.status !== 401 || service === 'users') {
      return response;
    }
    return (await refreshSession(fetcher)) ? send() : response;
  };
}

export const api = createApi(browserTransport((input, init) => fetch(input, init)));
