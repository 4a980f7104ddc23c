'use client';

import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';

import { api } from '@/lib/api/browser';
import type { CheckIn } from '@/lib/api/types';
import { normaliseCode, refusalOf, type Refusal } from '@/lib/door';
import { canScan } from '@/lib/scanning';

import { CameraScanner } from './camera-scanner';
import { Field } from './field';
import { Icon } from './icon';
import { LocalTime } from './local-time';

type Answer = { admitted: CheckIn } | { refused: Refusal };

const subscribe = () => () => {};

/**
 * Checking guests in: a code typed, pasted, read by a handheld scanner (which types it and
 * presses Enter) or by the camera, and the service's answer, big: green to admit, red not to.
 */
export function DoorCheckIn() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // Known only in the browser: the server renders the page as if it could not scan.
  const scannable = useSyncExternalStore(subscribe, canScan, () => false);

  async function check(text: string) {
    const presented = normaliseCode(text);
    if (presented === '') {
      setError('Enter or scan the code on the ticket.');
      return;
    }
    setError(undefined);
    setBusy(true);
    setAnswer(null);
    try {
      setAnswer({ admitted: await api.checkIn(presented) });
      setCode('');
    } catch (failure) {
      setAnswer({ refused: refusalOf(failure) });
    } finally {
      setBusy(false);
      // Ready for the next guest: a scanner's keystrokes replace what is there.
      field.current?.focus();
      field.current?.select();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void check(code);
  }

  return (
    <div className="door">
      <form className="form" onSubmit={submit} noValidate>
        <Field
          id="code"
          label="Ticket code"
          error={error}
          hint="Type or paste the code under the ticket’s QR code, or scan it."
        >
          <div className="door__entry">
            <input
              ref={field}
              id="code"
              name="code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? 'code-error' : undefined}
            />
            <button className="button" type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Check in'}
            </button>
          </div>
        </Field>
        {scannable ? (
          !scanning && (
            <button
              className="button button--secondary"
              type="button"
              onClick={() => {
                setAnswer(null);
                setScanning(true);
              }}
            >
              <Icon name="camera" /> Scan with the camera
            </button>
          )
        ) : (
          <p className="muted" style={{ margin: 0 }} data-testid="scanning-unavailable">
            Camera scanning is not available in this browser.
          </p>
        )}
      </form>

      {scanning && (
        <CameraScanner
          onCode={(scanned) => {
            setScanning(false);
            setCode(scanned);
            void check(scanned);
          }}
          onClose={() => setScanning(false)}
        />
      )}

      <div aria-live="polite">{answer && <Verdict answer={answer} />}</div>
    </div>
  );
}

function Verdict({ answer }: { answer: Answer }) {
  if ('admitted' in answer) {
    const { ticket, pass } = answer.admitted;
    return (
      <section className="verdict verdict--admitted" data-testid="check-in-admitted">
        <p className="verdict__word">
          <Icon name="check" />
          <span>Admitted</span>
        </p>
        <p className="verdict__what">{ticket.title}</p>
        {(ticket.venue || ticket.eventAt) && (
          <p>
            {ticket.venue}
            {ticket.venue && ticket.eventAt && ' · '}
            {ticket.eventAt && <LocalTime iso={ticket.eventAt} />}
          </p>
        )}
        <p className="verdict__small">
          Checked in on <LocalTime iso={pass.checkedInAt} />
        </p>
      </section>
    );
  }
  const { reason, detail, firstUsedAt, decided } = answer.refused;
  return (
    <section
      className={decided ? 'verdict verdict--refused' : 'verdict verdict--failed'}
      data-testid={decided ? 'check-in-refused' : 'check-in-failed'}
    >
      <p className="verdict__word">
        <Icon name="cross" />
        <span>{decided ? 'Not admitted' : 'Try again'}</span>
      </p>
      <p className="verdict__what" data-testid="check-in-reason">
        {reason}
      </p>
      {firstUsedAt && (
        <p data-testid="first-used">
          First used on <LocalTime iso={firstUsedAt} />.
        </p>
      )}
      <p className="verdict__small">{detail}</p>
    </section>
  );
}
