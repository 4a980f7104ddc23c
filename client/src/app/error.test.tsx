import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import ErrorPage from './error';

afterEach(cleanup);

describe('the error page', () => {
  it('apologises with the reference of the failure and offers to try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reset = vi.fn();
    const failure = Object.assign(new Error('SELECT * FROM tickets failed'), { digest: '4021' });

    render(<ErrorPage error={failure} reset={reset} />);

    const page = screen.getByTestId('error-page');
    expect(screen.getByRole('heading').textContent).toBe('Something went wrong');
    expect(page.textContent).toContain('(Reference: 4021)');
    expect(page.textContent).not.toContain('SELECT');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(reset).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Browse tickets' }).getAttribute('href')).toBe('/');
    expect(console.error).toHaveBeenCalledWith(failure);
  });

  it('leaves the reference out when there is none', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    render(<ErrorPage error={new Error('boom')} reset={() => {}} />);

    expect(screen.getByTestId('error-page').textContent).not.toContain('Reference');
  });
});
