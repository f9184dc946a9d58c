// Reads the streams of every room this relay holds, on a connection of its own, and hands each room its new entries.
import type { Redis } from 'ioredis';
import { entriesOf, roomStreamKey, type StreamEntry } from './roomStreams';
import { compareStreamIds, formatStreamId, type StreamId } from './streamIds';

/** Longest wait of one XREAD: a room let go meanwhile stops being read within this. */
const BLOCK_MS = 1_000;
/** Entries read per stream and round: a room with more is read on in the next round. */
const COUNT = 1_000;
/** After a failed read (Redis unreachable), the wait before the next: the connection reconnects on its own. */
const RETRY_MS = 500;

interface Subscription {
  cursor: StreamId;
  onEntries: (entries: StreamEntry[]) => void;
}

export class StreamReader {
  private readonly rooms = new Map<string, Subscription>();
  private running = true;
  private readonly wakeKey: string;
  private wakeCursor = '$';
  private readonly done: Promise<void>;

  /**
   * reader: a connection used for nothing else (it blocks); writer: any other, which adds the wake-up entry.
   * onError: a failed round, logged by the caller.
   */
  constructor(
    private readonly reader: Redis,
    private readonly writer: Redis,
    relayId: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.wakeKey = `maillage:relay:${relayId}:wake`;
    this.done = this.loop();
  }

  /** Reads the room's entries after `cursor` from now on, until `unsubscribe`. */
  subscribe(room: string, cursor: StreamId, onEntries: (entries: StreamEntry[]) => void): void {
    this.rooms.set(room, { cursor, onEntries });
    // A round already blocked reads the old list of rooms: one entry on our wake stream ends it at once.
    this.writer.xadd(this.wakeKey, 'MAXLEN', '1', '*', 'w', '1').catch(this.onError);
  }

  unsubscribe(room: string): void {
    this.rooms.delete(room);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.reader.disconnect();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const names = [...this.rooms.keys()];
      const keys = [this.wakeKey, ...names.map(roomStreamKey)];
      const ids = [this.wakeCursor, ...names.map((name) => formatStreamId(this.rooms.get(name)!.cursor))];
      const indexOf = new Map(keys.map((key, index) => [key, index]));
      let replies: [Buffer, [Buffer, Buffer[]][]][] | null;
      try {
        replies = await this.reader.xreadBuffer('COUNT', COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids);
      } catch (err) {
        if (!this.running) return;
        this.onError(err);
        await new Promise((done) => setTimeout(done, RETRY_MS));
        continue;
      }
      for (const [key, raw] of replies ?? []) {
        const index = indexOf.get(key.toString()) ?? -1;
        if (index === 0) {
          const last = raw.at(-1);
          if (last) this.wakeCursor = last[0].toString();
          continue;
        }
        const subscription = index > 0 ? this.rooms.get(names[index - 1]!) : undefined;
        if (!subscription) continue; // let go while this round was out
        // Subscribed again meanwhile from a later cursor: what that cursor covers is not handed twice.
        const entries = entriesOf(raw).filter((entry) => compareStreamIds(entry.id, subscription.cursor) > 0);
        if (entries.length === 0) continue;
        subscription.cursor = entries.at(-1)!.id;
        subscription.onEntries(entries);
      }
    }
  }
}
