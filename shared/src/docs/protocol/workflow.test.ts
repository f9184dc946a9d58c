import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, readProtocolHeader, updateProtocolHeader } from './layout';
import {
  allowedMoves,
  currentSignoffs,
  isEditable,
  listGroupMoves,
  listStatusMoves,
  logGroupMove,
  mayBinProtocol,
  moveKind,
  moveStatus,
  observeWorkflow,
  publishedVersionId,
  signOff,
  validatorsOf,
  withdrawSignoff,
  type Actor,
} from './workflow';
import { findVersion } from './versions';

const lead: Actor = {
  memberId: 'member-lead001',
  name: 'Léa Pilote',
  role: 'member',
  profession: 'sage_femme',
  isLead: true,
};
const author: Actor = {
  memberId: 'member-auth001',
  name: 'Bruno Petit',
  role: 'member',
  profession: 'infirmier',
  isLead: false,
};
const coordinator: Actor = {
  memberId: 'member-coor001',
  name: 'Claire Coord',
  role: 'coordinator',
  profession: 'coordinateur',
  isLead: false,
};
const observer: Actor = {
  memberId: 'member-obs0001',
  name: 'ARS',
  role: 'observer',
  profession: 'autre',
  isLead: false,
};
const now = new Date('2026-11-24T10:00:00Z');

const fresh = () => {
  const doc = new Y.Doc({ gc: false });
  createProtocol(doc, { title: 'Plaies chroniques', version: '1.0' }, lead.memberId);
  return doc;
};

describe('protocol workflow', () => {
  it('lets the lead and a coordinator move steps, nobody else', () => {
    expect(allowedMoves('brouillon', lead)).toEqual(['relecture']);
    expect(allowedMoves('brouillon', coordinator)).toEqual(['relecture', 'archive']);
    expect(allowedMoves('brouillon', author)).toEqual([]);
    expect(allowedMoves('brouillon', observer)).toEqual([]);
    expect(allowedMoves('soumis_cpam', lead)).toEqual(['relecture']);
    expect(allowedMoves('soumis_cpam', coordinator)).toEqual(['valide_cpam', 'relecture', 'archive']);
    const doc = fresh();
    expect(moveStatus(doc, 'relecture', author, '', now)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.notAllowed' }],
    });
    expect(moveStatus(doc, 'diffuse', coordinator, '', now)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.transition' }],
    });
    expect(readProtocolHeader(doc).status).toBe('brouillon');
  });

  it('goes from draft to diffusion with sign-offs, freezes the published version, and logs every move', () => {
    const doc = fresh();
    expect(isEditable('brouillon')).toBe(true);
    expect(moveStatus(doc, 'relecture', lead, 'Prêt pour relecture', now).ok).toBe(true);
    expect(moveStatus(doc, 'valide_equipe', lead, '', now)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.signoffRequired' }],
    });
    expect(signOff(doc, author, now).ok).toBe(true);
    expect(signOff(doc, author, now)).toMatchObject({ ok: false, errors: [{ message: 'errors.alreadySigned' }] });
    expect(signOff(doc, observer, now).ok).toBe(false);
    expect(currentSignoffs(doc)).toEqual([
      { memberId: author.memberId, name: 'Bruno Petit', profession: 'infirmier', at: now.toISOString(), round: 1 },
    ]);
    expect(moveStatus(doc, 'valide_equipe', lead, '', now).ok).toBe(true);
    expect(isEditable('valide_equipe')).toBe(false);
    expect(moveStatus(doc, 'soumis_cpam', lead, '', now).ok).toBe(true);
    expect(moveStatus(doc, 'valide_cpam', lead, '', now).ok).toBe(false);
    expect(moveStatus(doc, 'valide_cpam', coordinator, 'Avis favorable du service médical', now).ok).toBe(true);
    expect(moveStatus(doc, 'diffuse', lead, '', now)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.reviewDateRequired' }],
    });
    updateProtocolHeader(doc, { reviewDate: '2027-11-24' }, '2026-11-24');
    expect(moveStatus(doc, 'diffuse', lead, 'Diffusion aux membres', now).ok).toBe(true);
    const published = findVersion(doc, publishedVersionId(doc)!);
    expect(published).toMatchObject({ kind: 'published', name: '1.0', status: 'diffuse' });
    expect(listStatusMoves(doc).map((m) => `${m.from}→${m.to}`)).toEqual([
      'brouillon→relecture',
      'relecture→valide_equipe',
      'valide_equipe→soumis_cpam',
      'soumis_cpam→valide_cpam',
      'valide_cpam→diffuse',
    ]);
    expect(listStatusMoves(doc)[0]).toMatchObject({
      by: lead.memberId,
      byName: 'Léa Pilote',
      reason: 'Prêt pour relecture',
    });
    expect(validatorsOf(doc).map((s) => s.name)).toEqual(['Bruno Petit']);
    moveStatus(doc, 'en_revision', lead, 'Révision annuelle', now);
    expect(validatorsOf(doc)).toEqual([]);
  });

  it('starts a new round of sign-offs when the protocol goes back to review', () => {
    const doc = fresh();
    moveStatus(doc, 'relecture', lead, '', now);
    signOff(doc, author, now);
    moveStatus(doc, 'brouillon', lead, 'À retravailler', now);
    moveStatus(doc, 'relecture', lead, '', now);
    expect(currentSignoffs(doc)).toEqual([]);
    expect(signOff(doc, author, now).ok).toBe(true);
  });

  it('refuses a review date in the past where it is typed', () => {
    const doc = fresh();
    const result = updateProtocolHeader(doc, { reviewDate: '2026-11-23' }, '2026-11-24');
    expect(result.ok ? null : result.errors[0]!.message).toBe('errors.reviewDateInPast');
    expect(readProtocolHeader(doc).reviewDate).toBeNull();
    expect(updateProtocolHeader(doc, { reviewDate: '2026-02-30' }).ok).toBe(false);
  });

  it('logs a move to another working group by its lead or a coordinator, with both names as they were', () => {
    const doc = fresh();
    let changes = 0;
    const stop = observeWorkflow(doc, () => changes++);
    const none = { id: null, name: 'Aucun groupe' };
    const plaies = { id: 'group-plaies01', name: 'Plaies et cicatrisation' };
    expect(logGroupMove(doc, none, plaies, author, now)).toMatchObject({
      ok: false,
      errors: [{ field: 'group', message: 'errors.notAllowed' }],
    });
    expect(logGroupMove(doc, none, plaies, observer, now).ok).toBe(false);
    expect(logGroupMove(doc, plaies, plaies, lead, now)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.invalid' }],
    });
    expect(listGroupMoves(doc)).toEqual([]);
    expect(logGroupMove(doc, none, plaies, lead, now).ok).toBe(true);
    expect(logGroupMove(doc, plaies, none, coordinator, now).ok).toBe(true);
    expect(listGroupMoves(doc)).toEqual([
      {
        from: null,
        fromName: 'Aucun groupe',
        to: 'group-plaies01',
        toName: 'Plaies et cicatrisation',
        by: lead.memberId,
        byName: lead.name,
        at: now.toISOString(),
      },
      {
        from: 'group-plaies01',
        fromName: 'Plaies et cicatrisation',
        to: null,
        toName: 'Aucun groupe',
        by: coordinator.memberId,
        byName: coordinator.name,
        at: now.toISOString(),
      },
    ]);
    expect(changes).toBe(2);
    stop();
  });

  it('lets a member take back their sign-off until the round closes, and only theirs', () => {
    const doc = fresh();
    moveStatus(doc, 'relecture', lead, '', now);
    expect(withdrawSignoff(doc, author)).toMatchObject({ ok: false, errors: [{ message: 'errors.notSigned' }] });
    signOff(doc, author, now);
    signOff(doc, coordinator, now);
    expect(withdrawSignoff(doc, author).ok).toBe(true);
    expect(currentSignoffs(doc).map((s) => s.memberId)).toEqual([coordinator.memberId]);
    // Signing again after withdrawing is allowed; once the team validated, the round is closed.
    expect(signOff(doc, author, now).ok).toBe(true);
    expect(moveStatus(doc, 'valide_equipe', lead, '', now).ok).toBe(true);
    expect(withdrawSignoff(doc, author)).toMatchObject({ ok: false, errors: [{ message: 'errors.notInReview' }] });
    expect(currentSignoffs(doc)).toHaveLength(2);
  });

  it('tells steps back and archiving from steps on', () => {
    expect(moveKind('brouillon', 'relecture')).toBe('forward');
    expect(moveKind('relecture', 'brouillon')).toBe('back');
    expect(moveKind('valide_equipe', 'relecture')).toBe('back');
    expect(moveKind('soumis_cpam', 'relecture')).toBe('back');
    expect(moveKind('en_revision', 'relecture')).toBe('forward');
    expect(moveKind('diffuse', 'en_revision')).toBe('forward');
    expect(moveKind('diffuse', 'archive')).toBe('archive');
  });

  it('keeps a validated or diffused protocol out of the bin for members who do not lead it', () => {
    for (const status of ['brouillon', 'relecture']) expect(mayBinProtocol(status, author)).toBe(true);
    for (const status of ['valide_equipe', 'soumis_cpam', 'valide_cpam', 'diffuse', 'en_revision', 'archive']) {
      expect(mayBinProtocol(status, author)).toBe(false);
      expect(mayBinProtocol(status, lead)).toBe(true);
      expect(mayBinProtocol(status, coordinator)).toBe(true);
    }
    expect(mayBinProtocol('brouillon', observer)).toBe(false);
  });
});
