import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SiteHeader } from './site-header';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

afterEach(cleanup);

function links(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => `${link.textContent} ${link.getAttribute('href')}`);
}

describe('SiteHeader', () => {
  it('offers browsing and selling to a visitor, and signing in or up', () => {
    render(<SiteHeader user={null} />);

    expect(links()).toStrictEqual(['Browse /', 'Sell a ticket /sell']);
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/signin');
  });

  it('adds a signed-in visitor’s tickets, orders, listings and earnings', () => {
    render(<SiteHeader user={{ id: 'u-1', email: 'ada@example.test', roles: [] }} />);

    expect(links()).toStrictEqual([
      'Browse /',
      'Sell a ticket /sell',
      'My tickets /tickets/mine',
      'My orders /orders',
      'My listings /listings',
      'Earnings /earnings',
    ]);
    expect(screen.getByTestId('current-user').textContent).toBe('ada@example.test');
  });

  it('shows the door page only to an account with the door role', () => {
    render(<SiteHeader user={{ id: 'u-1', email: 'door@example.test', roles: ['door'] }} />);
    expect(links().at(-1)).toBe('Door /door');
    cleanup();

    render(<SiteHeader user={{ id: 'u-2', email: 'help@example.test', roles: ['support'] }} />);
    expect(links()).not.toContain('Door /door');
  });

  it('shows the support page only to an account with the support role', () => {
    render(<SiteHeader user={{ id: 'u-2', email: 'help@example.test', roles: ['support'] }} />);
    expect(links().at(-1)).toBe('Support /support');
    cleanup();

    render(<SiteHeader user={{ id: 'u-1', email: 'door@example.test', roles: ['door'] }} />);
    expect(links()).not.toContain('Support /support');
    cleanup();

    render(
      <SiteHeader user={{ id: 'u-3', email: 'both@example.test', roles: ['door', 'support'] }} />,
    );
    expect(links().slice(-3)).toStrictEqual([
      'Earnings /earnings',
      'Door /door',
      'Support /support',
    ]);
  });

  it('lets a long address wrap after its @ and nowhere it would not read', () => {
    render(
      <SiteHeader user={{ id: 'u-1', email: 'ada.lovelace@analytical.example', roles: [] }} />,
    );

    const email = screen.getByTestId('current-user');
    expect(email.textContent).toBe('ada.lovelace@analytical.example');
    expect(email.innerHTML).toBe('ada.lovelace@<wbr>analytical.example');
  });
});
