import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Countdown } from './countdown';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function at(msFromNow: number): string {
  return new Date(NOW + msFromNow).toISOString();
}

function timer(): HTMLElement {
  return screen.getByRole('timer');
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Countdown', () => {
  it('shows the time left on the hold from the server’s clock', () => {
    render(<Countdown expiresAt={at(15 * 60_000)} serverNow={NOW} />);

    expect(timer().textContent).toBe('15:00');
    expect(timer().className).toBe('countdown');
  });

  it('ticks down every second', () => {
    render(<Countdown expiresAt={at(65_000)} serverNow={NOW} />);

    expect(timer().textContent).toBe('1:05');
    advance(1_000);
    expect(timer().textContent).toBe('1:04');
    advance(4_000);
    expect(timer().textContent).toBe('1:00');
    advance(500);
    expect(timer().textContent).toBe('1:00');
    advance(500);
    expect(timer().textContent).toBe('0:59');
  });

  it('counts against the server’s clock when the browser’s clock is off', () => {
    // The browser's clock is 5 minutes behind the server's.
    vi.setSystemTime(NOW - 5 * 60_000);

    render(<Countdown expiresAt={at(90_000)} serverNow={NOW} />);

    expect(timer().textContent).toBe('1:30');
    advance(30_000);
    expect(timer().textContent).toBe('1:00');
  });

  it('counts against the server’s clock when the browser’s clock is ahead', () => {
    vi.setSystemTime(NOW + 10 * 60_000);
    const onExpired = vi.fn();

    render(<Countdown expiresAt={at(90_000)} serverNow={NOW} onExpired={onExpired} />);

    expect(timer().textContent).toBe('1:30');
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('calls onExpired exactly once when the time is up', () => {
    const onExpired = vi.fn();
    render(<Countdown expiresAt={at(2_000)} serverNow={NOW} onExpired={onExpired} />);

    advance(1_750);
    expect(onExpired).not.toHaveBeenCalled();
    expect(timer().textContent).toBe('0:01');

    advance(250);
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(timer().textContent).toBe('0:00');

    advance(10_000);
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('calls onExpired at once for a hold that is already over', () => {
    const onExpired = vi.fn();

    render(<Countdown expiresAt={at(-1_000)} serverNow={NOW} onExpired={onExpired} />);

    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(timer().textContent).toBe('0:00');
  });

  it('calls the latest onExpired it was given', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(
      <Countdown expiresAt={at(1_000)} serverNow={NOW} onExpired={first} />,
    );

    rerender(<Countdown expiresAt={at(1_000)} serverNow={NOW} onExpired={second} />);
    advance(1_000);

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('turns low under a minute', () => {
    render(<Countdown expiresAt={at(61_000)} serverNow={NOW} />);

    expect(timer().className).toBe('countdown');
    advance(1_000);
    expect(timer().textContent).toBe('1:00');
    expect(timer().className).toBe('countdown');
    advance(250);
    expect(timer().textContent).toBe('1:00');
    expect(timer().className).toBe('countdown countdown--low');
  });

  it('stops ticking when it is taken away', () => {
    const { unmount } = render(<Countdown expiresAt={at(60_000)} serverNow={NOW} />);

    unmount();

    expect(vi.getTimerCount()).toBe(0);
  });
});
