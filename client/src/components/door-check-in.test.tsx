import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CheckIn } from '@/lib/api/types';
import { resetSessionRefresh } from '@/lib/session';
import { fieldError, json, problem, stubFetch } from '@/testing/http';

import { DoorCheckIn } from './door-check-in';

const CODE = 'eyJhbGciOiJFZERTQSJ9.eyJwaWQiOiJwLTEiLCJ0aWQiOiJ0LTEiLCJpYXQiOjE3OTM0NDk2MDB9.c2ln';

const ADMITTED: CheckIn = {
  pass: { id: 'p-1', status: 'used', checkedInAt: '2030-06-01T18:42:07Z' },
  ticket: {
    id: 't-1',
    title: 'Arctic Monkeys — floor',
    venue: 'O2 Arena',
    eventAt: '2030-06-01T19:00:00Z',
  },
};

function codeField(): HTMLInputElement {
  return screen.getByLabelText('Ticket code');
}

/** Pastes `text` into the field, as one does with a code, and presses Check in. */
async function checkIn(text: string) {
  const user = userEvent.setup();
  await user.clear(codeField());
  await user.click(codeField());
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Check in' }));
}

beforeEach(() => {
  resetSessionRefresh();
  localStorage.clear();
});

afterEach(cleanup);

describe('DoorCheckIn', () => {
  it('admits a valid code in big green, with the ticket’s title, venue and time', async () => {
    const fetcher = stubFetch(() => json(200, ADMITTED));
    render(<DoorCheckIn />);

    await checkIn(` ${CODE.slice(0, 20)}\n${CODE.slice(20)} `);

    const admitted = await screen.findByTestId('check-in-admitted');
    expect(admitted.className).toBe('verdict verdict--admitted');
    expect(admitted.querySelector('.verdict__word')?.textContent).toBe('Admitted');
    expect(admitted.querySelector('.verdict__what')?.textContent).toBe('Arctic Monkeys — floor');
    expect(admitted.textContent).toContain('O2 Arena · ');
    expect([...admitted.querySelectorAll('time')].map((t) => t.dateTime)).toStrictEqual([
      '2030-06-01T19:00:00Z',
      '2030-06-01T18:42:07Z',
    ]);
    expect(fetcher.mock.calls).toStrictEqual([
      [
        '/api/tickets/checkins',
        {
          method: 'POST',
          body: JSON.stringify({ code: CODE }),
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          credentials: 'same-origin',
        },
      ],
    ]);
    expect(codeField().value).toBe('');
    expect(document.activeElement).toBe(codeField());
  });

  it('admits a ticket without venue or time with its title alone', async () => {
    stubFetch(() =>
      json(200, { ...ADMITTED, ticket: { ...ADMITTED.ticket, venue: null, eventAt: null } }),
    );
    render(<DoorCheckIn />);

    await checkIn(CODE);

    const admitted = await screen.findByTestId('check-in-admitted');
    expect(admitted.querySelectorAll('p')).toHaveLength(3);
    expect(admitted.textContent).not.toContain('·');
  });

  it('asks for a code before asking the service', async () => {
    const fetcher = stubFetch();
    render(<DoorCheckIn />);

    await checkIn('   ');

    expect(fieldError('code')).toBe('Enter or scan the code on the ticket.');
    expect(fetcher).not.toHaveBeenCalled();
    expect(screen.queryByTestId('check-in-refused')).toBeNull();
  });

  it('refuses a code already checked in in big red, saying when it was first used', async () => {
    stubFetch(() => problem(409, 'already_checked_in', { checkedInAt: '2030-06-01T18:42:07Z' }));
    render(<DoorCheckIn />);

    await checkIn(CODE);

    const refused = await screen.findByTestId('check-in-refused');
    expect(refused.className).toBe('verdict verdict--refused');
    expect(refused.querySelector('.verdict__word')?.textContent).toBe('Not admitted');
    expect(screen.getByTestId('check-in-reason').textContent).toBe('Already checked in');
    expect(screen.getByTestId('first-used').textContent).toMatch(/^First used on .+2030.+\.$/);
    expect(screen.getByTestId('first-used').querySelector('time')?.dateTime).toBe(
      '2030-06-01T18:42:07Z',
    );
    // Kept, and selected, so the next scan replaces it.
    expect(codeField().value).toBe(CODE);
    expect(codeField().selectionStart).toBe(0);
    expect(codeField().selectionEnd).toBe(CODE.length);
  });

  it.each([
    [409, 'ticket_listed', 'Listed for resale'],
    [409, 'pass_void', 'No longer valid'],
    [400, 'code_invalid', 'Not a ticket code'],
    [403, 'forbidden', 'Door role needed'],
  ])('refuses a %i %s in red as “%s”', async (status, code, reason) => {
    stubFetch(() => problem(status, code));
    render(<DoorCheckIn />);

    await checkIn(CODE);

    expect((await screen.findByTestId('check-in-reason')).textContent).toBe(reason);
    expect(screen.getByTestId('check-in-refused').className).toBe('verdict verdict--refused');
    expect(screen.queryByTestId('first-used')).toBeNull();
  });

  it('says to try again, not red, when the service could not be reached', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    render(<DoorCheckIn />);

    await checkIn(CODE);

    const failed = await screen.findByTestId('check-in-failed');
    expect(failed.querySelector('.verdict__word')?.textContent).toBe('Try again');
    expect(failed.textContent).toContain(
      'We could not reach Ticketing. Check your connection and try again.',
    );
    expect(screen.queryByTestId('check-in-refused')).toBeNull();
  });

  it('replaces the last answer with the next', async () => {
    stubFetch(
      () => json(200, ADMITTED),
      () => problem(409, 'already_checked_in', { checkedInAt: ADMITTED.pass.checkedInAt }),
    );
    render(<DoorCheckIn />);

    await checkIn(CODE);
    await screen.findByTestId('check-in-admitted');
    await checkIn(CODE);

    await screen.findByTestId('check-in-refused');
    expect(screen.queryByTestId('check-in-admitted')).toBeNull();
  });
});

describe('DoorCheckIn scanning with the camera', () => {
  it('says scanning is not available where the browser has no BarcodeDetector', () => {
    render(<DoorCheckIn />);

    expect(screen.getByTestId('scanning-unavailable').textContent).toBe(
      'Camera scanning is not available in this browser.',
    );
    expect(screen.queryByRole('button', { name: /Scan/ })).toBeNull();
  });

  function stubCamera(detect: () => Promise<{ rawValue: string }[]>) {
    const track = { stop: vi.fn() };
    const getUserMedia = vi.fn(async () => ({ getTracks: () => [track] }));
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), {
        mediaDevices: { getUserMedia },
      }),
    );
    vi.stubGlobal(
      'BarcodeDetector',
      Object.assign(
        vi.fn(function BarcodeDetector(this: { detect: typeof detect }) {
          this.detect = detect;
        }),
        { getSupportedFormats: async () => ['code_128', 'qr_code'] },
      ),
    );
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue();
    return { getUserMedia, track };
  }

  it('reads a code with the back camera, stops the camera, and checks the code in', async () => {
    const { getUserMedia, track } = stubCamera(async () => [{ rawValue: CODE }]);
    const fetcher = stubFetch(() => json(200, ADMITTED));
    render(<DoorCheckIn />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Scan with the camera' }));

    await screen.findByTestId('check-in-admitted');
    expect(getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: 'environment' },
      audio: false,
    });
    expect(track.stop).toHaveBeenCalled();
    expect(screen.queryByTestId('scanner')).toBeNull();
    expect(JSON.parse(fetcher.mock.calls[0]![1]!.body as string)).toStrictEqual({ code: CODE });
  });

  it('says so when the camera cannot be opened, and closes', async () => {
    const { getUserMedia } = stubCamera(async () => []);
    getUserMedia.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    render(<DoorCheckIn />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Scan with the camera' }));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The camera could not be opened. Allow it for this site, or type the code.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('scanner')).toBeNull();
    expect(screen.getByRole('button', { name: 'Scan with the camera' })).toBeDefined();
  });
});
