// The annuaire: one entry per member, written by that member — how colleagues find and reach each other.
import { z } from 'zod/mini';
import { professionSchema } from '../../domain/professions';
import { crisisTypologySchema } from '../crisisPlan/typologies';

const text = (max: number, message = 'errors.tooLong') => z.string().check(z.trim(), z.maxLength(max, message));
const optionalText = (max: number) => z._default(text(max), '');

/** RPPS (11 digits) or ADELI (9 characters, 2A/2B for Corsica): the national identifiers of health professionals. */
export const professionalIdSchema = z
  .string()
  .check(z.trim(), z.regex(/^$|^\d{11}$|^(?:\d{2}|2[AB])\d{7}$/, 'errors.professionalId'));

/** French numbers, as typed ("01.23.45.67.89", "+33 1 23 45 67 89"), stored as "01 23 45 67 89". */
export const frenchPhoneSchema = z.pipe(
  z.string().check(z.trim()),
  z.transform((raw: string, ctx) => {
    const digits = raw
      .replace(/[\s.\-()]/g, '')
      .replace(/^\+33/, '0')
      .replace(/^0033/, '0');
    if (raw === '') return '';
    if (/^0[1-9]\d{8}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
    ctx.issues.push({ code: 'custom', message: 'errors.phone', input: raw });
    return z.NEVER;
  }),
);

/** Secure health messaging (MSSanté) addresses live under mssante.fr. */
export const mssanteSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(/^$|^[a-z0-9._%+-]+@([a-z0-9-]+\.)*mssante\.fr$/, 'errors.mssante'));

/**
 * What a member offers in a crisis, said on their own « Ma fiche »: whether they volunteer, for which typologies,
 * their skills and when they can be reached. Absent on entries written before crisis plans (read as not volunteering).
 */
export const crisisOfferSchema = z.object({
  volunteer: z.boolean(),
  typologies: z._default(z.array(crisisTypologySchema).check(z.maxLength(5)), []),
  skills: z._default(z.array(text(60)).check(z.maxLength(20, 'errors.tooMany')), []),
  availability: optionalText(300),
});
export type CrisisOffer = z.infer<typeof crisisOfferSchema>;

export const directoryEntrySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(2, 'errors.nameRequired'), z.maxLength(80, 'errors.tooLong')),
  profession: professionSchema,
  professionalId: z._default(professionalIdSchema, ''),
  practiceName: optionalText(120),
  address: optionalText(200),
  commune: optionalText(80),
  phone: z._default(frenchPhoneSchema, ''),
  mssante: z._default(mssanteSchema, ''),
  skills: z._default(z.array(text(60)).check(z.maxLength(20, 'errors.tooMany')), []),
  languages: z._default(z.array(text(40)).check(z.maxLength(10, 'errors.tooMany')), []),
  /** GPs only: whether they take new patients as médecin traitant, and when they last said so. */
  acceptsNewPatients: z._default(z.nullable(z.boolean()), null),
  acceptsNewPatientsSince: z._default(z.nullable(z.iso.date()), null),
  crisis: z._default(z.nullable(crisisOfferSchema), null),
  updatedAt: z.iso.datetime(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type DirectoryInput = z.input<typeof directoryEntrySchema>;
export type DirectoryMember = DirectoryEntry & { memberId: string };
