import { describe, expect, it } from 'vitest';

import { ApiError, networkError, problemOf } from './problem';

function jsonResponse(status: number, body: string, type = 'application/problem+json'): Response {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

describe('ApiError', () => {
  it('carries status, code, title, detail and field errors, with the detail as its message', () => {
    const error = new ApiError(400, 'validation_failed', 'Bad Request', 'Check the form.', [
      { field: 'title', message: 'must not be blank' },
    ]);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe('Check the form.');
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('Bad Request');
    expect(error.detail).toBe('Check the form.');
    expect(error.errors).toStrictEqual([{ field: 'title', message: 'must not be blank' }]);
  });

  it('uses the title as its message when there is no detail', () => {
    const error = new ApiError(404, 'not_found', 'Not Found');

    expect(error.message).toBe('Not Found');
    expect(error.detail).toBeNull();
    expect(error.errors).toStrictEqual([]);
  });

  it('answers the message of a named field and nothing for a field it does not name', () => {
    const error = new ApiError(400, 'validation_failed', 'Bad Request', null, [
      { field: 'email', message: 'must be a well-formed email address' },
      { field: 'password', message: 'size must be between 8 and 128' },
    ]);

    expect(error.fieldError('password')).toBe('size must be between 8 and 128');
    expect(error.fieldError('email')).toBe('must be a well-formed email address');
    expect(error.fieldError('title')).toBeUndefined();
  });
});

describe('networkError', () => {
  it('is status 0 with code network_error and keeps what went wrong as its cause', () => {
    const cause = new TypeError('Failed to fetch');
    const error = networkError(cause);

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.title).toBe('No connection');
    expect(error.detail).toBe(
      'The request did not reach Ticketing. Check your connection and try again.',
    );
    expect(error.cause).toBe(cause);
  });
});

describe('problemOf', () => {
  it('reads a problem+json answer into status, code, title, detail and field errors', async () => {
    const error = await problemOf(
      jsonResponse(
        400,
        JSON.stringify({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'The request is not valid.',
          code: 'validation_failed',
          errors: [
            { field: 'title', message: 'must not be blank' },
            { field: 'price', message: 'must be greater than or equal to 1' },
          ],
        }),
      ),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('Bad Request');
    expect(error.detail).toBe('The request is not valid.');
    expect(error.errors).toStrictEqual([
      { field: 'title', message: 'must not be blank' },
      { field: 'price', message: 'must be greater than or equal to 1' },
    ]);
    expect(error.fieldError('price')).toBe('must be greater than or equal to 1');
  });

  it('reads a problem sent as plain application/json', async () => {
    const error = await problemOf(
      jsonResponse(
        409,
        JSON.stringify({ title: 'Conflict', code: 'email_in_use', detail: 'Taken.' }),
        'application/json; charset=utf-8',
      ),
    );

    expect(error.status).toBe(409);
    expect(error.code).toBe('email_in_use');
    expect(error.title).toBe('Conflict');
    expect(error.detail).toBe('Taken.');
  });

  it('keeps the members a problem has beyond the standard ones, like checkedInAt', async () => {
    const error = await problemOf(
      jsonResponse(
        409,
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'This pass was checked in already.',
          instance: '/api/tickets/checkins',
          code: 'already_checked_in',
          checkedInAt: '2026-11-25T19:02:11Z',
        }),
      ),
    );

    expect(error.members).toStrictEqual({ checkedInAt: '2026-11-25T19:02:11Z' });
  });

  it('has no members beyond the standard ones when the problem sends none', async () => {
    const error = await problemOf(
      jsonResponse(404, JSON.stringify({ title: 'Not Found', status: 404, code: 'not_found' })),
    );

    expect(error.members).toStrictEqual({});
    expect(new ApiError(0, 'network_error', 'No connection').members).toStrictEqual({});
  });

  it('drops field errors that are not {field, message} strings', async () => {
    const error = await problemOf(
      jsonResponse(
        400,
        JSON.stringify({
          code: 'validation_failed',
          title: 'Bad Request',
          errors: [
            { field: 'venue', message: 'size must be between 0 and 120' },
            { field: 7, message: 'numeric field' },
            { field: 'title' },
            'title is wrong',
            null,
          ],
        }),
      ),
    );

    expect(error.errors).toStrictEqual([
      { field: 'venue', message: 'size must be between 0 and 120' },
    ]);
  });

  it('ignores errors that are not a list', async () => {
    const error = await problemOf(
      jsonResponse(
        400,
        JSON.stringify({ code: 'validation_failed', errors: { title: 'must not be blank' } }),
      ),
    );

    expect(error.errors).toStrictEqual([]);
  });

  it('falls back to its own code and title for the parts a problem leaves out or mistypes', async () => {
    const error = await problemOf(
      jsonResponse(422, JSON.stringify({ code: 42, title: null, detail: 'Bad thing.' })),
    );

    expect(error.status).toBe(422);
    expect(error.code).toBe('unexpected_status');
    expect(error.title).toBe('HTTP 422');
    expect(error.detail).toBe('Bad thing.');
  });

  it('turns a non-JSON 5xx into unexpected_response with the status text and an apology', async () => {
    const error = await problemOf(
      new Response('<html>Bad Gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'Content-Type': 'text/html' },
      }),
    );

    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.title).toBe('Bad Gateway');
    expect(error.detail).toBe('Something went wrong on our side. Please try again.');
    expect(error.errors).toStrictEqual([]);
  });

  it('turns a non-JSON 4xx into unexpected_status without a detail', async () => {
    const error = await problemOf(
      new Response('no', { status: 418, headers: { 'Content-Type': 'text/plain' } }),
    );

    expect(error.status).toBe(418);
    expect(error.code).toBe('unexpected_status');
    expect(error.title).toBe('HTTP 418');
    expect(error.detail).toBeNull();
  });

  it('turns a 5xx without a body or content type into unexpected_response', async () => {
    const error = await problemOf(new Response(null, { status: 503 }));

    expect(error.status).toBe(503);
    expect(error.code).toBe('unexpected_response');
    expect(error.title).toBe('HTTP 503');
    expect(error.detail).toBe('Something went wrong on our side. Please try again.');
  });

  it('turns broken JSON into the fallback', async () => {
    const error = await problemOf(jsonResponse(500, '{"code": "internal_error", '));

    expect(error.status).toBe(500);
    expect(error.code).toBe('unexpected_response');
    expect(error.title).toBe('HTTP 500');
  });

  it.each([
    ['a string', '"internal_error"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('turns JSON that is %s into the fallback', async (_, body) => {
    const error = await problemOf(jsonResponse(400, body, 'application/json'));

    expect(error.status).toBe(400);
    expect(error.code).toBe('unexpected_status');
    expect(error.title).toBe('HTTP 400');
    expect(error.detail).toBeNull();
    expect(error.errors).toStrictEqual([]);
  });
});
