// Protocole pluriprofessionnel (HAS 2015): the fields of its structured header.
import { z } from 'zod/mini';
import { professionSchema } from '../../domain/professions';

export const PROTOCOL_STATUSES = [
  'brouillon',
  'relecture',
  'valide_equipe',
  'soumis_cpam',
  'valide_cpam',
  'diffuse',
  'en_revision',
  'archive',
] as const;
export const protocolStatusSchema = z.enum(PROTOCOL_STATUSES, { error: 'errors.status' });
export type ProtocolStatus = z.infer<typeof protocolStatusSchema>;

/** A calendar day (YYYY-MM-DD) that exists: 2026-02-30 is refused. */
const isoDate = z.iso.date({ error: 'errors.date' });

export const protocolHeaderSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, 'errors.titleRequired'), z.maxLength(200, 'errors.titleTooLong')),
  theme: z.string().check(z.trim(), z.maxLength(120, 'errors.themeTooLong')),
  professions: z.array(professionSchema).check(z.maxLength(30)),
  status: protocolStatusSchema,
  version: z.string().check(z.trim(), z.maxLength(20)),
  reviewDate: z.nullable(isoDate),
});
export type ProtocolHeader = z.infer<typeof protocolHeaderSchema>;

/**
 * A change to the header: some or all of its fields, each validated as above — but not the status, which only the
 * workflow moves (with its checks and its log); an unknown field is refused, not ignored.
 */
export const protocolHeaderPatchSchema = z.partial(
  z.strictObject(z.omit(protocolHeaderSchema, { status: true }).shape),
);
export type ProtocolHeaderPatch = z.infer<typeof protocolHeaderPatchSchema>;

export const emptyProtocolHeader: ProtocolHeader = {
  title: '',
  theme: '',
  professions: [],
  status: 'brouillon',
  version: '0.1',
  reviewDate: null,
};
