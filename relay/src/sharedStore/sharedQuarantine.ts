// Rooms quarantined by any relay sharing the store (docs/decisions/0015, 0040): a row in Postgres per room, the
// truth every relay reads every few seconds and at start, and an announcement on a Redis channel so that the other
// relays close the room at once. An operator releases a room by deleting its row (README).
import type { Redis } from 'ioredis';
import type postgres from 'postgres';
import { connectPostgres, createTable, TABLE_LOCKS } from './postgresTables';
import { Announcer } from './announcer';
import { connectRedis } from './roomStreams';

const CHANNEL = 'maillage:quarantined';
/** How often the rows are read again: a release reaches every relay within this time. */
const REFRESH_MS = 5_000;

export class SharedQuarantine {
  /** The rooms Postgres held at the last reading, plus those quarantined or announced since. */
  private rooms = new Set<string>();
  /** Quarantined here, not yet written to Postgres: kept whatever a reading says. */
  private readonly unwritten = new Set<string>();
  private readonly sql: postgres.Sql;
  private readonly listener: Redis;
  private readonly keeper: Announcer;
  private timer: NodeJS.Timeout | undefined;
  /** Told of a room another relay quarantined, to close it here. */
  onQuarantinedElsewhere: (room: string) => void = () => {};

  constructor(
    urls: { redisUrl: string; databaseUrl: string },
    private readonly writer: Redis,
    private readonly onError: (error: unknown) => void,
  ) {
    this.sql = connectPostgres(urls.databaseUrl, 1);
    this.listener = connectRedis(urls.redisUrl, { blocking: true });
    this.listener.on('error', onError);
    this.keeper = new Announcer(onError);
  }

  async start(): Promise<void> {
    await createTable(this.sql, TABLE_LOCKS.quarantinedRooms, async (sql) => {
      await sql`CREATE TABLE IF NOT EXISTS maillage_quarantined_rooms (
        room text PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        error text NOT NULL
      )`;
    });
    this.listener.on('message', (_channel: string, room: string) => {
      if (this.rooms.has(room)) return;
      this.rooms.add(room);
      this.onQuarantinedElsewhere(room);
    });
    await this.listener.connect();
    await this.listener.subscribe(CHANNEL);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(this.onError), REFRESH_MS);
    this.timer.unref();
  }

  has(room: string): boolean {
    return this.rooms.has(room);
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Refused here at once; written to Postgres and announced, tried again until both take it. */
  add(room: string, error: string): void {
    this.rooms.add(room);
    this.unwritten.add(room);
    this.keeper.announce(async () => {
      await this.sql`
        INSERT INTO maillage_quarantined_rooms (room, error) VALUES (${room}, ${error.slice(0, 500)})
        ON CONFLICT (room) DO NOTHING`;
      this.unwritten.delete(room);
      await this.writer.publish(CHANNEL, room);
    });
  }

  private async refresh(): Promise<void> {
    const rows = await this.sql<{ room: string }[]>`SELECT room FROM maillage_quarantined_rooms`;
    this.rooms = new Set([...rows.map((row) => row.room), ...this.unwritten]);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.keeper.stop();
    this.listener.disconnect();
    await this.sql.end({ timeout: 1 });
  }
}
