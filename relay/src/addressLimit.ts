// Concurrent TCP connections per remote address: past the cap a new one is dropped before Node parses a byte of it.
import type { Socket } from 'node:net';

/**
 * Nothing else bounds what one address holds before it is admitted: a request whose headers trickle in lives up to
 * Node's headersTimeout (60 s), a slow /acl body up to requestTimeout (300 s), a refused socket that never answers the
 * close up to ws' 30 s; each costs a file descriptor, and once the process is out of them nobody connects.
 */
export class AddressLimit {
  private readonly open = new Map<string, number>();
  private readonly over = new Set<string>();
  /** Connections dropped since start (/metrics). */
  dropped = 0;

  constructor(
    private readonly max: number,
    private readonly log: (event: string, fields: Record<string, unknown>) => void,
  ) {}

  /** For the server's `connection` event: counts the socket until it closes, or destroys it when its address is full. */
  readonly admit = (socket: Socket): void => {
    if (this.max <= 0) return;
    const address = socket.remoteAddress ?? '';
    const count = this.open.get(address) ?? 0;
    if (count >= this.max) {
      this.dropped++;
      // Logged once per spell over the cap, not once per connection: the log is a disk too.
      if (!this.over.has(address)) this.log('address_limit', { address, max: this.max });
      this.over.add(address);
      socket.destroy();
      return;
    }
    this.open.set(address, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
      if (left < this.max) this.over.delete(address);
    });
  };
}
