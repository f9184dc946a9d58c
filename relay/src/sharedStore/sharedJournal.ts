// The access journal shared by every relay: each relay's entries copied into Postgres, where /journal reads them from
// any relay. Append-only there too. Each relay still writes its own SQLite journal first.
import type postgres from 'postgres';
import { connectPostgres, createTable, TABLE_LOCKS } from './postgresTables';
import type { JournalEntry, JournalQuery } from '../journal';

/** Entries held while Postgres refuses them (oldest dropped first past this). */
const MAX_PENDING = 10_000;
/** After a refused write, the wait before the next try. */
const RETRY_MS = 1_000;

export class SharedJournal {
  private readonly sql: postgres.Sql;
  private pending: JournalEntry[] = [];
  private writing: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.sql = connectPostgres(url, 2);
  }

  async prepare(): Promise<void> {
    await createTable(this.sql, TABLE_LOCKS.journal, async (sql) => {
      await sql`CREATE TABLE IF NOT EXISTS maillage_journal (
        id bigserial PRIMARY KEY, t text NOT NULL, ws text, room text, member text, device text, role text,
        address text, event text NOT NULL, reason text, bytes bigint NOT NULL DEFAULT 0
      )`;
      await sql`CREATE INDEX IF NOT EXISTS maillage_journal_by_ws_time ON maillage_journal (ws, t)`;
      // Append-only: no relay rewrites history.
      await sql`CREATE OR REPLACE RULE maillage_journal_no_update AS ON UPDATE TO maillage_journal DO INSTEAD NOTHING`;
      await sql`CREATE OR REPLACE RULE maillage_journal_no_delete AS ON DELETE TO maillage_journal DO INSTEAD NOTHING`;
    });
  }

  /** Entries this relay has written to its own journal: copied with the next write. */
  add(entries: readonly JournalEntry[]): void {
    this.pending.push(...entries);
    const over = this.pending.length - MAX_PENDING;
    if (over > 0) this.pending.splice(0, over);
    this.write();
  }

  /**
   * Entries moved in from a single relay's journal (--migrate-to-shared): each one not there already, so that a second
   * run adds nothing (two relays' entries are never alike in every column).
   */
  async mergeIn(entries: readonly JournalEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const column = <K extends keyof JournalEntry>(key: K) => entries.map((entry) => entry[key] ?? null);
    const result = await this.sql`
      INSERT INTO maillage_journal (t, ws, room, member, device, role, address, event, reason, bytes)
      SELECT * FROM unnest(
        ${column('t')}::text[], ${column('ws')}::text[], ${column('room')}::text[], ${column('member')}::text[],
        ${column('device')}::text[], ${column('role')}::text[], ${column('address')}::text[],
        ${column('event')}::text[], ${column('reason')}::text[], ${entries.map((e) => String(e.bytes))}::bigint[]
      ) AS x(t, ws, room, member, device, role, address, event, reason, bytes)
      WHERE NOT EXISTS (
        SELECT 1 FROM maillage_journal j WHERE j.ws IS NOT DISTINCT FROM x.ws AND j.t = x.t
          AND j.room IS NOT DISTINCT FROM x.room AND j.member IS NOT DISTINCT FROM x.member
          AND j.device IS NOT DISTINCT FROM x.device AND j.role IS NOT DISTINCT FROM x.role
          AND j.address IS NOT DISTINCT FROM x.address AND j.event = x.event
          AND j.reason IS NOT DISTINCT FROM x.reason AND j.bytes = x.bytes)`;
    return result.count;
  }

  /** Every relay's entries, newest first: what a coordinator reads on /journal, through any relay. */
  async query(q: JournalQuery): Promise<JournalEntry[]> {
    await this.settled();
    const rows = await this.sql<(JournalEntry & { bytes: string })[]>`
      SELECT t, ws, room, member, device, role, address, event, reason, bytes FROM maillage_journal
      WHERE ws = ${q.ws}
        ${q.member ? this.sql`AND member = ${q.member}` : this.sql``}
        ${q.room ? this.sql`AND room = ${q.room}` : this.sql``}
        ${q.from ? this.sql`AND t >= ${q.from}` : this.sql``}
        ${q.to ? this.sql`AND t <= ${q.to}` : this.sql``}
      ORDER BY t DESC, id DESC LIMIT ${q.limit}`;
    return rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
  }

  /** Waits for the copy under way, if any. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.settled();
    await this.sql.end({ timeout: 2 });
  }

  private write(): void {
    if (this.writing || this.retry || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const columns = ['t', 'ws', 'room', 'member', 'device', 'role', 'address', 'event', 'reason', 'bytes'] as const;
    this.writing = this.sql`INSERT INTO maillage_journal ${this.sql(batch, ...columns)}`
      .then(
        () => {},
        (err: unknown) => {
          this.onError(err);
          this.pending = [...batch, ...this.pending].slice(-MAX_PENDING);
          this.retry = setTimeout(() => {
            this.retry = null;
            this.write();
          }, RETRY_MS);
          this.retry.unref();
        },
      )
      .finally(() => {
        this.writing = null;
        this.write();
      });
  }
}
