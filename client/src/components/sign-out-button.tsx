'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { api } from '@/lib/api/browser';
import { rememberSignedIn } from '@/lib/session';

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await api.signout();
    } catch {
      // The cookies are cleared by the answer; without one the visitor is signed out locally.
    }
    rememberSignedIn(false);
    router.push('/');
    router.refresh();
  }

  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={signOut}
      disabled={busy}
    >
      Sign out
    </button>
  );
}
