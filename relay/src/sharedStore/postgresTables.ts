// How every part of the shared store reaches Postgres: one way to connect, one way to create its table.
import postgres from 'postgres';

/** Statements not answered in this time fail: each caller says what it does then (retry, refuse, go on). */
export const STATEMENT_TIMEOUT_S = 5;

/** A pool of at most `max` connections, named in Postgres' activity views, with the statement timeout above. */
export function connectPostgres(url: string, max: number): postgres.Sql {
  return postgres(url, {
    max,
    connect_timeout: STATEMENT_TIMEOUT_S,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: 'maillage-relay', statement_timeout: STATEMENT_TIMEOUT_S * 1000 },
  });
}

/** Each table's advisory lock, taken while creating it: numbers no other program on the database uses. */
export const TABLE_LOCKS = {
  rooms: 40_23_0001,
  journal: 40_23_0002,
  heads: 40_23_0003,
  quarantinedRooms: 40_23_0004,
  records: 40_23_0005,
} as const;

/**
 * Creates a table if missing, so a relay needs no setup step. Relays starting together would race in CREATE TABLE IF
 * NOT EXISTS (a duplicate key in Postgres' catalogue): one at a time, under the table's lock.
 */
export async function createTable(
  sql: postgres.Sql,
  lock: number,
  create: (sql: postgres.TransactionSql) => Promise<unknown>,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${lock})`;
    await create(tx);
  });
}
