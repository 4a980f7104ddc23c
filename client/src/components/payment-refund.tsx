'use client';

import { useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import { ApiError } from '@/lib/api/problem';
import type { Payment } from '@/lib/api/types';
import { formErrors } from '@/lib/messages';
import { formatMoney } from '@/lib/money';
import { lookupFailure, refundFailure } from '@/lib/support';
import { validatePaymentId, validateRefundReason } from '@/lib/validation';

import { Field } from './field';
import { LocalTime } from './local-time';
import { StatusBadge } from './status-badge';

/**
 * Support's refund desk: a payment found by its id (any payment, for the `support` role), and
 * refunded with a reason that is kept with it. payments-service decides; what it refused is said
 * in words, and a payment it says was refunded already is shown as refunded.
 */
export function PaymentRefund() {
  const [paymentId, setPaymentId] = useState('');
  const [idError, setIdError] = useState<string | undefined>();
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [payment, setPayment] = useState<Payment | null>(null);
  const [finding, setFinding] = useState(false);

  async function find(event: FormEvent) {
    event.preventDefault();
    const checked = validatePaymentId(paymentId);
    setLookupError(null);
    if ('error' in checked) {
      setIdError(checked.error);
      return;
    }
    setIdError(undefined);
    setPayment(null);
    setFinding(true);
    try {
      const found = await api.getPayment(checked.id);
      if (found) {
        setPayment(found);
      } else {
        setLookupError(lookupFailure(null));
      }
    } catch (error) {
      setLookupError(lookupFailure(error));
    } finally {
      setFinding(false);
    }
  }

  return (
    <div className="lookup">
      <form className="form" onSubmit={find} noValidate>
        <Field
          id="paymentId"
          label="Payment id"
          error={idError}
          hint="The buyer finds it on their order page, under Payment."
        >
          <div className="lookup__entry">
            <input
              id="paymentId"
              name="paymentId"
              value={paymentId}
              onChange={(event) => setPaymentId(event.target.value)}
              placeholder="7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a"
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={Boolean(idError)}
              aria-describedby={idError ? 'paymentId-error' : undefined}
            />
            <button className="button" type="submit" disabled={finding}>
              {finding ? 'Finding…' : 'Find payment'}
            </button>
          </div>
        </Field>
      </form>
      {lookupError && (
        <div className="notice notice--error" role="alert" data-testid="lookup-error">
          {lookupError}
        </div>
      )}
      {payment && <FoundPayment key={payment.id} initial={payment} />}
    </div>
  );
}

/** One payment found, and refunding it. */
function FoundPayment({ initial }: { initial: Payment }) {
  const [payment, setPayment] = useState(initial);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [refunded, setRefunded] = useState(false);
  const [busy, setBusy] = useState(false);
  const amount = formatMoney(payment.amount, payment.currency);

  async function refund(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validateRefundReason(reason);
    if ('error' in checked) {
      setReasonError(checked.error);
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    try {
      setPayment(await api.refundPayment(payment.id, checked.reason));
      setRefunded(true);
    } catch (error) {
      const shown = formErrors(error, ['reason']);
      setReasonError(shown.errors.reason);
      setFailure(shown.failure === null ? null : refundFailure(error));
      if (error instanceof ApiError && error.code === 'already_refunded') {
        setPayment((current) => ({ ...current, status: 'refunded' }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="lookup__payment" data-testid="payment" aria-label="Payment">
      <div className="lookup__head">
        <span className="price" data-testid="payment-amount">
          {amount}
        </span>
        <StatusBadge status={payment.status} />
      </div>
      <dl className="facts">
        <dt>Payment</dt>
        <dd className="masked" data-testid="payment-id">
          {payment.id}
        </dd>
        <dt>Order</dt>
        <dd className="masked" data-testid="payment-order">
          {payment.orderId}
        </dd>
        <dt>Paid</dt>
        <dd>
          <LocalTime iso={payment.createdAt} />
        </dd>
        <dt>Provider</dt>
        <dd>
          {payment.provider} · <span className="masked">{payment.providerPaymentId}</span>
        </dd>
      </dl>

      {refunded && (
        <div className="notice notice--ok" role="status" data-testid="refund-done">
          Refunded {amount}. The buyer’s ticket no longer admits anyone, and the money is taken back
          from the seller’s earnings.
        </div>
      )}
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="refund-error">
          {failure}
        </div>
      )}
      {!refunded && payment.status === 'refunded' && !failure && (
        <div className="notice notice--quiet" data-testid="refund-state">
          This payment has been refunded already.
        </div>
      )}
      {payment.status === 'succeeded' && (
        <form className="form" onSubmit={refund} noValidate>
          <Field
            id="reason"
            label="Reason for the refund"
            error={reasonError}
            hint="Kept with the payment. Refunding voids the buyer’s ticket; it cannot be undone."
          >
            <textarea
              id="reason"
              name="reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={600}
              aria-invalid={Boolean(reasonError)}
              aria-describedby={reasonError ? 'reason-error' : undefined}
            />
          </Field>
          <div className="actions">
            <button className="button button--danger" type="submit" disabled={busy}>
              {busy ? 'Refunding…' : `Refund ${amount}`}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
