// The records every relay shares (revocations, care-team lists), kept in Postgres too: Redis announces them and holds
// the copy relays read at once, Postgres keeps them when Redis loses its data (docs/decisions/0040).
import postgres from 'postgres';

/** Statements not answered in this time fail: the write is tried again (announcer.ts), a start goes on without it. */
const STATEMENT_TIMEOUT_S = 5;
/** The advisory lock taken while creating the table (each table of the shared store has its own: 40_23_0001–0005). */
const SCHEMA_LOCK = 40_23_0005;

export class DurableRecords {
  private readonly sql: postgres.Sql;

  constructor(url: string) {
    this.sql = postgres(url, {
      max: 2,
      connect_timeout: STATEMENT_TIMEOUT_S,
      idle_timeout: 60,
      onnotice: () => {},
      connection: { application_name: 'maillage-relay', statement_timeout: STATEMENT_TIMEOUT_S * 1000 },
    });
  }

  async prepare(): Promise<void> {
    await this.sql.begin(async (sql) => {
      await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`;
      await sql`CREATE TABLE IF NOT EXISTS maillage_records (
        record text NOT NULL,
        field text NOT NULL,
        value text NOT NULL,
        rank text NOT NULL DEFAULT '',
        PRIMARY KEY (record, field)
      )`;
    });
  }

  /**
   * Keeps `value` as the record's entry `field`, unless the one kept ranks as high or higher (ranks compared byte by
   * byte): a revocation is kept once, a list replaced only by a newer one.
   */
  async put(record: string, field: string, value: string, rank = ''): Promise<void> {
    await this.sql`
      INSERT INTO maillage_records (record, field, value, rank) VALUES (${record}, ${field}, ${value}, ${rank})
      ON CONFLICT (record, field) DO UPDATE SET value = excluded.value, rank = excluded.rank
      WHERE maillage_records.rank COLLATE "C" < excluded.rank COLLATE "C"`;
  }

  /** Every entry of the record. */
  async values(record: string): Promise<string[]> {
    const rows = await this.sql<{ value: string }[]>`SELECT value FROM maillage_records WHERE record = ${record}`;
    return rows.map((row) => row.value);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 1 });
  }
}
