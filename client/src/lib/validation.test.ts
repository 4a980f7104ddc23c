import { describe, expect, it } from 'vitest';

import {
  validatePaymentId,
  validatePayoutAccount,
  validateRefundReason,
  validateResale,
  validateSignin,
  validateSignup,
  validateTicket,
  type TicketForm,
} from './validation';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function form(overrides: Partial<TicketForm> = {}): TicketForm {
  return {
    title: 'Arctic Monkeys — floor',
    price: '45.00',
    faceValue: '',
    currency: 'USD',
    venue: '',
    eventAt: '',
    description: '',
    ...overrides,
  };
}

describe('validateSignup', () => {
  it('accepts an email and a password of 8 to 128 characters', () => {
    expect(validateSignup('ada@example.test', 'x'.repeat(8))).toStrictEqual({});
    expect(validateSignup('  ada@example.test  ', 'x'.repeat(128))).toStrictEqual({});
  });

  it('asks for the email and a longer password when both are missing', () => {
    expect(validateSignup('   ', '')).toStrictEqual({
      email: 'Enter your email address.',
      password: 'Use at least 8 characters.',
    });
  });

  it.each([
    'ada',
    'ada@',
    '@example.test',
    'ada@example',
    'a da@example.test',
    'ada@@example.test',
  ])('refuses the email %j', (email) => {
    expect(validateSignup(email, 'correct horse')).toStrictEqual({
      email: 'Enter a valid email address.',
    });
  });

  it('accepts an email of 254 characters and refuses one of 255', () => {
    const domain = '@example.test';
    expect(validateSignup('a'.repeat(254 - domain.length) + domain, 'correct horse')).toStrictEqual(
      {},
    );
    expect(validateSignup('a'.repeat(255 - domain.length) + domain, 'correct horse')).toStrictEqual(
      { email: 'Enter a valid email address.' },
    );
  });

  it('refuses a password of 7 or 129 characters', () => {
    expect(validateSignup('ada@example.test', 'x'.repeat(7))).toStrictEqual({
      password: 'Use at least 8 characters.',
    });
    expect(validateSignup('ada@example.test', 'x'.repeat(129))).toStrictEqual({
      password: 'Use at most 128 characters.',
    });
  });
});

describe('validateSignin', () => {
  it('only asks that email and password are given', () => {
    expect(validateSignin('ada@example.test', 'short')).toStrictEqual({});
    expect(validateSignin(' ', '')).toStrictEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });

  it('does not judge the shape of the email, the service answers for that', () => {
    expect(validateSignin('ada', 'pw')).toStrictEqual({});
  });
});

describe('validateTicket', () => {
  it('turns a filled-in form into the request body, trimmed, with the price in minor units', () => {
    const eventAt = '2030-06-01T20:00';

    expect(
      validateTicket(
        form({
          title: '  Arctic Monkeys — floor  ',
          price: '1,250.5',
          currency: ' eur ',
          venue: ' O2 Arena ',
          eventAt,
          description: '  Row 4, seat 12  ',
        }),
        NOW,
      ),
    ).toStrictEqual({
      input: {
        title: 'Arctic Monkeys — floor',
        price: 125_050,
        currency: 'EUR',
        venue: 'O2 Arena',
        description: 'Row 4, seat 12',
        eventAt: new Date(eventAt).toISOString(),
      },
    });
  });

  it('sends null for empty optional fields', () => {
    expect(
      validateTicket(form({ venue: '   ', description: '\n', eventAt: ' ' }), NOW),
    ).toStrictEqual({
      input: {
        title: 'Arctic Monkeys — floor',
        price: 4500,
        currency: 'USD',
        venue: null,
        description: null,
        eventAt: null,
      },
    });
  });

  it('reads the price in the chosen currency’s minor units', () => {
    const result = validateTicket(form({ price: '1250', currency: 'JPY' }), NOW);

    expect(result).toStrictEqual({
      input: expect.objectContaining({ price: 1250, currency: 'JPY' }),
    });
  });

  it('names every wrong field with the API’s field names', () => {
    expect(
      validateTicket(
        {
          title: ' ',
          price: 'free',
          faceValue: '',
          currency: 'USD',
          venue: 'v'.repeat(121),
          eventAt: '2020-01-01T10:00',
          description: 'd'.repeat(2001),
        },
        NOW,
      ),
    ).toStrictEqual({
      errors: {
        title: 'Give the listing a title.',
        price: 'Enter a price as a number, like 45.00.',
        venue: 'Keep the venue to 120 characters.',
        eventAt: 'The event must be in the future.',
        description: 'Keep the description to 2000 characters.',
      },
    });
  });

  it('accepts a title of 120 characters and refuses one of 121', () => {
    expect(validateTicket(form({ title: ` ${'t'.repeat(120)} ` }), NOW)).toHaveProperty('input');
    expect(validateTicket(form({ title: 't'.repeat(121) }), NOW)).toStrictEqual({
      errors: { title: 'Keep the title to 120 characters.' },
    });
  });

  it('accepts a venue of 120 and a description of 2000 characters', () => {
    const result = validateTicket(
      form({ venue: 'v'.repeat(120), description: 'd'.repeat(2000) }),
      NOW,
    );

    expect(result).toStrictEqual({
      input: expect.objectContaining({ venue: 'v'.repeat(120), description: 'd'.repeat(2000) }),
    });
  });

  it.each(['US', 'EURO', '12$', ''])(
    'refuses the currency %j and does not judge the price in it',
    (currency) => {
      expect(validateTicket(form({ currency, price: 'nonsense' }), NOW)).toStrictEqual({
        errors: { currency: 'Use a three-letter currency code, like USD.' },
      });
    },
  );

  it('refuses a price with more decimals than the currency has', () => {
    expect(validateTicket(form({ price: '12.5', currency: 'JPY' }), NOW)).toStrictEqual({
      errors: { price: 'JPY has no minor units; enter a whole number.' },
    });
  });

  it('refuses a price of zero and one over the maximum', () => {
    expect(validateTicket(form({ price: '0' }), NOW)).toStrictEqual({
      errors: { price: 'The price must be more than zero.' },
    });
    expect(validateTicket(form({ price: '1000000.01' }), NOW)).toStrictEqual({
      errors: { price: 'The price can be at most $1,000,000.00.' },
    });
  });

  it('refuses an event that is not after now', () => {
    const eventAt = '2030-06-01T20:00';
    const at = Date.parse(new Date(eventAt).toISOString());

    expect(validateTicket(form({ eventAt }), at)).toStrictEqual({
      errors: { eventAt: 'The event must be in the future.' },
    });
    expect(validateTicket(form({ eventAt }), at - 1)).toStrictEqual({
      input: expect.objectContaining({ eventAt: new Date(eventAt).toISOString() }),
    });
  });

  it.each(['tomorrow', '2030-06-01', '2030-13-01T20:00', '01/06/2030 20:00'])(
    'asks for a date and time instead of %j',
    (eventAt) => {
      expect(validateTicket(form({ eventAt }), NOW)).toStrictEqual({
        errors: { eventAt: 'Enter a date and time.' },
      });
    },
  );
});

describe('validateTicket with a face value', () => {
  it('sends the face value when one is given, and leaves it out when not', () => {
    expect(validateTicket(form({ price: '50', faceValue: ' 45.00 ' }), NOW)).toStrictEqual({
      input: expect.objectContaining({ price: 5000, faceValue: 4500 }),
    });
    const without = validateTicket(form({ faceValue: '  ' }), NOW);
    expect(without).toHaveProperty('input');
    expect('input' in without && 'faceValue' in without.input).toBe(false);
  });

  it('accepts a price of 120 % of the face value and refuses one minor unit more', () => {
    expect(validateTicket(form({ price: '54.00', faceValue: '45.00' }), NOW)).toHaveProperty(
      'input',
    );
    expect(validateTicket(form({ price: '54.01', faceValue: '45.00' }), NOW)).toStrictEqual({
      errors: { price: 'The price can be at most $54.00, 120 % of the face value.' },
    });
  });

  it('says what is wrong with the face value in words of its own', () => {
    expect(validateTicket(form({ faceValue: 'a lot' }), NOW)).toStrictEqual({
      errors: { faceValue: 'Enter the face value as a number, like 45.00.' },
    });
    expect(validateTicket(form({ faceValue: '0' }), NOW)).toStrictEqual({
      errors: { faceValue: 'The face value must be more than zero.' },
    });
    expect(validateTicket(form({ faceValue: '12.5', currency: 'JPY', price: '10' }), NOW)).toEqual({
      errors: { faceValue: 'JPY has no minor units; enter a whole number.' },
    });
  });

  it('checks an edit against the listing’s fixed face value, and neither reads nor sends the form’s', () => {
    expect(validateTicket(form({ price: '54.01', faceValue: '999' }), NOW, 4500)).toStrictEqual({
      errors: { price: 'The price can be at most $54.00, 120 % of the face value.' },
    });
    const result = validateTicket(form({ price: '54.00', faceValue: 'nonsense' }), NOW, 4500);
    expect(result).toHaveProperty('input');
    expect('input' in result && 'faceValue' in result.input).toBe(false);
  });
});

describe('validateResale', () => {
  it('turns the form into {price} in minor units, with the description only when there is one', () => {
    expect(validateResale({ price: '95', description: '  ' }, 'EUR', 8000)).toStrictEqual({
      input: { price: 9500 },
    });
    expect(validateResale({ price: '95', description: ' Row F ' }, 'EUR', 8000)).toStrictEqual({
      input: { price: 9500, description: 'Row F' },
    });
  });

  it('accepts the cap exactly and refuses a minor unit above it', () => {
    expect(validateResale({ price: '96.00', description: '' }, 'EUR', 8000)).toStrictEqual({
      input: { price: 9600 },
    });
    expect(validateResale({ price: '96.01', description: '' }, 'EUR', 8000)).toStrictEqual({
      errors: { price: 'The price can be at most €96.00, 120 % of the face value.' },
    });
  });

  it('says what is wrong with the price and the description', () => {
    expect(validateResale({ price: '', description: 'd'.repeat(2001) }, 'USD', 100)).toStrictEqual({
      errors: {
        price: 'Enter a price.',
        description: 'Keep the description to 2000 characters.',
      },
    });
  });
});

describe('validatePayoutAccount', () => {
  it.each([
    ['simulated', 'my-bank-account-1234', 'my-bank-account-1234'],
    ['simulated', '  DE89370400440532013000 ', 'DE89370400440532013000'],
    ['simulated', '!~', '!~'],
    ['simulated', 'x'.repeat(255), 'x'.repeat(255)],
    ['stripe', 'acct_1Nv0FGQ9RKHgIo2C', 'acct_1Nv0FGQ9RKHgIo2C'],
    ['stripe', ' acct_1 ', 'acct_1'],
  ])('takes a %s account with reference "%s"', (method, reference, sent) => {
    expect(validatePayoutAccount({ method, reference })).toStrictEqual({
      input: { method, reference: sent },
    });
  });

  it.each([
    ['simulated', '', 'Enter where to pay you.'],
    ['simulated', '   ', 'Enter where to pay you.'],
    ['stripe', '', 'Enter your Stripe account id.'],
    ['simulated', 'x'.repeat(256), 'Keep the reference to 255 characters.'],
    ['simulated', 'my bank', 'Use letters, digits and symbols only, without spaces.'],
    ['simulated', 'konto-müller', 'Use letters, digits and symbols only, without spaces.'],
    ['simulated', 'tab\there', 'Use letters, digits and symbols only, without spaces.'],
    ['stripe', 'acct_', 'A Stripe account id is acct_ followed by letters and digits.'],
    ['stripe', 'ACCT_123', 'A Stripe account id is acct_ followed by letters and digits.'],
    ['stripe', 'acct_12-3', 'A Stripe account id is acct_ followed by letters and digits.'],
    ['stripe', 'ba_1Nv0FG', 'A Stripe account id is acct_ followed by letters and digits.'],
    [
      'stripe',
      `acct_${'a'.repeat(65)}`,
      'A Stripe account id is acct_ followed by letters and digits.',
    ],
  ])('refuses a %s account with reference "%s": %s', (method, reference, error) => {
    expect(validatePayoutAccount({ method, reference })).toStrictEqual({
      errors: { reference: error },
    });
  });

  it('refuses a method other than simulated and stripe', () => {
    expect(validatePayoutAccount({ method: 'paypal', reference: 'me@example.test' })).toStrictEqual(
      { errors: { method: 'Choose how you want to be paid.' } },
    );
    expect(validatePayoutAccount({ method: '', reference: '' })).toStrictEqual({
      errors: { method: 'Choose how you want to be paid.', reference: 'Enter where to pay you.' },
    });
  });
});

describe('validateRefundReason', () => {
  it('takes a reason of 1 to 500 characters, trimmed', () => {
    expect(validateRefundReason('  Event cancelled by the venue \n')).toStrictEqual({
      reason: 'Event cancelled by the venue',
    });
    expect(validateRefundReason('x')).toStrictEqual({ reason: 'x' });
    expect(validateRefundReason(` ${'x'.repeat(500)} `)).toStrictEqual({ reason: 'x'.repeat(500) });
  });

  it.each([
    ['', 'Say why this payment is refunded.'],
    [' \n\t ', 'Say why this payment is refunded.'],
    ['x'.repeat(501), 'Keep the reason to 500 characters.'],
  ])('refuses the reason "%s": %s', (text, error) => {
    expect(validateRefundReason(text)).toStrictEqual({ error });
  });
});

describe('validatePaymentId', () => {
  it.each([
    ['7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a', '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a'],
    ['  7D5F2F5E-0C1A-4B8E-9F00-2A6C1D3E4F5A\n', '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a'],
    ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'],
  ])('reads "%s" as the payment id %s', (text, id) => {
    expect(validatePaymentId(text)).toStrictEqual({ id });
  });

  it('asks for an id when there is none', () => {
    expect(validatePaymentId('  ')).toStrictEqual({ error: 'Enter the payment’s id.' });
  });

  it.each([
    '7d5f2f5e0c1a4b8e9f002a6c1d3e4f5a',
    '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5',
    '7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a0',
    '7d5f2f5g-0c1a-4b8e-9f00-2a6c1d3e4f5a',
    '1-1-1-1-1',
    '{7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a}',
    '7d5f2f5e-0c1a-4b8e-9f00-2a6c 1d3e4f5a',
    '../7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a',
  ])('refuses "%s", which is not a payment id', (text) => {
    expect(validatePaymentId(text)).toStrictEqual({
      error: 'A payment id is 36 characters, like 7d5f2f5e-0c1a-4b8e-9f00-2a6c1d3e4f5a.',
    });
  });
});
