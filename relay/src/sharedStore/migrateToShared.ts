// The one command that moves a single relay's rooms into the shared store: each room's SQLite rows merged into one
// state in Postgres, where every relay of the shared store reads it, each listed by the change feed, and its
// revocations, care-team lists and access journal copied into Postgres (docs/decisions/0040).
import * as Y from 'yjs';
import { parseRoom, roomKeepsHistory } from '@maillage/shared/sync';
import { openRoomStore } from '../persistence';
import { Acls } from '../acls';
import { Revocations } from '../revocations';
import { CompactedStates } from './compactedStates';
import { DurableRecords } from './durableRecords';
import { HeadsCopy } from './headsCopy';
import { SharedJournal } from './sharedJournal';
import type { JournalEntry } from '../journal';
import { ACLS_RECORD, rankOf } from './sharedAcls';
import { fieldOf, messageOf, REVOCATIONS_RECORD } from './sharedRevocations';

export interface MigrationReport {
  rooms: number;
  bytes: number;
  /** Revocations and care-team lists copied into Postgres' shared records (every relay reads them at start). */
  revocations: number;
  lists: number;
  /** Journal entries added to Postgres' (none on a second run). */
  journal: number;
}

/** Journal entries read from SQLite per statement. */
const JOURNAL_BATCH = 1_000;

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
  const records = new DurableRecords(databaseUrl);
  const heads = new HeadsCopy(databaseUrl);
  const journal = new SharedJournal(databaseUrl, () => {});
  const report: MigrationReport = { rooms: 0, bytes: 0, revocations: 0, lists: 0, journal: 0 };
  try {
    await states.prepare();
    await records.prepare();
    // Who was revoked and who is on which list, as each relay keeps them (put: a list only over an older one).
    for (const r of new Revocations(store.db).all()) {
      await records.put(REVOCATIONS_RECORD, fieldOf(r), messageOf(r));
      report.revocations++;
    }
    for (const acl of new Acls(store.db).all()) {
      await records.put(ACLS_RECORD, acl.room, JSON.stringify(acl), rankOf(acl));
      report.lists++;
    }
    await heads.prepare();
    // Each room moved in is listed by the change feed, at a tick above every cursor a device took from this relay
    // (its ticks are the wall clock's µs too, 0029): devices check them once, and miss none.
    const tick = Date.now() * 1000;
    const rooms = store.db.prepare<[], { room: string }>('SELECT DISTINCT room FROM room_updates').all();
    for (const { room } of rooms) {
      // Through a doc, as compaction writes it: a merge of raw updates is much slower for clients to apply (0009).
      const doc = new Y.Doc({ gc: !roomKeepsHistory(room) });
      Y.applyUpdate(doc, Y.mergeUpdates(store.load(room)));
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await states.mergeInto(room, state);
      const ref = parseRoom(room);
      if (ref) heads.taken(ref.workspaceId, ref.docId, tick);
      report.rooms++;
      report.bytes += state.byteLength;
      onRoom(room, state.byteLength);
    }
    await heads.copy();
    // The access journal, oldest first, in batches: a year of it may not fit in memory at once.
    await journal.prepare();
    const hasJournal = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal'").get();
    const page = store.db.prepare<[number, number], JournalEntry & { id: number }>(
      'SELECT id, t, ws, room, member, device, role, address, event, reason, bytes FROM journal WHERE id > ? ORDER BY id LIMIT ?',
    );
    for (let after = 0; hasJournal;) {
      const rows = page.all(after, JOURNAL_BATCH);
      if (rows.length === 0) break;
      report.journal += await journal.mergeIn(rows.map(({ id: _id, ...entry }) => entry));
      after = rows.at(-1)!.id;
    }
  } finally {
    store.close();
    await states.close();
    await records.close();
    await heads.close();
    await journal.close();
  }
  return report;
}
