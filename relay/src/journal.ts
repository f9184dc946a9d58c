// The access journal: who opened which room, when, from where, how much they wrote, and every refusal. Append-only, never content, never tokens.
import type Database from 'better-sqlite3';

export interface JournalEntry {
  t: string;
  ws: string | null;
  room: string | null;
  member: string | null;
  device: string | null;
  role: string | null;
  address: string | null;
  event: 'open' | 'close' | 'refused' | 'writeDropped' | 'revoke' | 'acl' | 'fetch';
  reason: string | null;
  bytes: number;
}

export interface JournalQuery {
  ws: string;
  member?: string | undefined;
  room?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** Entries held while the store refuses writes. */
const MAX_PENDING = 10_000;

export class Journal {
  private pending: JournalEntry[] = [];
  private scheduled = false;
  private readonly insertMany: (entries: JournalEntry[]) => void;
  /** Told of each batch once written: a relay sharing its rooms copies it to the shared journal (docs/decisions/0040). */
  onWritten: ((entries: readonly JournalEntry[]) => void) | null = null;

  /** `shape` is applied to each entry before it is kept: the entries of report rooms lose who made them. */
  constructor(
    private readonly db: Database.Database,
    private readonly shape: (entry: Omit<JournalEntry, 't'>) => Omit<JournalEntry, 't'> = (entry) => entry,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS journal (
      id INTEGER PRIMARY KEY AUTOINCREMENT, t TEXT NOT NULL, ws TEXT, room TEXT, member TEXT, device TEXT,
      role TEXT, address TEXT, event TEXT NOT NULL, reason TEXT, bytes INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS journal_by_ws_time ON journal (ws, t);
    -- Append-only: the relay itself cannot rewrite history.
    CREATE TRIGGER IF NOT EXISTS journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;`);
    const insert = db.prepare(
      'INSERT INTO journal (t, ws, room, member, device, role, address, event, reason, bytes) VALUES (@t, @ws, @room, @member, @device, @role, @address, @event, @reason, @bytes)',
    );
    this.insertMany = db.transaction((entries: JournalEntry[]) => {
      for (const e of entries) insert.run(e);
    });
  }

  /** Written with the next batch: the hot path only pushes to an array. */
  append(entry: Omit<JournalEntry, 't'>): void {
    this.pending.push({ t: new Date().toISOString(), ...this.shape(entry) });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    // Sockets closing after shutdown closed the database have nothing left to record them in.
    if (!this.db.open) return;
    if (this.pending.length === 0) return;
    try {
      this.insertMany(this.pending);
      this.onWritten?.(this.pending);
      this.pending = [];
    } catch {
      // Store full or failing: entries wait in memory (bounded, oldest dropped first) and go with the next batch that fits.
      const over = this.pending.length - MAX_PENDING;
      if (over > 0) {
        this.pending.splice(0, over);
        this.dropped += over;
      }
    }
  }

  /** Entries dropped because the store refused them for too long (memory stays bounded); /metrics reports it. */
  dropped = 0;

  /** Entries written down with the next batch the store accepts; /metrics reports it. */
  get waiting(): number {
    return this.pending.length;
  }

  query(q: JournalQuery): JournalEntry[] {
    this.flush();
    const where = ['ws = @ws'];
    if (q.member) where.push('member = @member');
    if (q.room) where.push('room = @room');
    if (q.from) where.push('t >= @from');
    if (q.to) where.push('t <= @to');
    return this.db
      .prepare<Record<string, unknown>, JournalEntry>(
        `SELECT t, ws, room, member, device, role, address, event, reason, bytes FROM journal WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`,
      )
      .all({ member: null, room: null, from: null, to: null, ...q });
  }
}
