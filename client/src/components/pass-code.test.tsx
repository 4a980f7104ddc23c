import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PassCode } from './pass-code';

afterEach(cleanup);

// A pass code as tickets-service signs one: a compact JWS, some 300 characters.
const CODE =
  'eyJhbGciOiJFZERTQSIsImtpZCI6InBhc3MtMjAyNi0wMSJ9.' +
  'eyJwaWQiOiI3ZDVmMmY1ZS0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJ0aWQiOiI3ZDVmMmY1ZS0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDIiLCJpYXQiOjE3OTM0NDk2MDB9.' +
  'c2lnbmF0dXJlLW9mLTY0LWJ5dGVzLXNpZ25hdHVyZS1vZi02NC1ieXRlcy1zaWduYXR1cmUtb2YtNjQtYnl0ZXMtIQ';

function qr(): SVGSVGElement {
  return screen.getByRole('img', {
    name: 'QR code of this ticket’s pass',
  }) as unknown as SVGSVGElement;
}

/** The modules drawn dark, as the path the library draws them with. */
function modules(): string {
  return qr().querySelectorAll('path')[1]!.getAttribute('d')!;
}

describe('PassCode', () => {
  it('draws the code as an SVG QR code in the page, with its quiet zone', () => {
    render(<PassCode code={CODE} />);

    const svg = qr();
    expect(svg.tagName).toBe('svg');
    expect(svg.querySelector('image')).toBeNull();
    // A QR code of version v is 17 + 4v modules wide, plus 4 modules of margin on each side.
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const version = (width - 8 - 17) / 4;
    expect(Number.isInteger(version) && version >= 1 && version <= 40).toBe(true);
    expect(modules().length).toBeGreaterThan(1000);
  });

  it('draws another code differently and the same code alike', () => {
    const { unmount } = render(<PassCode code={CODE} />);
    const first = modules();
    unmount();
    render(<PassCode code={CODE} />);
    const again = modules();
    cleanup();
    render(<PassCode code={`${CODE.slice(0, -2)}xx`} />);

    expect(again).toBe(first);
    expect(modules()).not.toBe(first);
  });

  it('shows the code as text and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<PassCode code={CODE} />);

    expect(screen.getByTestId('pass-code').textContent).toBe(CODE);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));

    expect(writeText).toHaveBeenCalledWith(CODE);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied.'));
  });

  it('says to select the code when the browser will not copy it', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<PassCode code={CODE} />);

    await user.click(screen.getByRole('button', { name: 'Copy code' }));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not copy; select the code instead.',
      ),
    );
  });
});
