// Named versions of a protocol: each one a Yjs snapshot (a state vector and a delete set, a few hundred bytes)
// replayed on demand. The document never collects garbage (docs/decisions/0005), so every version stays readable.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema, newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { readProtocolHeader } from './layout';
import { replaceProtocolContent } from './content';
import type { Author } from './comments';

/** named: by hand; published: taken on diffusion (frozen); beforeRestore: what was there before a restore. */
export const VERSION_KINDS = ['named', 'published', 'beforeRestore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const versionInputSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'errors.versionNameRequired'), z.maxLength(80, 'errors.tooLong')),
  reason: z._default(z.string().check(z.trim(), z.maxLength(500, 'errors.tooLong')), ''),
});
export type VersionInput = z.input<typeof versionInputSchema>;

const versionSchema = z.object({
  id: idSchema,
  name: z.string(),
  reason: z.string(),
  kind: z.enum(VERSION_KINDS),
  by: memberIdSchema,
  byName: z.string(),
  at: z.iso.datetime(),
  /** The protocol's version label (header) and status when the version was taken. */
  label: z.string(),
  status: z.string(),
  snapshot: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});
export type ProtocolVersion = z.infer<typeof versionSchema>;

const versionsOf = (doc: Y.Doc) => doc.getArray<unknown>('versions');

export function createVersion(
  doc: Y.Doc,
  input: VersionInput,
  author: Author,
  kind: VersionKind = 'named',
  now = new Date(),
  /** What the version records as label and status; a protocol's own header unless another kind says (a crisis plan). */
  stamp?: { label: string; status: string },
): Validated<ProtocolVersion> {
  const checked = validate(versionInputSchema, input);
  if (!checked.ok) return checked;
  const header = stamp ? { version: stamp.label, status: stamp.status } : readProtocolHeader(doc);
  const version: ProtocolVersion = {
    id: newDocId(),
    ...checked.value,
    kind,
    by: author.memberId,
    byName: author.name.slice(0, 80),
    at: now.toISOString(),
    label: header.version,
    status: header.status,
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  };
  versionsOf(doc).push([version]);
  return { ok: true, value: version };
}

/** Every well-formed version, oldest first. */
export function listVersions(doc: Y.Doc): ProtocolVersion[] {
  return versionsOf(doc)
    .toArray()
    .flatMap((v) => {
      const parsed = versionSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
}

export function findVersion(doc: Y.Doc, versionId: string): ProtocolVersion | null {
  return listVersions(doc).find((v) => v.id === versionId) ?? null;
}

/** The protocol as it was at a version: a separate, read-only copy (null if the version is unknown). */
export function protocolAtVersion(doc: Y.Doc, versionId: string): Y.Doc | null {
  const version = findVersion(doc, versionId);
  return version ? Y.createDocFromSnapshot(doc, Y.decodeSnapshot(version.snapshot)) : null;
}

/**
 * Brings an earlier version's content back as a new edit. Nothing is lost: the state before the restore is kept as
 * a version of its own, named after the one restored, with the reason given.
 */
export function restoreVersion(
  doc: Y.Doc,
  versionId: string,
  author: Author,
  reason: string,
  now = new Date(),
): Validated<ProtocolVersion> {
  const version = findVersion(doc, versionId);
  if (!version) return { ok: false, errors: [{ field: 'version', message: 'errors.version' }] };
  // Checked before the (costly) replay, and the replayed copy freed whatever happens.
  const checked = validate(versionInputSchema, { name: version.name, reason });
  if (!checked.ok) return checked;
  const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(version.snapshot));
  try {
    const before = createVersion(doc, checked.value, author, 'beforeRestore', now);
    if (before.ok) replaceProtocolContent(past, doc);
    return before;
  } finally {
    past.destroy();
  }
}

export function observeVersions(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  versionsOf(doc).observe(handler);
  return () => versionsOf(doc).unobserve(handler);
}
