import { describe, expect, it } from 'vitest';

import { shownReference } from './payouts';

describe('shownReference', () => {
  it('cuts a long masked part to 8 dots, keeping what is shown', () => {
    expect(shownReference(`${'•'.repeat(251)}1234`)).toBe('••••••••1234');
    expect(shownReference(`${'•'.repeat(9)}Io2C`)).toBe('••••••••Io2C');
  });

  it('leaves a masked part of 8 dots or fewer as it is', () => {
    expect(shownReference('••••••••4321')).toBe('••••••••4321');
    expect(shownReference('••5678')).toBe('••5678');
    expect(shownReference('1234')).toBe('1234');
  });

  it('leaves dots that are part of what is shown alone', () => {
    expect(shownReference('••••••••••a•••')).toBe('••••••••a•••');
  });
});
