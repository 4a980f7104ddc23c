'use client';

import { useEffect, useRef, useState } from 'react';

import { clockOffset, formatRemaining, remainingMs } from '@/lib/countdown';

interface Props {
  expiresAt: string;
  /** The server's clock when it rendered the page, to correct for a wrong browser clock. */
  serverNow: number;
  onExpired?: () => void;
}

/** Time left on a hold, ticking every second, measured against the server's clock. */
export function Countdown({ expiresAt, serverNow, onExpired }: Props) {
  const offset = useRef<number | null>(null);
  const [left, setLeft] = useState(() => remainingMs(expiresAt, serverNow));
  const expiredCallback = useRef(onExpired);

  useEffect(() => {
    expiredCallback.current = onExpired;
  }, [onExpired]);

  useEffect(() => {
    offset.current ??= clockOffset(serverNow, Date.now());
    let fired = false;
    const tick = () => {
      const ms = remainingMs(expiresAt, Date.now() + (offset.current ?? 0));
      setLeft(ms);
      if (ms === 0 && !fired) {
        fired = true;
        expiredCallback.current?.();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [expiresAt, serverNow]);

  return (
    <span
      className={left < 60_000 ? 'countdown countdown--low' : 'countdown'}
      role="timer"
      aria-live="off"
      data-testid="countdown"
    >
      {formatRemaining(left)}
    </span>
  );
}
