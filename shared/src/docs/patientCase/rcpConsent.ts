// The patient's consent to a concertation, recorded in the case before it is discussed: the patient was informed and
// did not object (on which day, by whom). Recording it brings the meeting's participants who are not on the care team
// into it « pour la RCP du … », so they read the case and its fiche; without it nobody outside the team sees the case.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import type { AclPurpose } from '../../sync/acl';
import { parisToday } from '../../domain/parisDays';
import { validate, type FieldError, type Validated } from '../validation';
import { isoDateSchema } from './schema';
import { rcpMeetingSchema, type RcpMeeting } from './rcpFiche';
import { readTeam, teamIds, writeTeamMember } from './team';

/** Meeting id → the consent record: plain values, whoever writes them writes the same facts. */
const consents = (doc: Y.Doc) => doc.getMap<unknown>('rcpConsents');

const consentInputSchema = z.object({
  /** The day the patient was told (a Paris calendar day, today or before). */
  informedOn: z.string({ error: 'errors.consentDate' }).check(z.minLength(1, 'errors.consentDate')),
  /** The professional of the care team who told the patient. */
  informedBy: memberIdSchema,
  /** The presenter attests the patient did not object: nothing is recorded without it. */
  noObjection: z.literal(true, { error: 'errors.consentNoObjection' }),
});
export type RcpConsentInput = z.input<typeof consentInputSchema>;

const storedSchema = z.object({
  informedOn: isoDateSchema,
  informedBy: memberIdSchema,
  recordedBy: memberIdSchema,
  recordedAt: z.string(),
  /** The participants who joined the team with it. */
  joined: z.array(memberIdSchema),
});
export type RcpConsent = z.infer<typeof storedSchema>;

/** Participants of one meeting are few: the bound keeps a bad call from flooding the team. */
const MAX_PARTICIPANTS = 100;

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

export function readRcpConsent(doc: Y.Doc, meetingId: string): RcpConsent | null {
  const parsed = storedSchema.safeParse(consents(doc).get(meetingId));
  return parsed.success ? parsed.data : null;
}

/**
 * Records the consent and adds the meeting's participants who are not on the team, each with the meeting as reason.
 * Refused, nothing written: a meeting validated or locked, a consent already recorded, a recorder or informer off the
 * team, a day missing, impossible or to come, no attested absence of objection, a participant id that is not one.
 */
export function recordRcpConsent(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  input: RcpConsentInput | unknown,
  by: string,
  participants: readonly string[],
  now = new Date(),
): Validated<{ joined: string[] }> {
  const parsed = rcpMeetingSchema.safeParse(meeting);
  if (!parsed.success) return refuse('meeting', 'errors.noMeeting');
  const { meetingId, date, status } = parsed.data;
  if (status !== 'planifiee' && status !== 'tenue') return refuse('status', 'errors.concertationLocked');
  if (readRcpConsent(doc, meetingId)) return refuse('consent', 'errors.consentAlreadyRecorded');
  const team = teamIds(doc);
  if (!memberIdSchema.safeParse(by).success || !team.includes(by)) return refuse('consent', 'errors.consentByTeam');
  const result = validate(consentInputSchema, input);
  if (!result.ok) return result;
  const { informedOn, informedBy } = result.value;
  if (!isoDateSchema.safeParse(informedOn).success) return refuse('informedOn', 'errors.consentDate');
  if (informedOn > parisToday(now)) return refuse('informedOn', 'errors.consentFuture');
  if (!team.includes(informedBy)) return refuse('informedBy', 'errors.informedByNotOnTeam');
  if (participants.length > MAX_PARTICIPANTS) return refuse('participants', 'errors.tooMany');
  if (!participants.every((id) => memberIdSchema.safeParse(id).success))
    return refuse('participants', 'errors.memberId');
  const joined = [...new Set(participants)].filter((id) => !team.includes(id)).sort();
  const at = now.toISOString();
  doc.transact(() => {
    for (const id of joined) writeTeamMember(doc, id, by, at, { meetingId, date });
    const record: RcpConsent = { informedOn, informedBy, recordedBy: by, recordedAt: at, joined };
    consents(doc).set(meetingId, record);
  });
  return { ok: true, value: { joined } };
}

/**
 * What the relay's access journal should say when `added` join the list: the concertation most of them joined for,
 * or nothing when none joined for one.
 */
export function rcpJoinPurpose(doc: Y.Doc, added: readonly string[]): AclPurpose | undefined {
  const dates = readTeam(doc)
    .filter((m) => added.includes(m.memberId) && m.rcp)
    .map((m) => m.rcp!.date)
    .sort();
  const latest = dates.at(-1);
  return latest ? { kind: 'rcp', date: latest } : undefined;
}
