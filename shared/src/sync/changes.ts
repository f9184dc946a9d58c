// The change feed (GET /changes): which rooms of a workspace changed after a device's cursor, so it syncs only those
// over the stock protocol, a few at a time (docs/decisions/0029). Parsed with zod on both sides.
import { z } from 'zod/mini';
import { workspaceIdSchema } from './rooms';

export const CHANGES_PATH = '/changes';
/** The query parameter a background sync's socket carries (`bg=1`): the journal sums those up per device. */
export const BACKGROUND_PARAM = 'bg';
/** Rooms per answer: a device with more changes asks again from the answer's cursor. */
export const MAX_CHANGES_PER_ANSWER = 2000;

export const changesQuerySchema = z.object({
  ws: workspaceIdSchema,
  since: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_CHANGES_PER_ANSWER)),
    MAX_CHANGES_PER_ANSWER,
  ),
});

export const roomChangeSchema = z.object({
  doc: z.string().check(z.minLength(1), z.maxLength(128)),
  tick: z.number().check(z.int(), z.minimum(1)),
  /** False when the room is restricted and the caller is not on its list: a copy on the device must go. */
  readable: z.boolean(),
});
export type RoomChange = z.infer<typeof roomChangeSchema>;

export const changesResponseSchema = z.object({
  changes: z.array(roomChangeSchema),
  /** Where the device's cursor stands once it has synced every room listed. */
  cursor: z.number().check(z.int(), z.minimum(0)),
  /** More changes wait after `cursor`: ask again at once. */
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

/** The query of a device whose copies are current as of `since`. */
export const changesUrl = (base: string, ws: string, since: number) =>
  `${base}${CHANGES_PATH}?ws=${encodeURIComponent(ws)}&since=${since}`;
