// Bytes each workspace keeps in the store, counted in memory, and the quota (MAX_WORKSPACE_MB) its writes must stay under.
import type Database from 'better-sqlite3';

/** The workspace part of a room name (`<workspaceId>/<docId>`, shared/src/sync/rooms.ts). */
export const workspaceOf = (room: string) => room.slice(0, room.indexOf('/'));

/** What the relay asks of a quota: this SQLite count, or the shared store's (sharedStore/sharedQuota.ts). */
export interface QuotaCheck {
  readonly maxBytes: number;
  /** Whether an update of this many bytes may be stored in this room: its workspace stays within the quota. */
  allows(room: string, bytes: number): boolean;
  /** Updates that reached the store. */
  stored(batch: readonly { room: string; update: Uint8Array }[]): void;
  /** A room's history replaced by its merged state, of this many bytes. */
  compacted(room: string, bytes: number): void;
}

/**
 * What is counted is the bytes of a workspace's stored updates, as its clients sent them or as compaction merged them:
 * what its documents weigh, not SQLite's pages around them. Read once at start, then kept in memory: a write or a
 * compaction costs a Map lookup, never a query.
 */
export class WorkspaceQuota implements QuotaCheck {
  private readonly used = new Map<string, number>();
  /** Every stored room's bytes, so a compaction knows what it replaced (~150 bytes a room). */
  private readonly roomBytes = new Map<string, number>();

  constructor(
    db: Database.Database,
    readonly maxBytes: number,
  ) {
    // Grouped by room, the table's own order, then summed by workspace here: grouped by the workspace expression,
    // SQLite sorted every row's data along, fifty times slower (docs/decisions/0019).
    const rows = db
      .prepare<[], { room: string; bytes: number }>(
        'SELECT room, SUM(length(data)) AS bytes FROM room_updates GROUP BY room',
      )
      .all();
    for (const { room, bytes } of rows) this.add(room, bytes);
  }

  /** Whether an update of this many bytes may be stored in this room: its workspace stays within the quota. */
  allows(room: string, bytes: number): boolean {
    return (this.used.get(workspaceOf(room)) ?? 0) + bytes <= this.maxBytes;
  }

  /** Updates that reached the disk. */
  stored(batch: readonly { room: string; update: Uint8Array }[]): void {
    for (const { room, update } of batch) this.add(room, update.byteLength);
  }

  /** A room's history replaced by its merged state, of this many bytes. */
  compacted(room: string, bytes: number): void {
    this.add(room, bytes - (this.roomBytes.get(room) ?? 0));
  }

  usedBy(ws: string): number {
    return this.used.get(ws) ?? 0;
  }

  private add(room: string, bytes: number): void {
    const ws = workspaceOf(room);
    this.roomBytes.set(room, (this.roomBytes.get(room) ?? 0) + bytes);
    this.used.set(ws, (this.used.get(ws) ?? 0) + bytes);
  }
}
