import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { AuthForm } from './auth-form';

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn(), back: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

async function fill(email: string, password: string) {
  const user = userEvent.setup();
  if (email) {
    await user.type(screen.getByLabelText('Email'), email);
  }
  if (password) {
    await user.type(screen.getByLabelText('Password'), password);
  }
  return user;
}

beforeEach(() => {
  vi.clearAllMocks();
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('AuthForm signing up', () => {
  it('shows what is wrong next to the fields without calling the service', async () => {
    const fetcher = stubFetch();
    render(<AuthForm mode="signup" next="/orders" />);

    const user = await fill('', 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(fieldError('email')).toBe('Enter your email address.');
    expect(fieldError('password')).toBe('Use at least 8 characters.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('email-error');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('refuses an email that is not one', async () => {
    const fetcher = stubFetch();
    render(<AuthForm mode="signup" next="/" />);

    const user = await fill('ada@example', 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(fieldError('email')).toBe('Enter a valid email address.');
    expect(fieldError('password')).toBeNull();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('signs up with the trimmed email, remembers the sign-in and goes to next', async () => {
    const fetcher = stubFetch(() => json(201, { id: 'u-1', email: 'ada@example.test' }));
    render(<AuthForm mode="signup" next="/orders/o-1" />);

    const user = await fill('  ada@example.test ', 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledTimes(1));
    expect(router.push).toHaveBeenCalledWith('/orders/o-1');
    expect(router.refresh).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/users/signup',
        {
          method: 'POST',
          body: '{"email":"ada@example.test","password":"correct horse"}',
          headers: JSON_HEADERS,
          credentials: 'same-origin',
        },
      ],
    ]);
    expect(localStorage.getItem('ticketing.signedIn')).toBe('1');
  });

  it('shows the service’s field errors next to the fields it names', async () => {
    stubFetch(() =>
      problem(400, 'validation_failed', {
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'password', message: 'size must be between 8 and 128' },
        ],
      }),
    );
    render(<AuthForm mode="signup" next="/" />);

    const user = await fill('ada@example.test', 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(fieldError('email')).toBe('Must be a well-formed email address.'));
    expect(fieldError('password')).toBe('Size must be between 8 and 128.');
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(router.push).not.toHaveBeenCalled();
  });

  it('shows an email already in use at the email field', async () => {
    stubFetch(() => problem(409, 'email_in_use', { detail: 'Email already registered.' }));
    render(<AuthForm mode="signup" next="/" />);

    const user = await fill('ada@example.test', 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() =>
      expect(fieldError('email')).toBe(
        'An account with this email already exists. Sign in instead?',
      ),
    );
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create account' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('links to signing in with the same next', () => {
    render(<AuthForm mode="signup" next="/orders/o-1" />);

    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/signin?next=%2Forders%2Fo-1',
    );
  });
});

describe('AuthForm signing in', () => {
  it('asks for email and password without calling the service', async () => {
    const fetcher = stubFetch();
    render(<AuthForm mode="signin" next="/" />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));

    expect(fieldError('email')).toBe('Enter your email address.');
    expect(fieldError('password')).toBe('Enter your password.');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('shows wrong credentials in the form alert, without trying to refresh a session', async () => {
    const fetcher = stubFetch(() => problem(401, 'invalid_credentials'));
    render(<AuthForm mode="signin" next="/" />);

    const user = await fill('ada@example.test', 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toBe('That email and password do not match an account.');
    expect(fieldError('email')).toBeNull();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(router.push).not.toHaveBeenCalled();
    expect(localStorage.getItem('ticketing.signedIn')).toBeNull();
  });

  it('says to wait after too many attempts', async () => {
    stubFetch(() => problem(429, 'too_many_attempts'));
    render(<AuthForm mode="signin" next="/" />);

    const user = await fill('ada@example.test', 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByTestId('form-error')).textContent).toBe(
      'Too many sign-in attempts. Wait a little and try again.',
    );
  });

  it('signs in and goes to next', async () => {
    const fetcher = stubFetch(() => json(200, { id: 'u-1', email: 'ada@example.test' }));
    render(<AuthForm mode="signin" next="/sell" />);

    const user = await fill('ada@example.test', 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/sell'));
    expect(fetcher.mock.calls[0]?.[0]).toBe('/api/users/signin');
    expect(fetcher.mock.calls[0]?.[1]?.body).toBe('{"email":"ada@example.test","password":"pw"}');
  });

  it('waits for the answer with the button disabled', async () => {
    let answer!: (response: Response) => void;
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => new Promise((resolve) => (answer = resolve))),
    );
    render(<AuthForm mode="signin" next="/" />);

    const user = await fill('ada@example.test', 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const button = screen.getByRole('button', { name: 'Please wait…' });
    expect(button).toHaveProperty('disabled', true);
    answer(problem(401, 'invalid_credentials'));
    await screen.findByTestId('form-error');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('clears the previous failure when submitting again', async () => {
    stubFetch(
      () => problem(401, 'invalid_credentials'),
      () => json(200, { id: 'u-1', email: 'ada@example.test' }),
    );
    render(<AuthForm mode="signin" next="/" />);

    const user = await fill('ada@example.test', 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByTestId('form-error');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/'));
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('links to signing up with the same next', () => {
    render(<AuthForm mode="signin" next="/sell" />);

    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe(
      '/signup?next=%2Fsell',
    );
  });
});
