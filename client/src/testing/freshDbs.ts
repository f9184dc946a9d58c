// A test file's IndexedDB databases (fake-indexeddb in unit tests): a new one per call, all deleted after each test.
import { afterEach } from 'vitest';
import { MaillageDb } from '../store/db';

export function freshDbsFor(prefix: string): () => MaillageDb {
  let n = 0;
  const dbs: MaillageDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return () => {
    const db = new MaillageDb(`${prefix}-${n++}`);
    dbs.push(db);
    return db;
  };
}
