import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { rememberSignedIn, resetSessionRefresh, wasSignedIn } from '@/lib/session';
import { stubFetchAlways } from '@/testing/http';

import { SignInRequired } from './sign-in-required';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('SignInRequired', () => {
  it('offers signing in or up, coming back to next, to a visitor who never signed in', async () => {
    const fetcher = stubFetchAlways(200);

    render(<SignInRequired what="see your order" next="/orders/o-1" />);

    const panel = await screen.findByTestId('sign-in-required');
    expect(panel.querySelector('p')?.textContent).toBe('Sign in to see your order.');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/signin?next=%2Forders%2Fo-1',
    );
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe(
      '/signup?next=%2Forders%2Fo-1',
    );
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('renews the session of a visitor whose token ran out and renders the page again', async () => {
    rememberSignedIn(true);
    const fetcher = stubFetchAlways(200);

    render(<SignInRequired what="sell a ticket" next="/sell" />);

    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
    expect(fetcher.mock.calls).toStrictEqual([
      ['/api/users/refresh', { method: 'POST', credentials: 'same-origin' }],
    ]);
    expect(screen.getByText('Loading…')).toBeDefined();
    expect(screen.queryByTestId('sign-in-required')).toBeNull();
  });

  it('offers signing in when the session cannot be renewed', async () => {
    rememberSignedIn(true);
    stubFetchAlways(401);

    render(<SignInRequired what="sell a ticket" next="/sell" />);

    expect(await screen.findByTestId('sign-in-required')).toBeDefined();
    expect(router.refresh).not.toHaveBeenCalled();
    expect(wasSignedIn()).toBe(false);
  });
});
