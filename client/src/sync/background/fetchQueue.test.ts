import { afterEach, describe, expect, it } from 'vitest';
import { MaillageDb } from '../../store/db';
import { FetchedMarks, FetchQueue } from './fetchQueue';

let n = 0;
const dbs: MaillageDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function queueOf(docs: { doc: string; tick: number }[]): Promise<FetchQueue> {
  const db = new MaillageDb(`fetch-queue-${n++}`);
  dbs.push(db);
  const queue = new FetchQueue('ws', db);
  await queue.record(
    docs.map((d) => ({ ...d, readable: true })),
    10,
  );
  return queue;
}

const pendingIds = async (queue: FetchQueue) => (await queue.pending()).map((r) => r.docId);

describe('FetchedMarks', () => {
  it('records landed documents a batch at a time, and what is left on flush', async () => {
    const queue = await queueOf([
      { doc: 'a', tick: 3 },
      { doc: 'b', tick: 2 },
      { doc: 'c', tick: 1 },
    ]);
    const marks = new FetchedMarks(queue, 2);
    await marks.add('a', 3);
    expect(await pendingIds(queue)).toEqual(['a', 'b', 'c']);
    await marks.add('b', 2);
    expect(await pendingIds(queue)).toEqual(['c']);
    await marks.add('c', 1);
    await marks.flush();
    expect(await pendingIds(queue)).toEqual([]);
    expect(await queue.progress()).toEqual({ onDevice: 3, total: 3 });
  });

  it('keeps a document pending when it changed after the tick it landed at, and skips one dropped meanwhile', async () => {
    const queue = await queueOf([
      { doc: 'a', tick: 3 },
      { doc: 'b', tick: 4 },
    ]);
    await queue.record([{ doc: 'a', tick: 7, readable: true }], 11);
    await queue.dropped('b');
    const marks = new FetchedMarks(queue);
    await marks.add('a', 3);
    await marks.add('b', 4);
    await marks.flush();
    expect(await queue.pending()).toMatchObject([{ docId: 'a', tick: 7, fetchedTick: 3 }]);
    expect(await queue.progress()).toEqual({ onDevice: 0, total: 1 });
  });
});

describe('FetchQueue', () => {
  it('records a large answer whole, keeping what each known row had fetched', async () => {
    const queue = await queueOf([{ doc: 'doc-0001', tick: 1 }]);
    await queue.fetched([{ docId: 'doc-0001', tick: 1 }]);
    const changes = Array.from({ length: 450 }, (_, i) => ({
      doc: `doc-${String(i).padStart(4, '0')}`,
      tick: 2,
      readable: true,
    }));
    await queue.record(changes, 20);
    expect(await queue.cursor()).toBe(20);
    const pending = await queue.pending();
    expect(pending).toHaveLength(450);
    expect(pending.find((r) => r.docId === 'doc-0001')).toMatchObject({ tick: 2, fetchedTick: 1 });
    expect(await queue.progress()).toEqual({ onDevice: 0, total: 450 });
  });
});
