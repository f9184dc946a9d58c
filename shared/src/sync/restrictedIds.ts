// A restricted room's id is bound to the member who may first set its list: a hash of the workspace, that member and a
// nonce only their device knows until the list is set (docs/decisions/0016). Both the client and the relay derive it.
import { z } from 'zod/mini';
import { toBase64Url } from './base64';
import { newDocId } from './ids';

const DOMAIN = 'maillage/restricted/v1';

/** The nonce a first list request carries: 21–64 url-safe characters (`newRestrictedNonce` makes 21, 126 bits). */
export const restrictedNonceSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{21,64}$/, 'errors.restrictedNonce'));

export const newRestrictedNonce = (): string => newDocId();

/** The first 21 base64url characters (126 bits) of SHA-256("maillage/restricted/v1\0" ws "\0" member "\0" nonce). */
export async function restrictedDocId(workspaceId: string, memberId: string, nonce: string): Promise<string> {
  const input = new TextEncoder().encode([DOMAIN, workspaceId, memberId, nonce].join('\0'));
  const digest = await crypto.subtle.digest('SHA-256', input);
  return toBase64Url(new Uint8Array(digest)).slice(0, 21);
}

/** Whether `docId` is the id bound to this member by this nonce. */
export async function isBoundTo(workspaceId: string, docId: string, memberId: string, nonce: string): Promise<boolean> {
  return (await restrictedDocId(workspaceId, memberId, nonce)) === docId;
}
