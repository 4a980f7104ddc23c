/**
 * A `next` parameter as a path on this site, so sign-in can never send a visitor elsewhere
 * (`//evil.example`, `https://…`, `/\evil.example` are all refused).
 */
export function safeNext(value: string | string[] | undefined, fallback = '/'): string {
  const text = Array.isArray(value) ? value[0] : value;
  if (
    !text ||
    !text.startsWith('/') ||
    text.startsWith('//') ||
    text.startsWith('/\\') ||
    // URL parsers drop tabs and line breaks, so `/\t/evil.example` would become `//evil.example`.
    /[\t\n\r]/.test(text)
  ) {
    return fallback;
  }
  return text;
}

/** A query parameter that must be one value. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A non-negative page number from the query, 0 when it is missing or nonsense. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = single(value);
  if (!text || !/^\d{1,6}$/.test(text)) {
    return 0;
  }
  return Number(text);
}
