/** Milliseconds left until `expiresAt`, never negative. */
export function remainingMs(expiresAt: string, now: number): number {
  return Math.max(0, Date.parse(expiresAt) - now);
}

/** `65_000` → `"1:05"`; `3_725_000` → `"1:02:05"`. Rounds up, so `0:00` means it is over. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/**
 * How far this browser's clock is behind the server's, measured when the page arrived, so a
 * countdown shows the server's deadline even on a machine whose clock is off.
 */
export function clockOffset(serverNow: number, browserNow: number): number {
  return serverNow - browserNow;
}
