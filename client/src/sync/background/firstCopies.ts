// A device's first copies of documents it holds nothing of, many to a request (GET /fetch), instead of a socket each:
// on a new device that was 1,000 sockets, their handshakes and tokens checked, for 1,000 documents (decision 0044).
// The states are stored as the relay sent them, never decoded on the page (`DocStore.storeFetched`).
import { decodeFetchAnswer, fetchUrl, MAX_DOCS_PER_FETCH, type FetchedDoc } from '@maillage/shared/sync';
import type { DocStore } from '../../store/docStore';
import { betweenKeystrokes } from '../betweenKeystrokes';
import { askUntilAllowed } from './askAgain';
import { refusal } from './roundStop';
import { EMPTY_UPDATE_LENGTH } from './keptAsSent';

/**
 * What became of a document asked, as a socket's sync would say it: stored ('synced'), not readable by this member,
 * not served now ('skipped': fetched again when it next changes), or left for its socket.
 */
export type FirstCopyOutcome = 'synced' | 'forbidden' | 'skipped' | 'overSocket';

const OUTCOMES = { state: 'synced', forbidden: 'forbidden', unavailable: 'skipped', overSocket: 'overSocket' } as const;

export interface FirstCopiesOptions {
  httpBase: string;
  workspaceId: string;
  token: string;
  store: DocStore;
  /** Resolves at a moment the member is not typing into (`betweenKeystrokes`); replaced in tests. */
  gap?: () => Promise<void>;
}

/** Requests under way at once: the relay reads the next batch while the page stores one. */
const IN_FLIGHT = 2;
/** Documents stored in one gap between keystrokes: 50 (about 1 MB) took the page 25 ms, half a keystroke's budget. */
const STORED_PER_GAP = 25;

/**
 * Fetches `docIds`, most wanted first, in requests of up to 50, and tells `landed` of each once stored. Documents the
 * relay cannot send this way (a relay that predates /fetch, a room without history) come back as 'overSocket'.
 */
export async function fetchFirstCopies(
  options: FirstCopiesOptions,
  docIds: readonly string[],
  landed: (docId: string, outcome: FirstCopyOutcome) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  const queue = [...docIds];
  const gap = options.gap ?? betweenKeystrokes;
  // One store per gap in the typing, in turn: both requests' answers landing in the same gap made one long task of it.
  let storing: Promise<unknown> = Promise.resolve();
  const inItsOwnGap = (work: () => Promise<void>): Promise<void> => {
    const turn = storing.then(async () => {
      await gap();
      await work();
    });
    storing = turn.catch(() => undefined);
    return turn;
  };
  const worker = async () => {
    while (queue.length > 0 && !stopped()) {
      const batch = queue.splice(0, MAX_DOCS_PER_FETCH);
      const answer = await fetchStates(options, batch);
      if (!answer) {
        // Not a relay that answers /fetch: every document left goes over its socket.
        for (const docId of [...batch, ...queue.splice(0)]) await landed(docId, 'overSocket');
        return;
      }
      // Stored between two keystrokes while the member types, a few at a time: handing them to IndexedDB takes a frame.
      const copies = copiesIn(batch, answer);
      for (let i = 0; i < copies.length; i += STORED_PER_GAP) {
        const some = copies.slice(i, i + STORED_PER_GAP);
        await inItsOwnGap(() => options.store.storeFetched(options.workspaceId, some));
      }
      for (const [i, docId] of batch.entries()) {
        const { outcome } = answer[i]!;
        if (outcome === 'later') queue.push(docId);
        else await landed(docId, OUTCOMES[outcome]);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** The answer's states worth storing, as `DocStore.storeFetched` takes them. */
const copiesIn = (batch: readonly string[], answer: readonly FetchedDoc[]) =>
  batch.flatMap((docId, i) => {
    const doc = answer[i]!;
    return doc.outcome === 'state' && doc.state.byteLength > EMPTY_UPDATE_LENGTH
      ? [{ docId, updates: [doc.state] }]
      : [];
  });

/**
 * The relay's whole state of up to 50 documents in one request; null when the relay does not answer /fetch (an older
 * relay serves its page there instead).
 */
export async function fetchStates(
  options: Pick<FirstCopiesOptions, 'httpBase' | 'workspaceId' | 'token'>,
  batch: readonly string[],
): Promise<FetchedDoc[] | null> {
  const response = await askUntilAllowed(() =>
    fetch(fetchUrl(options.httpBase, options.workspaceId, batch), {
      headers: { authorization: `Bearer ${options.token}` },
    }),
  );
  if (response.status === 401 || response.status === 403) throw await refusal(response);
  if (!response.ok) throw new Error(`fetch: HTTP ${response.status}`);
  if (response.headers.get('content-type') !== 'application/octet-stream') return null;
  return decodeFetchAnswer(new Uint8Array(await response.arrayBuffer()), batch.length);
}
