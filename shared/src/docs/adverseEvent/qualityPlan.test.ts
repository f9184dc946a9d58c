import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPlanAction,
  editPlanAction,
  planActionsFor,
  readQualityPlan,
  setPlanActionStatus,
  type PlanActionInput,
} from './qualityPlan';
import { DENIS, ELSA, NOW, PAUL, REGINE, referents } from './testing';

const annuaire = new Set([ELSA, DENIS, PAUL, REGINE]);
const input = (over: Partial<PlanActionInput> = {}): PlanActionInput => ({
  action: 'Double contrôle du pilulier à domicile',
  objective: 'Plus d’erreur de case',
  owner: DENIS,
  due: '2027-01-31',
  indicator: 'Piluliers contrôlés / préparés',
  reportId: 'report-abcdefgh',
  ...over,
});
const add = (doc: Y.Doc, over: Partial<PlanActionInput> = {}, actor = REGINE) =>
  addPlanAction(doc, input(over), actor, referents, annuaire, NOW);

describe('the quality plan', () => {
  it('adds an action « à faire » that its owner sees until it is done', () => {
    const doc = new Y.Doc();
    const added = add(doc);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.value).toMatchObject({ status: 'a_faire', owner: DENIS, createdBy: REGINE });
    expect(planActionsFor(readQualityPlan(doc), DENIS).map((a) => a.id)).toEqual([added.value.id]);
    expect(planActionsFor(readQualityPlan(doc), ELSA)).toEqual([]);
    expect(setPlanActionStatus(doc, added.value.id, 'en_cours', DENIS, referents).ok).toBe(true);
    expect(planActionsFor(readQualityPlan(doc), DENIS)).toHaveLength(1);
    expect(setPlanActionStatus(doc, added.value.id, 'fait', DENIS, referents).ok).toBe(true);
    expect(planActionsFor(readQualityPlan(doc), DENIS)).toEqual([]);
    expect(readQualityPlan(doc)[0]!.status).toBe('fait');
  });

  it.each([
    ['no owner', { owner: '' }, 'owner', 'errors.planOwnerRequired'],
    ['no deadline', { due: '' }, 'due', 'errors.planDueRequired'],
    ['no action', { action: '  ' }, 'action', 'errors.planActionRequired'],
    ['a deadline in the past', { due: '2026-12-04' }, 'due', 'errors.planDueInPast'],
    ['a day that does not exist', { due: '2027-02-30' }, 'due', 'errors.date'],
    ['an owner outside the annuaire', { owner: 'member-ghost1' }, 'owner', 'errors.notInAnnuaire'],
    ['an unknown status', { status: 'abandonne' as never }, 'status', 'errors.status'],
  ])('refuses %s in French and writes nothing', (_name, over, field, message) => {
    const doc = new Y.Doc();
    const result = add(doc, over);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ field, message });
    expect(readQualityPlan(doc)).toEqual([]);
  });

  it('is written by référents only; the status by its owner or a référent', () => {
    const doc = new Y.Doc();
    expect(add(doc, {}, DENIS)).toEqual({ ok: false, errors: [{ field: 'actor', message: 'errors.referentOnly' }] });
    const added = add(doc);
    if (!added.ok) throw new Error('not added');
    expect(setPlanActionStatus(doc, added.value.id, 'fait', ELSA, referents).ok).toBe(false);
    expect(setPlanActionStatus(doc, added.value.id, 'perdu', DENIS, referents).ok).toBe(false);
    expect(setPlanActionStatus(doc, 'nope-nope-nope', 'fait', PAUL, referents).ok).toBe(false);
    expect(readQualityPlan(doc)[0]!.status).toBe('a_faire');
    expect(setPlanActionStatus(doc, added.value.id, 'fait', PAUL, referents).ok).toBe(true);
  });

  it('lists soonest deadline first, and keeps an owner’s tick and a référent’s rewording made at once', () => {
    const a = new Y.Doc();
    add(a, { due: '2027-03-01', action: 'Plus tard' });
    add(a, { due: '2027-01-02', action: 'Bientôt' });
    expect(readQualityPlan(a).map((x) => x.action)).toEqual(['Bientôt', 'Plus tard']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = readQualityPlan(a)[0]!.id;
    setPlanActionStatus(a, id, 'en_cours', DENIS, referents);
    b.getMap<Y.Map<unknown>>('qualityPlan').get(id)!.set('indicator', 'Nouveau');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readQualityPlan(b)[0]).toMatchObject({ status: 'en_cours', indicator: 'Nouveau' });
  });

  it('carries no report text and no reporter, whatever is passed in', () => {
    const doc = new Y.Doc();
    addPlanAction(
      doc,
      { ...input(), description: 'Récit du déclarant', reportedBy: ELSA },
      REGINE,
      referents,
      annuaire,
      NOW,
    );
    const stored = JSON.stringify(doc.getMap('qualityPlan').toJSON());
    expect(stored).not.toContain('Récit');
    expect(stored).not.toContain(ELSA);
  });
});

describe('editing a plan action', () => {
  const planned = () => {
    const doc = new Y.Doc();
    const added = add(doc);
    if (!added.ok) throw new Error('not added');
    return { doc, id: added.value.id };
  };
  const edit = (doc: Y.Doc, id: string, changes: unknown, actor = REGINE) =>
    editPlanAction(doc, id, changes, actor, referents, annuaire, NOW);

  it('changes wording, owner, deadline and status; the new owner sees it under « Pour vous », the old one no more', () => {
    const { doc, id } = planned();
    const edited = edit(doc, id, {
      action: 'Double contrôle du pilulier, à domicile et en officine',
      owner: ELSA,
      due: '2027-02-28',
      indicator: 'Piluliers contrôlés',
      status: 'en_cours',
    });
    expect(edited.ok).toBe(true);
    const [action] = readQualityPlan(doc);
    expect(action).toMatchObject({
      action: 'Double contrôle du pilulier, à domicile et en officine',
      owner: ELSA,
      due: '2027-02-28',
      indicator: 'Piluliers contrôlés',
      status: 'en_cours',
      objective: 'Plus d’erreur de case',
      reportId: 'report-abcdefgh',
    });
    expect(planActionsFor(readQualityPlan(doc), ELSA).map((a) => a.id)).toEqual([id]);
    expect(planActionsFor(readQualityPlan(doc), DENIS)).toEqual([]);
  });

  it('refuses, in French and writing nothing: no text, no owner, no deadline, a past or impossible day, an owner off the annuaire, a bad status, someone not a référent', () => {
    const { doc, id } = planned();
    const before = Y.encodeStateAsUpdate(doc);
    const cases: [unknown, string, string][] = [
      [{ action: '  ' }, 'action', 'errors.planActionRequired'],
      [{ owner: '' }, 'owner', 'errors.planOwnerRequired'],
      [{ due: '' }, 'due', 'errors.planDueRequired'],
      [{ due: '2026-12-04' }, 'due', 'errors.planDueInPast'],
      [{ due: '2027-02-30' }, 'due', 'errors.date'],
      [{ owner: 'member-nobody' }, 'owner', 'errors.notInAnnuaire'],
      [{ status: 'peut-etre' }, 'status', 'errors.status'],
    ];
    for (const [changes, field, message] of cases) {
      const result = edit(doc, id, changes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toEqual({ field, message });
    }
    expect(edit(doc, id, { action: 'Autre chose' }, DENIS)).toEqual({
      ok: false,
      errors: [{ field: 'actor', message: 'errors.referentOnly' }],
    });
    expect(edit(doc, 'no-such-action', { action: 'Autre chose' }).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('keeps a late deadline while the wording changes; writes only what changed, so a concurrent « fait » wins', () => {
    const { doc, id } = planned();
    const later = new Date('2027-03-01T10:00:00.000Z');
    expect(
      editPlanAction(doc, id, { action: 'Reformulée', due: '2027-01-31' }, REGINE, referents, annuaire, later).ok,
    ).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(setPlanActionStatus(other, id, 'fait', DENIS, referents).ok).toBe(true);
    expect(edit(doc, id, { action: 'Reformulée', indicator: 'Nouvel indicateur', status: 'a_faire' }).ok).toBe(true);
    // The référent's form sends every field; only the indicator and the status she moved differ from her copy.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readQualityPlan(doc)[0]).toMatchObject({
      action: 'Reformulée',
      indicator: 'Nouvel indicateur',
      status: 'fait',
    });
    expect(readQualityPlan(doc)).toEqual(readQualityPlan(other));
  });
});
