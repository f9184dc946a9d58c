// Updates waiting to be integrated into a room's doc, packed into one growing buffer: a room holds one object for
// them, not one per update (each Uint8Array was ~240 bytes of heap the garbage collector had to trace and promote).
/** The smallest buffer: most rooms between two reads hold a few small updates (a map set is ~40 bytes). */
const FIRST_CAPACITY = 64;

export class PackedUpdates {
  private buffer: Uint8Array | null = null;
  private used = 0;
  /** Where each update ends in the buffer: small integers, stored inline by V8. */
  private ends: number[] = [];

  get count(): number {
    return this.ends.length;
  }

  /** Copies the update in: the caller's bytes may be a view into a socket's read buffer. */
  push(update: Uint8Array): void {
    const needed = this.used + update.byteLength;
    if (this.buffer === null || needed > this.buffer.byteLength) this.grow(needed);
    this.buffer!.set(update, this.used);
    this.used = needed;
    this.ends.push(needed);
  }

  /** Every update in arrival order, as views into the buffer, which is handed over: the queue is empty after. */
  takeAll(): Uint8Array[] {
    const { buffer, ends } = this;
    this.buffer = null;
    this.used = 0;
    this.ends = [];
    if (buffer === null) return [];
    return ends.map((end, i) => buffer.subarray(i === 0 ? 0 : ends[i - 1]!, end));
  }

  private grow(needed: number): void {
    let capacity = Math.max(FIRST_CAPACITY, this.buffer?.byteLength ?? 0);
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    if (this.buffer !== null) grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }
}
