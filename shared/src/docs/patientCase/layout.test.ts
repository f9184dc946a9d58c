import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta } from '../meta';
import { createPatientCase, readPatient, readPatientCase, setCaseStatus, setFragility, updatePatient } from './layout';
import { migratePatientCase } from './migrate';
import { readEnforcedAcl, recordEnforcedAcl, setTeamMember, teamIds, wantedAcl } from './team';

const CREATOR = 'member-alice1';
const patient = {
  initials: 'm.-d.',
  birthYear: 1948,
  sex: 'F',
  commune: ' Tulle ',
  mtStatus: 'declare',
  pathway: 'Insuffisance cardiaque',
  fragility: ['ald'],
};
const newCase = (doc = new Y.Doc(), team = ['member-bruno1']) => {
  const result = createPatientCase(
    doc,
    { patient, team, patientInformed: true },
    CREATOR,
    new Date('2025-03-01T10:00:00Z'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return doc;
};
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('patient case layout', () => {
  it('creates a pseudonymised case with its creator on the team', () => {
    const doc = newCase();
    expect(readMeta(doc)).toEqual({ kind: 'patientCase', layoutVersion: 1 });
    const read = readPatientCase(doc);
    expect(read.patient).toEqual({
      initials: 'MD',
      birthYear: 1948,
      sex: 'F',
      commune: 'Tulle',
      mtStatus: 'declare',
      pathway: 'Insuffisance cardiaque',
      fragility: ['ald'],
    });
    expect(read).toMatchObject({ status: 'en_cours', createdBy: CREATOR, createdAt: '2025-03-01T10:00:00.000Z' });
    expect(read.team.map((m) => m.memberId)).toEqual([CREATOR, 'member-bruno1'].sort());
    expect(() => migratePatientCase(doc)).not.toThrow();
  });

  it.each([
    [{ initials: 'Marie Dupont' }, 'patient.initials', 'errors.initials'],
    [{ initials: 'M' }, 'patient.initials', 'errors.initials'],
    [{ birthYear: 1850 }, 'patient.birthYear', 'errors.birthYear'],
    [{ birthYear: new Date().getFullYear() + 1 }, 'patient.birthYear', 'errors.birthYear'],
    [{ birthYear: 1948.5 }, 'patient.birthYear', 'errors.birthYear'],
    [{ sex: 'male' }, 'patient.sex', 'errors.sex'],
    [{ mtStatus: 'peut-être' }, 'patient.mtStatus', 'errors.mtStatus'],
    [{ commune: 'x'.repeat(81) }, 'patient.commune', 'errors.tooLong'],
  ])('refuses %o with a French error key and writes nothing', (bad, field, message) => {
    const doc = new Y.Doc();
    const result = createPatientCase(
      doc,
      { patient: { ...patient, ...bad }, team: [], patientInformed: true },
      CREATOR,
    );
    expect(result.ok ? null : result.errors).toEqual([{ field, message }]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it('refuses a case whose patient was not informed, or a team with a malformed id', () => {
    const doc = new Y.Doc();
    const uninformed = createPatientCase(doc, { patient, team: [], patientInformed: false }, CREATOR);
    expect(uninformed.ok ? null : uninformed.errors[0]!.message).toBe('errors.patientNotInformed');
    const badTeam = createPatientCase(doc, { patient, team: ['x'], patientInformed: true }, CREATOR);
    expect(badTeam.ok ? null : badTeam.errors[0]!.message).toBe('errors.memberId');
    expect(readMeta(doc).kind).toBeNull();
  });

  it('updates the patient field by field, and leaves it as it was on a bad value', () => {
    const doc = newCase();
    expect(updatePatient(doc, { mtStatus: 'sans_mt', pathway: ' Plaies chroniques ' }).ok).toBe(true);
    expect(updatePatient(doc, { birthYear: 1700, pathway: 'autre' }).ok).toBe(false);
    expect(readPatient(doc)).toMatchObject({ birthYear: 1948, mtStatus: 'sans_mt', pathway: 'Plaies chroniques' });
    expect(setCaseStatus(doc, 'archivé').ok).toBe(false);
    expect(setCaseStatus(doc, 'clos').ok).toBe(true);
    expect(readPatientCase(doc).status).toBe('clos');
  });

  it('merges fragilities and team changes made at once on two devices', () => {
    const a = newCase();
    const b = new Y.Doc();
    sync(a, b);
    setFragility(a, 'css', true);
    setFragility(b, 'handicap', true);
    setFragility(b, 'ald', false);
    setTeamMember(a, 'member-claire', true, CREATOR);
    setTeamMember(b, 'member-denis1', true, 'member-bruno1');
    setTeamMember(b, 'member-bruno1', false, 'member-bruno1');
    sync(a, b);
    expect(readPatient(a)?.fragility).toEqual(['css', 'handicap']);
    expect(teamIds(a).sort()).toEqual([CREATOR, 'member-claire', 'member-denis1'].sort());
    expect(readPatientCase(b)).toEqual(readPatientCase(a));
  });

  it('keeps the creator on the team, as the relay keeps the owner on its list', () => {
    const doc = newCase();
    const result = setTeamMember(doc, CREATOR, false, 'member-bruno1');
    expect(result.ok ? null : result.errors[0]!.message).toBe('errors.creatorStays');
    expect(teamIds(doc)).toContain(CREATOR);
    expect(setTeamMember(doc, 'not an id', true, CREATOR).ok).toBe(false);
  });

  it('merges a team entry written by a device that never had the case', () => {
    // A coordinator adding themselves writes into an empty copy before their first sync: it must merge, not replace.
    const a = newCase();
    const coordinator = new Y.Doc();
    setTeamMember(coordinator, 'member-coord1', true, 'member-coord1');
    sync(a, coordinator);
    expect(teamIds(coordinator).sort()).toEqual([CREATOR, 'member-bruno1', 'member-coord1'].sort());
    expect(readPatient(coordinator)?.initials).toBe('MD');
  });

  it('records the list the relay enforces, newest answer wins, and knows the list it should enforce', () => {
    const doc = newCase();
    expect(readEnforcedAcl(doc)).toBeNull();
    recordEnforcedAcl(doc, {
      owner: CREATOR,
      members: ['member-bruno1', CREATOR],
      updatedAt: '2025-03-01T10:00:01.000Z',
    });
    recordEnforcedAcl(doc, { owner: CREATOR, members: [CREATOR], updatedAt: '2025-03-01T10:00:00.500Z' });
    expect(readEnforcedAcl(doc)?.members).toEqual([CREATOR, 'member-bruno1'].sort());
    setTeamMember(doc, 'member-claire', true, CREATOR);
    expect(wantedAcl(doc, CREATOR)).toEqual([CREATOR, 'member-bruno1', 'member-claire'].sort());
  });
});
