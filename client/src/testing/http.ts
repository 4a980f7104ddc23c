// Test support: responses as the services send them, a stubbed fetch, and what several component
// tests share (a field's error, fake time moving on). Imported by tests only.
import { act } from '@testing-library/react';
import { vi } from 'vitest';

import type { Page } from '@/lib/api/types';

/** A JSON response with `body`. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * A problem+json refusal titled 'Refused'; `extra` adds members (`errors`, `detail`) or replaces
 * any of them (`{ title: 'Not Found' }`).
 */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', status, title: 'Refused', code, ...extra }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );
}

/** One page holding all of `items`. */
export function page<T>(items: T[]): Page<T> {
  return { items, page: 0, size: 20, totalItems: items.length, totalPages: 1 };
}

/**
 * Stubs the global fetch to answer each call with the next of `answers` (a fresh Response each
 * time), once each; a call past the last answer gets undefined.
 */
export function stubFetch(...answers: (() => Response)[]) {
  const fetcher = vi.fn<typeof fetch>();
  for (const answer of answers) {
    fetcher.mockImplementationOnce(async () => answer());
  }
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

/**
 * Stubs the global fetch to answer every call alike: with `answer()`, or, given a status, with an
 * empty response of that status.
 */
export function stubFetchAlways(answer: number | (() => Response)) {
  const respond =
    typeof answer === 'number' ? () => new Response(null, { status: answer }) : answer;
  const fetcher = vi.fn<typeof fetch>(async () => respond());
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

/** The error shown under the field `id`, or null when there is none. */
export function fieldError(id: string): string | null {
  return document.getElementById(`${id}-error`)?.textContent ?? null;
}

/** Moves fake timers on by `ms`, letting React render what they set off. */
export async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}
