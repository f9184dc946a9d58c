// The records every relay shares (revocations, care-team lists), kept in Postgres too: Redis announces them and holds
// the copy relays read at once, Postgres keeps them when Redis loses its data (docs/decisions/0040).
import type postgres from 'postgres';
import { connectPostgres, createTable, TABLE_LOCKS } from './postgresTables';

export class DurableRecords {
  private readonly sql: postgres.Sql;

  constructor(url: string) {
    this.sql = connectPostgres(url, 2);
  }

  async prepare(): Promise<void> {
    await createTable(this.sql, TABLE_LOCKS.records, async (sql) => {
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
