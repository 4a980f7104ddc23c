import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { UnavailableNotice } from './unavailable-notice';

afterEach(cleanup);

describe('UnavailableNotice', () => {
  it('says what is missing and to try again, as a status', () => {
    render(<UnavailableNotice what="Tickets on sale" />);
    expect(screen.getByRole('status').textContent).toBe(
      'Tickets on sale can’t be shown right now: part of Ticketing is not answering. Please try again in a moment.',
    );
  });
});
