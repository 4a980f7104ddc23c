import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Ticket } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { TicketForm } from './ticket-form';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const NOW = Date.parse('2026-03-01T12:00:00Z');
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const TICKET: Ticket = {
  id: 't-1',
  title: 'Arctic Monkeys — floor',
  price: 4500,
  faceValue: 4500,
  currency: 'USD',
  description: 'Row 4',
  venue: 'O2 Arena',
  eventAt: new Date(2030, 5, 1, 20, 0).toISOString(),
  sellerId: 'seller-1',
  resoldFrom: null,
  status: 'available',
  version: 3,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
};

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label);
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('TicketForm listing a ticket', () => {
  it('shows what is missing next to the fields without calling the service', async () => {
    const fetcher = stubFetch();
    render(<TicketForm />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'List ticket' }));

    expect(fieldError('title')).toBe('Give the listing a title.');
    expect(fieldError('price')).toBe('Enter a price.');
    expect(fieldError('venue')).toBeNull();
    expect(fieldError('eventAt')).toBeNull();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('refuses a price with too many decimals for the currency and an event in the past', async () => {
    const fetcher = stubFetch();
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Price'), '1250.5');
    await user.selectOptions(screen.getByLabelText('Currency'), 'JPY');
    fireEvent.change(input('Date and time'), { target: { value: '2020-01-01T20:00' } });
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    expect(fieldError('price')).toBe('JPY has no minor units; enter a whole number.');
    expect(fieldError('eventAt')).toBe('The event must be in the future.');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('POSTs the listing with the price in minor units and opens it', async () => {
    const fetcher = stubFetch(() => json(201, { ...TICKET, id: 't-9' }));
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), '  Jazz night ');
    await user.type(input('Price'), '1,250.5');
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await user.type(input('Venue'), 'Blue Note');
    fireEvent.change(input('Date and time'), { target: { value: '2030-06-01T20:00' } });
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/t-9'));
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(fetcher).toHaveBeenCalledTimes(1);
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe('/api/tickets');
    expect(init).toStrictEqual({
      method: 'POST',
      body: expect.any(String),
      headers: JSON_HEADERS,
      credentials: 'same-origin',
    });
    expect(JSON.parse(init!.body as string)).toStrictEqual({
      title: 'Jazz night',
      price: 125_050,
      currency: 'EUR',
      venue: 'Blue Note',
      description: null,
      eventAt: new Date(2030, 5, 1, 20, 0).toISOString(),
    });
  });

  it('shows the service’s field errors next to the fields it names', async () => {
    stubFetch(() =>
      problem(400, 'validation_failed', {
        errors: [
          { field: 'title', message: 'must not be blank' },
          { field: 'venue', message: 'size must be between 0 and 120' },
        ],
      }),
    );
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Price'), '12');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(fieldError('title')).toBe('Must not be blank.'));
    expect(fieldError('venue')).toBe('Size must be between 0 and 120.');
    expect(fieldError('price')).toBeNull();
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(router.push).not.toHaveBeenCalled();
  });

  it('says the request was refused when the service names a field the form does not have', async () => {
    stubFetch(() =>
      problem(400, 'validation_failed', {
        detail: 'The request has invalid fields.',
        errors: [{ field: 'request', message: 'must not be null' }],
      }),
    );
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Price'), '12');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() =>
      expect(screen.getByTestId('form-error').textContent).toBe('The request has invalid fields.'),
    );
    expect(fieldError('title')).toBeNull();
    expect(router.push).not.toHaveBeenCalled();
  });

  it('refreshes an expired session and lists the ticket without the seller noticing', async () => {
    const fetcher = stubFetch(
      () => problem(401, 'unauthenticated'),
      () => json(200, { id: 'u-1', email: 'ada@example.test' }),
      () => json(201, TICKET),
    );
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Price'), '12');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/t-1'));
    expect(fetcher.mock.calls.map(([url, init]) => `${init?.method} ${String(url)}`)).toStrictEqual(
      ['POST /api/tickets', 'POST /api/users/refresh', 'POST /api/tickets'],
    );
  });

  it('sends the face value, and holds the price to 120 % of it before sending anything', async () => {
    const fetcher = stubFetch(() => json(201, { ...TICKET, id: 't-9' }));
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Face value'), '80');
    expect(screen.getByText('At most $96.00: up to 120 % of the $80.00 face value.')).toBeDefined();
    await user.type(input('Price'), '96.01');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    expect(fieldError('price')).toBe('The price can be at most $96.00, 120 % of the face value.');
    expect(fetcher).not.toHaveBeenCalled();

    await user.clear(input('Price'));
    await user.type(input('Price'), '96');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/t-9'));
    expect(JSON.parse(fetcher.mock.calls[0]![1]!.body as string)).toMatchObject({
      price: 9600,
      faceValue: 8000,
    });
  });

  it('leaves the face value out when it is empty, so the service takes the price', async () => {
    const fetcher = stubFetch(() => json(201, TICKET));
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Price'), '250');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(router.push).toHaveBeenCalled());
    expect(JSON.parse(fetcher.mock.calls[0]![1]!.body as string)).not.toHaveProperty('faceValue');
  });

  it('shows the service’s price_above_cap next to the price, in its words', async () => {
    stubFetch(() => problem(400, 'price_above_cap', { detail: 'The price can be at most $88.00' }));
    render(<TicketForm />);
    const user = userEvent.setup();

    await user.type(input('Title'), 'Jazz night');
    await user.type(input('Face value'), '80');
    await user.type(input('Price'), '90');
    await user.click(screen.getByRole('button', { name: 'List ticket' }));

    await waitFor(() => expect(fieldError('price')).toBe('The price can be at most $88.00.'));
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(router.push).not.toHaveBeenCalled();
  });

  it('goes back on cancel', async () => {
    render(<TicketForm />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel' }));

    expect(router.back).toHaveBeenCalledTimes(1);
  });
});

describe('TicketForm editing a listing', () => {
  it('starts from the listing as it is', () => {
    render(<TicketForm ticket={TICKET} />);

    expect(input('Title').value).toBe('Arctic Monkeys — floor');
    expect(input('Price').value).toBe('45.00');
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('USD');
    expect(input('Venue').value).toBe('O2 Arena');
    expect(input('Date and time').value).toBe('2030-06-01T20:00');
    expect((screen.getByLabelText('Description') as HTMLTextAreaElement).value).toBe('Row 4');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDefined();
  });

  it('offers a currency the listing has even when it is not in the usual list', () => {
    render(<TicketForm ticket={{ ...TICKET, currency: 'NOK', price: 9900 }} />);

    const options = [...(screen.getByLabelText('Currency') as HTMLSelectElement).options];
    expect(options.map((option) => option.value)).toStrictEqual([
      'NOK',
      'USD',
      'EUR',
      'GBP',
      'CAD',
      'AUD',
      'CHF',
      'JPY',
      'SEK',
    ]);
    expect(input('Price').value).toBe('99.00');
  });

  it('PUTs the changes with the version it was edited from', async () => {
    const fetcher = stubFetch(() => json(200, { ...TICKET, price: 5000, version: 4 }));
    render(<TicketForm ticket={TICKET} />);
    const user = userEvent.setup();

    await user.clear(input('Price'));
    await user.type(input('Price'), '50');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/t-1'));
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe('/api/tickets/t-1');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init!.body as string)).toStrictEqual({
      title: 'Arctic Monkeys — floor',
      price: 5000,
      currency: 'USD',
      venue: 'O2 Arena',
      description: 'Row 4',
      eventAt: TICKET.eventAt,
      version: 3,
    });
  });

  it('shows the fixed face value and holds the price to its cap', async () => {
    const fetcher = stubFetch();
    render(<TicketForm ticket={{ ...TICKET, price: 4000, faceValue: 4000 }} />);
    const user = userEvent.setup();

    expect(input('Face value').value).toBe('40.00');
    expect(input('Face value').readOnly).toBe(true);
    expect(screen.getByText('At most $48.00: up to 120 % of the $40.00 face value.')).toBeDefined();
    await user.clear(input('Price'));
    await user.type(input('Price'), '48.01');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(fieldError('price')).toBe('The price can be at most $48.00, 120 % of the face value.');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('lets only the price and description of a resale listing change, and sends the rest as it is', async () => {
    const resale: Ticket = {
      ...TICKET,
      id: 't-2',
      resoldFrom: 't-1',
      eventAt: '2030-06-01T19:00:30Z',
    };
    const fetcher = stubFetch(() => json(200, { ...resale, version: 4 }));
    render(<TicketForm ticket={resale} />);
    const user = userEvent.setup();

    expect(screen.getByTestId('resale-fixed').textContent).toBe(
      'This is a resale: only the price and the description can change.',
    );
    expect(input('Title').readOnly).toBe(true);
    expect(input('Venue').readOnly).toBe(true);
    expect(input('Date and time').readOnly).toBe(true);
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).disabled).toBe(true);
    await user.clear(input('Price'));
    await user.type(input('Price'), '50');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/tickets/t-2'));
    expect(JSON.parse(fetcher.mock.calls[0]![1]!.body as string)).toStrictEqual({
      title: 'Arctic Monkeys — floor',
      price: 5000,
      currency: 'USD',
      venue: 'O2 Arena',
      description: 'Row 4',
      eventAt: '2030-06-01T19:00:30Z',
      version: 3,
    });
  });

  it('says the listing changed meanwhile on a version conflict', async () => {
    stubFetch(() => problem(409, 'version_conflict'));
    render(<TicketForm ticket={TICKET} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));

    expect((await screen.findByTestId('form-error')).textContent).toBe(
      'The listing changed while you were editing it. Reload to see the latest version.',
    );
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveProperty('disabled', false);
    expect(router.push).not.toHaveBeenCalled();
  });
});
