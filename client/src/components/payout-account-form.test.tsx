import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { PayoutAccount } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { PayoutAccountForm } from './payout-account-form';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const SAVED: PayoutAccount = {
  method: 'simulated',
  reference: '••••••••1234',
  updatedAt: '2030-06-01T10:00:00Z',
};

function reference(): HTMLInputElement {
  return screen.getByLabelText('Reference');
}

function method(): HTMLSelectElement {
  return screen.getByLabelText('Method');
}

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('PayoutAccountForm', () => {
  it('says there is no payout account yet, and asks for one to get paid', () => {
    render(<PayoutAccountForm account={null} />);

    expect(screen.getByTestId('no-payout-account').textContent).toBe(
      'You have no payout account yet. Add one to get paid: money released to you waits here until you do.',
    );
    expect(screen.queryByTestId('payout-account')).toBeNull();
    expect(method().value).toBe('simulated');
    expect([...method().options].map((option) => [option.value, option.text])).toStrictEqual([
      ['simulated', 'Simulated payouts'],
      ['stripe', 'Stripe'],
    ]);
    expect(screen.getByRole('button', { name: 'Add payout account' })).toBeDefined();
  });

  it('shows the saved account with its reference masked as the service sent it', () => {
    render(<PayoutAccountForm account={{ ...SAVED, method: 'stripe' }} />);

    const saved = screen.getByTestId('payout-account');
    expect(screen.getByText('Paid to').nextElementSibling?.textContent).toBe(
      'Stripe · ••••••••1234',
    );
    expect(saved.querySelector('time')?.dateTime).toBe('2030-06-01T10:00:00Z');
    expect(screen.queryByTestId('no-payout-account')).toBeNull();
    // The reference is never sent back in full: it is typed again to change the account.
    expect(method().value).toBe('stripe');
    expect(reference().value).toBe('');
    expect(screen.getByRole('button', { name: 'Change payout account' })).toBeDefined();
  });

  it('shows a long reference’s masked part as 8 dots', () => {
    render(<PayoutAccountForm account={{ ...SAVED, reference: `${'•'.repeat(251)}1234` }} />);

    expect(screen.getByTestId('payout-reference').textContent).toBe('••••••••1234');
  });

  it('explains the reference each method takes', async () => {
    render(<PayoutAccountForm account={null} />);
    expect(screen.getByText(/No real money is sent\./)).toBeDefined();

    await userEvent.setup().selectOptions(method(), 'stripe');

    expect(
      screen.getByText(
        'The id of your Stripe connected account: acct_ followed by letters and digits.',
      ),
    ).toBeDefined();
    expect(reference().placeholder).toBe('acct_1Nv0FGQ9RKHgIo2C');
  });

  it('asks for a reference without asking the service', async () => {
    const fetcher = stubFetch();
    render(<PayoutAccountForm account={null} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Add payout account' }));

    expect(fieldError('reference')).toBe('Enter where to pay you.');
    expect(reference().getAttribute('aria-invalid')).toBe('true');
    expect(reference().getAttribute('aria-describedby')).toBe('reference-error');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('refuses a Stripe reference that is not a connected account id without asking the service', async () => {
    const fetcher = stubFetch();
    render(<PayoutAccountForm account={null} />);
    const user = userEvent.setup();

    await user.selectOptions(method(), 'stripe');
    await user.type(reference(), 'ba_1Nv0FG');
    await user.click(screen.getByRole('button', { name: 'Add payout account' }));

    expect(fieldError('reference')).toBe(
      'A Stripe account id is acct_ followed by letters and digits.',
    );
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('saves the account with PUT /api/payments/payout-account and shows the masked reference', async () => {
    const fetcher = stubFetch(() =>
      json(200, {
        method: 'simulated',
        reference: '•••••••••••5678',
        updatedAt: '2030-06-02T09:00:00Z',
      }),
    );
    render(<PayoutAccountForm account={null} />);
    const user = userEvent.setup();

    await user.type(reference(), ' my-account-5678 ');
    await user.click(screen.getByRole('button', { name: 'Add payout account' }));

    expect((await screen.findByTestId('payout-account-saved')).textContent).toBe(
      'Saved. Your payouts go to this account from now on.',
    );
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/payments/payout-account',
        {
          method: 'PUT',
          body: '{"method":"simulated","reference":"my-account-5678"}',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          credentials: 'same-origin',
        },
      ],
    ]);
    expect(screen.getByTestId('payout-reference').textContent).toBe('••••••••5678');
    expect(screen.queryByTestId('no-payout-account')).toBeNull();
    expect(reference().value).toBe('');
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Change payout account' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('cannot be sent twice while it is being saved', async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    render(<PayoutAccountForm account={null} />);
    const user = userEvent.setup();

    await user.type(reference(), 'my-account');
    await user.click(screen.getByRole('button', { name: 'Add payout account' }));

    expect(screen.getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);
    answer(json(200, SAVED));
    expect(await screen.findByRole('button', { name: 'Change payout account' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('shows the service’s field errors from a validation_failed problem next to their fields', async () => {
    stubFetch(() =>
      problem(400, 'validation_failed', {
        detail: 'The payout account is not valid: method is not available here.',
        errors: [{ field: 'method', message: 'is not available here (available: simulated)' }],
      }),
    );
    render(<PayoutAccountForm account={null} />);
    const user = userEvent.setup();

    await user.selectOptions(method(), 'stripe');
    await user.type(reference(), 'acct_1Nv0FGQ9RKHgIo2C');
    await user.click(screen.getByRole('button', { name: 'Add payout account' }));

    await waitFor(() =>
      expect(fieldError('method')).toBe('Is not available here (available: simulated).'),
    );
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(screen.queryByTestId('payout-account-saved')).toBeNull();
    expect(router.refresh).not.toHaveBeenCalled();
    // Kept, to fix and send again.
    expect(reference().value).toBe('acct_1Nv0FGQ9RKHgIo2C');
  });

  it('says a refusal that names no field of the form above it', async () => {
    stubFetch(() =>
      problem(400, 'validation_failed', {
        detail: 'The request has invalid fields.',
        errors: [{ field: 'owner', message: 'must not be null' }],
      }),
    );
    render(<PayoutAccountForm account={SAVED} />);
    const user = userEvent.setup();

    await user.type(reference(), 'another-account');
    await user.click(screen.getByRole('button', { name: 'Change payout account' }));

    expect((await screen.findByTestId('form-error')).textContent).toBe(
      'The request has invalid fields.',
    );
    expect(screen.getByTestId('payout-reference').textContent).toBe('••••••••1234');
  });

  it('says the session ended when the service answers 401 even after a refresh', async () => {
    stubFetch(
      () => problem(401, 'unauthenticated'),
      () => problem(401, 'unauthenticated'),
    );
    render(<PayoutAccountForm account={null} />);
    const user = userEvent.setup();

    await user.type(reference(), 'my-account');
    await user.click(screen.getByRole('button', { name: 'Add payout account' }));

    expect((await screen.findByTestId('form-error')).textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});
