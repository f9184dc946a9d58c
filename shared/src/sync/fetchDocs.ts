// GET /fetch: a new device's first copies of many documents in one request, instead of a socket each (decision 0044).
// Only for documents the device holds nothing of and that keep their history: the others sync over their socket. The
// answer is binary, one entry per document asked, in the order asked. Parsed on both sides.
import { z } from 'zod/mini';
import { docIdSchema, workspaceIdSchema } from './rooms';

export const FETCH_PATH = '/fetch';
/** Documents per request: a query of about 1 KB with our 21-character ids. */
export const MAX_DOCS_PER_FETCH = 50;
/** Past this many bytes of states, an answer says « later » for the rest (at least one state is always sent). */
export const MAX_FETCH_ANSWER_BYTES = 4 * 1024 * 1024;

export const fetchQuerySchema = z.object({
  ws: workspaceIdSchema,
  docs: z.pipe(
    z.string().check(z.maxLength(MAX_DOCS_PER_FETCH * 65)),
    z.pipe(
      z.transform((list: string) => list.split(',')),
      z.array(docIdSchema).check(
        z.minLength(1),
        z.maxLength(MAX_DOCS_PER_FETCH),
        z.refine((ids) => new Set(ids).size === ids.length, 'errors.duplicateDoc'),
      ),
    ),
  ),
});

/** What the relay says of each document asked. */
export const FETCH_OUTCOMES = [
  /** Its whole state follows: the bytes to store as the device's copy. */
  'state',
  /** The member may not read it (a care team or report list that does not name them): a copy must go. */
  'forbidden',
  /** Not served now (quarantined, the store unreadable): fetched again when it next changes. */
  'unavailable',
  /** The answer is full: ask again. */
  'later',
  /** A document without history (its copies follow epochs): synced over its own socket. */
  'overSocket',
] as const;
export type FetchOutcome = (typeof FETCH_OUTCOMES)[number];

export type FetchedDoc = { outcome: 'state'; state: Uint8Array } | { outcome: Exclude<FetchOutcome, 'state'> };

export const fetchUrl = (base: string, ws: string, docs: readonly string[]) =>
  `${base}${FETCH_PATH}?ws=${encodeURIComponent(ws)}&docs=${docs.map(encodeURIComponent).join(',')}`;

/** The answer's bytes: per document, its outcome's index (one byte), then for a state its length (4 bytes) and bytes. */
export function encodeFetchAnswer(docs: readonly FetchedDoc[]): Uint8Array {
  let size = 0;
  for (const doc of docs) size += doc.outcome === 'state' ? 5 + doc.state.byteLength : 1;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const doc of docs) {
    bytes[at++] = FETCH_OUTCOMES.indexOf(doc.outcome);
    if (doc.outcome !== 'state') continue;
    view.setUint32(at, doc.state.byteLength);
    bytes.set(doc.state, at + 4);
    at += 4 + doc.state.byteLength;
  }
  return bytes;
}

export class MalformedFetchAnswer extends Error {}

/** Reads an answer to a request for `count` documents; throws MalformedFetchAnswer for anything else. */
export function decodeFetchAnswer(bytes: Uint8Array, count: number): FetchedDoc[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const docs: FetchedDoc[] = [];
  let at = 0;
  while (docs.length < count) {
    const outcome = at < bytes.byteLength ? FETCH_OUTCOMES[bytes[at]!] : undefined;
    if (!outcome) throw new MalformedFetchAnswer(`fetch answer: no outcome for document ${docs.length + 1}`);
    at++;
    if (outcome !== 'state') {
      docs.push({ outcome });
      continue;
    }
    if (at + 4 > bytes.byteLength) throw new MalformedFetchAnswer('fetch answer: a state without its length');
    const length = view.getUint32(at);
    at += 4;
    if (at + length > bytes.byteLength) throw new MalformedFetchAnswer('fetch answer: a state cut short');
    docs.push({ outcome, state: bytes.slice(at, at + length) });
    at += length;
  }
  if (at !== bytes.byteLength) throw new MalformedFetchAnswer('fetch answer: bytes after the last document');
  return docs;
}
