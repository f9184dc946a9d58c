// Hands each room this relay holds the entries other relays add to its stream: live from the room's Redis channel, on
// which every append publishes its entry (roomStreams.ts), and from the stream itself whenever something may have been
// missed (just subscribed, a gap, a lost connection). The stream stays the record; the channel only saves reading it.
import type { Redis } from 'ioredis';
import { parsePublished, roomChannelKey, roomOfChannel, type PublishedEntries, type StreamEntry } from './roomStreams';
import { compareStreamIds, type StreamId } from './streamIds';

/** After a failed read of a stream (Redis unreachable), the wait before the next: the connection reconnects alone. */
const RETRY_MS = 500;

interface Subscription {
  cursor: StreamId;
  onEntries: (entries: StreamEntry[]) => void;
  /** While the stream is read: what is published meanwhile, kept in order for after the read. */
  held: PublishedEntries[] | null;
  reading: boolean;
  /** The connection came back while a read was under way: read once more, since that read may predate the loss. */
  again: boolean;
}

/** Reads a room's stream after a cursor (RoomStreams.readAfter). */
export type ReadAfter = (room: string, cursor: StreamId) => Promise<StreamEntry[]>;

export class StreamReader {
  private readonly rooms = new Map<string, Subscription>();
  private running = true;

  /**
   * subscriber: a connection used for nothing else (subscribed to the rooms' channels); readAfter: reads a stream
   * through another. onError: a failed command, logged by the caller.
   */
  constructor(
    private readonly subscriber: Redis,
    private readonly readAfter: ReadAfter,
    private readonly onError: (error: unknown) => void,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.published(channel, message));
    // What was published while the connection was down is lost: once subscribed again, every stream is read.
    subscriber.on('ready', () => void this.resubscribe());
  }

  /** Hands the room's entries after `cursor` from now on, in stream order, until `unsubscribe`. */
  subscribe(room: string, cursor: StreamId, onEntries: (entries: StreamEntry[]) => void): void {
    // Held from the start: entries added between the room's load and the subscription are read from the stream.
    const subscription: Subscription = { cursor, onEntries, held: [], reading: false, again: false };
    this.rooms.set(room, subscription);
    this.subscriber.subscribe(roomChannelKey(room)).then(
      () => void this.read(room, subscription),
      // Not subscribed (Redis unreachable): the connection's return subscribes and reads every room.
      this.onError,
    );
  }

  unsubscribe(room: string): void {
    if (!this.rooms.delete(room)) return;
    this.subscriber.unsubscribe(roomChannelKey(room)).catch(this.onError);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.rooms.clear();
    this.subscriber.disconnect();
  }

  private published(channel: Buffer, message: Buffer): void {
    const room = roomOfChannel(channel.toString());
    const subscription = room === undefined ? undefined : this.rooms.get(room);
    const published = subscription && parsePublished(message);
    if (subscription && published) this.receive(room!, subscription, published);
  }

  private receive(room: string, subscription: Subscription, entry: PublishedEntries): void {
    if (subscription.held) subscription.held.push(entry);
    else this.take(room, subscription, entry);
  }

  /** Published entries: handed over if they follow the last one handed, else the stream is read up to them. */
  private take(room: string, subscription: Subscription, { previous, entries }: PublishedEntries): void {
    if (compareStreamIds(entries.at(-1)?.id ?? previous, subscription.cursor) <= 0) return; // read already
    if (compareStreamIds(previous, subscription.cursor) > 0) {
      subscription.held = [];
      void this.read(room, subscription);
      return;
    }
    this.hand(subscription, entries);
  }

  private hand(subscription: Subscription, entries: StreamEntry[]): void {
    const fresh = entries.filter((entry) => compareStreamIds(entry.id, subscription.cursor) > 0);
    if (fresh.length === 0) return;
    subscription.cursor = fresh.at(-1)!.id;
    subscription.onEntries(fresh);
  }

  private current(room: string, subscription: Subscription): boolean {
    return this.running && this.rooms.get(room) === subscription;
  }

  /** Reads the stream after the cursor (again while it fails), then what was published meanwhile. */
  private async read(room: string, subscription: Subscription): Promise<void> {
    if (subscription.reading) return;
    subscription.reading = true;
    try {
      do {
        subscription.again = false;
        try {
          const entries = await this.readAfter(room, subscription.cursor);
          if (!this.current(room, subscription)) return;
          this.hand(subscription, entries);
        } catch (err) {
          if (!this.current(room, subscription)) return;
          this.onError(err);
          subscription.again = true;
          await new Promise((done) => setTimeout(done, RETRY_MS));
        }
      } while (subscription.again && this.current(room, subscription));
    } finally {
      subscription.reading = false;
    }
    if (!this.current(room, subscription)) return;
    const held = subscription.held ?? [];
    subscription.held = null;
    for (const entry of held) this.receive(room, subscription, entry);
  }

  /** The connection is back: subscribed again to every room (before reading, so nothing falls in between), then read. */
  private async resubscribe(): Promise<void> {
    const rooms = [...this.rooms];
    if (rooms.length === 0) return;
    for (const [, subscription] of rooms) {
      subscription.held ??= [];
      subscription.again = true;
    }
    try {
      await this.subscriber.subscribe(...rooms.map(([room]) => roomChannelKey(room)));
    } catch (err) {
      this.onError(err); // lost again: the next return does it
      return;
    }
    for (const [room, subscription] of rooms) if (this.current(room, subscription)) void this.read(room, subscription);
  }
}
