'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import type { Ticket } from '@/lib/api/types';
import { formErrors } from '@/lib/messages';
import { formatMoney, toDecimal } from '@/lib/money';
import { maxPrice, PRICE_CAP_PERCENT } from '@/lib/price-cap';
import { validateResale, type FieldErrors, type ResaleForm as Values } from '@/lib/validation';

import { Field } from './field';

const FIELDS = ['price', 'description'];

/**
 * Lists a ticket one holds for resale: the price, held to the cap on its face value, and an
 * optional description. The new listing gets everything else from the one it was bought from.
 */
export function ResaleForm({ ticket }: { ticket: Ticket }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({ price: '', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, ticket.currency);
  const highest = maxPrice(ticket.faceValue);

  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = validateResale(values, ticket.currency, ticket.faceValue);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const listing = await api.resellTicket(ticket.id, result.input);
      router.push(`/tickets/${listing.id}`);
      router.refresh();
    } catch (error) {
      setBusy(false);
      const shown = formErrors(error, FIELDS);
      setErrors(shown.errors);
      setFailure(shown.failure);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <dl className="facts" style={{ marginTop: 0 }} data-testid="resale-facts">
        <dt>You paid</dt>
        <dd>{money(ticket.price)}</dd>
        <dt>Face value</dt>
        <dd data-testid="resale-face-value">{money(ticket.faceValue)}</dd>
        <dt>Highest price</dt>
        <dd data-testid="resale-cap">
          At most <strong>{money(highest)}</strong>{' '}
          <span className="muted">(up to {PRICE_CAP_PERCENT} % of face value)</span>
        </dd>
      </dl>
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="form-error">
          {failure}
        </div>
      )}
      <Field
        id="price"
        label="Price"
        error={errors.price}
        hint={`In ${ticket.currency}, at most ${money(highest)}.`}
      >
        <input
          id="price"
          name="price"
          inputMode="decimal"
          placeholder={toDecimal(ticket.price, ticket.currency)}
          value={values.price}
          onChange={set('price')}
          aria-invalid={Boolean(errors.price)}
          aria-describedby={errors.price ? 'price-error' : undefined}
        />
      </Field>
      <Field
        id="description"
        label="Description"
        error={errors.description}
        hint="Optional: seat, row, anything a buyer should know."
      >
        <textarea
          id="description"
          name="description"
          value={values.description}
          onChange={set('description')}
        />
      </Field>
      <p className="muted" style={{ margin: 0, fontSize: '0.9rem' }}>
        While it is listed your code admits no one. If it sells, your code stops working for good
        and the buyer gets a new one; if you withdraw the listing, your code works again.
      </p>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Listing…' : 'List for resale'}
        </button>
        <button className="button button--secondary" type="button" onClick={() => router.back()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
