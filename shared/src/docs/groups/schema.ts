// Working groups (groupes de travail): a theme, a lead, members; protocols and meetings hang from them.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';

export const groupFieldsSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(2, 'errors.groupNameRequired'), z.maxLength(80, 'errors.tooLong')),
  theme: z._default(z.string().check(z.trim(), z.maxLength(120, 'errors.themeTooLong')), ''),
  /** The member who leads the group (pilote), if chosen. */
  lead: z._default(z.nullable(memberIdSchema), null),
});
export type GroupFields = z.infer<typeof groupFieldsSchema>;
export type GroupInput = z.input<typeof groupFieldsSchema>;

export interface Group extends GroupFields {
  groupId: string;
  members: string[];
  createdAt: string;
}
