import { describe, expect, it } from 'vitest';
import { fr } from './fr';
import { frenchSpaces, withFrenchSpaces } from './frenchSpacing';

const frFiles = import.meta.glob<Record<string, object>>('./fr/*.ts', { eager: true });

describe('French spaces', () => {
  it('keeps « : ; ? ! » and guillemets on the line of the word before them', () => {
    expect(frenchSpaces('Statut : « Tenue » ; et alors ? Oui !')).toBe(
      'Statut\u00a0: «\u00a0Tenue\u00a0»\u202f; et alors\u202f? Oui\u202f!',
    );
  });

  it('leaves addresses, times and placeholders alone', () => {
    expect(frenchSpaces('https://exemple.fr:8080 à 14:30, {{who}}')).toBe('https://exemple.fr:8080 à 14:30, {{who}}');
  });

  it('changes every French string of a bundle, nested, and nothing else', () => {
    const spaced = withFrenchSpaces({ a: 'Oui ?', b: { c: ['Non !', 'Ici'] }, n: 3 });
    expect(spaced).toEqual({ a: 'Oui\u202f?', b: { c: ['Non\u202f!', 'Ici'] }, n: 3 });
    const all = JSON.stringify(withFrenchSpaces(fr));
    expect(all).not.toMatch(/ [:;?!»]|« /);
    expect(Object.keys(withFrenchSpaces(fr))).toEqual(Object.keys(fr));
  });

  it('writes the apostrophe as French print does (’), in every screen’s strings', () => {
    const all = JSON.stringify(Object.values(frFiles));
    expect(all.length).toBeGreaterThan(50_000);
    expect(all.match(/\p{L}'\p{L}/gu) ?? []).toEqual([]);
  });
});
