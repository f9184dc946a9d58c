import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoomStore } from './persistence';
import { Acls } from './acls';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ws = 'a'.repeat(52);

describe('restricted rooms on disk', () => {
  it('drops, on load, a list an earlier relay let someone put on a well-known document; keeps the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-acls-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const acls = new Acls(store.db);
    acls.set(`${ws}/directory`, [], 'intruder-01');
    acls.set(`${ws}/case-room-0001`, [], 'creator-001');
    store.close();

    const reopened = openRoomStore(dir);
    const loaded = new Acls(reopened.db);
    expect(loaded.get(`${ws}/directory`)).toBeNull();
    expect(loaded.get(`${ws}/case-room-0001`)?.owner).toBe('creator-001');
    expect(new Acls(reopened.db).get(`${ws}/directory`)).toBeNull();
    expect(reopened.hasUpdates(`${ws}/case-room-0001`)).toBe(false);
    reopened.appendBatch([{ room: `${ws}/case-room-0001`, update: new Uint8Array([0, 0]) }]);
    expect(reopened.hasUpdates(`${ws}/case-room-0001`)).toBe(true);
    reopened.close();
  });

  it('counts the lists each member created, per workspace, across a reopen; changing a list is not creating one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-acls-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const acls = new Acls(store.db);
    acls.set(`${ws}/case-room-0001`, [], 'creator-001');
    acls.set(`${ws}/case-room-0002`, [], 'creator-001');
    acls.set(`${ws}/case-room-0001`, ['colleague-01'], 'colleague-01');
    acls.set(`${'b'.repeat(52)}/case-room-0003`, [], 'creator-001');
    expect(acls.ownedBy(ws, 'creator-001')).toBe(2);
    expect(acls.ownedBy(ws, 'colleague-01')).toBe(0);
    store.close();
    const reopened = openRoomStore(dir);
    expect(new Acls(reopened.db).ownedBy(ws, 'creator-001')).toBe(2);
    reopened.close();
  });

  it("keeps a room's kind from its first list, across a reopen; a table from before kinds reads as care teams'", () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-acls-'));
    dirs.push(dir);
    const old = openRoomStore(dir);
    old.db.exec(`CREATE TABLE acls (
      room TEXT PRIMARY KEY, owner TEXT NOT NULL, members TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
    )`);
    old.db
      .prepare('INSERT INTO acls VALUES (?, ?, ?, ?, ?)')
      .run(`${ws}/case-room-0001`, 'creator-001', '["creator-001"]', '2026-01-01T00:00:00.000Z', 'creator-001');
    old.close();

    const store = openRoomStore(dir);
    const acls = new Acls(store.db);
    expect(acls.get(`${ws}/case-room-0001`)?.kind).toBe('team');
    acls.set(`${ws}/report-room-1`, ['referent-01'], 'reporter-01', 'report');
    // A later change keeps the kind, whatever it asks.
    expect(acls.set(`${ws}/report-room-1`, ['referent-01', 'referent-02'], 'referent-01', 'team').kind).toBe('report');
    // A care team's room may become a report's (the route checks who asks and what it holds), kept across a reopen.
    acls.set(`${ws}/old-report-01`, ['referent-01'], 'reporter-02');
    expect(acls.set(`${ws}/old-report-01`, ['referent-01'], 'reporter-02', 'report').kind).toBe('report');
    store.close();
    const reopened = openRoomStore(dir);
    const loaded = new Acls(reopened.db);
    expect(loaded.get(`${ws}/report-room-1`)).toMatchObject({ kind: 'report', owner: 'reporter-01' });
    expect(loaded.get(`${ws}/case-room-0001`)?.kind).toBe('team');
    expect(loaded.get(`${ws}/old-report-01`)?.kind).toBe('report');
    reopened.close();
  });

  it('takes a list set through another relay only if newer, so two lists set at once end the same everywhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-acls-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const acls = new Acls(store.db);
    const heard: string[] = [];
    acls.on('changed', (acl, source) => heard.push(`${source}:${acl.members.join(',')}`));
    const room = `${ws}/case-room-0009`;
    const record = (members: string[], updatedAt: string, updatedBy: string) => ({
      room,
      kind: 'team' as const,
      owner: 'creator-001',
      members,
      updatedAt,
      updatedBy,
    });
    expect(acls.adopt(record(['creator-001', 'colleague-01'], '2026-12-05T10:00:00.000Z', 'creator-001'))).toBe(true);
    expect(acls.adopt(record(['creator-001'], '2026-12-05T09:00:00.000Z', 'creator-001'))).toBe(false);
    // Same instant: the one set by the greater member id wins, on every relay.
    expect(acls.adopt(record(['creator-001'], '2026-12-05T10:00:00.000Z', 'aaa-first-01'))).toBe(false);
    expect(acls.adopt(record(['creator-001', 'zed-last-001'], '2026-12-05T10:00:00.000Z', 'zed-last-001'))).toBe(true);
    expect(acls.adopt(record([], '2026-12-05T11:00:00.000Z', 'creator-001'))).toBe(true);
    expect(acls.adopt({ ...record([], '2026-12-05T12:00:00.000Z', 'x'), room: `${ws}/directory` })).toBe(false);
    expect(heard).toEqual(['peer:creator-001,colleague-01', 'peer:creator-001,zed-last-001', 'peer:']);
    store.close();
    // Kept on disk as taken, owner and kind included.
    const reopened = openRoomStore(dir);
    expect(new Acls(reopened.db).get(room)).toMatchObject({ owner: 'creator-001', kind: 'team', members: [] });
    reopened.close();
  });
});
