import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acknowledge, activateCrisis, appendEntry, deactivateCrisis, readActivation, readEntries } from './layout';
import {
  alertedGroups,
  assignTask,
  calledIn,
  currentTypology,
  escalate,
  escalationDue,
  mobilisation,
  openTasksFor,
  readEscalations,
  readRetex,
  readTasks,
  setTaskStatus,
  taskLate,
  writeRetex,
} from './followUp';
import type { CrisisActor } from './schema';

const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const denis: CrisisActor = { memberId: 'member-denis1', role: 'member' };
const elsa: CrisisActor = { memberId: 'member-elsa01', role: 'member' };
const observer: CrisisActor = { memberId: 'member-obs001', role: 'observer' };
const members = [claire, denis, elsa].map((a) => a.memberId);
const NOW = new Date('2027-07-20T14:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const snapshot = (doc: Y.Doc) => Y.encodeStateVector(doc).join(',');

function active(input: object = {}): Y.Doc {
  const doc = new Y.Doc();
  const result = activateCrisis(
    doc,
    { typology: 'malades_fragiles', authority: 'prefet', qualifiedAt: '2027-07-20T13:30:00.000Z', ...input },
    claire,
    false,
    NOW,
  );
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return doc;
}

describe('escalation', () => {
  it('records the next group and a new typology, who and when, and a decision in the main courante', () => {
    const doc = active();
    const raised = escalate(
      doc,
      { group: 'suppleants', typology: 'offre_de_soins', reason: 'Pharmacies fermées : passage en typologie 5' },
      claire,
      later(10),
    );
    expect(raised.ok).toBe(true);
    expect(readEscalations(doc)).toEqual([
      expect.objectContaining({
        group: 'suppleants',
        typology: 'offre_de_soins',
        by: claire.memberId,
        automatic: false,
      }),
    ]);
    expect(currentTypology(doc)).toBe('offre_de_soins');
    expect(readActivation(doc)!.typology).toBe('malades_fragiles');
    expect(alertedGroups(doc)).toEqual(['suppleants']);
    expect(readEntries(doc)).toEqual([
      expect.objectContaining({
        kind: 'decision',
        author: claire.memberId,
        text: 'Pharmacies fermées : passage en typologie 5',
      }),
    ]);
  });

  it('refuses an empty escalation, the same typology, a group alerted already, a member; nothing written', () => {
    const doc = active();
    escalate(doc, { group: 'suppleants', reason: 'Trop peu de disponibles' }, claire, later(5));
    const before = snapshot(doc);
    const cases: [unknown, CrisisActor, string][] = [
      [{ reason: 'Rien' }, claire, 'errors.escalationEmpty'],
      [{ reason: '' }, claire, 'errors.escalationEmpty'],
      [{ reason: '' }, claire, 'errors.escalationReason'],
      [{ group: 'suppleants', reason: 'Encore' }, claire, 'errors.escalationAlreadyAlerted'],
      [{ typology: 'malades_fragiles', reason: 'Même' }, claire, 'errors.escalationSameTypology'],
      [{ group: 'benevoles', reason: '  ' }, claire, 'errors.escalationReason'],
      [{ group: 'voisins', reason: 'x' }, claire, 'errors.escalationGroup'],
      [{ group: 'benevoles', reason: 'x' }, denis, 'errors.crisisNotAllowed'],
    ];
    for (const [input, actor, message] of cases) {
      const result = escalate(doc, input, actor, later(6));
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toContain(message);
    }
    expect(snapshot(doc)).toBe(before);
  });

  it('is due after the plan’s delay when too few are available, suppléants then volunteers', () => {
    const doc = active();
    const rule = { delayMinutes: 30, enough: 2 };
    expect(escalationDue(doc, rule, later(29))).toBeNull();
    expect(escalationDue(doc, rule, later(30))).toBe('suppleants');
    // A cell device writes it by itself.
    expect(escalate(doc, { group: 'suppleants', reason: 'Alerte étendue' }, denis, later(30), true).ok).toBe(true);
    expect(escalationDue(doc, rule, later(45))).toBeNull();
    expect(escalationDue(doc, rule, later(60))).toBe('benevoles');
    acknowledge(doc, denis, 'disponible', later(61));
    acknowledge(doc, elsa, 'disponible', later(61));
    expect(escalationDue(doc, rule, later(62))).toBeNull();
  });
});

describe('who an escalation calls in', () => {
  it('records the members of the group alerted, and their banner asks them until they answer after it', () => {
    const doc = active();
    acknowledge(doc, elsa, 'indisponible', later(1));
    const raised = escalate(doc, { group: 'suppleants', reason: 'Trop peu de disponibles' }, claire, later(10), false, [
      elsa.memberId,
      elsa.memberId,
      'pas un id !',
    ]);
    if (!raised.ok) throw new Error('escalation');
    expect(readEscalations(doc)[0]!.alerted).toEqual([elsa.memberId]);
    // Elsa answered before she was called in: asked again. Denis is in no group: not called.
    expect(calledIn(doc, elsa.memberId)?.id).toBe(raised.value.id);
    expect(calledIn(doc, denis.memberId)).toBeNull();
    acknowledge(doc, elsa, 'disponible', later(12));
    expect(calledIn(doc, elsa.memberId)).toBeNull();
    // The volunteers next: Denis is called; once the crisis is ended, nobody is.
    escalate(doc, { group: 'benevoles', reason: 'Renfort' }, claire, later(40), true, [denis.memberId]);
    expect(calledIn(doc, denis.memberId)?.group).toBe('benevoles');
    deactivateCrisis(doc, claire, later(50));
    expect(calledIn(doc, denis.memberId)).toBeNull();
  });

  it('calls nobody when only the typology changes; older escalations read as calling nobody', () => {
    const doc = active();
    escalate(doc, { typology: 'nrc', reason: 'Fuite chimique' }, claire, later(5), false, [denis.memberId]);
    doc.getMap('escalations').set('older-escalation1', {
      group: 'benevoles',
      typology: null,
      reason: 'Avant',
      by: claire.memberId,
      at: later(6).toISOString(),
      automatic: false,
    });
    expect(readEscalations(doc).map((e) => e.alerted)).toEqual([[], []]);
    expect(calledIn(doc, denis.memberId)).toBeNull();
  });
});

describe('tasks', () => {
  it('are given to a member of the annuaire and move along; the assignee sees theirs not done', () => {
    const doc = active();
    const task = assignTask(
      doc,
      { text: 'Appeler les patients isolés', assignee: denis.memberId },
      claire,
      members,
      NOW,
    );
    if (!task.ok) throw new Error('task');
    assignTask(doc, { text: 'Ouvrir le gymnase', assignee: elsa.memberId }, claire, members, NOW);
    expect(openTasksFor(doc, denis.memberId).map((t) => t.text)).toEqual(['Appeler les patients isolés']);
    expect(setTaskStatus(doc, task.value.id, 'en_cours', denis, later(1)).ok).toBe(true);
    expect(setTaskStatus(doc, task.value.id, 'faite', denis, later(2)).ok).toBe(true);
    expect(readTasks(doc).find((t) => t.id === task.value.id)).toMatchObject({
      status: 'faite',
      statusBy: denis.memberId,
      text: 'Appeler les patients isolés',
    });
    expect(openTasksFor(doc, denis.memberId)).toEqual([]);
  });

  it('may have a due time, never past when given; late once passed and not done', () => {
    const doc = active();
    const task = assignTask(
      doc,
      { text: 'Ouvrir la salle rafraîchie', assignee: elsa.memberId, due: later(120).toISOString() },
      claire,
      members,
      NOW,
    );
    if (!task.ok) throw new Error('task');
    const [read] = readTasks(doc);
    expect(read!.due).toBe(later(120).toISOString());
    expect(taskLate(read!, later(119))).toBe(false);
    expect(taskLate(read!, later(121))).toBe(true);
    setTaskStatus(doc, task.value.id, 'faite', elsa, later(130));
    expect(taskLate(readTasks(doc)[0]!, later(131))).toBe(false);
    const before = snapshot(doc);
    for (const [due, message] of [
      [later(-1).toISOString(), 'errors.taskDuePast'],
      ['demain', 'errors.taskDue'],
    ] as const) {
      const result = assignTask(doc, { text: 'x', assignee: elsa.memberId, due }, claire, members, NOW);
      expect(result.ok ? null : result.errors[0]!.message).toBe(message);
    }
    expect(snapshot(doc)).toBe(before);
  });

  it('refuses a task without text, for someone not in the annuaire, or from an observer; nothing written', () => {
    const doc = active();
    const before = snapshot(doc);
    const cases: [unknown, CrisisActor, string][] = [
      [{ text: ' ', assignee: denis.memberId }, claire, 'errors.taskRequired'],
      [{ text: 'x', assignee: 'member-nobody' }, claire, 'errors.taskAssignee'],
      [{ text: 'x', assignee: denis.memberId }, observer, 'errors.crisisReadOnly'],
    ];
    for (const [input, actor, message] of cases) {
      const result = assignTask(doc, input, actor, members, NOW);
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toContain(message);
    }
    expect(setTaskStatus(doc, 'nowhere-1234', 'faite', denis, NOW).ok).toBe(false);
    expect(setTaskStatus(doc, 'nowhere-1234', 'peut-être' as 'faite', denis, NOW).ok).toBe(false);
    expect(snapshot(doc)).toBe(before);
  });
});

describe('what the ACI counts', () => {
  it('counts the professionals mobilised once each, and the tasks done', () => {
    const doc = active();
    acknowledge(doc, denis, 'disponible', NOW);
    acknowledge(doc, elsa, 'indisponible', NOW);
    appendEntry(doc, { text: 'Point de situation', kind: 'information' }, claire, NOW);
    const task = assignTask(doc, { text: 'Appeler', assignee: denis.memberId }, claire, members, NOW);
    if (!task.ok) throw new Error('task');
    expect(mobilisation(doc)).toEqual({ mobilised: 2, actionsDone: 0 });
    setTaskStatus(doc, task.value.id, 'faite', denis, NOW);
    expect(mobilisation(doc)).toEqual({ mobilised: 2, actionsDone: 1 });
  });

  it('counts an author once however many entries, and not a value that is no member id', () => {
    const doc = active();
    for (let i = 0; i < 5; i++) appendEntry(doc, { text: `Point ${i}`, kind: 'information' }, denis, NOW);
    doc.getMap('entries').set('forged-entry-1', { author: 'pas un id !', text: 'x' });
    expect(mobilisation(doc)).toEqual({ mobilised: 1, actionsDone: 0 });
  });
});

describe('RETEX and exercises', () => {
  it('writes the RETEX once the crisis is ended, not before', () => {
    const doc = active();
    const input = { happened: 'Canicule de 5 jours', worked: 'La chaîne d’alerte', change: 'Numéro d’astreinte' };
    const early = writeRetex(doc, input, claire, NOW);
    expect(early.ok ? null : early.errors[0]!.message).toBe('errors.retexBeforeEnd');
    deactivateCrisis(doc, claire, later(60));
    expect(writeRetex(doc, input, observer, later(70)).ok).toBe(false);
    expect(writeRetex(doc, input, denis, later(70)).ok).toBe(true);
    expect(readRetex(doc)).toEqual({ ...input, updatedBy: denis.memberId, updatedAt: later(70).toISOString() });
  });

  it('records an exercise with its scenario; refuses one without', () => {
    const doc = active({ exercise: true, scenario: 'Inondation de la vallée, 40 patients à reloger' });
    expect(readActivation(doc)).toMatchObject({
      exercise: true,
      scenario: 'Inondation de la vallée, 40 patients à reloger',
    });
    const none = new Y.Doc();
    const refused = activateCrisis(
      none,
      { typology: 'nrc', authority: 'prefet', qualifiedAt: '2027-07-20T13:30:00.000Z', exercise: true },
      claire,
      false,
      NOW,
    );
    expect(refused.ok ? null : refused.errors[0]!.message).toBe('errors.exerciseScenario');
    expect(snapshot(none)).toBe(snapshot(new Y.Doc()));
  });
});
