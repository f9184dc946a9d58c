// Bytes each workspace keeps in the store, counted in memory, and the quota (MAX_WORKSPACE_MB) its writes must stay under.
import type Database from 'better-sqlite3';

/** The workspace part of a room name (`<workspaceId>/<docId>`, shared/src/sync/rooms.ts). */
const workspaceOf = (room: string) => room.slice(0, room.indexOf('/'));

/**
 * What is counted is the bytes of a workspace's stored updates, as its clients sent them or as compaction merged them:
 * what its documents weigh, not SQLite's pages around them. Read once at start (one GROUP BY), then kept in memory:
 * a write costs a Map lookup, never a query; a compaction, one query on its room.
 */
export class WorkspaceQuota {
  private readonly used = new Map<string, number>();
  private readonly roomBytes: Database.Statement<[string], { bytes: number | null }>;

  constructor(db: Database.Database, readonly maxBytes: number) {
    const rows = db.prepare<[], { ws: string; bytes: number }>("SELECT substr(room, 1, instr(room, '/') - 1) AS ws, SUM(length(data)) AS bytes FROM room_updates GROUP BY ws").all();
    for (const { ws, bytes } of rows) this.used.set(ws, bytes);
    this.roomBytes = db.prepare('SELECT SUM(length(data)) AS bytes FROM room_updates WHERE room = ?');
  }

  /** Whether an update of this many bytes may be stored in this room: its workspace stays within the quota. */
  allows(room: string, bytes: number): boolean {
    return (this.used.get(workspaceOf(room)) ?? 0) + bytes <= this.maxBytes;
  }

  /** Updates that reached the disk. */
  stored(batch: readonly { room: string; update: Uint8Array }[]): void {
    for (const { room, update } of batch) {
      const ws = workspaceOf(room);
      this.used.set(ws, (this.used.get(ws) ?? 0) + update.byteLength);
    }
  }

  /** Bytes a room holds on disk now: read before compaction replaces them. */
  bytesOf(room: string): number {
    return this.roomBytes.get(room)?.bytes ?? 0;
  }

  /** A room's history replaced by its merged state. */
  compacted(room: string, before: number, after: number): void {
    const ws = workspaceOf(room);
    this.used.set(ws, Math.max(0, (this.used.get(ws) ?? 0) - before + after));
  }

  usedBy(ws: string): number {
    return this.used.get(ws) ?? 0;
  }
}
