// The five ORSAN typologies a CPTS crisis plan answers, and who may recognise a crisis (DOMAIN.md §4). Shared by the
// plan's sheets and its activation, so both speak of the same five.
import { z } from 'zod/mini';

export const CRISIS_TYPOLOGIES = [
  'blesses',
  'malades_fragiles',
  'infectieux_emergent',
  'nrc',
  'offre_de_soins',
] as const;
/** DG ARS, préfet, ministre: a CPTS is never mobilised on its own say. */
export const CRISIS_AUTHORITIES = ['dg_ars', 'prefet', 'ministre'] as const;

export type CrisisTypology = (typeof CRISIS_TYPOLOGIES)[number];
export type CrisisAuthority = (typeof CRISIS_AUTHORITIES)[number];

export const crisisTypologySchema = z.enum(CRISIS_TYPOLOGIES, { error: 'errors.crisisTypology' });
export const crisisAuthoritySchema = z.enum(CRISIS_AUTHORITIES, { error: 'errors.crisisAuthority' });
