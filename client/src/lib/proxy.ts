import type { Service } from './api/client';
import type { Upstreams } from './config';

/** DESIGN §2: a body over 64 KiB is refused with 413, here before it reaches a service. */
export const MAX_BODY_BYTES = 64 * 1024;

const TIMEOUT_MS = 30_000;

const SERVICES: ReadonlySet<string> = new Set<Service>(['users', 'tickets', 'orders', 'payments']);

// Hop-by-hop headers (RFC 9110 §7.6.1) and those fetch recomputes are never forwarded.
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'accept-encoding',
  'content-encoding',
  'set-cookie',
]);

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function problem(status: number, code: string, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

type Body = { bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true };

async function readBody(request: Request): Promise<Body> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    return { tooLarge: true };
  }
  if (!request.body) {
    return { bytes: new Uint8Array() };
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    length += value.byteLength;
    if (length > MAX_BODY_BYTES) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/**
 * Forwards `/api/<service>/**` to the service as the ingress does in Kubernetes: method, path,
 * query, headers, cookies and body go up; status, headers (every Set-Cookie) and body come back
 * untouched. What only the proxy can know is answered here as problem+json: no such service
 * (404), a body over 64 KiB (413), a service that cannot be reached (503) or does not answer
 * in time (504).
 */
export async function forward(
  request: Request,
  targets: Upstreams,
  fetcher: typeof fetch = fetch,
): Promise<Response> {
  const url = new URL(request.url);
  const service = url.pathname.split('/')[2] ?? '';
  if (!url.pathname.startsWith('/api/') || !SERVICES.has(service)) {
    return problem(404, 'not_found', 'Not Found', 'There is nothing at this address.');
  }

  let body: Uint8Array<ArrayBuffer> | undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const read = await readBody(request);
    if ('tooLarge' in read) {
      return problem(
        413,
        'payload_too_large',
        'Payload Too Large',
        `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
      );
    }
    body = read.bytes.byteLength > 0 ? read.bytes : undefined;
  }

  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) {
      headers.set(name, value);
    }
  });
  headers.set('accept-encoding', 'identity');
  headers.set('x-forwarded-host', request.headers.get('host') ?? url.host);
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''));

  const target = new URL(url.pathname + url.search, targets[service as Service]);
  let upstream: Response;
  try {
    upstream = await fetcher(target, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // AbortSignal.timeout rejects with a DOMException, which is not an Error in every runtime.
    const timedOut =
      typeof error === 'object' &&
      error !== null &&
      'name' in error &&
      error.name === 'TimeoutError';
    if (timedOut) {
      return problem(
        504,
        'upstream_timeout',
        'Gateway Timeout',
        `The ${service} service did not answer in time.`,
      );
    }
    const response = problem(
      503,
      'upstream_unavailable',
      'Service Unavailable',
      `The ${service} service cannot be reached right now. Please try again shortly.`,
    );
    response.headers.set('Retry-After', '5');
    return response;
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) {
      responseHeaders.set(name, value);
    }
  });
  for (const cookie of upstream.headers.getSetCookie()) {
    responseHeaders.append('set-cookie', cookie);
  }
  const nullBody = NULL_BODY_STATUSES.has(upstream.status) || request.method === 'HEAD';
  if (nullBody) {
    await upstream.body?.cancel();
  }
  return new Response(nullBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}
