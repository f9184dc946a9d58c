// The one command that moves a single relay's rooms into the shared store: each room's SQLite rows merged into one
// state in Postgres, where every relay of the shared store reads it (docs/decisions/0040).
import * as Y from 'yjs';
import { roomKeepsHistory } from '@maillage/shared/sync';
import { openRoomStore } from '../persistence';
import { CompactedStates } from './compactedStates';

export interface MigrationReport {
  rooms: number;
  bytes: number;
}

/**
 * Reads every room of the SQLite store in `dataDir` and merges it into the room's Postgres state (a state already there,
 * from another relay or an earlier run, is merged with it, never replaced: running it twice changes nothing).
 */
export async function migrateToShared(
  dataDir: string,
  databaseUrl: string,
  onRoom: (room: string, bytes: number) => void = () => {},
): Promise<MigrationReport> {
  const store = openRoomStore(dataDir);
  const states = new CompactedStates(databaseUrl);
  const report: MigrationReport = { rooms: 0, bytes: 0 };
  try {
    await states.prepare();
    const rooms = store.db.prepare<[], { room: string }>('SELECT DISTINCT room FROM room_updates').all();
    for (const { room } of rooms) {
      // Through a doc, as compaction writes it: a merge of raw updates is much slower for clients to apply (0009).
      const doc = new Y.Doc({ gc: !roomKeepsHistory(room) });
      Y.applyUpdate(doc, Y.mergeUpdates(store.load(room)));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await states.mergeInto(room, state);
      report.rooms++;
      report.bytes += state.byteLength;
      onRoom(room, state.byteLength);
    }
  } finally {
    store.close();
    await states.close();
  }
  return report;
}
