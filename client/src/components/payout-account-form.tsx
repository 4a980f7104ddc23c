'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import type { PayoutAccount, PayoutMethod } from '@/lib/api/types';
import { formErrors } from '@/lib/messages';
import { shownReference } from '@/lib/payouts';
import {
  validatePayoutAccount,
  type FieldErrors,
  type PayoutAccountForm as Values,
} from '@/lib/validation';

import { Field } from './field';
import { LocalTime } from './local-time';

const FIELDS = ['method', 'reference'];

const METHODS: Record<PayoutMethod, { label: string; hint: string; placeholder: string }> = {
  simulated: {
    label: 'Simulated payouts',
    hint: 'Any reference of yours, without spaces. No real money is sent.',
    placeholder: 'my-test-account',
  },
  stripe: {
    label: 'Stripe',
    hint: 'The id of your Stripe connected account: acct_ followed by letters and digits.',
    placeholder: 'acct_1Nv0FGQ9RKHgIo2C',
  },
};

/**
 * Where a seller is paid: the account saved, its reference masked but for its last characters as
 * payments-service shows it, and a form to set or change it. A saved reference is never sent back
 * in full, so changing the account means typing the reference again.
 */
export function PayoutAccountForm({ account }: { account: PayoutAccount | null }) {
  const router = useRouter();
  const [saved, setSaved] = useState(account);
  const [values, setValues] = useState<Values>({
    method: account?.method ?? 'simulated',
    reference: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const method = METHODS[values.method as PayoutMethod] ?? METHODS.simulated;

  const set = (name: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(false);
    const result = validatePayoutAccount(values);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setSaved(await api.setPayoutAccount(result.input));
      setValues((current) => ({ ...current, reference: '' }));
      setDone(true);
      router.refresh();
    } catch (error) {
      const shown = formErrors(error, FIELDS);
      setErrors(shown.errors);
      setFailure(shown.failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {saved ? (
        <dl className="facts" style={{ marginTop: 0 }} data-testid="payout-account">
          <dt>Paid to</dt>
          <dd>
            {METHODS[saved.method]?.label ?? saved.method} ·{' '}
            <span className="masked" data-testid="payout-reference">
              {shownReference(saved.reference)}
            </span>
          </dd>
          <dt>Set</dt>
          <dd>
            <LocalTime iso={saved.updatedAt} />
          </dd>
        </dl>
      ) : (
        <div className="notice notice--info" data-testid="no-payout-account">
          You have no payout account yet. Add one to get paid: money released to you waits here
          until you do.
        </div>
      )}
      {done && (
        <div className="notice notice--ok" role="status" data-testid="payout-account-saved">
          Saved. Your payouts go to this account from now on.
        </div>
      )}
      {failure && (
        <div className="notice notice--error" role="alert" data-testid="form-error">
          {failure}
        </div>
      )}
      <Field id="method" label="Method" error={errors.method}>
        <select id="method" name="method" value={values.method} onChange={set('method')}>
          {(Object.keys(METHODS) as PayoutMethod[]).map((value) => (
            <option key={value} value={value}>
              {METHODS[value].label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reference" label="Reference" error={errors.reference} hint={method.hint}>
        <input
          id="reference"
          name="reference"
          value={values.reference}
          onChange={set('reference')}
          placeholder={method.placeholder}
          maxLength={300}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={Boolean(errors.reference)}
          aria-describedby={errors.reference ? 'reference-error' : undefined}
        />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : saved ? 'Change payout account' : 'Add payout account'}
        </button>
      </div>
    </form>
  );
}
