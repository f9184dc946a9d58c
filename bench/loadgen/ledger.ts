// What each sender sent and when its room's measurer first saw it, in typed arrays allocated once: counting a message
// allocates nothing, so the ledger adds no garbage-collection pause to the latencies it records.
export class Ledger {
  private readonly sentAt: Float64Array;
  private readonly latency: Float64Array;

  /** capacity: the highest sequence number a sender can reach in the run, plus one. */
  constructor(
    readonly senders: number,
    readonly capacity: number,
  ) {
    this.sentAt = new Float64Array(senders * capacity).fill(Number.NaN);
    this.latency = new Float64Array(senders * capacity).fill(Number.NaN);
  }

  /** A send inside the measured window (at: performance.now()). */
  sent(sender: number, seq: number, at: number): void {
    if (seq >= this.capacity) throw new Error(`sender ${sender} passed ${this.capacity} messages: ledger too small`);
    this.sentAt[sender * this.capacity + seq] = at;
  }

  /** A sighting by the room's measurer; only the first one of a recorded send counts. */
  seen(sender: number, seq: number, now: number): void {
    if (sender < 0 || sender >= this.senders || seq < 0 || seq >= this.capacity) return;
    const i = sender * this.capacity + seq;
    if (Number.isNaN(this.latency[i]!) && !Number.isNaN(this.sentAt[i]!)) this.latency[i] = now - this.sentAt[i]!;
  }

  /** Recorded sends, and the latencies of those delivered (unsorted). */
  tally(): { expected: number; latencies: Float64Array } {
    let expected = 0;
    const delivered: number[] = [];
    for (let i = 0; i < this.sentAt.length; i++) {
      if (Number.isNaN(this.sentAt[i]!)) continue;
      expected++;
      if (!Number.isNaN(this.latency[i]!)) delivered.push(this.latency[i]!);
    }
    return { expected, latencies: Float64Array.from(delivered) };
  }

  /**
   * The recorded sends grouped by when they were sent, `windowMs` from `origin` (a soak's minutes): how many, and the
   * latencies of those delivered, sorted.
   */
  byWindow(origin: number, windowMs: number): { expected: number; latencies: Float64Array }[] {
    const windows: { expected: number; latencies: number[] }[] = [];
    for (let i = 0; i < this.sentAt.length; i++) {
      if (Number.isNaN(this.sentAt[i]!)) continue;
      const w = Math.max(0, Math.floor((this.sentAt[i]! - origin) / windowMs));
      while (windows.length <= w) windows.push({ expected: 0, latencies: [] });
      windows[w]!.expected++;
      if (!Number.isNaN(this.latency[i]!)) windows[w]!.latencies.push(this.latency[i]!);
    }
    return windows.map(({ expected, latencies }) => ({ expected, latencies: Float64Array.from(latencies).sort() }));
  }

  /** Every recorded send as [sent at, latency or -1], for a profiling session's timeline. */
  rows(): [number, number][] {
    const rows: [number, number][] = [];
    for (let i = 0; i < this.sentAt.length; i++) {
      if (!Number.isNaN(this.sentAt[i]!))
        rows.push([this.sentAt[i]!, Number.isNaN(this.latency[i]!) ? -1 : this.latency[i]!]);
    }
    return rows;
  }
}
