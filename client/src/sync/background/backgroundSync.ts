// Every document a member may read, on each of their devices, kept current whichever screen is open: the change feed
// says which rooms changed since this device's cursor, and only those sync, through the same DocStore as an opened
// document: what the device holds nothing of many to a request, the copies it holds over the stock y-websocket
// protocol, a few at a time (docs/decisions/0029, 0044).
import {
  changesResponseSchema,
  changesUrl,
  isWellKnownDoc,
  keepsHistory,
  type ChangesResponse,
} from '@maillage/shared/sync';
import type { DocStore } from '../../store/docStore';
import { ExternalState } from '../externalState';
import { FetchedMarks, FetchQueue, type FetchProgress } from './fetchQueue';
import { Throttled } from './throttled';
import { fetchFirstCopies } from './firstCopies';
import { firstCopyOverSocket, syncWithRelay } from './roomSocket';
import { letSetAsideCopiesGo } from './setAsideCopies';
import { UnsentChanges } from './unsentChanges';
import { askUntilAllowed } from './askAgain';
import { refusal, Stop } from './roundStop';

/** refused: this device's access no longer holds (expired, another relay); revoked: a coordinator revoked it. */
export type BackgroundPhase = 'idle' | 'fetching' | 'offline' | 'storageFull' | 'refused' | 'revoked';

export interface BackgroundState extends FetchProgress {
  phase: BackgroundPhase;
  /** Documents whose copy left this device in this session because the member may no longer read them. */
  dropped: string[];
  /** Documents no screen has open holding a change made here that the relay has not been seen to hold yet. */
  unsent: number;
  /** Documents holding a change made here that the relay refused each time it was sent: the member may not write. */
  unsentRefused: string[];
}

export interface BackgroundSyncOptions {
  workspaceId: string;
  token: string;
  /** The relay's origin for HTTP (`https://host`) and its sync URL (`wss://host/sync`). */
  httpBase: string;
  wsBase: string;
  store: DocStore;
  queue?: FetchQueue;
  WebSocketPolyfill?: typeof WebSocket;
  /** Documents synced at once: a handful of sockets, however many documents changed. */
  concurrency?: number;
  /** Wait between two checks of the feed. */
  pollMs?: () => number;
  isOnline?: () => boolean;
  /** The clock a refused change is looked for again by (Date.now; tests move it). */
  now?: () => number;
  /** A document a screen has open syncs through that screen's provider: left pending here until it closes. */
  isLive?: (docId: string) => boolean;
  /** Documents a screen has open in any tab of this browser: their changes are that screen's socket's to send. */
  openInAnyTab?: () => Promise<ReadonlySet<string>>;
  /**
   * Documents this device chooses not to keep (« Mon appareil »): not fetched, and their copies go once the relay is
   * seen to hold everything in them. Read at each round, so a changed setting applies at the next.
   */
  setAside?: () => ReadonlySet<string>;
  /**
   * Least time between two publications of the progress while documents land (0: each one). A screen redrawn for
   * each of a thousand documents takes the time of the member typing meanwhile.
   */
  progressEveryMs?: number;
  /** Told after a document's copy changed (fetched or dropped), for screens that read closed documents. */
  onDocChanged?: (docId: string) => void;
}

export class BackgroundSync extends ExternalState<BackgroundState> {
  private readonly queue: FetchQueue;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly unsentChanges: UnsentChanges;

  constructor(private readonly options: BackgroundSyncOptions) {
    super();
    this.queue = options.queue ?? new FetchQueue(options.workspaceId);
    this.unsentChanges = new UnsentChanges(
      options,
      this.queue,
      (docId) => this.syncOne(docId),
      () => this.stopped,
    );
    this.value = { phase: 'idle', onDevice: 0, total: 0, dropped: [], unsent: 0, unsentRefused: [] };
  }

  start(): void {
    this.stopped = false;
    void this.checkNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.forgetListeners();
  }

  /** One round now (or the one under way): the feed read, every pending document fetched or dropped. */
  checkNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.round().finally(() => {
      this.running = null;
      if (!this.stopped && !['refused', 'revoked', 'storageFull'].includes(this.value.phase))
        this.timer = setTimeout(() => void this.checkNow(), this.options.pollMs?.() ?? 2000);
    });
    return this.running;
  }

  private async round(): Promise<void> {
    // Documents a screen has open, in this tab or another: their own socket sends their edits.
    let open: ReadonlySet<string> = new Set<string>();
    try {
      open = (await this.options.openInAnyTab?.()) ?? open;
      // What a page that went away typed but did not store is stored, and marked, before anything needs the network.
      await this.options.store.storeJournaled(this.options.workspaceId, open);
      if (!(this.options.isOnline?.() ?? true)) return await this.ended('offline', open);
      await this.readFeed();
      const isLive = this.options.isLive ?? (() => false);
      const setAside = this.options.setAside?.() ?? new Set<string>();
      await this.work(
        (await this.queue.pending()).filter(
          (row) => !row.readable || isWellKnownDoc(row.docId) || (!isLive(row.docId) && !setAside.has(row.docId)),
        ),
      );
      // Read once for both: neither touches the other's documents (changes not yet sent skip set-aside copies).
      const marks = await this.options.store.listUnsent(this.options.workspaceId);
      await letSetAsideCopiesGo(
        this.options,
        this.queue,
        [...setAside].filter((docId) => !isLive(docId) && !open.has(docId)),
        marks,
        (docId) => this.syncOne(docId),
        () => this.stopped,
      );
      await this.unsentChanges.sendAll(marks, open, setAside);
      this.set({ phase: 'idle', ...(await this.progress()), ...(await this.unsentChanges.tally(open)) });
    } catch (error) {
      if (error instanceof Stop) return this.ended(error.phase, open);
      if (isQuotaError(error)) return this.ended('storageFull', open);
      // The network went away or the relay restarts: the queue keeps what is left, the next round resumes it.
      await this.ended('offline', open);
    }
  }

  /** A round that could not finish: its phase, and what waits to be sent counted all the same (from IndexedDB). */
  private async ended(phase: BackgroundPhase, open: ReadonlySet<string>): Promise<void> {
    const tally = await this.unsentChanges.tally(open).catch(() => ({}));
    this.set({ phase, ...tally });
  }

  private async readFeed(): Promise<void> {
    let cursor = await this.queue.cursor();
    for (;;) {
      const answer = await this.fetchChanges(cursor);
      await this.queue.record(answer.changes, answer.cursor);
      cursor = answer.cursor;
      if (!answer.more) return;
    }
  }

  private async fetchChanges(since: number): Promise<ChangesResponse> {
    const { httpBase, workspaceId, token } = this.options;
    const response = await askUntilAllowed(() =>
      fetch(changesUrl(httpBase, workspaceId, since), { headers: { authorization: `Bearer ${token}` } }),
    );
    if (response.status === 401 || response.status === 403) throw await refusal(response);
    if (!response.ok) throw new Error(`changes: HTTP ${response.status}`);
    return changesResponseSchema.parse(await response.json());
  }

  /** The pending documents, a few at a time, the most recent change first; progress published as each one lands. */
  private async work(pending: readonly { docId: string; tick: number; readable: boolean }[]): Promise<void> {
    if (pending.length === 0) return;
    // Counted once, then kept up as each document lands: reading every row again after each one costs the square.
    const progress = await this.progress();
    this.set({ phase: 'fetching', ...progress });
    const { store, workspaceId } = this.options;
    // One pass over the index's keys tells which documents this device holds nothing of (all, on a new device): they
    // skip their read. Their landing is recorded a batch at a time.
    const stored = await store.latestSeqs(
      workspaceId,
      pending.filter((row) => row.readable && !isWellKnownDoc(row.docId)).map((row) => row.docId),
    );
    const marks = new FetchedMarks(this.queue);
    const published = new Throttled(this.options.progressEveryMs ?? 0, () => this.set({ ...progress }));
    const landed = async (docId: string, tick: number, outcome: 'synced' | 'forbidden' | 'skipped') => {
      if (outcome === 'forbidden') {
        await this.drop(docId);
        progress.total--;
      } else {
        await marks.add(docId, tick);
        progress.onDevice++;
      }
      this.options.onDocChanged?.(docId);
      published.request();
    };
    // What the device holds nothing of comes many to a request; the rest (and what the relay sends back) by socket.
    const ticks = new Map(pending.map((row) => [row.docId, row.tick]));
    const overSocket: (typeof pending)[number][] = [];
    const firstCopies = pending.filter(
      (row) => row.readable && !isWellKnownDoc(row.docId) && stored.get(row.docId) === 0 && keepsHistory(row.docId),
    );
    const firstCopyIds = new Set(firstCopies.map((row) => row.docId));
    const bySocket = pending.filter((row) => !firstCopyIds.has(row.docId));
    let next = 0;
    const worker = async () => {
      while (next < bySocket.length && !this.stopped) {
        const row = bySocket[next++]!;
        if (!row.readable) await this.drop(row.docId);
        // The workspace keeps these open with their own sockets (and their epochs, decision 0027) while it is open.
        else if (isWellKnownDoc(row.docId)) {
          await marks.add(row.docId, row.tick);
          progress.onDevice++;
        } else await landed(row.docId, row.tick, await this.syncOne(row.docId, stored.get(row.docId) === 0));
        published.request();
      }
    };
    try {
      await fetchFirstCopies(
        this.options,
        firstCopies.map((row) => row.docId),
        async (docId, outcome) => {
          if (outcome === 'overSocket') overSocket.push({ docId, tick: ticks.get(docId)!, readable: true });
          else await landed(docId, ticks.get(docId)!, outcome);
        },
        () => this.stopped,
      );
      bySocket.push(...overSocket);
      await Promise.all(Array.from({ length: this.options.concurrency ?? 3 }, worker));
    } finally {
      published.flush();
      await marks.flush();
    }
  }

  /** Only a copy that was here is said to leave: a room never readable (another's report) goes unmentioned. */
  private async drop(docId: string): Promise<void> {
    const { store, workspaceId } = this.options;
    const had = await store.hasCopy(workspaceId, docId);
    await store.forget(workspaceId, docId);
    await this.queue.dropped(docId);
    this.options.onDocChanged?.(docId);
    if (had) this.set({ dropped: [...this.value.dropped, docId] });
  }

  /** The documents set aside count neither as on the device nor as to fetch. */
  private progress(): Promise<FetchProgress> {
    return this.queue.progress(this.options.setAside?.());
  }

  /**
   * The document synced with the relay and stored, as an opened one is. 'skipped': the relay will not serve this
   * room now (quarantined, unknown); it is fetched again when it next changes.
   */
  private async syncOne(docId: string, nothingStored = false): Promise<'synced' | 'forbidden' | 'skipped'> {
    const { workspaceId, store } = this.options;
    if (nothingStored && keepsHistory(docId) && !store.isOpen(workspaceId, docId))
      return firstCopyOverSocket(this.options, docId);
    const doc = await store.acquire(workspaceId, docId, { nothingStored });
    try {
      const outcome = await syncWithRelay(this.options, doc, docId);
      if (outcome === 'synced') {
        await store.flushed(workspaceId, docId);
        return 'synced';
      }
      return outcome === 'forbidden' ? 'forbidden' : 'skipped';
    } finally {
      await store.release(workspaceId, docId);
    }
  }

  private set(next: Partial<BackgroundState>): void {
    this.publish({ ...this.value, ...next });
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || error.message.includes('QuotaExceeded'));
