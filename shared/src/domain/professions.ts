// Health professions (Code de la santé publique, part IV) and the other roles of a CPTS; labels live in the client's i18n.
import { z } from 'zod/mini';

export const PROFESSIONS = [
  'medecin_generaliste',
  'medecin_specialiste',
  'chirurgien_dentiste',
  'sage_femme',
  'pharmacien',
  'infirmier',
  'masseur_kinesitherapeute',
  'pedicure_podologue',
  'ergotherapeute',
  'psychomotricien',
  'orthophoniste',
  'orthoptiste',
  'dieteticien',
  'audioprothesiste',
  'opticien_lunetier',
  'manipulateur_radio',
  'technicien_laboratoire',
  'psychologue',
  'assistant_social',
  'coordinateur',
  'autre',
] as const;

export const professionSchema = z.enum(PROFESSIONS, { error: 'errors.profession' });
export type Profession = z.infer<typeof professionSchema>;
