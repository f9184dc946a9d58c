// A crisis activation's main courante over the real relay, with stock y-websocket clients: two members of the cell
// append while one of them is cut off; once reconnected both hold every entry, in time order, none changed. An
// observer's own acknowledgement passes the relay in an activation's room only; anything else they write does not. A
// member's client that rewrites or deletes an entry is refused by the relay; marks still change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  acknowledge,
  activateCrisis,
  alteredEntries,
  appendEntry,
  calledIn,
  escalate,
  markEntry,
  newCrisisActivationId,
  parseRoom,
  readAcks,
  readEntries,
  type CrisisActor,
  type Entry,
} from '@maillage/shared';
import { roomName, WELL_KNOWN_DOCS } from '@maillage/shared';
import { type RelayProcess } from '../support/relayProcess';
import { eventually, freshRoom, whenSynced, workspaceOf, writeRefused } from '../support/yClient';
import { Started } from '../support/started';

let relay: RelayProcess;
const started = new Started();
beforeAll(async () => {
  relay = await started.relay();
});
afterAll(() => started.end());

const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const denis: CrisisActor = { memberId: 'member-denis1', role: 'member' };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
/** A crisis activation's room (its id says so) in a new test workspace. */
async function crisisRoom(): Promise<string> {
  const room = await freshRoom();
  return roomName({ workspaceId: parseRoom(room)!.workspaceId, docId: newCrisisActivationId() });
}

/** A stock client of `actor` on `room` (a room of a test workspace), synced. */
async function openAs(room: string, actor: CrisisActor): Promise<WebsocketProvider> {
  const token = await workspaceOf(room).token({ role: actor.role, member: actor.memberId });
  const provider = started.client(relay.wsUrl, room, { token });
  await whenSynced(provider);
  return provider;
}

describe('main courante over the relay', () => {
  it('merges entries written while one writer was disconnected, in time order, none changed', async () => {
    const room = await crisisRoom();
    const as = (actor: CrisisActor) => openAs(room, actor);
    const a = await as(claire);
    const activated = activateCrisis(
      a.doc,
      { typology: 'malades_fragiles', authority: 'prefet', reference: 'Canicule', qualifiedAt: minutesAgo(60) },
      claire,
      false,
    );
    expect(activated.ok).toBe(true);
    const b = await as(denis);
    await eventually(() => b.doc.getMap('activation').size > 0, 5000, 'the activation at B');

    b.disconnect();
    const written: Entry[] = [];
    const append = (p: WebsocketProvider, actor: CrisisActor, text: string, ago: number) => {
      const result = appendEntry(p.doc, { text, kind: 'information', at: minutesAgo(ago) }, actor);
      if (!result.ok) throw new Error(result.errors[0]!.message);
      written.push(result.value);
    };
    append(b, denis, 'Hors ligne : pharmacie de garde jointe', 30);
    append(a, claire, 'En ligne : gymnase ouvert', 40);
    append(b, denis, 'Hors ligne : 12 personnes isolées appelées', 10);
    append(a, claire, 'En ligne : mairie prévenue', 20);
    expect(readEntries(b.doc)).toHaveLength(2);

    b.connect();
    await eventually(
      () => readEntries(a.doc).length === 4 && readEntries(b.doc).length === 4,
      10_000,
      'every entry on both',
    );
    const expected = written.sort((x, y) => (x.at < y.at ? -1 : 1)).map((e) => e.text);
    expect(readEntries(a.doc).map((e) => e.text)).toEqual(expected);
    expect(readEntries(b.doc)).toEqual(readEntries(a.doc));
    for (const entry of written) expect(readEntries(a.doc)).toContainEqual(entry);
  });

  it('tells a member called in by an escalation, on their own device, even one offline when it was written', async () => {
    const room = await crisisRoom();
    const as = (actor: CrisisActor) => openAs(room, actor);
    const a = await as(claire);
    activateCrisis(
      a.doc,
      { typology: 'malades_fragiles', authority: 'prefet', qualifiedAt: minutesAgo(60) },
      claire,
      false,
    );
    const d = await as(denis);
    await eventually(() => d.doc.getMap('activation').size > 0, 5000, 'the activation at D');
    acknowledge(d.doc, denis, 'indisponible');
    await eventually(() => readAcks(a.doc).length === 1, 5000, 'Denis’s first answer at A');

    d.disconnect();
    const raised = escalate(a.doc, { group: 'benevoles', reason: 'Renfort' }, claire, new Date(), false, [
      denis.memberId,
    ]);
    if (!raised.ok) throw new Error(raised.errors[0]!.message);
    expect(calledIn(d.doc, denis.memberId)).toBeNull();
    d.connect();
    await eventually(() => calledIn(d.doc, denis.memberId)?.id === raised.value.id, 10_000, 'the call at D');
    // His answer after the call reaches the cell and ends it there too.
    acknowledge(d.doc, denis, 'disponible');
    await eventually(() => calledIn(a.doc, denis.memberId) === null, 5000, 'the call answered, at A');
    expect(readAcks(a.doc).find((x) => x.memberId === denis.memberId)?.answer).toBe('disponible');
  });

  it('takes an observer’s own acknowledgement and drops anything else they write', async () => {
    const room = await crisisRoom();
    const observer: CrisisActor = { memberId: 'member-obs001', role: 'observer' };
    const as = (actor: CrisisActor) => openAs(room, actor);
    const a = await as(claire);
    activateCrisis(
      a.doc,
      { typology: 'malades_fragiles', authority: 'dg_ars', qualifiedAt: minutesAgo(5) },
      claire,
      false,
    );
    const o = await as(observer);
    await eventually(() => o.doc.getMap('activation').size > 0, 5000, 'the activation at the observer');
    expect(acknowledge(o.doc, observer, 'disponible').ok).toBe(true);
    await eventually(() => readAcks(a.doc).some((x) => x.memberId === observer.memberId), 5000, 'the answer at A');
    expect(readAcks(a.doc)).toEqual([{ memberId: observer.memberId, answer: 'disponible', at: expect.any(String) }]);

    // A tampered client of the same observer bypasses the layout: an entry, another member's answer, a typology.
    const t = await as(observer);
    t.doc.getMap('entries').set('entry-forged1', { at: minutesAgo(1), author: 'member-claire', text: 'Faux' });
    t.doc.getMap('acks').set('member-denis1:forged001', { answer: 'indisponible', at: minutesAgo(1) });
    t.doc.getMap('activation').set('typology', 'nrc');
    // The relay reads a socket's messages in order: once its presence reaches A, what it sent before was dropped.
    t.awareness.setLocalStateField('user', { name: 'Observatrice' });
    await eventually(() => a.awareness.getStates().has(t.doc.clientID), 5000, 'the tampered client’s presence at A');
    expect(a.doc.getMap('entries').size).toBe(0);
    expect(readAcks(a.doc).map((x) => x.memberId)).toEqual([observer.memberId]);
    expect(a.doc.getMap('activation').get('typology')).toBe('malades_fragiles');
  });

  it('drops an observer’s answer in a well-known document', async () => {
    const room = await freshRoom();
    const catalogue = roomName({ workspaceId: workspaceOf(room).ws, docId: WELL_KNOWN_DOCS.catalogue });
    const open = (actor: CrisisActor) => openAs(catalogue, actor);
    const a = await open(claire);
    const o = await open({ memberId: 'member-obs001', role: 'observer' });
    o.doc.getMap('acks').set('member-obs001:abcdefgh1', { answer: 'disponible', at: minutesAgo(1) });
    o.awareness.setLocalStateField('user', { name: 'Observatrice' });
    await eventually(() => a.awareness.getStates().has(o.doc.clientID), 5000, 'the observer’s presence at A');
    expect(a.doc.getMap('acks').size).toBe(0);
  });

  it('drops an observer’s answer in a document that is not an activation', async () => {
    const room = await freshRoom();
    const open = (actor: CrisisActor) => openAs(room, actor);
    const a = await open(claire);
    const o = await open({ memberId: 'member-obs001', role: 'observer' });
    const refused = writeRefused(o);
    o.doc.getMap('acks').set('member-obs001:abcdefgh1', { answer: 'disponible', at: minutesAgo(1) });
    expect(await refused).toBe('observers cannot write');
    o.awareness.setLocalStateField('user', { name: 'Observatrice' });
    await eventually(() => a.awareness.getStates().has(o.doc.clientID), 5000, 'the observer’s presence at A');
    expect(a.doc.getMap('acks').size).toBe(0);
  });

  it('refuses a member client that rewrites or deletes an entry; marks and new entries still pass', async () => {
    const room = await crisisRoom();
    const as = (actor: CrisisActor) => openAs(room, actor);
    const a = await as(claire);
    activateCrisis(a.doc, { typology: 'nrc', authority: 'ministre', qualifiedAt: minutesAgo(5) }, claire, false);
    const first = appendEntry(a.doc, { text: 'Confinement décidé', kind: 'decision' }, claire);
    const second = appendEntry(a.doc, { text: 'Mairie prévenue', kind: 'information' }, claire);
    if (!first.ok || !second.ok) throw new Error('append');
    const written = readEntries(a.doc);

    // An honest member marks an entry twice (a rewrite of the mark, not of the entry) and appends: all of it passes.
    const b = await as(denis);
    await eventually(() => readEntries(b.doc).length === 2, 5000, 'the entries at B');
    markEntry(b.doc, first.value.id, 'a_verifier', denis);
    markEntry(b.doc, first.value.id, 'verifie', denis);
    appendEntry(b.doc, { text: 'Pharmacie prévenue', kind: 'information' }, denis);
    await eventually(
      () =>
        readEntries(a.doc).length === 3 &&
        readEntries(a.doc).find((e) => e.id === first.value.id)?.check?.state === 'verifie',
      5000,
      'the mark and the entry at A',
    );

    // Tampered stock clients of members: a rewrite, a deletion, a "new" entry under an existing id.
    const tamper = async (write: (entries: ReturnType<typeof a.doc.getMap>) => void) => {
      const t = await as({ memberId: 'member-elsa01', role: 'member' });
      await eventually(() => readEntries(t.doc).length === 3, 5000, 'the entries at the tampered client');
      const refused = writeRefused(t);
      write(t.doc.getMap('entries'));
      expect(await refused).toBe('main courante entries are append-only');
      t.destroy();
    };
    await tamper((entries) =>
      entries.set(first.value.id, { ...(entries.get(first.value.id) as object), text: 'Rien décidé' }),
    );
    await tamper((entries) => entries.delete(second.value.id));
    await tamper((entries) => {
      const other = new Y.Doc();
      other.getMap('entries').set(second.value.id, { ...(entries.get(second.value.id) as object), text: 'Faux' });
      Y.applyUpdate(entries.doc!, Y.encodeStateAsUpdate(other));
    });

    // The relay kept nothing of it: a device joining now, and A, hold the entries as written.
    const later = await as({ memberId: 'member-farid1', role: 'member' });
    await eventually(() => readEntries(later.doc).length === 3, 5000, 'the log at a new device');
    for (const doc of [a.doc, later.doc]) {
      expect(alteredEntries(doc)).toEqual({ rewritten: [], removed: [] });
      for (const entry of written)
        expect(readEntries(doc).find((e) => e.id === entry.id)).toMatchObject({ text: entry.text, at: entry.at });
    }
  });
});
