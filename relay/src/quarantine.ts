// Rooms the relay will not open: reading their stored bytes threw. Kept in SQLite until an operator deletes the row.
import type Database from 'better-sqlite3';

export class Quarantine {
  /** Each quarantined room and why; checked for every connection, so held in memory. */
  private readonly rooms = new Map<string, string>();
  private readonly insert: Database.Statement<[string, string, string]>;
  private readonly stillThere: Database.Statement<[string], { room: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS quarantined_rooms (
      room TEXT PRIMARY KEY, at TEXT NOT NULL, error TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.insert = db.prepare('INSERT OR REPLACE INTO quarantined_rooms (room, at, error) VALUES (?, ?, ?)');
    this.stillThere = db.prepare('SELECT room FROM quarantined_rooms WHERE room = ?');
    for (const row of db
      .prepare<[], { room: string; error: string }>('SELECT room, error FROM quarantined_rooms')
      .all()) {
      this.rooms.set(row.room, row.error);
    }
  }

  get size(): number {
    return this.rooms.size;
  }

  /**
   * Whether the room is quarantined. Only a quarantined room costs a query: the operator releases one by deleting its
   * row (README), and the next connection then loads it again, no restart needed.
   */
  has(room: string): boolean {
    if (!this.rooms.has(room)) return false;
    try {
      if (this.stillThere.get(room)) return true;
    } catch {
      return true; // The store cannot tell: stay on the safe side.
    }
    this.rooms.delete(room);
    return false;
  }

  /** Quarantines the room in memory at once, and on disk if the store takes it (in memory only, until a restart). */
  add(room: string, error: string): void {
    this.rooms.set(room, error);
    try {
      this.insert.run(room, new Date().toISOString(), error.slice(0, 500));
    } catch {
      // A store that refuses writes keeps the quarantine in memory; the journal and /metrics still say so.
    }
  }
}
