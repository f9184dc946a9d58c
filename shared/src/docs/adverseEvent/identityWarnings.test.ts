import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityWarnings } from './identityWarnings';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const annuaire = ['Dr Denis Lefèvre', 'Élodie Marchand', 'Farid Benali'];
const kinds = (text: string) => identityWarnings(text, annuaire, NOW).map((w) => w.kind);

describe('identityWarnings', () => {
  it('finds a colleague by name, whatever the case and accents', () => {
    expect(identityWarnings('Appel au Dr LEFEVRE sans réponse', annuaire, NOW)).toEqual([
      { kind: 'memberName', found: 'Dr Denis Lefèvre' },
    ]);
    expect(kinds('vu avec elodie')).toEqual(['memberName']);
  });

  it('finds a date of birth, a phone number, an INS/NIR', () => {
    expect(kinds('patiente née le 12/03/1941')).toEqual(['birthDate']);
    expect(kinds('DDN 3.4.52')).toEqual(['birthDate']);
    expect(kinds('fille joignable au 06 12 34 56 78')).toEqual(['phone']);
    expect(kinds('rappeler +33 6 12 34 56 78')).toEqual(['phone']);
    expect(kinds('NIR 2 41 03 75 112 005 42')).toEqual(['nir']);
    expect(kinds('INS 141032A112005')).toEqual(['nir']);
  });

  it('leaves a factual text alone: the event day, doses, times', () => {
    expect(kinds('Le 04/12/2026 à 08h30, pilulier : 2 cp de 500 mg au lieu de 1. Titre 12345.')).toEqual([]);
    expect(kinds('')).toEqual([]);
  });

  const filler = fc.constantFrom('pilulier', 'dose', 'erreur', 'le', 'matin', 'retard', 'ordonnance', 'à', 'de');
  const sentence = fc.array(filler, { maxLength: 8 }).map((w) => w.join(' '));
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const sep = fc.constantFrom(' ', '.', '-', '');

  it('property: a French phone number anywhere in a sentence is flagged', () => {
    fc.assert(
      fc.property(sentence, sentence, fc.integer({ min: 1, max: 9 }), digits(8), sep, (a, b, first, rest, s) => {
        const phone = `0${first}${s}${rest.match(/../g)!.join(s)}`;
        expect(kinds(`${a} ${phone} ${b}`)).toContain('phone');
      }),
    );
  });

  it('property: a NIR-shaped number anywhere in a sentence is flagged', () => {
    const nir = fc
      .tuple(fc.constantFrom('1', '2'), digits(2), fc.integer({ min: 1, max: 12 }), digits(2), digits(6), digits(2))
      .map(
        ([sex, year, month, dept, rest, key]) => `${sex}${year}${String(month).padStart(2, '0')}${dept}${rest}${key}`,
      );
    fc.assert(
      fc.property(sentence, sentence, nir, (a, b, n) => {
        expect(kinds(`${a} ${n} ${b}`)).toContain('nir');
      }),
    );
  });

  it('property: a colleague named in any case is flagged; a sentence of plain words never is', () => {
    const name = fc.constantFrom('Marchand', 'BENALI', 'lefevre', 'Lefèvre');
    fc.assert(
      fc.property(sentence, sentence, name, (a, b, n) => {
        expect(kinds(`${a} ${n} ${b}`)).toContain('memberName');
      }),
    );
    fc.assert(
      fc.property(sentence, (a) => {
        expect(kinds(a)).toEqual([]);
      }),
    );
  });
});
