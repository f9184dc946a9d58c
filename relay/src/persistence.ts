// The relay's durable store: every room's Yjs updates in one SQLite file (WAL), appended in group-committed batches.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MAX_WAL_BYTES } from './checkpointer';

export interface StoredUpdate {
  room: string;
  update: Uint8Array;
}

export interface RoomStore {
  readonly db: Database.Database;
  readonly file: string;
  load(room: string): Uint8Array[];
  count(room: string): number;
  /** Whether the room holds a stored update: one index probe, however long its history. */
  hasUpdates(room: string): boolean;
  /** Appends updates of any rooms in one transaction: all on disk, or none. */
  appendBatch(batch: readonly StoredUpdate[]): void;
  /** Replaces a room's whole history by one merged update, atomically. */
  replace(room: string, merged: Uint8Array): void;
  /** Checkpoints on this connection, so that its next commit starts the WAL over (see Checkpointer). */
  checkpoint(): void;
  /** The seq of the room's last stored row, as of its last load or write (0: none known). */
  lastSeq(room: string): number;
  /** Drops what the store remembers about a room it no longer holds in memory (its last seq). */
  forget(room: string): void;
  close(): void;
}

export interface StoreOptions {
  /** A quota in MiB (0: none). Past it SQLite refuses writes exactly as on a full disk (SQLITE_FULL). */
  maxMb?: number;
  /** The caller runs a Checkpointer; this connection then never checkpoints on its own. */
  checkpointInBackground?: boolean;
}

/**
 * Page size of a new store. A group commit writes every page it changed to the WAL, whole: with a table clustered by
 * room a small update changes one leaf, and a small leaf is a small WAL frame (docs/decisions/0010). Fixed when the file
 * is created.
 */
const PAGE_SIZE = 1024;

/**
 * The WAL file is never cut back below this: twice what the checkpointer lets it hold before it starts over, so the
 * file of a busy relay stays at its working size (about MAX_WAL_BYTES) instead of being truncated and regrown at each
 * restart.
 */
export const WAL_FILE_LIMIT_BYTES = 2 * MAX_WAL_BYTES;

/**
 * Schema versions (PRAGMA user_version): 0, a rowid table `updates` with an index by room; 2, `room_updates` clustered
 * by room name; 3, `room_log` clustered by a room's number, named in `rooms` (docs/decisions/0023).
 */
const SCHEMA_VERSION = 3;

export function openRoomStore(dataDir: string, options: StoreOptions = {}): RoomStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'maillage-relay.sqlite');
  const db = new Database(file);
  // Before anything is written, or it is too late: SQLite keeps a file's page size for its whole life in WAL mode.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // WAL + NORMAL: a committed transaction survives a crash of the process (kill -9); see docs/decisions/0001.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints (and their fsync) run on another thread: see checkpointer.ts.
  if (options.checkpointInBackground) db.pragma('wal_autocheckpoint = 0');
  // When the WAL starts over, SQLite cuts its file back to this size on the next commit, and cutting a large file
  // stalled that commit on the event loop (docs/decisions/0011). Above the restart threshold, the file is reused as is.
  db.pragma(`journal_size_limit = ${WAL_FILE_LIMIT_BYTES}`);
  // Each append touches its room's last leaf and the pages above it; 8 MiB keeps those of thousands of rooms (512 KiB
  // read some back from the WAL at most commits: docs/decisions/0023).
  db.pragma('cache_size = -8192');
  if (options.maxMb)
    db.pragma(
      `max_page_count = ${Math.ceil((options.maxMb * 1024 * 1024) / (db.pragma('page_size', { simple: true }) as number))}`,
    );
  migrate(db);

  const selectRoom = db.prepare<[number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM room_log WHERE room_id = ? ORDER BY seq',
  );
  const lastSeq = db.prepare<[number], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM room_log WHERE room_id = ?',
  );
  const countRoom = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM room_log WHERE room_id = ?');
  const anyUpdate = db.prepare<[number], { one: number }>('SELECT 1 AS one FROM room_log WHERE room_id = ? LIMIT 1');
  const insert = db.prepare<[number, number, Uint8Array]>('INSERT INTO room_log (room_id, seq, data) VALUES (?, ?, ?)');
  const deleteRoom = db.prepare<[number]>('DELETE FROM room_log WHERE room_id = ?');
  const selectRoomId = db.prepare<[string], { id: number }>('SELECT id FROM rooms WHERE name = ?');
  const insertRoom = db.prepare<[string]>('INSERT OR IGNORE INTO rooms (name) VALUES (?)');

  // Each room's number, from its first read or write. A room is named in `rooms` by a write of its own, before the
  // batch that first writes to it: a batch that rolls back leaves an unused name, never a number given twice. Inside a
  // caller's transaction a name could still be rolled back, so a number read there is not remembered.
  const roomIds = new Map<string, number>();
  const remember = (room: string, id: number | undefined) => {
    if (id !== undefined && !db.inTransaction) roomIds.set(room, id);
    return id;
  };
  const idOf = (room: string): number | undefined => roomIds.get(room) ?? remember(room, selectRoomId.get(room)?.id);
  const named = (room: string): number => {
    const known = idOf(room);
    if (known !== undefined) return known;
    insertRoom.run(room);
    return remember(room, selectRoomId.get(room)!.id)!;
  };

  // Each room's last seq, from its load or its first write: the table has no rowid to count for it. A batch that
  // rolls back leaves a gap, never a reuse: seqs only have to grow within a room.
  const lastSeqOf = new Map<string, number>();
  const nextSeq = (room: string, id: number) => {
    const seq = (lastSeqOf.get(room) ?? lastSeq.get(id)?.seq ?? 0) + 1;
    lastSeqOf.set(room, seq);
    return seq;
  };

  const appendBatch = db.transaction((batch: readonly StoredUpdate[], ids: readonly number[]) => {
    batch.forEach(({ room, update }, i) => insert.run(ids[i]!, nextSeq(room, ids[i]!), update));
  });
  const replace = db.transaction((room: string, id: number, merged: Uint8Array) => {
    const seq = nextSeq(room, id);
    deleteRoom.run(id);
    insert.run(id, seq, merged);
  });

  return {
    db,
    file,
    load: (room) => {
      const id = idOf(room);
      if (id === undefined) return [];
      const rows = selectRoom.all(id);
      const last = rows.at(-1);
      if (last) lastSeqOf.set(room, last.seq);
      return rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    },
    count: (room) => {
      const id = idOf(room);
      return id === undefined ? 0 : (countRoom.get(id)?.n ?? 0);
    },
    hasUpdates: (room) => {
      const id = idOf(room);
      return id !== undefined && anyUpdate.get(id) !== undefined;
    },
    appendBatch: (batch) => {
      if (batch.length > 0)
        appendBatch(
          batch,
          batch.map(({ room }) => named(room)),
        );
    },
    replace: (room, merged) => replace(room, named(room), merged),
    checkpoint: () => {
      db.pragma('wal_checkpoint(PASSIVE)');
    },
    lastSeq: (room) => lastSeqOf.get(room) ?? 0,
    forget: (room) => {
      lastSeqOf.delete(room);
      roomIds.delete(room);
    },
    close: () => db.close(),
  };
}

/**
 * Updates clustered by (room number, seq), no rowid: a room's updates sit together on disk and an append changes one
 * leaf. Its name is in `rooms`, once, where every row and every interior cell of the table repeated it before (a
 * WITHOUT ROWID table's interior cells hold whole keys). The view `room_updates` reads as the table of version 2 did.
 * A store of an earlier version is copied in once, in one transaction, order and seqs kept.
 */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    const hasTable = (name: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    const earlier = hasTable('room_updates') ? 'room_updates' : hasTable('updates') ? 'updates' : undefined;
    db.exec(`CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      CREATE TABLE room_log (
        room_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (room_id, seq)
      ) WITHOUT ROWID;`);
    if (earlier) {
      db.exec(`INSERT INTO rooms (name) SELECT DISTINCT room FROM ${earlier} ORDER BY room;
        INSERT INTO room_log (room_id, seq, data)
          SELECT rooms.id, earlier.seq, earlier.data FROM ${earlier} AS earlier JOIN rooms ON rooms.name = earlier.room
          ORDER BY rooms.id, earlier.seq;
        DROP TABLE ${earlier};`);
    }
    db.exec(`CREATE VIEW room_updates AS
      SELECT rooms.name AS room, room_log.seq AS seq, room_log.data AS data
      FROM room_log JOIN rooms ON rooms.id = room_log.room_id`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
