import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoomStore } from './persistence';
import { Journal } from './journal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (i: number) => ({
  ws: 'ws-journal',
  room: 'ws-journal/doc-00001',
  member: `member-${i}`,
  device: null,
  role: 'member',
  address: '127.0.0.1',
  event: 'open' as const,
  reason: null,
  bytes: 0,
});

describe('access journal', () => {
  it('keeps entries the store refuses and writes them once it accepts again; refuses to be rewritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-journal-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const journal = new Journal(store.db);
    journal.append(entry(0));
    journal.flush();
    // The store is full: the next entries cannot be written and wait in memory.
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    for (let i = 1; i <= 400; i++) journal.append({ ...entry(i), reason: 'x'.repeat(200) });
    journal.flush();
    expect(journal.waiting).toBe(400);
    expect(journal.dropped).toBe(0);
    // Room again: everything waiting goes down, in order.
    store.db.pragma('max_page_count = 1073741823');
    journal.flush();
    expect(journal.waiting).toBe(0);
    const written = journal.query({ ws: 'ws-journal', limit: 1000 });
    expect(written).toHaveLength(401);
    expect(written[0]!.member).toBe('member-400');
    expect(() => store.db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE journal SET member = 'x'").run()).toThrow(/append-only/);
    store.close();
  });
});
