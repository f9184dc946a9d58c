import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import { readMeta } from '../meta';
import {
  addAgendaItem,
  addParticipant,
  answerAttendance,
  closeSheet,
  CONCERTATION_LAYOUT_VERSION,
  createConcertation,
  markDecisionRecorded,
  moveAgendaItem,
  readAgenda,
  readAttendance,
  readMeeting,
  readSheet,
  removeAgendaItem,
  setAgendaItemDiscussed,
  signSheet,
} from './layout';
import { allowedStatusMoves, moveConcertationStatus } from './workflow';
import { annuaire, caseItem, CLAIRE, DENIS, ELSA, FARID, meetingInput } from './testing';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};
const planned = () => {
  const doc = new Y.Doc();
  const result = createConcertation(doc, meetingInput(), CLAIRE, annuaire);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return doc;
};
const messages = (r: { ok: boolean; errors?: { field: string; message: string }[] }) =>
  r.ok ? [] : r.errors!.map((e) => `${e.field}:${e.message}`).sort();

describe('concertation layout', () => {
  it('plans a meeting stamped with its kind; the bureau are participants', () => {
    const doc = planned();
    expect(readMeta(doc)).toEqual({ kind: 'concertation', layoutVersion: CONCERTATION_LAYOUT_VERSION });
    expect(readMeeting(doc)).toMatchObject({
      type: 'rcp_patient',
      date: '2027-01-05',
      status: 'planifiee',
      participants: [CLAIRE, DENIS, ELSA, FARID].sort(),
      link: '',
    });
  });

  it('refuses a meeting with no date, an end before its start, or someone not in the annuaire; writes nothing', () => {
    const cases: [Partial<Parameters<typeof meetingInput>[0]>, string[]][] = [
      [{ date: '' }, ['date:errors.dateRequired']],
      [{ date: '2027-02-30' }, ['date:errors.date']],
      [{ start: '14:00', end: '13:30' }, ['end:errors.endBeforeStart']],
      [{ start: '14:00', end: '14:00' }, ['end:errors.endBeforeStart']],
      [{ participants: [DENIS, 'member-nobody'] }, ['participants.1:errors.notInAnnuaire']],
      [{ animateur: 'member-nobody' }, ['animateur:errors.notInAnnuaire']],
      [{ modality: 'visio', place: '' }, ['link:errors.linkRequired']],
      [{ modality: 'hybride', link: 'http://x.fr' }, ['link:errors.link']],
      [{ modality: 'presentiel', place: ' ' }, ['place:errors.placeRequired']],
    ];
    for (const [over, expected] of cases) {
      const doc = new Y.Doc();
      const result = createConcertation(doc, meetingInput(over), CLAIRE, annuaire);
      expect(messages(result), JSON.stringify(over)).toEqual(expected);
      expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThanOrEqual(2);
    }
  });

  it('puts cases on the agenda, refuses a case twice and writes nothing then', () => {
    const doc = planned();
    expect(addAgendaItem(doc, caseItem('case-aaaaaaaa'), annuaire).ok).toBe(true);
    const before = Y.encodeStateVector(doc);
    expect(messages(addAgendaItem(doc, caseItem('case-aaaaaaaa'), annuaire))).toEqual([
      'caseId:errors.caseAlreadyOnAgenda',
    ]);
    expect(messages(addAgendaItem(doc, caseItem('case-bbbbbbbb', { presenter: 'member-nobody' }), annuaire))).toEqual([
      'presenter:errors.notInAnnuaire',
    ]);
    expect(
      messages(addAgendaItem(doc, caseItem('case-bbbbbbbb', { question: ' ', criterion: 'x' }), annuaire)),
    ).toEqual(['criterion:errors.criterion', 'question:errors.questionRequired']);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readAgenda(doc).map((i) => i.caseId)).toEqual(['case-aaaaaaaa']);
  });

  it('keeps an agenda item to the fields it declares: nothing else of the patient is written', () => {
    const doc = planned();
    addAgendaItem(doc, { ...caseItem('case-aaaaaaaa'), initials: 'MD', birthYear: 1941, ins: '1 41 05' }, annuaire);
    const stored = doc.getMap<Y.Map<unknown>>('agenda').values().next().value!.toJSON();
    expect(Object.keys(stored).sort()).toEqual([
      'caseId',
      'criterion',
      'label',
      'minutes',
      'pos',
      'presenter',
      'question',
    ]);
  });

  it('reorders and removes agenda items', () => {
    const doc = planned();
    for (const id of ['case-aaaaaaaa', 'case-bbbbbbbb', 'case-cccccccc']) addAgendaItem(doc, caseItem(id), annuaire);
    const [a, , c] = readAgenda(doc);
    moveAgendaItem(doc, c!.id, 0);
    expect(readAgenda(doc).map((i) => i.caseId)).toEqual(['case-cccccccc', 'case-aaaaaaaa', 'case-bbbbbbbb']);
    expect(setAgendaItemDiscussed(doc, c!.id, true).ok).toBe(true);
    expect(readAgenda(doc).map((i) => i.discussed)).toEqual([true, false, false]);
    removeAgendaItem(doc, a!.id);
    expect(readAgenda(doc).map((i) => i.caseId)).toEqual(['case-cccccccc', 'case-bbbbbbbb']);
  });

  it('converges to one agenda order whatever the concurrent moves and adds', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(6), replica: fc.nat(2) }),
      fc.record({ kind: fc.constant('move' as const), from: fc.nat(6), to: fc.nat(6), replica: fc.nat(2) }),
      fc.record({ kind: fc.constant('sync' as const), a: fc.nat(2), b: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const first = planned();
        const replicas = [first, new Y.Doc(), new Y.Doc()];
        for (const r of replicas.slice(1)) sync(first, r);
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'sync') sync(replicas[o.a]!, replicas[o.b]!);
          else {
            const doc = replicas[o.replica]!;
            const items = readAgenda(doc);
            if (o.kind === 'add') addAgendaItem(doc, caseItem(`case-${String(n++).padStart(8, '0')}`), annuaire, o.at);
            else if (items.length > 0) moveAgendaItem(doc, items[o.from % items.length]!.id, o.to);
          }
        }
        sync(replicas[0]!, replicas[1]!);
        sync(replicas[1]!, replicas[2]!);
        sync(replicas[0]!, replicas[1]!);
        const orders = replicas.map((r) => readAgenda(r).map((i) => i.id));
        expect(orders[1]).toEqual(orders[0]);
        expect(orders[2]).toEqual(orders[0]);
        // Every add survives: moves never drop or duplicate an item.
        expect(new Set(orders[0]).size).toBe(n);
      }),
      { numRuns: 100 },
    );
  });

  it('records each participant’s own answer, merged from separate devices; strangers are refused', () => {
    const a = planned();
    const b = new Y.Doc();
    sync(a, b);
    expect(answerAttendance(a, DENIS, 'present').ok).toBe(true);
    expect(answerAttendance(b, FARID, 'excuse').ok).toBe(true);
    expect(answerAttendance(b, DENIS, 'excuse', new Date('2027-01-01T08:00:00Z')).ok).toBe(true);
    expect(messages(answerAttendance(a, 'member-nobody', 'present'))).toEqual(['attendance:errors.notParticipant']);
    sync(a, b);
    expect(readAttendance(a)).toEqual(readAttendance(b));
    expect(readAttendance(a).map((x) => [x.memberId, x.answer])).toContainEqual([FARID, 'excuse']);
    expect(readAttendance(a).map((x) => x.memberId)).toEqual([DENIS, FARID]);
  });

  it('lets people tick their own presence until the animateur closes the sheet', () => {
    const doc = planned();
    const at = new Date('2027-01-05T11:35:00Z');
    expect(signSheet(doc, { memberId: DENIS, name: 'Dr Denis', profession: 'medecin_generaliste' }, at).ok).toBe(true);
    expect(messages(closeSheet(doc, ELSA))).toEqual(['sheet:errors.animateurOnly']);
    expect(closeSheet(doc, CLAIRE).ok).toBe(true);
    expect(messages(signSheet(doc, { memberId: ELSA, name: 'Elsa', profession: 'infirmier' }))).toEqual([
      'sheet:errors.sheetClosed',
    ]);
    expect(readSheet(doc)).toEqual([
      { memberId: DENIS, name: 'Dr Denis', profession: 'medecin_generaliste', at: at.toISOString() },
    ]);
  });

  it('moves planifiée → tenue → validée → verrouillée; only the animateur validates; then every edit is refused', () => {
    const doc = planned();
    addAgendaItem(doc, caseItem('case-aaaaaaaa'), annuaire);
    expect(messages(moveConcertationStatus(doc, 'validee', CLAIRE))).toEqual(['status:errors.statusMove']);
    expect(messages(moveConcertationStatus(doc, 'tenue', DENIS))).toEqual(['status:errors.bureauOnly']);
    expect(moveConcertationStatus(doc, 'tenue', ELSA).ok).toBe(true);
    // The decision reported into the case: the agenda notes when, once, and nothing else.
    const [first] = readAgenda(doc);
    expect(messages(markDecisionRecorded(doc, 'no-such-item'))).toEqual(['agenda:errors.row']);
    expect(markDecisionRecorded(doc, first!.id, new Date('2027-01-05T13:00:00Z')).ok).toBe(true);
    expect(markDecisionRecorded(doc, first!.id, new Date('2027-01-05T13:30:00Z')).ok).toBe(true);
    expect(readAgenda(doc)[0]).toMatchObject({ decisionRecordedAt: '2027-01-05T13:00:00.000Z' });
    expect(messages(moveConcertationStatus(doc, 'validee', ELSA))).toEqual(['status:errors.animateurOnly']);
    expect(moveConcertationStatus(doc, 'validee', CLAIRE, new Date('2027-01-05T14:00:00Z')).ok).toBe(true);
    expect(readMeeting(doc)).toMatchObject({ status: 'validee', validatedAt: '2027-01-05T14:00:00.000Z' });
    const before = Y.encodeStateVector(doc);
    const item = readAgenda(doc)[0]!;
    const locked = ['status:errors.concertationLocked'];
    expect(messages(addAgendaItem(doc, caseItem('case-bbbbbbbb'), annuaire))).toEqual(locked);
    expect(messages(moveAgendaItem(doc, item.id, 0))).toEqual(locked);
    expect(messages(removeAgendaItem(doc, item.id))).toEqual(locked);
    expect(messages(setAgendaItemDiscussed(doc, item.id, true))).toEqual(locked);
    expect(messages(markDecisionRecorded(doc, item.id))).toEqual(locked);
    expect(messages(answerAttendance(doc, DENIS, 'present'))).toEqual(locked);
    expect(messages(signSheet(doc, { memberId: DENIS, name: 'Denis', profession: 'medecin_generaliste' }))).toEqual(
      locked,
    );
    expect(messages(closeSheet(doc, CLAIRE))).toEqual(locked);
    expect(messages(addParticipant(doc, FARID, annuaire))).toEqual(locked);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(moveConcertationStatus(doc, 'verrouillee', CLAIRE).ok).toBe(true);
    expect(messages(moveConcertationStatus(doc, 'verrouillee', CLAIRE))).toEqual(['status:errors.statusMove']);
  });

  it('is cancelled by whoever runs it while planned, refuses edits then, and is planned again as it was', () => {
    const doc = planned();
    doc.getMap('meta').set('layoutVersion', 1); // planned by a client from before cancelling
    addAgendaItem(doc, caseItem('case-aaaaaaaa'), annuaire);
    expect(allowedStatusMoves(readMeeting(doc)!, DENIS)).toEqual([]);
    expect(allowedStatusMoves(readMeeting(doc)!, ELSA)).toEqual(['tenue', 'annulee']);
    expect(messages(moveConcertationStatus(doc, 'annulee', DENIS))).toEqual(['status:errors.bureauOnly']);
    expect(moveConcertationStatus(doc, 'annulee', ELSA, new Date('2027-01-02T09:00:00Z')).ok).toBe(true);
    expect(doc.getMap('meeting').get('cancelledBy')).toBe(ELSA);
    expect(readMeta(doc).layoutVersion).toBe(2);
    expect(readMeeting(doc)).toMatchObject({ status: 'annulee' });
    expect(allowedStatusMoves(readMeeting(doc)!, CLAIRE)).toEqual(['planifiee']);
    expect(messages(moveConcertationStatus(doc, 'tenue', CLAIRE))).toEqual(['status:errors.statusMove']);
    expect(messages(answerAttendance(doc, DENIS, 'present'))).toEqual(['status:errors.concertationLocked']);
    expect(moveConcertationStatus(doc, 'planifiee', CLAIRE).ok).toBe(true);
    expect(doc.getMap('meeting').has('cancelledAt')).toBe(false);
    expect(readAgenda(doc)).toHaveLength(1);
    expect(allowedStatusMoves(readMeeting(doc)!, ELSA)).toEqual(['tenue', 'annulee']);
    // Held, it can no longer be cancelled: its minutes are the team's record.
    expect(moveConcertationStatus(doc, 'tenue', ELSA).ok).toBe(true);
    expect(messages(moveConcertationStatus(doc, 'annulee', CLAIRE))).toEqual(['status:errors.statusMove']);
  });
});
