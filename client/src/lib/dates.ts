import { LOCALE } from './money';

const EVENT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** An instant as people read it, in the given time zone (the visitor's, once in the browser). */
export function formatInstant(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { ...EVENT_FORMAT, timeZone }).format(new Date(iso));
}

/** `datetime-local` input value (the visitor's local time) → ISO instant. */
export function localInputToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO instant → `datetime-local` input value in the visitor's local time. */
export function instantToLocalInput(iso: string | null): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
