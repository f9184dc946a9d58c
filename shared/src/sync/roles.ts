// The three roles a workspace gives: what a token grants and what an invitation offers.
import { z } from 'zod/mini';

export const ROLES = ['coordinator', 'member', 'observer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
