'use client';

import { useRef, useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import { ApiError } from '@/lib/api/problem';
import type { Payment } from '@/lib/api/types';
import { messageFor } from '@/lib/messages';
import { formatMoney } from '@/lib/money';
import { retryWhile } from '@/lib/retry';

/** The simulated provider's test payment methods (DESIGN §2: Stripe's test cards). */
export const TEST_METHODS = [
  { id: 'pm_card_visa', label: 'Visa •••• 4242', note: 'Test card: the payment succeeds' },
  {
    id: 'pm_card_chargeDeclined',
    label: 'Visa •••• 0002',
    note: 'Test card: the bank declines it',
  },
] as const;

interface Props {
  orderId: string;
  amount: number;
  currency: string;
  disabled: boolean;
  onPaid: (payment: Payment) => void;
  /** The order can no longer be paid (cancelled, expired or paid meanwhile). */
  onRefused: () => void;
}

const FINAL_REFUSALS = ['order_cancelled', 'order_expired', 'order_paid'];

export function PaymentForm({ orderId, amount, currency, disabled, onPaid, onRefused }: Props) {
  const [method, setMethod] = useState<string>(TEST_METHODS[0].id);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per attempt: a retry after a lost answer replays the attempt instead of charging
  // twice; an attempt that got an answer (a decline) is over, and the next one is new.
  const attemptKey = useRef<string | null>(null);

  async function pay(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    attemptKey.current ??= crypto.randomUUID();
    const key = attemptKey.current;
    try {
      // payments-service learns of a new order through an event; give it a moment.
      const payment = await retryWhile(() => api.pay(orderId, method, key), ['order_not_found']);
      attemptKey.current = null;
      onPaid(payment);
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
        attemptKey.current = null;
      }
      setFailure(messageFor(error));
      if (error instanceof ApiError && FINAL_REFUSALS.includes(error.code)) {
        onRefused();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={pay}>
      <fieldset className="methods" disabled={busy || disabled}>
        <legend className="field__hint" style={{ marginBottom: '0.5rem' }}>
          Choose a payment method (simulated provider, no real money moves)
        </legend>
        {TEST_METHODS.map((option) => (
          <label key={option.id} className="method">
            <input
              type="radio"
              name="paymentMethod"
              value={option.id}
              checked={method === option.id}
              onChange={() => setMethod(option.id)}
            />
            <span className="method__label">
              <strong>{option.label}</strong>
              <small>{option.note}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="payment-error">
          {failure}
        </div>
      )}
      <button className="button button--wide" type="submit" disabled={busy || disabled}>
        {busy ? 'Processing payment…' : `Pay ${formatMoney(amount, currency)}`}
      </button>
    </form>
  );
}
