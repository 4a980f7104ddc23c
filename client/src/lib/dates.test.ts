import { describe, expect, it } from 'vitest';

import { formatInstant, instantToLocalInput, localInputToInstant } from './dates';

describe('formatInstant', () => {
  it('writes an instant as people read it in the given time zone', () => {
    expect(formatInstant('2026-11-25T10:15:30Z', 'UTC')).toBe('Wed, Nov 25, 2026, 10:15 AM UTC');
    expect(formatInstant('2026-11-25T10:15:30Z', 'Asia/Tokyo')).toBe(
      'Wed, Nov 25, 2026, 7:15 PM GMT+9',
    );
  });
});

describe('localInputToInstant', () => {
  it('reads a datetime-local value as local time', () => {
    expect(localInputToInstant('2030-06-01T20:00')).toBe(new Date(2030, 5, 1, 20, 0).toISOString());
    expect(localInputToInstant('2030-06-01T20:00:30')).toBe(
      new Date(2030, 5, 1, 20, 0, 30).toISOString(),
    );
  });

  it.each(['', '2030-06-01', '2030-06-01 20:00', '2030-06-01T20:00Z', '2030-13-01T20:00'])(
    'answers null for %j',
    (value) => {
      expect(localInputToInstant(value)).toBeNull();
    },
  );
});

describe('instantToLocalInput', () => {
  it('writes an instant as a datetime-local value in local time', () => {
    expect(instantToLocalInput(new Date(2030, 0, 2, 3, 4).toISOString())).toBe('2030-01-02T03:04');
  });

  it('round-trips with localInputToInstant', () => {
    const instant = localInputToInstant('2030-06-01T20:05');

    expect(instantToLocalInput(instant)).toBe('2030-06-01T20:05');
  });

  it('is empty for no instant', () => {
    expect(instantToLocalInput(null)).toBe('');
    expect(instantToLocalInput('')).toBe('');
  });
});
