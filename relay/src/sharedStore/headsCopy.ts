// Postgres' copy of the change feed's heads (docs/decisions/0029, 0040): Redis hands out the ticks and holds the
// heads every relay reads; this copy, written a second behind, is what remains of them if Redis loses its data.
import type postgres from 'postgres';
import { connectPostgres, createTable, TABLE_LOCKS } from './postgresTables';
import type { Head } from '../heads';

export class HeadsCopy {
  private readonly sql: postgres.Sql;
  /** Ticks taken since the last copy, the latest per room. */
  private pending = new Map<string, { ws: string; doc: string; tick: number }>();

  constructor(url: string) {
    this.sql = connectPostgres(url, 2);
  }

  async prepare(): Promise<void> {
    await createTable(this.sql, TABLE_LOCKS.heads, async (sql) => {
      await sql`CREATE TABLE IF NOT EXISTS maillage_heads (
        ws text NOT NULL,
        doc text NOT NULL,
        tick bigint NOT NULL,
        PRIMARY KEY (ws, doc)
      )`;
    });
  }

  taken(ws: string, doc: string, tick: number): void {
    const key = `${ws}/${doc}`;
    if ((this.pending.get(key)?.tick ?? 0) < tick) this.pending.set(key, { ws, doc, tick });
  }

  /** Writes the ticks taken since the last copy; kept for the next one if Postgres refuses them. */
  async copy(): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.sql`
        INSERT INTO maillage_heads (ws, doc, tick)
        SELECT * FROM unnest(${rows.map((r) => r.ws)}::text[], ${rows.map((r) => r.doc)}::text[], ${rows.map((r) => String(r.tick))}::bigint[])
        ON CONFLICT (ws, doc) DO UPDATE SET tick = GREATEST(maillage_heads.tick, excluded.tick)`;
    } catch (err) {
      for (const r of rows) this.taken(r.ws, r.doc, r.tick);
      throw err;
    }
  }

  /** The workspace's heads after `since` as Postgres holds them. */
  async since(ws: string, since: number): Promise<Head[]> {
    const rows = await this.sql<{ doc: string; tick: string }[]>`
      SELECT doc, tick FROM maillage_heads WHERE ws = ${ws} AND tick > ${String(since)}`;
    return rows.map((row) => ({ doc: row.doc, tick: Number(row.tick) }));
  }

  async latest(ws: string): Promise<number> {
    const [row] = await this.sql<
      { tick: string | null }[]
    >`SELECT max(tick) AS tick FROM maillage_heads WHERE ws = ${ws}`;
    return Number(row?.tick ?? 0);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 1 });
  }
}
