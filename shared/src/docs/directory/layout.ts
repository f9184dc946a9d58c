// Typed read/write over the directory's Y.Doc: `members` maps a member id to that member's entry (a plain value:
// only its owner writes it, so last-writer-wins per entry is the right merge).
import type * as Y from 'yjs';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { directoryEntrySchema, type DirectoryEntry, type DirectoryInput, type DirectoryMember } from './schema';

export const DIRECTORY_LAYOUT_VERSION = 1;

const members = (doc: Y.Doc) => doc.getMap<unknown>('members');

export function setDirectoryEntry(
  doc: Y.Doc,
  memberId: string,
  input: Omit<DirectoryInput, 'updatedAt'>,
  now = new Date(),
): Validated<DirectoryEntry> {
  const result = validate(directoryEntrySchema, { ...input, updatedAt: now.toISOString() });
  if (!result.ok) return result;
  // A GP's "accepte de nouveaux patients" is dated the day it changes, so readers know how fresh it is.
  const previous = readDirectoryEntry(doc, memberId);
  const entry = { ...result.value };
  if (entry.profession !== 'medecin_generaliste')
    Object.assign(entry, { acceptsNewPatients: null, acceptsNewPatientsSince: null });
  else if (previous?.acceptsNewPatients !== entry.acceptsNewPatients || !entry.acceptsNewPatientsSince) {
    entry.acceptsNewPatientsSince = entry.acceptsNewPatients === null ? null : entry.updatedAt.slice(0, 10);
  }
  doc.transact(() => {
    stampMeta(doc, 'directory', DIRECTORY_LAYOUT_VERSION);
    members(doc).set(memberId, entry);
  });
  return { ok: true, value: entry };
}

export function readDirectoryEntry(doc: Y.Doc, memberId: string): DirectoryEntry | null {
  const parsed = directoryEntrySchema.safeParse(members(doc).get(memberId));
  return parsed.success ? parsed.data : null;
}

/** Every well-formed entry; a malformed one (an older or hostile client) is left out, not shown half. */
export function listDirectory(doc: Y.Doc): DirectoryMember[] {
  const list: DirectoryMember[] = [];
  for (const memberId of members(doc).keys()) {
    const entry = readDirectoryEntry(doc, memberId);
    if (entry) list.push({ memberId, ...entry });
  }
  return list;
}

export function removeDirectoryEntry(doc: Y.Doc, memberId: string): void {
  members(doc).delete(memberId);
}

export function observeDirectory(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  members(doc).observe(handler);
  return () => members(doc).unobserve(handler);
}
