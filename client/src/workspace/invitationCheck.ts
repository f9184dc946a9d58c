// Asks the server whether an invitation still holds (not withdrawn, not expired) before anyone types anything.
import { accessCheckSchema } from '@maillage/shared';

export type InvitationCheck = 'valid' | 'withdrawn' | 'expired' | 'invalid' | 'unchecked';

export async function checkInvitation(token: string): Promise<InvitationCheck> {
  let response: Response;
  try {
    response = await fetch('/access', { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    return 'unchecked';
  }
  const parsed = accessCheckSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return 'unchecked';
  if ('ok' in parsed.data) return 'valid';
  if (parsed.data.error === 'revoked') return 'withdrawn';
  if (parsed.data.error === 'tokenExpired') return 'expired';
  return parsed.data.error === 'unauthorized' ? 'invalid' : 'unchecked';
}
