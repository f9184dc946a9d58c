// Postgres side of the shared store: each room's compacted state, and the stream id up to which it holds everything.
import type postgres from 'postgres';
import { connectPostgres, createTable, TABLE_LOCKS } from './postgresTables';
import * as Y from 'yjs';
import { STREAM_START, type StreamId } from './streamIds';

export interface CompactedState {
  state: Uint8Array;
  covers: StreamId;
}

export class CompactedStates {
  private readonly sql: postgres.Sql;

  constructor(url: string) {
    this.sql = connectPostgres(url, 4);
  }

  /** Creates the table if missing. A load refused (4503) or a compaction tried later is what a timeout means here. */
  async prepare(): Promise<void> {
    await createTable(this.sql, TABLE_LOCKS.rooms, async (sql) => {
      await sql`CREATE TABLE IF NOT EXISTS maillage_rooms (
        room text PRIMARY KEY,
        state bytea NOT NULL,
        last_ms bigint NOT NULL,
        last_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`;
    });
  }

  /** The room's compacted state, or null for a room never compacted. */
  async load(room: string): Promise<CompactedState | null> {
    const rows = await this.sql<{ state: Buffer; last_ms: string; last_seq: string }[]>`
      SELECT state, last_ms, last_seq FROM maillage_rooms WHERE room = ${room}`;
    const row = rows[0];
    if (!row) return null;
    return { state: new Uint8Array(row.state), covers: { ms: Number(row.last_ms), seq: Number(row.last_seq) } };
  }

  /**
   * Writes the room's state if it covers more of the stream than the stored one: a compactor whose lease ran out
   * while another wrote a newer state writes nothing. Returns whether it was written.
   */
  async store(room: string, state: Uint8Array, covers: StreamId): Promise<boolean> {
    const { count } = await this.sql`
      INSERT INTO maillage_rooms (room, state, last_ms, last_seq)
      VALUES (${room}, ${Buffer.from(state)}, ${String(covers.ms)}, ${String(covers.seq)})
      ON CONFLICT (room) DO UPDATE SET state = excluded.state, last_ms = excluded.last_ms,
        last_seq = excluded.last_seq, updated_at = now()
      WHERE (maillage_rooms.last_ms, maillage_rooms.last_seq) < (excluded.last_ms, excluded.last_seq)`;
    return count > 0;
  }

  /**
   * Merges `state` into the room's stored one (or stores it), keeping the stream id it covers: a room moved in from
   * elsewhere adds to what the shared store holds, and a second run changes nothing.
   */
  async mergeInto(room: string, state: Uint8Array): Promise<void> {
    await this.sql.begin(async (sql) => {
      const [row] = await sql<{ state: Buffer }[]>`SELECT state FROM maillage_rooms WHERE room = ${room} FOR UPDATE`;
      const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
      await sql`
        INSERT INTO maillage_rooms (room, state, last_ms, last_seq) VALUES (${room}, ${Buffer.from(merged)}, 0, 0)
        ON CONFLICT (room) DO UPDATE SET state = excluded.state, updated_at = now()`;
    });
  }

  async ping(): Promise<void> {
    await this.sql`SELECT 1`;
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 2 });
  }
}

export const NOTHING_COMPACTED: CompactedState = { state: new Uint8Array(0), covers: STREAM_START };
