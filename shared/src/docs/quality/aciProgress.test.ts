import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ACI_LEVELS, readAciAnnex, setAciAnnex, type AciIndicator } from './aciAnnex';
import { levelReached } from './aciProgress';
import { annex } from './testing';

const indicator = (socle: number, intermediaire: number, objectif: number): AciIndicator => ({
  id: 'ind-prop',
  label: 'Indicateur',
  measure: 'manuel',
  socle,
  intermediaire,
  objectif,
  amount: 100,
});

describe('ACI thresholds, for any numbers', () => {
  it('are accepted exactly when in order, and nothing is written otherwise', () => {
    const threshold = fc.integer({ min: -5, max: 50 });
    fc.assert(
      fc.property(threshold, threshold, threshold, (socle, intermediaire, objectif) => {
        const governance = new Y.Doc();
        const candidate = [
          {
            ...annex[0]!,
            actions: [{ ...annex[0]!.actions[0]!, indicators: [indicator(socle, intermediaire, objectif)] }],
          },
        ];
        const inOrder = socle >= 0 && socle <= intermediaire && intermediaire <= objectif && socle < objectif;
        expect(setAciAnnex(governance, candidate, 'coordinator').ok).toBe(inOrder);
        expect(readAciAnnex(governance) !== null).toBe(inOrder);
      }),
    );
  });

  it('place a value at the highest threshold it reaches, below the next one', () => {
    const ordered = fc
      .tuple(fc.nat(100), fc.nat(100), fc.integer({ min: 1, max: 100 }))
      .map(([a, b, c]) => [a, a + b, a + b + c] as const);
    fc.assert(
      fc.property(ordered, fc.nat(400), ([socle, intermediaire, objectif], value) => {
        const ind = indicator(socle, intermediaire, objectif);
        const reached = levelReached(ind, value);
        if (reached === null) expect(value).toBeLessThan(socle);
        else {
          expect(value).toBeGreaterThanOrEqual(ind[reached]);
          const next = ACI_LEVELS[ACI_LEVELS.indexOf(reached) + 1];
          if (next) expect(value).toBeLessThan(ind[next]);
        }
      }),
    );
  });
});
