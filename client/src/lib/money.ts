// Prices travel as integer minor units plus an ISO 4217 currency (DESIGN §2). They are turned
// into decimal strings digit by digit, never through floating point.

export const LOCALE = 'en-US';
export const MAX_PRICE = 100_000_000;

/** How many minor-unit digits a currency has: 2 for USD, 0 for JPY, 3 for KWD. */
export function fractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** `1250, 'USD'` → `"12.50"`. */
export function toDecimal(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) {
    return sign + text;
  }
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** `1250, 'USD'` → `"$12.50"`; `1250, 'EUR'` → `"€12.50"`; `1250, 'JPY'` → `"¥1,250"`. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  return format.format(toDecimal(minor, currency) as `${number}`);
}

/**
 * A balance that may be below zero, with a true minus sign so that it reads as owed and not as
 * a dash: `-1200, 'EUR'` → `"−€12.00"`; `0` and above as {@link formatMoney} writes them.
 */
export function formatBalance(minor: number, currency: string): string {
  return minor < 0 ? `\u2212${formatMoney(-minor, currency)}` : formatMoney(minor, currency);
}

export type ParsedPrice = { minor: number } | { error: string };

/**
 * What a seller types (`"12.5"`, `"1,250.00"`, `"80"`) → minor units, or why it is not a price.
 */
export function parsePrice(input: string, currency: string): ParsedPrice {
  const digits = fractionDigits(currency);
  const text = input.trim();
  if (text === '') {
    return { error: 'Enter a price.' };
  }
  // Commas only as thousands separators ("1,250.00"). "12,50" is a decimal comma, which would
  // otherwise be read as 1250: it is refused with a hint rather than taken at 100 times the price.
  if (/^\d+,\d{1,2}$/.test(text)) {
    return { error: 'Use a dot for the decimals, like 12.50.' };
  }
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    return { error: 'Enter a price as a number, like 45.00.' };
  }
  const whole = (match[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} has no minor units; enter a whole number.`
          : `Use at most ${digits} decimal places.`,
    };
  }
  if (whole.length > 12) {
    return { error: `The price can be at most ${formatMoney(MAX_PRICE, currency)}.` };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (minor < 1) {
    return { error: 'The price must be more than zero.' };
  }
  if (minor > MAX_PRICE) {
    return { error: `The price can be at most ${formatMoney(MAX_PRICE, currency)}.` };
  }
  return { minor };
}
