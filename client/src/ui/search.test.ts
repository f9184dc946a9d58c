import { describe, expect, it } from 'vitest';
import { matches, normalize } from './search';

describe('search', () => {
  it('ignores accents and case', () => {
    expect(normalize('Événement Indésirable')).toBe('evenement indesirable');
    // Typed on a keyboard, the apostrophe finds the one French text writes.
    expect(matches('Manipulateur·rice d’électroradiologie', "d'electro")).toBe(true);
    expect(matches("Sortie d'hospitalisation", 'd’hospitalisation')).toBe(true);
    expect(normalize('l’annuaire')).toHaveLength('l’annuaire'.length);
    expect(matches('Diabète gestationnel', 'DIABETE')).toBe(true);
  });
  it('needs every word', () => {
    expect(matches('Plaies chroniques à domicile', 'plaies domicile')).toBe(true);
    expect(matches('Plaies chroniques', 'plaies escarres')).toBe(false);
  });
});
