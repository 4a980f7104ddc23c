'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { api } from '@/lib/api/browser';
import { messageFor } from '@/lib/messages';

export function SellerActions({ ticketId, editable }: { ticketId: string; editable: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function withdraw() {
    setBusy(true);
    setFailure(null);
    try {
      await api.withdrawTicket(ticketId);
      setConfirming(false);
      router.refresh();
    } catch (error) {
      setFailure(messageFor(error));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  if (!editable) {
    return <p className="muted">This listing can no longer be changed.</p>;
  }
  return (
    <div className="aside">
      <p className="muted">This is your listing.</p>
      <div className="actions">
        <Link className="button button--secondary" href={`/tickets/${ticketId}/edit`}>
          Edit listing
        </Link>
        {!confirming && (
          <button
            className="button button--danger"
            type="button"
            onClick={() => setConfirming(true)}
          >
            Withdraw
          </button>
        )}
      </div>
      {confirming && (
        <div className="notice notice--warn">
          <p style={{ marginTop: 0 }}>Withdraw this listing? Buyers will no longer see it.</p>
          <div className="actions">
            <button
              className="button button--danger button--small"
              type="button"
              onClick={withdraw}
              disabled={busy}
            >
              Yes, withdraw
            </button>
            <button
              className="button button--secondary button--small"
              type="button"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
      {failure && (
        <div className="notice notice--error" role="alert">
          {failure}
        </div>
      )}
    </div>
  );
}
