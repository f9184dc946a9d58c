// A coordinator invitation from the root device carries a signing key of the invitee's own, delegated by the root:
// from then on the workspace no longer depends on one device (docs/decisions/0004). It rides in the link's fragment.
import { z } from 'zod/mini';
import { publicJwkSchema } from './keys';

export const privateJwkSchema = z.object({
  ...publicJwkSchema.shape,
  d: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export const coordinatorKeyBundleSchema = z.object({
  dlg: z.string().check(z.maxLength(4096)),
  key: privateJwkSchema,
});
export type CoordinatorKeyBundle = z.infer<typeof coordinatorKeyBundleSchema>;

/** `~` never occurs in a JWT, so `<token>~<bundle>` splits without ambiguity. */
export const KEY_BUNDLE_SEPARATOR = '~';

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

export function encodeKeyBundle(bundle: CoordinatorKeyBundle): string {
  return toBase64Url(JSON.stringify(coordinatorKeyBundleSchema.parse(bundle)));
}

export function decodeKeyBundle(text: string): CoordinatorKeyBundle | null {
  try {
    const parsed = coordinatorKeyBundleSchema.safeParse(JSON.parse(fromBase64Url(text)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
