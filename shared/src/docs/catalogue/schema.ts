// The catalogue: which documents a workspace holds (kind, title, status, group) — never a patient's identity.
import { z } from 'zod';
import { docKindSchema } from '../meta';

export const workspaceNameSchema = z.string().trim().min(2, 'errors.workspaceNameRequired').max(120, 'errors.workspaceNameTooLong');

export const catalogueEntrySchema = z.object({
  kind: docKindSchema,
  title: z.string().max(200),
  status: z.string().max(40),
  groupId: z.string().max(64).nullable(),
  /** ISO timestamps (UTC). */
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Set when the document was moved to the bin; clearing it restores the document. */
  deletedAt: z.iso.datetime().nullable(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueItem = CatalogueEntry & { docId: string };
