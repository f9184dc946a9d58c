// Primary care has no legal quorum: each CPTS sets its own rule (e.g. ≥ 3 professions including ≥ 1 médecin) and the
// meeting screen shows whether the people present or expected meet it.
import { z } from 'zod/mini';
import type { Profession } from '../../domain/professions';

export const quorumRuleSchema = z.object({
  minProfessions: z.int().check(z.minimum(1), z.maximum(20)),
  minMedecins: z.int().check(z.minimum(0), z.maximum(20)),
});
export type QuorumRule = z.infer<typeof quorumRuleSchema>;
export const DEFAULT_QUORUM: QuorumRule = { minProfessions: 3, minMedecins: 1 };

const MEDECINS: ReadonlySet<Profession> = new Set(['medecin_generaliste', 'medecin_specialiste']);

export interface QuorumResult {
  holds: boolean;
  professions: number;
  medecins: number;
}

/** `present` is one profession per person present (or expected): distinct professions, and médecins by head. */
export function checkQuorum(present: readonly Profession[], rule: QuorumRule = DEFAULT_QUORUM): QuorumResult {
  const professions = new Set(present).size;
  const medecins = present.filter((p) => MEDECINS.has(p)).length;
  return { holds: professions >= rule.minProfessions && medecins >= rule.minMedecins, professions, medecins };
}
