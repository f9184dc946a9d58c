// What follows an activation (issue 22): the alert going on to the next group, tasks from the typology's sheet given
// to members with their status, and the RETEX once the crisis is ended. Each is its own root map of the activation.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { crisisTypologySchema } from '../crisisPlan/typologies';

/** After the members, the alert goes to the suppléants, then to the volunteers of the crisis directory. */
export const ESCALATION_GROUPS = ['suppleants', 'benevoles'] as const;
export type EscalationGroup = (typeof ESCALATION_GROUPS)[number];

const isoTime = z.iso.datetime({ error: 'errors.crisisTime' });

export const escalationInputSchema = z.object({
  /** The next group alerted, if the alert goes on. */
  group: z._default(z.nullable(z.enum(ESCALATION_GROUPS, { error: 'errors.escalationGroup' })), null),
  /** A new typology, if the crisis changes nature (the banner then names it). */
  typology: z._default(z.nullable(crisisTypologySchema), null),
  reason: z.string().check(z.trim(), z.minLength(1, 'errors.escalationReason'), z.maxLength(500, 'errors.tooLong')),
});
export type EscalationInput = z.input<typeof escalationInputSchema>;

export const escalationSchema = z.extend(escalationInputSchema, {
  by: memberIdSchema,
  at: isoTime,
  /** Written by a device of the cell when the plan's delay passed with too few available, not by a person's choice. */
  automatic: z._default(z.boolean(), false),
  /**
   * The members the group holds, as the escalating device read them (the plan's suppléant référent, the crisis
   * directory's volunteers): their banner tells them they are called in. Escalations written before hold none.
   */
  alerted: z._default(z.array(memberIdSchema).check(z.maxLength(5000)), []),
});
export type Escalation = z.infer<typeof escalationSchema> & { id: string };

export const TASK_STATUSES = ['a_faire', 'en_cours', 'faite'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const taskInputSchema = z.object({
  text: z.string().check(z.trim(), z.minLength(1, 'errors.taskRequired'), z.maxLength(300, 'errors.tooLong')),
  assignee: memberIdSchema.check(z.minLength(1, 'errors.taskAssignee')),
  /** When it must be done by, if the cell says so (never in the past when given). */
  due: z._default(z.nullable(z.iso.datetime({ error: 'errors.taskDue' })), null),
});
export type TaskInput = z.input<typeof taskInputSchema>;

/** A task as stored: written once; its status lives beside it (`taskStatus`), last writer wins. */
export const storedTaskSchema = z.object({
  text: z.string().check(z.maxLength(300)),
  assignee: memberIdSchema,
  due: z._default(z.nullable(isoTime), null),
  createdBy: memberIdSchema,
  createdAt: isoTime,
});
export const taskStatusSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: 'errors.taskStatus' }),
  by: memberIdSchema,
  at: isoTime,
});
export type CrisisTask = z.infer<typeof storedTaskSchema> & {
  id: string;
  status: TaskStatus;
  statusBy: string | null;
  statusAt: string | null;
};

const retexText = z._default(z.string().check(z.trim(), z.maxLength(4000, 'errors.tooLong')), '');
/** The RETEX template: what happened, what worked, what to change in the plan (for its next update). */
export const retexInputSchema = z.object({
  happened: retexText,
  worked: retexText,
  change: retexText,
});
export type RetexInput = z.input<typeof retexInputSchema>;
export const retexSchema = z.extend(retexInputSchema, {
  updatedBy: memberIdSchema,
  updatedAt: isoTime,
});
export type Retex = z.infer<typeof retexSchema>;
