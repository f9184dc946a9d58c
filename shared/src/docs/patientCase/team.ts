// The care team in a patient case: who the document says is in (`team`), and the last list the relay confirmed it
// enforces (`access`). The relay is the gate; the two differ only while a change is on its way, and the UI says so.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema } from '../../sync/ids';
import type { Validated } from '../validation';
import { isoDateSchema, type TeamMember, type TeamReason } from './schema';

const team = (doc: Y.Doc) => doc.getMap<unknown>('team');
const access = (doc: Y.Doc) => doc.getMap<unknown>('access');

/** Why someone joined, when it was not the team's own choice: a concertation on the case (the meeting and its day). */
const teamReasonSchema = z.object({ meetingId: idSchema, date: isoDateSchema });
const teamEntrySchema = z.object({ addedBy: memberIdSchema, addedAt: z.string(), rcp: z.optional(teamReasonSchema) });
const enforcedSchema = z.object({ owner: memberIdSchema, members: z.array(memberIdSchema), updatedAt: z.string() });
export type EnforcedAcl = z.infer<typeof enforcedSchema>;

export function writeTeamMember(doc: Y.Doc, memberId: string, by: string, at: string, rcp?: TeamReason): void {
  team(doc).set(memberId, rcp ? { addedBy: by, addedAt: at, rcp } : { addedBy: by, addedAt: at });
}

export function readTeam(doc: Y.Doc): TeamMember[] {
  const list: TeamMember[] = [];
  team(doc).forEach((value, memberId) => {
    const entry = teamEntrySchema.safeParse(value);
    if (entry.success && memberIdSchema.safeParse(memberId).success) list.push({ memberId, ...entry.data });
  });
  return list.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.memberId.localeCompare(b.memberId));
}

export const teamIds = (doc: Y.Doc): string[] => readTeam(doc).map((m) => m.memberId);

/** Adds or removes a colleague. The creator stays: the relay keeps a room's owner on its list whatever we send. */
export function setTeamMember(
  doc: Y.Doc,
  memberId: string,
  onTeam: boolean,
  by: string,
  now = new Date(),
): Validated<string> {
  if (!memberIdSchema.safeParse(memberId).success || !memberIdSchema.safeParse(by).success) {
    return { ok: false, errors: [{ field: 'memberId', message: 'errors.memberId' }] };
  }
  if (onTeam) {
    if (!team(doc).has(memberId)) writeTeamMember(doc, memberId, by, now.toISOString());
  } else {
    if (doc.getMap<unknown>('case').get('createdBy') === memberId)
      return { ok: false, errors: [{ field: 'memberId', message: 'errors.creatorStays' }] };
    team(doc).delete(memberId);
  }
  return { ok: true, value: memberId };
}

/** Records what the relay answered, so colleagues with the case open see it without asking the relay themselves. */
export function recordEnforcedAcl(doc: Y.Doc, acl: EnforcedAcl): void {
  const current = readEnforcedAcl(doc);
  if (current && current.updatedAt >= acl.updatedAt) return;
  access(doc).set('enforced', { owner: acl.owner, members: [...acl.members].sort(), updatedAt: acl.updatedAt });
}

export function readEnforcedAcl(doc: Y.Doc): EnforcedAcl | null {
  const parsed = enforcedSchema.safeParse(access(doc).get('enforced'));
  return parsed.success ? parsed.data : null;
}

/** The list the relay should enforce: the team, and the room's owner, whom the relay always keeps. */
export function wantedAcl(doc: Y.Doc, owner: string | null): string[] {
  return [...new Set([...teamIds(doc), ...(owner ? [owner] : [])])].sort();
}
