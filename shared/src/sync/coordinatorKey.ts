// What an invitation link carries besides the token, in its fragment: from the root device, a coordinator's signing
// key delegated by the root, so the workspace no longer depends on one device (docs/decisions/0004); a device key
// whose holder may add their own other devices (docs/decisions/0028); on a link to one's own device made before
// device keys existed, who its owner is, so that device asks nothing.
import { z } from 'zod/mini';
import { publicJwkSchema } from './keys';
import { fromBase64Url, toBase64Url } from './base64';

export const privateJwkSchema = z.object({
  ...publicJwkSchema.shape,
  d: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export const coordinatorKeyBundleSchema = z
  .object({
    /** A coordinator's delegation and the key it names (both or neither). */
    dlg: z.optional(z.string().check(z.maxLength(4096))),
    key: z.optional(privateJwkSchema),
    /** The private half of the token's device key (`dk`). */
    dk: z.optional(privateJwkSchema),
    /** Whose own device this link is for: name and profession, said by that person. */
    me: z.optional(
      z.object({ name: z.string().check(z.maxLength(80)), profession: z.string().check(z.maxLength(40)) }),
    ),
  })
  .check(z.refine((b) => (b.dlg === undefined) === (b.key === undefined), 'a delegation travels with its key'));
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
