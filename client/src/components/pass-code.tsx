'use client';

import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';

/**
 * A valid pass's code as a QR code, drawn in the page as SVG (no image is fetched; the code
 * never leaves the page), and as text to copy. Level M survives a scratched or glaring phone
 * screen and keeps a code of some 300 characters scannable at this size.
 */
export function PassCode({ code }: { code: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="pass-code">
      <QRCodeSVG
        className="pass-code__qr"
        value={code}
        size={232}
        level="M"
        marginSize={4}
        role="img"
        aria-label="QR code of this ticket’s pass"
        data-testid="pass-qr"
      />
      <p className="pass-code__hint">Show this at the door. It admits one person, once.</p>
      <code className="pass-code__text" data-testid="pass-code">
        {code}
      </code>
      <div className="pass-code__copy">
        <button className="button button--secondary button--small" type="button" onClick={copy}>
          Copy code
        </button>
        <span className="muted" role="status">
          {copied === true && 'Copied.'}
          {copied === false && 'Could not copy; select the code instead.'}
        </span>
      </div>
    </div>
  );
}
