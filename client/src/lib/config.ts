import type { Service } from './api/client';

/** Where each service listens, as seen from the client's server (not from the browser). */
export type Upstreams = Record<Service, URL>;

const VARIABLES: Record<Service, [string, string]> = {
  users: ['AUTH_SERVICE_URL', 'http://localhost:8081'],
  tickets: ['TICKETS_SERVICE_URL', 'http://localhost:8082'],
  orders: ['ORDERS_SERVICE_URL', 'http://localhost:8083'],
  payments: ['PAYMENTS_SERVICE_URL', 'http://localhost:8084'],
};

/**
 * Reads the services' base URLs from the environment. A bad value stops the server at start-up
 * (instrumentation.ts) with a message naming the variable.
 */
export function upstreams(env: Record<string, string | undefined> = process.env): Upstreams {
  const entries = Object.entries(VARIABLES).map(([service, [variable, fallback]]) => {
    const value = env[variable]?.trim() || fallback;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${variable} must be an absolute http(s) URL, got "${value}"`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      throw new Error(
        `${variable} must be an http(s) URL without query or fragment, got "${value}"`,
      );
    }
    return [service, url] as const;
  });
  return Object.fromEntries(entries) as Upstreams;
}
