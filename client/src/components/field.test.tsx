import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { Field } from './field';

afterEach(cleanup);

describe('Field', () => {
  it('labels its control and shows the hint while there is no error', () => {
    const { container } = render(
      <Field id="venue" label="Venue" hint="Optional.">
        <input id="venue" />
      </Field>,
    );

    expect(screen.getByLabelText('Venue').id).toBe('venue');
    expect(container.querySelector('.field__hint')?.textContent).toBe('Optional.');
    expect(container.firstElementChild?.className).toBe('field');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error instead of the hint, as an alert the control can point to', () => {
    const { container } = render(
      <Field id="price" label="Price" hint="In dollars." error="Enter a price.">
        <input id="price" />
      </Field>,
    );

    const error = screen.getByRole('alert');
    expect(error.textContent).toBe('Enter a price.');
    expect(error.id).toBe('price-error');
    expect(container.querySelector('.field__hint')).toBeNull();
    expect(container.firstElementChild?.className).toBe('field field--invalid');
  });
});
