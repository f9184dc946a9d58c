// Plan de gestion des tensions et des situations sanitaires exceptionnelles (national template, DOMAIN.md §4): the
// structured parts of a CPTS crisis plan. Its free-text sections (territory, risks, articulation…) are rich text.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { crisisAuthoritySchema, crisisTypologySchema } from './typologies';

export const CRISIS_PLAN_STATUSES = ['brouillon', 'transmis', 'valide', 'actif', 'archive'] as const;
export const crisisPlanStatusSchema = z.enum(CRISIS_PLAN_STATUSES, { error: 'errors.status' });
export type CrisisPlanStatus = z.infer<typeof crisisPlanStatusSchema>;

/**
 * A change to part of an object: its fields as given, each checked, none filled in by its default (a patch that
 * names the main place must not reset the référents); an unknown field is refused.
 */
function patchOf<T extends object>(shape: z.core.$ZodShape): z.ZodMiniType<Partial<T>> {
  const bare = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      field instanceof z.ZodMiniDefault ? (field._zod.def.innerType as z.ZodMiniType) : field,
    ]),
  );
  return z.partial(z.strictObject(bare)) as unknown as z.ZodMiniType<Partial<T>>;
}

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'errors.tooLong'));
const optionalText = (max: number) => z._default(text(max), '');

export const crisisPlanTitleSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'errors.titleRequired'), z.maxLength(200, 'errors.titleTooLong'));

/** Gouvernance: the two SSE référents (members of the annuaire), where the cell meets, how it talks. */
export const governanceSchema = z.object({
  referentTitulaire: z._default(z.nullable(memberIdSchema), null),
  referentSuppleant: z._default(z.nullable(memberIdSchema), null),
  mainPlace: optionalText(200),
  fallbackPlace: optionalText(200),
  videoLink: optionalText(300),
  communication: optionalText(1000),
});
export type Governance = z.infer<typeof governanceSchema>;
export const governancePatchSchema = patchOf<Governance>(governanceSchema.shape);
export type GovernancePatch = Partial<Governance>;

/** La chaîne d'alerte: who may trigger, by which channel, the on-call number, the cascade and its delays. */
export const alertChainSchema = z.object({
  issuers: z._default(z.array(crisisAuthoritySchema).check(z.maxLength(3)), []),
  channel: optionalText(300),
  onCallNumber: optionalText(30),
  cascade: optionalText(1000),
  acknowledgement: optionalText(500),
  /** Minutes after which, too few having answered « disponible », the alert goes on to the next group. */
  escalationMinutes: z._default(
    z.nullable(
      z
        .number()
        .check(
          z.int('errors.escalationMinutes'),
          z.minimum(5, 'errors.escalationMinutes'),
          z.maximum(1440, 'errors.escalationMinutes'),
        ),
    ),
    null,
  ),
});
export type AlertChain = z.infer<typeof alertChainSchema>;
export const alertChainPatchSchema = patchOf<AlertChain>(alertChainSchema.shape);
export type AlertChainPatch = Partial<AlertChain>;

/** A member of the crisis cell: often a partner (SDIS, Centre 15, mairie, ES, ARS), so a name, not a member id. */
export const cellMemberSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(2, 'errors.nameRequired'), z.maxLength(80, 'errors.tooLong')),
  organisation: optionalText(120),
  role: z.string().check(z.trim(), z.minLength(1, 'errors.roleRequired'), z.maxLength(120, 'errors.tooLong')),
  phone: optionalText(30),
});
export type CellMember = z.infer<typeof cellMemberSchema>;

/** A place the CPTS can use in a crisis, how many it holds, and for which typologies. */
export const crisisPlaceSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(2, 'errors.nameRequired'), z.maxLength(120, 'errors.tooLong')),
  address: optionalText(200),
  capacity: z._default(
    z.nullable(
      z.number().check(z.int('errors.capacity'), z.minimum(1, 'errors.capacity'), z.maximum(100000, 'errors.capacity')),
    ),
    null,
  ),
  typologies: z._default(z.array(crisisTypologySchema).check(z.maxLength(5)), []),
});
export type CrisisPlace = z.infer<typeof crisisPlaceSchema>;

/** The text fields of a typology sheet (its actions are rows of their own). */
export const SHEET_FIELDS = [
  'triggers',
  'objectives',
  'resources',
  'messagesProfessionals',
  'messagesPopulation',
  'hospitalLink',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];
export const sheetPatchSchema = z.partial(
  z.strictObject(
    Object.fromEntries(SHEET_FIELDS.map((f) => [f, text(2000)])) as Record<SheetField, ReturnType<typeof text>>,
  ),
);
export type SheetPatch = z.infer<typeof sheetPatchSchema>;
export type TypologySheet = Record<SheetField, string>;

/** An action of a sheet: what, who, when (« H+1 », « J+2 »…). */
export const sheetActionSchema = z.object({
  what: z.string().check(z.trim(), z.minLength(1, 'errors.actionRequired'), z.maxLength(300, 'errors.tooLong')),
  who: optionalText(120),
  when: optionalText(60),
});
export type SheetAction = z.infer<typeof sheetActionSchema>;

/** The dated yearly update: the day it was made and what changed, in the plan's own words. */
export const yearlyUpdateInputSchema = z.object({
  date: z.iso.date({ error: 'errors.date' }),
  summary: z
    .string()
    .check(z.trim(), z.minLength(1, 'errors.updateSummaryRequired'), z.maxLength(2000, 'errors.tooLong')),
});
export type YearlyUpdateInput = z.input<typeof yearlyUpdateInputSchema>;
