// The person using this device: a name and a profession, shown to colleagues with their cursor.
import { z } from 'zod/mini';
import { professionSchema } from '@maillage/shared';
import { db } from '../store/db';

export const profileSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'profile.nameRequired'), z.maxLength(80)),
  profession: professionSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export async function loadProfile(): Promise<Profile | null> {
  const row = await db.settings.get('profile');
  const parsed = profileSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveProfile(profile: Profile): Promise<void> {
  await db.settings.put({ key: 'profile', value: profileSchema.parse(profile) });
}
