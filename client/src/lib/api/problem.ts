import type { FieldError } from './types';

/**
 * A refused or failed call: the RFC 9457 problem the service answered with, or one made up here
 * when no problem came back (the network failed, or something that is not a service answered).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];
  /** The problem's members beyond RFC 9457's and `code`/`errors`, e.g. `checkedInAt`. */
  readonly members: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail: string | null = null,
    errors: FieldError[] = [],
    members: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.members = members;
  }

  /** The message for one form field, if the service named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

/** Status 0: the request never got an answer. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError(
    0,
    'network_error',
    'No connection',
    'The request did not reach Ticketing. Check your connection and try again.',
  );
  error.cause = cause;
  return error;
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** RFC 9457's members and DESIGN's `code` and `errors`, which ApiError has fields for. */
const READ_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

/** Reads a failed response into an ApiError, whatever its body is. */
export async function problemOf(response: Response): Promise<ApiError> {
  const fallback = new ApiError(
    response.status,
    response.status >= 500 ? 'unexpected_response' : 'unexpected_status',
    response.statusText || `HTTP ${response.status}`,
    response.status >= 500 ? 'Something went wrong on our side. Please try again.' : null,
  );
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return fallback;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fallback;
  }
  if (typeof body !== 'object' || body === null) {
    return fallback;
  }
  const problem = body as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : fallback.code;
  const title = typeof problem.title === 'string' ? problem.title : fallback.title;
  const detail = typeof problem.detail === 'string' ? problem.detail : fallback.detail;
  const errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldError) : [];
  const members = Object.fromEntries(
    Object.entries(problem).filter(([name]) => !READ_MEMBERS.has(name)),
  );
  return new ApiError(response.status, code, title, detail, errors, members);
}
