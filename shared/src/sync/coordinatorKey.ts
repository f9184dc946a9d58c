// A coordinator invitation from the root device carries a signing key of the invitee's own, delegated by the root:
// from then on the workspace no longer depends on one device (docs/decisions/0004). It rides in the link's fragment.
import { z } from 'zod/mini';
import { publicJwkSchema } from './keys';
import { fromBase64Url, toBase64Url } from './base64';

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

export function encodeKeyBundle(bundle: CoordinatorKeyBundle): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(coordinatorKeyBundleSchema.parse(bundle))));
}

export function decodeKeyBundle(text: string): CoordinatorKeyBundle | null {
  try {
    const parsed = coordinatorKeyBundleSchema.safeParse(JSON.parse(new TextDecoder().decode(fromBase64Url(text))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
