import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { StatusBadge } from './status-badge';

afterEach(cleanup);

describe('StatusBadge', () => {
  it.each([
    ['available', 'Available'],
    ['reserved', 'Reserved'],
    ['sold', 'Sold'],
    ['withdrawn', 'Withdrawn'],
    ['created', 'Awaiting payment'],
    ['cancelled', 'Cancelled'],
    ['complete', 'Complete'],
    ['succeeded', 'Paid'],
    ['refunded', 'Refunded'],
    ['valid', 'Valid'],
    ['listed', 'Listed for resale'],
    ['used', 'Used'],
    ['void', 'Void'],
    ['pending', 'Pending'],
    ['paid', 'Paid'],
    ['failed', 'Failed'],
  ])('labels %s as "%s"', (status, label) => {
    render(<StatusBadge status={status} />);

    const badge = screen.getByTestId('status');
    expect(badge.textContent).toBe(label);
    expect(badge.className).toBe(`badge badge--${status}`);
  });

  it('shows a status it does not know as it is', () => {
    render(<StatusBadge status="on_hold" />);

    expect(screen.getByTestId('status').textContent).toBe('on_hold');
  });
});
