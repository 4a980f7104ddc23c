import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Ticket } from '@/lib/api/types';

import { TicketCard } from './ticket-card';

afterEach(cleanup);

const TICKET: Ticket = {
  id: 't-1',
  title: 'Arctic Monkeys — floor',
  price: 9500,
  faceValue: 8000,
  currency: 'EUR',
  description: null,
  venue: 'O2 Arena',
  eventAt: null,
  sellerId: 'seller-1',
  resoldFrom: null,
  status: 'available',
  version: 0,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
};

describe('TicketCard', () => {
  it('shows the price and the face value, and no marks for a first listing on sale', () => {
    render(<TicketCard ticket={TICKET} />);

    const card = screen.getByTestId('ticket-card');
    expect(card.getAttribute('href')).toBe('/tickets/t-1');
    expect(card.querySelector('.price')?.textContent).toBe('€95.00');
    expect(screen.getByTestId('face-value').textContent).toBe('Face value €80.00');
    expect(screen.queryByTestId('resale-mark')).toBeNull();
    expect(screen.queryByTestId('status')).toBeNull();
  });

  it('marks a resale, beside the status of one no longer on sale', () => {
    render(<TicketCard ticket={{ ...TICKET, resoldFrom: 't-0', status: 'reserved' }} />);

    expect(screen.getByTestId('resale-mark').textContent).toBe('Resale');
    expect(screen.getByTestId('status').textContent).toBe('Reserved');
  });
});
