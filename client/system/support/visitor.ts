import { CookieJar } from 'tough-cookie';

import { BASE_URL, PASSWORD, uniqueEmail } from './env';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON, or null when there is none. */
  body: T;
}

/** The problem+json shape of DESIGN §2. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
}

export interface RequestOptions {
  json?: unknown;
  /** A raw body, sent as given (for malformed and oversized bodies). */
  body?: string;
  headers?: Record<string, string>;
  /** Off for requests that must reach the service exactly as sent. */
  refreshOn401?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Someone using the system through its single origin, with a browser's cookie jar: cookies are
 * kept per path and dropped when they expire, and unsafe requests carry the `Origin` a browser
 * sends. Like the storefront, a visitor whose access token ran out renews it through
 * `/api/users/refresh` and repeats the call.
 */
export class Visitor {
  readonly jar = new CookieJar();
  email = '';
  id = '';

  /** A new account, signed in. */
  static async signUp(role = 'user'): Promise<Visitor> {
    const visitor = new Visitor();
    const email = uniqueEmail(role);
    const answer = await visitor.post<{ id: string; email: string }>('/api/users/signup', {
      json: { email, password: PASSWORD },
    });
    if (answer.status !== 201) {
      throw new Error(
        `signup of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    visitor.email = answer.body.email;
    visitor.id = answer.body.id;
    return visitor;
  }

  get<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, options);
  }

  post<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('POST', path, options);
  }

  put<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('PUT', path, options);
  }

  delete<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('DELETE', path, options);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    const answer = await this.send<T>(method, path, options);
    const refreshable = (options.refreshOn401 ?? true) && !path.startsWith('/api/users');
    if (answer.status === 401 && refreshable && (await this.refresh()).status === 200) {
      return this.send<T>(method, path, options);
    }
    return answer;
  }

  /** `POST /api/users/refresh` with the refresh cookie, keeping the new cookies. */
  refresh() {
    return this.send<unknown>('POST', '/api/users/refresh', {});
  }

  async cookie(name: string): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(`${BASE_URL}/api/users/`);
    return cookies.find((cookie) => cookie.key === name)?.value;
  }

  private async send<T>(method: string, path: string, options: RequestOptions): Promise<Answer<T>> {
    const url = `${BASE_URL}${path}`;
    const headers = new Headers(options.headers);
    const cookies = await this.jar.getCookieString(url);
    if (cookies && !headers.has('cookie')) {
      headers.set('cookie', cookies);
    }
    if (UNSAFE.has(method) && !headers.has('origin')) {
      headers.set('origin', BASE_URL);
    }
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('content-type')) {
        headers.set('content-type', 'application/json');
      }
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      await this.jar.setCookie(cookie, url);
    }
    const text = await response.text();
    let parsed: unknown = text === '' ? null : text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}
