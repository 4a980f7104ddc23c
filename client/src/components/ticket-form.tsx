'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import type { Ticket } from '@/lib/api/types';
import { instantToLocalInput } from '@/lib/dates';
import { formErrors } from '@/lib/messages';
import { parsePrice, toDecimal } from '@/lib/money';
import { capHint, PRICE_CAP_PERCENT } from '@/lib/price-cap';
import { validateTicket, type FieldErrors, type TicketForm as Values } from '@/lib/validation';

import { Field } from './field';

const FIELDS = ['title', 'price', 'faceValue', 'currency', 'venue', 'eventAt', 'description'];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK'];

function initialValues(ticket?: Ticket): Values {
  return {
    title: ticket?.title ?? '',
    price: ticket ? toDecimal(ticket.price, ticket.currency) : '',
    faceValue: ticket ? toDecimal(ticket.faceValue, ticket.currency) : '',
    currency: ticket?.currency ?? 'USD',
    venue: ticket?.venue ?? '',
    eventAt: instantToLocalInput(ticket?.eventAt ?? null),
    description: ticket?.description ?? '',
  };
}

/** The cap under the price: from the listing's face value, or the one typed so far. */
function priceHint(values: Values, ticket?: Ticket): string | undefined {
  if (ticket) {
    return capHint(ticket.faceValue, ticket.currency);
  }
  const face =
    values.faceValue.trim() === '' ? null : parsePrice(values.faceValue, values.currency);
  return face && 'minor' in face ? capHint(face.minor, values.currency) : undefined;
}

/**
 * Sell a ticket, or edit one's listing when `ticket` is given. A listing's face value is fixed
 * when it is first listed, and on a resale listing so are its title, currency, venue and date
 * (DESIGN §2): those are shown but not editable, and sent as they are.
 */
export function TicketForm({ ticket }: { ticket?: Ticket }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => initialValues(ticket));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currencies = CURRENCIES.includes(values.currency)
    ? CURRENCIES
    : [values.currency, ...CURRENCIES];
  const resale = Boolean(ticket?.resoldFrom);

  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = validateTicket(values, Date.now(), ticket?.faceValue);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = ticket
        ? await api.updateTicket(ticket.id, {
            ...result.input,
            ...(resale && {
              title: ticket.title,
              currency: ticket.currency,
              venue: ticket.venue,
              eventAt: ticket.eventAt,
            }),
            version: ticket.version,
          })
        : await api.createTicket(result.input);
      router.push(`/tickets/${saved.id}`);
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
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="form-error">
          {failure}
        </div>
      )}
      {resale && (
        <div className="notice notice--info" data-testid="resale-fixed">
          This is a resale: only the price and the description can change.
        </div>
      )}
      <Field
        id="title"
        label="Title"
        error={errors.title}
        hint="The artist or event and the seat, e.g. “Arctic Monkeys — floor”."
      >
        <input
          id="title"
          name="title"
          value={values.title}
          onChange={set('title')}
          maxLength={200}
          readOnly={resale}
        />
      </Field>
      <div className="form__row form__row--three">
        <Field id="price" label="Price" error={errors.price} hint={priceHint(values, ticket)}>
          <input
            id="price"
            name="price"
            inputMode="decimal"
            placeholder="45.00"
            value={values.price}
            onChange={set('price')}
          />
        </Field>
        <Field
          id="faceValue"
          label="Face value"
          error={errors.faceValue}
          hint={
            ticket
              ? 'Fixed when the ticket was first listed.'
              : `Optional: what the ticket cost; the price if left empty. A listing may cost up to ${PRICE_CAP_PERCENT} % of it.`
          }
        >
          <input
            id="faceValue"
            name="faceValue"
            inputMode="decimal"
            placeholder="Same as the price"
            value={values.faceValue}
            onChange={set('faceValue')}
            readOnly={ticket !== undefined}
          />
        </Field>
        <Field id="currency" label="Currency" error={errors.currency}>
          <select
            id="currency"
            name="currency"
            value={values.currency}
            onChange={set('currency')}
            disabled={resale}
          >
            {currencies.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form__row">
        <Field id="venue" label="Venue" error={errors.venue} hint="Optional.">
          <input
            id="venue"
            name="venue"
            value={values.venue}
            onChange={set('venue')}
            readOnly={resale}
          />
        </Field>
        <Field
          id="eventAt"
          label="Date and time"
          error={errors.eventAt}
          hint="Optional; your local time."
        >
          <input
            id="eventAt"
            name="eventAt"
            type="datetime-local"
            value={values.eventAt}
            onChange={set('eventAt')}
            readOnly={resale}
          />
        </Field>
      </div>
      <Field
        id="description"
        label="Description"
        error={errors.description}
        hint="Optional: seat, row, delivery details."
      >
        <textarea
          id="description"
          name="description"
          value={values.description}
          onChange={set('description')}
        />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : ticket ? 'Save changes' : 'List ticket'}
        </button>
        <button className="button button--secondary" type="button" onClick={() => router.back()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
