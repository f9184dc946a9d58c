import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acknowledge,
  activateCrisis,
  alteredEntries,
  appendEntry,
  deactivateCrisis,
  markEntry,
  readAcks,
  readActivation,
  readEntries,
} from './layout';
import { ackBoard, handoverSummary } from './board';
import { activeCrises } from './catalogue';
import type { CrisisActor } from './schema';
import type { CatalogueItem } from '../catalogue/schema';

const coordinator: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const denis: CrisisActor = { memberId: 'member-denis1', role: 'member' };
const elsa: CrisisActor = { memberId: 'member-elsa01', role: 'member' };
const observer: CrisisActor = { memberId: 'member-obs001', role: 'observer' };
const NOW = new Date('2027-07-20T14:00:00.000Z');
const canicule = {
  typology: 'malades_fragiles',
  authority: 'prefet',
  reference: 'Arrêté 2027-41',
  qualifiedAt: '2027-07-20T13:30:00.000Z',
};

function active(): Y.Doc {
  const doc = new Y.Doc();
  expect(activateCrisis(doc, canicule, coordinator, false, NOW).ok).toBe(true);
  return doc;
}
const snapshot = (doc: Y.Doc) => Y.encodeStateVector(doc).join(',');

describe('activation', () => {
  it('records typology, authority, reference, times and who', () => {
    const doc = active();
    expect(readActivation(doc)).toEqual({
      ...canicule,
      exercise: false,
      scenario: '',
      activatedBy: coordinator.memberId,
      activatedAt: NOW.toISOString(),
      deactivatedBy: null,
      deactivatedAt: null,
    });
  });

  it.each([
    ['no typology', { ...canicule, typology: undefined }, 'errors.crisisTypology'],
    ['no authority', { ...canicule, authority: '' }, 'errors.crisisAuthority'],
    ['an unknown authority', { ...canicule, authority: 'maire' }, 'errors.crisisAuthority'],
    ['a qualification after now', { ...canicule, qualifiedAt: '2027-07-20T15:00:00.000Z' }, 'errors.crisisInFuture'],
  ])('refuses %s and writes nothing', (_, input, message) => {
    const doc = new Y.Doc();
    const result = activateCrisis(doc, input, coordinator, false, NOW);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toContain(message);
    expect(snapshot(doc)).toBe(snapshot(new Y.Doc()));
  });

  it('refuses a second activation while one is active, here or elsewhere', () => {
    const doc = active();
    const before = snapshot(doc);
    const again = activateCrisis(doc, canicule, coordinator, false, NOW);
    expect(again.ok ? null : again.errors[0]!.message).toBe('errors.crisisAlreadyActive');
    expect(snapshot(doc)).toBe(before);
    const other = new Y.Doc();
    const second = activateCrisis(other, canicule, coordinator, true, NOW);
    expect(second.ok ? null : second.errors[0]!.message).toBe('errors.crisisAlreadyActive');
    expect(snapshot(other)).toBe(snapshot(new Y.Doc()));
  });

  it('lets coordinators and référents activate, not members or observers', () => {
    for (const actor of [denis, observer]) {
      const doc = new Y.Doc();
      const result = activateCrisis(doc, canicule, actor, false, NOW);
      expect(result.ok ? null : result.errors[0]!.message).toBe('errors.crisisNotAllowed');
    }
    expect(activateCrisis(new Y.Doc(), canicule, { ...denis, referent: true }, false, NOW).ok).toBe(true);
  });

  it('deactivates once, by who may activate; nothing is written after', () => {
    const doc = active();
    expect(deactivateCrisis(doc, denis).ok).toBe(false);
    const later = new Date('2027-07-22T08:00:00.000Z');
    const ended = deactivateCrisis(doc, coordinator, later);
    expect(ended.ok && ended.value.deactivatedAt).toBe(later.toISOString());
    expect(deactivateCrisis(doc, coordinator).ok).toBe(false);
    const after = appendEntry(doc, { text: 'Fin', kind: 'information' }, denis, later);
    expect(after.ok ? null : after.errors[0]!.message).toBe('errors.crisisNotActive');
    expect(acknowledge(doc, denis, 'disponible', later).ok).toBe(false);
  });
});

describe('acknowledgements', () => {
  it('counts available, unavailable and unanswered members; observers acknowledge too', () => {
    const doc = active();
    acknowledge(doc, denis, 'disponible', NOW);
    acknowledge(doc, elsa, 'indisponible', NOW);
    acknowledge(doc, elsa, 'disponible', new Date(NOW.getTime() + 1000));
    acknowledge(doc, observer, 'indisponible', NOW);
    const members = [coordinator, denis, elsa, observer].map((a) => a.memberId);
    expect(ackBoard(readAcks(doc), members)).toEqual({
      available: [denis.memberId, elsa.memberId],
      unavailable: [observer.memberId],
      unanswered: [coordinator.memberId],
    });
  });

  it('leaves out answers from people no longer in the annuaire', () => {
    const doc = active();
    acknowledge(doc, denis, 'disponible', NOW);
    expect(ackBoard(readAcks(doc), [elsa.memberId])).toEqual({
      available: [],
      unavailable: [],
      unanswered: [elsa.memberId],
    });
  });

  it('adds a key per answer, named after its member, and never rewrites one', () => {
    const doc = active();
    acknowledge(doc, denis, 'disponible', NOW);
    acknowledge(doc, denis, 'indisponible', new Date(NOW.getTime() + 1000));
    const keys = [...doc.getMap('acks').keys()];
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key.startsWith(`${denis.memberId}:`)).toBe(true);
    expect(readAcks(doc)).toEqual([
      { memberId: denis.memberId, answer: 'indisponible', at: new Date(NOW.getTime() + 1000).toISOString() },
    ]);
  });

  it('refuses an answer that is not one of the two', () => {
    const doc = active();
    expect(acknowledge(doc, denis, 'peut-être' as 'disponible', NOW).ok).toBe(false);
    expect(readAcks(doc)).toEqual([]);
  });
});

describe('main courante', () => {
  it('keeps entries in time order then id, whatever order they were appended', () => {
    const doc = active();
    appendEntry(doc, { text: 'B', kind: 'information', at: '2027-07-20T13:50:00.000Z' }, denis, NOW);
    appendEntry(doc, { text: 'A', kind: 'decision', at: '2027-07-20T13:40:00.000Z' }, elsa, NOW);
    appendEntry(doc, { text: 'C', kind: 'information' }, denis, NOW);
    expect(readEntries(doc).map((e) => e.text)).toEqual(['A', 'B', 'C']);
    expect(readEntries(doc)[2]).toMatchObject({ at: NOW.toISOString(), author: denis.memberId, corrects: null });
  });

  it('refuses an entry dated in the future, an empty one, or one from an observer; nothing written', () => {
    const doc = active();
    const before = snapshot(doc);
    const cases: [unknown, CrisisActor, string][] = [
      [{ text: 'Plus tard', kind: 'information', at: '2027-07-20T14:05:00.000Z' }, denis, 'errors.entryInFuture'],
      [{ text: '   ', kind: 'information' }, denis, 'errors.entryRequired'],
      [{ text: 'x', kind: 'rumeur' }, denis, 'errors.entryKind'],
      [{ text: 'x', kind: 'information' }, observer, 'errors.crisisReadOnly'],
      [{ text: 'x', kind: 'information', corrects: 'nowhere-1234' }, denis, 'errors.entryNotFound'],
    ];
    for (const [input, actor, message] of cases) {
      const result = appendEntry(doc, input, actor, NOW);
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toContain(message);
    }
    expect(snapshot(doc)).toBe(before);
  });

  it('corrects by a new entry: the corrected one stays as written and points to its correction', () => {
    const doc = active();
    const first = appendEntry(doc, { text: '12 patients', kind: 'information' }, denis, NOW);
    if (!first.ok) throw new Error('append');
    const written = readEntries(doc)[0];
    const fix = appendEntry(doc, { text: '21 patients', kind: 'information', corrects: first.value.id }, elsa, NOW);
    expect(fix.ok).toBe(true);
    const a = readEntries(doc).find((e) => e.id === first.value.id);
    const b = readEntries(doc).find((e) => e.id !== first.value.id);
    expect({ ...a, correctedBy: [] }).toEqual(written);
    expect(a!.correctedBy).toEqual([fix.ok && fix.value.id]);
    expect(b!.corrects).toBe(first.value.id);
  });

  it('marks entries beside them; observers may not; the summary lists what is open', () => {
    const doc = active();
    const a = appendEntry(
      doc,
      { text: 'Ouvrir le gymnase', kind: 'decision', at: '2027-07-20T13:40:00.000Z' },
      denis,
      NOW,
    );
    const b = appendEntry(doc, { text: 'Pharmacie fermée ?', kind: 'information' }, elsa, NOW);
    if (!a.ok || !b.ok) throw new Error('append');
    const text = readEntries(doc).map((e) => e.text);
    expect(markEntry(doc, b.value.id, 'a_verifier', observer, NOW).ok).toBe(false);
    expect(markEntry(doc, b.value.id, 'a_verifier', denis, NOW).ok).toBe(true);
    expect(markEntry(doc, 'nowhere-1234', 'verifie', denis, NOW).ok).toBe(false);
    expect(readEntries(doc).map((e) => e.text)).toEqual(text);
    const summary = handoverSummary(readEntries(doc), '2027-07-20T13:00:00.000Z');
    expect(summary.toVerify.map((e) => e.id)).toEqual([b.value.id]);
    expect(summary.decisions.map((e) => e.id)).toEqual([a.value.id]);
    markEntry(doc, b.value.id, 'verifie', elsa, NOW);
    expect(handoverSummary(readEntries(doc), NOW.toISOString())).toEqual({ toVerify: [], decisions: [] });
  });

  it('merges entries appended on two offline copies, every one in place and unchanged', () => {
    const doc = active();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    appendEntry(doc, { text: 'ici 13:45', kind: 'information', at: '2027-07-20T13:45:00.000Z' }, denis, NOW);
    appendEntry(other, { text: 'là 13:42', kind: 'decision', at: '2027-07-20T13:42:00.000Z' }, elsa, NOW);
    appendEntry(other, { text: 'là 13:50', kind: 'information', at: '2027-07-20T13:50:00.000Z' }, elsa, NOW);
    const mine = readEntries(doc);
    const theirs = readEntries(other);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readEntries(doc).map((e) => e.text)).toEqual(['là 13:42', 'ici 13:45', 'là 13:50']);
    expect(readEntries(other)).toEqual(readEntries(doc));
    for (const e of [...mine, ...theirs]) expect(readEntries(doc)).toContainEqual(e);
  });
});

describe('an entry changed or removed outside the layout', () => {
  it('shows on every device, even one that loads the document afresh', () => {
    const doc = active();
    const kept = appendEntry(doc, { text: 'Gymnase ouvert', kind: 'decision' }, denis, NOW);
    const changed = appendEntry(doc, { text: '12 patients', kind: 'information' }, denis, NOW);
    const gone = appendEntry(doc, { text: 'Mairie prévenue', kind: 'information' }, elsa, NOW);
    if (!kept.ok || !changed.ok || !gone.ok) throw new Error('append');
    expect(alteredEntries(doc)).toEqual({ rewritten: [], removed: [] });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    // A client that bypasses the layout rewrites one entry and deletes another.
    const entries = other.getMap('entries');
    entries.set(changed.value.id, { ...(entries.get(changed.value.id) as object), text: '2 patients' });
    entries.delete(gone.value.id);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    for (const d of [doc, other, fresh])
      expect(alteredEntries(d)).toEqual({ rewritten: [changed.value.id], removed: [gone.value.id] });
  });
});

describe('activeCrises', () => {
  const item = (over: Partial<CatalogueItem>): CatalogueItem => ({
    docId: 'crisis-0001',
    kind: 'crisisActivation',
    title: 'Crise',
    status: 'active',
    groupId: null,
    createdAt: '2027-07-20T14:00:00.000Z',
    updatedAt: '2027-07-20T14:00:00.000Z',
    deletedAt: null,
    theme: '',
    professions: [],
    reviewDate: null,
    crisisTypology: 'malades_fragiles',
    ...over,
  });

  it('finds the active activations, latest first, and not ended ones or other kinds', () => {
    const items = [
      item({}),
      item({ docId: 'crisis-0002', createdAt: '2027-07-21T10:00:00.000Z', crisisTypology: 'nrc' }),
      item({ docId: 'crisis-0003', status: 'terminee' }),
      item({ docId: 'protocol-01', kind: 'protocol' }),
    ];
    expect(activeCrises(items).map((c) => [c.docId, c.typology])).toEqual([
      ['crisis-0002', 'nrc'],
      ['crisis-0001', 'malades_fragiles'],
    ]);
  });
});
