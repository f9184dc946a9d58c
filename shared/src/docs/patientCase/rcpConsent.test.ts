import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPatientCase } from './layout';
import { readTeam, teamIds } from './team';
import { rcpJoinPurpose, readRcpConsent, recordRcpConsent } from './rcpConsent';
import type { RcpMeeting } from './rcpFiche';

const DENIS = 'member-denis1'; // created the case: presenter
const ELSA = 'member-elsa01'; // on the team
const FARID = 'member-farid1'; // a participant off the team
const GINA = 'member-gina01'; // another one
const NOW = new Date('2027-01-05T09:00:00Z');

const meeting = (over: Partial<RcpMeeting> = {}): RcpMeeting => ({
  meetingId: 'meeting-0001',
  date: '2027-01-05',
  status: 'planifiee',
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
  ...over,
});
const consent = { informedOn: '2027-01-04', informedBy: ELSA, noObjection: true };

function newCase(): Y.Doc {
  const doc = new Y.Doc();
  const created = createPatientCase(
    doc,
    {
      patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' },
      team: [ELSA],
      patientInformed: true,
    },
    DENIS,
    new Date('2026-12-01T10:00:00Z'),
  );
  if (!created.ok) throw new Error('fixture');
  return doc;
}

const participants = [DENIS, ELSA, FARID, GINA];

describe('the patient’s consent to a concertation', () => {
  it('records who told the patient and when, and brings the participants off the team into it for that meeting', () => {
    const doc = newCase();
    const result = recordRcpConsent(doc, meeting(), consent, DENIS, participants, NOW);
    expect(result).toEqual({ ok: true, value: { joined: [FARID, GINA] } });
    expect(readRcpConsent(doc, 'meeting-0001')).toEqual({
      informedOn: '2027-01-04',
      informedBy: ELSA,
      recordedBy: DENIS,
      recordedAt: NOW.toISOString(),
      joined: [FARID, GINA],
    });
    expect(teamIds(doc).sort()).toEqual([DENIS, ELSA, FARID, GINA].sort());
    const farid = readTeam(doc).find((m) => m.memberId === FARID);
    expect(farid).toMatchObject({ addedBy: DENIS, rcp: { meetingId: 'meeting-0001', date: '2027-01-05' } });
    // Those already on the team keep their entry, with no meeting as reason.
    expect(readTeam(doc).find((m) => m.memberId === ELSA)?.rcp).toBeUndefined();
  });

  it('tells the relay’s journal why the list grows, only for those who joined for a meeting', () => {
    const doc = newCase();
    expect(rcpJoinPurpose(doc, [ELSA])).toBeUndefined();
    recordRcpConsent(doc, meeting(), consent, DENIS, participants, NOW);
    expect(rcpJoinPurpose(doc, [FARID, GINA])).toEqual({ kind: 'rcp', date: '2027-01-05' });
    expect(rcpJoinPurpose(doc, [])).toBeUndefined();
  });

  it.each([
    ['no day', { ...consent, informedOn: '' }, DENIS, 'informedOn', 'errors.consentDate'],
    ['an impossible day', { ...consent, informedOn: '2027-02-30' }, DENIS, 'informedOn', 'errors.consentDate'],
    ['a day to come', { ...consent, informedOn: '2027-01-06' }, DENIS, 'informedOn', 'errors.consentFuture'],
    ['no attested absence of objection', { ...consent, noObjection: false }, DENIS, 'noObjection', null],
    ['an informer off the team', { ...consent, informedBy: FARID }, DENIS, 'informedBy', 'errors.informedByNotOnTeam'],
    ['a recorder off the team', consent, FARID, 'consent', 'errors.consentByTeam'],
  ])('refuses %s in French and writes nothing', (_, input, by, field, message) => {
    const doc = newCase();
    const before = Y.encodeStateVector(doc);
    const result = recordRcpConsent(doc, meeting(), input, by, participants, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.field).toBe(field);
    if (message) expect(result.errors[0]?.message).toBe(message);
    else expect(result.errors[0]?.message).toMatch(/^errors\./);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(teamIds(doc)).not.toContain(FARID);
  });

  it('is refused once the meeting is validated or locked, or when already recorded', () => {
    for (const status of ['validee', 'verrouillee'] as const) {
      const doc = newCase();
      const before = Y.encodeStateVector(doc);
      expect(recordRcpConsent(doc, meeting({ status }), consent, DENIS, participants, NOW)).toEqual({
        ok: false,
        errors: [{ field: 'status', message: 'errors.concertationLocked' }],
      });
      expect(Y.encodeStateVector(doc)).toEqual(before);
    }
    const doc = newCase();
    expect(recordRcpConsent(doc, meeting(), consent, DENIS, [DENIS, FARID], NOW).ok).toBe(true);
    const before = Y.encodeStateVector(doc);
    expect(recordRcpConsent(doc, meeting(), consent, ELSA, participants, NOW)).toEqual({
      ok: false,
      errors: [{ field: 'consent', message: 'errors.consentAlreadyRecorded' }],
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(teamIds(doc)).not.toContain(GINA);
  });

  it('refuses a participant id that is not one', () => {
    const doc = newCase();
    const before = Y.encodeStateVector(doc);
    expect(recordRcpConsent(doc, meeting(), consent, DENIS, ['<script>'], NOW).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
