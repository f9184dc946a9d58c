// A crisis activation's main courante over the real relay, with stock y-websocket clients: two members of the cell
// append while one of them is cut off; once reconnected both hold every entry, in time order, none changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { activateCrisis, appendEntry, readEntries, type CrisisActor, type Entry } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { connect, eventually, freshRoom, whenSynced, workspaceOf } from '../support/yClient';

let relay: RelayProcess;
const providers: WebsocketProvider[] = [];
beforeAll(async () => {
  relay = await startRelayProcess();
});
afterAll(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await relay.stop();
});

const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const denis: CrisisActor = { memberId: 'member-denis1', role: 'member' };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('main courante over the relay', () => {
  it('merges entries written while one writer was disconnected, in time order, none changed', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const as = async (actor: CrisisActor) => {
      const token = await workspace.token({ role: actor.role, member: actor.memberId });
      const provider = connect(relay.wsUrl, room, { token });
      providers.push(provider);
      await whenSynced(provider);
      return provider;
    };
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
});
