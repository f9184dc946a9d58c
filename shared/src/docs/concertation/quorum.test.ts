import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROFESSIONS } from '../../domain/professions';
import { checkQuorum, DEFAULT_QUORUM } from './quorum';

describe('quorum', () => {
  it('needs three professions including a médecin by default', () => {
    expect(checkQuorum(['medecin_generaliste', 'infirmier', 'pharmacien']).holds).toBe(true);
    expect(checkQuorum(['infirmier', 'pharmacien', 'masseur_kinesitherapeute']).holds).toBe(false);
    expect(checkQuorum(['medecin_generaliste', 'medecin_generaliste', 'infirmier'])).toEqual({
      holds: false,
      professions: 2,
      medecins: 2,
    });
    expect(checkQuorum(['infirmier', 'pharmacien'], { minProfessions: 2, minMedecins: 0 }).holds).toBe(true);
  });

  it('never loses the quorum when someone more is present', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PROFESSIONS), { maxLength: 12 }),
        fc.constantFrom(...PROFESSIONS),
        (present, extra) => {
          const before = checkQuorum(present, DEFAULT_QUORUM).holds;
          return !before || checkQuorum([...present, extra], DEFAULT_QUORUM).holds;
        },
      ),
    );
  });
});
