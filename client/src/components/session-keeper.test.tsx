import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { rememberSignedIn, resetSessionRefresh, wasSignedIn } from '@/lib/session';
import { advance, stubFetchAlways } from '@/testing/http';

import { SessionKeeper } from './session-keeper';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const NOW = Date.parse('2026-03-01T12:00:00Z');
const MINUTE = 60_000;
const REFRESH = ['/api/users/refresh', { method: 'POST', credentials: 'same-origin' }];

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ now: NOW });
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SessionKeeper', () => {
  it('remembers a signed-in visitor and renews a 15-minute token a minute before it expires, again and again', async () => {
    const fetcher = stubFetchAlways(200);

    render(<SessionKeeper signedIn expiresAt={NOW + 15 * MINUTE} lifetimeMs={15 * MINUTE} />);

    expect(wasSignedIn()).toBe(true);
    await advance(14 * MINUTE - 1);
    expect(fetcher).not.toHaveBeenCalled();
    await advance(1);
    expect(fetcher.mock.calls).toStrictEqual([REFRESH]);

    await advance(14 * MINUTE - 1);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetcher.mock.calls).toStrictEqual([REFRESH, REFRESH]);
  });

  it('stops renewing when the refresh is refused', async () => {
    const fetcher = stubFetchAlways(401);

    render(<SessionKeeper signedIn expiresAt={NOW + MINUTE} lifetimeMs={MINUTE} />);
    await advance(48_000);
    expect(fetcher).toHaveBeenCalledTimes(1);

    await advance(60 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('renews at once when the tab becomes visible after the moment to renew has passed', async () => {
    const fetcher = stubFetchAlways(200);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    render(<SessionKeeper signedIn expiresAt={NOW + 15 * MINUTE} lifetimeMs={15 * MINUTE} />);

    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(fetcher).not.toHaveBeenCalled();

    // A laptop slept: the clock moved on, but the timer did not fire.
    vi.setSystemTime(NOW + 14 * MINUTE + 30_000);
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    await advance(0);

    expect(fetcher.mock.calls).toStrictEqual([REFRESH]);
  });

  it('does nothing for a visitor who is signed out and never signed in', async () => {
    const fetcher = stubFetchAlways(200);

    render(<SessionKeeper signedIn={false} expiresAt={null} lifetimeMs={null} />);
    await advance(60 * MINUTE);

    expect(fetcher).not.toHaveBeenCalled();
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it('stops renewing when taken away', async () => {
    const fetcher = stubFetchAlways(200);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    const { unmount } = render(
      <SessionKeeper signedIn expiresAt={NOW + 15 * MINUTE} lifetimeMs={15 * MINUTE} />,
    );

    unmount();
    await advance(60 * MINUTE);
    document.dispatchEvent(new Event('visibilitychange'));

    expect(fetcher).not.toHaveBeenCalled();
  });

  // Last: the restore is tried once per page load (module state), so this test uses it up.
  it('renews the session of a visitor who was signed in once per page load and renders again', async () => {
    rememberSignedIn(true);
    const fetcher = stubFetchAlways(200);

    const first = render(<SessionKeeper signedIn={false} expiresAt={null} lifetimeMs={null} />);
    await advance(0);

    expect(fetcher.mock.calls).toStrictEqual([REFRESH]);
    expect(router.refresh).toHaveBeenCalledTimes(1);

    first.unmount();
    vi.setSystemTime(NOW + MINUTE);
    render(<SessionKeeper signedIn={false} expiresAt={null} lifetimeMs={null} />);
    await advance(0);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
