// Announcements to the other relays (and catch-ups from them) that must not be lost when Redis is briefly unreachable:
// tried in order, each again every second until Redis answers (while this relay runs; its own SQLite holds what it
// announces across a restart, and it announces again at start what the record lacks).
const RETRY_MS = 1_000;

export class Announcer {
  private readonly queue: (() => Promise<unknown>)[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  announce(send: () => Promise<unknown>): void {
    this.queue.push(send);
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    if (this.running || this.timer) return;
    this.running = true;
    while (!this.stopped && this.queue.length > 0) {
      try {
        await this.queue[0]!();
        this.queue.shift();
      } catch (err) {
        this.onError(err);
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.run();
        }, RETRY_MS);
        this.timer.unref();
        break;
      }
    }
    this.running = false;
  }
}
