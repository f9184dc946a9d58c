import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MaillageDb } from './db';
import {
  addPendingShare,
  listPendingCases,
  listPendingShares,
  pendingCaseOf,
  removePendingShare,
} from './pendingShares';

let db: MaillageDb;
let opened = 0;
beforeEach(() => {
  db = new MaillageDb(`test-pending-shares-${opened++}`);
});
afterEach(() => db.delete());

const at = '2026-03-01T10:00:00.000Z';
const pending = (docId: string) => ({
  docId,
  nonce: `nonce-of-${docId}-0123456789`,
  title: `Dossier ${docId}`,
  createdAt: at,
});

describe('pending shares', () => {
  it('keeps each workspace’s cases waiting for their list, each once, until shared', async () => {
    await Promise.all([
      addPendingShare('ws-a', pending('dossier-01'), db),
      addPendingShare('ws-a', pending('dossier-02'), db),
      addPendingShare('ws-b', pending('dossier-03'), db),
    ]);
    await addPendingShare('ws-a', pending('dossier-01'), db);
    expect((await listPendingShares('ws-a', db)).sort()).toEqual(['dossier-01', 'dossier-02']);
    await removePendingShare('ws-a', 'dossier-01', db);
    expect(await listPendingShares('ws-a', db)).toEqual(['dossier-02']);
    expect(await listPendingShares('ws-b', db)).toEqual(['dossier-03']);
    expect(await pendingCaseOf('ws-a', 'dossier-02', db)).toEqual(pending('dossier-02'));
  });

  it('keeps the nonce of a case until its list is set, and reads the plain ids an earlier version wrote', async () => {
    await db.settings.put({ key: 'pendingShares:ws-a', value: ['ancien-dossier1'] });
    await addPendingShare('ws-a', pending('dossier-04'), db);
    expect(await listPendingShares('ws-a', db)).toEqual(['ancien-dossier1', 'dossier-04']);
    expect((await listPendingCases('ws-a', db)).map((c) => c.nonce)).toEqual(['nonce-of-dossier-04-0123456789']);
    expect(await pendingCaseOf('ws-a', 'ancien-dossier1', db)).toBeNull();
  });
});
