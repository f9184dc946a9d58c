// The catalogue: which documents a workspace holds (kind, title, status, group) — never a patient's identity.
import { z } from 'zod/mini';
import { docKindSchema } from '../meta';
import { professionSchema } from '../../domain/professions';
import { idSchema, memberIdSchema } from '../../sync/ids';
import { crisisTypologySchema } from '../crisisPlan/typologies';

export const workspaceNameSchema = z
  .string()
  .check(z.trim(), z.minLength(2, 'errors.workspaceNameRequired'), z.maxLength(120, 'errors.workspaceNameTooLong'));

/** The CPTS's territory: the communes it covers, each once (typed as the members write them). */
export const territorySchema = z
  .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(80, 'errors.communeTooLong')))
  .check(
    z.maxLength(300, 'errors.territoryTooLarge'),
    z.refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'errors.territoryDuplicate'),
  );

/** "Brive-la-Gaillarde, Tulle; Ussel" or one per line: what people paste from a spreadsheet or a letter. */
export function parseTerritory(text: string): string[] {
  const seen = new Set<string>();
  const communes: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const commune = part.trim();
    if (commune && !seen.has(commune.toLowerCase())) {
      seen.add(commune.toLowerCase());
      communes.push(commune);
    }
  }
  return communes;
}

export const catalogueEntrySchema = z.object({
  kind: docKindSchema,
  title: z.string().check(z.maxLength(200)),
  status: z.string().check(z.maxLength(40)),
  groupId: z.nullable(z.string().check(z.maxLength(64))),
  /** ISO timestamps (UTC). */
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Set when the document was moved to the bin; clearing it restores the document. */
  deletedAt: z.nullable(z.iso.datetime()),
  /** Protocols: what the catalogue filters on without opening them. */
  theme: z.string().check(z.maxLength(120)),
  professions: z.array(professionSchema).check(z.maxLength(30)),
  reviewDate: z.nullable(z.iso.date()),
  /** Restricted documents (patient cases): the member ids of their care team, so the list shows them to it alone.
   * Member ids are random; the relay, not this list, is what keeps others out. */
  restrictedTo: z.optional(z.array(memberIdSchema).check(z.maxLength(200))),
  /** Who created the document: a protocol outside any working group is led by its creator. Absent on old entries. */
  createdBy: z.optional(memberIdSchema),
  /** Concertations: when the meeting is held (a Paris day and wall-clock time), so lists sort without opening them. */
  meetingDate: z.optional(z.iso.date()),
  meetingStart: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  /** Concertations: a « concertation courte » (recorded from a coordination file), so lists label it unopened. */
  meetingFormat: z.optional(z.enum(['courte'])),
  /** Concertations planned by « Préparer la prochaine » (or « Reporter les dossiers »): the meeting they came from, so
   * that meeting offers to open this one rather than plan another. */
  preparedFrom: z.optional(idSchema),
  /** Crisis activations: the typology, so every device's banner names it without opening the activation. */
  crisisTypology: z.optional(crisisTypologySchema),
  /** Crisis activations: an exercise (counted apart), and what the ACI counts, kept in step by the cell's devices. */
  crisisExercise: z.optional(z.boolean()),
  crisisMobilised: z.optional(z.number().check(z.int(), z.minimum(0))),
  crisisActionsDone: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueItem = CatalogueEntry & { docId: string };

/** Whether a member's catalogue lists an entry: open documents to everyone, restricted ones to their team. */
export const listedFor = (item: Pick<CatalogueEntry, 'restrictedTo'>, memberId: string): boolean =>
  !item.restrictedTo || item.restrictedTo.includes(memberId);
