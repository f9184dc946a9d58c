// The people an awareness shows, once each: a person on their laptop and their phone is one person online.
import { z } from 'zod/mini';

const userSchema = z.object({
  name: z.string(),
  profession: z.optional(z.string()),
  color: z.string(),
  member: z.optional(z.string()),
});

export interface PersonOnline {
  /** The member id, or the client id for a device that does not say whose it is (an older version). */
  key: string;
  name: string;
  profession?: string | undefined;
  color: string;
  /** Whether this person is the one using this device (on this device or another of theirs). */
  isMe: boolean;
}

export function peopleOnline(states: Map<number, unknown>, myClientId: number): PersonOnline[] {
  const people = new Map<string, PersonOnline>();
  let myKey: string | null = null;
  states.forEach((state, clientId) => {
    const user = userSchema.safeParse((state as { user?: unknown }).user);
    if (!user.success) return;
    const key = user.data.member ?? `client:${clientId}`;
    if (clientId === myClientId) myKey = key;
    if (!people.has(key))
      people.set(key, {
        key,
        name: user.data.name,
        profession: user.data.profession,
        color: user.data.color,
        isMe: false,
      });
  });
  const me = myKey !== null ? people.get(myKey) : undefined;
  if (me) me.isMe = true;
  return [...people.values()];
}

/** How many people other than this device's user are present. */
export const othersOnline = (states: Map<number, unknown>, myClientId: number): number =>
  peopleOnline(states, myClientId).filter((p) => !p.isMe).length;
