'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { refreshSession, wasSignedIn } from '@/lib/session';

/**
 * What a page for signed-in visitors shows to someone who is not. A visitor whose access token
 * simply ran out is signed back in first, and the page renders again.
 */
export function SignInRequired({ what, next }: { what: string; next: string }) {
  const router = useRouter();
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    const renewal = wasSignedIn() ? refreshSession() : Promise.resolve(false);
    void renewal.then((renewed) => {
      if (renewed) {
        router.refresh();
      } else {
        setRestoring(false);
      }
    });
  }, [router]);

  if (restoring) {
    return (
      <div className="panel panel--narrow">
        <p className="muted">Loading…</p>
      </div>
    );
  }
  return (
    <div className="panel panel--narrow" data-testid="sign-in-required">
      <h1>Sign in</h1>
      <p className="muted">Sign in to {what}.</p>
      <div className="actions">
        <Link className="button" href={`/signin?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
        <Link
          className="button button--secondary"
          href={`/signup?next=${encodeURIComponent(next)}`}
        >
          Create an account
        </Link>
      </div>
    </div>
  );
}
