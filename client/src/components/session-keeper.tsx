'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

import { refreshDelay, refreshSession, rememberSignedIn, wasSignedIn } from '@/lib/session';

let restoreTried = false;

interface Props {
  signedIn: boolean;
  /** The access token's `exp` and lifetime in ms, when the server could read them. */
  expiresAt: number | null;
  lifetimeMs: number | null;
}

/**
 * Keeps the visitor signed in without them noticing: renews the access token shortly before it
 * expires (and when the tab comes back after sleeping), and, when a page arrives signed out for
 * someone who was signed in, renews the session once and renders the page again.
 */
export function SessionKeeper({ signedIn, expiresAt, lifetimeMs }: Props) {
  const router = useRouter();

  useEffect(() => {
    if (signedIn) {
      rememberSignedIn(true);
      return;
    }
    if (!restoreTried && wasSignedIn()) {
      restoreTried = true;
      void refreshSession().then((renewed) => {
        if (renewed) {
          router.refresh();
        }
      });
    }
  }, [signedIn, router]);

  useEffect(() => {
    if (!signedIn || expiresAt === null || lifetimeMs === null) {
      return;
    }
    let deadline = expiresAt;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const renew = async () => {
      if (await refreshSession()) {
        deadline = Date.now() + lifetimeMs;
        schedule();
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void renew(), refreshDelay(deadline, lifetimeMs, Date.now()));
    };
    // Timers stall while a laptop sleeps; on waking, renew at once if the moment has passed.
    const onVisible = () => {
      if (
        document.visibilityState === 'visible' &&
        refreshDelay(deadline, lifetimeMs, Date.now()) === 0
      ) {
        void renew();
      }
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [signedIn, expiresAt, lifetimeMs]);

  return null;
}
