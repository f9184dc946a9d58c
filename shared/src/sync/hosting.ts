// GET /hosting: whether this relay would take a workspace created now (its WORKSPACES setting), so that a device on a
// relay already hosting its CPTS is not offered to create one the relay would refuse. It names no workspace.
import { z } from 'zod/mini';

export const HOSTING_PATH = '/hosting';

export const hostingSchema = z.object({ newWorkspace: z.boolean() });
export type Hosting = z.infer<typeof hostingSchema>;
