import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Payment } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { PaymentRefund } from './payment-refund';

const ID = '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a';

const PAYMENT: Payment = {
  id: ID,
  orderId: '0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
  amount: 9000,
  currency: 'EUR',
  status: 'succeeded',
  provider: 'simulated',
  providerPaymentId: 'sim_ch_1',
  createdAt: '2030-05-01T18:00:00Z',
};

const JSON_POST = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  credentials: 'same-origin',
};

/** Types `text` as the payment id and presses Find payment. */
async function find(text: string) {
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText('Payment id'));
  await user.type(screen.getByLabelText('Payment id'), text);
  await user.click(screen.getByRole('button', { name: 'Find payment' }));
}

/** Types `text` as the reason and presses the refund button. */
async function refund(text: string) {
  const user = userEvent.setup();
  if (text) {
    await user.type(screen.getByLabelText('Reason for the refund'), text);
  }
  await user.click(screen.getByRole('button', { name: /^Refund / }));
}

function facts(): Record<string, string | null | undefined> {
  const payment = screen.getByTestId('payment');
  return Object.fromEntries(
    [...payment.querySelectorAll('dt')].map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ]),
  );
}

beforeEach(() => {
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('PaymentRefund', () => {
  it('asks for a payment id without asking the service', async () => {
    const fetcher = stubFetch();
    render(<PaymentRefund />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Find payment' }));

    expect(fieldError('paymentId')).toBe('Enter the payment’s id.');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it.each(['12345', `${ID}0`, ID.replace(/-/g, ''), 'order 7d5f2f5e'])(
    'refuses "%s", which is not a UUID, without asking the service',
    async (text) => {
      const fetcher = stubFetch();
      render(<PaymentRefund />);

      await find(text);

      expect(fieldError('paymentId')).toBe(
        'A payment id is 36 characters, like 7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a.',
      );
      expect(screen.getByLabelText('Payment id').getAttribute('aria-invalid')).toBe('true');
      expect(fetcher).not.toHaveBeenCalled();
    },
  );

  it('finds a payment with GET /api/payments/<id> and shows its amount, status, order and time', async () => {
    const fetcher = stubFetch(() => json(200, PAYMENT));
    render(<PaymentRefund />);

    await find(`  ${ID.toUpperCase()} `);

    expect((await screen.findByTestId('payment-amount')).textContent).toBe('€90.00');
    expect(fetcher.mock.calls).toStrictEqual([
      [`/api/payments/${ID}`, { credentials: 'same-origin' }],
    ]);
    expect(screen.getByTestId('status').textContent).toBe('Paid');
    expect(facts()).toMatchObject({
      Payment: ID,
      Order: PAYMENT.orderId,
      Provider: 'simulated · sim_ch_1',
    });
    expect(screen.getByTestId('payment').querySelector('time')?.dateTime).toBe(
      '2030-05-01T18:00:00Z',
    );
    expect(screen.getByRole('button', { name: 'Refund €90.00' })).toBeDefined();
    expect(fieldError('paymentId')).toBeNull();
  });

  it('clears the id’s error once a payment id is typed', async () => {
    stubFetch(() => json(200, PAYMENT));
    render(<PaymentRefund />);
    await find('12345');
    expect(fieldError('paymentId')).not.toBeNull();

    await find(ID);

    await screen.findByTestId('payment');
    expect(fieldError('paymentId')).toBeNull();
    expect(screen.getByLabelText('Payment id').getAttribute('aria-invalid')).toBe('false');
  });

  it('says no payment has the id when the service finds none', async () => {
    stubFetch(() => problem(404, 'payment_not_found', { title: 'Not Found' }));
    render(<PaymentRefund />);

    await find(ID);

    expect((await screen.findByTestId('lookup-error')).textContent).toBe(
      'No payment has this id. Check it against the buyer’s order page and try again.',
    );
    expect(screen.queryByTestId('payment')).toBeNull();
  });

  it('says what went wrong when the service could not be asked', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    render(<PaymentRefund />);

    await find(ID);

    expect((await screen.findByTestId('lookup-error')).textContent).toBe(
      'We could not reach Ticketing. Check your connection and try again.',
    );
  });

  it('shows a payment refunded already as such, with nothing to refund', async () => {
    stubFetch(() => json(200, { ...PAYMENT, status: 'refunded' }));
    render(<PaymentRefund />);

    await find(ID);

    expect((await screen.findByTestId('refund-state')).textContent).toBe(
      'This payment has been refunded already.',
    );
    expect(screen.getByTestId('status').textContent).toBe('Refunded');
    expect(screen.queryByRole('button', { name: /^Refund / })).toBeNull();
  });

  it('asks for a reason before refunding', async () => {
    const fetcher = stubFetch(() => json(200, PAYMENT));
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');

    await refund('   ');

    expect(fieldError('reason')).toBe('Say why this payment is refunded.');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('refunds with POST /api/payments/<id>/refunds and the reason, then shows it refunded', async () => {
    const fetcher = stubFetch(
      () => json(200, PAYMENT),
      () => json(201, { ...PAYMENT, status: 'refunded' }),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');

    await refund('  The buyer was charged twice. ');

    expect((await screen.findByTestId('refund-done')).textContent).toBe(
      'Refunded €90.00. The buyer’s ticket no longer admits anyone, and the money is taken back from the seller’s earnings.',
    );
    expect(fetcher.mock.calls[1]).toStrictEqual([
      `/api/payments/${ID}/refunds`,
      { ...JSON_POST, body: '{"reason":"The buyer was charged twice."}' },
    ]);
    expect(screen.getByTestId('status').textContent).toBe('Refunded');
    expect(screen.queryByRole('button', { name: /^Refund / })).toBeNull();
    expect(screen.queryByTestId('refund-state')).toBeNull();
    expect(screen.queryByTestId('refund-error')).toBeNull();
  });

  it('says a payment was refunded already when the service says so, and shows it refunded', async () => {
    stubFetch(
      () => json(200, PAYMENT),
      () => problem(409, 'already_refunded'),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');

    await refund('Duplicate request');

    expect((await screen.findByTestId('refund-error')).textContent).toBe(
      'This payment has already been refunded, so nothing more was refunded.',
    );
    expect(screen.getByTestId('status').textContent).toBe('Refunded');
    expect(screen.queryByRole('button', { name: /^Refund / })).toBeNull();
    expect(screen.queryByTestId('refund-done')).toBeNull();
  });

  it.each([
    [
      403,
      'forbidden',
      'This account may not refund payments. Ask an operator for the support role; it takes effect the next time you sign in.',
    ],
    [
      404,
      'payment_not_found',
      'No payment has this id. Check it against the buyer’s order page and try again.',
    ],
    [
      503,
      'payment_provider_unavailable',
      'The payment provider is not answering, so nothing was refunded. Try again: the refund is made once however often you ask.',
    ],
  ])('says why a %i %s refund was refused, and keeps the form', async (status, code, message) => {
    stubFetch(
      () => json(200, PAYMENT),
      () => problem(status, code),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');

    await refund('Event cancelled');

    expect((await screen.findByTestId('refund-error')).textContent).toBe(message);
    expect(screen.getByTestId('status').textContent).toBe('Paid');
    expect(screen.getByRole('button', { name: 'Refund €90.00' })).toHaveProperty('disabled', false);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reason for the refund').value).toBe(
      'Event cancelled',
    );
  });

  it('shows the service’s reason error next to the reason', async () => {
    stubFetch(
      () => json(200, PAYMENT),
      () =>
        problem(400, 'validation_failed', {
          errors: [{ field: 'reason', message: 'size must be between 0 and 500' }],
        }),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');

    await refund('Too long, the service says');

    await waitFor(() => expect(fieldError('reason')).toBe('Size must be between 0 and 500.'));
    expect(screen.queryByTestId('refund-error')).toBeNull();
  });

  it('starts over for the next payment looked up', async () => {
    const other = { ...PAYMENT, id: '11111111-2222-4333-8444-555555555555', amount: 1250 };
    stubFetch(
      () => json(200, PAYMENT),
      () => json(201, { ...PAYMENT, status: 'refunded' }),
      () => json(200, other),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');
    await refund('Event cancelled');
    await screen.findByTestId('refund-done');

    await find(other.id);

    expect(await screen.findByRole('button', { name: 'Refund €12.50' })).toBeDefined();
    expect(screen.queryByTestId('refund-done')).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reason for the refund').value).toBe('');
  });

  it('shows the payment afresh when the same id is looked up again', async () => {
    stubFetch(
      () => json(200, PAYMENT),
      () => json(201, { ...PAYMENT, status: 'refunded' }),
      () => json(200, { ...PAYMENT, status: 'refunded' }),
    );
    render(<PaymentRefund />);
    await find(ID);
    await screen.findByTestId('payment');
    await refund('Event cancelled');
    await screen.findByTestId('refund-done');

    await find(ID);

    expect((await screen.findByTestId('refund-state')).textContent).toBe(
      'This payment has been refunded already.',
    );
    expect(screen.queryByTestId('refund-done')).toBeNull();
  });
});
