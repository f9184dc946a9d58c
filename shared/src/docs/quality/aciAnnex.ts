// The ACI contract's annex, entered once by a coordinator: missions → actions → indicators, each indicator with its
// three thresholds (socle, intermédiaire, objectif, in that order) and its amount. Kept in the governance document,
// which every member reads and the relay never restricts (decision 0036); only coordinators change it.
import { z } from 'zod/mini';
import type * as Y from 'yjs';
import { validate, type Validated } from '../validation';

export const ACI_LEVELS = ['socle', 'intermediaire', 'objectif'] as const;
export type AciLevel = (typeof ACI_LEVELS)[number];

/** What Maillage counts itself from the documents on the device; `manuel` is entered by hand with its source. */
export const ACI_MEASURES = [
  'manuel',
  'concertations_cr',
  'cas_discutes',
  'protocoles_diffuses',
  'evenements_analyses',
] as const;
export type AciMeasure = (typeof ACI_MEASURES)[number];

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,40}$/, 'errors.invalid'));
const labelSchema = z
  .string({ error: 'errors.aciLabelRequired' })
  .check(z.trim(), z.minLength(1, 'errors.aciLabelRequired'), z.maxLength(300, 'errors.tooLong'));
const amountSchema = z
  .number({ error: 'errors.aciAmount' })
  .check(
    z.refine(Number.isFinite, 'errors.aciAmount'),
    z.minimum(0, 'errors.aciAmount'),
    z.maximum(1e7, 'errors.aciAmount'),
  );
const thresholdSchema = z
  .number({ error: 'errors.aciThreshold' })
  .check(z.refine(Number.isFinite, 'errors.aciThreshold'), z.minimum(0, 'errors.aciThreshold'));

export const aciIndicatorSchema = z
  .object({
    id: idSchema,
    label: labelSchema,
    measure: z.enum(ACI_MEASURES, { error: 'errors.aciMeasure' }),
    socle: thresholdSchema,
    intermediaire: thresholdSchema,
    objectif: thresholdSchema,
    amount: amountSchema,
  })
  .check(
    z.refine((i) => i.socle <= i.intermediaire && i.intermediaire <= i.objectif && i.socle < i.objectif, {
      message: 'errors.aciThresholdOrder',
      path: ['intermediaire'],
    }),
  );

export const aciActionSchema = z.object({
  id: idSchema,
  label: labelSchema,
  indicators: z
    .array(aciIndicatorSchema)
    .check(z.minLength(1, 'errors.aciNoIndicator'), z.maxLength(30, 'errors.tooMany')),
});

export const aciMissionSchema = z.object({
  id: idSchema,
  label: labelSchema,
  actions: z.array(aciActionSchema).check(z.minLength(1, 'errors.aciNoAction'), z.maxLength(30, 'errors.tooMany')),
});

export const aciAnnexSchema = z.array(aciMissionSchema).check(
  z.minLength(1, 'errors.aciNoMission'),
  z.maxLength(20, 'errors.tooMany'),
  z.refine((missions) => {
    const ids = missions.flatMap((m) => [m.id, ...m.actions.flatMap((a) => [a.id, ...a.indicators.map((i) => i.id)])]);
    return new Set(ids).size === ids.length;
  }, 'errors.invalid'),
);

export type AciIndicator = z.infer<typeof aciIndicatorSchema>;
export type AciAction = z.infer<typeof aciActionSchema>;
export type AciMission = z.infer<typeof aciMissionSchema>;
export type AciAnnex = z.infer<typeof aciAnnexSchema>;

/** A value entered by hand for a year, with where it comes from (a register, an attestation, a count kept elsewhere). */
export const aciManualValueSchema = z.object({
  value: z
    .number({ error: 'errors.aciValue' })
    .check(
      z.refine(Number.isFinite, 'errors.aciValue'),
      z.minimum(0, 'errors.aciValue'),
      z.maximum(1e9, 'errors.aciValue'),
    ),
  source: z
    .string({ error: 'errors.aciSourceRequired' })
    .check(z.trim(), z.minLength(1, 'errors.aciSourceRequired'), z.maxLength(300, 'errors.tooLong')),
});
export type AciManualValue = z.infer<typeof aciManualValueSchema>;

type Role = 'coordinator' | 'member' | 'observer';
const refuse = (field: string, message: string) => ({ ok: false as const, errors: [{ field, message }] });

const annexMap = (doc: Y.Doc) => doc.getMap<unknown>('aciAnnex');
const valuesMap = (doc: Y.Doc) => doc.getMap<unknown>('aciIndicatorValues');
const valueKey = (year: number, indicatorId: string) => `${year}:${indicatorId}`;

export function readAciAnnex(governance: Y.Doc): AciAnnex | null {
  const parsed = aciAnnexSchema.safeParse(annexMap(governance).get('missions'));
  return parsed.success ? parsed.data : null;
}

/** The whole annex at once: a bad mission, action or indicator refuses it all and nothing is written. */
export function setAciAnnex(governance: Y.Doc, input: unknown, actorRole: Role): Validated<AciAnnex> {
  if (actorRole !== 'coordinator') return refuse('annex', 'errors.aciCoordinatorOnly');
  const result = validate(aciAnnexSchema, input);
  if (!result.ok) return result;
  annexMap(governance).set('missions', result.value);
  return result;
}

export function readAciManualValue(governance: Y.Doc, year: number, indicatorId: string): AciManualValue | null {
  const parsed = aciManualValueSchema.safeParse(valuesMap(governance).get(valueKey(year, indicatorId)));
  return parsed.success ? parsed.data : null;
}

/** A hand-entered value of a year; refused for an indicator Maillage computes itself, or one not in the annex. */
export function setAciManualValue(
  governance: Y.Doc,
  year: number,
  indicatorId: string,
  input: unknown,
  actorRole: Role,
): Validated<AciManualValue> {
  if (actorRole !== 'coordinator') return refuse('value', 'errors.aciCoordinatorOnly');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return refuse('year', 'errors.invalid');
  const indicator = readAciAnnex(governance)
    ?.flatMap((m) => m.actions.flatMap((a) => a.indicators))
    .find((i) => i.id === indicatorId);
  if (!indicator || indicator.measure !== 'manuel') return refuse('value', 'errors.aciComputed');
  const result = validate(aciManualValueSchema, input);
  if (!result.ok) return result;
  valuesMap(governance).set(valueKey(year, indicatorId), result.value);
  return result;
}

export function observeAci(governance: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  annexMap(governance).observe(handler);
  valuesMap(governance).observe(handler);
  return () => {
    annexMap(governance).unobserve(handler);
    valuesMap(governance).unobserve(handler);
  };
}
