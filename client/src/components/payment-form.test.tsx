import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Payment } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { json, problem, stubFetch } from '@/testing/http';

import { PaymentForm } from './payment-form';

const FIRST_KEY = '11111111-1111-4111-8111-111111111111';
const SECOND_KEY = '22222222-2222-4222-8222-222222222222';

const PAYMENT: Payment = {
  id: 'p-1',
  orderId: 'o-1',
  amount: 1250,
  currency: 'USD',
  status: 'succeeded',
  provider: 'simulated',
  providerPaymentId: 'sim_1',
  createdAt: '2026-03-01T12:01:00Z',
};

/** What each payment request sent: method, key and body. */
function attempts(fetcher: ReturnType<typeof stubFetch>) {
  return fetcher.mock.calls.map(([url, init]) => {
    const headers = init?.headers as Record<string, string>;
    return {
      request: `${init?.method} ${String(url)}`,
      key: headers['Idempotency-Key'],
      body: init?.body,
    };
  });
}

function renderForm(props: { disabled?: boolean; amount?: number; currency?: string } = {}) {
  const onPaid = vi.fn();
  const onRefused = vi.fn();
  render(
    <PaymentForm
      orderId="o-1"
      amount={props.amount ?? 1250}
      currency={props.currency ?? 'USD'}
      disabled={props.disabled ?? false}
      onPaid={onPaid}
      onRefused={onRefused}
    />,
  );
  return { onPaid, onRefused };
}

/** The form's one button, whatever it says at the moment. */
function payButton(): HTMLButtonElement {
  return screen.getByRole('button');
}

beforeEach(() => {
  resetSessionRefresh();
  localStorage.clear();
  vi.spyOn(crypto, 'randomUUID').mockReturnValueOnce(FIRST_KEY).mockReturnValueOnce(SECOND_KEY);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('PaymentForm', () => {
  it('shows the amount to pay and the test card that succeeds as chosen', () => {
    renderForm({ amount: 125_000, currency: 'EUR' });

    expect(payButton().textContent).toBe('Pay €1,250.00');
    expect(screen.getByRole('radio', { name: /4242/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: /0002/ })).toHaveProperty('checked', false);
  });

  it('cannot be used while disabled', () => {
    renderForm({ disabled: true });

    expect(payButton().disabled).toBe(true);
    expect(screen.getByRole('group')).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: /4242/ }).matches(':disabled')).toBe(true);
  });

  it('pays with the chosen method and an idempotency key, and hands over the payment', async () => {
    const fetcher = stubFetch(() => json(201, PAYMENT));
    const { onPaid, onRefused } = renderForm();
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: /0002/ }));
    await user.click(payButton());

    await waitFor(() => expect(onPaid).toHaveBeenCalledTimes(1));
    expect(onPaid).toHaveBeenCalledWith(PAYMENT);
    expect(onRefused).not.toHaveBeenCalled();
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/payments',
        {
          method: 'POST',
          body: '{"orderId":"o-1","paymentMethod":"pm_card_chargeDeclined"}',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Idempotency-Key': FIRST_KEY,
          },
          credentials: 'same-origin',
        },
      ],
    ]);
  });

  it('shows it is processing and cannot be sent twice while the payment is in flight', async () => {
    let answer!: (response: Response) => void;
    const fetcher = vi.fn<typeof fetch>(() => new Promise((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetcher);
    const { onPaid } = renderForm();
    const user = userEvent.setup();

    await user.click(payButton());

    expect(payButton().textContent).toBe('Processing payment…');
    expect(payButton().disabled).toBe(true);
    expect(screen.getByRole('group')).toHaveProperty('disabled', true);
    await user.click(payButton());
    expect(fetcher).toHaveBeenCalledTimes(1);
    answer(json(201, PAYMENT));
    await waitFor(() => expect(onPaid).toHaveBeenCalledTimes(1));
    expect(payButton().textContent).toBe('Pay $12.50');
  });

  it('reuses the same key when paying again after the provider did not answer', async () => {
    const fetcher = stubFetch(
      () => problem(503, 'payment_provider_unavailable'),
      () => json(201, PAYMENT),
    );
    const { onPaid, onRefused } = renderForm();
    const user = userEvent.setup();

    await user.click(payButton());
    expect((await screen.findByTestId('payment-error')).textContent).toBe(
      'The payment provider is not answering. You have not been charged; try again.',
    );
    await user.click(payButton());

    await waitFor(() => expect(onPaid).toHaveBeenCalledWith(PAYMENT));
    expect(attempts(fetcher).map(({ key }) => key)).toStrictEqual([FIRST_KEY, FIRST_KEY]);
    expect(crypto.randomUUID).toHaveBeenCalledTimes(1);
    expect(onRefused).not.toHaveBeenCalled();
    expect(screen.queryByTestId('payment-error')).toBeNull();
  });

  it('reuses the same key after the answer was lost on the way', async () => {
    const fetcher = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(problem(504, 'upstream_timeout'))
      .mockResolvedValueOnce(json(201, PAYMENT));
    vi.stubGlobal('fetch', fetcher);
    const { onPaid } = renderForm();
    const user = userEvent.setup();

    await user.click(payButton());
    expect((await screen.findByTestId('payment-error')).textContent).toBe(
      'We could not reach Ticketing. Check your connection and try again.',
    );
    await user.click(payButton());
    await waitFor(() =>
      expect(screen.getByTestId('payment-error').textContent).toBe(
        'Ticketing took too long to answer. Please try again.',
      ),
    );
    await user.click(payButton());

    await waitFor(() => expect(onPaid).toHaveBeenCalledTimes(1));
    expect(attempts(fetcher).map(({ key }) => key)).toStrictEqual([
      FIRST_KEY,
      FIRST_KEY,
      FIRST_KEY,
    ]);
  });

  it('uses a new key for the attempt after a decline, and says it was declined', async () => {
    const fetcher = stubFetch(
      () => problem(402, 'payment_declined'),
      () => json(201, PAYMENT),
    );
    const { onPaid, onRefused } = renderForm();
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: /0002/ }));
    await user.click(payButton());
    expect((await screen.findByTestId('payment-error')).textContent).toBe(
      'Your card was declined. Try another payment method.',
    );
    expect(onPaid).not.toHaveBeenCalled();
    expect(onRefused).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: /4242/ }));
    await user.click(payButton());

    await waitFor(() => expect(onPaid).toHaveBeenCalledWith(PAYMENT));
    expect(attempts(fetcher)).toStrictEqual([
      {
        request: 'POST /api/payments',
        key: FIRST_KEY,
        body: '{"orderId":"o-1","paymentMethod":"pm_card_chargeDeclined"}',
      },
      {
        request: 'POST /api/payments',
        key: SECOND_KEY,
        body: '{"orderId":"o-1","paymentMethod":"pm_card_visa"}',
      },
    ]);
  });

  it('uses a new key for the payment after one that succeeded', async () => {
    const fetcher = stubFetch(
      () => json(201, PAYMENT),
      () => problem(409, 'order_paid'),
    );
    const { onPaid, onRefused } = renderForm();
    const user = userEvent.setup();

    await user.click(payButton());
    await waitFor(() => expect(onPaid).toHaveBeenCalledTimes(1));
    await user.click(payButton());

    await waitFor(() => expect(onRefused).toHaveBeenCalledTimes(1));
    expect(attempts(fetcher).map(({ key }) => key)).toStrictEqual([FIRST_KEY, SECOND_KEY]);
  });

  it.each([
    ['order_expired', 'Your hold on this ticket has expired, so it can no longer be paid.'],
    ['order_cancelled', 'This order was cancelled, so it can no longer be paid.'],
    ['order_paid', 'This order has already been paid.'],
  ])('tells the order view the order can no longer be paid on a 409 %s', async (code, message) => {
    stubFetch(() => problem(409, code));
    const { onPaid, onRefused } = renderForm();

    await userEvent.setup().click(payButton());

    expect((await screen.findByTestId('payment-error')).textContent).toBe(message);
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('does not tell the order view anything on a decline', async () => {
    stubFetch(() => problem(402, 'payment_declined'));
    const { onRefused } = renderForm();

    await userEvent.setup().click(payButton());

    await screen.findByTestId('payment-error');
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('retries with the same key while payments-service does not know the order yet', async () => {
    vi.useFakeTimers();
    const fetcher = stubFetch(
      () => problem(404, 'order_not_found'),
      () => problem(404, 'order_not_found'),
      () => json(201, PAYMENT),
    );
    const { onPaid } = renderForm();

    fireEvent.click(payButton());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(149));
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(fetcher).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(300));

    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(onPaid).toHaveBeenCalledWith(PAYMENT);
    expect(attempts(fetcher).map(({ key }) => key)).toStrictEqual([
      FIRST_KEY,
      FIRST_KEY,
      FIRST_KEY,
    ]);
    expect(screen.queryByTestId('payment-error')).toBeNull();
  });

  it('gives up after about ten seconds of order_not_found and starts afresh next time', async () => {
    vi.useFakeTimers();
    const fetcher = vi.fn<typeof fetch>(async () => problem(404, 'order_not_found'));
    vi.stubGlobal('fetch', fetcher);
    const { onPaid } = renderForm();

    fireEvent.click(payButton());
    await act(() => vi.advanceTimersByTimeAsync(10_050));

    expect(fetcher).toHaveBeenCalledTimes(13);
    expect(screen.getByTestId('payment-error').textContent).toBe(
      'We could not find this order. Reload the page and try again.',
    );
    expect(onPaid).not.toHaveBeenCalled();

    fireEvent.click(payButton());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(attempts(fetcher)[13]?.key).toBe(SECOND_KEY);
  });
});
