import { afterEach, describe, expect, it } from 'vitest';
import { MaillageDb } from './db';
import { addPendingShare, listPendingShares, removePendingShare } from './pendingShares';

const db = new MaillageDb('test-pending-shares');
afterEach(() => db.delete());

describe('pending shares', () => {
  it('keeps each workspace’s cases waiting for their list, each once, until shared', async () => {
    await Promise.all([addPendingShare('ws-a', 'dossier-01', db), addPendingShare('ws-a', 'dossier-02', db), addPendingShare('ws-b', 'dossier-03', db)]);
    await addPendingShare('ws-a', 'dossier-01', db);
    expect((await listPendingShares('ws-a', db)).sort()).toEqual(['dossier-01', 'dossier-02']);
    await removePendingShare('ws-a', 'dossier-01', db);
    expect(await listPendingShares('ws-a', db)).toEqual(['dossier-02']);
    expect(await listPendingShares('ws-b', db)).toEqual(['dossier-03']);
  });
});
