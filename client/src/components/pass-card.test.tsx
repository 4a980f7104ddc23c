import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { HeldTicket, Pass, Ticket } from '@/lib/api/types';

import { PassCard } from './pass-card';

afterEach(cleanup);

const TICKET: Ticket = {
  id: 't-1',
  title: 'Arctic Monkeys — floor',
  price: 9000,
  faceValue: 8000,
  currency: 'EUR',
  description: null,
  venue: 'O2 Arena',
  eventAt: '2030-06-01T19:00:00Z',
  sellerId: 'seller-1',
  resoldFrom: null,
  status: 'sold',
  version: 2,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
};

const CODE = 'eyJhbGciOiJFZERTQSJ9.eyJwaWQiOiJwLTEiLCJ0aWQiOiJ0LTEiLCJpYXQiOjE3OTM0NDk2MDB9.c2ln';

function held(pass: Partial<Pass>): HeldTicket {
  return {
    ticket: TICKET,
    pass: {
      id: 'p-1',
      ticketId: 't-1',
      holderId: 'u-1',
      status: 'valid',
      code: null,
      issuedAt: '2026-01-02T10:00:00Z',
      checkedInAt: null,
      ...pass,
    },
  };
}

function state(): string | null {
  return screen.getByTestId('pass-state').textContent;
}

describe('PassCard', () => {
  it('shows what the ticket is for, linking to its listing', () => {
    render(<PassCard held={held({ status: 'void' })} />);

    const card = screen.getByTestId('pass-card');
    expect(within(card).getByRole('link', { name: TICKET.title }).getAttribute('href')).toBe(
      '/tickets/t-1',
    );
    expect(card.textContent).toContain('O2 Arena');
    expect(card.querySelector('time')?.getAttribute('dateTime')).toBe('2030-06-01T19:00:00Z');
  });

  it('shows a valid pass’s QR code, its code as text, and offers to resell it', () => {
    render(<PassCard held={held({ status: 'valid', code: CODE })} />);

    expect(screen.getByTestId('status').textContent).toBe('Valid');
    expect(screen.getByTestId('pass-qr').tagName).toBe('svg');
    expect(screen.getByTestId('pass-code').textContent).toBe(CODE);
    expect(screen.getByRole('link', { name: 'Resell' }).getAttribute('href')).toBe(
      '/tickets/t-1/resell',
    );
    expect(screen.queryByTestId('pass-state')).toBeNull();
  });

  it('says a listed pass is for resale, with a link to the listing', () => {
    render(<PassCard held={held({ status: 'listed' })} resale={{ ...TICKET, id: 'r-1' }} />);

    expect(screen.getByTestId('status').textContent).toBe('Listed for resale');
    expect(state()).toBe(
      'Listed for resale. Its code admits no one while the listing is up; withdraw the listing to use the ticket yourself. View your resale listing',
    );
    expect(
      screen.getByRole('link', { name: 'View your resale listing' }).getAttribute('href'),
    ).toBe('/tickets/r-1');
    expect(screen.queryByTestId('pass-qr')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Resell' })).toBeNull();
  });

  it('links a listed pass to the holder’s listings when its listing was not found', () => {
    render(<PassCard held={held({ status: 'listed' })} />);

    expect(screen.getByRole('link', { name: 'See your listings' }).getAttribute('href')).toBe(
      '/listings',
    );
  });

  it('says when a used pass was used', () => {
    render(<PassCard held={held({ status: 'used', checkedInAt: '2030-06-01T18:42:00Z' })} />);

    expect(screen.getByTestId('status').textContent).toBe('Used');
    expect(state()).toMatch(/^Used at the door on .+2030.+\.$/);
    expect(screen.getByTestId('pass-state').querySelector('time')?.getAttribute('dateTime')).toBe(
      '2030-06-01T18:42:00Z',
    );
    expect(screen.queryByTestId('pass-qr')).toBeNull();
  });

  it('says a void pass no longer admits anyone, and offers nothing', () => {
    render(<PassCard held={held({ status: 'void' })} />);

    expect(screen.getByTestId('status').textContent).toBe('Void');
    expect(state()).toBe('This pass no longer admits anyone: the ticket was resold or refunded.');
    expect(screen.queryByTestId('pass-qr')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Resell' })).toBeNull();
  });
});
