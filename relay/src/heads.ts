// Each room's head: a tick that grows whenever the room changes, so a device asks "what changed since tick T" in one
// request and syncs only those rooms (docs/decisions/0029). Held in memory, written to SQLite every second.
import type Database from 'better-sqlite3';
import { parseRoom, type RoomRef } from '@maillage/shared/sync';

export interface Head {
  doc: string;
  tick: number;
}

/** How often changed heads are written: a crash in between is repaired on start (see `reconcile`). */
const FLUSH_EVERY_MS = 1000;

export class RoomHeads {
  /** Workspace → doc → [tick, seq]: `seq` is the room's last stored row when its tick was taken. */
  private readonly byWorkspace = new Map<string, Map<string, [number, number]>>();
  private readonly dirty = new Set<string>();
  /** Rooms' names read once: `changed` runs for every stored batch, and a head is kept per room anyway. */
  private readonly refs = new Map<string, RoomRef>();
  private lastTick = 0;
  private readonly upsert: Database.Statement<[string, string, number, number]>;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS room_heads (
      ws TEXT NOT NULL, doc TEXT NOT NULL, tick INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (ws, doc)
    ) WITHOUT ROWID`);
    this.upsert = db.prepare(`INSERT INTO room_heads (ws, doc, tick, seq) VALUES (?, ?, ?, ?)
      ON CONFLICT (ws, doc) DO UPDATE SET tick = excluded.tick, seq = excluded.seq`);
    const rows = db
      .prepare<[], { ws: string; doc: string; tick: number; seq: number }>('SELECT * FROM room_heads')
      .all();
    for (const { ws, doc, tick, seq } of rows) {
      this.docsOf(ws).set(doc, [tick, seq]);
      this.lastTick = Math.max(this.lastTick, tick);
    }
    this.reconcile();
    this.timer = setInterval(() => this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /**
   * A tick from the wall clock (µs), never below the last one: a tick handed out but not written before a crash is
   * still below every tick taken after the restart, so a device's cursor never skips a change.
   */
  private nextTick(): number {
    this.lastTick = Math.max(this.lastTick + 1, Date.now() * 1000);
    return this.lastTick;
  }

  /** The room changed (an update stored, its list of members changed): it gets a new tick. */
  changed(room: string, seq?: number): void {
    const ref = this.refOf(room);
    if (!ref) return;
    const docs = this.docsOf(ref.workspaceId);
    const head = docs.get(ref.docId);
    // Written in place: a new pair per update lived until the room's next one, long enough to be promoted.
    if (!head) docs.set(ref.docId, [this.nextTick(), seq ?? 0]);
    else {
      head[0] = this.nextTick();
      if (seq !== undefined) head[1] = seq;
    }
    this.dirty.add(room);
  }

  /** The room was compacted under a new seq, its content unchanged: no new tick, or every device would fetch it again. */
  compacted(room: string, seq: number): void {
    const ref = this.refOf(room);
    const head = ref && this.byWorkspace.get(ref.workspaceId)?.get(ref.docId);
    if (!head) return;
    head[1] = seq;
    this.dirty.add(room);
  }

  private refOf(room: string): RoomRef | null {
    let ref = this.refs.get(room) ?? null;
    if (!ref && (ref = parseRoom(room))) this.refs.set(room, ref);
    return ref;
  }

  /** The latest tick of a workspace: where a device's cursor stands once it has everything. */
  latest(ws: string): number {
    let latest = 0;
    for (const [tick] of this.byWorkspace.get(ws)?.values() ?? []) latest = Math.max(latest, tick);
    return latest;
  }

  /** Rooms of `ws` changed after `since`, oldest change first, at most `limit`. */
  since(ws: string, since: number, limit: number): Head[] {
    const heads: Head[] = [];
    for (const [doc, [tick]] of this.byWorkspace.get(ws) ?? []) if (tick > since) heads.push({ doc, tick });
    heads.sort((a, b) => a.tick - b.tick);
    return heads.slice(0, limit);
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const rooms = [...this.dirty];
    this.dirty.clear();
    try {
      this.db.transaction(() => {
        for (const room of rooms) {
          const ref = this.refOf(room)!;
          const [tick, seq] = this.byWorkspace.get(ref.workspaceId)!.get(ref.docId)!;
          this.upsert.run(ref.workspaceId, ref.docId, tick, seq);
        }
      })();
    } catch {
      // A full or failing store: the heads stay in memory and are written with the next flush.
      for (const room of rooms) this.dirty.add(room);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
  }

  /**
   * Rooms whose stored rows go past their written head (the relay stopped before its last flush, or a store written
   * before heads existed) get a tick now: a device that missed them sees them as changed.
   */
  private reconcile(): void {
    const stored = this.db
      .prepare<[], { room: string; seq: number }>('SELECT room, MAX(seq) AS seq FROM room_updates GROUP BY room')
      .all();
    for (const { room, seq } of stored) {
      const ref = parseRoom(room);
      if (!ref) continue;
      const head = this.byWorkspace.get(ref.workspaceId)?.get(ref.docId);
      if (!head || head[1] < seq) this.changed(room, seq);
    }
    this.flush();
  }

  private docsOf(ws: string): Map<string, [number, number]> {
    let docs = this.byWorkspace.get(ws);
    if (!docs) this.byWorkspace.set(ws, (docs = new Map()));
    return docs;
  }
}
