// What /metrics says of the shared store (docs/decisions/0040): its round trips and the length of the streams held.
import type { SharedRoomLog, SharedStoreReading } from './sharedRoomLog';

/** How often the store is probed: a PING, a SELECT 1 and one XLEN per room held, in one pipeline. */
const PROBE_EVERY_MS = 5_000;

export class SharedStoreGauges {
  /** The last probe's; null until one has answered. A failed probe leaves the last reading and is logged. */
  last: SharedStoreReading | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(log: SharedRoomLog, onError: (error: unknown) => void) {
    const probe = () => log.probe().then((reading) => void (this.last = reading), onError);
    void probe();
    this.timer = setInterval(probe, PROBE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The lines /metrics adds (Prometheus text), none before the first reading. */
  render(): string {
    const reading = this.last;
    if (!reading) return '';
    const gauge = (name: string, help: string, value: number) =>
      `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;
    return (
      gauge('maillage_redis_roundtrip_seconds', 'Last PING to Redis, there and back.', reading.redisSeconds) +
      gauge(
        'maillage_postgres_roundtrip_seconds',
        'Last SELECT 1 in Postgres, there and back.',
        reading.postgresSeconds,
      ) +
      gauge(
        'maillage_stream_entries',
        'Entries in the Redis streams of the rooms this relay holds.',
        reading.streamEntries,
      ) +
      gauge(
        'maillage_stream_entries_max',
        'Entries in the longest stream of a room this relay holds.',
        reading.longestStream,
      )
    );
  }
}
