import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  createPatientCase,
  createProtocol,
  moveStatus,
  signOff,
  updateAction,
  type Actor,
  type Group,
} from '@maillage/shared';
import { byDue, docsToRead } from './needsMe';
import { actionsFor, awaitsSignoff } from './readCopies';
import { catalogueItem as item, testPatient } from '@maillage/shared/testing';

const ME = 'member-bruno1';
const OTHER = 'member-alice1';
const group = (groupId: string, members: string[], lead: string | null = null): Group =>
  ({ groupId, name: groupId, theme: '', lead, members }) as Group;

describe('what waits for me', () => {
  it('reads my open cases and the reviews of my groups, nothing else', () => {
    const items = [
      item('case-open0001', { kind: 'patientCase', status: 'en_cours' }),
      item('case-clos0001', { kind: 'patientCase', status: 'clos' }),
      item('case-binn0001', { kind: 'patientCase', status: 'en_cours', deletedAt: '2026-02-01T00:00:00.000Z' }),
      item('prot-mine0001', { status: 'relecture', groupId: 'g-mine' }),
      item('prot-lead0001', { status: 'relecture', groupId: 'g-lead' }),
      item('prot-else0001', { status: 'relecture', groupId: 'g-else' }),
      item('prot-none0001', { status: 'relecture' }),
      item('prot-draf0001', { status: 'brouillon', groupId: 'g-mine' }),
    ];
    const groups = [group('g-mine', [ME]), group('g-lead', [], ME), group('g-else', [OTHER])];
    expect(docsToRead(items, groups, ME).map((i) => i.docId)).toEqual([
      'case-open0001',
      'prot-mine0001',
      'prot-lead0001',
    ]);
  });

  it('lists my open actions of a case, soonest due first, undated last', () => {
    const doc = new Y.Doc();
    const created = createPatientCase(
      doc,
      {
        patient: testPatient,
        team: [ME],
        patientInformed: true,
      },
      OTHER,
    );
    expect(created.ok).toBe(true);
    const add = (text: string, owner: string, due: string | null) => {
      const result = addAction(doc, { text, owner, due }, OTHER);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.value.id;
    };
    add('Sans date', ME, null);
    add('Plus tard', ME, '2027-03-01');
    add('Bientôt', ME, '2027-01-15');
    add('Pour Alice', OTHER, '2027-01-01');
    updateAction(doc, add('Déjà fait', ME, '2027-01-01'), { done: true });
    expect(
      actionsFor(doc, 'case-open0001', ME)
        .sort(byDue)
        .map((a) => a.action.text),
    ).toEqual(['Bientôt', 'Plus tard', 'Sans date']);
  });

  it('asks for my sign-off while the round is open and I have not given it', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'AVK' }, OTHER);
    const lead: Actor = { memberId: OTHER, name: 'Alice', role: 'member', profession: 'infirmier', isLead: true };
    const me: Actor = { memberId: ME, name: 'Bruno', role: 'member', profession: 'pharmacien', isLead: false };
    expect(awaitsSignoff(doc, ME)).toBe(false);
    moveStatus(doc, 'relecture', lead);
    expect(awaitsSignoff(doc, ME)).toBe(true);
    signOff(doc, me);
    expect(awaitsSignoff(doc, ME)).toBe(false);
  });
});
