// The rewrite reproduces a well-known document exactly: same JSON, same answers from every layout reader, from the
// bytes alone (as the relay holds it), with one client id and none of the tombstones.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  listCatalogue,
  listDirectory,
  listGroups,
  markMentionRead,
  mentionsFor,
  readCoordination,
  readMeta,
  readWorkspaceName,
  readWorkspaceTerritory,
  recordCoordinatorKey,
  recordKeyInvitation,
  recordMentions,
  removeDirectoryEntry,
  saveGroup,
  setDirectoryEntry,
  setGroupMember,
  setWorkspaceName,
  setWorkspaceTerritory,
  upsertCatalogueEntry,
} from '../../docs';
import { newDocId } from '../ids';
import { rewriteDoc, closingOf } from './rewrite';

const members = Array.from({ length: 12 }, () => newDocId());
const docIds = Array.from({ length: 40 }, () => newDocId());
const groupIds = Array.from({ length: 3 }, () => newDocId());

/** Each call is a new session (a new client id), as a year of visits writes a well-known document. */
function session(doc: Y.Doc): void {
  doc.clientID = Math.floor(Math.random() * 0x100000000);
}

/** A catalogue, an annuaire and a governance document in one doc (their roots do not overlap), much overwritten. */
function wellKnownDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  setWorkspaceName(doc, 'CPTS du Val de Loire');
  setWorkspaceTerritory(doc, ['Tours', 'Amboise']);
  for (const [i, docId] of docIds.entries())
    upsertCatalogueEntry(doc, docId, {
      kind: 'protocol',
      title: `Protocole ${i}`,
      status: 'draft',
      groupId: null,
      createdAt: '2026-01-01T08:00:00.000Z',
      updatedAt: '2026-01-01T08:00:00.000Z',
      deletedAt: null,
      theme: 'plaies',
      professions: ['infirmier'],
      reviewDate: null,
    });
  for (const [i, memberId] of members.entries())
    setDirectoryEntry(doc, memberId, { name: `Membre ${i}`, profession: 'infirmier', commune: 'Tours' });
  for (const [i, groupId] of groupIds.entries()) saveGroup(doc, groupId, { name: `Groupe ${i}`, lead: members[i]! });
  for (let round = 0; round < 300; round++) {
    session(doc);
    const docId = docIds[round % docIds.length]!;
    upsertCatalogueEntry(doc, docId, { updatedAt: new Date(Date.UTC(2026, 1, 1, 0, round)).toISOString() });
    if (round % 7 === 0) upsertCatalogueEntry(doc, docId, { status: round % 2 ? 'review' : 'published' });
    if (round % 11 === 0)
      setDirectoryEntry(doc, members[round % members.length]!, {
        name: `Membre ${round % members.length}`,
        profession: 'medecin_generaliste',
        acceptsNewPatients: round % 2 === 0,
      });
    if (round % 13 === 0) setGroupMember(doc, groupIds[round % 3]!, members[(round * 5) % members.length]!, true);
    if (round % 17 === 0) setGroupMember(doc, groupIds[round % 3]!, members[(round * 5) % members.length]!, false);
  }
  recordMentions(doc, {
    to: [members[1]!, members[2]!],
    from: members[0]!,
    fromName: 'Membre 0',
    docId: docIds[0]!,
    threadId: newDocId(),
  });
  markMentionRead(doc, mentionsFor(doc, members[1]!)[0]!.id);
  recordCoordinatorKey(doc, newDocId(), members[3]!);
  recordKeyInvitation(doc, members[4]!, newDocId());
  removeDirectoryEntry(doc, members[11]!);
  doc.getMap('bytes').set('avatar', new Uint8Array([1, 2, 3, 250]));
  return doc;
}

/** What every reader of the three well-known layouts says about a doc. */
const readers = (doc: Y.Doc) => ({
  meta: readMeta(doc),
  name: readWorkspaceName(doc),
  territory: readWorkspaceTerritory(doc),
  catalogue: listCatalogue(doc),
  mentions: members.map((m) => mentionsFor(doc, m)),
  directory: listDirectory(doc),
  groups: listGroups(doc),
  coordination: readCoordination(doc),
});

/** A doc as the relay holds it: built from bytes, its roots untyped until someone asks. */
const fromBytes = (update: Uint8Array) => {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, update);
  return doc;
};

describe('rewriteDoc', () => {
  it('reproduces the content and every layout reader, from the bytes alone, by one new client', () => {
    const source = wellKnownDoc();
    const relayDoc = fromBytes(Y.encodeStateAsUpdate(source));
    const fresh = rewriteDoc(relayDoc)!;
    const before = Y.encodeStateAsUpdate(relayDoc);
    const after = Y.encodeStateAsUpdate(fresh);
    const copy = fromBytes(after);

    expect(copy.getMap('entries').toJSON()).toEqual(source.getMap('entries').toJSON());
    for (const root of [
      'meta',
      'workspace',
      'entries',
      'members',
      'groups',
      'mentions',
      'coordinatorKeys',
      'keyInvitations',
      'bytes',
    ])
      expect(copy.getMap(root).toJSON(), root).toEqual(source.getMap(root).toJSON());
    expect(readers(copy)).toEqual(readers(source));
    expect(copy.getMap('bytes').get('avatar')).toEqual(new Uint8Array([1, 2, 3, 250]));
    expect([...copy.getMap('groups').values()].every((group) => group instanceof Y.Map)).toBe(true);
    // One writer, unseen in the old epoch; the tombstones of ~300 sessions stay behind.
    expect([...Y.decodeStateVector(Y.encodeStateVector(copy)).keys()]).toEqual([fresh.clientID]);
    expect(relayDoc.store.clients.has(fresh.clientID)).toBe(false);
    expect(relayDoc.store.clients.size).toBeGreaterThan(300);
    const structs = (update: Uint8Array) => Y.decodeUpdate(update).structs.length;
    expect(after.byteLength).toBeLessThan(before.byteLength);
    expect(structs(after)).toBeLessThan(structs(before) * 0.6);
    expect(Y.decodeUpdate(after).ds.clients.size).toBe(0);
  });

  it('keeps the order of keys, so lists read in the same order', () => {
    const source = wellKnownDoc();
    const copy = fromBytes(Y.encodeStateAsUpdate(rewriteDoc(fromBytes(Y.encodeStateAsUpdate(source)))!));
    expect([...copy.getMap('entries').keys()]).toEqual([...source.getMap('entries').keys()]);
  });

  it('refuses content it cannot reproduce, and a document with nothing live', () => {
    const withArray = new Y.Doc();
    withArray.getMap('entries').set('a', 1);
    withArray.getArray('log').push(['x']);
    expect(rewriteDoc(fromBytes(Y.encodeStateAsUpdate(withArray)))).toBeNull();

    const withText = new Y.Doc();
    withText.getMap('entries').set('note', new Y.Text('bonjour'));
    expect(rewriteDoc(fromBytes(Y.encodeStateAsUpdate(withText)))).toBeNull();

    const emptied = new Y.Doc({ gc: true });
    emptied.getMap('entries').set('a', 1);
    emptied.getMap('entries').delete('a');
    expect(rewriteDoc(fromBytes(Y.encodeStateAsUpdate(emptied)))).toBeNull();
  });

  it('closes an epoch with its final state vector and delete set', () => {
    const doc = wellKnownDoc();
    const closing = Y.decodeSnapshot(closingOf(doc));
    expect(closing.sv).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    expect(Y.equalSnapshots(closing, Y.snapshot(doc))).toBe(true);
  });
});
