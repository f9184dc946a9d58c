// Changes made on a device that the relay may not hold, sent by its background sync though no screen opens their
// document again (docs/decisions/0045): the real relay, devices over fake-indexeddb, stock y-websocket sockets.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newDocId, restrictedDocId, roomName } from '@maillage/shared';
import { startRelayProcess } from '../support/relayProcess';
import { device, onRelay, useBackgroundWorld, write } from '../support/backgroundDevices';
import { connect, whenSynced } from '../support/yClient';
import { UnloadJournal } from '../../client/src/store/unloadJournal';
import { MemoryStorage } from '../../client/src/testing/memoryStorage';
import { REFUSED_CHECK_MS } from '../../client/src/sync/background/unsentChanges';

const world = useBackgroundWorld();

describe('changes made on this device', () => {
  it('sends a change made here that no socket delivered, though no screen opens its document again', async () => {
    const [started, newHere, newCase, noKind] = [newDocId(), newDocId(), newDocId(), newDocId()];
    await write(world, started, 'début');
    const laptop = await device(world, 'ide-durand01');
    await laptop.sync.checkNow();
    // Its page closed before any socket sent them: a change to a document the relay has, and a protocol it has not.
    await laptop.editHere(started, ' + suite');
    await laptop.editHere(newHere, 'nouveau protocole', 'protocol');
    // A new case's room is made by its own sender, its care-team list first: never by this one.
    await laptop.editHere(newCase, 'MD, 1948, Tulle', 'patientCase');
    // Nor a room of no known kind (an event's analysis room is made, list first, by its référent).
    await laptop.editHere(noKind, 'analyse');
    const unsent = async () => (await laptop.store.listUnsent(world.workspace.ws)).map((row) => row.docId).sort();
    expect(await unsent()).toEqual([started, newHere, newCase, noKind].sort());

    await laptop.sync.checkNow();
    expect(await onRelay(world, started)).toBe('début + suite');
    expect(await onRelay(world, newHere)).toBe('nouveau protocole');
    // The marks go once a later round sees the relay hold everything; the case's waits for its list.
    await laptop.sync.checkNow();
    expect(await unsent()).toEqual([newCase, noKind].sort());
    expect(await onRelay(world, newCase)).toBe('');
    expect(await onRelay(world, noKind)).toBe('');
    expect(await onRelay(world, started)).toBe('début + suite');
  });

  it('sends what a page typed before it went away, left in its journal, and a case edited offline', async () => {
    const [protocol, caseId] = [newDocId(), await restrictedDocId(world.workspace.ws, 'dr-martin-01', 'n'.repeat(21))];
    const room = roomName({ workspaceId: world.workspace.ws, docId: caseId });
    const list = await fetch(`${world.relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.writer}` },
      body: JSON.stringify({ room, members: ['dr-martin-01', 'ide-durand01'], nonce: 'n'.repeat(21) }),
    });
    expect(list.status).toBe(200);
    await write(world, caseId, 'MD');
    await write(world, protocol, 'début');
    const storage = new MemoryStorage();
    const phone = await device(world, 'ide-durand01', { journal: storage });
    await phone.sync.checkNow();
    // The case's room and list are on the relay: a note added offline goes like any change.
    await phone.editHere(caseId, ', pansement refait');
    // The page closed before IndexedDB had the last keystrokes: they are in its journal only.
    const lost = new Y.Doc();
    Y.applyUpdate(lost, (await phone.store.storedState(world.workspace.ws, protocol))!);
    lost.getText('t').insert(lost.getText('t').length, ' + fin');
    new UnloadJournal(storage).append(`${world.workspace.ws}/${protocol}`, Y.encodeStateAsUpdate(lost));

    await phone.sync.checkNow();
    expect(await onRelay(world, caseId)).toBe('MD, pansement refait');
    expect(await onRelay(world, protocol)).toBe('début + fin');
    expect(storage.length).toBe(0);
  });

  it('asks a busy relay again, without counting its « too many connections » as a refusal', async () => {
    const docId = newDocId();
    await write(world, docId, 'début');
    const phone = await device(world, 'ide-durand01');
    await phone.sync.checkNow();
    await phone.editHere(docId, ' + suite');
    // A relay that takes one socket per member, and one of this member's held open elsewhere.
    await world.relay.stop();
    const busy = await startRelayProcess({
      dataDir: world.relay.dataDir,
      port: world.relay.port,
      env: { MAX_CONNECTIONS_PER_MEMBER: '1' },
    });
    const elsewhere = connect(busy.wsUrl, roomName({ workspaceId: world.workspace.ws, docId: newDocId() }), {
      doc: new Y.Doc(),
      token: phone.token,
    });
    try {
      await whenSynced(elsewhere);
      for (let round = 0; round < 4; round++) await phone.sync.checkNow();
      expect((await phone.store.listUnsent(world.workspace.ws))[0]?.tries).toBe(0);
      expect(await onRelay(world, docId)).toBe('début');
      elsewhere.destroy();
      // Once the relay has seen that socket close, a round sends the change.
      await expect
        .poll(async () => {
          await phone.sync.checkNow();
          return onRelay(world, docId);
        })
        .toBe('début + suite');
    } finally {
      elsewhere.destroy();
      await busy.stop();
      world.relay = await world.relay.restart();
    }
  });

  it('counts the changes still waiting, whether the relay can be reached or not', async () => {
    const [started, newHere] = [newDocId(), newDocId()];
    await write(world, started, 'début');
    const phone = await device(world, 'ide-durand01');
    await phone.sync.checkNow();
    expect(phone.sync.current.unsent).toBe(0);
    await world.relay.stop();
    await phone.editHere(started, ' + hors ligne');
    await phone.editHere(newHere, 'nouveau', 'protocol');
    await phone.sync.checkNow();
    expect(phone.sync.current).toMatchObject({ phase: 'offline', unsent: 2 });
    world.relay = await world.relay.restart();
    // Sent, then seen held.
    await phone.sync.checkNow();
    await phone.sync.checkNow();
    expect(phone.sync.current).toMatchObject({ phase: 'idle', unsent: 0 });
    expect(await onRelay(world, started)).toBe('début + hors ligne');
  });

  it('tries a write the relay refuses three times, then leaves it for the document’s screen', async () => {
    const docId = newDocId();
    await write(world, docId, 'lu');
    let clock = Date.now();
    const observer = await device(world, 'observateur01', { role: 'observer', now: () => clock });
    await observer.sync.checkNow();
    await observer.editHere(docId, ' + refusé');
    for (let round = 0; round < 3; round++) await observer.sync.checkNow();
    expect((await observer.store.listUnsent(world.workspace.ws))[0]?.tries).toBe(3);
    const sockets = observer.sockets.opened;
    await observer.sync.checkNow();
    expect(observer.sockets.opened).toBe(sockets);
    expect(await onRelay(world, docId)).toBe('lu');
    // Nothing is lost: the copy keeps the change, and « Mon appareil » names the document instead of counting it as
    // on its way.
    expect(await observer.textOf(docId)).toBe('lu + refusé');
    expect(observer.sync.current).toMatchObject({ unsent: 0, unsentRefused: [docId] });

    // Once the relay holds the change (its screen sent it, the member may write again), the next round clears it.
    const colleague = connect(world.relay.wsUrl, roomName({ workspaceId: world.workspace.ws, docId }), {
      doc: new Y.Doc(),
      token: world.writer,
    });
    await whenSynced(colleague);
    Y.applyUpdate(colleague.doc, (await observer.store.storedState(world.workspace.ws, docId))!);
    await expect.poll(() => onRelay(world, docId)).toBe('lu + refusé');
    colleague.destroy();
    // Each look downloads the whole document: a refused change is looked for once in a while, not at every round.
    await observer.sync.checkNow();
    expect(observer.sync.current).toMatchObject({ unsentRefused: [docId] });
    clock += REFUSED_CHECK_MS;
    await observer.sync.checkNow();
    expect(observer.sync.current).toMatchObject({ unsent: 0, unsentRefused: [] });
    expect(await observer.store.listUnsent(world.workspace.ws)).toEqual([]);
  });

  it('keeps a set-aside copy whose change the relay refuses, names it, and stops sending it', async () => {
    const docId = newDocId();
    await write(world, docId, 'lu');
    const setAside = new Set<string>();
    const observer = await device(world, 'observateur02', { role: 'observer', setAside });
    await observer.sync.checkNow();
    await observer.editHere(docId, ' + refusé');
    // Set aside on « Mon appareil »: the copy would go once the relay holds it, which it never will.
    setAside.add(docId);
    for (let round = 0; round < 3; round++) await observer.sync.checkNow();
    expect((await observer.store.listUnsent(world.workspace.ws))[0]?.tries).toBe(3);
    const sockets = observer.sockets.opened;
    await observer.sync.checkNow();
    expect(observer.sockets.opened).toBe(sockets);
    expect(await observer.store.hasCopy(world.workspace.ws, docId)).toBe(true);
    expect(observer.sync.current).toMatchObject({ unsent: 0, unsentRefused: [docId] });
    expect(await observer.textOf(docId)).toBe('lu + refusé');
  });
});
