'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { api } from '@/lib/api/browser';
import { messageFor } from '@/lib/messages';
import { retryWhile } from '@/lib/retry';

export function BuyButton({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function buy() {
    setBusy(true);
    setFailure(null);
    try {
      // orders-service learns of a new listing through an event; give it a moment.
      const order = await retryWhile(() => api.createOrder(ticketId), ['ticket_not_found']);
      router.push(`/orders/${order.id}`);
    } catch (error) {
      setBusy(false);
      setFailure(messageFor(error));
      router.refresh();
    }
  }

  return (
    <div className="aside">
      <button className="button button--wide" type="button" onClick={buy} disabled={busy}>
        {busy ? 'Reserving…' : 'Buy ticket'}
      </button>
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="buy-error">
          {failure}
        </div>
      )}
    </div>
  );
}
