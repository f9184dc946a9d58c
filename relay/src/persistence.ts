// The relay's durable store: every room's Yjs updates in one SQLite file (WAL), appended in group-committed batches.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface StoredUpdate {
  room: string;
  update: Uint8Array;
}

export interface RoomStore {
  readonly db: Database.Database;
  readonly file: string;
  load(room: string): Uint8Array[];
  count(room: string): number;
  /** Appends updates of any rooms in one transaction: all on disk, or none. */
  appendBatch(batch: readonly StoredUpdate[]): void;
  /** Replaces a room's whole history by one merged update, atomically. */
  replace(room: string, merged: Uint8Array): void;
  close(): void;
}

export interface StoreOptions {
  /** A quota in MiB (0: none). Past it SQLite refuses writes exactly as on a full disk (SQLITE_FULL). */
  maxMb?: number;
  /** The caller runs a Checkpointer; this connection then never checkpoints on its own. */
  checkpointInBackground?: boolean;
}

export function openRoomStore(dataDir: string, options: StoreOptions = {}): RoomStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'maillage-relay.sqlite');
  const db = new Database(file);
  // WAL + NORMAL: a committed transaction survives a crash of the process (kill -9); see docs/decisions/0001.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints (and their fsync) run on another thread: see checkpointer.ts.
  if (options.checkpointInBackground) db.pragma('wal_autocheckpoint = 0');
  // Rooms are read once on load and then only appended to: a small page cache is enough.
  db.pragma('cache_size = -512');
  if (options.maxMb) db.pragma(`max_page_count = ${Math.ceil((options.maxMb * 1024 * 1024) / (db.pragma('page_size', { simple: true }) as number))}`);
  db.exec(`CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);`);

  const selectRoom = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY seq');
  const countRoom = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE room = ?');
  const insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)');
  const deleteRoom = db.prepare<[string]>('DELETE FROM updates WHERE room = ?');

  const appendBatch = db.transaction((batch: readonly StoredUpdate[]) => {
    for (const { room, update } of batch) insert.run(room, update);
  });
  const replace = db.transaction((room: string, merged: Uint8Array) => {
    deleteRoom.run(room);
    insert.run(room, merged);
  });

  return {
    db,
    file,
    load: (room) => selectRoom.all(room).map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
    count: (room) => countRoom.get(room)?.n ?? 0,
    appendBatch: (batch) => {
      if (batch.length > 0) appendBatch(batch);
    },
    replace: (room, merged) => replace(room, merged),
    close: () => db.close(),
  };
}
