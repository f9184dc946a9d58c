// The journal's line for background fetches: a device syncing its documents in the background opens a socket per
// changed document; the journal gets one line per device and minute (how many documents, bytes written), not two
// per document (docs/decisions/0029).
import type { JournalEntry } from './journal';

type Who = Pick<JournalEntry, 'ws' | 'member' | 'device' | 'role' | 'address'>;

interface Tally {
  who: Who;
  rooms: Set<string>;
  bytes: number;
}

const EVERY_MS = 60_000;

export class FetchSummary {
  private readonly tallies = new Map<string, Tally>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly append: (entry: Omit<JournalEntry, 't'>) => void) {
    this.timer = setInterval(() => this.flush(), EVERY_MS);
    this.timer.unref();
  }

  /** A background socket closed after syncing `room`, having written `bytes`. */
  add(who: Who, room: string, bytes: number): void {
    const key = `${who.ws}\u0000${who.member}\u0000${who.device}`;
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = { who, rooms: new Set(), bytes: 0 }));
    tally.rooms.add(room);
    tally.bytes += bytes;
  }

  flush(): void {
    for (const { who, rooms, bytes } of this.tallies.values())
      this.append({ ...who, room: null, event: 'fetch', reason: `documents:${rooms.size}`, bytes });
    this.tallies.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
