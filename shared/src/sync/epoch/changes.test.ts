// A device's offline edits carried across an epoch: found against the closed epoch's final state, replayed onto the
// new one, with the result Yjs would have given had the epoch not changed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  listCatalogue,
  listDirectory,
  listGroups,
  readCatalogueEntry,
  removeDirectoryEntry,
  saveGroup,
  setDirectoryEntry,
  setGroupMember,
  upsertCatalogueEntry,
} from '../../docs';
import { newDocId } from '../ids';
import { applyChanges, changesSince } from './changes';
import { closingOf, rewriteDoc } from './rewrite';

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
/** Each side gets what it lacks from the other, as sync step 2 does. */
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const session = (doc: Y.Doc) => (doc.clientID = Math.floor(Math.random() * 0x100000000));

/** The relay closes the epoch: what it keeps of it, and the first state of the next one. */
function closeEpoch(relay: Y.Doc) {
  const closing = Y.decodeSnapshot(closingOf(relay));
  const fresh = rewriteDoc(relay)!;
  return { closing, rewriter: fresh.clientID, next: copyOf(fresh) };
}

/** The device's side: its changes against the closing, replayed on a copy of the new epoch fetched from the relay. */
function migrate(device: Y.Doc, closing: Y.Snapshot | null, nextRelay: Y.Doc, rewriter: number | null): Y.Doc {
  const fetched = copyOf(nextRelay);
  applyChanges(fetched, changesSince(device, closing), rewriter);
  return fetched;
}

const entry = (title: string) => ({
  kind: 'protocol' as const,
  title,
  status: 'draft',
  groupId: null,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
  deletedAt: null,
  theme: '',
  professions: [],
  reviewDate: null,
});
const ids = Array.from({ length: 8 }, () => newDocId());
const [p1, p2, p3, p4] = ids as [string, string, string, string];
const [m1, m2, m3] = ids.slice(4) as [string, string, string];
const group = newDocId();

/** A relay and a device both holding two entries, two members in the annuaire and a group of two. */
function shared() {
  const relay = new Y.Doc({ gc: true });
  upsertCatalogueEntry(relay, p1, entry('Plaies'));
  upsertCatalogueEntry(relay, p2, entry('Diabète'));
  setDirectoryEntry(relay, m1, { name: 'Alice Martin', profession: 'infirmier' });
  setDirectoryEntry(relay, m2, { name: 'Bruno Petit', profession: 'pharmacien' });
  saveGroup(relay, group, { name: 'Plaies chroniques', lead: m1 });
  setGroupMember(relay, group, m2, true);
  const device = copyOf(relay);
  session(device);
  return { relay, device };
}

describe('changesSince and applyChanges', () => {
  it('carries every kind of offline edit into the new epoch, beside the others’ edits of both epochs', () => {
    const { relay, device } = shared();
    // Offline: a field, a new entry (a nested map made here), an annuaire entry, a member in and one out, a removal.
    upsertCatalogueEntry(device, p1, { title: 'Plaies et cicatrisation', status: 'review' });
    upsertCatalogueEntry(device, p3, entry('Chutes'));
    expect(setDirectoryEntry(device, m3, { name: 'Chloé Roux', profession: 'masseur_kinesitherapeute' }).ok).toBe(true);
    setGroupMember(device, group, m3, true);
    setGroupMember(device, group, m2, false);
    removeDirectoryEntry(device, m1);
    // Meanwhile a colleague, online: another entry's field, before the epoch closes.
    session(relay);
    upsertCatalogueEntry(relay, p2, { status: 'published' });
    const { closing, rewriter, next } = closeEpoch(relay);
    // And after it, in the new epoch.
    upsertCatalogueEntry(next, p4, entry('Vaccination'));

    const migrated = migrate(device, closing, next, rewriter);
    sync(migrated, next);

    // What Yjs gives when the device syncs in the old epoch, plus the new epoch's entry.
    const expected = copyOf(relay);
    sync(expected, device);
    upsertCatalogueEntry(expected, p4, entry('Vaccination'));
    expect(next.getMap('entries').toJSON()).toEqual(expected.getMap('entries').toJSON());
    expect(listDirectory(next)).toEqual(listDirectory(expected));
    expect(listGroups(next)).toEqual(listGroups(expected));
    expect(readCatalogueEntry(next, p1)?.title).toBe('Plaies et cicatrisation');
    expect(listGroups(next)[0]!.members).toEqual([m1, m3].sort());
    expect(listDirectory(next).map((m) => m.memberId)).toEqual([m2, m3]);
    expect(listCatalogue(next)).toHaveLength(4);
    // Nothing of the old epoch got in: only the rewriter and new-epoch writers are in its state vector.
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(next)).keys()];
    expect(writers.some((client) => relay.store.clients.has(client) || device.store.clients.has(client))).toBe(false);
  });

  it('lets an offline set win, and a value set in the new epoch outlive an offline delete', () => {
    const { relay, device } = shared();
    upsertCatalogueEntry(device, p1, { status: 'review' });
    upsertCatalogueEntry(device, p2, { status: 'review' });
    removeDirectoryEntry(device, m1);
    removeDirectoryEntry(device, m2);
    session(relay);
    upsertCatalogueEntry(relay, p1, { status: 'published' }); // concurrent, before the epoch closed
    const { closing, rewriter, next } = closeEpoch(relay);
    upsertCatalogueEntry(next, p2, { status: 'archived' }); // concurrent, in the new epoch
    setDirectoryEntry(next, m2, { name: 'Bruno Petit', profession: 'pharmacien', commune: 'Tours' });

    const migrated = migrate(device, closing, next, rewriter);
    // The device's sets are replayed last: they win, as last writer.
    expect(readCatalogueEntry(migrated, p1)?.status).toBe('review');
    expect(readCatalogueEntry(migrated, p2)?.status).toBe('review');
    // m1 was untouched since the rewrite: deleted. m2 was set again in the new epoch: newer than the delete, kept.
    expect(listDirectory(migrated).map((m) => [m.memberId, m.commune])).toEqual([[m2, 'Tours']]);
  });

  it('leaves out what the device never saw and did not change, and edits into a map deleted before the epoch closed', () => {
    const { relay, device } = shared();
    setGroupMember(device, group, m3, true); // into a group a colleague deletes, unseen here
    removeDirectoryEntry(device, m2); // an entry a colleague rewrote meanwhile, unseen here
    session(relay);
    upsertCatalogueEntry(relay, p1, { title: 'Plaies (révisé)' });
    relay.getMap('groups').delete(group);
    setDirectoryEntry(relay, m2, { name: 'Bruno Petit', profession: 'pharmacien', phone: '0247000000' });
    const { closing, rewriter, next } = closeEpoch(relay);

    const changes = changesSince(device, closing);
    const migrated = migrate(device, closing, next, rewriter);
    const expected = copyOf(relay);
    sync(expected, device);
    expect(migrated.toJSON()).toEqual(expected.toJSON());
    expect(readCatalogueEntry(migrated, p1)?.title).toBe('Plaies (révisé)');
    expect(listGroups(migrated)).toEqual([]);
    expect(listDirectory(migrated).find((m) => m.memberId === m2)?.phone).toBe('02 47 00 00 00');
    // The device's own state vector entries, for nothing it changed that still counts: no set, no delete.
    expect(changes).toEqual([]);
  });

  it('counts every live value as set when the relay has no record of the copy’s epoch', () => {
    const { device } = shared();
    const next = new Y.Doc({ gc: true });
    upsertCatalogueEntry(next, p4, entry('Vaccination'));
    const migrated = migrate(device, null, next, null);
    expect(
      listCatalogue(migrated)
        .map((item) => item.docId)
        .sort(),
    ).toEqual([p1, p2, p4].sort());
    expect(listGroups(migrated)[0]!.members).toEqual([m1, m2].sort());
  });

  it('gives what Yjs gives, for random edits of nested maps by a device offline and colleagues online', () => {
    // Device and colleagues write different keys (a concurrent set of one key is settled differently: above), into
    // maps either side may create or delete.
    const top = (side: number) => fc.constantFrom(...[0, 1, 2].map((i) => `k${side * 3 + i}`));
    const sub = (side: number) => fc.constantFrom(`s${side * 2}`, `s${side * 2 + 1}`);
    const anyTop = fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5');
    const op = (side: number) =>
      fc.oneof(
        fc.record({ t: fc.constant('set' as const), key: top(side), value: fc.integer({ min: 0, max: 9 }) }),
        fc.record({ t: fc.constant('map' as const), key: top(side) }),
        fc.record({ t: fc.constant('delete' as const), key: top(side) }),
        fc.record({
          t: fc.constant('subSet' as const),
          key: anyTop,
          sub: sub(side),
          value: fc.integer({ min: 0, max: 9 }),
        }),
        fc.record({ t: fc.constant('subDelete' as const), key: anyTop, sub: sub(side) }),
        fc.record({ t: fc.constant('session' as const) }),
      );
    type Op = {
      t: 'set' | 'map' | 'delete' | 'subSet' | 'subDelete' | 'session';
      key?: string;
      sub?: string;
      value?: number;
    };
    const run = (doc: Y.Doc, o: Op) => {
      const m = doc.getMap<unknown>('m');
      if (o.t === 'session') session(doc);
      else if (o.t === 'set') m.set(o.key!, o.value);
      else if (o.t === 'map') m.set(o.key!, new Y.Map([['s9', o.key!]]));
      else if (o.t === 'delete') m.delete(o.key!);
      else {
        const inner = m.get(o.key!);
        if (!(inner instanceof Y.Map)) return;
        if (o.t === 'subSet') inner.set(o.sub!, o.value);
        else inner.delete(o.sub!);
      }
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(op(0), op(1)), { maxLength: 30 }),
        fc.array(op(0), { maxLength: 30 }),
        fc.array(op(1), { maxLength: 30 }),
        fc.array(op(1), { maxLength: 10 }),
        (together, offline, online, unseen) => {
          const relay = new Y.Doc({ gc: true });
          const device = new Y.Doc({ gc: true });
          for (const [i, o] of together.entries()) {
            run(i % 2 ? device : relay, o);
            sync(device, relay);
          }
          for (const o of offline) run(device, o);
          for (const o of [...online, ...unseen]) run(relay, o);
          const closing = Y.decodeSnapshot(closingOf(relay));
          const fresh = rewriteDoc(relay);
          const next = fresh ? copyOf(fresh) : new Y.Doc({ gc: true });
          const migrated = migrate(device, closing, next, fresh?.clientID ?? null);
          const expected = copyOf(relay);
          sync(expected, device);
          expect(migrated.getMap('m').toJSON()).toEqual(expected.getMap('m').toJSON());
        },
      ),
      { numRuns: 300 },
    );
  });
});
