import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listVersions } from '../protocol/versions';
import { createCrisisPlan, readCrisisPlanHeader, updateGovernance, updateTypologySheet } from './layout';
import {
  allowedPlanMoves,
  listPlanMoves,
  listYearlyUpdates,
  movePlanStatus,
  nextUpdateDue,
  recordYearlyUpdate,
  updateDueState,
  type PlanActor,
} from './workflow';

const coordinator: PlanActor = { memberId: 'member-coor0001', name: 'Claire Coord', role: 'coordinator' };
const referent: PlanActor = { memberId: 'member-titu0001', name: 'Dr Martin', role: 'member' };
const member: PlanActor = { memberId: 'member-memb0001', name: 'Jean Durand', role: 'member' };
const observer: PlanActor = { memberId: 'member-obse0001', name: 'Agnès Roy', role: 'observer' };
const annuaire = new Set([coordinator.memberId, referent.memberId, member.memberId]);
const named = (date: string) => `Mise à jour annuelle du ${date}`;

function plan() {
  const doc = new Y.Doc({ gc: false });
  createCrisisPlan(doc, 'Plan SSE', coordinator.memberId, new Date('2026-01-15T10:00:00Z'));
  return doc;
}
const ready = (doc: Y.Doc) =>
  updateGovernance(doc, { referentTitulaire: referent.memberId, mainPlace: 'MSP de Tulle' }, annuaire);

describe('crisis plan workflow', () => {
  it('goes brouillon → transmis → validé → actif → archivé, each move logged', () => {
    const doc = plan();
    ready(doc);
    expect(movePlanStatus(doc, 'transmis', referent).ok).toBe(true);
    expect(movePlanStatus(doc, 'valide', coordinator).ok).toBe(true);
    expect(movePlanStatus(doc, 'actif', referent).ok).toBe(true);
    expect(movePlanStatus(doc, 'archive', coordinator).ok).toBe(true);
    expect(listPlanMoves(doc).map((m) => `${m.from}→${m.to}`)).toEqual([
      'brouillon→transmis',
      'transmis→valide',
      'valide→actif',
      'actif→archive',
    ]);
    // The plan as sent to the ARS and CPAM is kept as a version.
    expect(listVersions(doc)).toMatchObject([{ kind: 'named', status: 'transmis', label: '2026' }]);
  });

  it('refuses out-of-order moves, and moves by whoever may not, in French and writing nothing', () => {
    const doc = plan();
    expect(movePlanStatus(doc, 'transmis', coordinator)).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'errors.planIncomplete' }],
    });
    ready(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(movePlanStatus(doc, 'valide', coordinator).ok).toBe(false);
    expect(movePlanStatus(doc, 'actif', coordinator).ok).toBe(false);
    expect(movePlanStatus(doc, 'transmis', member)).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'errors.notAllowed' }],
    });
    expect(movePlanStatus(doc, 'transmis', observer).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    movePlanStatus(doc, 'transmis', referent);
    // Only a coordinator records the ARS's validation.
    expect(movePlanStatus(doc, 'valide', referent)).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'errors.notAllowed' }],
    });
    expect(readCrisisPlanHeader(doc).status).toBe('transmis');
  });

  it('offers each actor the moves they may make', () => {
    const doc = plan();
    ready(doc);
    expect(allowedPlanMoves(doc, coordinator).map((m) => m.to)).toEqual(['transmis', 'archive']);
    expect(allowedPlanMoves(doc, referent).map((m) => m.to)).toEqual(['transmis']);
    expect(allowedPlanMoves(doc, member)).toEqual([]);
    expect(allowedPlanMoves(doc, observer)).toEqual([]);
  });

  it('is due a year after it was written, then a year after each dated update', () => {
    const doc = plan();
    expect(nextUpdateDue(doc)).toBe('2027-01-15');
    expect(updateDueState('2027-01-15', '2026-06-01')).toBe('ok');
    expect(updateDueState('2027-01-15', '2026-11-20')).toBe('soon');
    expect(updateDueState('2027-01-15', '2027-01-16')).toBe('overdue');
    ready(doc);
    movePlanStatus(doc, 'transmis', referent, 'Transmis', new Date('2026-01-20T10:00:00Z'));
    updateTypologySheet(doc, 'malades_fragiles', { triggers: 'Canicule rouge' });
    const update = recordYearlyUpdate(
      doc,
      { date: '2027-01-10', summary: 'Fiche canicule écrite' },
      referent,
      named,
      new Date('2027-01-10T09:00:00Z'),
    );
    expect(update.ok).toBe(true);
    expect(nextUpdateDue(doc)).toBe('2028-01-10');
    expect(readCrisisPlanHeader(doc).version).toBe('2027');
    const [sent, yearly] = listVersions(doc);
    expect(yearly).toMatchObject({ name: 'Mise à jour annuelle du 2027-01-10', reason: 'Fiche canicule écrite' });
    // The first update is compared with the plan as sent; the next with this one.
    expect(listYearlyUpdates(doc)[0]).toMatchObject({ versionId: yearly!.id, previousVersionId: sent!.id });
    recordYearlyUpdate(
      doc,
      { date: '2028-01-05', summary: 'Lieux revus' },
      coordinator,
      named,
      new Date('2028-01-05T09:00:00Z'),
    );
    expect(listYearlyUpdates(doc)[1]!.previousVersionId).toBe(yearly!.id);
  });

  it('refuses an update dated in the future, before the last, without summary or by a member', () => {
    const doc = plan();
    ready(doc);
    const now = new Date('2027-01-10T09:00:00Z');
    const update = (date: string, summary: string, actor = coordinator) =>
      recordYearlyUpdate(doc, { date, summary }, actor, named, now);
    expect(update('2027-01-11', 'x')).toEqual({
      ok: false,
      errors: [{ field: 'date', message: 'errors.dateInFuture' }],
    });
    expect(update('2027-01-09', ' ')).toEqual({
      ok: false,
      errors: [{ field: 'summary', message: 'errors.updateSummaryRequired' }],
    });
    expect(update('2027-01-09', 'x', member)).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'errors.notAllowed' }],
    });
    expect(update('2027-02-30', 'x').ok).toBe(false);
    expect(listVersions(doc)).toEqual([]);
    expect(update('2027-01-09', 'Annuaire revu').ok).toBe(true);
    expect(update('2027-01-09', 'Encore')).toEqual({
      ok: false,
      errors: [{ field: 'date', message: 'errors.updateBeforeLast' }],
    });
    expect(listYearlyUpdates(doc)).toHaveLength(1);
  });
});
