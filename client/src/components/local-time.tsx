'use client';

import { useSyncExternalStore } from 'react';

import { formatInstant } from '@/lib/dates';

const subscribe = () => () => {};

/**
 * An instant in the visitor's own time zone. The server does not know that zone, so it renders
 * UTC and the browser switches to local time when it takes over.
 */
export function LocalTime({ iso }: { iso: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatInstant(iso, local ? undefined : 'UTC')}
    </time>
  );
}
