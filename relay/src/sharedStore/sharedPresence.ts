// Presence across relays: each room's awareness changes published on a Redis channel of the room, never stored.
import type { Redis } from 'ioredis';

const channelOf = (room: string) => `maillage:presence:${room}`;
const roomOf = (channel: string) => channel.slice('maillage:presence:'.length);

/** A published change: its origin (the room in memory that published it), a zero byte, the awareness update. */
const frame = (origin: string, update: Uint8Array) => Buffer.concat([Buffer.from(`${origin}\0`), update]);

export class SharedPresence {
  private readonly rooms = new Map<string, { origin: string; onOthers: (update: Uint8Array) => void }>();

  /** listener: a connection used for nothing else (subscribed); writer: any other, to publish. */
  constructor(
    private readonly listener: Redis,
    private readonly writer: Redis,
    private readonly onError: (error: unknown) => void,
  ) {
    listener.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const room = this.rooms.get(roomOf(channel.toString()));
      const split = message.indexOf(0);
      if (!room || split < 0 || message.subarray(0, split).toString() === room.origin) return;
      room.onOthers(new Uint8Array(message.subarray(split + 1)));
    });
  }

  follow(room: string, origin: string, onOthers: (update: Uint8Array) => void): void {
    this.rooms.set(room, { origin, onOthers });
    this.listener.subscribe(channelOf(room)).catch(this.onError);
  }

  unfollow(room: string): void {
    this.rooms.delete(room);
    this.listener.unsubscribe(channelOf(room)).catch(this.onError);
  }

  publish(room: string, origin: string, update: Uint8Array): void {
    this.writer.publish(channelOf(room), frame(origin, update)).catch(this.onError);
  }

  stop(): void {
    this.listener.disconnect();
  }
}
