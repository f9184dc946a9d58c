import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeFetchAnswer,
  encodeFetchAnswer,
  FETCH_OUTCOMES,
  fetchQuerySchema,
  fetchUrl,
  MalformedFetchAnswer,
  MAX_DOCS_PER_FETCH,
  type FetchedDoc,
} from './fetchDocs';

const ws = 'a'.repeat(52);
const docId = (i: number) => `doc${String(i).padStart(18, '0')}`;

const fetchedDoc: fc.Arbitrary<FetchedDoc> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((state) => ({ outcome: 'state' as const, state })),
  fc.constantFrom(...FETCH_OUTCOMES.filter((o) => o !== 'state')).map((outcome) => ({ outcome }) as FetchedDoc),
);

describe('the fetch answer', () => {
  it('reads back what was written, whatever the outcomes and states', () => {
    fc.assert(
      fc.property(fc.array(fetchedDoc, { maxLength: 20 }), (docs) => {
        expect(decodeFetchAnswer(encodeFetchAnswer(docs), docs.length)).toEqual(docs);
      }),
    );
  });

  it('refuses an answer cut anywhere, or with bytes after it, and never reads past its end', () => {
    const docs: FetchedDoc[] = [
      { outcome: 'state', state: new Uint8Array([1, 2, 3]) },
      { outcome: 'forbidden' },
      { outcome: 'state', state: new Uint8Array(40) },
    ];
    const bytes = encodeFetchAnswer(docs);
    for (let end = 0; end < bytes.byteLength; end++)
      expect(() => decodeFetchAnswer(bytes.subarray(0, end), docs.length)).toThrow(MalformedFetchAnswer);
    expect(() => decodeFetchAnswer(new Uint8Array([...bytes, 1]), docs.length)).toThrow(MalformedFetchAnswer);
    expect(() => decodeFetchAnswer(new Uint8Array([9]), 1)).toThrow(/no outcome/);
  });

  it('throws only MalformedFetchAnswer on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(5), (bytes, count) => {
        try {
          decodeFetchAnswer(bytes, count);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedFetchAnswer);
        }
      }),
    );
  });
});

describe('the fetch query', () => {
  const parse = (url: string) => fetchQuerySchema.safeParse(Object.fromEntries(new URL(url).searchParams));

  it('reads the workspace and the documents of the url the device builds', () => {
    const docs = Array.from({ length: MAX_DOCS_PER_FETCH }, (_, i) => docId(i));
    const parsed = parse(fetchUrl('http://relay', ws, docs));
    expect(parsed.success && parsed.data).toEqual({ ws, docs });
  });

  it('refuses no documents, too many, a repeated one, a bad id or a bad workspace', () => {
    const docs = (n: number) => Array.from({ length: n }, (_, i) => docId(i)).join(',');
    for (const query of [
      `ws=${ws}`,
      `ws=${ws}&docs=`,
      `ws=${ws}&docs=${docs(MAX_DOCS_PER_FETCH + 1)}`,
      `ws=${ws}&docs=${docId(1)},${docId(1)}`,
      `ws=${ws}&docs=${docId(1)},../etc`,
      `ws=${ws}&docs=${docId(1)},,${docId(2)}`,
      `ws=nope&docs=${docId(1)}`,
      `docs=${docId(1)}`,
    ])
      expect(parse(`http://relay/fetch?${query}`).success, query).toBe(false);
  });
});
