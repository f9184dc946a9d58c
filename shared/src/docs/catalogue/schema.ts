// The catalogue: which documents a workspace holds (kind, title, status, group) — never a patient's identity.
import { z } from 'zod/mini';
import { docKindSchema } from '../meta';

export const workspaceNameSchema = z.string().check(z.trim(), z.minLength(2, 'errors.workspaceNameRequired'), z.maxLength(120, 'errors.workspaceNameTooLong'));

export const catalogueEntrySchema = z.object({
  kind: docKindSchema,
  title: z.string().check(z.maxLength(200)),
  status: z.string().check(z.maxLength(40)),
  groupId: z.nullable(z.string().check(z.maxLength(64))),
  /** ISO timestamps (UTC). */
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Set when the document was moved to the bin; clearing it restores the document. */
  deletedAt: z.nullable(z.iso.datetime()),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueItem = CatalogueEntry & { docId: string };
