// When the writer must checkpoint the WAL itself (see Checkpointer): told what the worker reports and what time it is,
// it decides; no thread, no timer, so that every rule is tested without waiting on the machine.

/** Why the writer is asked to checkpoint: the WAL passed its bound, or the worker stopped reporting. */
export type RestartReason = 'wal_full' | 'checkpointer_silent';

export class WalRestarts {
  /** The WAL size the writer was last asked at: not again while it is unchanged (an idle relay's WAL stays as it is). */
  private askedAtBytes = -1;
  private heardAt: number;

  constructor(
    private readonly maxWalBytes: number,
    private readonly silentAfterMs: number,
    private readonly restartWal: (reason: RestartReason) => void,
    now: number,
  ) {
    this.heardAt = now;
  }

  /** The worker checkpointed and the WAL holds `walBytes`: past the bound, and changed since last asked, restart it. */
  checkpointed(walBytes: number, now: number): void {
    this.heardAt = now;
    if (walBytes <= this.maxWalBytes || walBytes === this.askedAtBytes) return;
    this.askedAtBytes = walBytes;
    this.restartWal('wal_full');
  }

  /** A look at the clock: once per `silentAfterMs` without a report, the writer checkpoints in the worker's place. */
  tick(now: number): void {
    if (now - this.heardAt < this.silentAfterMs) return;
    this.heardAt = now;
    this.restartWal('checkpointer_silent');
  }
}
