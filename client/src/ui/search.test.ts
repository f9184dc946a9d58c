import { describe, expect, it } from 'vitest';
import { matches, normalize } from './search';

describe('search', () => {
  it('ignores accents and case', () => {
    expect(normalize('Événement Indésirable')).toBe('evenement indesirable');
    expect(matches('Diabète gestationnel', 'DIABETE')).toBe(true);
  });
  it('needs every word', () => {
    expect(matches('Plaies chroniques à domicile', 'plaies domicile')).toBe(true);
    expect(matches('Plaies chroniques', 'plaies escarres')).toBe(false);
  });
});
