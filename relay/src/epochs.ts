// Each rewritten room's epochs (docs/decisions/0027): the current one, its rewriter, and what every closed epoch's
// copies need to find their own changes. In the relay's store, beside the rows it replaces, in one transaction.
import type { Statement } from 'better-sqlite3';
import type { RoomStore } from './persistence';

export interface EpochOf {
  /** 0 until the room is first rewritten. */
  epoch: number;
  /** The client id that wrote the epoch's first state: every copy of it has that id in its state vector. */
  rewriter: number | null;
}

export class RoomEpochs {
  private readonly latest: Statement<[string], { epoch: number; rewriter: number }>;
  private readonly closingRow: Statement<[string, number], { closing: Buffer }>;
  private readonly insert: Statement<[string, number, number, Uint8Array]>;
  private readonly begin: (
    room: string,
    epoch: number,
    rewriter: number,
    closing: Uint8Array,
    state: Uint8Array,
  ) => void;

  constructor(store: RoomStore) {
    // Row (room, e) starts epoch e: its rewriter, and the final state vector and delete set of epoch e - 1. Every
    // closed epoch's row is kept: a device may come back after several (a few hundred KB each, a few a year).
    store.db.exec(`CREATE TABLE IF NOT EXISTS room_epochs (
      room TEXT NOT NULL,
      epoch INTEGER NOT NULL,
      rewriter INTEGER NOT NULL,
      closing BLOB NOT NULL,
      PRIMARY KEY (room, epoch)
    ) WITHOUT ROWID`);
    this.latest = store.db.prepare(
      'SELECT epoch, rewriter FROM room_epochs WHERE room = ? ORDER BY epoch DESC LIMIT 1',
    );
    this.closingRow = store.db.prepare('SELECT closing FROM room_epochs WHERE room = ? AND epoch = ?');
    this.insert = store.db.prepare('INSERT INTO room_epochs (room, epoch, rewriter, closing) VALUES (?, ?, ?, ?)');
    this.begin = store.db.transaction((room, epoch, rewriter, closing, state) => {
      this.insert.run(room, epoch, rewriter, closing);
      store.replace(room, state);
    });
  }

  current(room: string): EpochOf {
    const row = this.latest.get(room);
    return row ? { epoch: row.epoch, rewriter: row.rewriter } : { epoch: 0, rewriter: null };
  }

  /** The final state vector and delete set of a closed epoch (a Yjs snapshot); null when it is not closed. */
  closingOf(room: string, epoch: number): Uint8Array | null {
    const row = this.closingRow.get(room, epoch + 1);
    return row ? new Uint8Array(row.closing) : null;
  }

  /** Starts `epoch`: its record and the room's new content, both or neither. */
  start(room: string, epoch: number, rewriter: number, closing: Uint8Array, state: Uint8Array): void {
    this.begin(room, epoch, rewriter, closing, state);
  }
}
