import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { encodeFetchAnswer, fetchQuerySchema, type FetchedDoc } from '@maillage/shared/sync';
import { MaillageDb } from '../../store/db';
import { DocStore } from '../../store/docStore';
import { fetchFirstCopies, type FirstCopyOutcome } from './firstCopies';
import { Stop } from './roundStop';

const ws = 'a'.repeat(52);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `document-${String(i).padStart(4, '0')}`);
const stateOf = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

let db: MaillageDb;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

/** A relay that answers each request with `answer(docs asked)`; records what each request asked. */
function relayAnswering(answer: (docs: string[]) => FetchedDoc[] | Response) {
  const asked: string[][] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const query = fetchQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
    asked.push(query.docs);
    const answered = answer(query.docs);
    if (answered instanceof Response) return answered;
    return new Response(new Blob([encodeFetchAnswer(answered) as Uint8Array<ArrayBuffer>]), {
      headers: { 'content-type': 'application/octet-stream' },
    });
  });
  return asked;
}

async function run(docIds: string[]) {
  db = new MaillageDb(`first-copies-${Math.random()}`);
  const store = new DocStore(db);
  const landed = new Map<string, FirstCopyOutcome>();
  await fetchFirstCopies(
    { httpBase: 'http://relay', workspaceId: ws, token: 't', store },
    docIds,
    async (docId, outcome) => void landed.set(docId, outcome),
    () => false,
  );
  const textOf = async (docId: string) => (await store.acquire(ws, docId)).getText('t').toString();
  return { landed, textOf };
}

describe('fetchFirstCopies', () => {
  it('asks 50 at a time, stores each state, and passes on what the relay said of the others', async () => {
    const docs = ids(120);
    const asked = relayAnswering((batch) =>
      batch.map((docId): FetchedDoc => {
        if (docId.endsWith('7')) return { outcome: 'forbidden' };
        if (docId.endsWith('8')) return { outcome: 'unavailable' };
        return { outcome: 'state', state: stateOf(`texte de ${docId}`) };
      }),
    );
    const { landed, textOf } = await run(docs);
    expect(asked.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(asked.flat().sort()).toEqual([...docs].sort());
    expect(landed.get('document-0001')).toBe('synced');
    expect(await textOf('document-0001')).toBe('texte de document-0001');
    expect(landed.get('document-0007')).toBe('forbidden');
    expect(landed.get('document-0008')).toBe('skipped');
    expect(landed.size).toBe(120);
  });

  it('asks again for what did not fit in an answer', async () => {
    const asked = relayAnswering((batch) =>
      batch.map((docId, i): FetchedDoc =>
        i === 0 ? { outcome: 'state', state: stateOf(docId) } : { outcome: 'later' },
      ),
    );
    const { landed, textOf } = await run(ids(3));
    expect(asked).toEqual([ids(3), ids(3).slice(1), ids(3).slice(2)]);
    expect([...landed.values()]).toEqual(['synced', 'synced', 'synced']);
    expect(await textOf('document-0002')).toBe('document-0002');
  });

  it('leaves every document to its socket when the relay does not answer /fetch (an older relay’s page)', async () => {
    const asked = relayAnswering(() => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    const { landed } = await run(ids(60));
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(landed.size).toBe(60);
    expect(new Set(landed.values())).toEqual(new Set(['overSocket']));
  });

  it('waits as long as the relay asks when its budget is spent, then asks for the same documents again', async () => {
    let refusals = 0;
    const askedAt: number[] = [];
    const asked = relayAnswering((batch) => {
      askedAt.push(performance.now());
      if (refusals++ === 0)
        return new Response(JSON.stringify({ error: 'slowDown' }), { status: 429, headers: { 'retry-after': '0.2' } });
      return batch.map((docId): FetchedDoc => ({ outcome: 'state', state: stateOf(docId) }));
    });
    const { landed, textOf } = await run(ids(3));
    expect(asked).toEqual([ids(3), ids(3)]);
    expect(askedAt[1]! - askedAt[0]!).toBeGreaterThanOrEqual(190);
    expect([...landed.values()]).toEqual(['synced', 'synced', 'synced']);
    expect(await textOf('document-0000')).toBe('document-0000');
  });

  it('stores half an answer per gap in the typing, though both requests are answered', async () => {
    const asked = relayAnswering((batch) =>
      batch.map((docId): FetchedDoc => ({ outcome: 'state', state: stateOf(docId) })),
    );
    db = new MaillageDb(`first-copies-${Math.random()}`);
    const store = new DocStore(db);
    let stores = 0;
    const storeFetched = store.storeFetched.bind(store);
    store.storeFetched = async (workspaceId, copies) => {
      stores++;
      await storeFetched(workspaceId, copies);
    };
    // Each gap asked for records how many answers were stored by then, and opens when the test says.
    const storedWhenAsked: number[] = [];
    const gaps: (() => void)[] = [];
    const gap = () =>
      new Promise<void>((open) => {
        storedWhenAsked.push(stores);
        gaps.push(open);
      });
    const done = fetchFirstCopies(
      { httpBase: 'http://relay', workspaceId: ws, token: 't', store, gap },
      ids(100),
      async () => undefined,
      () => false,
    );
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    for (let gap = 0; gap < 4; gap++) {
      await vi.waitFor(() => expect(gaps).toHaveLength(gap + 1));
      gaps[gap]!();
    }
    await done;
    // Each half of each answer waited for a gap of its own, asked for once the half before was stored.
    expect(storedWhenAsked).toEqual([0, 1, 2, 3]);
    expect(stores).toBe(4);
  });

  it('stops on a refusal, and on a network failure stores nothing half', async () => {
    relayAnswering(() => new Response(JSON.stringify({ error: 'revoked' }), { status: 401 }));
    await expect(run(ids(3))).rejects.toEqual(new Stop('revoked'));
    relayAnswering(() => new Response('oops', { status: 502 }));
    await expect(run(ids(3))).rejects.toThrow('HTTP 502');
    expect(await db.updates.count()).toBe(0);
  });
});
