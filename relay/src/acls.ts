// Restricted rooms: the list of members each one admits, kept in SQLite and in memory, announced so live sockets follow.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import { isWellKnownDoc, parseRoom, type AclKind, type AclRecord } from '@maillage/shared/sync';

interface Row {
  room: string;
  owner: string;
  members: string;
  updated_at: string;
  updated_by: string;
  kind: AclKind;
}

/** Where a list was set: through this relay, or through another sharing its rooms (docs/decisions/0040). */
export type AclSource = 'here' | 'peer';

export class Acls extends EventEmitter<{ changed: [AclRecord, AclSource] }> {
  private readonly byRoom = new Map<string, AclRecord>();
  /** Lists each member created, by workspace and owner: each stays in memory, so each member makes a bounded number. */
  private readonly owned = new Map<string, number>();
  private readonly upsert: Database.Statement<[string, string, string, string, string, AclKind]>;

  constructor(db: Database.Database) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS acls (
      room TEXT PRIMARY KEY, owner TEXT NOT NULL, members TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'team'
    )`);
    // Lists made before rooms had a kind are care teams'.
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(acls)').all();
    if (!columns.some((c) => c.name === 'kind'))
      db.exec(`ALTER TABLE acls ADD COLUMN kind TEXT NOT NULL DEFAULT 'team'`);
    for (const row of db.prepare<[], Row>('SELECT * FROM acls').all()) {
      // A list an earlier relay let someone put on a well-known document locked the workspace out of it: dropped.
      if (isWellKnownDoc(parseRoom(row.room)?.docId ?? '')) db.prepare('DELETE FROM acls WHERE room = ?').run(row.room);
      else this.add(toView(row));
    }
    this.upsert =
      db.prepare(`INSERT INTO acls (room, owner, members, updated_at, updated_by, kind) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (room) DO UPDATE SET members = excluded.members, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
        kind = excluded.kind`);
  }

  get(room: string): AclRecord | null {
    return this.byRoom.get(room) ?? null;
  }

  /**
   * Sets a room's list; the first call makes the caller its owner and gives the room its kind; the owner is always on it.
   * A care team's room may later become a report's (the caller checked that it may: accessRoutes), never the reverse.
   */
  set(room: string, members: readonly string[], by: string, kind: AclKind = 'team'): AclRecord {
    const current = this.byRoom.get(room);
    const owner = current?.owner ?? by;
    const view: AclRecord = {
      room,
      kind: current?.kind === 'team' && kind === 'report' ? 'report' : (current?.kind ?? kind),
      owner,
      members: [...new Set([owner, ...members])].sort(),
      updatedAt: new Date().toISOString(),
      updatedBy: by,
    };
    this.upsert.run(room, owner, JSON.stringify(view.members), view.updatedAt, by, view.kind);
    this.add(view);
    this.emit('changed', view, 'here');
    return view;
  }

  /**
   * Takes a list set through another relay, as it was set, if it is newer than the one held (by time, then by who set
   * it, so that every relay keeps the same of two lists set at once). Returns whether it was taken.
   */
  adopt(record: AclRecord): boolean {
    const current = this.byRoom.get(record.room);
    if (current && !isNewer(record, current)) return false;
    if (isWellKnownDoc(parseRoom(record.room)?.docId ?? '')) return false;
    this.upsert.run(
      record.room,
      record.owner,
      JSON.stringify(record.members),
      record.updatedAt,
      record.updatedBy,
      record.kind,
    );
    this.add(record);
    this.emit('changed', record, 'peer');
    return true;
  }

  /** Every list this relay holds: what it announces to relays sharing its rooms. */
  all(): AclRecord[] {
    return [...this.byRoom.values()];
  }

  /** How many lists `owner` created in workspace `ws`. */
  ownedBy(ws: string, owner: string): number {
    return this.owned.get(ownerKey(ws, owner)) ?? 0;
  }

  private add(view: AclRecord): void {
    if (!this.byRoom.has(view.room)) {
      const key = ownerKey(parseRoom(view.room)?.workspaceId ?? '', view.owner);
      this.owned.set(key, (this.owned.get(key) ?? 0) + 1);
    }
    this.byRoom.set(view.room, view);
  }
}

const isNewer = (a: AclRecord, b: AclRecord) =>
  a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.updatedBy > b.updatedBy);

const ownerKey = (ws: string, owner: string) => `${ws}\u0000${owner}`;

const toView = (row: Row): AclRecord => ({
  room: row.room,
  kind: row.kind,
  owner: row.owner,
  members: JSON.parse(row.members) as string[],
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});
